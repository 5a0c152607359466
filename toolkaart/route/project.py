"""A project on the route: who it is, its walk (an Assessment) through the gates, and what its team
records beside the walk (evidence, people, notes: ``toolkaart.route.records``)."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field, replace

from toolkaart.content.models import Toolkaart
from toolkaart.errors import ProjectConflict, ProjectError
from toolkaart.i18n.catalog import t
from toolkaart.route.gates import Assessment, RouteStatus
from toolkaart.route.records import (
    MAX_EVIDENCE,
    MAX_NOTES,
    Evidence,
    Person,
    PhaseNote,
    Record,
    appended,
    check_people,
)
from toolkaart.user_text import one_line, paragraph


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Project:
    """A project team's AI application and its walk along the route.

    ``version`` counts saves: the store refuses to save over a newer version than the one read.
    ``updated_at`` is the time of the last change to the project or its walk. ``content_version``
    is the version of the Toolkaart content its walk rests on: that of its last decision, or of
    its creation or import before one (``decided_with``); empty for a project never saved with
    content. ``evidence`` and ``notes`` only grow (``with_evidence``, ``with_note``);
    ``people`` is the team as it is now.
    """

    id: str
    name: str
    organisation: str = ""
    description: str = ""
    contact: str = ""
    assessment: Assessment = field(default_factory=Assessment)
    archived: bool = False
    version: int = 0
    created_at: dt.datetime = field(default_factory=_now)
    updated_at: dt.datetime = field(default_factory=_now)
    content_version: str = ""
    people: tuple[Person, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    notes: tuple[PhaseNote, ...] = ()

    def status(self, toolkaart: Toolkaart) -> RouteStatus:
        return self.assessment.status(toolkaart)

    def with_assessment(self, assessment: Assessment) -> Project:
        return replace(self, assessment=assessment)

    def decided_with(self, toolkaart: Toolkaart, before: Project | None) -> Project:
        """The project with the content version its walk rests on, about to be saved over
        ``before`` (None: it is new, created or imported).

        The serving version is recorded when the project is new, has none yet, or appended a
        decision since ``before``; any other save (a tick, evidence, a note, its details) keeps
        the version of the last decision. So a team sees what changed in the content "since its
        last decision" (``content_changes``) until it decides again, however often it ticks.
        """
        decided = before is None or len(self.assessment.decisions) > len(
            before.assessment.decisions
        )
        if decided or not self.content_version:
            return replace(self, content_version=toolkaart.meta.version)
        return self

    def with_evidence(self, evidence: Evidence) -> Project:
        """Evidence added (``records.new_evidence`` makes one); ProjectError past the limit."""
        return replace(self, evidence=appended(self.evidence, evidence, MAX_EVIDENCE))

    def with_note(self, note: PhaseNote) -> Project:
        """A note added to its phase's thread (``records.new_note``); ProjectError past the limit."""
        return replace(self, notes=appended(self.notes, note, MAX_NOTES))

    def with_person(self, person: Person) -> Project:
        """A person added to their role (``records.new_person``); ProjectError past the limits."""
        people = (*self.people, person)
        check_people(people)
        return replace(self, people=people)

    def without_person(self, person: Person) -> Project:
        """The project without ``person`` (the first entry equal to it; unchanged if none)."""
        if person not in self.people:
            return self
        index = self.people.index(person)
        return replace(self, people=self.people[:index] + self.people[index + 1 :])

    def evidence_for(self, phase_id: str, item_id: str) -> tuple[Evidence, ...]:
        """The evidence of one checklist item, oldest first."""
        return tuple(e for e in self.evidence if (e.phase_id, e.item_id) == (phase_id, item_id))

    def people_in(self, actor_id: str) -> tuple[Person, ...]:
        """Who plays ``actor_id`` in this project, in the order they were named."""
        return tuple(p for p in self.people if p.actor_id == actor_id)

    def notes_in(self, phase_id: str) -> tuple[PhaseNote, ...]:
        """A phase's thread, oldest first."""
        return tuple(note for note in self.notes if note.phase_id == phase_id)


#: Longest accepted value of each descriptive field (the store's columns are sized to match).
FIELD_LIMITS: dict[str, int] = {
    "name": 200,
    "organisation": 200,
    "description": 2000,
    "contact": 200,
}


def make_project(
    name: str, organisation: str = "", description: str = "", contact: str = ""
) -> Project:
    """A new, unsaved project (version 0) with a fresh id and checked details."""
    project = Project(id=new_project_id(), name="")
    return with_details(
        project, name=name, organisation=organisation, description=description, contact=contact
    )


#: The one descriptive field that may span lines; the others are one line (``user_text``).
_PARAGRAPHS = frozenset({"description"})


def with_details(project: Project, **details: str) -> Project:
    """``project`` with new descriptive fields, cleaned and checked by the one text rule
    (``toolkaart.user_text``; TextError says what is wrong) and a name required."""
    clean: dict[str, str] = {}
    for name, value in details.items():
        if name not in FIELD_LIMITS:
            raise TypeError(f"no project field '{name}'")
        rule = paragraph if name in _PARAGRAPHS else one_line
        clean[name] = rule(value, field=t(f"project.field.{name}"), limit=FIELD_LIMITS[name])
    if not clean.get("name", project.name):
        raise ProjectError("name_required")
    return replace(
        project,
        name=clean.get("name", project.name),
        organisation=clean.get("organisation", project.organisation),
        description=clean.get("description", project.description),
        contact=clean.get("contact", project.contact),
    )


def new_project_id() -> str:
    """A fresh project id: short, URL-safe, unguessable enough to share as a link."""
    return secrets.token_hex(8)


_FIELDS = ("name", "organisation", "description", "contact")


@dataclass(frozen=True)
class TickChange:
    """The checklist items of one phase ticked and unticked between two versions of a walk."""

    phase_id: str
    ticked: frozenset[str]
    unticked: frozenset[str]


def tick_changes(old: Assessment, new: Assessment, toolkaart: Toolkaart) -> tuple[TickChange, ...]:
    """What changed in the checklists from ``old`` to ``new``, phase by phase in route order."""
    phases = sorted(
        set(old.checked) | set(new.checked),
        key=lambda p: toolkaart.position(p) if toolkaart.has_phase(p) else len(toolkaart.phases),
    )
    changes = []
    for phase_id in phases:
        before, after = old.checked_in(phase_id), new.checked_in(phase_id)
        if before != after:
            changes.append(TickChange(phase_id, after - before, before - after))
    return tuple(changes)


def diff_projects(old: Project, new: Project, toolkaart: Toolkaart) -> tuple[str, ...]:
    """What changed from ``old`` to ``new``, one Dutch line per change, for people to read.

    Phases and checklist items are named as the person sees them in the content (by id only when
    the content no longer has them), never by the ids a person never sees.
    """

    def phase_name(phase_id: str) -> str:
        return toolkaart.phase(phase_id).name if toolkaart.has_phase(phase_id) else phase_id

    def item_texts(phase_id: str, item_ids: frozenset[str]) -> list[str]:
        if not toolkaart.has_phase(phase_id):
            return sorted(item_ids)
        checklist = toolkaart.phase(phase_id).checklist
        known = [item.text for item in checklist if item.id in item_ids]
        return known + sorted(item_ids - {item.id for item in checklist})

    lines: list[str] = []
    for name in _FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            lines.append(
                t("project.diff.field", field=t(f"project.field.{name}"), old=before, new=after)
            )
    if old.archived != new.archived:
        lines.append(t("project.diff.archived" if new.archived else "project.diff.unarchived"))
    for change in tick_changes(old.assessment, new.assessment, toolkaart):
        phase = phase_name(change.phase_id)
        for text in item_texts(change.phase_id, change.ticked):
            lines.append(t("project.diff.ticked", phase=phase, item=text))
        for text in item_texts(change.phase_id, change.unticked):
            lines.append(t("project.diff.unticked", phase=phase, item=text))
    old_log, new_log = old.assessment.decisions, new.assessment.decisions
    common = 0
    while common < min(len(old_log), len(new_log)) and old_log[common] == new_log[common]:
        common += 1
    for decision in new_log[common:]:
        lines.append(
            t(
                "project.diff.decision",
                phase=phase_name(decision.phase_id),
                answer=t(f"answer.{decision.answer.value}"),
                by=decision.decided_by or t("project.diff.nobody"),
                date=decision.decided_on.isoformat(),
                rationale=decision.rationale or "-",
            )
        )
    if common < len(old_log):
        lines.append(t("project.diff.log_rewritten", count=len(old_log) - common))
    for evidence in _added(old.evidence, new.evidence):
        (item,) = item_texts(evidence.phase_id, frozenset({evidence.item_id}))
        lines.append(t("project.diff.evidence", phase=phase_name(evidence.phase_id), item=item))
    for note in _added(old.notes, new.notes):
        lines.append(t("project.diff.note", phase=phase_name(note.phase_id)))
    for key, these, minus in (
        ("person_added", new.people, old.people),
        ("person_removed", old.people, new.people),
    ):
        for person in _counted(these, minus):
            actor_id = person.actor_id
            actor = toolkaart.actor(actor_id).name if toolkaart.has_actor(actor_id) else actor_id
            lines.append(t(f"project.diff.{key}", name=person.name, actor=actor))
    return tuple(lines)


def _added(old: tuple[Record, ...], new: tuple[Record, ...]) -> tuple[Record, ...]:
    """What ``new`` appended to ``old`` (records only grow: a rewritten start counts as new)."""
    common = 0
    while common < min(len(old), len(new)) and old[common] == new[common]:
        common += 1
    return new[common:]


def _counted(these: tuple[Person, ...], minus: tuple[Person, ...]) -> list[Person]:
    """``these`` without (one each of) ``minus``, in order."""
    rest = list(minus)
    out = []
    for person in these:
        if person in rest:
            rest.remove(person)
        else:
            out.append(person)
    return out


def conflict_message(conflict: ProjectConflict, toolkaart: Toolkaart) -> str:
    """The refused save's message with what others changed meanwhile and what it would have
    changed (one Dutch line each), so a person can judge whether to apply their change again."""
    base = conflict.base
    theirs = diff_projects(base or conflict.mine, conflict.current, toolkaart)
    mine = diff_projects(base or conflict.current, conflict.mine, toolkaart)
    none = [t("store.conflict.none")]
    lines = [str(conflict), "", t("store.conflict.changes")]
    lines += [f"- {line}" for line in theirs] or none
    lines += ["", t("store.conflict.mine")]
    lines += [f"- {line}" for line in mine] or none
    return "\n".join(lines)


def reapply_ticks(conflict: ProjectConflict, toolkaart: Toolkaart) -> Project:
    """The stored version with the refused save's ticks and unticks made again on top of it.

    What the other session changed stays; only the checklist items this session changed are set
    as it set them (items the content no longer has stay as the stored version has them). Details
    and decisions are not re-applied: a decision is decided again on the stored route, through
    ``Assessment.decide``.
    """
    walk = conflict.current.assessment
    base = (conflict.base or conflict.current).assessment
    for change in tick_changes(base, conflict.mine.assessment, toolkaart):
        if not toolkaart.has_phase(change.phase_id):
            continue
        known = {item.id for item in toolkaart.phase(change.phase_id).checklist}
        ticked = (walk.checked_in(change.phase_id) | change.ticked) - change.unticked
        walk = walk.with_checked(toolkaart, change.phase_id, ticked & known)
    return conflict.current.with_assessment(walk)
