"""One project shape: a project's details, its walk and its decision log as plain, typed data.

Why: the store's history snapshots, the store's rows, and the exchange file each used to turn a
``Project`` into dictionaries and back by hand, field by field, so a new field or a changed rule had
to be written three times and could differ. ``ProjectSnapshot`` is that shape, once: everything
that writes a project out dumps one (``model_dump``; ``mode="json"`` for JSON), everything that
reads one in validates one (``model_validate``), and only ``of`` and ``to_project`` here know the
domain's dataclasses.

Its JSON form is the ``project`` object of the exchange file (docs/project-exchange.md), and the
snapshot the store has kept for every saved version since migration 0001: keys, order and value
formats stay as they are, or old files and old histories would no longer load. Fields are added at
the end, with what a snapshot written before them means (``ADDED_IN_2``: exchange format version 2,
migration 0004), and ``upgraded`` fills them in for such a snapshot.

The bounds (lengths, counts, id patterns) are the ones an import enforces; validation is strict
(no ``"2"`` for ``2``) except where a caller says otherwise, e.g. for JSON already decoded by the
database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

from toolkaart.content.models import SLUG_PATTERN
from toolkaart.route.gates import (
    MAX_DECIDED_BY,
    MAX_RATIONALE,
    Answer,
    Assessment,
    GateDecision,
)
from toolkaart.route.project import FIELD_LIMITS, Project
from toolkaart.route.records import (
    MAX_AUTHOR,
    MAX_EVIDENCE,
    MAX_EVIDENCE_NOTE,
    MAX_NOTE,
    MAX_NOTES,
    MAX_PEOPLE,
    MAX_PERSON_FIELD,
    MAX_URL,
    Evidence,
    Person,
    PhaseNote,
)

#: Most decisions a project's log holds.
MAX_DECISIONS = 2_000

Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=80)]
#: A time written as ``datetime.isoformat`` writes it ('+00:00', not pydantic's 'Z'), as before.
Moment = Annotated[dt.datetime, PlainSerializer(dt.datetime.isoformat, when_used="json")]


class Strict(BaseModel):
    """Strict types, no unknown fields, immutable: what an exchange file must be, exactly."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class DecisionSnapshot(Strict):
    """One gate decision, in log order."""

    phase: Slug
    answer: Literal["ja", "nog niet", "nee"]
    rationale: str = Field(max_length=MAX_RATIONALE)
    decided_by: str = Field(max_length=MAX_DECIDED_BY)
    decided_on: dt.date
    open_items: list[Slug] = Field(max_length=50)
    next_review: dt.date | None

    @classmethod
    def of(cls, decision: GateDecision) -> DecisionSnapshot:
        return cls(
            phase=decision.phase_id,
            answer=decision.answer.value,
            rationale=decision.rationale,
            decided_by=decision.decided_by,
            decided_on=decision.decided_on,
            open_items=list(decision.open_items),
            next_review=decision.next_review,
        )

    def to_decision(self) -> GateDecision:
        return GateDecision(
            phase_id=self.phase,
            answer=Answer(self.answer),
            rationale=self.rationale,
            decided_by=self.decided_by,
            decided_on=self.decided_on,
            open_items=tuple(self.open_items),
            next_review=self.next_review,
        )


class PersonSnapshot(Strict):
    """Someone who plays an actor role in the project."""

    actor: Slug
    name: str = Field(min_length=1, max_length=MAX_PERSON_FIELD)
    function: str = Field(max_length=MAX_PERSON_FIELD)
    contact: str = Field(max_length=MAX_PERSON_FIELD)

    @classmethod
    def of(cls, person: Person) -> PersonSnapshot:
        return cls(
            actor=person.actor_id,
            name=person.name,
            function=person.function,
            contact=person.contact,
        )

    def to_person(self) -> Person:
        return Person(self.actor, self.name, self.function, self.contact)


class EvidenceSnapshot(Strict):
    """A note and/or an https address supporting one checklist item, in the order added."""

    phase: Slug
    item: Slug
    note: str = Field(max_length=MAX_EVIDENCE_NOTE)
    url: str = Field(max_length=MAX_URL)
    added_by: str = Field(max_length=MAX_AUTHOR)
    added_at: Moment

    @classmethod
    def of(cls, evidence: Evidence) -> EvidenceSnapshot:
        return cls(
            phase=evidence.phase_id,
            item=evidence.item_id,
            note=evidence.note,
            url=evidence.url,
            added_by=evidence.added_by,
            added_at=evidence.added_at,
        )

    def to_evidence(self) -> Evidence:
        return Evidence(
            self.phase, self.item, self.note, self.url, self.added_by, _aware(self.added_at)
        )


class NoteSnapshot(Strict):
    """One note in a phase's thread, in the order written."""

    phase: Slug
    text: str = Field(min_length=1, max_length=MAX_NOTE)
    author: str = Field(max_length=MAX_AUTHOR)
    written_at: Moment

    @classmethod
    def of(cls, note: PhaseNote) -> NoteSnapshot:
        return cls(
            phase=note.phase_id, text=note.text, author=note.author, written_at=note.written_at
        )

    def to_note(self) -> PhaseNote:
        return PhaseNote(self.phase, self.text, self.author, _aware(self.written_at))


#: The fields format version 2 (and migration 0004) added, and what a snapshot written before
#: them means: no content version known, nobody named, no evidence, no notes.
ADDED_IN_2: dict[str, Any] = {"content_version": "", "people": [], "evidence": [], "notes": []}


def upgraded(data: Mapping[str, Any]) -> dict[str, Any]:
    """A snapshot's data with the fields added since it was written, as ``ADDED_IN_2`` says."""
    return {**data, **{key: value for key, value in ADDED_IN_2.items() if key not in data}}


class ProjectSnapshot(Strict):
    """A saved project: its details, the ticked checklist items per phase and the decision log."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,31}$")
    name: str = Field(min_length=1, max_length=FIELD_LIMITS["name"])
    organisation: str = Field(max_length=FIELD_LIMITS["organisation"])
    description: str = Field(max_length=FIELD_LIMITS["description"])
    contact: str = Field(max_length=FIELD_LIMITS["contact"])
    archived: bool
    version: int = Field(ge=1)
    created_at: Moment
    updated_at: Moment
    checklist: dict[Slug, list[Slug]] = Field(
        max_length=50, description="Ticked checklist item ids per phase id."
    )
    decisions: list[DecisionSnapshot] = Field(max_length=MAX_DECISIONS)
    content_version: str = Field(
        max_length=40, description="Version of the content the project was last saved with."
    )
    people: list[PersonSnapshot] = Field(max_length=MAX_PEOPLE)
    evidence: list[EvidenceSnapshot] = Field(max_length=MAX_EVIDENCE)
    notes: list[NoteSnapshot] = Field(max_length=MAX_NOTES)

    @classmethod
    def of(cls, project: Project) -> ProjectSnapshot:
        """The project's shape: phases and items sorted, phases without ticked items left out."""
        walk = project.assessment
        return cls(
            id=project.id,
            name=project.name,
            organisation=project.organisation,
            description=project.description,
            contact=project.contact,
            archived=project.archived,
            version=project.version,
            created_at=project.created_at,
            updated_at=project.updated_at,
            checklist={
                phase_id: sorted(items) for phase_id, items in sorted(walk.checked.items()) if items
            },
            decisions=[DecisionSnapshot.of(decision) for decision in walk.decisions],
            content_version=project.content_version,
            people=[PersonSnapshot.of(person) for person in project.people],
            evidence=[EvidenceSnapshot.of(evidence) for evidence in project.evidence],
            notes=[NoteSnapshot.of(note) for note in project.notes],
        )

    def to_project(self) -> Project:
        """The project as the domain works with it; a time without a zone is taken as UTC."""
        return Project(
            id=self.id,
            name=self.name,
            organisation=self.organisation,
            description=self.description,
            contact=self.contact,
            assessment=Assessment(
                checked={phase: frozenset(items) for phase, items in self.checklist.items()},
                decisions=tuple(decision.to_decision() for decision in self.decisions),
            ),
            archived=self.archived,
            version=self.version,
            created_at=_aware(self.created_at),
            updated_at=_aware(self.updated_at),
            content_version=self.content_version,
            people=tuple(person.to_person() for person in self.people),
            evidence=tuple(evidence.to_evidence() for evidence in self.evidence),
            notes=tuple(note.to_note() for note in self.notes),
        )


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
