"""Real-browser fixtures: the app under ``streamlit run`` on a free loopback port, and Chromium.

Reuse in any test under tests/browser/ (mark it ``@pytest.mark.browser``):

- ``app_url``: base URL of the shipped app, one server for the whole session.
- ``start_streamlit(env=..., app=...)``: a context manager for a server with its own environment
  (e.g. ``TOOLKAART_CONTENT`` or a database URL); yields a ``benchmarks.measure.Server``
  (``.url``, ``.started_in``, ``.output()``).
- ``browser``: headless Debian Chromium (``/usr/bin/chromium``), one for this package's tests.
  Absent Chromium or Playwright skips the test with the reason, unless
  ``TOOLKAART_REQUIRE_BROWSER=1`` (CI), where it fails.
- ``page``: a fresh browser context and page (1280×900, Dutch locale) per test.
- ``goto(page, url)`` / ``settle(page)``: load a URL / wait until Streamlit has finished its run.
- ``screenshot(page, name)``: a full-page PNG in ``test-artifacts/screenshots/<name>.png``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from benchmarks.cold_load import CHROMIUM, CHROMIUM_ARGS
from benchmarks.measure import Server, streamlit_server
from tests.conftest import REPO, unavailable
from toolkaart.serve import SERVER

SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
APP_IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"
START_TIMEOUT = 60.0


REQUIRE_FLAG = "TOOLKAART_REQUIRE_BROWSER"


def start_streamlit(
    env: Mapping[str, str] | None = None, app: Path = SERVER
) -> contextlib.AbstractContextManager[Server]:
    """``streamlit run app`` headless on a free 127.0.0.1 port (the bench's own server runner);
    a server that does not become healthy fails the test with its output."""
    return streamlit_server(app, env=env, cwd=REPO)


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The shipped app, served once for the whole test session, on a database of its own: a
    session fixture starts before the autouse one that gives each test a private database, so
    without this the server used (and migrated) the user's default database."""
    data = tmp_path_factory.mktemp("app_url")
    env = {
        "TOOLKAART_DATABASE_URL": f"sqlite:///{data / 'toolkaart.sqlite3'}",
        "TOOLKAART_DATA_DIR": str(data),
    }
    with start_streamlit(env=env) as server:
        yield server.url


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    """Headless Chromium from Debian (browsers cannot be downloaded here).

    Scoped to this package, not the session: Playwright's sync API keeps an asyncio loop running
    while it is open, which makes every later ``asyncio.run`` (``toolkaart bench``'s websocket
    driver) and every other ``sync_playwright()`` in the same process fail.
    """
    if not CHROMIUM.exists():
        unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)", REQUIRE_FLAG)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed (pip install -e '.[dev]')", REQUIRE_FLAG)
    from playwright.sync_api import expect

    # A loaded 2-core machine (CI, parallel work) can take longer than Playwright's 5 s default
    # for a Streamlit rerun; the assertions wait as long as the actions do.
    expect.set_options(timeout=20_000)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS)
        )
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


def press_on(page: Any, locator: Any, key: str) -> None:
    """Focus a control and press a key on it, as a keyboard user would after tabbing to it."""
    locator.focus()
    page.keyboard.press(key)
    settle(page)


def tab_to(page: Any, locator: Any, limit: int = 12) -> None:
    """Press Tab until ``locator`` has the focus (fails if it takes more than ``limit`` presses)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"{locator} not reached with {limit} presses of Tab")
