"""In a real browser: a zorgbestuurder looks at the portfolio, builds an agenda for two projects
and downloads it as DOCX, which opens in python-docx with the right headings and tables.

The app runs under ``streamlit run`` with its own SQLite database (tests/browser/conftest.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docx
import pytest

from tests.appkit import before
from tests.browser.conftest import goto, screenshot, settle, start_streamlit
from toolkaart.access.permissions import LOCAL
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.route.gates import Answer
from toolkaart.store.project_store import Store

pytestmark = pytest.mark.browser


def seed(url: str, toolkaart: Toolkaart) -> None:
    store = Store(url, acting=LOCAL)
    sepsis = store.create("Sepsis-voorspeller", "Ziekenhuis Oost")
    store.save(
        sepsis.with_assessment(
            sepsis.assessment.decide(
                toolkaart,
                toolkaart.phases[0].id,
                Answer.JA,
                rationale="Patiënten én artsen vragen erom",
                decided_by="Raad van Bestuur",
                decided_on=dt.date(2026, 10, 1),
                accept_open_items=True,
            )
        )
    )
    store.create("Röntgen-triage", "UMC Zuid")
    store.close()


def test_build_an_agenda_for_two_projects_and_download_the_docx(
    page: Any, tmp_path: Path, toolkaart: Toolkaart
) -> None:
    from playwright.sync_api import expect

    database = f"sqlite:///{tmp_path / 'board.sqlite3'}"
    seed(database, toolkaart)
    with start_streamlit(env={"TOOLKAART_DATABASE_URL": database}) as server:
        goto(page, f"{server.url}/portfolio")
        expect(page.get_by_role("heading", name=t("portfolio.title"))).to_be_visible()
        counts = before("portfolio.count.sentence", "parts", total=2).rstrip()
        expect(page.get_by_text(counts)).to_be_visible()
        screenshot(page, "portfolio")

        page.get_by_role("link", name=t("nav.agenda"), exact=True).click()
        settle(page)
        expect(page).to_have_url(f"{server.url}/agenda")
        chooser = page.get_by_role("combobox", name=t("agenda.choose"))
        for name, organisation in (
            ("Röntgen-triage", "UMC Zuid"),
            ("Sepsis-voorspeller", "Ziekenhuis Oost"),
        ):
            chooser.click()
            option = t("agenda.project_label", name=name, organisation=organisation)
            page.get_by_role("option", name=option).click()
            settle(page)
        page.keyboard.press("Escape")
        page.get_by_role("button", name=t("agenda.compose")).click()
        settle(page)
        expect(page.get_by_role("heading", name="2. Röntgen-triage")).to_be_visible()
        expect(page.get_by_role("heading", name="3. Sepsis-voorspeller")).to_be_visible()
        screenshot(page, "agenda")

        with page.expect_download() as caught:
            page.get_by_role("button", name=t("agenda.export.docx")).click()
        download = caught.value
        assert download.suggested_filename.startswith("agenda-")
        assert download.suggested_filename.endswith(".docx")
        path = tmp_path / download.suggested_filename
        download.save_as(path)

        # saved, then deleted by keyboard: the focus goes to the answer, not back to the page's top
        page.get_by_role("button", name=t("agenda.save"), exact=True).click()
        settle(page)
        delete = page.get_by_role("button", name=t("agenda.delete"), exact=True)
        delete.focus()
        page.keyboard.press("Enter")
        settle(page)
        # asked first, the focus on the safe answer; the draft is kept until the yes before it
        keep = page.get_by_role("button", name=t("agenda.delete.no"), exact=True)
        expect(keep).to_be_focused()
        screenshot(page, "agenda-delete-asked")
        page.keyboard.press("Shift+Tab")
        yes = page.get_by_role("button", name=t("agenda.delete.yes"), exact=True)
        expect(yes).to_be_focused()
        page.keyboard.press("Enter")
        settle(page)
        expect(yes).to_have_count(0)
        expect(delete).to_have_count(0)  # the last draft is gone, and its controls with it
        focused = page.evaluate("document.activeElement.textContent")
        assert focused.strip() == t("agenda.deleted")
        screenshot(page, "agenda-deleted")

    document = docx.Document(str(path))
    headings = [
        p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 2"
    ]
    overview = t("agenda.overview.title")
    assert headings == [f"1. {overview}", "2. Röntgen-triage", "3. Sepsis-voorspeller"]
    *_overview, rontgen, sepsis = document.tables  # the overview: counts, and the flow's tables
    decide, rationale = t("agenda.doc.row.decide"), t("agenda.doc.row.rationale")
    asked = {r.cells[0].text: r.cells[1].text for r in sepsis.rows[1:]}
    assert asked[decide] == toolkaart.phases[1].key_question
    assert "Patiënten én artsen vragen erom" in asked[rationale]
    first = {r.cells[0].text: r.cells[1].text for r in rontgen.rows[1:]}
    assert first[decide] == toolkaart.phases[0].key_question


def test_an_unsaved_agenda_is_not_lost_to_a_reload_without_the_browser_asking(
    page: Any, tmp_path: Path, toolkaart: Toolkaart
) -> None:
    """A reload (or closing the tab) ends the browser session, and with it an agenda not yet
    saved: the browser asks first while the agenda is unsaved, on whatever page of the navigator
    the person is, and no longer once it is saved."""
    from playwright.sync_api import TimeoutError as StillHere
    from playwright.sync_api import expect

    database = f"sqlite:///{tmp_path / 'board.sqlite3'}"
    seed(database, toolkaart)
    asked: list[str] = []

    def answer(dialog: Any) -> None:
        asked.append(dialog.type)
        dialog.dismiss()  # "stay on this page"

    page.on("dialog", answer)
    with start_streamlit(env={"TOOLKAART_DATABASE_URL": database}) as server:
        goto(page, f"{server.url}/agenda")
        chooser = page.get_by_role("combobox", name=t("agenda.choose"))
        chooser.click()
        option = t("agenda.project_label", name="Röntgen-triage", organisation="UMC Zuid")
        page.get_by_role("option", name=option).click()
        settle(page)
        page.keyboard.press("Escape")
        page.get_by_role("button", name=t("agenda.compose")).click()
        settle(page)
        expect(page.get_by_text(t("agenda.unsaved"))).to_be_visible()

        with pytest.raises(StillHere):  # the person stays: the reload never happens
            page.reload(timeout=3000)
        assert asked == ["beforeunload"]
        expect(page.get_by_role("heading", name="2. Röntgen-triage")).to_be_visible()

        page.get_by_role("link", name=t("nav.portfolio"), exact=True).click()  # same session
        settle(page)
        with pytest.raises(StillHere):
            page.reload(timeout=3000)
        assert asked == ["beforeunload", "beforeunload"]

        page.get_by_role("link", name=t("nav.agenda"), exact=True).click()
        settle(page)
        page.get_by_role("button", name=t("agenda.save"), exact=True).click()
        settle(page)
        page.reload()
        settle(page)
        assert asked == ["beforeunload", "beforeunload"]  # saved: nothing to ask
