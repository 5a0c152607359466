"""In a real browser: a team creates a project, passes two gates, reloads, and finds it all there.

The app runs under ``streamlit run`` with its own SQLite database (tests/browser/conftest.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.appkit import before, opening
from tests.browser.conftest import goto, screenshot, settle, start_streamlit, tab_to
from toolkaart.access.permissions import LOCAL
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.store.project_store import Store

pytestmark = pytest.mark.browser


def test_create_pass_two_gates_reload_and_find_everything(
    page: Any, tmp_path: Path, toolkaart: Toolkaart
) -> None:
    from playwright.sync_api import expect

    database = f"sqlite:///{tmp_path / 'browser.sqlite3'}"

    def tick(label: str, role: str = "checkbox") -> None:
        """Click the visible label, as a person does (the input itself is visually hidden)."""
        page.locator("label").filter(has_text=label).first.click()
        expect(page.get_by_role(role, name=label).first).to_be_checked()

    def decide(rationale: str, accept_open_items: bool = False) -> None:
        tick(t("answer.ja"), role="radio")
        page.get_by_label(t("gate.form.rationale")).fill(rationale)
        page.get_by_label(t("gate.form.decided_by")).fill("Stuurgroep Één")
        if accept_open_items:
            tick(opening("gate.form.confirm").rstrip())
        page.get_by_role("button", name=t("gate.form.submit")).click()
        settle(page)

    def current(phase_id: str, passed: int) -> str:
        phase = toolkaart.phase(phase_id)
        total = len(toolkaart.phases)
        return t("scan.current", number=phase.number, phase=phase.name, passed=passed, total=total)

    idee, verkenning = toolkaart.phase("idee"), toolkaart.phase("verkenning")
    with start_streamlit(env={"TOOLKAART_DATABASE_URL": database}) as server:
        app_url = server.url
        page.goto(app_url)
        settle(page)
        menu = page.get_by_role("navigation", name=t("nav.label"))
        menu.get_by_role("link", name=t("nav.projects"), exact=True).click()
        settle(page)
        expect(page).to_have_url(f"{app_url}/projecten")
        expect(page.get_by_role("heading", name=t("projects.title"), exact=True)).to_be_visible()
        page.get_by_label(t("project.field.name")).fill("Valdetectie ’s nachts")
        page.get_by_label(t("project.field.organisation")).fill("Zorggroep Zoë")
        page.get_by_role("button", name=t("projects.create.submit")).click()
        settle(page)
        expect(page.get_by_text(t("scan.title", name="Valdetectie ’s nachts"))).to_be_visible()
        assert "/zelfscan?project=" in page.url

        # gate 1: every item ticked (each saved at once), then 'ja'
        for item in idee.checklist:
            tick(item.text)
            settle(page)
        decide("Wenselijk: één concrete zorgvraag")
        expect(page.get_by_text(current("verkenning", passed=1))).to_be_visible()
        # gate 2, by the way on next to the decision: passed with its open items, explicitly
        onward = t("phase.gate.go_next", number=verkenning.number, name=verkenning.name)
        page.get_by_role("button", name=onward).click()
        settle(page)
        header = t("scan.phase_header", number=verkenning.number, phase=verkenning.name)
        expect(page.get_by_role("heading", name=header)).to_be_visible()
        decide("Risico’s bewust aanvaard (€ 0 extra)", accept_open_items=True)
        expect(page.get_by_text(current("ontwikkeling", passed=2))).to_be_visible()

        url = page.url
        page.reload()
        settle(page)
        assert page.url == url  # the project (and phase) stay in the URL
        expect(page.get_by_text(current("ontwikkeling", passed=2))).to_be_visible()
        log = page.get_by_role("region", name=t("scan.log"))
        expect(log).to_contain_text("Wenselijk: één concrete zorgvraag")
        expect(log).to_contain_text("Risico’s bewust aanvaard (€ 0 extra)")
        expect(log).to_contain_text("Stuurgroep Één")
        page.get_by_label(t("scan.phase_select")).click()
        page.get_by_role("option", name=f"{idee.number}. {idee.name}").click()
        settle(page)
        for item in idee.checklist:
            expect(page.get_by_role("checkbox", name=item.text)).to_be_checked()
        page.mouse.move(0, 0)
        screenshot(page, "zelfscan-after-reload")
        # the navigator's phase page works on the same project
        phase_page = t("scan.phase_page", number=idee.number, phase=idee.name)
        page.get_by_role("link", name=phase_page).click()
        settle(page)
        banner = t("projects.banner", name="Valdetectie ’s nachts")
        expect(page.get_by_text(banner)).to_be_visible()
        assert "project=" in page.url and "fase=idee" in page.url
        first = toolkaart.phase("idee").checklist[0].text
        expect(page.get_by_role("checkbox", name=first)).to_be_checked()
        screenshot(page, "fase-on-project")
        page.goto(f"{app_url}/projecten")
        settle(page)
        ontwikkeling = toolkaart.phase("ontwikkeling")
        where = t("projects.list.phase", number=ontwikkeling.number, phase=ontwikkeling.name)
        summary = before(
            "projects.list.summary", "updated", where=where, passed=2, total=len(toolkaart.phases)
        )
        expect(page.get_by_text(summary.rstrip())).to_be_visible()
        screenshot(page, "projecten")

    stored = Store(database, acting=LOCAL).list_projects()
    assert [p.name for p in stored] == ["Valdetectie ’s nachts"]
    assert stored[0].status(toolkaart).current_phase_id == "ontwikkeling"
    assert len(stored[0].assessment.decisions[1].open_items) > 0


def test_ticking_with_the_keyboard_keeps_the_focus_on_a_saved_project(
    page: Any, tmp_path: Path, toolkaart: Toolkaart
) -> None:
    from playwright.sync_api import expect

    database = f"sqlite:///{tmp_path / 'keyboard.sqlite3'}"
    store = Store(database, acting=LOCAL)
    project = store.create("Toetsenbord")
    store.close()
    first, second = toolkaart.phase("idee").checklist[:2]
    with start_streamlit(env={"TOOLKAART_DATABASE_URL": database}) as server:
        goto(page, f"{server.url}/fase?fase=idee&project={project.id}")
        page.get_by_role("checkbox", name=first.text).focus()
        page.keyboard.press("Space")  # saves the project (a new version)
        settle(page)
        expect(page.get_by_role("checkbox", name=first.text)).to_be_checked()
        # the focus stayed on the first item (past its help icon), so Tab reaches the second
        tab_to(page, page.get_by_role("checkbox", name=second.text), limit=3)
        page.keyboard.press("Space")
        settle(page)
        expect(page.get_by_role("checkbox", name=second.text)).to_be_checked()
    saved = Store(database, acting=LOCAL)
    assert saved.get(project.id).assessment.checked_in("idee") == {first.id, second.id}
    saved.close()
