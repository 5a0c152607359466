"""The board's documents as handed round: A4, a footer with title, content version and "pagina 3
van 4", left-aligned text and metadata; the project report and the agenda, each DOCX and PDF opened
back."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from toolkaart.board.agenda import compose_agenda
from toolkaart.board.portfolio import build_portfolio
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Toolkaart
from toolkaart.documents import agenda_document, project_report
from toolkaart.route.gates import Answer
from toolkaart.route.project import Project, make_project

URL = "https://www.example.org/kaders/2027/beoordelingskader-ai-toepassingen-in-de-zorg-definitief"
VERSION = "versie 1.1.0 (6 december 2026)"  # the shipped content's Meta.label


@dataclass(frozen=True)
class Made:
    title: str
    docx: bytes
    pdf: bytes


@pytest.fixture(scope="module")
def project(toolkaart: Toolkaart) -> Project:
    """Two decisions with a long rationale and web address, so the report runs over pages."""
    first, second = toolkaart.phases[0], toolkaart.phases[1]
    walk = make_project("Valdetectie ’s nachts", "Zorggroep Één").assessment.decide(
        toolkaart,
        first.id,
        Answer.JA,
        rationale=f"Gedragen door drie locaties; het kader op {URL} is gevolgd. " * 3,
        decided_on=dt.date(2027, 1, 12),
        accept_open_items=True,
    )
    walk = walk.decide(
        toolkaart,
        second.id,
        Answer.NOG_NIET,
        rationale="DPIA ontbreekt",
        decided_on=dt.date(2027, 2, 2),
    )
    return make_project("Valdetectie ’s nachts", "Zorggroep Één").with_assessment(walk)


@pytest.fixture(scope="module", params=["report", "agenda"])
def made(
    request: pytest.FixtureRequest, project: Project, toolkaart: Toolkaart, graph: ToolkaartGraph
) -> Made:
    today = dt.date(2027, 3, 1)
    if request.param == "report":
        return Made(
            "Projectrapport: Valdetectie ’s nachts",
            project_report.to_docx(project, toolkaart, today),
            project_report.to_pdf(project, toolkaart, today),
        )
    agenda = compose_agenda(
        toolkaart,
        graph,
        meeting_date=dt.date(2027, 3, 11),
        projects=[project],
        portfolio=build_portfolio(toolkaart, [project], today=today),
        today=today,
    )
    return Made(agenda.title, agenda_document.to_docx(agenda), agenda_document.to_pdf(agenda))


def alignment(paragraph: Paragraph) -> WD_ALIGN_PARAGRAPH | None:
    """The alignment Word shows: the paragraph's own, else its style's, else the base style's."""
    if paragraph.alignment is not None:
        return paragraph.alignment
    style = paragraph.style
    while style is not None:
        own: WD_ALIGN_PARAGRAPH | None = style.paragraph_format.alignment
        if own is not None:
            return own
        style = style.base_style
    return None


def test_docx_is_a4_with_page_numbers_in_its_footer_left_aligned_and_described(made: Made) -> None:
    document = docx.Document(io.BytesIO(made.docx))
    (section,) = document.sections
    assert section.page_width is not None and section.page_height is not None
    assert section.page_width.mm == pytest.approx(210, abs=1)
    assert section.page_height.mm == pytest.approx(297, abs=1)
    footer = section.footer._element
    assert [f.get(qn("w:instr")).strip() for f in footer.iter(qn("w:fldSimple"))] == [
        "PAGE",
        "NUMPAGES",
    ]
    lines = [p.text for p in section.footer.paragraphs]
    assert lines[0] == f"{made.title} · Toolkaart {VERSION}"
    assert [t.text for t in footer.iter(qn("w:t"))][-4:] == ["pagina ", "1", " van ", "1"]
    properties = document.core_properties
    assert (properties.title, properties.author, properties.language) == (
        made.title,
        "Zorggroep Één",
        "nl-NL",
    )
    assert "python-docx" not in (properties.comments + properties.last_modified_by)
    cells = [p for t in document.tables for c in t._cells for p in c.paragraphs]
    assert {alignment(p) for p in [*document.paragraphs, *cells]} == {WD_ALIGN_PARAGRAPH.LEFT}


def test_pdf_is_a4_numbers_every_page_is_left_aligned_and_described(made: Made) -> None:
    reader = PdfReader(io.BytesIO(made.pdf))
    pages = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert (round(page.mediabox.width), round(page.mediabox.height)) == (595, 842)
        text = " ".join(page.extract_text().split())
        assert f"{made.title} · Toolkaart {VERSION}" in text
        assert f"pagina {number} van {pages}" in text
        # fpdf2 justifies with TJ word spacing; left-aligned text is drawn with plain Tj.
        assert b" TJ" not in page.get_contents().get_data()  # type: ignore[union-attr]
    assert reader.metadata is not None
    assert (reader.metadata.title, reader.metadata.author) == (made.title, "Zorggroep Één")
    assert str(reader.root_object["/Lang"]) == "nl"


def test_a_report_without_organisation_is_the_navigators(toolkaart: Toolkaart) -> None:
    project = make_project("Zonder organisatie")
    document = docx.Document(io.BytesIO(project_report.to_docx(project, toolkaart)))
    assert document.core_properties.author == "Toolkaart navigator"
    reader = PdfReader(io.BytesIO(project_report.to_pdf(project, toolkaart)))
    assert reader.metadata is not None and reader.metadata.author == "Toolkaart navigator"


def test_a_long_title_is_shortened_in_the_pdf_footer_not_the_version(
    toolkaart: Toolkaart,
) -> None:
    project = make_project("Valdetectie " * 15)
    reader = PdfReader(io.BytesIO(project_report.to_pdf(project, toolkaart)))
    footer = reader.pages[0].extract_text().splitlines()[-1]
    assert footer.startswith("Projectrapport: Valdetectie Valdetectie")
    assert f"… · Toolkaart {VERSION}" in footer
    assert footer.endswith(f"pagina 1 van {len(reader.pages)}")
