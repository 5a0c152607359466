"""What a project's walk rests on, and what changed in the content since (issue 16, point 6).

Why: the content changes (staff add, remove or reword a checklist item, list a tool or an actor on
another phase) while projects are under way. A project remembers the content version of its last
decision (``Project.decided_with``); when the content served now has another version, the team
should see what changed since, and an item they had ticked must not silently disappear.

To say what changed we need what the old version held, long after its YAML is gone: an
``Outline`` is the small, stable part of a content version a walk rests on (per phase its id and
name, its checklist items' ids and texts, its tools and actors by id and name). The store records
the serving content's outline under its version; the 1.0.0 outline ships as data
(``content/shipped/outlines``). An outline's JSON carries its ``shape`` number, so that a later
change to this model reads old outlines (or knows it cannot) instead of failing.

``walk_changes`` compares two outlines; ``project_changes`` adds what one project had ticked.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib.resources import files
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.route.gates import Assessment
from toolkaart.route.project import Project

#: The outline's JSON shape; raise it (and read the old one) when the model below changes.
SHAPE: Literal[1] = 1


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Named(_Frozen):
    """A checklist item (``name`` is its text), a tool or an actor, as an outline keeps it."""

    id: str
    name: str


class OutlinePhase(_Frozen):
    id: str
    name: str
    items: tuple[Named, ...]
    tools: tuple[Named, ...]
    actors: tuple[Named, ...]


class Outline(_Frozen):
    """What a walk rests on in one content version: phases in route order, each with its checklist
    items, tools and actors."""

    shape: Literal[1] = SHAPE
    version: str
    phases: tuple[OutlinePhase, ...]

    def phase(self, phase_id: str) -> OutlinePhase | None:
        return next((phase for phase in self.phases if phase.id == phase_id), None)

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_json(cls, data: Any) -> Outline | None:
        """The outline ``data`` holds; None when it is of a shape this code cannot read."""
        try:
            return cls.model_validate(data)
        except ValidationError:
            return None


#: The last content outlined and its outline: a process serves one loaded content to every
#: session, and every save and every look back at a project on an earlier version asks for it.
_LAST_OUTLINED: tuple[Toolkaart, Outline] | None = None


def outline(toolkaart: Toolkaart) -> Outline:
    """The outline of a loaded content (made once per loaded content, not once per call)."""
    global _LAST_OUTLINED
    last = _LAST_OUTLINED
    if last is not None and last[0] is toolkaart:
        return last[1]
    made = _outline(toolkaart)
    _LAST_OUTLINED = (toolkaart, made)
    return made


def _outline(toolkaart: Toolkaart) -> Outline:
    return Outline(
        version=toolkaart.meta.version,
        phases=tuple(
            OutlinePhase(
                id=phase.id,
                name=phase.name,
                items=tuple(Named(id=item.id, name=item.text) for item in phase.checklist),
                tools=tuple(Named(id=i, name=toolkaart.tool(i).name) for i in phase.tools),
                actors=tuple(Named(id=i, name=toolkaart.actor(i).name) for i in phase.actors),
            )
            for phase in toolkaart.phases
        ),
    )


@cache
def shipped_outline(version: str) -> Outline | None:
    """The outline of an earlier version of the shipped content, kept as data; None if none."""
    folder = files("toolkaart.content") / "shipped" / "outlines"
    candidate = folder / f"{version}.json"
    if "/" in version or not candidate.is_file():
        return None
    return Outline.from_json(json.loads(candidate.read_text(encoding="utf-8")))


def shipped_outlines() -> tuple[Outline, ...]:
    """Every outline shipped with the package, oldest version file first."""
    folder = files("toolkaart.content") / "shipped" / "outlines"
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".json"))
    found = (shipped_outline(name.removesuffix(".json")) for name in names)
    return tuple(known for known in found if known is not None)


class ChangeKind(StrEnum):
    """What changed on a phase (the catalog says it in Dutch: ``changes.kind.<value>``)."""

    ITEM_ADDED = "item_added"
    ITEM_REWORDED = "item_reworded"
    ITEM_REMOVED = "item_removed"
    TOOL_ADDED = "tool_added"
    TOOL_REMOVED = "tool_removed"
    ACTOR_ADDED = "actor_added"
    ACTOR_REMOVED = "actor_removed"


@dataclass(frozen=True)
class ContentChange:
    """One change on one phase: ``name`` is the item's text (or the tool's or actor's name) as it
    reads now, or as it read for something removed; ``old_name`` the text before a rewording."""

    kind: ChangeKind
    phase_id: str
    phase_name: str
    id: str
    name: str
    old_name: str = ""


_EMPTY = OutlinePhase(id="", name="", items=(), tools=(), actors=())


def walk_changes(old: Outline, new: Outline) -> tuple[ContentChange, ...]:
    """What changed from ``old`` to ``new``, phase by phase in ``new``'s route order (a phase only
    ``old`` has comes last): per phase items added, reworded and removed, then tools and actors
    added and removed. A phase added or removed shows as all its parts added or removed; an item
    moved to another phase as removed from one and added to the other (ticks are per phase)."""
    ids = [phase.id for phase in new.phases]
    ids += [phase.id for phase in old.phases if phase.id not in ids]
    changes: list[ContentChange] = []
    for phase_id in ids:
        before, after = old.phase(phase_id) or _EMPTY, new.phase(phase_id) or _EMPTY
        name = after.name or before.name

        def change(kind: ChangeKind, part: Named, old_name: str = "") -> ContentChange:
            return ContentChange(kind, phase_id, name, part.id, part.name, old_name)  # noqa: B023

        was = {item.id: item.name for item in before.items}
        changes += [change(ChangeKind.ITEM_ADDED, i) for i in after.items if i.id not in was]
        changes += [
            change(ChangeKind.ITEM_REWORDED, i, was[i.id])
            for i in after.items
            if i.id in was and was[i.id] != i.name
        ]
        changes += [change(ChangeKind.ITEM_REMOVED, i) for i in _missing(before.items, after.items)]
        for parts, added, removed in (
            ("tools", ChangeKind.TOOL_ADDED, ChangeKind.TOOL_REMOVED),
            ("actors", ChangeKind.ACTOR_ADDED, ChangeKind.ACTOR_REMOVED),
        ):
            then, now = getattr(before, parts), getattr(after, parts)
            changes += [change(added, part) for part in _missing(now, then)]
            changes += [change(removed, part) for part in _missing(then, now)]
    return tuple(changes)


def _missing(these: Iterable[Named], others: Iterable[Named]) -> list[Named]:
    """``these`` whose id ``others`` lacks, in order."""
    known = {part.id for part in others}
    return [part for part in these if part.id not in known]


@dataclass(frozen=True)
class ProjectChanges:
    """What changed in the content between a project's last decision and now.

    ``changes`` is None when the outline of ``since`` is not known (recorded nowhere): the pages
    then say that the content changed, not what. ``ticked`` holds (phase id, item id) of removed
    items the project had ticked; its walk keeps them (``Assessment.with_checked``).
    """

    since: str
    serving: str
    changes: tuple[ContentChange, ...] | None
    ticked: frozenset[tuple[str, str]] = field(default_factory=frozenset)

    def in_phase(self, phase_id: str) -> tuple[ContentChange, ...]:
        return tuple(change for change in self.changes or () if change.phase_id == phase_id)

    def new_items(self, phase_id: str) -> frozenset[str]:
        """The ids of the phase's checklist items added since the last decision."""
        return frozenset(
            change.id for change in self.in_phase(phase_id) if change.kind is ChangeKind.ITEM_ADDED
        )

    def was_ticked(self, change: ContentChange) -> bool:
        return (
            change.kind is ChangeKind.ITEM_REMOVED and (change.phase_id, change.id) in self.ticked
        )


def project_changes(
    since: str, assessment: Assessment, old: Outline | None, toolkaart: Toolkaart
) -> ProjectChanges | None:
    """What changed for a walk whose last decision was made with content version ``since``
    (``Project.content_version``), given that version's outline ``old`` (None: unknown).

    None when there is nothing to say: no version recorded yet, or the serving one.
    """
    serving = toolkaart.meta.version
    if not since or since == serving:
        return None
    if old is None:
        return ProjectChanges(since, serving, None)
    changes = walk_changes(old, outline(toolkaart))
    ticked = frozenset(
        (change.phase_id, change.id)
        for change in changes
        if change.kind is ChangeKind.ITEM_REMOVED
        and change.id in assessment.checked_in(change.phase_id)
    )
    return ProjectChanges(since, serving, changes, ticked)


def retired_ticks(assessment: Assessment, toolkaart: Toolkaart, phase_id: str) -> tuple[str, ...]:
    """The ids ticked on ``phase_id`` that its checklist no longer has, sorted: the walk keeps
    them (vervallen), the pages show them read-only."""
    if not toolkaart.has_phase(phase_id):
        return tuple(sorted(assessment.checked_in(phase_id)))
    current = {item.id for item in toolkaart.phase(phase_id).checklist}
    return tuple(sorted(assessment.checked_in(phase_id) - current))


def item_texts(outlines: Iterable[Outline]) -> Mapping[tuple[str, str], str]:
    """(phase id, item id) → the item's text, from ``outlines`` (a later one wins): how the pages
    name an item the content no longer has."""
    return {
        (phase.id, item.id): item.name
        for known in outlines
        for phase in known.phases
        for item in phase.items
    }


def retired_items(
    outlines: Iterable[Outline], toolkaart: Toolkaart
) -> Mapping[str, frozenset[str]]:
    """Per phase, the checklist item ids some known earlier version had there and the content no
    longer has: an imported walk may hold them (kept as vervallen), no other unknown id."""
    retired: dict[str, set[str]] = {}
    for known in outlines:
        for phase in known.phases:
            current = (
                {item.id for item in toolkaart.phase(phase.id).checklist}
                if toolkaart.has_phase(phase.id)
                else set()
            )
            gone = {item.id for item in phase.items} - current
            if gone:
                retired.setdefault(phase.id, set()).update(gone)
    return {phase_id: frozenset(ids) for phase_id, ids in retired.items()}


def describe(
    change: ContentChange, changes: ProjectChanges, escape: Callable[[str], str] = str
) -> str:
    """One change in Dutch, for a person; ``escape`` is applied to the content's texts in it (a
    page shows them as plain text)."""
    key = f"changes.kind.{change.kind.value}"
    if changes.was_ticked(change):
        key += ".ticked"
    return t(key, name=escape(change.name), old=escape(change.old_name))


def headline(changes: ProjectChanges, decided: bool, escape: Callable[[str], str] = str) -> str:
    """What a page or report says first: the content changed since the last decision (or since the
    project was made, before one), from which version to which."""
    key = "changes.notice" if decided else "changes.notice.undecided"
    return t(key, since=escape(changes.since), serving=escape(changes.serving))


def by_phase(changes: ProjectChanges) -> tuple[tuple[str, tuple[ContentChange, ...]], ...]:
    """The changes grouped per phase (its name), in route order."""
    groups: dict[str, list[ContentChange]] = {}
    for change in changes.changes or ():
        groups.setdefault(change.phase_name, []).append(change)
    return tuple((name, tuple(group)) for name, group in groups.items())


@dataclass(frozen=True)
class Lookback:
    """What a page or a report says about the content changes for one project: the changes since
    its last decision (None: nothing to say) and the texts of the ticked items the content no
    longer has (by (phase id, item id); an item no known outline names shows as its id)."""

    changes: ProjectChanges | None = None
    names: Mapping[tuple[str, str], str] = field(default_factory=dict)

    def name(self, phase_id: str, item_id: str) -> str:
        return self.names.get((phase_id, item_id), item_id)


def lookback(
    project: Project,
    toolkaart: Toolkaart,
    outline_of: Callable[[str], Outline | None],
    known_outlines: Callable[[], Iterable[Outline]],
) -> Lookback:
    """The ``Lookback`` of ``project``: ``outline_of`` gives an earlier version's outline (the
    store's, or the shipped one), ``known_outlines`` every known one; asked for only when the
    project rests on another version, or keeps ticks the baseline's outline cannot name."""
    walk = project.assessment
    since = project.content_version
    old = outline_of(since) if since and since != toolkaart.meta.version else None
    changes = project_changes(since, walk, old, toolkaart)
    retired = {
        (phase, item) for phase in walk.checked for item in retired_ticks(walk, toolkaart, phase)
    }
    names = item_texts([old] if old is not None else [])
    if retired - set(names):
        names = item_texts(known_outlines())
    return Lookback(changes, {key: names[key] for key in retired if key in names})
