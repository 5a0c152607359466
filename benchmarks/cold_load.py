"""The cold load a person feels: every page opened in a fresh Chromium context, beside a one-line app.

``python -m benchmarks.cold_load [--runs N] [--pages home,fase,...] [--modes plain,proxy]
[--json FILE] [--quick]``

Each load is a new browser context (an empty cache, no cookies) that opens a page's address and
waits, in the page's own clock (``performance.now()``, which starts when the navigation starts),
until the page's title is visible (``visible_ms``) and until Streamlit has finished the script run
and replaced every skeleton (``drawn_ms``). The same context then opens the same address again:
the hashed static files come from its cache (``warm_*``). Bytes are what Chromium's network layer
received (CDP ``Network.loadingFinished`` ``encodedDataLength``: headers and the body as sent,
compressed where it was) plus the websocket's frames (``webSocketFrameReceived``; Streamlit's
websocket compression is off by default, so the payload is what crossed the wire).

A one-line app (``benchmarks.measure.write_one_line_app``) under the same settings and with the
same server set-up (``toolkaart.web.nodelay``) is loaded beside every page load, alternately
before and after it, so both see the same load on a shared machine; the ratio of a page is its
median over the median of its paired one-line loads.

Two modes: ``plain`` is ``toolkaart serve``'s server itself (Streamlit 1.67's Starlette server
sends its static files uncompressed, cacheable for a year); ``proxy`` puts HAProxy with the
compose set-up's ``deploy/haproxy.cfg`` in front (gzip, cache headers), started on loopback
(``benchmarks.topology.compose_haproxy_config``). Everything runs on loopback, where the bytes
cost almost nothing: the byte counts say what a real link would carry.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from benchmarks.measure import Server, streamlit_server, write_one_line_app
from benchmarks.topology import compose_haproxy_config, find_haproxy, start_proxy
from toolkaart.access.permissions import LOCAL
from toolkaart.content.loader import load_toolkaart
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.route.gates import Answer
from toolkaart.serve import SERVER
from toolkaart.settings import SHIPPED_CONTENT_DIR
from toolkaart.store.project_store import Store

#: Debian's Chromium (browsers cannot be downloaded here) and the flags every run here uses.
CHROMIUM: Final = Path("/usr/bin/chromium")
CHROMIUM_ARGS: Final = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
MODES: Final = ("plain", "proxy")
#: The seeded project the Zelfscan opens (and the portfolio and agenda list).
PROJECT: Final = ("Valdetectie ’s nachts", "Zorggroep Oost")

#: The page's content is there: an element matching the selector shows the text.
VISIBLE_JS: Final = """([selector, text]) => {
  for (const element of document.querySelectorAll(selector)) {
    if (element.textContent.includes(text) && element.getClientRects().length) {
      return performance.now();
    }
  }
  return false;
}"""
#: Runs before the page's own scripts: when Streamlit's websocket was made (its code has loaded
#: and started), opened, and brought its first message (the server has begun the script run).
WEBSOCKET_CLOCK_JS: Final = """(() => {
  const Native = window.WebSocket;
  window.__coldLoad = {};
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      const clock = window.__coldLoad;
      clock.created ??= performance.now();
      this.addEventListener("open", () => { clock.open ??= performance.now(); });
      this.addEventListener("message", () => { clock.message ??= performance.now(); });
    }
  };
})();"""
#: The script run has finished and no skeleton waits for a lazily loaded element.
DRAWN_JS: Final = """() => {
  const app = document.querySelector("[data-testid=stApp]");
  if (!app || app.getAttribute("data-test-script-state") !== "notRunning") return false;
  const waiting = "[data-testid=stSkeleton], [data-testid=stSkeletonElement], "
    + "[data-testid=stAppSkeleton]";
  return document.querySelector(waiting) ? false : performance.now();
}"""


@dataclass(frozen=True)
class Target:
    """A page to load and what shows that its content is there."""

    name: str
    path: str
    selector: str
    text: str


ONE_LINE: Final = Target("one-line app", "/", "[data-testid=stMarkdownContainer] p", "Toolkaart")


def page_targets(toolkaart: Toolkaart, project_id: str) -> list[Target]:
    """Every page of the navigator in local mode, each known by its title (an ``h1``)."""
    first = toolkaart.phases[0]

    def page(name: str, path: str, title: str) -> Target:
        return Target(name, path, "h1", title)

    return [
        page("home", "/", toolkaart.meta.title),
        page(
            "fase", f"/fase?fase={first.id}", t("phase.title", number=first.number, name=first.name)
        ),
        page("actoren", "/actoren", t("actors.title")),
        page("hulpmiddelen", "/hulpmiddelen", t("tools.title")),
        page("projecten", "/projecten", t("projects.title")),
        page("zelfscan", f"/zelfscan?project={project_id}", t("scan.title", name=PROJECT[0])),
        page("portfolio", "/portfolio", t("portfolio.title")),
        page("agenda", "/agenda", t("agenda.title")),
        page("beheer", "/beheer", t("beheer.title")),
        page("toegankelijkheid", "/toegankelijkheid", t("a11y.title")),
        page("leden", "/leden", t("members.title")),
    ]


@dataclass(frozen=True)
class Load:
    """One page load in one browser context: cold (empty cache) and then warm (same context)."""

    visible_ms: float
    drawn_ms: float
    #: When the websocket was made (Streamlit's code loaded and started) and brought its first
    #: message (the server's answer began), in the page's clock like the rest.
    websocket_ms: float
    first_message_ms: float
    http_bytes: int
    websocket_bytes: int
    requests: int
    warm_visible_ms: float
    warm_drawn_ms: float
    warm_http_bytes: int
    #: The largest responses of the cold load (file name, bytes), to see what a page adds.
    largest: tuple[tuple[str, int], ...] = ()


@dataclass
class _Traffic:
    """What Chromium's network layer reported for one page (one CDP session)."""

    http_bytes: int = 0
    websocket_bytes: int = 0
    requests: int = 0
    urls: dict[str, str] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)

    def listen(self, cdp: Any) -> None:
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.webSocketFrameReceived", self._frame)

    def reset(self) -> None:
        self.http_bytes = self.websocket_bytes = self.requests = 0
        self.sizes.clear()

    def _sent(self, event: Mapping[str, Any]) -> None:
        self.urls[event["requestId"]] = event["request"]["url"]

    def _finished(self, event: Mapping[str, Any]) -> None:
        size = int(event["encodedDataLength"])
        self.http_bytes += size
        self.requests += 1
        url = self.urls.get(event["requestId"], "?")
        self.sizes[url.split("?")[0].rsplit("/", 1)[-1] or "/"] = size

    def _frame(self, event: Mapping[str, Any]) -> None:
        response = event["response"]
        payload = response["payloadData"]
        # a binary frame's payload arrives base64-encoded, a text frame's as text
        if response["opcode"] == 2:
            self.websocket_bytes += len(payload) * 3 // 4 - payload[-2:].count("=")
        else:
            self.websocket_bytes += len(payload.encode())

    def largest(self, count: int = 5) -> tuple[tuple[str, int], ...]:
        return tuple(sorted(self.sizes.items(), key=lambda item: -item[1])[:count])


def _until(page: Any, script: str, arg: object = None) -> float:
    handle = page.wait_for_function(script, arg=arg, polling="raf", timeout=60_000)
    return float(handle.json_value())


def load_page(browser: Any, base_url: str, target: Target) -> Load:
    """Open ``target`` in a fresh context, then once more in the same context."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        traffic = _Traffic()
        traffic.listen(cdp)
        url = base_url + target.path

        def one_load() -> tuple[float, float]:
            page.goto(url, wait_until="commit", timeout=60_000)
            visible = _until(page, VISIBLE_JS, [target.selector, target.text])
            drawn = _until(page, DRAWN_JS)
            # what loads after the run (a lazily loaded chart's code) still counts as the page's
            page.wait_for_load_state("networkidle", timeout=60_000)
            return visible, drawn

        page.add_init_script(WEBSOCKET_CLOCK_JS)
        visible, drawn = one_load()
        clock = page.evaluate("() => window.__coldLoad")
        cold = (traffic.http_bytes, traffic.websocket_bytes, traffic.requests, traffic.largest())
        traffic.reset()
        warm_visible, warm_drawn = one_load()
        return Load(
            visible_ms=visible,
            drawn_ms=drawn,
            websocket_ms=float(clock["created"]),
            first_message_ms=float(clock["message"]),
            http_bytes=cold[0],
            websocket_bytes=cold[1],
            requests=cold[2],
            warm_visible_ms=warm_visible,
            warm_drawn_ms=warm_drawn,
            warm_http_bytes=traffic.http_bytes,
            largest=cold[3],
        )
    finally:
        context.close()


@dataclass
class PageFigures:
    """Every load of one page in one mode, and of the one-line app beside each of them."""

    page: str
    path: str
    loads: list[Load] = field(default_factory=list)
    one_line: list[Load] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        def median(values: Sequence[float]) -> float:
            return round(statistics.median(values), 1)

        def ratios(attribute: str) -> list[float]:
            return sorted(
                getattr(page, attribute) / getattr(line, attribute)
                for page, line in zip(self.loads, self.one_line, strict=True)
            )

        def spread(attribute: str) -> list[float]:
            values = ratios(attribute)
            if len(values) < 4:
                return [round(values[0], 2), round(values[-1], 2)]
            quartiles = statistics.quantiles(values, n=4)
            return [round(quartiles[0], 2), round(quartiles[2], 2)]

        visible = [load.visible_ms for load in self.loads]
        line_visible = [load.visible_ms for load in self.one_line]
        drawn = [load.drawn_ms for load in self.loads]
        line_drawn = [load.drawn_ms for load in self.one_line]
        return {
            "page": self.page,
            "path": self.path,
            "runs": len(self.loads),
            "visible_ms": median(visible),
            "visible_ms_range": [round(min(visible)), round(max(visible))],
            "one_line_visible_ms": median(line_visible),
            "visible_ratio": round(statistics.median(visible) / statistics.median(line_visible), 2),
            "visible_ratio_quartiles": spread("visible_ms"),
            "drawn_ms": median(drawn),
            "one_line_drawn_ms": median(line_drawn),
            "drawn_ratio": round(statistics.median(drawn) / statistics.median(line_drawn), 2),
            "first_visible_ms": round(visible[0], 1),
            "websocket_ms": median([load.websocket_ms for load in self.loads]),
            "one_line_websocket_ms": median([load.websocket_ms for load in self.one_line]),
            "first_message_ms": median([load.first_message_ms for load in self.loads]),
            "one_line_first_message_ms": median([load.first_message_ms for load in self.one_line]),
            "warm_visible_ms": median([load.warm_visible_ms for load in self.loads]),
            "one_line_warm_visible_ms": median([load.warm_visible_ms for load in self.one_line]),
            "http_bytes": int(statistics.median([load.http_bytes for load in self.loads])),
            "one_line_http_bytes": int(
                statistics.median([load.http_bytes for load in self.one_line])
            ),
            "websocket_bytes": int(
                statistics.median([load.websocket_bytes for load in self.loads])
            ),
            "warm_http_bytes": int(
                statistics.median([load.warm_http_bytes for load in self.loads])
            ),
            "requests": int(statistics.median([load.requests for load in self.loads])),
            "largest": [list(item) for item in self.loads[0].largest],
        }


def seed(database_url: str) -> str:
    """One project past its first gate, for the Zelfscan, portfolio and agenda; its id."""
    toolkaart = load_toolkaart(SHIPPED_CONTENT_DIR)
    store = Store(database_url, acting=LOCAL)
    try:
        project = store.create(*PROJECT)
        project = store.save(
            project.with_assessment(
                project.assessment.decide(
                    toolkaart,
                    toolkaart.phases[0].id,
                    Answer.JA,
                    rationale="Patiënten en verpleegkundigen vragen erom",
                    decided_by="Raad van Bestuur",
                    decided_on=dt.date(2026, 10, 1),
                    accept_open_items=True,
                )
            )
        )
        return project.id
    finally:
        store.close()


@contextlib.contextmanager
def servers(
    directory: Path, modes: Sequence[str], stock_one_line: bool = False
) -> Iterator[dict[str, tuple[str, str]]]:
    """The navigator and the one-line app, each on its own ``toolkaart serve``-equivalent server,
    and, for mode ``proxy``, each behind its own HAProxy with the compose configuration: mode →
    (navigator URL, one-line URL)."""
    database = f"sqlite:///{directory / 'toolkaart.sqlite3'}"
    env = {"TOOLKAART_DATABASE_URL": database, "TOOLKAART_DATA_DIR": str(directory)}
    one_line_app = write_one_line_app(directory, stock=stock_one_line)
    with contextlib.ExitStack() as stack:
        navigator: Server = stack.enter_context(streamlit_server(SERVER, env=env))
        one_line: Server = stack.enter_context(streamlit_server(one_line_app))
        urls = {}
        for mode in modes:
            if mode == "plain":
                urls[mode] = (navigator.url, one_line.url)
            else:
                proxies = [
                    stack.enter_context(
                        start_proxy({"app1": server.port}, config_text=compose_haproxy_config)
                    )
                    for server in (navigator, one_line)
                ]
                urls[mode] = (proxies[0].url, proxies[1].url)
        yield urls


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS)
        )
        try:
            yield browser
        finally:
            browser.close()


def _load_average() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def run(
    runs: int,
    page_names: Sequence[str] | None = None,
    modes: Sequence[str] = MODES,
    progress: Callable[[str], None] = print,
    stock_one_line: bool = False,
) -> dict[str, Any]:
    """Measure; the figures as one JSON-ready dictionary (``modes`` → ``pages`` → summary).
    ``stock_one_line``: the one-line app without the navigator's socket setting."""
    if "proxy" in modes and find_haproxy() is None:
        raise RuntimeError("mode proxy needs HAProxy (apt-get install haproxy)")
    load_before = _load_average()
    with tempfile.TemporaryDirectory(prefix="cold-load-") as temporary:
        directory = Path(temporary)
        project_id = seed(f"sqlite:///{directory / 'toolkaart.sqlite3'}")
        targets = page_targets(load_toolkaart(SHIPPED_CONTENT_DIR), project_id)
        if page_names:
            known = {target.name: target for target in targets}
            unknown = sorted(set(page_names) - set(known))
            if unknown:
                raise ValueError(f"unknown pages: {', '.join(unknown)}")
            targets = [known[name] for name in page_names]
        figures = {mode: {t.name: PageFigures(t.name, t.path) for t in targets} for mode in modes}
        with servers(directory, modes, stock_one_line) as urls, chromium() as browser:
            version = browser.version
            for round_number in range(runs):
                for mode in modes:
                    navigator_url, one_line_url = urls[mode]
                    for target in targets:
                        pair = [(navigator_url, target), (one_line_url, ONE_LINE)]
                        if round_number % 2:
                            pair.reverse()
                        loads = {t.name: load_page(browser, url, t) for url, t in pair}
                        page_figures = figures[mode][target.name]
                        page_figures.loads.append(loads[target.name])
                        page_figures.one_line.append(loads[ONE_LINE.name])
                        progress(
                            f"run {round_number + 1}/{runs} {mode:5} {target.name:16} "
                            f"{loads[target.name].visible_ms:7.0f} ms, one-line "
                            f"{loads[ONE_LINE.name].visible_ms:6.0f} ms"
                        )
    import streamlit

    return {
        "date": dt.date.today().isoformat(),
        "machine": {
            "cores": os.cpu_count(),
            "load_average_before": load_before,
            "load_average_after": _load_average(),
        },
        "versions": {
            "python": sys.version.split()[0],
            "streamlit": streamlit.__version__,
            "chromium": version,
        },
        "runs": runs,
        "one_line_app": "stock" if stock_one_line else "same server set-up (nodelay)",
        "modes": {
            mode: [page.summary() for page in pages.values()] for mode, pages in figures.items()
        },
        "samples": {
            mode: {
                name: {
                    "page_visible_ms": [round(load.visible_ms, 1) for load in page.loads],
                    "one_line_visible_ms": [round(load.visible_ms, 1) for load in page.one_line],
                }
                for name, page in pages.items()
            }
            for mode, pages in figures.items()
        },
    }


def table(figures: Mapping[str, Any]) -> list[str]:
    """The figures as a Markdown table, one row per mode and page."""
    lines = [
        "| mode | page | visible ms (range) | one-line ms | ratio (pairs' quartiles) | "
        "drawn ms | drawn ratio | warm ms | bytes | one-line bytes | websocket bytes |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for mode, pages in figures["modes"].items():
        for row in pages:
            low, high = row["visible_ms_range"]
            q1, q3 = row["visible_ratio_quartiles"]
            lines.append(
                f"| {mode} | {row['page']} | {row['visible_ms']:.0f} ({low}–{high}) | "
                f"{row['one_line_visible_ms']:.0f} | {row['visible_ratio']:.2f} ({q1}–{q3}) | "
                f"{row['drawn_ms']:.0f} | {row['drawn_ratio']:.2f} | "
                f"{row['warm_visible_ms']:.0f} | {row['http_bytes']:,} | "
                f"{row['one_line_http_bytes']:,} | {row['websocket_bytes']:,} |"
            )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.cold_load", description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="loads of each page per mode")
    parser.add_argument("--pages", help="comma-separated page names (default: every page)")
    parser.add_argument("--modes", default=",".join(MODES), help="plain, proxy or both")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument(
        "--quick", action="store_true", help="one run of the home page (a smoke test)"
    )
    parser.add_argument(
        "--stock-one-line",
        action="store_true",
        help="the one-line app as Streamlit serves it, without the navigator's socket setting",
    )
    args = parser.parse_args(argv)
    pages = args.pages.split(",") if args.pages else None
    runs = args.runs
    if args.quick:
        runs, pages = 1, pages or ["home"]
    modes = tuple(mode.strip() for mode in args.modes.split(","))
    if set(modes) - set(MODES):
        parser.error(f"--modes: choose from {', '.join(MODES)}")
    figures = run(runs, pages, modes, stock_one_line=args.stock_one_line)
    print("\n".join(table(figures)))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
