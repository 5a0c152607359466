"""Measure the project store: save latency, and throughput of concurrent saves.

``python -m benchmarks.store_bench [--database URL] [--saves N] [--workers W]``

- latency: one process saves one project N times; each save ticks a checklist item and appends a
  gate decision (a realistic save: project row, answers, decision and history snapshot);
- throughput: W processes start together and each saves its own project N times; saves per second
  over the wall time from the first start to the last finish.

Without ``--database`` it measures a fresh SQLite file in a temporary folder. With one, it adds
``W + 1`` projects named "bench …" to that database: point it at a throwaway database.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from toolkaart.access.permissions import LOCAL
from toolkaart.content.loader import load_toolkaart
from toolkaart.content.models import Toolkaart
from toolkaart.route.gates import Answer
from toolkaart.route.project import Project
from toolkaart.store.project_store import Store


@dataclass(frozen=True)
class StoreBench:
    backend: str
    saves: int
    workers: int
    median_ms: float
    p95_ms: float
    throughput_per_s: float
    concurrent_median_ms: float
    load_median_ms: float
    load_p95_ms: float

    def lines(self) -> list[str]:
        return [
            f"{self.backend}: save latency median {self.median_ms:.1f} ms, "
            f"p95 {self.p95_ms:.1f} ms ({self.saves} saves, 1 writer)",
            f"{self.backend}: load latency median {self.load_median_ms:.1f} ms, "
            f"p95 {self.load_p95_ms:.1f} ms ({self.saves} loads of the saved project)",
            f"{self.backend}: {self.throughput_per_s:.0f} saves/s with {self.workers} concurrent "
            f"writers ({self.workers} x {self.saves} saves, median {self.concurrent_median_ms:.1f} "
            "ms per save)",
        ]


def _edit(toolkaart: Toolkaart, project: Project, n: int) -> Project:
    items = [item.id for item in toolkaart.phase("idee").checklist]
    walk = project.assessment.with_checked(toolkaart, "idee", items[: n % len(items)])
    walk = walk.decide(toolkaart, "idee", Answer.NOG_NIET, rationale=f"meting {n}")
    return project.with_assessment(walk)


def _percentile_ms(seconds: list[float], fraction: float) -> float:
    ordered = sorted(seconds)
    return 1000 * ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def _timed_loads(url: str, project_id: str, loads: int) -> list[float]:
    """Load the project ``loads`` times (with its answers and decision log); per-load seconds."""
    store = Store(url, acting=LOCAL)
    latencies = []
    for _ in range(loads):
        began = time.perf_counter()
        store.get(project_id)
        latencies.append(time.perf_counter() - began)
    store.close()
    return latencies


def _timed_saves(url: str, project_id: str, saves: int) -> tuple[float, float, list[float]]:
    """Save the project ``saves`` times; (start, end, per-save seconds)."""
    toolkaart = load_toolkaart()
    store = Store(url, acting=LOCAL)
    project = store.get(project_id)
    latencies = []
    start = time.perf_counter()
    for n in range(saves):
        edited = _edit(toolkaart, project, n)
        began = time.perf_counter()
        project = store.save(edited)
        latencies.append(time.perf_counter() - began)
    end = time.perf_counter()
    store.close()
    return start, end, latencies


def _worker(args: tuple[str, str, int, float]) -> tuple[float, float, list[float]]:
    url, project_id, saves, start_at = args
    store = Store(url, acting=LOCAL)  # connect and migrate-check before the common start
    store.close()
    time.sleep(max(0.0, start_at - time.time()))
    return _timed_saves(url, project_id, saves)


def bench_store(url: str, *, saves: int = 100, workers: int = 4) -> StoreBench:
    store = Store(url, acting=LOCAL)
    backend = store.dialect
    single = store.create("bench latency")
    ids = [store.create(f"bench writer {n}").id for n in range(workers)]
    store.close()
    _, _, latencies = _timed_saves(url, single.id, saves)
    loads = _timed_loads(url, single.id, saves)
    start_at = time.time() + 2.0  # every worker has started and connected by then
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers) as pool:
        results = pool.map(_worker, [(url, pid, saves, start_at) for pid in ids])
    wall = max(end for _, end, _ in results) - min(start for start, _, _ in results)
    concurrent = [latency for _, _, found in results for latency in found]
    return StoreBench(
        backend=backend,
        saves=saves,
        workers=workers,
        median_ms=statistics.median(latencies) * 1000,
        p95_ms=_percentile_ms(latencies, 0.95),
        throughput_per_s=len(concurrent) / wall,
        concurrent_median_ms=statistics.median(concurrent) * 1000,
        load_median_ms=statistics.median(loads) * 1000,
        load_p95_ms=_percentile_ms(loads, 0.95),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.store_bench", description=__doc__)
    parser.add_argument("--database", metavar="URL", help="default: a temporary SQLite file")
    parser.add_argument("--saves", type=int, default=100, help="saves per writer (default 100)")
    parser.add_argument("--workers", type=int, default=4, help="concurrent writers (default 4)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        url = args.database or f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        result = bench_store(url, saves=args.saves, workers=args.workers)
    print("\n".join(result.lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
