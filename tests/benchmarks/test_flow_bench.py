"""The flow benchmark runs end to end on synthetic projects and reports its figures."""

from __future__ import annotations

import pytest

from benchmarks.flow_bench import bench_flow, main


def test_the_benchmark_measures_the_flow_of_synthetic_projects() -> None:
    result = bench_flow(projects=20, repeat=3)
    assert result.projects == 20 and result.decisions > 20
    assert 0 < result.median_ms <= result.max_ms
    assert result.portfolio_median_ms > 0


def test_the_command_prints_every_figure(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--projects", "5", "--repeat", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("flow of 5 projects (")
    assert lines[1].startswith("portfolio rows of the same projects: median ")
