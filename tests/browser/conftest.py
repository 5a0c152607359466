"""Real-browser fixtures: the app under ``streamlit run`` on a free loopback port, and Chromium.

Reuse in any test under tests/browser/ (mark it ``@pytest.mark.browser``):

- ``app_url``: base URL of the shipped app, one server for the whole session.
- ``start_streamlit(env=..., app=...)``: a context manager for a server with its own environment
  (e.g. ``TOOLKAART_CONTENT`` or a database URL); yields a ``StreamlitServer`` (``.url``,
  ``.startup_seconds``, ``.output()``).
- ``browser``: headless Debian Chromium (``/usr/bin/chromium``), one for this package's tests.
  Absent Chromium or Playwright skips the test with the reason, unless
  ``TOOLKAART_REQUIRE_BROWSER=1`` (CI), where it fails.
- ``page``: a fresh browser context and page (1280×900, Dutch locale) per test.
- ``goto(page, url)`` / ``settle(page)``: load a URL / wait until Streamlit has finished its run.
- ``screenshot(page, name)``: a full-page PNG in ``test-artifacts/screenshots/<name>.png``.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
APP_IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"
START_TIMEOUT = 60.0


def _require_browser() -> bool:
    return os.environ.get("TOOLKAART_REQUIRE_BROWSER") == "1"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class StreamlitServer:
    """A running ``streamlit run``; ``output()`` is what it printed so far (for failures)."""

    url: str
    process: subprocess.Popen[bytes]
    log_path: Path
    startup_seconds: float = field(default=0.0)

    def output(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


@contextlib.contextmanager
def start_streamlit(
    env: Mapping[str, str] | None = None, app: Path = REPO / "app.py"
) -> Iterator[StreamlitServer]:
    """Start ``streamlit run app`` headless on a free 127.0.0.1 port; stop it afterwards.

    Waits for ``/_stcore/health``; if the server exits or is not healthy within a minute the
    test fails with the server's output.
    """
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        "--server.headless=true",
        "--server.address=127.0.0.1",
        f"--server.port={port}",
        "--server.fileWatcherType=none",
        "--browser.gatherUsageStats=false",
    ]
    with tempfile.NamedTemporaryFile(prefix="streamlit-", suffix=".log", delete=False) as log:
        log_path = Path(log.name)
    with log_path.open("wb") as log_file:
        started = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=REPO,
            env={**os.environ, **(env or {})},
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        server = StreamlitServer(url, process, log_path)
        try:
            deadline = started + START_TIMEOUT
            while not _healthy(url):
                if process.poll() is not None or time.perf_counter() > deadline:
                    pytest.fail(
                        f"streamlit did not become healthy at {url} "
                        f"(exit code {process.poll()}); its output:\n{server.output()}"
                    )
                time.sleep(0.05)
            server.startup_seconds = time.perf_counter() - started
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log_path.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """The shipped app, served once for the whole test session."""
    with start_streamlit() as server:
        yield server.url


def _unavailable(reason: str) -> None:
    if _require_browser():
        pytest.fail(f"TOOLKAART_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    """Headless Chromium from Debian (browsers cannot be downloaded here).

    Scoped to this package, not the session: Playwright's sync API keeps an asyncio loop running
    while it is open, which makes every later ``asyncio.run`` (``toolkaart bench``'s websocket
    driver) and every other ``sync_playwright()`` in the same process fail.
    """
    if not CHROMIUM.exists():
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.set_default_timeout(20_000)
    browser_page = context.new_page()
    yield browser_page
    context.close()


def _drawn(page: Any) -> None:
    """Wait for the script run to end and for lazily loaded widgets to replace their skeletons."""
    page.wait_for_selector(APP_IDLE)
    page.wait_for_function(
        "() => !document.querySelector("
        "'[data-testid=stSkeleton], [data-testid=stSkeletonElement], [data-testid=stAppSkeleton]')"
    )


def settle(page: Any) -> None:
    """Wait until Streamlit has finished the script run the last action started."""
    page.wait_for_timeout(150)  # let a rerun the action triggered begin
    _drawn(page)


def goto(page: Any, url: str) -> None:
    page.goto(url)
    _drawn(page)


def screenshot(page: Any, name: str, max_height: int = 6000) -> Path:
    """The whole page as a PNG. Streamlit scrolls inside its main element, not the document, so
    the viewport is stretched to the content's height for the shot and restored afterwards."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    viewport = page.viewport_size
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], "
        "[data-testid=stAppViewContainer]')].map(e => e.scrollHeight), window.innerHeight)"
    )
    page.set_viewport_size({"width": viewport["width"], "height": min(int(height), max_height)})
    page.wait_for_timeout(300)  # let charts re-layout to the new size
    _drawn(page)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(viewport)
    return path
