"""The board agenda as data: its items, and the draft format it is saved in.

Why apart from composing: an Agenda is immutable data that is also its own save format (a draft
is ``agenda_to_dict`` of it, self-describing with ``"format": "toolkaart-agenda"`` and
``"version": 1``; ``agenda_from_dict`` reads it back strictly). A draft keeps the composed text as
it was composed (a snapshot), so reopening shows what the user edited, even when a project has
since changed or been archived. The format is documented in ``docs/agenda-format.md``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from toolkaart.errors import AgendaError
from toolkaart.route.gates import Answer

AGENDA_FORMAT: Final = "toolkaart-agenda"
AGENDA_FORMAT_VERSION: Final = 1
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
    #: Who plays this role in the project ('Zoë de Vries (SEH-arts)'), where the team named them.
    people: tuple[str, ...] = ()


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


class PhaseFlowNote(_Data):
    """One phase's flow (``toolkaart.board.flow``): days of the projects that finished it, the
    projects in it now, and the answers given at its gate."""

    phase_id: str
    phase_name: str
    #: Projects that finished the phase; the days below are theirs (None when there are none).
    finished: int = Field(default=0, ge=0)
    median_days: float | None = None
    lower_quartile_days: float | None = None
    upper_quartile_days: float | None = None
    min_days: int | None = None
    max_days: int | None = None
    in_phase: int = Field(default=0, ge=0)
    returns: int = Field(default=0, ge=0)
    ja: int = Field(default=0, ge=0)
    nog_niet: int = Field(default=0, ge=0)
    nee: int = Field(default=0, ge=0)


class StuckNote(_Data):
    """A project that had stood in its current phase for more than ``FlowNote.stuck_days``."""

    project_name: str
    phase_name: str
    since: dt.date
    days: int = Field(ge=0)


class FlowNote(_Data):
    """The portfolio's flow at composition time."""

    stuck_days: int = Field(ge=0)
    phases: tuple[PhaseFlowNote, ...]
    stuck: tuple[StuckNote, ...] = ()
    #: Projects in use (every gate passed): in no phase.
    in_use: int = Field(default=0, ge=0)


class Overview(_Data):
    """The portfolio by phase at composition time."""

    total: int = Field(ge=0)
    stale: int = Field(default=0, ge=0)
    stale_days: int = Field(default=0, ge=0)
    phases: tuple[PhaseTally, ...]
    #: Absent in drafts composed before the flow was part of the overview.
    flow: FlowNote | None = None


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


# drafts -----------------------------------------------------------------------------------------


def agenda_to_dict(agenda: Agenda) -> dict[str, Any]:
    """The draft as JSON-ready data (dates as ISO strings)."""
    data: dict[str, Any] = agenda.model_dump(mode="json")
    return data


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


def agenda_schema() -> dict[str, Any]:
    """The JSON Schema of a draft (``docs/agenda-draft.schema.json``)."""
    schema: dict[str, Any] = Agenda.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "agenda-draft.schema.json",
        "title": "Toolkaart board agenda draft",
        **schema,
    }
