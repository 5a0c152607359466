"""The navigator as a service on loopback: replicas of ``toolkaart serve`` behind HAProxy.

Used by the service tests (``tests/service/conftest.py``) and the capacity bench
(``benchmarks/capacity.py``). HAProxy's configuration (``haproxy_config``): ``balance
roundrobin``; a session sticks to its replica by an inserted cookie (``SERVERID``, ``insert
indirect nocache``: the replica never sees it); websockets stay open under ``timeout tunnel``;
each replica is checked on ``/_stcore/health`` every 250 ms and is out after two failed checks;
``option redispatch`` (with ``retries``) sends a request whose replica is down to another one.
Every response says which replica answered (``X-Replica``), and the log (``Proxy.log_lines``)
names the replica of every request, the websocket's included, with the client's ``test-client``
cookie. Replicas share one ``server.cookieSecret`` (Streamlit signs the sign-in's identity cookie
and the XSRF token with it), so a session moved to another replica keeps them valid.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import re
import secrets
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final

from benchmarks.measure import Server, free_port, streamlit_server
from toolkaart.serve import SERVER

#: The compose set-up's proxy configuration (compose.yaml mounts it into the HAProxy container).
COMPOSE_HAPROXY_CFG: Final = Path(__file__).resolve().parents[1] / "deploy" / "haproxy.cfg"

#: The container image's build file: the bench can run replicas with its allocator.
CONTAINERFILE: Final = Path(__file__).resolve().parents[1] / "Containerfile"
#: The environment variables that choose the image's memory allocator (jemalloc for Python's
#: objects): the Containerfile sets them, ``allocator_env`` reads them from there.
ALLOCATOR_VARIABLES: Final = ("PYTHONMALLOC", "LD_PRELOAD", "MALLOC_CONF")

HAPROXY_PATHS: Final = ("/usr/sbin/haproxy", "/usr/local/sbin/haproxy")
#: Which replica answered: a response header HAProxy adds, and the sticky cookie it inserts.
REPLICA_HEADER: Final = "X-Replica"
STICKY_COOKIE: Final = "SERVERID"
#: The cookie a test client carries so the proxy's log can name it (a cookie, not a header:
#: Chromium sends a context's extra headers with requests, not with the websocket's handshake).
CLIENT_COOKIE: Final = "test-client"
#: How often HAProxy checks a replica's health; it is out after FALL failed checks.
CHECK_INTERVAL_MS: Final = 250
FALL: Final = 2
#: The backend's name in the configuration.
BACKEND: Final = "replicas"


def containerfile_env(containerfile: Path = CONTAINERFILE) -> dict[str, str]:
    """Every ``ENV NAME=value`` the Containerfile sets (continuation lines joined)."""
    text = re.sub(r"\\\n", " ", containerfile.read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for line in text.splitlines():
        keyword, _, rest = line.strip().partition(" ")
        if keyword.upper() == "ENV":
            for word in shlex.split(rest):
                name, equals, value = word.partition("=")
                if equals:
                    found[name] = value
    return found


def allocator_env() -> dict[str, str]:
    """The image's allocator settings, for replicas on this machine that should use the memory
    allocator the image uses. Raises when the allocator's library is not installed here (Debian:
    ``libjemalloc2``): the dynamic loader would only warn and go on with the default."""
    env = containerfile_env()
    chosen = {name: env[name] for name in ALLOCATOR_VARIABLES}
    library = chosen["LD_PRELOAD"]
    if ctypes.util.find_library(library.removeprefix("lib").split(".so", 1)[0]) is None:
        raise RuntimeError(f"{library} is not installed (Debian: apt-get install libjemalloc2)")
    return chosen


def find_haproxy() -> str | None:
    for candidate in (*HAPROXY_PATHS, shutil.which("haproxy")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@dataclass
class Proxy:
    """A running HAProxy in front of the replicas."""

    process: subprocess.Popen[bytes]
    port: int
    config: Path
    log: IO[bytes]
    stats_socket: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        self.log.flush()
        return Path(self.log.name).read_text(encoding="utf-8", errors="replace")

    def log_lines(self) -> list[str]:
        """One line per request: ``"<client>" <replica> <status> <method> <path>`` (the client is
        the ``test-client`` cookie, empty without one)."""
        return [line for line in self.output().splitlines() if line.startswith("request ")]

    def command(self, line: str) -> str:
        """A command on HAProxy's runtime API (its stats socket), e.g. ``show stat``."""
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.connect(str(self.stats_socket))
            client.sendall(line.encode() + b"\n")
            chunks = []
            while chunk := client.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks).decode()

    def server_states(self) -> dict[str, str]:
        """Each replica's state as the proxy sees it: ``UP``, ``DOWN``, ``UP 1/2`` (going down)..."""
        rows = self.command("show stat").splitlines()
        header = rows[0].lstrip("# ").split(",")
        states = {}
        for row in rows[1:]:
            values = dict(zip(header, row.split(","), strict=False))
            if values.get("type") == "2":  # a server (0 a frontend, 1 a backend)
                states[values["svname"]] = values["status"]
        return states


def haproxy_config(
    port: int, replicas: Mapping[str, int], stats_socket: Path, check_ms: int = CHECK_INTERVAL_MS
) -> str:
    """The proxy's configuration: round robin, sticky by an inserted cookie, websockets, health
    checks on Streamlit's own endpoint, redispatch away from a replica that is down."""
    servers = "\n".join(
        f"    server {name} 127.0.0.1:{replica_port} check cookie {name}"
        for name, replica_port in replicas.items()
    )
    return f"""\
global
    log stdout format raw local0 info
    stats socket {stats_socket} mode 600 level admin
    maxconn 4096

defaults
    mode http
    log global
    # one line per request as soon as the replica answered (a websocket's line at its 101)
    option logasap
    log-format "request %{{+Q}}[capture.req.hdr(0)] %s %ST %HM %HP"
    timeout connect 1s
    timeout client 60s
    timeout server 60s
    # a websocket is a tunnel once upgraded: open as long as the person keeps the page
    timeout tunnel 1h
    # a connection refused by a replica that just died is tried again, on the other one
    retries 2
    option redispatch

frontend navigator
    bind 127.0.0.1:{port}
    http-request capture req.cook({CLIENT_COOKIE}) len 40
    default_backend {BACKEND}

backend {BACKEND}
    balance roundrobin
    # sticky sessions: the proxy inserts the cookie and strips it before the replica sees it
    cookie {STICKY_COOKIE} insert indirect nocache
    option httpchk GET /_stcore/health
    http-check expect status 200
    default-server inter {check_ms}ms fastinter {check_ms}ms downinter {check_ms}ms fall {FALL} rise 2
    http-response set-header {REPLICA_HEADER} %s
{servers}
"""


def compose_haproxy_config(port: int, replicas: Mapping[str, int], stats_socket: Path) -> str:
    """``deploy/haproxy.cfg`` as it is, moved onto loopback: its ``bind :8080`` becomes
    ``127.0.0.1:port``, its two ``server`` lines (``app1:8501``, ``app2:8501``) become one per
    replica on loopback, and a stats socket is added so that ``start_proxy`` can see the replicas
    come up. Everything else, compression and cache headers included, is the file's own, so what
    runs here is what the compose set-up runs (``tests/service/test_static_assets.py``,
    ``benchmarks/cold_load.py``)."""
    lines = COMPOSE_HAPROXY_CFG.read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    binds = servers = 0
    for line in lines:
        words = line.split()
        if words[:1] == ["global"]:
            out += [line, f"    stats socket {stats_socket} mode 600 level admin"]
        elif words[:1] == ["bind"]:
            binds += 1
            out.append(f"    bind 127.0.0.1:{port}")
        elif words[:1] == ["server"]:
            servers += 1
            if servers == 1:
                out += [
                    f"    server {name} 127.0.0.1:{replica_port} cookie {name}"
                    for name, replica_port in replicas.items()
                ]
        else:
            out.append(line)
    if binds != 1 or servers == 0:
        raise RuntimeError(f"{COMPOSE_HAPROXY_CFG}: expected one bind line and server lines")
    return "\n".join(out) + "\n"


def _wait_until(
    ready: Callable[[], bool], timeout: float, what: str, output: Callable[[], str]
) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} not ready within {timeout} s; output:\n{output()}")
        time.sleep(0.05)


@contextlib.contextmanager
def start_proxy(
    replicas: Mapping[str, int],
    haproxy: str | None = None,
    config_text: Callable[[int, Mapping[str, int], Path], str] = haproxy_config,
) -> Iterator[Proxy]:
    """HAProxy on a free loopback port in front of ``replicas`` (name → port), configured by
    ``config_text(port, replicas, stats_socket)`` (the service tests' own, or
    ``compose_haproxy_config``); waits until every replica is UP in its health checks. Stopped
    (terminate, then kill) when the block ends."""
    haproxy = haproxy or find_haproxy()
    if haproxy is None:
        raise RuntimeError("HAProxy is not installed (apt-get install haproxy)")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="haproxy-") as directory:
        config = Path(directory) / "haproxy.cfg"
        stats_socket = Path(directory) / "stats.sock"
        config.write_text(config_text(port, replicas, stats_socket), encoding="utf-8")
        check = subprocess.run(
            [haproxy, "-c", "-q", "-f", str(config)], capture_output=True, text=True
        )
        if check.returncode != 0:
            raise RuntimeError(f"haproxy refused its configuration:\n{check.stderr}")
        with open(Path(directory) / "haproxy.log", "w+b") as log:
            process = subprocess.Popen(
                [haproxy, "-db", "-f", str(config)], stdout=log, stderr=subprocess.STDOUT
            )
            proxy = Proxy(process, port, config, log, stats_socket)
            try:

                def all_up() -> bool:
                    if process.poll() is not None:
                        raise RuntimeError(f"haproxy exited:\n{proxy.output()}")
                    if not stats_socket.exists():
                        return False
                    states = proxy.server_states()
                    return len(states) == len(replicas) and all(s == "UP" for s in states.values())

                _wait_until(all_up, 30, "haproxy", proxy.output)
                yield proxy
            finally:
                stop(process)


def stop(process: subprocess.Popen[bytes], timeout: float = 10) -> None:
    """Terminate, then kill what does not end in time."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


#: One secret for every replica: Streamlit signs its cookies (the sign-in's identity, XSRF) with
#: it, so a session moved to another replica keeps them valid.
COOKIE_SECRET: Final = secrets.token_hex(32)


def replica_env(database_url: str, data_dir: Path) -> dict[str, str]:
    return {
        "TOOLKAART_DATABASE_URL": database_url,
        "TOOLKAART_DATA_DIR": str(data_dir),
        # Streamlit takes this one from the environment only, not as a command-line option
        "STREAMLIT_SERVER_COOKIE_SECRET": COOKIE_SECRET,
    }


def start_replica(
    database_url: str,
    data_dir: Path,
    app: Path = SERVER,
    cwd: Path | None = None,
    extra_args: tuple[str, ...] = (),
    extra_env: Mapping[str, str] | None = None,
) -> contextlib.AbstractContextManager[Server]:
    """One ``toolkaart serve``-equivalent replica of ``app`` (the packaged settings, local mode)
    on a free loopback port, on ``database_url``, with ``extra_env`` added to its environment
    (``allocator_env``, say); stopped (terminate, then kill) when the block ends."""
    env = {**replica_env(database_url, data_dir), **(extra_env or {})}
    return streamlit_server(app, env=env, cwd=cwd, extra_args=extra_args)
