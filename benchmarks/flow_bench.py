"""Measure the portfolio's flow (``toolkaart.board.flow.build_flow``) on synthetic projects.

``python -m benchmarks.flow_bench [--projects N] [--repeat R]``

The projects are ``synthetic_portfolio``'s (random, valid decision logs, the shipped content); the
figure is the time to compute the flow of all of them, median and slowest of R runs, beside the
portfolio's own rows (``build_portfolio``) over the same projects for comparison.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from benchmarks.synthetic import synthetic_portfolio
from toolkaart.board.flow import build_flow
from toolkaart.board.portfolio import build_portfolio
from toolkaart.content.loader import load_toolkaart
from toolkaart.settings import SHIPPED_CONTENT_DIR

#: The day the synthetic logs end on (fixed, so that every run measures the same projects).
TODAY = dt.date(2026, 12, 1)


@dataclass(frozen=True)
class FlowBench:
    projects: int
    decisions: int
    median_ms: float
    max_ms: float
    portfolio_median_ms: float

    def lines(self) -> list[str]:
        return [
            f"flow of {self.projects} projects ({self.decisions} decisions): median "
            f"{self.median_ms:.1f} ms, slowest {self.max_ms:.1f} ms",
            f"portfolio rows of the same projects: median {self.portfolio_median_ms:.1f} ms",
        ]


def _times(run: Callable[[], object], repeat: int) -> list[float]:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def bench_flow(projects: int = 200, repeat: int = 30) -> FlowBench:
    toolkaart = load_toolkaart(SHIPPED_CONTENT_DIR)
    portfolio = synthetic_portfolio(toolkaart, projects, today=TODAY, seed=1)
    flow = _times(lambda: build_flow(toolkaart, portfolio, today=TODAY), repeat)
    rows = _times(lambda: build_portfolio(toolkaart, portfolio, today=TODAY), repeat)
    return FlowBench(
        projects=projects,
        decisions=sum(len(p.assessment.decisions) for p in portfolio),
        median_ms=statistics.median(flow),
        max_ms=max(flow),
        portfolio_median_ms=statistics.median(rows),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--projects", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args(argv)
    for line in bench_flow(args.projects, args.repeat).lines():
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
