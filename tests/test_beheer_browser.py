"""In a real browser: a member of staff opens Beheer, edits a YAML file, reloads, sees the change.

Runs `streamlit run app.py` on a free loopback port against a copy of the content, and drives
Debian's Chromium with Playwright. Skips where no Chromium is installed, unless
TOOLKAART_REQUIRE_BROWSER is set (CI), where a skip would hide a failure.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.contentedit import replace_text

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = REPO / "test-artifacts"
IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"

pytestmark = pytest.mark.browser


def _require_browser() -> None:
    if Path(CHROMIUM).exists():
        return
    message = f"no Chromium at {CHROMIUM}"
    if os.environ.get("TOOLKAART_REQUIRE_BROWSER"):
        pytest.fail(message + " (TOOLKAART_REQUIRE_BROWSER is set)")
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def app_url(content_copy: Path) -> Iterator[str]:
    _require_browser()
    port = _free_port()
    env = {**os.environ, "TOOLKAART_CONTENT": str(content_copy)}
    log = content_copy.parent / "streamlit.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"),
             "--server.headless=true", f"--server.port={port}", "--server.address=127.0.0.1",
             "--browser.gatherUsageStats=false", "--server.fileWatcherType=none"],
            cwd=REPO, env=env, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("streamlit did not start:\n" + log.read_text())
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_staff_reload_the_content_and_see_what_changed(app_url: str, content_copy: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(app_url)
            page.wait_for_selector(IDLE, timeout=30_000)
            page.get_by_role("link", name="Beheer").click()
            expect(page.get_by_role("heading", name="Beheer van de inhoud")).to_be_visible()
            expect(page).to_have_url(f"{app_url}/beheer")
            expect(page.get_by_text("De inhoud is geldig, met 1 waarschuwing(en).")).to_be_visible()
            expect(page.get_by_role("columnheader", name="1. Idee").first).to_be_visible()

            replace_text(content_copy / "phases.yaml", "name: Idee\n", "name: Ideefase\n")
            page.get_by_role("button", name="Inhoud opnieuw laden").click()
            expect(page.get_by_text("0 toegevoegd, 0 verwijderd, 1 gewijzigd")).to_be_visible()
            changes = page.locator("[data-testid=stTable]").first
            expect(changes).to_contain_text("Ideefase")
            expect(changes).to_contain_text("name")
            page.wait_for_selector(IDLE)
            page.mouse.move(0, 0)  # no tooltip over the screenshot
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "beheer-reload.png"), full_page=True)
        finally:
            browser.close()
