"""A project on the route: who it is, and its walk (an Assessment) through the gates."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field, replace

from toolkaart.content.models import Toolkaart
from toolkaart.errors import ProjectConflict, ProjectError
from toolkaart.i18n.catalog import t
from toolkaart.route.gates import Assessment, RouteStatus
from toolkaart.user_text import one_line, paragraph


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Project:
    """A project team's AI application and its walk along the route.

    ``version`` counts saves: the store refuses to save over a newer version than the one read.
    ``updated_at`` is the time of the last change to the project or its walk.
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

    def status(self, toolkaart: Toolkaart) -> RouteStatus:
        return self.assessment.status(toolkaart)

    def with_assessment(self, assessment: Assessment) -> Project:
        return replace(self, assessment=assessment)


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
    return tuple(lines)


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
    as it set them (items the content no longer has are left out). Details and decisions are not
    re-applied: a decision is decided again on the stored route, through ``Assessment.decide``.
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
