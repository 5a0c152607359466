"""Every export succeeds for every text the domain accepts, up to its limits (issue 12, item 5).

Three decisions with rationales of 1,400 characters (the limit is 4,000) made the agenda PDF fail:
fpdf2 cannot draw a table row higher than a page. And DejaVu Sans has no glyphs for some scripts
and emoji, which printed as nothing. The property test makes projects and agendas at and near
every limit, in Dutch and in odd Unicode the text rule accepts, and opens every file it writes.
"""

from __future__ import annotations

import datetime as dt
import io
import logging

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from toolkaart.board.agenda import MAX_DECISIONS, add_item, compose_agenda, edit_item, with_details
from toolkaart.board.agenda_model import MAX_NOTE, MAX_TITLE, Agenda
from toolkaart.board.portfolio import build_portfolio
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Toolkaart
from toolkaart.documents import agenda_document, project_report
from toolkaart.documents.print_layout import REPLACEMENT
from toolkaart.route.gates import MAX_DECIDED_BY, MAX_RATIONALE, Answer
from toolkaart.route.project import FIELD_LIMITS, Project, make_project

DAY = dt.date(2027, 3, 1)

#: Pieces of text the rule accepts: Dutch, emoji (one with a zero-width joiner), right-to-left,
#: combining marks, scripts DejaVu lacks, one unbroken long word, Markdown and line breaks.
PIECES = ["Cliënt’s café-budget € 1.250 ", "Zoë ", "😀", "🧑‍⚕️ ", "שלום עולם ", "مرحبا ",
          "e\u0301\u0308 ", "中文 ", "क्षि ", "W" * 60, "a | b ", "# kop\n", "\t", "\n", "\n\n",
          "- punt\n", "<img src=x onerror=alert(1)> ", "“aanhalingstekens” — ", " "]  # fmt: skip


def near(limit: int) -> st.SearchStrategy[str]:
    """Text of ``limit`` characters or a little less, made of the pieces (and odd characters)."""
    odd = st.text(st.characters(exclude_categories=("Cs", "Cc", "Co", "Cn")), max_size=8)
    parts = st.lists(st.sampled_from(PIECES) | odd, min_size=1, max_size=8)
    return st.builds(
        lambda p, n: ("".join(p) * (n // max(1, len("".join(p))) + 1))[:n],
        parts,
        st.integers(max(1, limit - 40), limit),
    )


@st.composite
def projects(draw: st.DrawFn, toolkaart: Toolkaart) -> Project:
    """A project through the domain's own rules, every field at or near its limit, with three
    decisions (as many as the agenda shows) of near-limit rationales and everything still open."""
    fields = {name: draw(near(limit)) for name, limit in FIELD_LIMITS.items()}
    fields["name"] = fields["name"].strip() or "Naam"
    project = make_project(**fields)
    walk = project.assessment
    steps = [("idee", Answer.NOG_NIET), ("idee", Answer.JA), ("verkenning", Answer.JA)]
    for number, (phase, answer) in enumerate(steps[:MAX_DECISIONS], start=1):
        walk = walk.decide(
            toolkaart,
            phase,
            answer,
            rationale=draw(near(MAX_RATIONALE)),
            decided_by=draw(near(MAX_DECIDED_BY)),
            decided_on=dt.date(2027, 1, number),
            accept_open_items=True,
        )
    return project.with_assessment(walk)


def _agenda(
    toolkaart: Toolkaart, graph: ToolkaartGraph, chosen: list[Project], texts: list[str]
) -> Agenda:
    title, note, free_title, free_note = texts
    agenda = compose_agenda(
        toolkaart,
        graph,
        meeting_date=dt.date(2027, 3, 11),
        projects=chosen,
        portfolio=build_portfolio(toolkaart, chosen, today=DAY),
        today=DAY,
    )
    agenda = with_details(agenda, title=title.strip() or "Agenda")
    for item in agenda.items:
        agenda = edit_item(agenda, item.id, note=note)
    return add_item(agenda, free_title.strip() or "Rondvraag", free_note)


def _opens(markdown: str, docx_data: bytes, pdf_data: bytes) -> None:
    assert markdown.strip()
    assert docx.Document(io.BytesIO(docx_data)).paragraphs
    reader = PdfReader(io.BytesIO(pdf_data))
    assert reader.pages and reader.pages[-1].extract_text() is not None


@pytest.mark.slow
def test_every_export_succeeds_up_to_the_limits(
    toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    @settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        chosen=st.lists(projects(toolkaart), min_size=1, max_size=2),
        texts=st.tuples(near(MAX_TITLE), near(MAX_NOTE), near(MAX_TITLE), near(MAX_NOTE)),
    )
    def check(chosen: list[Project], texts: tuple[str, str, str, str]) -> None:
        for project in chosen:
            _opens(
                project_report.to_markdown(project, toolkaart, DAY),
                project_report.to_docx(project, toolkaart, DAY),
                project_report.to_pdf(project, toolkaart, DAY),
            )
        agenda = _agenda(toolkaart, graph, chosen, list(texts))
        _opens(
            agenda_document.to_markdown(agenda),
            agenda_document.to_docx(agenda),
            agenda_document.to_pdf(agenda),
        )

    check()


def test_three_long_rationales_fit_the_agenda_pdf(
    toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    """The case of the issue: the row of rationales was higher than a page."""
    walk = make_project("Lang").assessment
    rationale = ("Onderbouwing van het besluit. " * 50)[:1_400] + "Einde."
    for number, (phase, answer) in enumerate(
        [("idee", Answer.NOG_NIET), ("idee", Answer.JA), ("verkenning", Answer.JA)], start=1
    ):
        walk = walk.decide(toolkaart, phase, answer, rationale=rationale,
                           decided_on=dt.date(2027, 1, number), accept_open_items=True)  # fmt: skip
    project = make_project("Lang").with_assessment(walk)
    agenda = _agenda(toolkaart, graph, [project], ["Agenda", "", "Rondvraag", ""])
    reader = PdfReader(io.BytesIO(agenda_document.to_pdf(agenda)))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert text.count("Einde.") == 3
    assert "Onderbouwing tot nu toe" in text


def test_characters_the_font_lacks_print_as_a_replacement(
    toolkaart: Toolkaart, caplog: pytest.LogCaptureFixture
) -> None:
    """Not as nothing, silently: the reader sees that a character is there."""
    project = make_project("Zorg 中文 क्षि 🧑\u200d⚕️ Zoë")
    with caplog.at_level(logging.WARNING):
        data = project_report.to_pdf(project, toolkaart, DAY)
    assert not [r for r in caplog.records if "missing" in r.getMessage()]
    title = PdfReader(io.BytesIO(data)).pages[0].extract_text().splitlines()[0]
    assert "Zoë" in title and title.count(REPLACEMENT) == 6  # 中文 क्षि 🧑: 2 + 3 + 1
