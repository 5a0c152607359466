"""Documents never fail on characters a document cannot hold (issue 12, item 4).

The text rule refuses them on input now, but a project or agenda draft stored before it may still
carry a vertical tab (Word's manual line break), U+FFFE, a NUL or a lone surrogate; DOCX (XML)
refused those and the export failed. Every export must print such text, without them.
"""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from pypdf import PdfReader

from tests.documents.records_kit import records
from toolkaart.board.agenda import compose_agenda
from toolkaart.board.portfolio import build_portfolio
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Toolkaart
from toolkaart.documents import agenda_document, project_report
from toolkaart.route.gates import Answer, Assessment, GateDecision
from toolkaart.route.project import Project

UNPRINTABLE = ["\x0b", "\x0c", "\ufffe", "\uffff", "\U0010ffff", "\x00", "\x1f", "\x7f", "\x85",
               "\x9f", "\ud800", "\udfff", "\r"]  # fmt: skip
#: An agenda (pydantic) refuses lone surrogates as it is read, so no stored draft holds one.
IN_AGENDAS = [char for char in UNPRINTABLE if not "\ud800" <= char <= "\udfff"]


def _project(char: str, toolkaart: Toolkaart) -> Project:
    text = f"voor{char}na"
    decision = GateDecision(
        "idee", Answer.JA, rationale=text, decided_by=text, decided_on=dt.date(2027, 1, 5)
    )
    return Project(
        id="p",
        name=text,
        organisation=text,
        description=text,
        contact=text,
        assessment=Assessment(decisions=(decision,)),
        **records(text, toolkaart),
    )


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("char", UNPRINTABLE, ids=ascii)
def test_the_report_prints_text_stored_before_the_rule(char: str, toolkaart: Toolkaart) -> None:
    project = _project(char, toolkaart)
    today = dt.date(2027, 3, 8)
    for text in (
        project_report.to_markdown(project, toolkaart, today),
        _docx_text(project_report.to_docx(project, toolkaart, today)),
        _pdf_text(project_report.to_pdf(project, toolkaart, today)),
    ):
        assert "voor" in text and "na" in text
        assert char not in text.replace("\n", "") or char == "\r"


@pytest.mark.parametrize("char", IN_AGENDAS, ids=ascii)
def test_the_agenda_prints_text_stored_before_the_rule(
    char: str, toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    project, day = _project(char, toolkaart), dt.date(2027, 3, 1)
    agenda = compose_agenda(
        toolkaart,
        graph,
        meeting_date=dt.date(2027, 3, 11),
        projects=[project],
        portfolio=build_portfolio(toolkaart, [project], today=day),
        today=day,
    )
    text = f"voor{char}na"
    items = tuple(item.model_copy(update={"title": text, "note": text}) for item in agenda.items)
    agenda = agenda.model_copy(update={"title": text, "items": items})
    for out in (
        agenda_document.to_markdown(agenda),
        _docx_text(agenda_document.to_docx(agenda)),
        _pdf_text(agenda_document.to_pdf(agenda)),
    ):
        assert "voor" in out and "na" in out
