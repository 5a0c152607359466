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
from tests.browser.test_accessibility import TEXT_STYLE, contrast, rgb
from toolkaart.access.permissions import LOCAL
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.store.project_store import Store
from toolkaart.web.literal import JOINER

pytestmark = pytest.mark.browser

URL = "https://wiki.zorggroep.example.nl/valdetectie/verslag"
#: What the clipboard would get when a person selects ``element``'s text and copies it.
COPIED = """element => {
    const range = document.createRange();
    range.selectNodeContents(element);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    const copy = new ClipboardEvent("copy", {clipboardData: new DataTransfer(), bubbles: true});
    element.dispatchEvent(copy);
    const html = copy.clipboardData.getData("text/html");
    return (copy.clipboardData.getData("text/plain") || String(getSelection())) + "|" + html;
}"""


def from_the_top(page: Any, name: str) -> None:
    """The whole page from its top (Streamlit scrolls inside its main element)."""
    page.locator("[data-testid=stMain]").evaluate("element => element.scrollTo(0, 0)")
    screenshot(page, name)


def in_view(page: Any, name: str) -> None:
    """What the window shows now (the form being filled in, where a person looks)."""
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

        # evidence, by keyboard: the one control under the item (the next tab stop after it)
        # opens a small form, whose first field is the next tab stop
        page.get_by_role("checkbox", name=item.text).focus()
        page.keyboard.press("Tab")
        assert t("records.evidence.add") in page.evaluate("() => document.activeElement.innerText")
        toggle = page.get_by_text(t("records.evidence.add"), exact=True).first
        colour, opacity = toggle.evaluate(TEXT_STYLE)
        seen = tuple(opacity * part + (1 - opacity) * 255 for part in rgb(colour))
        assert contrast(seen, (255, 255, 255)) >= 4.5, (colour, opacity)  # 1.4.3, small text
        page.keyboard.press("Enter")
        settle(page)
        page.keyboard.press("Tab")
        note = page.get_by_label(t("records.evidence.note"))
        expect(note).to_be_focused()
        page.keyboard.type("Verslag van het teamoverleg")
        page.get_by_label(t("records.evidence.url")).fill("http://wiki.zorggroep.example.nl/")
        page.get_by_label(t("records.author")).first.fill("Zoë de Vries")
        in_view(page, "fase-onderbouwing-formulier-1280")
        page.get_by_role("button", name=t("records.evidence.submit")).click()
        settle(page)
        refusal = t("project.error.not_https", url="http://wiki.zorggroep.example.nl/")
        expect(page.get_by_role("alert").filter(has_text=refusal[:12])).to_be_visible()
        expect(note).to_have_value("Verslag van het teamoverleg")  # kept for another try
        page.get_by_label(t("records.evidence.url")).fill(URL)
        page.get_by_role("button", name=t("records.evidence.submit")).click()
        settle(page)
        expect(page.get_by_text(t("records.evidence.added"))).to_be_visible()
        expect(page.get_by_text("Onderbouwing: Verslag van het teamoverleg")).to_be_visible()
        expect(page.get_by_text(t("records.tally", supported=1, unsupported=0))).to_be_visible()
        # the address is text, not a link the app offers in its own voice
        assert page.get_by_role("link", name=URL).count() == 0
        # copied from the page, it is the address as typed (no invisible joiner in it)
        shown = page.get_by_text("Onderbouwing: Verslag van het teamoverleg")
        copied = shown.evaluate(COPIED)
        text, html = copied.split("|", 1)
        assert f"— {URL} (" in text and JOINER not in text, repr(text)
        assert URL in html and JOINER not in html, repr(html)  # the markup copied too
        page.mouse.move(0, 0)
        from_the_top(page, "fase-onderbouwing-1280")

        # a person for the first actor of the phase
        people = page.get_by_text(t("records.people.edit", actor=actor.name), exact=True)
        people.scroll_into_view_if_needed()
        people.click()
        settle(page)
        page.get_by_label(t("records.people.name"), exact=True).fill("Zoë de Vries")
        page.get_by_label(t("records.people.function")).fill("SEH-arts")
        in_view(page, "fase-mensen-formulier-1280")
        page.get_by_role("button", name=t("records.people.submit")).click()
        settle(page)
        listed = t("records.people.list", names="Zoë de Vries (SEH-arts)")
        expect(page.get_by_text(listed).first).to_be_visible()

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
