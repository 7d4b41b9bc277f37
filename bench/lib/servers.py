"""Servers under test: Olelo started from this project, Kamailio started with bench/kamailio, or any
server already running (address and PID). Every process is started and stopped by its PID."""
import os
import pathlib
import re
import shutil
import signal
import socket
import subprocess
import time

from common import BENCH, ROOT, log, pinned

READY_LINE = "Olelo ready in"

# Routing descriptors of the deployments the benchmarks use.
ROUTING = {
    "proxy": 'ALL: ("proxy", "DAR:From", "NEUTRAL", "", "NO_ROUTE", "0")\n',
    "registrar": 'REGISTER: ("registrar", "DAR:To", "TERMINATING", "", "NO_ROUTE", "0")\n'
                 'ALL: ("registrar", "DAR:To", "TERMINATING", "", "NO_ROUTE", "0", "ruri.local=true")\n',
}
APPS = {"proxy": ["proxy.war"], "registrar": ["registrar.war"]}


def tree_pids(pid):
    """pid and all its descendants (Kamailio forks its workers)."""
    children = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    s = f.read()
                children.setdefault(int(s[s.rindex(")") + 2:].split()[1]), []).append(int(d))
            except (OSError, ValueError):
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def cpu_seconds(pid):
    """CPU time (user + system, all threads) of pid and its descendants, in seconds."""
    tck = os.sysconf("SC_CLK_TCK")
    total = 0
    for p in tree_pids(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                s = f.read()
            rest = s[s.rindex(")") + 2:].split()
            total += int(rest[11]) + int(rest[12])
        except (OSError, ValueError):
            pass
    return total / tck


def port_listening(port, proto="udp"):
    out = subprocess.run(["ss", "-Hln", "-u" if proto == "udp" else "-t", f"sport = :{port}"],
                         capture_output=True, text=True).stdout
    return bool(out.strip())


class Server:
    """A server under test: host, port, pid; cpu() for its CPU seconds; stop() ends what we started."""
    name = "external"
    host = "127.0.0.1"
    port = 5060
    pid = None
    started = None

    def address(self):
        return f"{self.host}:{self.port}"

    def cpu(self):
        return cpu_seconds(self.pid) if self.pid else None

    def is_jvm(self):
        return False

    def stop(self):
        p = self.started
        if p is None or p.poll() is not None:
            return
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait(timeout=10)

    def describe(self):
        return {"server": self.name, "address": self.address(), "pid": self.pid}


class ExternalServer(Server):
    def __init__(self, address, pid):
        self.host, port = address.rsplit(":", 1)
        self.port = int(port)
        self.pid = pid

    def start(self):
        return self


def olelo_java_command():
    """The start command of the product (bin/olelo), or java -jar when the launcher is missing."""
    launcher = ROOT / "bin" / "olelo"
    if launcher.exists():
        return [str(launcher)]
    return ["java", "-jar", str(ROOT / "container" / "target" / "olelo.jar")]


class OleloServer(Server):
    """Olelo from this checkout, with a deployment made for the benchmark in the run folder."""
    name = "olelo"

    def __init__(self, run_dir, deployment="proxy", port=5060, pin=None, sets=None, app_params=None,
                 java_opts=None, deploy_from=None, heap=None, jar=None):
        self.port = port
        self.dir = run_dir / "olelo"
        deploy = self.dir / "deploy"
        apps = deploy / "apps"
        apps.mkdir(parents=True, exist_ok=True)
        src_apps = ROOT / "deploy" / "apps"
        if deploy_from == "default":
            # the shipped deployment as it is: its routing, properties and every built application
            for f in (ROOT / "deploy").iterdir():
                if f.is_file():
                    shutil.copy(f, deploy / f.name)
            names = [f.name for f in src_apps.iterdir() if f.suffix in (".war", ".sar")]
        else:
            (deploy / "routing.properties").write_text(ROUTING[deployment])
            names = APPS[deployment]
        for n in names:
            if not (src_apps / n).exists():
                raise SystemExit(f"deploy/apps/{n} is missing: build first (mvn -B -DskipTests package)")
            shutil.copy(src_apps / n, apps / n)
        for app, params in (app_params or {}).items():
            (apps / f"{app}.properties").write_text("".join(f"{k}={v}\n" for k, v in params.items()))
        self.cmd = olelo_java_command()
        self.env = dict(os.environ)
        # sipp sends thousands of requests a second from one address: flood detection off, so that a
        # benchmark measures the server and not the block (loopback is exempt by default anyway; the
        # variable says so explicitly, and an older olelo.jar only warns about it)
        self.env.setdefault("OLELO_PIKE_REQUESTS_PER_SECOND", "0")
        # no HTTP listener: a benchmark neither needs nor measures it, and two servers must not both
        # want 127.0.0.1:8080 (the environment, not --set: an older olelo.jar only warns about it)
        self.env.setdefault("OLELO_HTTP_LISTEN", "")
        if java_opts is not None:
            self.env["OLELO_JAVA_OPTS"] = java_opts
        if heap:
            self.env["OLELO_HEAP"] = heap
        if jar:
            self.env["OLELO_JAR"] = str(pathlib.Path(jar).resolve())
        self.args = ["--deploy-dir", str(deploy), "--data-dir", str(self.dir / "data"),
                     "--listen", f"udp:{self.host}:{port}", "--listen", f"tcp:{self.host}:{port}"]
        # no call log by default: the Kamailio configuration logs nothing per call either
        # (pass sets={"log.calls": "true"} to measure with it)
        for k, v in {"log.calls": "false", **(sets or {})}.items():
            self.args += ["--set", f"{k}={v}"]
        self.pin = pin
        self.log_path = self.dir / "olelo.log"
        self.ready_ms = None

    def is_jvm(self):
        return True

    def cli(self, *args):
        """Runs a subcommand of the launcher against this deployment (e.g. subscriber add)."""
        return subprocess.run(self.cmd + list(args) + ["--deploy-dir", str(self.dir / "deploy"),
                                                       "--data-dir", str(self.dir / "data")],
                              env=self.env, capture_output=True, text=True)

    def start(self, timeout=90):
        if port_listening(self.port) or port_listening(self.port, "tcp"):
            raise SystemExit(f"port {self.port} is already in use")
        t0 = time.monotonic()
        logf = open(self.log_path, "w")
        self.started = subprocess.Popen(pinned(self.pin, self.cmd + self.args), stdout=logf,
                                        stderr=subprocess.STDOUT, env=self.env, cwd=self.dir)
        self.pid = self.started.pid
        deadline = t0 + timeout
        while time.monotonic() < deadline:
            if self.started.poll() is not None:
                raise SystemExit(f"Olelo exited with {self.started.returncode}; see {self.log_path}")
            with open(self.log_path, errors="replace") as f:
                for line in f:
                    if READY_LINE in line:
                        self.ready_ms = (time.monotonic() - t0) * 1000
                        self.ready_line = line.strip()
                        log(f"olelo pid {self.pid} ready after {self.ready_ms:.0f} ms")
                        return self
            time.sleep(0.05)
        self.stop()
        raise SystemExit(f"Olelo not ready after {timeout} s; see {self.log_path}")

    def jcmd(self, *args):
        jcmd = os.path.join(os.environ["JAVA_HOME"], "bin", "jcmd") if os.environ.get("JAVA_HOME") else "jcmd"
        return subprocess.run([jcmd, str(self.pid)] + list(args), capture_output=True, text=True,
                              timeout=300).stdout

    def heap_after_gc(self):
        """Bytes of heap in use right after a full collection (jcmd GC.run, then GC.heap_info).
        With a generational collector that compacts into the old generation (Parallel, Serial)
        only the old generation counts: under load the young one fills again within the
        milliseconds between the two commands. Otherwise the 'used' figures, Metaspace left out."""
        self.jcmd("GC.run")
        info = self.jcmd("GC.heap_info").splitlines()
        old = [x for x in info if re.match(r"\s*(ParOldGen|tenured generation)", x)]
        used = 0
        for line in old or info:
            m = re.search(r"\bused (\d+)K", line)
            if m and "Metaspace" not in line and "class space" not in line:
                used += int(m.group(1))
        return used * 1024


class KamailioServer(Server):
    """Kamailio with bench/kamailio/kamailio.cfg (127.0.0.1:5060), in the foreground, one UDP worker
    by default, with the TLSF memory manager (-x tlsf: Debian's build of the default manager keeps
    debugging records and costs several times more CPU per message)."""
    name = "kamailio"

    def __init__(self, run_dir, pin=None, children=1, shm_mb=1024):
        self.dir = run_dir / "kamailio"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.pin = pin
        self.cmd = ["kamailio", "-f", str(BENCH / "kamailio" / "kamailio.cfg"), "-DD", "-E",
                    "-n", str(children), "-m", str(shm_mb), "-M", "32", "-x", "tlsf", "-Y", str(self.dir), "-w", str(self.dir)]
        self.log_path = self.dir / "kamailio.log"

    def start(self, timeout=60):
        if shutil.which("kamailio") is None:
            raise SystemExit("kamailio is not installed (Debian: apt-get install -y kamailio)")
        if port_listening(self.port):
            raise SystemExit(f"port {self.port} is already in use")
        logf = open(self.log_path, "w")
        self.started = subprocess.Popen(pinned(self.pin, self.cmd), stdout=logf, stderr=subprocess.STDOUT)
        self.pid = self.started.pid
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.started.poll() is not None:
                raise SystemExit(f"kamailio exited with {self.started.returncode}; see {self.log_path}")
            if port_listening(self.port) and port_listening(self.port, "tcp"):
                time.sleep(1)
                log(f"kamailio pid {self.pid} listening on {self.address()}")
                return self
            time.sleep(0.1)
        self.stop()
        raise SystemExit(f"kamailio did not listen within {timeout} s; see {self.log_path}")

    def describe(self):
        d = super().describe()
        d["version"] = subprocess.run(["kamailio", "-v"], capture_output=True, text=True).stdout.split("\n")[0]
        return d


def add_server_options(ap, default_deployment):
    g = ap.add_argument_group("server under test")
    g.add_argument("--server", choices=["olelo", "kamailio", "external"], default="olelo",
                   help="olelo: start this checkout's olelo (default); kamailio: start Kamailio with "
                        "bench/kamailio/kamailio.cfg; external: a running server (--address, --pid)")
    g.add_argument("--address", default="127.0.0.1:5060", help="external server HOST:PORT (default 127.0.0.1:5060)")
    g.add_argument("--pid", type=int, help="external server PID, for its CPU time (descendants included)")
    g.add_argument("--pin-server", default="1", help="CPU list for the started server (taskset); '' = none (default 1)")
    g.add_argument("--pin-sipp", default="0", help="CPU list for sipp; '' = none (default 0)")
    g.add_argument("--java-opts", help="JVM options for Olelo instead of the launcher's defaults (OLELO_JAVA_OPTS)")
    g.add_argument("--heap", help="Olelo heap size for the launcher's defaults (OLELO_HEAP, e.g. 4g)")
    g.add_argument("--jar", help="another build of olelo.jar to start (OLELO_JAR), e.g. an earlier version")
    g.add_argument("--kamailio-children", type=int, default=1, help="Kamailio UDP workers (-n), default 1")
    ap.set_defaults(deployment=default_deployment)


def make_server(args, run_dir, deployment=None, sets=None, app_params=None, deploy_from=None):
    """The server the options name, not started yet (call start())."""
    deployment = deployment or args.deployment
    if args.server == "external":
        return ExternalServer(args.address, args.pid)
    if args.server == "kamailio":
        return KamailioServer(run_dir, pin=args.pin_server or None, children=args.kamailio_children)
    return OleloServer(run_dir, deployment, pin=args.pin_server or None, sets=sets, app_params=app_params,
                       java_opts=args.java_opts, deploy_from=deploy_from, heap=args.heap, jar=args.jar)


def wait_port_free(port, timeout=20):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.bind(("127.0.0.1", port))
            return True
        except OSError:
            time.sleep(0.2)
    return False
