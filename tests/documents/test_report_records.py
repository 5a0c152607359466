"""The project report shows evidence, people per role, phase notes and the content version, in
Markdown, DOCX and PDF, and counts ticked items with and without evidence."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from pypdf import PdfReader

from toolkaart.content.models import Toolkaart
from toolkaart.documents.project_report import to_docx, to_markdown, to_pdf
from toolkaart.i18n.catalog import NL, t
from toolkaart.route.project import Project, make_project
from toolkaart.route.records import new_evidence, new_note, new_person

TODAY = dt.date(2027, 3, 8)
MOMENT = dt.datetime(2027, 3, 1, 13, 5, tzinfo=dt.UTC)  # 14:05 in Amsterdam


@pytest.fixture(scope="module")
def project(toolkaart: Toolkaart) -> Project:
    """Idee: three items ticked, one with two pieces of evidence; an open item with evidence too;
    a person in two of the actors of Idee; two notes."""
    idee = toolkaart.phase("idee")
    a, b, c, d = (item.id for item in idee.checklist[:4])
    actor, second = idee.actors[0], idee.actors[1]
    project = make_project("Valdetectie")
    walk = project.assessment.with_checked(toolkaart, "idee", [a, b, c])
    return (
        project.with_assessment(walk)
        .decided_with(toolkaart, None)
        .with_evidence(new_evidence(toolkaart, "idee", a, note="Verslag teamoverleg",
                                    added_by="Zoë de Vries", added_at=MOMENT))
        .with_evidence(new_evidence(toolkaart, "idee", a, url="https://wiki.example.nl/valdetectie",
                                    added_at=MOMENT))
        .with_evidence(new_evidence(toolkaart, "idee", d, note="Nog te bespreken",
                                    added_at=MOMENT))
        .with_person(new_person(toolkaart, actor, name="Zoë de Vries", function="SEH-arts",
                                contact="z@zorg.example.nl"))
        .with_person(new_person(toolkaart, actor, name="Bram"))
        .with_note(new_note(toolkaart, "idee", "Gesprek met de IC gepland", author="Bram",
                            written_at=MOMENT))
        .with_note(new_note(toolkaart, "idee", "Gesprek gevoerd", written_at=MOMENT))
        .with_person(new_person(toolkaart, second, name="Eva", function="CMIO"))
    )  # fmt: skip


def expected(toolkaart: Toolkaart) -> list[str]:
    idee = toolkaart.phase("idee")
    actor = toolkaart.actor(idee.actors[0]).name
    return [
        t("report.content_version.undecided", version=toolkaart.meta.version),
        t("report.summary.evidence"),
        t("report.summary.evidence_value", supported=1, unsupported=2, phase=idee.name),
        t("report.ticked_with", count=1),
        t("report.ticked_without", count=2),
        t("report.open", count=len(idee.checklist) - 3),
        "Onderbouwing: Verslag teamoverleg (Zoë de Vries, 1 maart 2027, 14:05)",
        "Onderbouwing: https://wiki.example.nl/valdetectie (1 maart 2027, 14:05)",
        "Onderbouwing: Nog te bespreken",
        f"{actor}: Zoë de Vries (SEH-arts, z@zorg.example.nl); Bram",
        f"{toolkaart.actor(idee.actors[1]).name}: Eva (CMIO)",
        t("report.people"),
        t("report.notes", count=2),
        "1 maart 2027, 14:05, Bram: Gesprek met de IC gepland",
        "1 maart 2027, 14:05: Gesprek gevoerd",
    ]


def normalise(text: str) -> str:
    return " ".join(text.split())


def test_markdown_shows_evidence_under_its_item_people_and_notes(
    project: Project, toolkaart: Toolkaart
) -> None:
    text = to_markdown(project, toolkaart, TODAY)
    for line in expected(toolkaart):
        assert normalise(line) in normalise(text.replace("\\", "")), line
    lines = text.splitlines()
    first = toolkaart.phase("idee").checklist[0].text
    at = lines.index(f"- {first}")
    assert lines[at + 1].startswith("    - Onderbouwing: Verslag teamoverleg")
    assert lines[at + 2].startswith("    - Onderbouwing: https")
    # an actor without anyone named says so
    nobody = [line for line in lines if line.endswith(t("report.nobody_named"))]
    assert len(nobody) == len(toolkaart.phase("idee").actors) - 2


def test_docx_shows_evidence_one_level_under_its_item(
    project: Project, toolkaart: Toolkaart
) -> None:
    document = Document(io.BytesIO(to_docx(project, toolkaart, TODAY)))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    text = "\n".join([p for _, p in paragraphs] + cells)
    for line in expected(toolkaart):
        assert normalise(line) in normalise(text), line
    details = [p for style, p in paragraphs if style == "List Bullet 2"]
    assert len(details) == 3 and all(p.startswith("Onderbouwing: ") for p in details)
    rows = [tuple(c.text for c in row.cells) for row in document.tables[0].rows]
    assert (
        t("report.summary.evidence"),
        t("report.summary.evidence_value", supported=1, unsupported=2, phase="Idee"),
    ) in rows


def test_pdf_shows_evidence_people_and_notes(project: Project, toolkaart: Toolkaart) -> None:
    reader = PdfReader(io.BytesIO(to_pdf(project, toolkaart, TODAY)))
    text = normalise("\n".join(page.extract_text() for page in reader.pages))
    for line in expected(toolkaart):
        assert normalise(line) in text, line


def test_a_project_without_records_says_nobody_is_named(toolkaart: Toolkaart) -> None:
    text = to_markdown(make_project("Leeg"), toolkaart, TODAY)
    assert t("report.people_none") in text
    assert NL["report.content_version.undecided"].split("{")[0] not in text  # no version to name
