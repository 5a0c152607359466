"""``python -m benchmarks.capacity``: how many people one replica, and two behind HAProxy, serve.

Each simulated person is a websocket session speaking Streamlit's own protocol
(``benchmarks.measure``): it reruns the phase page (``/fase?fase=pilot-a``), waits for the run to
finish, thinks 2-8 s (uniform), and reruns again. Sessions are added in steps; at each step every
rerun that starts within a window is timed. The capacity is the largest step whose p95 stays under
300 ms. The same steps run against a one-line Streamlit app in the same topology, so the figures
say what is ours and what is Streamlit's. Because the machine may be shared, every step also
records the CPU of the replicas, of this load generator and of HAProxy, how busy the whole
machine was, and its load average.

Then memory: a replica's resident memory per idle session (each has run the phase page once), and
whether it returns once those sessions have closed (Streamlit keeps a closed session for
``server.disconnectedSessionTTL`` seconds for a reconnect; the memory measurement's replica runs
with 5 s instead of the default 120 s, and a second round shows whether memory is reused).

``--jemalloc`` runs the replicas with the container image's memory allocator (the Containerfile's
``ENV``: jemalloc for Python's objects; needs Debian's ``libjemalloc2``). ``--quick`` runs a few
small steps (for a smoke test); ``--json FILE`` writes the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import websockets

from benchmarks.measure import Server, _rerun, _rerun_message, write_one_line_app
from benchmarks.topology import allocator_env, find_haproxy, start_proxy, start_replica
from toolkaart.serve import SERVER

Progress = Callable[[str], None]
#: What each person reruns: the navigator's phase page; the one-line app's only page.
PAGES = {"toolkaart": ("fase", "fase=pilot-a"), "one_line": ("", "")}
THINK = (2.0, 8.0)
LIMIT_MS = 300.0
LEVELS = (50, 100, 150, 200, 250, 300, 350, 400, 500, 600, 700, 800)


def _clock_ticks() -> int:
    return os.sysconf("SC_CLK_TCK")


def process_cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _clock_ticks()


def machine_busy_seconds() -> float:
    """CPU seconds all cores of the machine spent busy so far (``/proc/stat``)."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values[:8]) - idle) / _clock_ticks()


def load_average() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


@dataclass(frozen=True)
class Step:
    """One step of the ramp: ``sessions`` people thinking 2-8 s between reruns."""

    sessions: int
    reruns: int
    reruns_per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    #: CPU time of all replicas per rerun, and cores used by them, by this load generator, by
    #: HAProxy, and by the whole machine (every process, also other people's) in the window.
    server_cpu_ms_per_rerun: float
    server_cores: float
    client_cores: float
    proxy_cores: float
    machine_busy_cores: float
    load_average: float
    errors: int = 0

    @property
    def others_cores(self) -> float:
        """Cores busy with everything else on the machine (other people's work on a shared one)."""
        return max(
            0.0,
            self.machine_busy_cores - self.server_cores - self.client_cores - self.proxy_cores,
        )


@dataclass
class _Counters:
    at: float
    servers: float
    client: float
    proxy: float
    machine: float


@dataclass
class Ramp:
    """People on one websocket address, added in steps, each rerunning and thinking."""

    url: str
    servers: Sequence[Server]
    page: tuple[str, str]
    proxy_pid: int | None = None
    think: tuple[float, float] = THINK
    rng: random.Random = field(default_factory=lambda: random.Random(15))
    samples: list[tuple[float, float]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)
    sockets: list[websockets.ClientConnection] = field(default_factory=list)
    failed_connects: int = 0

    async def _person(self, delay: float) -> None:
        await asyncio.sleep(delay)  # connections spread over the step's first seconds
        request = _rerun_message(*self.page)
        try:
            ws = await websockets.connect(
                self.url, subprotocols=[websockets.Subprotocol("streamlit")], max_size=None
            )
        except (OSError, websockets.WebSocketException):
            self.failed_connects += 1
            return
        self.sockets.append(ws)
        loop = asyncio.get_running_loop()
        with contextlib.suppress(websockets.ConnectionClosed):
            await _rerun(ws, request)  # the session's start-up run: not measured
            await asyncio.sleep(self.rng.uniform(0, self.think[1]))
            while True:
                start = loop.time()
                latency = await _rerun(ws, request, self.errors)
                self.samples.append((start, latency))
                await asyncio.sleep(self.rng.uniform(*self.think))

    def add(self, count: int, over: float) -> None:
        for index in range(count):
            delay = over * index / max(1, count)
            self.tasks.append(asyncio.ensure_future(self._person(delay)))

    def counters(self) -> _Counters:
        return _Counters(
            at=asyncio.get_running_loop().time(),
            servers=sum(s.cpu_seconds() for s in self.servers),
            client=time.process_time(),
            proxy=process_cpu_seconds(self.proxy_pid) if self.proxy_pid else 0.0,
            machine=machine_busy_seconds(),
        )

    async def close(self) -> None:
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        await asyncio.gather(*(ws.close() for ws in self.sockets), return_exceptions=True)

    def step(self, sessions: int, before: _Counters, after: _Counters) -> Step:
        window = after.at - before.at
        latencies = sorted(lat for start, lat in self.samples if before.at <= start < after.at)
        count = len(latencies)

        def quantile(q: float) -> float:
            return 1000 * latencies[min(count - 1, int(count * q))] if count else float("nan")

        return Step(
            sessions=sessions,
            reruns=count,
            reruns_per_second=count / window,
            p50_ms=quantile(0.5),
            p95_ms=quantile(0.95),
            p99_ms=quantile(0.99),
            server_cpu_ms_per_rerun=1000 * (after.servers - before.servers) / max(1, count),
            server_cores=(after.servers - before.servers) / window,
            client_cores=(after.client - before.client) / window,
            proxy_cores=(after.proxy - before.proxy) / window,
            machine_busy_cores=(after.machine - before.machine) / window,
            load_average=load_average(),
            errors=len(self.errors) + self.failed_connects,
        )


async def _ramp(
    ramp: Ramp,
    levels: Sequence[int],
    window: float,
    settle: float,
    progress: Progress,
    stop_above_ms: float | None,
) -> list[Step]:
    steps: list[Step] = []
    current = 0
    try:
        for level in levels:
            ramp.add(level - current, over=min(3.0, settle))
            current = level
            await asyncio.sleep(settle)
            before = ramp.counters()
            await asyncio.sleep(window)
            step = ramp.step(level, before, ramp.counters())
            steps.append(step)
            progress(
                f"  {level:4d} sessions: p50 {step.p50_ms:6.0f} ms, p95 {step.p95_ms:6.0f} ms, "
                f"{step.reruns_per_second:5.1f} reruns/s, server {step.server_cpu_ms_per_rerun:5.1f}"
                f" ms/rerun, cores: servers {step.server_cores:.2f} client "
                f"{step.client_cores:.2f} proxy {step.proxy_cores:.2f} others "
                f"{step.others_cores:.2f}, load {step.load_average:.1f}"
            )
            if stop_above_ms is not None and step.p95_ms > stop_above_ms:
                break
    finally:
        await ramp.close()
    return steps


def run_ramp(
    url: str,
    servers: Sequence[Server],
    page: tuple[str, str],
    levels: Sequence[int],
    window: float,
    settle: float,
    progress: Progress,
    proxy_pid: int | None = None,
    stop_above_ms: float | None = LIMIT_MS,
) -> list[Step]:
    """The ramp on an event loop of its own in a worker thread (see ``drive_sessions``)."""
    ramp = Ramp(url, servers, page, proxy_pid)
    with ThreadPoolExecutor(1) as worker:
        return worker.submit(
            asyncio.run, _ramp(ramp, levels, window, settle, progress, stop_above_ms)
        ).result()


def capacity(steps: Sequence[Step], limit_ms: float = LIMIT_MS) -> int:
    """The most sessions of a step whose p95 stayed under the limit (0: none)."""
    return max((s.sessions for s in steps if s.p95_ms < limit_ms), default=0)


@contextlib.contextmanager
def replicas(
    app: Path,
    count: int,
    database_url: str,
    data_dir: Path,
    extra_args: tuple[str, ...] = (),
    extra_env: Mapping[str, str] | None = None,
) -> Iterator[tuple[list[Server], Any]]:
    """``count`` replicas of ``app`` (``extra_env`` added to their environment); with two or
    more, HAProxy in front. Yields the servers and the proxy (None for one replica)."""
    with contextlib.ExitStack() as stack:
        servers = [
            stack.enter_context(
                start_replica(database_url, data_dir, app, SERVER.parent, extra_args, extra_env)
            )
            for _ in range(count)
        ]
        proxy = None
        if count > 1:
            names = {chr(ord("a") + i): server.port for i, server in enumerate(servers)}
            proxy = stack.enter_context(start_proxy(names))
        yield servers, proxy


def _ws_url(port: int) -> str:
    return f"ws://127.0.0.1:{port}/_stcore/stream"


def _warm(url: str, servers: Sequence[Server], page: tuple[str, str]) -> None:
    """Imports, content cache and the page's first compile, on every replica, before measuring."""
    run_ramp(url, servers, page, [4 * len(servers)], 2.0, 1.0, lambda _: None, stop_above_ms=None)


def measure_capacity(
    apps: dict[str, Path],
    topologies: Sequence[int],
    levels: Sequence[int],
    window: float,
    settle: float,
    database_url: str,
    data_dir: Path,
    progress: Progress,
    extra_env: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """For each topology (number of replicas): the ramp for the navigator until its p95 passes
    the limit, then the one-line app at the navigator's capacity and the step after it."""
    results: dict[str, Any] = {}
    for count in topologies:
        per_app: dict[str, Any] = {}
        compared: list[int] = []
        for name, app in apps.items():
            label = f"{count} replica{'s' if count > 1 else ''}, {name}"
            with replicas(app, count, database_url, data_dir, (), extra_env) as (servers, proxy):
                url = _ws_url(proxy.port if proxy else servers[0].port)
                page = PAGES[name]
                _warm(url, servers, page)
                progress(label)
                pid = proxy.process.pid if proxy else None
                if name == "toolkaart":
                    steps = run_ramp(url, servers, page, levels, window, settle, progress, pid)
                    top = capacity(steps)
                    compared = [n for n in levels if n >= top][:2] if top else list(levels[:1])
                else:
                    steps = run_ramp(
                        url, servers, page, compared, window, settle, progress, pid, None
                    )
            per_app[name] = {
                "capacity": capacity(steps),
                "steps": [{**asdict(s), "others_cores": s.others_cores} for s in steps],
            }
        results[str(count)] = per_app
    return results


async def _open_idle(
    url: str, count: int, page: tuple[str, str]
) -> list[websockets.ClientConnection]:
    request = _rerun_message(*page)
    sockets = []
    for _ in range(count):
        ws = await websockets.connect(
            url, subprotocols=[websockets.Subprotocol("streamlit")], max_size=None
        )
        await _rerun(ws, request)
        sockets.append(ws)
    return sockets


async def _idle_memory(
    server: Server, page: tuple[str, str], sessions: int, ttl: float, rounds: int
) -> dict[str, Any]:
    url = _ws_url(server.port)
    request = _rerun_message(*page)

    async def reap() -> None:
        """After the TTL: a session that connects, reruns and leaves, so the store of closed
        sessions drops the expired ones (it does so on a write), and allocations go on."""
        ws = await websockets.connect(url, subprotocols=[websockets.Subprotocol("streamlit")])
        for _ in range(20):
            await _rerun(ws, request)
        await ws.close()

    for ws in await _open_idle(url, 4, page):  # warm: imports, content, first compile
        await ws.close()
    await asyncio.sleep(ttl + 1)
    await reap()
    await asyncio.sleep(1)
    baseline = server.rss_bytes()
    figures: dict[str, Any] = {"sessions": sessions, "baseline_mib": baseline / 2**20, "rounds": []}
    for _ in range(rounds):
        sockets = await _open_idle(url, sessions, page)
        await asyncio.sleep(2)
        opened = server.rss_bytes()
        for ws in sockets:
            await ws.close()
        await asyncio.sleep(1)
        just_closed = server.rss_bytes()
        await asyncio.sleep(ttl + 1)
        await reap()
        await asyncio.sleep(2)
        closed = server.rss_bytes()
        figures["rounds"].append(
            {
                "open_mib": opened / 2**20,
                "per_session_mib": (opened - baseline) / sessions / 2**20,
                "just_closed_mib": just_closed / 2**20,
                "closed_after_ttl_mib": closed / 2**20,
                "above_baseline_percent": 100 * (closed - baseline) / baseline,
            }
        )
    return figures


def measure_idle_memory(
    apps: dict[str, Path],
    sessions: int,
    rounds: int,
    database_url: str,
    data_dir: Path,
    progress: Progress,
    extra_env: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    ttl = 5
    results = {}
    for name, app in apps.items():
        progress(f"memory, {name}: {sessions} idle sessions, {rounds} rounds")
        args = (f"--server.disconnectedSessionTTL={ttl}",)
        with (
            replicas(app, 1, database_url, data_dir, args, extra_env) as (servers, _proxy),
            ThreadPoolExecutor(1) as worker,
        ):
            figures = worker.submit(
                asyncio.run, _idle_memory(servers[0], PAGES[name], sessions, ttl, rounds)
            ).result()
        for number, round_ in enumerate(figures["rounds"], 1):
            progress(
                f"  round {number}: {round_['per_session_mib']:.3f} MiB per idle session; "
                f"baseline {figures['baseline_mib']:.0f} MiB, open {round_['open_mib']:.0f}, "
                f"just closed {round_['just_closed_mib']:.0f}, after the TTL "
                f"{round_['closed_after_ttl_mib']:.0f} ({round_['above_baseline_percent']:+.1f} %)"
            )
        results[name] = figures
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.capacity", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a few small steps (smoke test)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--database", help="database URL (default: a SQLite file, temporary)")
    parser.add_argument("--window", type=float, default=15.0, help="seconds measured per step")
    parser.add_argument(
        "--levels", help=f"comma-separated session counts (default {','.join(map(str, LEVELS))})"
    )
    parser.add_argument(
        "--replicas", default="1,2", help="topologies to measure: replicas, comma-separated"
    )
    parser.add_argument("--memory-sessions", type=int, default=200)
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-capacity", action="store_true")
    parser.add_argument(
        "--jemalloc",
        action="store_true",
        help="replicas with the container image's allocator (its ENV: jemalloc; libjemalloc2)",
    )
    args = parser.parse_args(argv)

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    levels = tuple(int(n) for n in args.levels.split(",")) if args.levels else LEVELS
    window, settle, memory_sessions = args.window, 4.0, args.memory_sessions
    if args.quick:
        levels, window, settle, memory_sessions = (4, 8), 3.0, 2.0, 8
    topologies = [int(n) for n in args.replicas.split(",")]
    if any(n > 1 for n in topologies) and find_haproxy() is None:
        parser.error("two replicas need HAProxy (apt-get install haproxy)")
    started = time.time()
    figures: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_at_start": Path("/proc/loadavg").read_text().split()[:3],
        },
        "think_seconds": THINK,
        "limit_p95_ms": LIMIT_MS,
        "window_seconds": window,
    }
    with tempfile.TemporaryDirectory() as temporary:
        directory = Path(temporary)
        one_line = write_one_line_app(directory)
        apps = {"toolkaart": SERVER, "one_line": one_line}
        database = args.database or f"sqlite:///{directory / 'capacity.sqlite3'}"
        extra_env = allocator_env() if args.jemalloc else None
        figures["allocator"] = extra_env or "pymalloc (Python's own)"
        if not args.skip_capacity:
            figures["capacity"] = measure_capacity(
                apps, topologies, levels, window, settle, database, directory, progress, extra_env
            )
        if not args.skip_memory:
            figures["memory"] = measure_idle_memory(
                apps, memory_sessions, 2, database, directory, progress, extra_env
            )
    figures["machine"]["load_average_at_end"] = Path("/proc/loadavg").read_text().split()[:3]
    figures["seconds"] = round(time.time() - started)
    summary = {
        f"{n} replica(s)": {name: app["capacity"] for name, app in per_app.items()}
        for n, per_app in figures.get("capacity", {}).items()
    }
    print(json.dumps({"capacity (sessions at p95 < 300 ms)": summary}, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
