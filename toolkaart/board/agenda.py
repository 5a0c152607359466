"""The board agenda: composed from projects and their decisions, then edited by a zorgbestuurder.

``compose_agenda`` takes a meeting date, the projects to discuss (in the user's order), the portfolio
and the content, and returns an ``Agenda``: an overview of the portfolio by phase and its flow
(``toolkaart.board.flow``: days per phase, gate outcomes, projects standing still), then one item
per project with the decision asked (the current phase's key question), the rationale so far
(latest decisions), the open checklist items as risks, whom to invite (the actors who join at the
next phase and those named on open items, with the people the team named for each), the
zorgbestuurder's own role per the Toolkaart, and the tools to read beforehand with their links.

An Agenda is immutable data (``toolkaart.board.agenda_model``, also its draft format). The editing
functions (``move_item``, ``add_item``, ``edit_item``, ``remove_item``, ``with_details``) return a
new Agenda.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from toolkaart.board.agenda_model import (
    FREE_PREFIX,
    MAX_NOTE,
    MAX_TITLE,
    OVERVIEW_ID,
    PROJECT_PREFIX,
    Agenda,
    AgendaItem,
    BoardRole,
    BoardTask,
    DecisionNote,
    FlowNote,
    Invitee,
    Overview,
    PhaseFlowNote,
    PhaseTally,
    ProjectBrief,
    StuckNote,
    ToolLink,
)
from toolkaart.board.flow import DEFAULT_STUCK_DAYS, Flow, build_flow
from toolkaart.board.portfolio import Portfolio, portfolio_row
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Toolkaart
from toolkaart.errors import AgendaError
from toolkaart.i18n.catalog import t
from toolkaart.i18n.dates import date_label, file_stem
from toolkaart.route.project import Project
from toolkaart.user_text import one_line, paragraph

#: The actor whose role the board itself plays; its name and description come from the content.
BOARD_ACTOR_ID = "zorgbestuurder"
#: How many of a project's latest decisions the agenda shows as the rationale so far.
MAX_DECISIONS = 3


# composition ------------------------------------------------------------------------------------


def project_brief(
    toolkaart: Toolkaart, graph: ToolkaartGraph, project: Project, *, today: dt.date
) -> ProjectBrief:
    """The board's view of one project, from its decision log and the content."""
    row = portfolio_row(toolkaart, project, today=today, stale_days=0)
    phase = row.phase
    next_phase = None if row.completed else toolkaart.next_phase(phase.id)
    decisions = tuple(
        DecisionNote(
            phase_id=d.phase_id,
            phase_name=toolkaart.phase(d.phase_id).name,
            answer=d.answer,
            rationale=d.rationale,
            decided_by=d.decided_by,
            decided_on=d.decided_on,
            open_items=len(d.open_items),
            next_review=d.next_review,
        )
        for d in reversed(project.assessment.decisions)
        if toolkaart.has_phase(d.phase_id)
    )[:MAX_DECISIONS]

    joining = graph.transition(next_phase.id).joining if next_phase is not None else ()
    named: dict[str, int] = {}
    for item in row.open_items:
        for actor_id in item.actors:
            named[actor_id] = named.get(actor_id, 0) + 1
    invite_ids = [a.id for a in joining] + [a for a in named if a not in {j.id for j in joining}]
    invite = tuple(
        Invitee(
            actor_id=actor_id,
            name=toolkaart.actor(actor_id).name,
            joins_at=next_phase.name
            if next_phase is not None and actor_id in {a.id for a in joining}
            else None,
            open_items=named.get(actor_id, 0),
            people=tuple(person.label for person in project.people_in(actor_id)),
        )
        for actor_id in invite_ids
        if actor_id != BOARD_ACTOR_ID
    )

    return ProjectBrief(
        project_id=project.id,
        project_name=project.name,
        organisation=project.organisation,
        contact=project.contact,
        phase_id=phase.id,
        phase_number=phase.number,
        phase_name=phase.name,
        key_question=phase.key_question,
        next_phase_name=next_phase.name if next_phase is not None else None,
        completed=row.completed,
        next_review=row.next_review,
        decisions=decisions,
        risks=tuple(item.text for item in row.open_items),
        invite=invite,
        board_role=_board_role(toolkaart, project, phase.id, next_phase.id if next_phase else None),
        read=tuple(ToolLink(id=x.id, name=x.name, url=x.url) for x in graph.tools_of(phase.id)),
    )


def _board_role(
    toolkaart: Toolkaart, project: Project, phase_id: str, next_phase_id: str | None
) -> BoardRole | None:
    """The zorgbestuurder's role from the content; None when the content has no such actor."""
    board = next((a for a in toolkaart.actors if a.id == BOARD_ACTOR_ID), None)
    if board is None:
        return None
    phase = toolkaart.phase(phase_id)
    done = project.assessment.checked_in(phase_id)
    return BoardRole(
        name=board.name,
        description=board.description,
        listed_now=board.id in phase.actors,
        listed_next=next_phase_id is not None and board.id in toolkaart.phase(next_phase_id).actors,
        tasks=tuple(
            BoardTask(text=item.text, done=item.id in done)
            for item in phase.checklist
            if board.id in item.actors
        ),
    )


def flow_note(flow: Flow) -> FlowNote:
    """The flow as the agenda keeps it (a snapshot: project names, not projects)."""
    phases = []
    for row in flow.phases:
        days = row.days
        phases.append(
            PhaseFlowNote(
                phase_id=row.phase.id,
                phase_name=row.phase.name,
                finished=row.finished,
                median_days=days.median if days else None,
                lower_quartile_days=days.lower_quartile if days else None,
                upper_quartile_days=days.upper_quartile if days else None,
                min_days=days.minimum if days else None,
                max_days=days.maximum if days else None,
                in_phase=row.in_phase,
                returns=row.returns,
                ja=row.outcomes.ja,
                nog_niet=row.outcomes.nog_niet,
                nee=row.outcomes.nee,
            )
        )
    return FlowNote(
        stuck_days=flow.stuck_days,
        phases=tuple(phases),
        stuck=tuple(
            StuckNote(
                project_name=s.project.name,
                phase_name=s.phase.name,
                since=s.since,
                days=s.days,
            )
            for s in flow.stuck
        ),
        in_use=flow.in_use,
    )


def portfolio_overview(portfolio: Portfolio, flow: Flow | None = None) -> Overview:
    return Overview(
        total=portfolio.total,
        stale=portfolio.stale_count,
        stale_days=portfolio.stale_days,
        phases=tuple(
            PhaseTally(
                phase_id=c.phase.id,
                phase_name=c.phase.name,
                count=c.count,
                projects=tuple(r.project.name for r in portfolio.rows if r.phase.id == c.phase.id),
            )
            for c in portfolio.counts
        ),
        flow=flow_note(flow) if flow is not None else None,
    )


def compose_agenda(
    toolkaart: Toolkaart,
    graph: ToolkaartGraph,
    *,
    meeting_date: dt.date,
    projects: Sequence[Project],
    portfolio: Portfolio,
    today: dt.date,
    title: str | None = None,
    stuck_days: int = DEFAULT_STUCK_DAYS,
) -> Agenda:
    """A new agenda: the portfolio overview first (by phase, and its flow: days per phase, gate
    outcomes, projects standing still for more than ``stuck_days``), then the chosen projects in
    the given order.

    A project chosen twice is discussed once, at its first place.
    """
    flow = build_flow(
        toolkaart, [row.project for row in portfolio.rows], today=today, stuck_days=stuck_days
    )
    items = [
        AgendaItem(
            id=OVERVIEW_ID,
            kind="overview",
            title=t("agenda.overview.title"),
            overview=portfolio_overview(portfolio, flow),
        )
    ]
    seen: set[str] = set()
    for project in projects:
        if project.id in seen:
            continue
        seen.add(project.id)
        items.append(
            AgendaItem(
                id=PROJECT_PREFIX + project.id,
                kind="project",
                title=project.name[:MAX_TITLE],
                project=project_brief(toolkaart, graph, project, today=today),
            )
        )
    return Agenda(
        title=title or t("agenda.default_title", date=date_label(meeting_date)),
        meeting_date=meeting_date,
        content_version=toolkaart.meta.label,
        items=tuple(items),
    )


# editing ----------------------------------------------------------------------------------------


def _clean_title(title: str) -> str:
    cleaned = one_line(title, field=t("agenda.item.title"), limit=MAX_TITLE)
    if not cleaned:
        raise AgendaError("empty_title")
    return cleaned


def _clean_note(note: str) -> str:
    return paragraph(note, field=t("agenda.item.note"), limit=MAX_NOTE)


def move_item(agenda: Agenda, item_id: str, step: int) -> Agenda:
    """Move an item ``step`` places (negative: up); it stops at the first or last place."""
    items = list(agenda.items)
    here = agenda.index(item_id)
    there = min(max(here + step, 0), len(items) - 1)
    items.insert(there, items.pop(here))
    return agenda.model_copy(update={"items": tuple(items)})


def add_item(agenda: Agenda, title: str, note: str = "") -> Agenda:
    """Append a free-text item (e.g. "Rondvraag") with a new id."""
    numbers = [
        int(i.id.removeprefix(FREE_PREFIX))
        for i in agenda.items
        if i.id.startswith(FREE_PREFIX) and i.id.removeprefix(FREE_PREFIX).isdigit()
    ]
    item = AgendaItem(
        id=f"{FREE_PREFIX}{max(numbers, default=0) + 1}",
        kind="free",
        title=_clean_title(title),
        note=_clean_note(note),
    )
    return agenda.model_copy(update={"items": (*agenda.items, item)})


def edit_item(
    agenda: Agenda, item_id: str, *, title: str | None = None, note: str | None = None
) -> Agenda:
    """Change an item's title and/or note; the composed project data stays as composed."""
    index = agenda.index(item_id)
    changes: dict[str, str] = {}
    if title is not None:
        changes["title"] = _clean_title(title)
    if note is not None:
        changes["note"] = _clean_note(note)
    items = list(agenda.items)
    items[index] = items[index].model_copy(update=changes)
    return agenda.model_copy(update={"items": tuple(items)})


def remove_item(agenda: Agenda, item_id: str) -> Agenda:
    index = agenda.index(item_id)
    return agenda.model_copy(update={"items": agenda.items[:index] + agenda.items[index + 1 :]})


def with_details(
    agenda: Agenda, *, title: str | None = None, meeting_date: dt.date | None = None
) -> Agenda:
    """Change the agenda's title and/or meeting date."""
    changes: dict[str, object] = {}
    if title is not None:
        changes["title"] = _clean_title(title)
    if meeting_date is not None:
        changes["meeting_date"] = meeting_date
    return agenda.model_copy(update=changes)


def agenda_file_stem(agenda: Agenda) -> str:
    """The download's file name without extension: the title, and the meeting date only when the
    title does not say it already ('agenda-bestuursvergadering-11-maart-2027', not '…-2027-03-11')."""
    if date_label(agenda.meeting_date) in agenda.title:
        return file_stem(agenda.title)
    return file_stem(agenda.title, agenda.meeting_date.isoformat())
