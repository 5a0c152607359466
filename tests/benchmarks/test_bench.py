"""`python -m benchmarks.bench --quick` runs every measurement and writes the figures (timings not judged)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from benchmarks.bench import main
from toolkaart.serve import APP


def positive(value: object) -> bool:
    return isinstance(value, int | float) and math.isfinite(value) and value > 0


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_quick_bench_measures_everything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "bench.json"
    assert main(["--quick", "--json", str(target)]) == 0
    report = capsys.readouterr().out
    assert "content load:" in report and "server (sessions" in report
    figures = json.loads(target.read_text(encoding="utf-8"))

    assert positive(figures["load_ratio"])
    assert set(figures["scale"]) == {"1", "10"}
    for entry in figures["scale"].values():
        assert positive(entry["seconds"]) and positive(entry["peak_mib"]) and entry["items"] > 0
    assert figures["scale"]["10"]["items"] == 10 * figures["scale"]["1"]["items"]

    pages = {p.stem for p in (APP.parent / "app_pages").glob("*.py")}
    assert set(figures["page_ratios"]) == pages
    assert all(positive(ratio) for ratio in figures["page_ratios"].values())

    for app in ("toolkaart", "one_line"):
        server = figures["server"][app]
        assert positive(server["startup_seconds"])
        assert set(server["load"]) == {"1", "2"}
        for entry in server["load"].values():
            assert entry["reruns"] > 0
            for key in ("reruns_per_second", "p50_ms", "p95_ms"):
                assert positive(entry[key]), (app, key)
            # CPU time is read in 10 ms clock ticks: a quick run may stay under one tick
            assert entry["cpu_ms_per_rerun"] >= 0 and entry["memory_per_session_mib"] >= 0
    store = figures["store"]
    assert store["backend"] == "sqlite"
    for key in ("median_ms", "p95_ms", "load_median_ms", "load_p95_ms", "throughput_per_s"):
        assert positive(store[key]), key
    assert figures["machine"]["streamlit"]
