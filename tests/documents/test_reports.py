"""The project report in Markdown, DOCX and PDF, each opened back and read."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from pypdf import PdfReader

from toolkaart.content.models import Toolkaart
from toolkaart.documents.project_report import to_docx, to_markdown, to_pdf
from toolkaart.route.gates import Answer
from toolkaart.route.project import Project, make_project

DAY = dt.date(2027, 3, 1)
TODAY = dt.date(2027, 3, 8)


@pytest.fixture(scope="module")
def project(toolkaart: Toolkaart) -> Project:
    """Idee passed, Verkenning passed with open items, Ontwikkeling answered 'nog niet'."""
    created = make_project(
        "Valdetectie ’s nachts", "Zorggroep Één", "Budget € 12.500, geëvalueerd door Zoë", "Renée"
    )
    idee = [i.id for i in toolkaart.phase("idee").checklist]
    walk = created.assessment.with_checked(toolkaart, "idee", idee)
    walk = walk.decide(
        toolkaart,
        "idee",
        Answer.JA,
        rationale="Wenselijk: één duidelijke zorgvraag",
        decided_on=DAY,
    )
    walk = walk.with_checked(
        toolkaart, "verkenning", [toolkaart.phase("verkenning").checklist[0].id]
    )
    walk = walk.decide(
        toolkaart,
        "verkenning",
        Answer.JA,
        rationale="Risico’s bewust aanvaard",
        decided_by="Stuurgroep",
        decided_on=DAY,
        accept_open_items=True,
    )
    walk = walk.decide(
        toolkaart, "ontwikkeling", Answer.NOG_NIET, rationale="Data ontbreekt", decided_on=TODAY
    )
    return created.with_assessment(walk)


def expected_lines(toolkaart: Toolkaart) -> list[str]:
    """What a stakeholder must find in every format."""
    ontwikkeling = toolkaart.phase("ontwikkeling")
    verkenning = toolkaart.phase("verkenning")
    return [
        "Projectrapport: Valdetectie ’s nachts",
        "Zorggroep Één",
        "Budget € 12.500, geëvalueerd door Zoë",
        "Wat nu nodig is: fase Ontwikkeling",
        toolkaart.tool(ontwikkeling.tools[0]).name,
        toolkaart.actor(ontwikkeling.actors[-1]).name,
        "2. Verkenning (gepasseerd)",
        "4. Pilot A (op slot)",
        "Afgevinkt zonder onderbouwing (1):",
        "Nog niets afgevinkt.",
        f"Open ({len(verkenning.checklist) - 1}):",
        verkenning.checklist[0].text[:40],
        "1 maart 2027: Ja, besloten door Stuurgroep. Onderbouwing: Risico’s bewust aanvaard",
        f"({len(verkenning.checklist) - 1} open checklistpunten bij het besluit.)",
        "Fase Ontwikkeling, 8 maart 2027: Nog niet",
        "Besluitenlogboek",
    ]


def normalise(text: str) -> str:
    return " ".join(text.split())


def expected_summary(toolkaart: Toolkaart) -> list[tuple[str, str]]:
    """The table at the top: where the project stands, for a reader who reads no further."""
    open_items = len(toolkaart.phase("ontwikkeling").checklist)
    return [
        ("Huidige fase", "3. Ontwikkeling"),
        ("Gepasseerde poorten", "2 van 7"),
        ("Open checklistpunten", f"{open_items} open punten in fase Ontwikkeling"),
        ("Onderbouwing", "0 afgevinkt met onderbouwing, 0 zonder, in fase Ontwikkeling"),
        ("Laatste besluit", "Nog niet, fase Ontwikkeling, 8 maart 2027"),
        ("Volgende herbeoordeling", "nog niet gepland: volgt op een ja in fase Productie"),
    ]


def test_markdown_report(project: Project, toolkaart: Toolkaart) -> None:
    text = to_markdown(project, toolkaart, TODAY)
    assert text.startswith("# Projectrapport: Valdetectie ’s nachts\n")
    assert "## Wat nu nodig is: fase Ontwikkeling" in text
    assert "### 2. Verkenning (gepasseerd)" in text
    for line in expected_lines(toolkaart):
        assert normalise(line) in normalise(text), line
    summary = [f"- {label}: {value}" for label, value in expected_summary(toolkaart)]
    assert text.split("\n")[2:8] == summary


def test_markdown_escapes_what_a_team_typed(toolkaart: Toolkaart) -> None:
    project = make_project("# Kop *vet* [link](x)")
    text = to_markdown(project, toolkaart, TODAY)
    assert text.startswith("# Projectrapport: \\# Kop \\*vet\\* \\[link\\](x)\n")


def test_docx_report_opens_back_with_headings_and_dutch_text(
    project: Project, toolkaart: Toolkaart
) -> None:
    document = Document(io.BytesIO(to_docx(project, toolkaart, TODAY)))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Title", "Projectrapport: Valdetectie ’s nachts")
    assert ("Heading 1", "Wat nu nodig is: fase Ontwikkeling") in paragraphs
    assert ("Heading 2", "2. Verkenning (gepasseerd)") in paragraphs
    assert document.core_properties.language == "nl-NL"
    text = "\n".join(p for _, p in paragraphs)
    for line in expected_lines(toolkaart):
        assert normalise(line) in normalise(text), line
    summary = document.tables[0]  # the first thing after the title
    assert summary._element.getprevious() is document.paragraphs[0]._p
    assert [tuple(c.text for c in row.cells) for row in summary.rows] == expected_summary(toolkaart)


def test_pdf_report_embeds_its_font_and_its_text_extracts_again(
    project: Project, toolkaart: Toolkaart
) -> None:
    data = to_pdf(project, toolkaart, TODAY)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    assert reader.metadata is not None and reader.metadata.title == (
        "Projectrapport: Valdetectie ’s nachts"
    )
    text = "\n".join(page.extract_text() for page in reader.pages)
    for line in expected_lines(toolkaart):
        assert normalise(line) in normalise(text), line
    top = normalise(reader.pages[0].extract_text()).split(" Kernvraag:")[0]
    summary = " ".join(f"{label} {value}" for label, value in expected_summary(toolkaart))
    assert top == f"Projectrapport: Valdetectie ’s nachts {summary}"
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()  # type: ignore[index]
    }
    assert any("DejaVuSans" in font for font in fonts), fonts


def test_a_completed_project_reports_its_next_review(toolkaart: Toolkaart) -> None:
    walk = make_project("Klaar").assessment
    for phase in toolkaart.phases:
        walk = walk.with_checked(toolkaart, phase.id, [i.id for i in phase.checklist])
        review = dt.date(2028, 3, 1) if phase is toolkaart.phases[-1] else None
        walk = walk.decide(toolkaart, phase.id, Answer.JA, decided_on=DAY, next_review=review)
    project = make_project("Klaar").with_assessment(walk)
    text = to_markdown(project, toolkaart, dt.date(2028, 3, 2))
    assert "- Huidige fase: 7. Productie: alle poorten gepasseerd, in gebruik\n" in text
    assert "- Volgende herbeoordeling: 1 maart 2028\n" in text
    assert "De herbeoordeling is nu aan de orde." in text
    assert "Wat nu nodig is: fase Productie" in text
