"""The board agenda: composed from projects and their decisions, then edited by a zorgbestuurder.

``compose_agenda`` takes a meeting date, the projects to discuss (in the user's order), the portfolio
and the content, and returns an ``Agenda``: an overview of the portfolio by phase, then one item per
project with the decision asked (the current phase's key question), the rationale so far (latest
decisions), the open checklist items as risks, whom to invite (the actors who join at the next phase
and those named on open items), the zorgbestuurder's own role per the Toolkaart, and the tools to read
beforehand with their links.

An Agenda is immutable data. The editing functions (``move_item``, ``add_item``, ``edit_item``,
``remove_item``, ``with_details``) return a new Agenda. It is also its own save format: a draft is the
Agenda as JSON (``agenda_to_json`` / ``agenda_from_json``), self-describing with
``"format": "toolkaart-agenda"`` and ``"version": 1``. A draft keeps the composed text as it was
composed (a snapshot), so reopening shows what the user edited, even when a project has since changed
or been archived. The format is documented in ``docs/agenda-format.md``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from toolkaart.board.portfolio import Portfolio, portfolio_row
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Toolkaart
from toolkaart.errors import AgendaError
from toolkaart.i18n.catalog import t
from toolkaart.i18n.dates import date_label
from toolkaart.route.gates import Answer
from toolkaart.route.project import Project

AGENDA_FORMAT: Final = "toolkaart-agenda"
AGENDA_FORMAT_VERSION: Final = 1
#: The actor whose role the board itself plays; its name and description come from the content.
BOARD_ACTOR_ID = "zorgbestuurder"
#: How many of a project's latest decisions the agenda shows as the rationale so far.
MAX_DECISIONS = 3
#: A draft larger than this is refused before parsing (a real draft is a few dozen kB).
MAX_DRAFT_BYTES = 2_000_000
MAX_TITLE = 200
MAX_NOTE = 10_000

OVERVIEW_ID = "overview"
PROJECT_PREFIX = "project:"
FREE_PREFIX = "free-"


class _Data(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ToolLink(_Data):
    """A tool to read before the meeting; ``url`` is None when the Toolkaart gives no address."""

    id: str
    name: str
    url: str | None = None


class Invitee(_Data):
    """An actor to invite, with why: joining at the next phase and/or named on open items."""

    actor_id: str
    name: str
    #: Name of the next phase when the actor joins there (is not listed on the current phase).
    joins_at: str | None = None
    #: How many of the open checklist items name this actor.
    open_items: int = Field(default=0, ge=0)


class BoardTask(_Data):
    """A checklist item of the current phase that names the zorgbestuurder."""

    text: str
    done: bool


class BoardRole(_Data):
    """The zorgbestuurder's own role per the Toolkaart, for this project's current phase."""

    name: str
    description: str
    listed_now: bool
    listed_next: bool
    tasks: tuple[BoardTask, ...] = ()


class DecisionNote(_Data):
    """One earlier gate decision, as the rationale so far."""

    phase_id: str
    phase_name: str
    answer: Answer
    rationale: str = ""
    decided_by: str = ""
    decided_on: dt.date
    open_items: int = Field(default=0, ge=0)
    next_review: dt.date | None = None


class ProjectBrief(_Data):
    """What the board needs on one project, composed from the project and the content."""

    project_id: str
    project_name: str
    organisation: str = ""
    contact: str = ""
    phase_id: str
    phase_number: int
    phase_name: str
    key_question: str
    next_phase_name: str | None = None
    completed: bool = False
    next_review: dt.date | None = None
    #: Latest first.
    decisions: tuple[DecisionNote, ...] = ()
    #: The open checklist items of the current phase, in checklist order.
    risks: tuple[str, ...] = ()
    invite: tuple[Invitee, ...] = ()
    board_role: BoardRole | None = None
    read: tuple[ToolLink, ...] = ()


class PhaseTally(_Data):
    phase_id: str
    phase_name: str
    count: int = Field(ge=0)
    projects: tuple[str, ...] = ()


class Overview(_Data):
    """The portfolio by phase at composition time."""

    total: int = Field(ge=0)
    stale: int = Field(default=0, ge=0)
    stale_days: int = Field(default=0, ge=0)
    phases: tuple[PhaseTally, ...]


class AgendaItem(_Data):
    """One point on the agenda. ``title`` and ``note`` are the user's to edit."""

    id: str = Field(min_length=1, max_length=120)
    kind: Literal["overview", "project", "free"]
    title: str = Field(min_length=1, max_length=MAX_TITLE)
    note: str = Field(default="", max_length=MAX_NOTE)
    project: ProjectBrief | None = None
    overview: Overview | None = None

    @model_validator(mode="after")
    def _payload_matches_kind(self) -> AgendaItem:
        if (self.kind == "project") != (self.project is not None):
            raise ValueError("a project item, and only a project item, has a project")
        if (self.kind == "overview") != (self.overview is not None):
            raise ValueError("an overview item, and only an overview item, has an overview")
        return self


class Agenda(_Data):
    """A board meeting's agenda: the save format of a draft as well."""

    format: Literal["toolkaart-agenda"] = AGENDA_FORMAT
    version: Literal[1] = AGENDA_FORMAT_VERSION
    title: str = Field(min_length=1, max_length=MAX_TITLE)
    meeting_date: dt.date
    #: The content version the items were composed from (Meta.label).
    content_version: str = ""
    items: tuple[AgendaItem, ...] = ()

    @model_validator(mode="after")
    def _unique_ids(self) -> Agenda:
        ids = [item.id for item in self.items]
        if len(ids) != len(set(ids)):
            raise ValueError("item ids must be unique")
        return self

    def item(self, item_id: str) -> AgendaItem:
        for item in self.items:
            if item.id == item_id:
                return item
        raise AgendaError("unknown_item", item=item_id)

    def index(self, item_id: str) -> int:
        return self.items.index(self.item(item_id))

    @property
    def project_ids(self) -> tuple[str, ...]:
        return tuple(i.project.project_id for i in self.items if i.project is not None)


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


def portfolio_overview(portfolio: Portfolio) -> Overview:
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
) -> Agenda:
    """A new agenda: the portfolio overview first, then the chosen projects in the given order.

    A project chosen twice is discussed once, at its first place.
    """
    items = [
        AgendaItem(
            id=OVERVIEW_ID,
            kind="overview",
            title=t("agenda.overview.title"),
            overview=portfolio_overview(portfolio),
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
    cleaned = " ".join(title.split())
    if not cleaned:
        raise AgendaError("empty_title")
    if len(cleaned) > MAX_TITLE:
        raise AgendaError("long_title", limit=MAX_TITLE)
    return cleaned


def _clean_note(note: str) -> str:
    cleaned = note.strip()
    if len(cleaned) > MAX_NOTE:
        raise AgendaError("long_note", limit=MAX_NOTE)
    return cleaned


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


# drafts -----------------------------------------------------------------------------------------


def agenda_to_dict(agenda: Agenda) -> dict[str, Any]:
    """The draft as JSON-ready data (dates as ISO strings)."""
    data: dict[str, Any] = agenda.model_dump(mode="json")
    return data


def agenda_to_json(agenda: Agenda) -> str:
    return json.dumps(agenda_to_dict(agenda), ensure_ascii=False, indent=2)


def agenda_from_dict(data: object) -> Agenda:
    """A draft from JSON data, checked strictly; AgendaError says in Dutch what is wrong."""
    if not isinstance(data, dict) or data.get("format") != AGENDA_FORMAT:
        raise AgendaError("not_a_draft")
    if data.get("version") != AGENDA_FORMAT_VERSION:
        raise AgendaError("version", version=data.get("version"), supported=AGENDA_FORMAT_VERSION)
    try:
        return Agenda.model_validate(data)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(agenda)'}: {e['msg']}"
            for e in error.errors()[:5]
        )
        raise AgendaError("invalid", problems=problems) from None


def agenda_from_json(text: str | bytes) -> Agenda:
    if len(text) > MAX_DRAFT_BYTES:
        raise AgendaError("too_large", limit=MAX_DRAFT_BYTES // 1_000_000)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise AgendaError("not_json", detail=str(error)) from None
    return agenda_from_dict(data)


def agenda_schema() -> dict[str, Any]:
    """The JSON Schema of a draft (``docs/agenda-draft.schema.json``)."""
    schema: dict[str, Any] = Agenda.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "agenda-draft.schema.json",
        "title": "Toolkaart board agenda draft",
        **schema,
    }
