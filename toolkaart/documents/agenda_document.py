"""The agenda as a document: Markdown, DOCX (editable: real headings, a table per project) and PDF.

``outline`` turns an Agenda into a few neutral blocks (headings, paragraphs, tables whose cells are
lines of text with an optional link); each format only draws those blocks. So what the agenda says
is decided once, here, and the three formats cannot drift apart. A cell of more than one line is a
list (risks, decisions, invitees, tools) and shows as one in every format. The page (A4, footer,
metadata, fonts) is ``print_layout``'s, shared with the project report.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from fpdf import FontFace

from toolkaart.board.agenda_model import (
    Agenda,
    AgendaItem,
    BoardRole,
    DecisionNote,
    FlowNote,
    Invitee,
    Overview,
    PhaseFlowNote,
    ProjectBrief,
)
from toolkaart.board.flow import (
    Outcomes,
    Spread,
    days_sentence,
    in_use_sentence,
    outcomes_sentence,
    stuck_sentence,
)
from toolkaart.documents.markdown import HARD_BREAK, heading, paragraphs, plain
from toolkaart.documents.print_layout import (
    FONT,
    DocumentInfo,
    new_docx,
    new_pdf,
    page_sized_rows,
    set_column_widths,
)
from toolkaart.i18n.catalog import counted, t
from toolkaart.i18n.dates import date_label
from toolkaart.i18n.units import decimal_label
from toolkaart.route.gates import Answer
from toolkaart.user_text import printable


@dataclass(frozen=True)
class Line:
    """A line of text; with ``url`` the text links there (and the address is shown in print)."""

    text: str
    url: str | None = None


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Table:
    """A table with a header row; every cell holds one or more lines."""

    header: tuple[str, ...]
    rows: tuple[tuple[tuple[Line, ...], ...], ...]
    #: Column proportions, the same in DOCX and PDF; None: the overview's or a project's.
    widths: tuple[int, ...] | None = None


Block = Heading | Paragraph | Table


def _widths(table: Table) -> tuple[int, ...]:
    """Column proportions, the same in DOCX and PDF: the table's own, the overview's, or a
    project's."""
    if table.widths is not None:
        return table.widths
    return (45, 15, 40) if len(table.header) == 3 else (28, 72)


def _lines(*texts: str) -> tuple[Line, ...]:
    return tuple(Line(text) for text in texts)


def _decision_line(d: DecisionNote) -> str:
    parts = [f"{date_label(d.decided_on)} · {d.phase_name} · {t(f'answer.{d.answer.value}')}"]
    if d.rationale:
        parts.append(f"— {d.rationale}")
    extras = []
    if d.decided_by:
        extras.append(t("agenda.doc.decided_by", who=d.decided_by))
    if d.open_items:  # open at the decision; only a *ja* passes the gate with them accepted
        key = (
            "agenda.doc.open_at_decision"
            if d.answer is Answer.JA
            else "agenda.doc.open_not_accepted"
        )
        extras.append(t(key, open_items=counted("open_item", d.open_items)))
    if d.next_review is not None:
        extras.append(t("agenda.doc.next_review", date=date_label(d.next_review)))
    if extras:
        parts.append(f"({'; '.join(extras)})")
    return " ".join(parts)


def _invitee_line(i: Invitee) -> str:
    reasons = []
    if i.joins_at:
        reasons.append(t("agenda.doc.joins_at", phase=i.joins_at))
    if i.open_items:
        reasons.append(
            t("agenda.doc.named_on_items", open_items=counted("open_item", i.open_items))
        )
    who = (
        t("agenda.doc.invitee_people", actor=i.name, people="; ".join(i.people))
        if i.people
        else i.name
    )
    return f"{who} — {'; '.join(reasons)}" if reasons else who


def _board_lines(role: BoardRole, brief: ProjectBrief) -> tuple[Line, ...]:
    lines = [Line(role.description)]  # the row already says whose role it is
    if role.listed_now:
        lines.append(Line(t("agenda.doc.board_listed_now", phase=brief.phase_name)))
    if role.listed_next and brief.next_phase_name:
        lines.append(Line(t("agenda.doc.board_listed_next", phase=brief.next_phase_name)))
    lines += [
        Line(t("agenda.doc.task_done" if task.done else "agenda.doc.task_open", text=task.text))
        for task in role.tasks
    ]
    return tuple(lines)


def project_table(brief: ProjectBrief) -> Table:
    """The table the board reads per project."""
    phase = f"{brief.phase_number}. {brief.phase_name}"
    if brief.completed:
        completed = t("agenda.doc.completed")
        if brief.next_review is not None:
            review = t("agenda.doc.next_review", date=date_label(brief.next_review))
            completed = t("agenda.doc.completed_review", completed=completed, review=review)
        phase += " — " + completed
    rows: list[tuple[tuple[Line, ...], ...]] = [
        (_lines(t("agenda.doc.row.phase")), _lines(phase)),
        (_lines(t("agenda.doc.row.decide")), _lines(brief.key_question)),
        (
            _lines(t("agenda.doc.row.rationale")),
            _lines(*(_decision_line(d) for d in brief.decisions))
            or _lines(t("agenda.doc.no_decisions")),
        ),
        (
            _lines(t("agenda.doc.row.risks")),
            _lines(*brief.risks) or _lines(t("agenda.doc.no_risks")),
        ),
        (
            _lines(t("agenda.doc.row.invite")),
            _lines(*(_invitee_line(i) for i in brief.invite)) or _lines(t("agenda.doc.no_invite")),
        ),
    ]
    if brief.board_role is not None:
        rows.append(
            (_lines(t("agenda.doc.row.board")), _board_lines(brief.board_role, brief)),
        )
    rows.append(
        (
            _lines(t("agenda.doc.row.read")),
            tuple(
                Line(tool.name, tool.url)
                if tool.url
                else Line(t("agenda.doc.no_url", name=tool.name))
                for tool in brief.read
            )
            or _lines(t("agenda.doc.no_tools")),
        )
    )
    return Table((t("agenda.doc.col.topic"), t("agenda.doc.col.content")), tuple(rows))


def overview_blocks(overview: Overview) -> Iterator[Block]:
    parts = [t("portfolio.count.part", count=p.count, phase=p.phase_name) for p in overview.phases]
    yield Paragraph(t("portfolio.count.sentence", total=overview.total, parts="; ".join(parts)))
    if overview.stale:
        yield Paragraph(
            t(
                "agenda.doc.stale",
                projects=counted("project", overview.stale),
                days=overview.stale_days,
            )
        )
    yield Table(
        (t("agenda.doc.col.phase"), t("agenda.doc.col.count"), t("agenda.doc.col.projects")),
        tuple(
            (_lines(p.phase_name), _lines(str(p.count)), _lines(", ".join(p.projects) or "—"))
            for p in overview.phases
        ),
    )
    if overview.flow is not None:
        yield from flow_blocks(overview.flow)


def _days(value: float | None) -> str:
    return "—" if value is None else decimal_label(value)


def _span(low: float | None, high: float | None) -> str:
    if low is None or high is None:
        return "—"
    return t("flow.range", low=decimal_label(low), high=decimal_label(high))


def _spread(p: PhaseFlowNote) -> Spread | None:
    """The days the note keeps, as the flow's own numbers (to be said in the same words)."""
    if (
        p.median_days is None
        or p.lower_quartile_days is None
        or p.upper_quartile_days is None
        or p.min_days is None
        or p.max_days is None
    ):
        return None
    return Spread(
        p.finished,
        p.median_days,
        p.lower_quartile_days,
        p.upper_quartile_days,
        p.min_days,
        p.max_days,
    )


def flow_blocks(flow: FlowNote) -> Iterator[Block]:
    """The portfolio's flow as the Portfolio page shows it: days per phase and the gates' answers
    (each a sentence, then the same numbers as a table), and the projects standing still."""
    yield Heading(3, t("agenda.doc.flow"))
    yield Paragraph(days_sentence((p.phase_name, _spread(p)) for p in flow.phases))
    if flow.in_use:
        yield Paragraph(in_use_sentence(flow.in_use))
    yield Table(
        (
            t("flow.col.phase"),
            t("flow.col.finished"),
            t("flow.col.median"),
            t("flow.col.quartiles"),
            t("flow.col.range"),
            t("flow.col.in_phase"),
            t("flow.col.returns"),
        ),
        tuple(
            (
                _lines(p.phase_name),
                _lines(str(p.finished)),
                _lines(_days(p.median_days)),
                _lines(_span(p.lower_quartile_days, p.upper_quartile_days)),
                _lines(_span(p.min_days, p.max_days)),
                _lines(str(p.in_phase)),
                _lines(str(p.returns)),
            )
            for p in flow.phases
        ),
        widths=(19, 13, 11, 15, 15, 11, 16),
    )
    yield Heading(3, t("agenda.doc.flow.outcomes"))
    outcomes = [(p.phase_name, Outcomes(p.ja, p.nog_niet, p.nee)) for p in flow.phases]
    yield Paragraph(outcomes_sentence(outcomes))
    yield Table(
        (t("flow.col.phase"), *(t(f"answer.{answer.value}") for answer in Answer)),
        tuple(
            (_lines(name), *(_lines(str(o.of(answer))) for answer in Answer))
            for name, o in outcomes
        ),
        widths=(40, 20, 20, 20),
    )
    yield Heading(3, t("agenda.doc.flow.stuck"))
    yield Paragraph(stuck_sentence(len(flow.stuck), flow.stuck_days))
    if flow.stuck:
        yield Table(
            (t("flow.col.project"), t("flow.col.days"), t("flow.col.phase"), t("flow.col.since")),
            tuple(
                (
                    _lines(s.project_name),
                    _lines(str(s.days)),
                    _lines(s.phase_name),
                    _lines(date_label(s.since)),
                )
                for s in flow.stuck
            ),
            widths=(40, 15, 25, 20),
        )


def item_blocks(item: AgendaItem) -> Iterator[Block]:
    """An item's body (without its heading): what the page shows and every format prints."""
    if item.overview is not None:
        yield from overview_blocks(item.overview)
    if item.project is not None:
        brief = item.project
        who = [x for x in (brief.organisation, brief.contact) if x]
        if brief.project_name != item.title:
            who.insert(0, brief.project_name)
        if who:
            yield Paragraph(" · ".join(who))
        yield project_table(brief)
    if item.note:
        label = "agenda.doc.note" if item.kind != "free" else "agenda.doc.free_note"
        yield Paragraph(t(label, note=item.note))


def outline(agenda: Agenda) -> tuple[Block, ...]:
    blocks: list[Block] = [
        Heading(1, agenda.title),
        Paragraph(t("agenda.doc.meeting", date=date_label(agenda.meeting_date))),
    ]
    if agenda.content_version:
        blocks.append(Paragraph(t("agenda.doc.source", version=agenda.content_version)))
    for number, item in enumerate(agenda.items, start=1):
        blocks.append(Heading(2, f"{number}. {item.title}"))
        blocks.extend(item_blocks(item))
    return tuple(_printable(block) for block in blocks)


def _printable(block: Block) -> Block:
    """The block without characters no document can hold (a draft saved before the text rule may
    carry a vertical tab or U+FFFE, which DOCX refuses)."""
    if isinstance(block, Heading):
        return Heading(block.level, printable(block.text))
    if isinstance(block, Paragraph):
        return Paragraph(printable(block.text))
    rows = tuple(
        tuple(
            tuple(Line(printable(x.text), x.url and printable(x.url)) for x in cell) for cell in row
        )
        for row in block.rows
    )
    return Table(tuple(printable(text) for text in block.header), rows, block.widths)


# Markdown ---------------------------------------------------------------------------------------


#: A last step over escaped text (not over the tools' addresses): the Agenda page passes
#: ``toolkaart.web.literal.unlink``, because a browser makes links of bare addresses, which a
#: Markdown file need not fear.
Finish = Callable[[str], str]


def _as_is(text: str) -> str:
    return text


def _md_line(line: Line, line_break: str, finish: Finish, *, starts_line: bool = True) -> str:
    text = finish(plain(line.text, line_break, starts_line=starts_line))
    return f"[{text}]({line.url})" if line.url else text


def blocks_markdown(
    blocks: tuple[Block, ...] | Iterator[Block],
    finish: Finish = _as_is,
    *,
    bold_headings: bool = False,
) -> str:
    """Every text escaped by ``markdown``: a title or note shows as written and can add no
    heading, list item, table cell, link or HTML of its own.

    ``bold_headings``: headings as a bold line (a page that draws its own headings: a Markdown
    heading there would be out of its order and bring Streamlit's English anchor link)."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading) and bold_headings:
            out.append(f"**{finish(plain(block.text))}**")
        elif isinstance(block, Heading):
            out.append(finish(heading(block.level, block.text)))
        elif isinstance(block, Paragraph):
            out.append(finish(paragraphs(block.text)))
        elif all(len(cell) == 1 for row in block.rows for cell in row):
            rows = [" | ".join(finish(plain(x)) for x in block.header)]
            rows.append(" | ".join("---" for _ in block.header))
            rows += [
                " | ".join(_md_line(cell[0], " ", finish) for cell in row) for row in block.rows
            ]
            out.append("\n".join(f"| {r} |" for r in rows))
        else:  # multi-line cells: a label per row and its lines as a list
            parts = []
            for label, *cells in block.rows:
                lines = [line for cell in cells for line in cell]
                title = f"**{finish(plain(' '.join(x.text for x in label)))}**"
                if len(lines) == 1:
                    line = _md_line(lines[0], HARD_BREAK, finish, starts_line=False)
                    parts.append(f"{title}: {line}")
                else:
                    items = (f"- {_md_line(x, HARD_BREAK, finish)}" for x in lines)
                    parts.append(title + "\n\n" + "\n".join(items))
            out.append("\n\n".join(parts))
    return "\n\n".join(out) + "\n"


def to_markdown(agenda: Agenda) -> str:
    return blocks_markdown(outline(agenda))


# DOCX -------------------------------------------------------------------------------------------


def _add_hyperlink(paragraph: object, text: str, url: str) -> None:
    """A real, clickable link in a DOCX paragraph (python-docx has no API for it)."""
    part = paragraph.part  # type: ignore[attr-defined]
    rel_id = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "0563C1")
    props.extend([style, colour, underline])
    run.append(props)
    node = OxmlElement("w:t")
    node.text = text
    node.set(qn("xml:space"), "preserve")
    run.append(node)
    link.append(run)
    paragraph._p.append(link)  # type: ignore[attr-defined]


def _info(agenda: Agenda) -> DocumentInfo:
    """The agenda is from the organisation when all its projects share one; else the navigator's."""
    organisations = {i.project.organisation for i in agenda.items if i.project is not None}
    organisation = organisations.pop() if len(organisations) == 1 else ""
    return DocumentInfo(agenda.title, agenda.content_version, organisation)


def to_docx(agenda: Agenda) -> bytes:
    """An editable Word document: Heading 1/2 styles, one real table per project."""
    document = new_docx(_info(agenda))
    for block in outline(agenda):
        if isinstance(block, Heading):
            document.add_heading(block.text, level=block.level)
        elif isinstance(block, Paragraph):
            document.add_paragraph(block.text)
        else:
            table = document.add_table(rows=1, cols=len(block.header))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, block.header, strict=True):
                cell.paragraphs[0].add_run(text).bold = True
            for row in block.rows:
                cells = table.add_row().cells
                for column, (cell, lines) in enumerate(zip(cells, row, strict=True)):
                    for n, line in enumerate(lines):
                        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
                        if len(lines) > 1:
                            paragraph.style = "List Bullet"
                        if line.url:
                            _add_hyperlink(paragraph, line.text, line.url)
                            paragraph.add_run(f" ({line.url})")
                        else:
                            paragraph.add_run(line.text).bold = column == 0
            set_column_widths(table, _widths(block))
            document.add_paragraph()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# PDF --------------------------------------------------------------------------------------------


def _pdf_cell_text(lines: tuple[Line, ...]) -> str:
    texts = [f"{x.text}: {x.url}" if x.url else x.text for x in lines]
    return "\n".join(f"• {text}" for text in texts) if len(texts) > 1 else "".join(texts)


def to_pdf(agenda: Agenda) -> bytes:
    """A printable PDF: headings (also as PDF bookmarks), paragraphs and a table per project."""
    pdf = new_pdf(_info(agenda))
    width = pdf.epw
    for block in outline(agenda):
        if isinstance(block, Heading):
            size = {1: 18, 2: 14}.get(block.level, 12)
            pdf.start_section(block.text, level=block.level - 1)
            pdf.set_font(FONT, "B", size)
            pdf.ln(2)
            pdf.multi_cell(width, size * 0.5, block.text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif isinstance(block, Paragraph):
            pdf.set_font(FONT, "", 10)
            pdf.multi_cell(width, 5, block.text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        else:
            pdf.set_font(FONT, "", 9)
            bold = FontFace(emphasis="BOLD")
            rows = [
                texts
                for cells in block.rows
                for texts in page_sized_rows(
                    pdf, tuple(_pdf_cell_text(lines) for lines in cells), _widths(block), 4.5
                )
            ]
            with pdf.table(
                col_widths=_widths(block),
                text_align="LEFT",
                v_align="TOP",
                line_height=4.5,
                headings_style=bold,
                first_row_as_headings=True,
            ) as table:
                header = table.row()
                for text in block.header:
                    header.cell(text)
                for texts in rows:
                    row = table.row()
                    for column, text in enumerate(texts):  # labels bold, as in the DOCX
                        row.cell(text, style=bold if column == 0 else None)
            pdf.ln(3)
    return bytes(pdf.output())
