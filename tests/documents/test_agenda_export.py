"""Agenda exports opened back: Markdown text, DOCX via python-docx, PDF via pypdf text extraction."""

from __future__ import annotations

import datetime as dt
import io
import re

import docx
import pytest
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from tests.conftest import in_use
from toolkaart.board.agenda import add_item, compose_agenda, edit_item, move_item
from toolkaart.board.agenda_model import Agenda
from toolkaart.board.portfolio import build_portfolio
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Toolkaart
from toolkaart.documents.agenda_document import to_docx, to_markdown, to_pdf
from toolkaart.i18n.catalog import counted, t
from toolkaart.route.gates import Answer, Assessment
from toolkaart.route.project import Project

DUTCH = "Cliënt’s café-budget € 1.250"


def style(paragraph: Paragraph) -> str:
    return paragraph.style.name if paragraph.style is not None else ""


def bookmarks(reader: PdfReader) -> tuple[list[str], list[str]]:
    """Top-level bookmark titles and those nested under the first (the agenda items)."""
    top = [b.title or "" for b in reader.outline if not isinstance(b, list)]
    nested = next(b for b in reader.outline if isinstance(b, list))
    return top, [b.title or "" for b in nested if not isinstance(b, list)]


@pytest.fixture(scope="module")
def agenda(toolkaart: Toolkaart, graph: ToolkaartGraph) -> Agenda:
    first, second = toolkaart.phases[0], toolkaart.phases[1]
    walked = Assessment().decide(
        toolkaart,
        first.id,
        Answer.JA,
        rationale="Wenselijk: patiënten én zorgverleners vragen erom",
        decided_by="Raad van Bestuur",
        decided_on=dt.date(2027, 1, 12),
        accept_open_items=True,
    )
    ticked = walked.with_checked(toolkaart, second.id, {second.checklist[0].id})
    created = dt.datetime(2026, 12, 2, 9, tzinfo=dt.UTC)
    projects = [
        Project(id="sepsis", name="Sepsis-voorspeller", organisation="Ziekenhuis Oost",
                assessment=ticked, created_at=created),
        Project(id="rontgen", name="Röntgen-triage", organisation="Ziekenhuis Oost",
                created_at=created),
    ]  # fmt: skip
    portfolio = build_portfolio(toolkaart, projects, today=dt.date(2027, 3, 1))
    composed = compose_agenda(
        toolkaart,
        graph,
        meeting_date=dt.date(2027, 3, 11),
        projects=projects,
        portfolio=portfolio,
        today=dt.date(2027, 3, 1),
    )
    edited = edit_item(composed, "project:sepsis", note=DUTCH)
    return add_item(edited, "Rondvraag", "Geen punten van Zoë")


def test_markdown_has_every_item_in_order(agenda: Agenda, toolkaart: Toolkaart) -> None:
    text = to_markdown(agenda)
    headings = re.findall(r"^(#+) (.+)$", text, flags=re.MULTILINE)
    assert headings == [
        ("#", "Agenda bestuursvergadering 11 maart 2027"),
        ("##", "1. Portefeuille per fase"),
        ("###", t("agenda.doc.flow")),
        ("###", t("agenda.doc.flow.outcomes")),
        ("###", t("agenda.doc.flow.stuck")),
        ("##", "2. Sepsis-voorspeller"),
        ("##", "3. Röntgen-triage"),
        ("##", "4. Rondvraag"),
    ]
    sepsis = text.split("## 2.")[1].split("## 3.")[0]
    phase = toolkaart.phases[1]
    assert f"**Te besluiten (kernvraag)**: {phase.key_question}" in sepsis
    assert "12 januari 2027 · Idee · Ja — Wenselijk: patiënten én zorgverleners" in sepsis
    assert phase.checklist[0].text not in sepsis  # ticked: no longer a risk
    assert f"- {phase.checklist[1].text}" in sepsis
    tool = toolkaart.tool(phase.tools[0])
    assert f"- [{tool.name}]({tool.url})" in sepsis
    assert f"Notitie: {DUTCH}" in sepsis
    assert "| Verkenning | 1 | Sepsis-voorspeller |" in text
    assert text.rstrip().endswith("Geen punten van Zoë")


def test_docx_is_editable_with_real_headings_and_a_table_per_project(
    agenda: Agenda, toolkaart: Toolkaart
) -> None:
    document = docx.Document(io.BytesIO(to_docx(agenda)))
    headings = [(style(p), p.text) for p in document.paragraphs if style(p).startswith("Heading")]
    assert headings == [
        ("Heading 1", "Agenda bestuursvergadering 11 maart 2027"),
        ("Heading 2", "1. Portefeuille per fase"),
        ("Heading 3", t("agenda.doc.flow")),
        ("Heading 3", t("agenda.doc.flow.outcomes")),
        ("Heading 3", t("agenda.doc.flow.stuck")),
        ("Heading 2", "2. Sepsis-voorspeller"),
        ("Heading 2", "3. Röntgen-triage"),
        ("Heading 2", "4. Rondvraag"),
    ]  # fmt: skip
    assert document.core_properties.title == agenda.title
    overview, days, outcomes, sepsis, rontgen = document.tables  # nobody stands still
    assert [c.text for c in overview.rows[0].cells] == ["Fase", "Aantal", "Projecten"]
    assert [r.cells[0].text for r in overview.rows[1:]] == [p.name for p in toolkaart.phases]
    # Idee: finished by one project, after 41 days; one project stands in it
    assert [c.text for c in days.rows[1].cells] == [
        toolkaart.phases[0].name, "1", "41", "41 tot 41", "41 tot 41", "1", "0"
    ]  # fmt: skip
    assert [c.text for c in outcomes.rows[0].cells] == ["Fase", "Ja", "Nog niet", "Nee"]
    assert [c.text for c in outcomes.rows[1].cells] == [toolkaart.phases[0].name, "1", "0", "0"]
    rows = {r.cells[0].text: r.cells[1] for r in sepsis.rows[1:]}
    assert list(rows) == [
        "Fase",
        "Te besluiten (kernvraag)",
        "Onderbouwing tot nu toe",
        "Risico’s (open checklistpunten)",
        "Uitnodigen",
        "Rol van de zorgbestuurder",
        "Vooraf lezen",
    ]
    phase = toolkaart.phases[1]
    assert rows["Te besluiten (kernvraag)"].text == phase.key_question
    risks = [(style(p), p.text) for p in rows["Risico’s (open checklistpunten)"].paragraphs]
    assert risks == [("List Bullet", i.text) for i in phase.checklist[1:]]
    board = toolkaart.actor("zorgbestuurder")
    assert board.description in rows["Rol van de zorgbestuurder"].text
    reading = rows["Vooraf lezen"].text
    assert all(toolkaart.tool(t).name in reading for t in phase.tools)
    links = {r.target_ref for r in document.part.rels.values() if r.is_external}
    assert {toolkaart.tool(t).url for t in phase.tools} - {None} <= links
    rontgen_rows = {r.cells[0].text: r.cells[1].text for r in rontgen.rows[1:]}
    assert rontgen_rows["Te besluiten (kernvraag)"] == toolkaart.phases[0].key_question
    body = "\n".join(p.text for p in document.paragraphs)
    assert f"Notitie: {DUTCH}" in body
    assert "Geen punten van Zoë" in body


def test_pdf_text_carries_the_agenda_and_dutch_characters(
    agenda: Agenda, toolkaart: Toolkaart
) -> None:
    reader = PdfReader(io.BytesIO(to_pdf(agenda)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    for expected in (
        "Agenda bestuursvergadering 11 maart 2027",
        "Röntgen-triage",
        toolkaart.phases[0].key_question,
        toolkaart.phases[1].key_question,
        "patiënten én zorgverleners",
        DUTCH,
        "Risico’s (open checklistpunten)",
        "Geen punten van Zoë",
    ):
        assert expected in flat, expected
    assert reader.metadata is not None and reader.metadata.title == agenda.title
    top, items = bookmarks(reader)
    assert top == [agenda.title]
    assert items == [
        "1. Portefeuille per fase",
        "2. Sepsis-voorspeller",
        "3. Röntgen-triage",
        "4. Rondvraag",
    ]


def test_pdf_lists_each_risk_as_its_own_bullet(agenda: Agenda, toolkaart: Toolkaart) -> None:
    """One bullet per open checklist item, not one run-on cell the board cannot count."""
    reader = PdfReader(io.BytesIO(to_pdf(agenda)))
    lines = [line for page in reader.pages for line in page.extract_text().splitlines()]
    bullets = [line for line in lines if line.startswith("• ")]
    for risk in toolkaart.phases[1].checklist[1:]:
        assert any(line.startswith(f"• {risk.text[:30]}") for line in bullets), risk.text


def test_every_format_follows_the_users_order(agenda: Agenda) -> None:
    moved = move_item(move_item(agenda, "free-1", -3), "project:rontgen", -2)
    expected = ["1. Rondvraag", "2. Röntgen-triage", "3. Portefeuille per fase"]
    markdown = re.findall(r"^## (.+)$", to_markdown(moved), flags=re.MULTILINE)
    assert markdown[:3] == expected
    document = docx.Document(io.BytesIO(to_docx(moved)))
    assert [p.text for p in document.paragraphs if style(p) == "Heading 2"][:3] == expected
    reader = PdfReader(io.BytesIO(to_pdf(moved)))
    assert bookmarks(reader)[1][:3] == expected


def test_markdown_shows_names_and_notes_as_written(agenda: Agenda) -> None:
    odd = edit_item(
        agenda, "free-1", title="Rondvraag", note="1. geen lijst\n*geen nadruk* | geen cel"
    )
    odd = add_item(odd, "Extra", "- ook geen lijst")
    text = to_markdown(odd)
    assert "1\\. geen lijst  \n\\*geen nadruk\\* \\| geen cel" in text
    assert "\\- ook geen lijst" in text


def test_only_a_ja_accepts_open_items(toolkaart: Toolkaart, graph: ToolkaartGraph) -> None:
    """A *nog niet* leaves its open items open: the agenda must not call them accepted."""
    first = toolkaart.phases[0]
    walked = Assessment().decide(
        toolkaart,
        first.id,
        Answer.NOG_NIET,
        rationale="Eerst de partners",
        decided_on=dt.date(2027, 1, 5),
    )
    walked = walked.decide(
        toolkaart, first.id, Answer.JA, decided_on=dt.date(2027, 2, 5), accept_open_items=True
    )
    project = Project(id="p", name="Wachtlijst", organisation="Oost", assessment=walked)
    agenda = compose_agenda(
        toolkaart,
        graph,
        meeting_date=dt.date(2027, 3, 11),
        projects=[project],
        portfolio=build_portfolio(toolkaart, [project], today=dt.date(2027, 3, 1)),
        today=dt.date(2027, 3, 1),
    )
    count = counted("open_item", len(first.checklist))
    text = to_markdown(agenda)
    (ja_line,) = [line for line in text.splitlines() if "5 februari 2027" in line]
    (later_line,) = [line for line in text.splitlines() if "5 januari 2027" in line]
    assert t("agenda.doc.open_at_decision", open_items=count) in ja_line
    assert t("agenda.doc.open_at_decision", open_items=count) not in later_line
    assert t("agenda.doc.open_not_accepted", open_items=count) in later_line


def test_the_flow_names_projects_standing_still_and_those_in_use(
    toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    created = dt.datetime(2026, 1, 4, 9, tzinfo=dt.UTC)
    walk = in_use(toolkaart)
    projects = [
        Project(id="stil", name="Stil | project", organisation="Oost", created_at=created),
        Project(id="klaar", name="In gebruik", organisation="Oost", assessment=walk,
                created_at=created),
    ]  # fmt: skip
    today = dt.date(2027, 1, 4)
    agenda = compose_agenda(
        toolkaart,
        graph,
        meeting_date=dt.date(2027, 1, 14),
        projects=[],
        portfolio=build_portfolio(toolkaart, projects, today=today),
        today=today,
    )
    text = to_markdown(agenda)
    assert t("flow.in_use", projects=counted("project", 1)) in text
    assert t("flow.stuck.some", projects=counted("project", 1), days=180) in text
    assert f"| Stil \\| project | 365 | {toolkaart.phases[0].name} | 4 januari 2026 |" in text
    overview = agenda.items[0].overview
    assert overview is not None and overview.flow is not None
    item = agenda.items[0].model_copy(
        update={"overview": overview.model_copy(update={"flow": None})}
    )
    before_flow = agenda.model_copy(update={"items": (item,)})
    assert t("agenda.doc.flow") not in to_markdown(before_flow)  # a draft from before the flow
    reader = PdfReader(io.BytesIO(to_pdf(agenda)))
    assert "Stil | project" in " ".join(page.extract_text() for page in reader.pages)


def test_a_project_in_use_reads_its_next_review_as_a_clause_of_its_own(
    toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    walk = in_use(toolkaart)
    created = dt.datetime(2026, 1, 4, 9, tzinfo=dt.UTC)
    project = Project(id="klaar", name="In gebruik", assessment=walk, created_at=created)
    today = dt.date(2027, 1, 4)
    agenda = compose_agenda(
        toolkaart,
        graph,
        meeting_date=dt.date(2027, 1, 14),
        projects=[project],
        portfolio=build_portfolio(toolkaart, [project], today=today),
        today=today,
    )
    review = t("agenda.doc.next_review", date="1 februari 2027")
    assert f"{t('agenda.doc.completed')}; {review}" in to_markdown(agenda)
