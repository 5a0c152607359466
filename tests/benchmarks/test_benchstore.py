"""The store benchmark runs end to end and reports figures that add up."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.store_bench import bench_store, main
from toolkaart.access.permissions import LOCAL
from toolkaart.store.project_store import Store


def test_the_benchmark_measures_single_and_concurrent_saves(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bench.sqlite3'}"
    result = bench_store(url, saves=5, workers=2)
    assert result.backend == "sqlite"
    assert 0 < result.median_ms <= result.p95_ms
    assert result.throughput_per_s > 0 and result.concurrent_median_ms > 0
    assert 0 < result.load_median_ms <= result.load_p95_ms
    store = Store(url, acting=LOCAL)
    versions = sorted(p.version for p in store.list_projects())
    assert versions == [6, 6, 6]  # created (1) + 5 saves, for the single writer and both workers
    store.close()


def test_the_command_prints_every_figure(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--saves", "2", "--workers", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("sqlite: save latency median ")
    assert lines[1].startswith("sqlite: load latency median ")
    assert "saves/s with 1 concurrent writers" in lines[2]
