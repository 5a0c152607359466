"""In a real browser: a team creates a project, passes two gates, reloads, and finds it all there.

Runs `streamlit run app.py` on a free loopback port with its own SQLite database and drives
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
from toolkaart.models import Toolkaart
from toolkaart.store import Store

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = REPO / "test-artifacts"
IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def database(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'browser.sqlite3'}"


@pytest.fixture
def app_url(database: str, tmp_path: Path) -> Iterator[str]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("TOOLKAART_REQUIRE_BROWSER"):
            pytest.fail(f"no Chromium at {CHROMIUM} (TOOLKAART_REQUIRE_BROWSER is set)")
        pytest.skip(f"no Chromium at {CHROMIUM}")
    port = _free_port()
    env = {**os.environ, "TOOLKAART_DATABASE_URL": database}
    log = tmp_path / "streamlit.log"
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


def test_create_pass_two_gates_reload_and_find_everything(
    app_url: str, database: str, toolkaart: Toolkaart
) -> None:
    from playwright.sync_api import Page, expect, sync_playwright

    def settle(page: Page) -> None:
        page.wait_for_timeout(200)
        page.wait_for_selector(IDLE, timeout=30_000)

    def tick(page: Page, label: str, role: str = "checkbox") -> None:
        """Click the visible label, as a person does (the input itself is visually hidden)."""
        page.locator("label").filter(has_text=label).first.click()
        expect(page.get_by_role(role, name=label).first).to_be_checked()  # type: ignore[arg-type]

    def decide(page: Page, rationale: str, accept_open_items: bool = False) -> None:
        tick(page, "Ja", role="radio")
        page.get_by_label("Onderbouwing van het besluit").fill(rationale)
        page.get_by_label("Besloten door").fill("Stuurgroep Één")
        if accept_open_items:
            tick(page, "Ik passeer de poort bewust")
        page.get_by_role("button", name="Besluit vastleggen").click()
        settle(page)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000}, locale="nl-NL")
            page.goto(app_url)
            settle(page)
            page.get_by_role("link", name="Projecten").click()
            settle(page)
            expect(page).to_have_url(f"{app_url}/projecten")
            expect(page.get_by_role("heading", name="Projecten", exact=True)).to_be_visible()
            page.get_by_label("Naam").fill("Valdetectie ’s nachts")
            page.get_by_label("Organisatie of team").fill("Zorggroep Zoë")
            page.get_by_role("button", name="Project aanmaken").click()
            settle(page)
            expect(page.get_by_text("Zelfscan: Valdetectie ’s nachts")).to_be_visible()
            assert "/zelfscan?project=" in page.url

            # gate 1: every item ticked, then 'ja'
            for item in toolkaart.phase("idee").checklist:
                tick(page, item.text)
            page.get_by_role("button", name="Checklist opslaan").click()
            settle(page)
            decide(page, "Wenselijk: één concrete zorgvraag")
            expect(page.get_by_text("Huidige fase: 2. Verkenning.")).to_be_visible()
            # gate 2: passed with its open items, explicitly
            expect(page.get_by_role("heading", name="Fase 2. Verkenning")).to_be_visible()
            decide(page, "Risico’s bewust aanvaard (€ 0 extra)", accept_open_items=True)
            expect(page.get_by_text("Huidige fase: 3. Ontwikkeling. 2 van 7")).to_be_visible()

            url = page.url
            page.reload()
            settle(page)
            assert page.url == url  # the project (and phase) stay in the URL
            expect(page.get_by_text("Huidige fase: 3. Ontwikkeling. 2 van 7")).to_be_visible()
            log = page.locator("[data-testid=stTable]")
            expect(log).to_contain_text("Wenselijk: één concrete zorgvraag")
            expect(log).to_contain_text("Risico’s bewust aanvaard (€ 0 extra)")
            expect(log).to_contain_text("Stuurgroep Één")
            page.get_by_label("Fase om aan te werken").click()
            page.get_by_role("option", name="1. Idee").click()
            settle(page)
            for item in toolkaart.phase("idee").checklist:
                expect(page.get_by_role("checkbox", name=item.text)).to_be_checked()
            page.mouse.move(0, 0)
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "zelfscan-after-reload.png"), full_page=True)
            page.goto(f"{app_url}/projecten")
            settle(page)
            expect(
                page.get_by_text("fase 3. Ontwikkeling · 2 van 7 poorten gepasseerd")
            ).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "projecten.png"), full_page=True)
        finally:
            browser.close()

    stored = Store(database).list_projects()
    assert [p.name for p in stored] == ["Valdetectie ’s nachts"]
    assert stored[0].status(toolkaart).current_phase_id == "ontwikkeling"
    assert len(stored[0].assessment.decisions[1].open_items) > 0
