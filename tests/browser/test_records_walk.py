"""In a real browser (issue 16): on the phase page of a project, a team adds evidence to a checklist
item, names a person for an actor and writes a note; the Zelfscan shows them, and the report
downloaded as DOCX holds the evidence, the person and the note.

Screenshots at 1280 and 390 pixels wide: ``fase-onderbouwing-*``, ``fase-mensen-*``,
``zelfscan-onderbouwing-*``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest

from tests.browser.conftest import SCREENSHOTS, goto, screenshot, settle, start_streamlit
from toolkaart.access.permissions import LOCAL
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.store.project_store import Store

pytestmark = pytest.mark.browser

URL = "https://wiki.zorggroep.example.nl/valdetectie/verslag"


def from_the_top(page: Any, name: str) -> None:
    """The whole page from its top (Streamlit scrolls inside its main element)."""
    page.locator("[data-testid=stMain]").evaluate("element => element.scrollTo(0, 0)")
    screenshot(page, name)


def in_view(page: Any, name: str) -> None:
    """What the window shows now (an open popover stays where it is, unlike in a full-page shot,
    which stretches the window)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def test_evidence_a_person_and_a_note_reach_the_docx_report(
    page: Any, tmp_path: Path, toolkaart: Toolkaart
) -> None:
    from playwright.sync_api import expect

    database = f"sqlite:///{tmp_path / 'records.sqlite3'}"
    store = Store(database, acting=LOCAL)
    project = store.create("Valdetectie ’s nachts", "Zorggroep Één")
    store.close()
    idee = toolkaart.phase("idee")
    item = idee.checklist[0]
    actor = toolkaart.actor(idee.actors[0])

    with start_streamlit(env={"TOOLKAART_DATABASE_URL": database}) as server:
        goto(page, f"{server.url}/fase?fase=idee&project={project.id}")
        page.locator("label").filter(has_text=item.text).first.click()  # tick the item
        settle(page)
        expect(page.get_by_text(t("records.tally", supported=0, unsupported=1))).to_be_visible()

        # evidence: the one control under the item opens a small form
        page.get_by_role("button", name=t("records.evidence.add")).first.click()
        settle(page)
        dialog = page.get_by_role("dialog")
        dialog.get_by_label(t("records.evidence.note")).fill("Verslag van het teamoverleg")
        dialog.get_by_label(t("records.evidence.url")).fill("http://wiki.zorggroep.example.nl/")
        dialog.get_by_label(t("records.author")).fill("Zoë de Vries")
        in_view(page, "fase-onderbouwing-formulier-1280")
        dialog.get_by_role("button", name=t("records.evidence.submit")).click()
        settle(page)
        refusal = t("project.error.not_https", url="http://wiki.zorggroep.example.nl/")
        expect(page.get_by_role("alert").filter(has_text=refusal[:12])).to_be_visible()
        dialog = page.get_by_role("dialog")
        expect(dialog.get_by_label(t("records.evidence.note"))).to_have_value(
            "Verslag van het teamoverleg"
        )  # kept for another try
        dialog.get_by_label(t("records.evidence.url")).fill(URL)
        dialog.get_by_role("button", name=t("records.evidence.submit")).click()
        settle(page)
        expect(page.get_by_text(t("records.evidence.added"))).to_be_visible()
        expect(page.get_by_text("Onderbouwing: Verslag van het teamoverleg")).to_be_visible()
        expect(page.get_by_text(t("records.tally", supported=1, unsupported=0))).to_be_visible()
        # the address is text, not a link the app offers in its own voice
        assert page.get_by_role("link", name=URL).count() == 0
        page.mouse.move(0, 0)
        from_the_top(page, "fase-onderbouwing-1280")

        # a person for the first actor of the phase
        people = page.get_by_role("button", name=t("records.people.edit", actor=actor.name))
        people.scroll_into_view_if_needed()
        people.click()
        settle(page)
        dialog = page.get_by_role("dialog")
        dialog.get_by_label(t("records.people.name")).fill("Zoë de Vries")
        dialog.get_by_label(t("records.people.function")).fill("SEH-arts")
        in_view(page, "fase-mensen-formulier-1280")
        dialog.get_by_role("button", name=t("records.people.submit")).click()
        settle(page)
        listed = t("records.people.list", names="Zoë de Vries (SEH-arts)")
        expect(page.get_by_text(listed).first).to_be_visible()
        page.keyboard.press("Escape")
        settle(page)

        # a note in the phase's thread
        page.get_by_label(t("records.notes.text")).fill("Gesprek met de IC gepland")
        page.get_by_role("button", name=t("records.notes.submit")).click()
        settle(page)
        expect(page.get_by_text("Zoë de Vries: Gesprek met de IC gepland")).to_be_visible()
        page.mouse.move(0, 0)
        from_the_top(page, "fase-mensen-1280")
        page.set_viewport_size({"width": 390, "height": 844})
        settle(page)
        from_the_top(page, "fase-onderbouwing-390")
        page.set_viewport_size({"width": 1280, "height": 900})

        # the Zelfscan shows the same, and its DOCX report holds it all
        goto(page, f"{server.url}/zelfscan?project={project.id}&fase=idee")
        expect(page.get_by_text("Onderbouwing: Verslag van het teamoverleg")).to_be_visible()
        expect(page.get_by_text(listed).first).to_be_visible()
        from_the_top(page, "zelfscan-onderbouwing-1280")
        with page.expect_download() as caught:
            page.get_by_role("button", name=t("scan.export.docx")).click()
        path = tmp_path / caught.value.suggested_filename
        caught.value.save_as(path)
        page.set_viewport_size({"width": 390, "height": 844})
        settle(page)
        from_the_top(page, "zelfscan-onderbouwing-390")

    document = docx.Document(str(path))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    text = "\n".join(p for _, p in paragraphs)
    evidence = [p for style, p in paragraphs if style == "List Bullet 2"]
    assert len(evidence) == 1
    assert evidence[0].startswith(
        f"Onderbouwing: Verslag van het teamoverleg — {URL} (Zoë de Vries,"
    )
    assert f"{actor.name}: Zoë de Vries (SEH-arts)" in text
    assert "Zoë de Vries: Gesprek met de IC gepland" in text
    assert t("report.ticked_with", count=1) in text
    stored = Store(database, acting=LOCAL).get(project.id)
    assert stored.content_version == toolkaart.meta.version
