"""Shared pieces of the benchmark scripts: paths, logging, the results folder, machine facts and
the final one-line JSON."""
import datetime
import json
import os
import pathlib
import signal
import subprocess
import sys
import time

BENCH = pathlib.Path(__file__).resolve().parent.parent
ROOT = BENCH.parent
SCENARIOS = BENCH / "scenarios"


def _terminate(signum, frame):
    raise SystemExit(128 + signum)


# a TERM (or Ctrl-C) unwinds the script, so that every server and sipp it started is stopped
signal.signal(signal.SIGTERM, _terminate)


def log(msg):
    print(f"# {time.strftime('%H:%M:%S')} {msg}", file=sys.stderr, flush=True)


def pinned(cpus, cmd):
    """cmd run under taskset on the given CPU list (None or '' = not pinned)."""
    return (["taskset", "-c", cpus] + cmd) if cpus else cmd


def run_dir(name, server, out=None):
    root = pathlib.Path(out) if out else BENCH / "results"
    d = root / f"{datetime.datetime.now().strftime('%Y%m%d-%H%M%S')}-{name}-{server}"
    d.mkdir(parents=True, exist_ok=True)
    return d


def loadavg():
    with open("/proc/loadavg") as f:
        return [float(x) for x in f.read().split()[:3]]


def _first_line(cmd):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
        return (r.stdout + r.stderr).strip().split("\n")[0]
    except (OSError, subprocess.TimeoutExpired):
        return None


def machine():
    """Facts that go with every figure: cores, memory, JDK, sipp, load before the run."""
    mem_kb = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    java = os.environ.get("JAVA_HOME")
    return {"cores": os.cpu_count(), "mem_gib": round(mem_kb / 1024 / 1024, 1),
            "java": _first_line([os.path.join(java, "bin", "java") if java else "java", "-version"]),
            "sipp": _first_line(["sipp", "-v"]), "load_before": loadavg(),
            "date": datetime.datetime.now().isoformat(timespec="seconds")}


def cpu_times():
    """Per-CPU (busy, total) jiffies from /proc/stat."""
    out = {}
    with open("/proc/stat") as f:
        for line in f:
            if line.startswith("cpu") and line[3].isdigit():
                p = line.split()
                v = [int(x) for x in p[1:]]
                idle = v[3] + v[4]
                out[p[0]] = (sum(v[:8]) - idle, sum(v[:8]))
    return out


def busy_pct(before, after):
    res = {}
    for k in after:
        if k in before:
            db, dt = after[k][0] - before[k][0], after[k][1] - before[k][1]
            res[k] = round(100.0 * db / dt, 1) if dt else None
    return res


def finish(run, result):
    """Writes summary.json in the run folder and prints the result as the last line of stdout."""
    result["results_dir"] = str(run)
    line = json.dumps(result, separators=(",", ":"))
    (run / "summary.json").write_text(line + "\n")
    print(line, flush=True)


def write_step(run, step):
    with open(run / "steps.jsonl", "a") as f:
        f.write(json.dumps(step) + "\n")
    keys = ("label", "rate", "pass", "achieved_rate", "failed", "retrans_pct", "server_cpu_pct",
            "server_cpu_ms_per_call", "rtt_avg_ms", "reasons")
    log(json.dumps({k: step.get(k) for k in keys if k in step}))
