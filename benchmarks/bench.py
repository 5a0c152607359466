"""``python -m benchmarks.bench``: what content, pages, the server and the store cost, against a baseline.

Every figure is measured in one run beside its baseline, so ratios hold on any machine:

1. content load (parse + validate + graph) against a bare C-loader ``yaml.load`` of the same files;
2. synthetic content at 10x, 100x and 1000x the shipped size: load time and peak memory;
3. every page's median AppTest rerun against an empty one-line page;
4. a real ``streamlit run`` server under 1, 10 and 50 concurrent websocket sessions rerunning the
   phase page, against a one-line app;
5. project save and load latency, and concurrent saves, on SQLite (benchmarks/store_bench.py).

``--quick`` runs each measurement small, for the test suite, which checks that each one ran.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import platform
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from functools import partial
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml

from benchmarks.synthetic import write_synthetic
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.loader import load_content
from toolkaart.content.models import CONTENT_FILES
from toolkaart.serve import APP
from toolkaart.settings import settings

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Plan:
    """How much to measure."""

    load_repeats: int
    scale_factors: tuple[int, ...]
    page_reruns: int
    server_sessions: tuple[int, ...]
    server_reruns: int
    store_saves: int
    store_workers: int

    @classmethod
    def full(cls) -> Plan:
        return cls(200, (1, 10, 100, 1000), 30, (1, 10, 50), 200, 200, 4)

    @classmethod
    def quick(cls) -> Plan:
        return cls(5, (1, 10), 2, (1, 2), 4, 5, 2)


def _median_seconds(action: Callable[[], object], repeats: int) -> float:
    action()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _load_and_graph(directory: Path, max_file_bytes: int = 2**31) -> None:
    result = load_content(directory, max_file_bytes=max_file_bytes)
    ToolkaartGraph(result.unwrap())


def measure_content_load(content: Path, repeats: int) -> dict[str, float]:
    """Median seconds of our load against a bare C-loader parse of the same files."""
    paths = [content / name for name in CONTENT_FILES]

    def bare() -> None:
        for path in paths:
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

    # interleave the two so that a busy moment of the machine hits both alike
    ours_times, bare_times = [], []
    for _ in range(max(1, repeats // 5)):
        ours_times.append(_median_seconds(lambda: _load_and_graph(content), 5))
        bare_times.append(_median_seconds(bare, 5))
    ours, base = statistics.median(ours_times), statistics.median(bare_times)
    return {"seconds": ours, "bare_yaml_seconds": base, "ratio": ours / base}


def measure_scale(content: Path, factors: tuple[int, ...], progress: Progress) -> dict[str, Any]:
    """Load time and peak traced memory of synthetic content at each factor."""
    source = load_content(content).unwrap()
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as temporary:
        for factor in factors:
            progress(f"scale {factor}x: writing synthetic content")
            directory = Path(temporary) / f"x{factor}"
            items = write_synthetic(source, factor, directory)
            progress(f"scale {factor}x: loading {items} items")
            repeats = 3 if factor < 1000 else 1
            seconds = _median_seconds(partial(_load_and_graph, directory), repeats)
            gc.collect()
            tracemalloc.start()
            _load_and_graph(directory)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            figures[str(factor)] = {
                "items": items,
                "seconds": seconds,
                "peak_mib": peak / 2**20,
                "microseconds_per_item": 1e6 * seconds / items,
            }
    base = figures[str(factors[0])]["microseconds_per_item"]
    for entry in figures.values():
        entry["per_item_vs_1x"] = entry["microseconds_per_item"] / base
    return figures


def measure_pages(reruns: int, progress: Progress) -> dict[str, dict[str, float]]:
    from benchmarks.measure import measure_page_reruns

    return measure_page_reruns(APP, reruns, progress)


def measure_server(plan: Plan, progress: Progress) -> dict[str, Any]:
    from benchmarks.measure import measure_server_load

    return measure_server_load(APP, plan.server_sessions, plan.server_reruns, progress)


def measure_store(plan: Plan, progress: Progress) -> dict[str, float]:
    """Project save and load latency, and concurrent saves, on a fresh SQLite file."""
    from benchmarks.store_bench import bench_store

    with tempfile.TemporaryDirectory() as folder:
        progress(f"store: {plan.store_saves} saves and loads on SQLite, then concurrent writers")
        result = bench_store(
            f"sqlite:///{Path(folder) / 'bench.sqlite3'}",
            saves=plan.store_saves,
            workers=plan.store_workers,
        )
    return asdict(result)


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    return {
        "date": dt.date.today().isoformat(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "streamlit": version("streamlit"),
        "pydantic": version("pydantic"),
        "pyyaml": version("PyYAML"),
        "networkx": version("networkx"),
        "sqlalchemy": version("SQLAlchemy"),
    }


def run_bench(plan: Plan, content: Path, progress: Progress) -> dict[str, Any]:
    """Run every measurement; returns the figures as JSON-ready data."""
    progress("content load against a bare yaml.load")
    load = measure_content_load(content, plan.load_repeats)
    scale = measure_scale(content, plan.scale_factors, progress)
    progress("page reruns against an empty page")
    pages = measure_pages(plan.page_reruns, progress)
    progress("server under load")
    server = measure_server(plan, progress)
    store = measure_store(plan, progress)
    return {
        "machine": machine(),
        "plan": asdict(plan),
        "load_ratio": load["ratio"],
        "load": load,
        "scale": scale,
        "page_ratios": {page: figures["ratio"] for page, figures in pages.items()},
        "pages": pages,
        "server": server,
        "store": store,
    }


def write_json(figures: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def summary(figures: dict[str, Any]) -> str:
    """The figures as a short text report."""
    lines = [
        f"content load: {1000 * figures['load']['seconds']:.2f} ms, "
        f"bare yaml.load {1000 * figures['load']['bare_yaml_seconds']:.2f} ms, "
        f"ratio {figures['load_ratio']:.2f}",
        "scale (factor: items, seconds, peak MiB, us/item, per item vs 1x):",
    ]
    for factor, entry in figures["scale"].items():
        lines.append(
            f"  {factor}x: {entry['items']}, {entry['seconds']:.3f} s, {entry['peak_mib']:.1f} MiB, "
            f"{entry['microseconds_per_item']:.1f} us, {entry['per_item_vs_1x']:.2f}"
        )
    lines.append("page reruns (median ms, ratio to the empty page):")
    for page, entry in figures["pages"].items():
        lines.append(f"  {page}: {1000 * entry['seconds']:.1f} ms, ratio {entry['ratio']:.2f}")
    lines.append("server (sessions: reruns/s, p50 ms, p95 ms, CPU ms/rerun, MiB/session):")
    for app in ("toolkaart", "one_line"):
        lines.append(
            f"  {app}: start-up to healthy {figures['server'][app]['startup_seconds']:.2f} s"
        )
        for sessions, entry in figures["server"][app]["load"].items():
            lines.append(
                f"    {sessions}: {entry['reruns_per_second']:.1f}/s, {entry['p50_ms']:.0f}, "
                f"{entry['p95_ms']:.0f}, {entry['cpu_ms_per_rerun']:.1f}, "
                f"{entry['memory_per_session_mib']:.2f}"
            )
    store = figures["store"]
    lines.append(
        f"store ({store['backend']}): save median {store['median_ms']:.1f} ms, p95 "
        f"{store['p95_ms']:.1f} ms; load median {store['load_median_ms']:.1f} ms, p95 "
        f"{store['load_p95_ms']:.1f} ms; {store['throughput_per_s']:.0f} saves/s with "
        f"{store['workers']} concurrent writers"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the bench and print its summary; ``--json FILE`` also keeps every figure."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__)
    parser.add_argument("directory", nargs="?", help="content directory (default: the settings')")
    parser.add_argument("--quick", action="store_true", help="small runs, for the test suite")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    content = Path(args.directory) if args.directory else settings().content_dir
    if not content.is_dir():
        parser.error(f"content directory '{content}' does not exist")
    if args.json and not Path(args.json).resolve().parent.is_dir():
        parser.error(f"directory '{Path(args.json).parent}' does not exist")

    def progress(step: str) -> None:
        print(f"... {step}", file=sys.stderr, flush=True)

    figures = run_bench(Plan.quick() if args.quick else Plan.full(), content, progress)
    print(summary(figures))
    if args.json:
        write_json(figures, Path(args.json))
    return 0


if __name__ == "__main__":
    sys.exit(main())
