"""The capacity bench's parts work (``benchmarks/capacity.py``); its timings are not judged here.

A short ramp of people who rerun and think, on one replica and on two behind HAProxy, and the
idle-memory measurement, each small.
"""

from __future__ import annotations

import asyncio
import math
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from benchmarks import capacity
from benchmarks.measure import EMPTY_APP
from benchmarks.topology import allocator_env, find_haproxy
from tests.conftest import unavailable
from toolkaart.serve import SERVER

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]


def one_line_app(tmp_path: Path) -> Path:
    app = tmp_path / "one_line.py"
    app.write_text(EMPTY_APP, encoding="utf-8")
    return app


@pytest.mark.parametrize("replicas", [1, 2])
def test_a_short_ramp_measures_every_step(tmp_path: Path, replicas: int) -> None:
    if replicas > 1 and find_haproxy() is None:
        unavailable(
            "HAProxy is not installed (apt-get install haproxy)", "TOOLKAART_REQUIRE_SERVICE"
        )
    database = f"sqlite:///{tmp_path / 'capacity.sqlite3'}"
    app = one_line_app(tmp_path)
    page = capacity.PAGES["one_line"]
    with capacity.replicas(app, replicas, database, tmp_path) as (servers, proxy):
        url = f"ws://127.0.0.1:{proxy.port if proxy else servers[0].port}/_stcore/stream"
        # a think time of 0.2-0.5 s, so that a short window holds reruns
        ramp = capacity.Ramp(url, servers, page, proxy.process.pid if proxy else None)
        ramp.think = (0.2, 0.5)
        # on a worker thread, as the bench does: a Playwright test in this process keeps a loop
        with ThreadPoolExecutor(1) as worker:
            steps = worker.submit(
                asyncio.run, capacity._ramp(ramp, [2, 4], 2.0, 1.0, lambda _: None, None)
            ).result()
    assert [s.sessions for s in steps] == [2, 4]
    for step in steps:
        assert step.reruns > 0 and step.errors == 0
        assert math.isfinite(step.p95_ms) and step.server_cpu_ms_per_rerun > 0
        assert step.machine_busy_cores > 0
    assert capacity.capacity(steps, limit_ms=10_000) == 4


def test_idle_memory_is_measured_in_rounds(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'capacity.sqlite3'}"
    figures = capacity.measure_idle_memory(
        {"one_line": one_line_app(tmp_path)}, 3, 1, database, tmp_path, lambda _: None
    )
    (round_,) = figures["one_line"]["rounds"]
    assert figures["one_line"]["sessions"] == 3
    assert round_["open_mib"] > 0 and round_["closed_after_ttl_mib"] > 0


def test_a_replica_runs_on_the_images_allocator(tmp_path: Path) -> None:
    # the image's ENV (jemalloc for Python's objects), on this machine: the replica loads the
    # library, serves the phase page and is measured as the bench measures it
    try:
        env = allocator_env()
    except RuntimeError as missing:
        unavailable(str(missing), "TOOLKAART_REQUIRE_SERVICE")
    database = f"sqlite:///{tmp_path / 'capacity.sqlite3'}"
    with capacity.replicas(SERVER, 1, database, tmp_path, (), env) as (servers, _):
        (server,) = servers
        maps = Path(f"/proc/{server.process.pid}/maps").read_text(encoding="utf-8")
        assert "libjemalloc.so" in maps
        environ = Path(f"/proc/{server.process.pid}/environ").read_bytes().split(b"\0")
        assert b"PYTHONMALLOC=malloc" in environ
        url = f"ws://127.0.0.1:{server.port}/_stcore/stream"
        ramp = capacity.Ramp(url, servers, capacity.PAGES["toolkaart"])
        ramp.think = (0.2, 0.5)
        with ThreadPoolExecutor(1) as worker:
            (step,) = worker.submit(
                asyncio.run, capacity._ramp(ramp, [2], 2.0, 1.0, lambda _: None, None)
            ).result()
    assert step.reruns > 0 and step.errors == 0
