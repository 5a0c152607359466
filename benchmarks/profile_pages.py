"""Where a page's rerun goes: profile AppTest reruns of one page, and measure it on a real server.

    .venv/bin/python -m benchmarks.profile_pages fase                  # pyinstrument profile (AppTest)
    .venv/bin/python -m benchmarks.profile_pages fase --cprofile       # cProfile, top 40 by cumulative
    .venv/bin/python -m benchmarks.profile_pages --times               # every page: AppTest and server
    .venv/bin/python -m benchmarks.profile_pages --times --no-server   # AppTest figures only

The AppTest figures are measured the way ``toolkaart bench`` measures them (``measure_page_reruns``:
the page after a ``switch_page``, median of N reruns, against a one-line page). The server figures
are CPU milliseconds of a ``streamlit run app.py`` process per rerun of the page, driven over its
websocket by one session (``drive_sessions``), against a one-line app on its own server: that is
what a user's click costs the server, without AppTest's own cost of parsing every element.

pyinstrument is in the ``[dev]`` extra.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from benchmarks.measure import (
    EMPTY_APP,
    PAGE_QUERIES,
    drive_sessions,
    median_rerun_seconds,
    streamlit_server,
)
from toolkaart.serve import APP

PAGES = sorted(p.stem for p in (APP.parent / "app_pages").glob("*.py"))


def page_app(page: str) -> AppTest:
    """The app switched to ``page`` and run once (caches warm), as the bench measures it."""
    test = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in PAGE_QUERIES.get(f"{page}.py", {}).items():
        test.query_params[key] = value
    test.run()
    test.switch_page(f"app_pages/{page}.py")
    test.run()
    test.run()
    if test.exception:
        raise SystemExit(f"{page} raised: {test.exception[0].message}")
    return test


class ScriptThreadProfiler:
    """Profiles the page's script run, which AppTest executes on a thread of its own.

    A profiler started on the calling thread sees only AppTest's side (waiting for the script
    thread, then parsing every element's protobuf into its element tree); this one is started and
    stopped around each ``ScriptRunner._run_script`` on the script thread, and accumulates.
    """

    def __init__(self, use_cprofile: bool) -> None:
        from pyinstrument import Profiler

        self.cprofile = cProfile.Profile() if use_cprofile else None
        self.pyinstrument = None if use_cprofile else Profiler(interval=0.0002)

    def __enter__(self) -> ScriptThreadProfiler:
        from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

        self._original = original = ScriptRunner._run_script
        profiler = self

        def run_script(runner: ScriptRunner, rerun_data: object) -> None:
            profiler.start()
            try:
                original(runner, rerun_data)  # type: ignore[arg-type]
            finally:
                profiler.stop()

        ScriptRunner._run_script = run_script  # type: ignore[method-assign,assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

        ScriptRunner._run_script = self._original  # type: ignore[method-assign]

    def start(self) -> None:
        if self.cprofile is not None:
            self.cprofile.enable()
        else:
            assert self.pyinstrument is not None
            self.pyinstrument.start()

    def stop(self) -> None:
        if self.cprofile is not None:
            self.cprofile.disable()
        else:
            assert self.pyinstrument is not None
            self.pyinstrument.stop()

    def report(self) -> str:
        if self.cprofile is not None:
            stats = io.StringIO()
            statistics_ = pstats.Stats(self.cprofile, stream=stats)
            statistics_.sort_stats("cumulative").print_stats(45)
            statistics_.sort_stats("tottime").print_stats(25)
            return stats.getvalue()
        assert self.pyinstrument is not None
        return self.pyinstrument.output_text(unicode=True, color=False, show_all=False)


def profile(page: str, reruns: int, use_cprofile: bool) -> None:
    """The script thread's profile, then the calling thread's (AppTest's own work)."""
    test = page_app(page)
    caller = cProfile.Profile()
    with ScriptThreadProfiler(use_cprofile) as script:
        started = time.perf_counter()
        caller.enable()
        for _ in range(reruns):
            test.run()
        caller.disable()
        elapsed = time.perf_counter() - started
    print(f"== {page}: {reruns} reruns, {1000 * elapsed / reruns:.1f} ms each (profiled)")
    print("== script thread (app.py, the page, the footer; Streamlit's script runner)")
    print(script.report())
    print("== calling thread (AppTest: waiting for the script, parsing its elements)")
    stats = io.StringIO()
    pstats.Stats(caller, stream=stats).sort_stats("tottime").print_stats(15)
    print(stats.getvalue())


def server_cpu_ms(app: Path, page: str, query: str, reruns: int) -> float:
    """Median over three rounds of server CPU ms per rerun (CPU time is read in 10 ms ticks)."""
    with streamlit_server(app) as server:
        drive_sessions(server, 1, 5, page, query)  # warm: imports, content cache
        return statistics.median(
            drive_sessions(server, 1, reruns, page, query).cpu_ms_per_rerun for _ in range(3)
        )


def median_cpu_ms(app: AppTest, reruns: int) -> float:
    """Median CPU time of the process (all threads) per rerun: steadier than wall time on a
    machine busy with other work, which shows in wall time but hardly in this process's CPU."""
    times = []
    for _ in range(reruns):
        start = time.process_time()
        app.run()
        times.append(time.process_time() - start)
    return 1000 * statistics.median(times)


def times(reruns: int, server_reruns: int, with_server: bool) -> None:
    empty = AppTest.from_string(EMPTY_APP, default_timeout=60).run()
    median_rerun_seconds(empty, reruns)
    print(f"{'page':14} {'AppTest ms':>10} {'empty ms':>9} {'ratio':>6}", end="")
    print(f" {'CPU ms':>7} {'empty':>6} {'ratio':>6}", end="")
    print(f" {'server CPU ms':>14}" if with_server else "")
    server_empty = 0.0
    if with_server:
        with tempfile.TemporaryDirectory() as temporary:
            one_line = Path(temporary) / "one_line.py"
            one_line.write_text(EMPTY_APP, encoding="utf-8")
            server_empty = server_cpu_ms(one_line, "", "", server_reruns)
    for page in PAGES:
        test = page_app(page)
        seconds = median_rerun_seconds(test, reruns)
        baseline = median_rerun_seconds(empty, reruns)
        line = f"{page:14} {1000 * seconds:10.1f} {1000 * baseline:9.1f} {seconds / baseline:6.2f}"
        cpu, cpu_empty = median_cpu_ms(test, reruns), median_cpu_ms(empty, reruns)
        line += f" {cpu:7.1f} {cpu_empty:6.1f} {cpu / cpu_empty:6.2f}"
        if with_server:
            query = "&".join(f"{k}={v}" for k, v in PAGE_QUERIES.get(f"{page}.py", {}).items())
            url_path = "" if page == "home" else page
            cpu = server_cpu_ms(APP, url_path, query, server_reruns)
            line += f" {cpu:9.1f} ({cpu / server_empty:.1f}×)"
        print(line, flush=True)
    if with_server:
        print(f"{'one-line app':14} {'':10} {'':9} {'':6} {'':22} {server_empty:9.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", nargs="?", choices=PAGES, help="page to profile")
    parser.add_argument("--reruns", type=int, default=30)
    parser.add_argument("--server-reruns", type=int, default=100)
    parser.add_argument("--cprofile", action="store_true", help="cProfile instead of pyinstrument")
    parser.add_argument("--times", action="store_true", help="every page: AppTest and server")
    parser.add_argument("--no-server", action="store_true", help="with --times: AppTest only")
    args = parser.parse_args()
    started = time.perf_counter()
    if args.times:
        times(args.reruns, args.server_reruns, not args.no_server)
    elif args.page:
        profile(args.page, args.reruns, args.cprofile)
    else:
        parser.error("name a page to profile, or --times")
    print(f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
