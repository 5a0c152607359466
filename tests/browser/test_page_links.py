"""Links to the app's own pages drawn inside one element (the sidebar, the phase page's actors,
the row under a phase, the footer: ``page_links.address``) move to the page as Streamlit's own
page links do: in place, in the same session, with the open project, and back again with the
browser's back button; a new tab when a person asks for one.

Each used to be a page link of its own, a message to the browser on every rerun; drawn as one
element they cost the server less than half (docs/performance.md section 8).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.conftest import goto, screenshot, settle, start_streamlit
from toolkaart.access.permissions import LOCAL
from toolkaart.i18n.catalog import t
from toolkaart.store.project_store import Store

pytestmark = pytest.mark.browser

#: Set on the document once; a reload (a page loaded anew) would lose it.
MARK = "window.toolkaartSamePage"


def _mark(page: Any) -> None:
    page.evaluate(f"{MARK} = true")


def _same_document(page: Any) -> bool:
    return bool(page.evaluate(f"{MARK} === true"))


def _sockets(page: Any) -> list[str]:
    opened: list[str] = []
    page.on("websocket", lambda socket: opened.append(socket.url))
    return opened


def _query(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_own_links_move_in_place_keep_the_project_and_go_back(page: Any, tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 't.sqlite3'}"
    store = Store(database, acting=LOCAL)
    project = store.create("Sepsis-signaal", "Ziekenhuis Oost")
    store.close()
    env = {"TOOLKAART_DATABASE_URL": database, "TOOLKAART_DATA_DIR": str(tmp_path)}
    with start_streamlit(env=env) as server:
        goto(page, f"{server.url}/fase?fase=idee&project={project.id}")
        opened = _sockets(page)
        _mark(page)
        sidebar = page.get_by_role("navigation", name=t("nav.label"))
        current = sidebar.locator('a[aria-current="page"]')
        assert current.inner_text() == t("nav.phase")

        # the sidebar, by keyboard: to the actors, in place, with the project, and the focus
        # stays on the menu item (the sidebar is drawn anew)
        sidebar.get_by_role("link", name=t("nav.actors"), exact=True).focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**/actoren?**")
        settle(page)
        assert page.locator("h1").inner_text() == t("actors.title")
        assert _query(page)["project"] == [project.id]
        assert current.inner_text() == t("nav.actors")
        focused = "() => document.activeElement.closest('nav') && document.activeElement.innerText"
        page.wait_for_function(f"({focused})() === {t('nav.actors')!r}")
        assert page.evaluate("document.activeElement.getAttribute('aria-current')") == "page"

        # the browser's back button: the phase again, in place
        page.go_back()
        page.wait_for_url("**/fase?**")
        settle(page)
        assert page.locator("h1").inner_text().startswith("Fase 1")

        # the row under the phase: on to the next phase, by keyboard
        pager = page.get_by_role("navigation", name=t("phase.nav.label"))
        following = pager.get_by_role("link", name=t("phase.nav.next").split("{")[0])
        following.focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**fase=verkenning**")
        settle(page)
        assert page.locator("h1").inner_text().startswith("Fase 2")
        assert _query(page) == {"fase": ["verkenning"], "project": [project.id]}

        # an actor's name on the phase page: its place on the Actoren page
        main = page.get_by_test_id("stMain")
        main.get_by_role("link", name="1. De ontwikkelaar/fabrikant").click()
        page.wait_for_url("**/actoren?**")
        settle(page)
        assert _query(page) == {"actor": ["ontwikkelaar"], "project": [project.id]}

        # the footer: the accessibility statement
        main.get_by_role("link", name=t("nav.accessibility")).click()
        page.wait_for_url("**/toegankelijkheid?**")
        settle(page)
        assert page.locator("h1").inner_text() == t("a11y.title")
        assert _same_document(page)  # not once loaded anew
        assert opened == []  # the same connection throughout: the same session
        assert len(page.context.pages) == 1  # and no new tab
        screenshot(page, "own-links-after-moves")

        # a new tab where the person asks for one (Ctrl+click): the page itself stays
        with page.context.expect_page() as new_tab:
            sidebar.get_by_role("link", name=t("nav.tools"), exact=True).click(
                modifiers=["Control"]
            )
        other = new_tab.value
        other.wait_for_load_state()
        assert urlparse(other.url).path == "/hulpmiddelen"
        assert page.locator("h1").inner_text() == t("a11y.title")
