"""Measure Streamlit pages: AppTest reruns, and a real server driven over its websocket.

Used by ``toolkaart bench``. The websocket driver speaks Streamlit's own protocol (the protobuf
messages the browser sends): each session asks for a rerun of a page and waits for
``script_finished``, so a measured rerun is the server's whole work for one click, without a
browser's rendering cost on the same two cores.
"""

from __future__ import annotations

import asyncio
import os
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

import sqlalchemy as sa
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.testing.v1 import AppTest

from toolkaart.serve import streamlit_command

EMPTY_APP = 'import streamlit as st\n\nst.write("Toolkaart")\n'
#: The server file of the one-line app: ``st.App`` with the socket setting the navigator's server
#: has (``toolkaart.web.nodelay``, called in ``asgi.py``), so that a comparison with it measures
#: the pages, not that setting.
_ONE_LINE_SERVER = """import streamlit as st

from toolkaart.web.nodelay import send_without_delay

send_without_delay()
app = st.App("one_line.py")
"""


def write_one_line_app(directory: Path, *, stock: bool = False) -> Path:
    """The one-line app in ``directory`` (``one_line.py``), served like the navigator, or with
    ``stock`` as Streamlit serves a script of its own; the file to give ``streamlit run``."""
    script = directory / "one_line.py"
    script.write_text(EMPTY_APP, encoding="utf-8")
    if stock:
        return script
    server = directory / "one_line_server.py"
    server.write_text(_ONE_LINE_SERVER, encoding="utf-8")
    return server


def median_rerun_seconds(app: AppTest, reruns: int) -> float:
    """Median wall time of ``reruns`` reruns of an AppTest that has run once already."""
    times = []
    for _ in range(reruns):
        start = time.perf_counter()
        app.run()
        times.append(time.perf_counter() - start)
        if app.exception:
            raise RuntimeError(f"page raised: {app.exception[0].message}")
    return statistics.median(times)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class ServerStartError(RuntimeError):
    """The server exited or did not answer its health check in time; carries its output."""


@dataclass
class Server:
    """A running ``streamlit run`` on 127.0.0.1."""

    process: subprocess.Popen[bytes]
    port: int
    log: IO[bytes]
    started_in: float = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        """What the server printed so far (for failure messages)."""
        self.log.flush()
        return Path(self.log.name).read_text(encoding="utf-8", errors="replace")

    def cpu_seconds(self) -> float:
        """User + system CPU time of the server process so far."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks

    def rss_bytes(self) -> int:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        return 0


def _healthy(health: str) -> bool:
    try:
        with urllib.request.urlopen(health, timeout=1) as answer:
            return bool(answer.status == 200)
    except OSError:
        return False


@contextmanager
def streamlit_server(
    app: Path,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    port: int | None = None,
    extra_args: Sequence[str] = (),
) -> Iterator[Server]:
    """Run ``streamlit run app`` headless on a free loopback port until the block ends.

    Waits for ``/_stcore/health`` (under ``STREAMLIT_SERVER_BASE_URL_PATH`` when ``env`` sets it);
    raises ServerStartError with the server's output when it exits
    or is not healthy within a minute. ``cwd`` decides which ``.streamlit/config.toml`` applies
    (default: the app's folder). ``port`` is for a caller that must name the port before the
    server starts (sign-in: the redirect URI in the secrets); ``extra_args`` are further
    ``streamlit run`` options, such as ``--secrets.files=...``.
    """
    port = port or free_port()
    command = [
        *streamlit_command("127.0.0.1", port, app),
        "--server.fileWatcherType=none",
        *extra_args,
    ]
    with tempfile.NamedTemporaryFile(prefix="streamlit-", suffix=".log") as log:
        start = time.perf_counter()
        process = subprocess.Popen(
            command,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
            cwd=cwd or app.parent,
        )
        server = Server(process, port, log)
        base = (env or {}).get("STREAMLIT_SERVER_BASE_URL_PATH", "").strip("/")
        health = f"{server.url}/{base}/_stcore/health" if base else f"{server.url}/_stcore/health"
        try:
            while not _healthy(health):
                if process.poll() is not None or time.perf_counter() > start + 60:
                    raise ServerStartError(
                        f"streamlit did not become healthy at {server.url} (exit code "
                        f"{process.poll()}); its output:\n{server.output()}"
                    )
                time.sleep(0.05)
            server.started_in = time.perf_counter() - start
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _rerun_message(page: str, query: str) -> bytes:
    message = BackMsg()
    message.rerun_script.page_name = page
    message.rerun_script.query_string = query
    serialized: bytes = message.SerializeToString()
    return serialized


async def _rerun(
    ws: websockets.ClientConnection, request: bytes, errors: list[str] | None = None
) -> float:
    """One rerun's latency; the messages of any error element the run drew go to ``errors``."""
    start = time.perf_counter()
    await ws.send(request)
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(await ws.recv())
        kind = forward.WhichOneof("type")
        if kind == "script_finished":
            return time.perf_counter() - start
        if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
            element = forward.delta.new_element
            if element.WhichOneof("type") == "exception" and errors is not None:
                errors.append(element.exception.message)


@dataclass(frozen=True)
class LoadFigures:
    sessions: int
    reruns: int
    reruns_per_second: float
    p50_ms: float
    p95_ms: float
    cpu_ms_per_rerun: float
    memory_per_session_mib: float
    #: Reruns that drew an error (an exception element) instead of the page, and their messages.
    error_messages: tuple[str, ...] = ()


async def _drive(
    server: Server, sessions: int, reruns_each: int, page: str, query: str
) -> LoadFigures:
    url = f"ws://127.0.0.1:{server.port}/_stcore/stream"
    request = _rerun_message(page, query)
    rss_before = server.rss_bytes()
    connections = [
        await websockets.connect(
            url, subprotocols=[websockets.Subprotocol("streamlit")], max_size=None
        )
        for _ in range(sessions)
    ]
    try:
        # the first run of every session (session start-up) is not part of the measurement
        await asyncio.gather(*(_rerun(ws, request) for ws in connections))
        rss_sessions = server.rss_bytes()
        latencies: list[float] = []
        errors: list[str] = []

        async def session(ws: websockets.ClientConnection) -> None:
            for _ in range(reruns_each):
                latencies.append(await _rerun(ws, request, errors))

        cpu_before = server.cpu_seconds()
        start = time.perf_counter()
        await asyncio.gather(*(session(ws) for ws in connections))
        elapsed = time.perf_counter() - start
        cpu = server.cpu_seconds() - cpu_before
    finally:
        for ws in connections:
            await ws.close()
    latencies.sort()
    count = len(latencies)
    return LoadFigures(
        sessions=sessions,
        reruns=count,
        reruns_per_second=count / elapsed,
        p50_ms=1000 * latencies[count // 2],
        p95_ms=1000 * latencies[min(count - 1, int(count * 0.95))],
        cpu_ms_per_rerun=1000 * cpu / count,
        memory_per_session_mib=max(0, rss_sessions - rss_before) / sessions / 2**20,
        error_messages=tuple(errors),
    )


def drive_sessions(
    server: Server, sessions: int, reruns_each: int, page: str = "", query: str = ""
) -> LoadFigures:
    """``sessions`` concurrent websocket sessions, each rerunning ``page`` ``reruns_each`` times.

    The sessions run on an event loop in a worker thread, so this also works where the calling
    thread already runs one (as Playwright's sync API does in a test session).
    """
    with ThreadPoolExecutor(1) as worker:
        return worker.submit(
            asyncio.run, _drive(server, sessions, reruns_each, page, query)
        ).result()


#: Query parameters a page needs to show real content rather than its empty state.
PAGE_QUERIES: dict[str, dict[str, str]] = {"fase.py": {"fase": "pilot-a"}}


def measure_page_reruns(
    app: Path, reruns: int, progress: Callable[[str], None]
) -> dict[str, dict[str, float]]:
    """Median AppTest rerun of every page in ``app_pages/`` against an empty one-line page."""
    empty = AppTest.from_string(EMPTY_APP, default_timeout=60).run()
    figures: dict[str, dict[str, float]] = {}
    for page in sorted((app.parent / "app_pages").glob("*.py")):
        progress(f"page {page.stem}")
        test = AppTest.from_file(str(app), default_timeout=60)
        for key, value in PAGE_QUERIES.get(page.name, {}).items():
            test.query_params[key] = value
        test.run()
        test.switch_page(str(page.relative_to(app.parent)))
        test.run()
        seconds = median_rerun_seconds(test, reruns)
        baseline = median_rerun_seconds(empty, reruns)
        figures[page.stem] = {
            "seconds": seconds,
            "empty_page_seconds": baseline,
            "ratio": seconds / baseline,
        }
    return figures


def measure_server_load(
    app: Path, sessions: tuple[int, ...], reruns: int, progress: Callable[[str], None]
) -> dict[str, Any]:
    """The phase page of ``app`` and a one-line app, each on its own server, under load."""
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as temporary:
        one_line = write_one_line_app(Path(temporary))
        for name, script, page, query in (
            ("toolkaart", app, "fase", "fase=pilot-a"),
            ("one_line", one_line, "", ""),
        ):
            with streamlit_server(script, cwd=app.parent) as server:
                load: dict[str, Any] = {}
                drive_sessions(server, 1, 3, page, query)  # warm: imports, content cache
                for count in sessions:
                    progress(f"server {name}: {count} sessions")
                    figures = drive_sessions(server, count, max(2, reruns // count), page, query)
                    load[str(count)] = asdict(figures)
                results[name] = {"startup_seconds": server.started_in, "load": load}
    return results


@contextmanager
def postgres_schema(url: str, prefix: str = "bench") -> Iterator[str]:
    """A URL for a fresh, private schema on the PostgreSQL server at ``url``, dropped afterwards:
    the benchmarks and the tests each work in one of their own beside whatever else runs."""
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url)
    try:
        with admin.begin() as connection:
            connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        scoped = sa.make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
        yield scoped.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()
