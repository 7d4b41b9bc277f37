"""Load steps driven by sipp: one call step (callee + caller through the server), one
registration step, the rate ladder, and the verdict of a step.

A step passes when sipp exits 0, no call failed (caller and callee), every call completed,
retransmissions stay under 1 % of the calls and the achieved rate is at least 95 % of the target."""
import os
import signal
import subprocess
import time

from common import SCENARIOS, busy_pct, cpu_times, log, pinned
from servers import port_listening, wait_port_free

BUFFER = 4 * 1024 * 1024
UAS_PORT = 5070
UAC_PORT = 5080


def sipp_transport(transport):
    return {"udp": "u1", "tcp": "t1"}[transport]


def read_stat(path):
    """Cumulative counters of the last line of a sipp -trace_stat file."""
    try:
        with open(path) as f:
            lines = [x.rstrip("\n") for x in f if x.strip()]
    except OSError:
        return {}
    if len(lines) < 2:
        return {}
    row = dict(zip(lines[0].split(";"), lines[-1].split(";")))

    def num(k):
        try:
            return int(row.get(k) or 0)
        except ValueError:
            return 0

    def epoch(k):
        try:
            return float((row.get(k) or "").split("\t")[-1])
        except ValueError:
            return None

    start, now = epoch("StartTime"), epoch("CurrentTime")
    return {"elapsed_s": round(now - start, 3) if start and now else None,
            "created": num("TotalCallCreated"), "successful": num("SuccessfulCall(C)"),
            "failed": num("FailedCall(C)"), "retrans": num("Retransmissions(C)"),
            "current": num("CurrentCall"), "dead_call_msgs": num("DeadCallMsgs(C)"),
            "out_of_call_msgs": num("OutOfCallMsgs(C)"),
            "failed_timeout": num("FailedTimeoutOnRecv(C)") + num("FailedMaxUDPRetrans(C)"),
            "failed_unexpected": num("FailedUnexpectedMessage(C)"),
            "failed_rejected": num("FailedCallRejected(C)")}


def udp_noports():
    with open("/proc/net/snmp") as f:
        rows = [line.split() for line in f if line.startswith("Udp:")]
    return int(rows[1][rows[0].index("NoPorts")])


def quiesce(quiet_s=5, max_s=40):
    """Waits until nothing is sent to closed UDP ports for quiet_s seconds (late retransmissions of
    a failed step would otherwise hit the next step's sipp)."""
    last, idle, t = udp_noports(), 0, 0
    while t < max_s and idle < quiet_s:
        time.sleep(1)
        t += 1
        cur = udp_noports()
        idle, last = (idle + 1, last) if cur == last else (0, cur)
    return t


def _stop(p, sig=signal.SIGTERM, wait=10):
    if p.poll() is None:
        p.send_signal(sig)
        try:
            p.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait(timeout=10)


def _wait_client(p, stat_path, calls, max_retrans_pct, deadline, early_abort):
    aborted = None
    while p.poll() is None:
        if time.monotonic() > deadline:
            aborted = "deadline"
            _stop(p)
            break
        time.sleep(1)
        if early_abort:
            s = read_stat(stat_path)
            if s.get("failed", 0) > 0:
                aborted = "failed call"
            elif s.get("retrans", 0) * 100 >= max_retrans_pct * calls:
                aborted = "retransmissions"
            if aborted:
                log(f"step stopped early: {aborted}")
                _stop(p)
                break
    return p.wait(), aborted


def sipp_cmd(scenario, transport, port, stat, extra):
    return ["sipp", "-sf", str(SCENARIOS / scenario), "-t", sipp_transport(transport), "-i", "127.0.0.1",
            "-p", str(port), "-nostdin", "-trace_stat", "-stf", stat, "-fd", "1", "-trace_err",
            "-buff_size", str(BUFFER)] + extra


def run_step(server, step_dir, *, kind, rate, duration, transport="udp", pin=None, hold_ms=0,
             uac_scenario=None, inf=None, service="uas", uac_port=UAC_PORT, rtt=False,
             max_retrans_pct=1.0, min_rate_ratio=0.95, early_abort=True, calls=None, during=None):
    """One load step. kind: 'call' (sipp callee on 5070 + caller through the server) or 'register'
    (sipp registering users of the injection file). during(elapsed_s) is called every second while
    the caller runs (memory measurements). Returns the step's JSON object."""
    step_dir.mkdir(parents=True, exist_ok=True)
    uac_scenario = uac_scenario or ("uac.xml" if kind == "call" else "register.xml")
    m = calls or int(rate * duration)
    limit = max(1000, 2 * rate) if not hold_ms else m + 10
    wait_port_free(uac_port)
    uas = None
    if kind == "call":
        wait_port_free(UAS_PORT)
        uas = subprocess.Popen(pinned(pin, sipp_cmd("uas.xml", transport, UAS_PORT, "uas.csv",
                                                    ["-timeout", f"{int(2 * duration + hold_ms / 1000 + 90)}s"])),
                               cwd=step_dir, stdout=open(step_dir / "uas.out", "w"), stderr=subprocess.STDOUT)
        for _ in range(100):
            if port_listening(UAS_PORT, "udp" if transport == "udp" else "tcp"):
                break
            time.sleep(0.05)
        remote = ["127.0.0.1:%d" % UAS_PORT, "-rsa", server.address()] if uac_scenario == "uac.xml" \
            else [server.address()]
        extra = remote + ["-s", service, "-d", str(hold_ms)]
    else:
        extra = [server.address()]
    if inf:
        extra += ["-inf", str(inf)]
    if rtt:
        extra += ["-trace_rtt", "-rtt_freq", "1000"]
    extra += ["-r", str(rate), "-rp", "1000", "-m", str(m), "-l", str(limit),
              "-timeout", f"{int(2 * duration + hold_ms / 1000 + 60)}s"]
    cpu0, t0 = server.cpu(), cpu_times()
    uac = subprocess.Popen(pinned(pin, sipp_cmd(uac_scenario, transport, uac_port, "uac.csv", extra)),
                           cwd=step_dir, stdout=open(step_dir / "uac.out", "w"), stderr=subprocess.STDOUT)
    try:
        w0 = time.monotonic()
        deadline = w0 + 2 * duration + hold_ms / 1000 + 60
        if during:
            while uac.poll() is None and time.monotonic() < deadline:
                during(time.monotonic() - w0)
                time.sleep(1)
        rc, aborted = _wait_client(uac, step_dir / "uac.csv", m, max_retrans_pct, deadline, early_abort)
        wall = time.monotonic() - w0
        cpu1, t1 = server.cpu(), cpu_times()
        if uas is not None:
            _stop(uas, signal.SIGUSR1, wait=15)
    finally:
        _stop(uac)
        if uas is not None:
            _stop(uas)
    q = quiesce()
    c = read_stat(step_dir / "uac.csv")
    s = read_stat(step_dir / "uas.csv") if uas is not None else {}
    failed = c.get("failed", 0) + s.get("failed", 0)
    retrans = c.get("retrans", 0) + s.get("retrans", 0)
    successful = c.get("successful", 0)
    elapsed = c.get("elapsed_s") or wall
    achieved = round(successful / elapsed, 1) if elapsed else 0
    rpct = round(100.0 * retrans / m, 3)
    reasons = []
    if rc != 0:
        reasons.append(f"sipp exit {rc}")
    if aborted:
        reasons.append(f"stopped: {aborted}")
    if failed:
        reasons.append(f"failed={failed}")
    if successful < m:
        reasons.append(f"successful={successful}<{m}")
    if rpct >= max_retrans_pct:
        reasons.append(f"retransmissions={rpct}%")
    if not hold_ms and achieved < min_rate_ratio * rate:
        reasons.append(f"achieved={achieved}<{min_rate_ratio}*{rate}")
    step = {"kind": kind, "rate": rate, "transport": transport, "calls": m, "pass": not reasons,
            "reasons": reasons, "achieved_rate": achieved, "successful": successful, "failed": failed,
            "retrans": retrans, "retrans_pct": rpct, "elapsed_s": elapsed, "quiesce_s": q,
            "uac": c, "uas": s or None, "per_cpu_busy_pct": busy_pct(t0, t1)}
    if cpu0 is not None and cpu1 is not None:
        used = cpu1 - cpu0
        step["server_cpu_s"] = round(used, 2)
        step["server_cpu_pct"] = round(100 * used / wall, 1)
        step["server_cpu_ms_per_call"] = round(1000 * used / successful, 4) if successful else None
    step["rtt_avg_ms"] = _avg_rtt(step_dir / "uac.csv")
    return step


def _avg_rtt(path):
    try:
        with open(path) as f:
            lines = [x.rstrip("\n") for x in f if x.strip()]
        row = dict(zip(lines[0].split(";"), lines[-1].split(";")))
        v = row.get("ResponseTimeinvite(C)") or row["ResponseTime1(C)"]
        h, mi, s, us = (int(x) for x in v.split(":"))
        return round((h * 3600 + mi * 60 + s) * 1000 + us / 1000, 3)
    except (OSError, KeyError, ValueError, IndexError):
        return None


def ladder(run_step_at, rates, refine=2):
    """Steps the rates in ascending order until one fails, then bisects `refine` times between the
    last pass and the first failure. Returns (best passing step or None, all steps)."""
    steps, best, first_fail = [], None, None
    for r in rates:
        st = run_step_at(r)
        steps.append(st)
        if st["pass"]:
            best = st
        else:
            first_fail = st
            break
    lo = best["rate"] if best else 0
    if first_fail and refine:
        hi = first_fail["rate"]
        for _ in range(refine):
            mid = (lo + hi) // 2
            mid = mid // 100 * 100 if mid >= 1000 else mid // 10 * 10
            if mid <= lo or mid >= hi:
                break
            st = run_step_at(mid)
            steps.append(st)
            if st["pass"]:
                lo, best = mid, st
            else:
                hi = mid
    return best, steps


def users_file(path, count, prefix, password=None):
    """A sipp injection file of `count` unique users (user;password when a password is given)."""
    with open(path, "w") as f:
        f.write("SEQUENTIAL\n")
        for i in range(count):
            f.write(f"{prefix}{i};{password}\n" if password else f"{prefix}{i};\n")
    return path


def rtt_percentiles(step_dir):
    """Percentiles (ms) of the INVITE-to-200 response times of the -trace_rtt file of a step."""
    files = [f for f in os.listdir(step_dir) if f.endswith("_rtt.csv")]
    vals = []
    for name in files:
        with open(step_dir / name) as f:
            next(f, None)
            for line in f:
                p = line.strip().split(";")
                if len(p) >= 3 and p[2] in ("1", "invite"):
                    vals.append(float(p[1]))
    if not vals:
        return None
    vals.sort()

    def pct(q):
        return vals[min(len(vals) - 1, int(q / 100.0 * len(vals)))]

    return {"samples": len(vals), "p50_ms": pct(50), "p90_ms": pct(90), "p99_ms": pct(99),
            "p99_9_ms": pct(99.9), "max_ms": vals[-1]}
