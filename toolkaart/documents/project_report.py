"""A project report for stakeholders, as Markdown, DOCX (python-docx) and PDF (fpdf2).

The report is built once as a list of blocks (``report_blocks``) and then rendered per format, so
every format says the same: a summary table first (where the project stands, for a board member who
reads no further), the project, the tools and actors for the phase it is in now (with the people
named for each actor), who plays which role, per phase the checklist items ticked with evidence,
ticked without and open (each item's evidence under it), the decisions with their rationale and
the phase's notes, and the whole decision log. When the content changed since the project's
last decision, the report says what (``Lookback``), and lists per phase the ticked items the
content no longer has.
The page itself (A4, footer, metadata, fonts) is ``print_layout``'s, shared with the agenda.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from enum import StrEnum

from fpdf import FontFace

from toolkaart.content.models import Toolkaart
from toolkaart.documents.markdown import HARD_BREAK, heading, paragraphs, plain
from toolkaart.documents.print_layout import (
    FONT,
    DocumentInfo,
    new_docx,
    new_pdf,
    set_column_widths,
)
from toolkaart.i18n.catalog import counted, t
from toolkaart.i18n.dates import date_label, local_today
from toolkaart.route.content_changes import (
    Lookback,
    by_phase,
    describe,
    headline,
    retired_ticks,
)
from toolkaart.route.gates import GateDecision, RouteStatus
from toolkaart.route.project import Project
from toolkaart.route.records import evidence_line, evidence_tally, note_line
from toolkaart.user_text import printable


class Kind(StrEnum):
    TITLE = "title"
    HEADING = "heading"
    SUBHEADING = "subheading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    #: A line under the bullet before it (an item's evidence), one level deeper.
    DETAIL = "detail"
    #: Label and value pairs (``rows``), drawn as a two-column table where the format has tables.
    SUMMARY = "summary"


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str = ""
    rows: tuple[tuple[str, str], ...] = ()


def _phase_name(toolkaart: Toolkaart, phase_id: str) -> str:
    """A decision's phase by name; by id once the phase is gone from the content."""
    return toolkaart.phase(phase_id).name if toolkaart.has_phase(phase_id) else phase_id


def _decision_line(toolkaart: Toolkaart, decision: GateDecision, *, with_phase: bool) -> str:
    text = t(
        "report.decision",
        date=date_label(decision.decided_on),
        answer=t(f"answer.{decision.answer.value}"),
        by=decision.decided_by or t("project.diff.nobody"),
        rationale=decision.rationale or t("report.no_rationale"),
    )
    if with_phase:
        text = t(
            "report.decision_phase", phase=_phase_name(toolkaart, decision.phase_id), decision=text
        )
    if decision.open_items:
        text += " " + t("report.decision_open", count=len(decision.open_items))
    if decision.next_review:
        text += " " + t("report.decision_review", date=date_label(decision.next_review))
    return text


def _actor_line(toolkaart: Toolkaart, project: Project, actor_id: str) -> str:
    people = project.people_in(actor_id)
    names = "; ".join(p.label for p in people) if people else t("report.nobody_named")
    return t("report.actor_people", actor=toolkaart.actor(actor_id).name, people=names)


def _summary(project: Project, toolkaart: Toolkaart, status: RouteStatus) -> Block:
    """Where the project stands, in six rows, each read from the route status or the log."""
    current = toolkaart.phase(status.current_phase_id)
    phase_key = "report.summary.completed" if status.completed else "report.summary.phase_value"
    open_items = project.assessment.open_items(toolkaart, current.id)
    decisions = project.assessment.decisions
    if decisions:
        last = decisions[-1]
        decision = t(
            "report.summary.decision_value",
            answer=t(f"answer.{last.answer.value}"),
            phase=_phase_name(toolkaart, last.phase_id),
            date=date_label(last.decided_on),
        )
    else:
        decision = t("report.summary.no_decision")
    review = (
        date_label(status.next_review)
        if status.next_review
        else t("report.summary.no_review", phase=toolkaart.phases[-1].name)
    )
    values = {
        "phase": t(phase_key, number=current.number, phase=current.name),
        "passed": t(
            "report.summary.passed_value",
            passed=status.passed_count(),
            total=len(toolkaart.phases),
        ),
        "open": t(
            "report.summary.open_value",
            open_items=counted("open_item", len(open_items)),
            phase=current.name,
        ),
        "evidence": _tally_line(project, toolkaart, current.id),
        "decision": decision,
        "review": review,
    }
    return Block(
        Kind.SUMMARY, rows=tuple((t(f"report.summary.{key}"), v) for key, v in values.items())
    )


def _tally_line(project: Project, toolkaart: Toolkaart, phase_id: str) -> str:
    tally = evidence_tally(
        toolkaart, phase_id, project.assessment.checked_in(phase_id), project.evidence
    )
    return t(
        "report.summary.evidence_value",
        supported=tally.with_evidence,
        unsupported=tally.without,
        phase=toolkaart.phase(phase_id).name,
    )


def report_blocks(
    project: Project,
    toolkaart: Toolkaart,
    today: dt.date | None = None,
    looking_back: Lookback | None = None,
) -> list[Block]:
    """The report's content, format-neutral; ``looking_back`` (``Store.lookback``) adds what
    changed in the content since the last decision and names ticked items it no longer has."""
    today = today or local_today()
    looking_back = looking_back or Lookback()
    status = project.status(toolkaart)
    current = toolkaart.phase(status.current_phase_id)
    walk = project.assessment
    out = [Block(Kind.TITLE, t("report.title", name=project.name))]
    if project.archived:
        out.append(Block(Kind.PARAGRAPH, t("report.archived")))
    out.append(_summary(project, toolkaart, status))
    if status.review_due(today):
        out.append(Block(Kind.PARAGRAPH, t("report.review_due")))
    if not status.completed:
        out.append(Block(Kind.PARAGRAPH, t("report.key_question", question=current.key_question)))
    for field in ("organisation", "contact", "description"):
        value = getattr(project, field)
        if value:
            out.append(Block(Kind.PARAGRAPH, f"{t(f'project.field.{field}')}: {value}"))
    out.append(
        Block(
            Kind.PARAGRAPH,
            t("report.made", date=date_label(today), content=toolkaart.meta.label),
        )
    )
    if project.content_version:
        key = "report.content_version" if walk.decisions else "report.content_version.undecided"
        out.append(Block(Kind.PARAGRAPH, t(key, version=project.content_version)))
    out += _changes(looking_back, decided=bool(walk.decisions))
    out.append(Block(Kind.HEADING, t("report.next", phase=current.name)))
    out.append(Block(Kind.SUBHEADING, t("report.tools")))
    for tool_id in current.tools:
        tool = toolkaart.tool(tool_id)
        address = tool.url or t("report.no_url")
        out.append(Block(Kind.BULLET, f"{tool.name} ({address})"))
    out.append(Block(Kind.SUBHEADING, t("report.actors")))
    out += [Block(Kind.BULLET, _actor_line(toolkaart, project, a)) for a in current.actors]

    out.append(Block(Kind.HEADING, t("report.people")))
    named = [actor for actor in toolkaart.actors if project.people_in(actor.id)]
    if not named:
        out.append(Block(Kind.PARAGRAPH, t("report.people_none")))
    out += [Block(Kind.BULLET, _actor_line(toolkaart, project, actor.id)) for actor in named]

    out.append(Block(Kind.HEADING, t("report.phases")))
    for phase in toolkaart.phases:
        state = t(f"state.{status.state(phase.id).value}")
        out.append(
            Block(
                Kind.SUBHEADING,
                t("report.phase", number=phase.number, phase=phase.name, state=state),
            )
        )
        out.append(Block(Kind.PARAGRAPH, t("report.key_question", question=phase.key_question)))
        done = walk.checked_in(phase.id)
        groups: dict[str, list[Block]] = {"ticked_with": [], "ticked_without": [], "open": []}
        for item in phase.checklist:
            evidence = project.evidence_for(phase.id, item.id)
            group = (
                "open" if item.id not in done else "ticked_with" if evidence else "ticked_without"
            )
            groups[group].append(Block(Kind.BULLET, item.text))
            groups[group] += [Block(Kind.DETAIL, evidence_line(e)) for e in evidence]
        if not done:
            out.append(Block(Kind.PARAGRAPH, t("report.none_ticked")))
        for group, blocks in groups.items():
            count = sum(block.kind is Kind.BULLET for block in blocks)
            if count or group == "open":
                out.append(Block(Kind.PARAGRAPH, t(f"report.{group}", count=count)))
                out += blocks
        retired = retired_ticks(walk, toolkaart, phase.id)
        if retired:
            out.append(Block(Kind.PARAGRAPH, t("report.retired", count=len(retired))))
            out += [Block(Kind.BULLET, looking_back.name(phase.id, item)) for item in retired]
        notes = project.notes_in(phase.id)
        if notes:
            out.append(Block(Kind.PARAGRAPH, t("report.notes", count=len(notes))))
            out += [Block(Kind.BULLET, note_line(note)) for note in notes]
        phase_decisions = [d for d in walk.decisions if d.phase_id == phase.id]
        if phase_decisions:
            out.append(Block(Kind.PARAGRAPH, t("report.phase_decisions")))
            out += [
                Block(Kind.BULLET, _decision_line(toolkaart, d, with_phase=False))
                for d in phase_decisions
            ]
    out.append(Block(Kind.HEADING, t("report.log")))
    if not walk.decisions:
        out.append(Block(Kind.PARAGRAPH, t("report.log_empty")))
    out += [
        Block(Kind.BULLET, _decision_line(toolkaart, d, with_phase=True)) for d in walk.decisions
    ]
    return [_printable(block) for block in out]


def _changes(looking_back: Lookback, *, decided: bool) -> list[Block]:
    """What changed in the content since the last decision: a heading, then per phase."""
    changes = looking_back.changes
    if changes is None:
        return []
    out = [Block(Kind.HEADING, headline(changes, decided))]
    if changes.changes is None:
        return [*out, Block(Kind.PARAGRAPH, t("changes.unknown", since=changes.since))]
    if not changes.changes:
        return [*out, Block(Kind.PARAGRAPH, t("changes.none"))]
    for phase_name, group in by_phase(changes):
        out.append(Block(Kind.PARAGRAPH, t("changes.phase", phase=phase_name)))
        out += [Block(Kind.BULLET, describe(change, changes)) for change in group]
    return out


def _printable(block: Block) -> Block:
    """The block without characters no document can hold (a project stored before the text rule
    may carry a vertical tab, which DOCX refuses)."""
    rows = tuple((printable(label), printable(value)) for label, value in block.rows)
    return Block(block.kind, printable(block.text), rows)


def to_markdown(
    project: Project,
    toolkaart: Toolkaart,
    today: dt.date | None = None,
    looking_back: Lookback | None = None,
) -> str:
    """Every text escaped by ``markdown``: a name, rationale or checklist item shows as written and
    can add no heading, list item, link or HTML of its own."""
    levels = {Kind.TITLE: 1, Kind.HEADING: 2, Kind.SUBHEADING: 3}
    lines: list[str] = []
    for block in report_blocks(project, toolkaart, today, looking_back):
        if block.kind not in (Kind.BULLET, Kind.DETAIL) and lines and lines[-1] != "":
            lines.append("")
        if block.kind is Kind.SUMMARY:
            lines += [
                f"- {plain(k)}: {plain(v, HARD_BREAK, starts_line=False)}" for k, v in block.rows
            ]
            lines.append("")
        elif block.kind in levels:
            lines += [heading(levels[block.kind], block.text), ""]
        elif block.kind is Kind.BULLET:
            lines.append(f"- {plain(block.text, HARD_BREAK)}")
        elif block.kind is Kind.DETAIL:
            lines.append(f"    - {plain(block.text, HARD_BREAK + '      ')}")
        else:
            lines.append(paragraphs(block.text))
    return "\n".join(lines).replace("\n\n\n", "\n\n").rstrip() + "\n"


#: The summary table's label and value columns, as proportions of the text width.
_SUMMARY_WIDTHS = (35, 65)


def _info(project: Project, toolkaart: Toolkaart) -> DocumentInfo:
    """The report is the project's organisation's, made from this version of the content."""
    return DocumentInfo(
        t("report.title", name=project.name), toolkaart.meta.label, project.organisation
    )


def to_docx(
    project: Project,
    toolkaart: Toolkaart,
    today: dt.date | None = None,
    looking_back: Lookback | None = None,
) -> bytes:
    document = new_docx(_info(project, toolkaart))
    levels = {Kind.TITLE: 0, Kind.HEADING: 1, Kind.SUBHEADING: 2}
    for block in report_blocks(project, toolkaart, today, looking_back):
        if block.kind in levels:
            document.add_heading(block.text, level=levels[block.kind])
        elif block.kind is Kind.BULLET:
            document.add_paragraph(block.text, style="List Bullet")
        elif block.kind is Kind.DETAIL:
            document.add_paragraph(block.text, style="List Bullet 2")
        elif block.kind is Kind.SUMMARY:
            table = document.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for label, value in block.rows:
                cells = table.add_row().cells
                cells[0].paragraphs[0].add_run(label).bold = True
                cells[1].paragraphs[0].add_run(value)
            set_column_widths(table, _SUMMARY_WIDTHS)
            document.add_paragraph()
        else:
            document.add_paragraph(block.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def to_pdf(
    project: Project,
    toolkaart: Toolkaart,
    today: dt.date | None = None,
    looking_back: Lookback | None = None,
) -> bytes:
    pdf = new_pdf(_info(project, toolkaart))
    sizes = {Kind.TITLE: 18, Kind.HEADING: 14, Kind.SUBHEADING: 12}
    for block in report_blocks(project, toolkaart, today, looking_back):
        if block.kind in sizes:
            pdf.ln(3)
            pdf.set_font(FONT, "B", sizes[block.kind])
            height = sizes[block.kind] * 0.55
            pdf.multi_cell(0, height, block.text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif block.kind is Kind.SUMMARY:
            pdf.set_font(FONT, "", 10)
            with pdf.table(col_widths=_SUMMARY_WIDTHS, text_align="LEFT", v_align="TOP",
                           line_height=5.5, first_row_as_headings=False) as table:  # fmt: skip
                for label, value in block.rows:
                    row = table.row()
                    row.cell(label, style=FontFace(emphasis="BOLD"))
                    row.cell(value)
            pdf.ln(3)
        elif block.kind in (Kind.BULLET, Kind.DETAIL):  # the bullet hangs under the text
            detail = block.kind is Kind.DETAIL
            pdf.set_font(FONT, "", 9 if detail else 10)
            pdf.set_x(pdf.l_margin + (8 if detail else 2))
            pdf.cell(4, 5, "–" if detail else "•")
            pdf.multi_cell(0, 5, block.text, align="L", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font(FONT, "", 10)
            pdf.multi_cell(0, 5, block.text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
    return bytes(pdf.output())
