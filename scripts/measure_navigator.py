"""Figures for the navigator: how much a rerun of each page costs, and how fast the server starts.

    .venv/bin/python scripts/measure_navigator.py [--reruns 30] [--starts 3]

1. The median time of ``AppTest.run()`` (one rerun of the whole app: app.py, the page, the footer)
   for each page, next to that of an empty one-line page measured in the same run, and their ratio.
2. The time from starting ``streamlit run app.py`` to the first healthy ``/_stcore/health``
   response (median over ``--starts`` starts).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from streamlit.testing.v1 import AppTest  # noqa: E402

from tests.browser.conftest import start_streamlit  # noqa: E402

PAGES = {
    "Toolkaart (home)": ("app_pages/home.py", {}),
    "Fase (?fase=pilot-a)": ("app_pages/fase.py", {"fase": "pilot-a"}),
    "Actoren": ("app_pages/actoren.py", {}),
    "Hulpmiddelen": ("app_pages/hulpmiddelen.py", {}),
}
EMPTY_PAGE = 'import streamlit as st; st.write("")'


def median_rerun(app: AppTest, reruns: int) -> float:
    app.run()  # warm: content loaded, caches filled
    times = []
    for _ in range(reruns):
        started = time.perf_counter()
        app.run()
        times.append(time.perf_counter() - started)
        assert not app.exception, app.exception
    return statistics.median(times)


def page_app(page: str, query: dict[str, str]) -> AppTest:
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=60).run()
    app.query_params.update(query)
    return app.switch_page(page)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=30)
    parser.add_argument("--starts", type=int, default=3)
    args = parser.parse_args()

    # the first AppTest in a process pays one-off imports; measure the empty page after that
    median_rerun(AppTest.from_string(EMPTY_PAGE, default_timeout=60), 3)
    empty = median_rerun(AppTest.from_string(EMPTY_PAGE, default_timeout=60), args.reruns)
    print(f"AppTest rerun, median of {args.reruns}:")
    print(f"  {'empty one-line page':24} {empty * 1000:7.1f} ms")
    for name, (page, query) in PAGES.items():
        median = median_rerun(page_app(page, query), args.reruns)
        print(f"  {name:24} {median * 1000:7.1f} ms   {median / empty:5.1f}× the empty page")

    starts = []
    for _ in range(args.starts):
        with start_streamlit() as server:
            starts.append(server.startup_seconds)
    print(
        f"Server start to first healthy response, median of {args.starts}: "
        f"{statistics.median(starts):.2f} s (each: {', '.join(f'{s:.2f}' for s in starts)})"
    )


if __name__ == "__main__":
    main()
