"""A newcomer's walk through the navigator in a real Chromium, with the keyboard where a person would.

Screenshots of every page land in test-artifacts/screenshots/.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import goto, press_on, screenshot, settle, start_streamlit, tab_to
from toolkaart.content.models import Toolkaart

pytestmark = pytest.mark.browser

TOOL_SITE = "https://www.datavoorgezondheid.nl/**"


def main_text(page: Any) -> str:
    return str(page.locator("[data-testid=stMain]").inner_text())


def test_newcomer_walks_the_first_gate(page: Any, app_url: str, toolkaart: Toolkaart) -> None:
    idee = toolkaart.phase("idee")
    goto(page, app_url)
    assert toolkaart.meta.introduction[:60] in main_text(page)
    assert "0 van 7 poorten gepasseerd. Huidige fase: Idee." in main_text(page)
    page.locator("[data-testid=stGraphVizChart] svg").wait_for()
    screenshot(page, "01-home")

    # reach the first phase from the list, by keyboard
    first = page.get_by_role("link", name=re.compile(r"^1\. Idee: "))
    press_on(page, first, "Enter")
    page.get_by_role("heading", name="Fase 1: Idee").wait_for()
    assert page.url.endswith("/fase?fase=idee")
    screenshot(page, "02-fase-idee")

    # tick two checklist items: Space on the first, then Tab along to the next
    boxes = [page.get_by_role("checkbox", name=item.text) for item in idee.checklist]
    press_on(page, boxes[0], "Space")
    tab_to(page, boxes[1])
    page.keyboard.press("Space")
    settle(page)
    assert boxes[0].is_checked() and boxes[1].is_checked() and not boxes[2].is_checked()
    assert "2 van 7 afgevinkt" in main_text(page)

    # answer the gate: ja, confirm the open items, record
    next_before = page.get_by_role("link", name=re.compile(r"^Volgende fase: 2\. Verkenning"))
    assert next_before.inner_text().endswith("(op slot)")
    press_on(page, page.get_by_role("radio", name="Ja"), "Space")
    assert "Nog open checklistpunten (5):" in main_text(page)
    confirm = page.get_by_role("checkbox", name=re.compile("bewust met 5 open checklistpunten"))
    press_on(page, confirm, "Space")
    screenshot(page, "03-fase-idee-gate")
    press_on(page, page.get_by_role("button", name="Besluit vastleggen"), "Enter")
    page.get_by_text("De poort van Idee is gepasseerd. Fase Verkenning is nu open.").wait_for()
    assert "Poort van deze fase: gepasseerd" in main_text(page)
    assert not page.get_by_role("radio", name="Ja").is_checked()  # a fresh form
    next_after = page.get_by_role("link", name=re.compile(r"^Volgende fase: 2\. Verkenning"))
    assert next_after.inner_text().endswith("(huidige fase)")
    screenshot(page, "04-fase-idee-passed")

    # on to the unlocked phase, then back home: the map shows the progress
    press_on(page, page.get_by_role("link", name="Verder naar fase 2. Verkenning"), "Enter")
    page.get_by_role("heading", name="Fase 2: Verkenning").wait_for()
    assert page.url.endswith("/fase?fase=verkenning")
    assert "Poort van deze fase: huidige fase" in main_text(page)
    screenshot(page, "05-fase-verkenning")
    page.get_by_role("link", name="Terug naar de route").click()
    settle(page)
    page.get_by_text("1 van 7 poorten gepasseerd. Huidige fase: Verkenning.").wait_for()
    assert page.get_by_role("link", name=re.compile(r"^1\. Idee: .*\(gepasseerd\)$")).count() == 1
    screenshot(page, "06-home-progress")

    # the ticked items are still there after the page switches
    page.get_by_role("link", name=re.compile(r"^1\. Idee: ")).click()
    settle(page)
    page.get_by_role("heading", name="Fase 1: Idee").wait_for()
    assert boxes[0].is_checked() and boxes[1].is_checked()


def test_deep_links_survive_a_refresh_and_tool_links_open_a_new_tab(
    page: Any, app_url: str, toolkaart: Toolkaart
) -> None:
    goto(page, f"{app_url}/fase?fase=pilot-a")
    page.get_by_role("heading", name="Fase 4: Pilot A").wait_for()
    assert "Is de oplossing werkend?" in main_text(page)
    assert "Poort van deze fase: op slot" in main_text(page)
    page.locator("[data-testid=stGraphVizChart] svg").wait_for()
    screenshot(page, "07-fase-pilot-a-deep-link")
    page.reload()
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]")
    page.get_by_role("heading", name="Fase 4: Pilot A").wait_for()

    # a tool's link says where it goes and opens its address in a new tab
    tool = toolkaart.tool("early-hta")
    link = page.get_by_role("link", name=re.compile(re.escape(tool.name) + ": open op"))
    assert link.get_attribute("href") == tool.url
    assert link.get_attribute("target") == "_blank"
    assert "datavoorgezondheid.nl (nieuw tabblad)" in link.inner_text()
    # no internet here: answer the tool's site with a stand-in page
    page.context.route(TOOL_SITE, lambda route: route.fulfill(body="<title>stand-in</title>"))
    with page.context.expect_page() as new_tab:
        press_on(page, link, "Enter")
    assert new_tab.value.url == tool.url
    assert page.url.endswith("/fase?fase=pilot-a")  # the navigator stays where it was


def test_actors_and_tools_pages(page: Any, app_url: str, toolkaart: Toolkaart) -> None:
    goto(page, f"{app_url}/actoren")
    assert "De 10 actoren van de Toolkaart" in main_text(page)
    page.locator("[data-testid=stTable]").first.wait_for()
    screenshot(page, "08-actoren")
    page.get_by_role("link", name="5. De zorgverzekeraar/financier").click()
    settle(page)
    assert page.url.endswith("/actoren?actor=zorgverzekeraar")
    page.get_by_role("heading", name="5. De zorgverzekeraar/financier").wait_for()
    screenshot(page, "09-actor-zorgverzekeraar")

    goto(page, f"{app_url}/hulpmiddelen")
    assert "14 van 14 hulpmiddelen gevonden." in main_text(page)
    screenshot(page, "10-hulpmiddelen")
    search = page.get_by_label("Zoeken in naam en beschrijving")
    search.fill("kosten baten")
    search.press("Enter")
    page.get_by_text("1 van 14 hulpmiddelen gevonden.").wait_for()
    screenshot(page, "11-hulpmiddelen-zoeken")

    goto(page, f"{app_url}/hulpmiddelen?tool=early-hta")
    page.get_by_role("heading", name=re.compile(r"^5\. ")).first.wait_for()
    assert "Wanneer in de route:" in main_text(page)
    screenshot(page, "12-hulpmiddel-early-hta")


def test_a_deep_link_as_a_servers_first_request_gets_the_whole_frame(page: Any) -> None:
    # Streamlit's legacy multipage mode would run the page without app.py on a server's first run.
    with start_streamlit() as server:
        goto(page, f"{server.url}/fase?fase=implementatie")
        page.get_by_role("heading", name="Fase 6: Implementatie").wait_for()
        assert "inhoud versie 1.0.0 (22 november 2026)" in main_text(page)
        navigation = page.locator("[data-testid=stSidebar]").inner_text()
        assert "Hulpmiddelen" in navigation and "app" not in navigation.split()
