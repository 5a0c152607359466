"""A newcomer's walk through the navigator in a real Chromium, with the keyboard where a person would.

Screenshots of every page land in test-artifacts/screenshots/.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import goto, press_on, screenshot, settle, start_streamlit, tab_to
from toolkaart.content.models import Phase, Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.route.navigator import link_host

pytestmark = pytest.mark.browser

TOOL_SITE = "https://www.datavoorgezondheid.nl/**"


def main_text(page: Any) -> str:
    return str(page.locator("[data-testid=stMain]").inner_text())


def state_line(state: str) -> str:
    """'Poort van deze fase: **gepasseerd**' as the browser shows it, without the Markdown."""
    return t("phase.state", state=t(f"state.{state}")).replace("**", "")


def title(phase: Phase) -> str:
    return t("phase.title", number=phase.number, name=phase.name)


def home_item(phase: Phase, state: str) -> str:
    """The phase's link in the route list on the home page."""
    return t(
        "home.list.item",
        number=phase.number,
        name=phase.name,
        question=phase.key_question,
        state=t(f"state.{state}"),
    )


def test_newcomer_walks_the_first_gate(page: Any, app_url: str, toolkaart: Toolkaart) -> None:
    idee, verkenning = toolkaart.phase("idee"), toolkaart.phase("verkenning")
    total = len(toolkaart.phases)
    goto(page, app_url)
    assert toolkaart.meta.introduction[:60] in main_text(page)
    assert t("home.progress", passed=0, total=total, current=idee.name) in main_text(page)
    page.locator("[data-testid=stGraphVizChart] svg").wait_for()
    screenshot(page, "01-home")

    # reach the first phase from the list, by keyboard
    first = page.get_by_role("link", name=home_item(idee, "current"), exact=True)
    press_on(page, first, "Enter")
    page.get_by_role("heading", name=title(idee)).wait_for()
    assert page.url.endswith("/fase?fase=idee")
    screenshot(page, "02-fase-idee")

    # tick two checklist items: Space on the first, then Tab along to the next
    boxes = [page.get_by_role("checkbox", name=item.text) for item in idee.checklist]
    press_on(page, boxes[0], "Space")
    tab_to(page, boxes[1])
    page.keyboard.press("Space")
    settle(page)
    assert boxes[0].is_checked() and boxes[1].is_checked() and not boxes[2].is_checked()
    done = t("phase.checklist.caption", done=2, total=len(idee.checklist))
    assert done in main_text(page)

    # answer the gate: ja, confirm the open items, record
    def next_phase(state: str) -> str:
        name, number = verkenning.name, verkenning.number
        return t("phase.nav.next", number=number, name=name, state=t(f"state.{state}"))

    assert page.get_by_role("link", name=next_phase("locked"), exact=True).count() == 1
    yes = page.get_by_role("radio", name=t("answer.ja"))
    press_on(page, yes, "Space")
    open_items = len(idee.checklist) - 2
    assert t("phase.gate.open_items", count=open_items) in main_text(page)
    confirm = page.get_by_role("checkbox", name=t("gate.form.confirm", count=open_items))
    press_on(page, confirm, "Space")
    screenshot(page, "03-fase-idee-gate")
    press_on(page, page.get_by_role("button", name=t("gate.form.submit")), "Enter")
    page.get_by_text(t("phase.gate.passed", phase=idee.name, next=verkenning.name)).wait_for()
    assert state_line("passed") in main_text(page)
    assert not yes.is_checked()  # a fresh form
    assert page.get_by_role("link", name=next_phase("current"), exact=True).count() == 1
    assert page.get_by_role("link", name=next_phase("locked"), exact=True).count() == 0
    screenshot(page, "04-fase-idee-passed")

    # on to the unlocked phase, then back home: the map shows the progress
    onward = t("phase.gate.go_next", number=verkenning.number, name=verkenning.name)
    press_on(page, page.get_by_role("link", name=onward), "Enter")
    page.get_by_role("heading", name=title(verkenning)).wait_for()
    assert page.url.endswith("/fase?fase=verkenning")
    assert state_line("current") in main_text(page)
    screenshot(page, "05-fase-verkenning")
    page.get_by_role("link", name=t("phase.nav.home")).click()
    settle(page)
    page.get_by_text(t("home.progress", passed=1, total=total, current=verkenning.name)).wait_for()
    assert page.get_by_role("link", name=home_item(idee, "passed"), exact=True).count() == 1
    screenshot(page, "06-home-progress")

    # the ticked items are still there after the page switches
    page.get_by_role("link", name=home_item(idee, "passed"), exact=True).click()
    settle(page)
    page.get_by_role("heading", name=title(idee)).wait_for()
    assert boxes[0].is_checked() and boxes[1].is_checked()


def test_deep_links_survive_a_refresh_and_tool_links_open_a_new_tab(
    page: Any, app_url: str, toolkaart: Toolkaart
) -> None:
    pilot_a = toolkaart.phase("pilot-a")
    goto(page, f"{app_url}/fase?fase=pilot-a")
    page.get_by_role("heading", name=title(pilot_a)).wait_for()
    assert pilot_a.key_question in main_text(page)
    assert state_line("locked") in main_text(page)
    page.locator("[data-testid=stGraphVizChart] svg").wait_for()
    screenshot(page, "07-fase-pilot-a-deep-link")
    page.reload()
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]")
    page.get_by_role("heading", name=title(pilot_a)).wait_for()

    # a tool's link says where it goes and opens its address in a new tab
    tool = toolkaart.tool("early-hta")
    assert tool.url is not None and link_host(tool.url) == "datavoorgezondheid.nl"
    label = t("tool.link", name=tool.name, host="datavoorgezondheid.nl")
    link = page.get_by_role("link", name=label)
    assert link.get_attribute("href") == tool.url
    assert link.get_attribute("target") == "_blank"
    assert label in link.inner_text()
    # no internet here: answer the tool's site with a stand-in page
    page.context.route(TOOL_SITE, lambda route: route.fulfill(body="<title>stand-in</title>"))
    with page.context.expect_page() as new_tab:
        press_on(page, link, "Enter")
    assert new_tab.value.url == tool.url
    assert page.url.endswith("/fase?fase=pilot-a")  # the navigator stays where it was


def test_actors_and_tools_pages(page: Any, app_url: str, toolkaart: Toolkaart) -> None:
    goto(page, f"{app_url}/actoren")
    assert t("actors.intro", count=len(toolkaart.actors)) in main_text(page)
    page.get_by_role("region", name=t("actors.matrix.title")).get_by_role("table").wait_for()
    screenshot(page, "08-actoren")
    actor = toolkaart.actor("zorgverzekeraar")
    page.get_by_role("link", name=t("actors.link", number=actor.number, name=actor.name)).click()
    settle(page)
    assert page.url.endswith("/actoren?actor=zorgverzekeraar")
    page.get_by_role("heading", name=f"{actor.number}. {actor.name}").wait_for()
    screenshot(page, "09-actor-zorgverzekeraar")

    goto(page, f"{app_url}/hulpmiddelen")
    total = len(toolkaart.tools)
    assert t("tools.found", count=total, total=total) in main_text(page)
    screenshot(page, "10-hulpmiddelen")
    search = page.get_by_label(t("tools.search"))
    search.fill("kosten baten")
    search.press("Enter")
    page.get_by_text(t("tools.found", count=1, total=total)).wait_for()
    screenshot(page, "11-hulpmiddelen-zoeken")

    goto(page, f"{app_url}/hulpmiddelen?tool=early-hta")
    tool = toolkaart.tool("early-hta")
    page.get_by_role("heading", name=re.compile(rf"^{tool.number}\. ")).first.wait_for()
    assert t("tools.when") in main_text(page)
    screenshot(page, "12-hulpmiddel-early-hta")


def test_a_deep_link_as_a_servers_first_request_gets_the_whole_frame(
    page: Any, toolkaart: Toolkaart
) -> None:
    # Streamlit's legacy multipage mode would run the page without app.py on a server's first run.
    meta = toolkaart.meta
    with start_streamlit() as server:
        goto(page, f"{server.url}/fase?fase=implementatie")
        page.get_by_role("heading", name=title(toolkaart.phase("implementatie"))).wait_for()
        assert t("footer.version", title=meta.title, version=meta.label) in main_text(page)
        navigation = page.locator("[data-testid=stSidebar]").inner_text()
        assert t("nav.tools") in navigation and "app" not in navigation.split()
