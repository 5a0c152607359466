"""What changed between two loaded versions of the content: items added, removed and changed.

Items are matched by their stable ``id`` (the content's contract), so renaming a phase is a change
of its ``name`` while changing an id is the removal of one item and the addition of another. A
checklist item is matched across phases (its id is unique in the whole content) and carries the
phase it sits on as a pseudo-field ``phase``, so moving it to another phase shows as a change.
A phase's ``checklist`` is not compared as a field of the phase: its items are compared one by one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from toolkaart.content.models import Toolkaart

ItemKind = Literal["meta", "phase", "actor", "tool", "checklist"]

#: Order in which kinds are listed.
KINDS: tuple[ItemKind, ...] = ("meta", "phase", "actor", "tool", "checklist")

META_ID = "meta"


@dataclass(frozen=True)
class ItemRef:
    """One content item: its kind, id and the name people know it by."""

    kind: ItemKind
    id: str
    name: str


@dataclass(frozen=True)
class ItemChange:
    """An item present in both versions, with the fields whose value differs (in model order)."""

    item: ItemRef
    fields: tuple[str, ...]


@dataclass(frozen=True)
class ContentDiff:
    added: tuple[ItemRef, ...]
    removed: tuple[ItemRef, ...]
    changed: tuple[ItemChange, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass(frozen=True)
class _Entry:
    ref: ItemRef
    values: dict[str, Any]


def _values(model: BaseModel, exclude: Iterable[str] = ()) -> dict[str, Any]:
    skip = set(exclude)
    return {name: value for name, value in model.model_dump().items() if name not in skip}


def _entries(toolkaart: Toolkaart) -> dict[tuple[ItemKind, str], _Entry]:
    """Every item keyed by (kind, id), in content order."""
    entries: dict[tuple[ItemKind, str], _Entry] = {}

    def add(kind: ItemKind, item_id: str, name: str, values: dict[str, Any]) -> None:
        entries[(kind, item_id)] = _Entry(ItemRef(kind, item_id, name), values)

    add("meta", META_ID, toolkaart.meta.title, _values(toolkaart.meta))
    for phase in toolkaart.phases:
        add("phase", phase.id, phase.name, _values(phase, exclude=("checklist",)))
    for actor in toolkaart.actors:
        add("actor", actor.id, actor.name, _values(actor))
    for tool in toolkaart.tools:
        add("tool", tool.id, tool.name, _values(tool))
    for phase in toolkaart.phases:
        for item in phase.checklist:
            add("checklist", item.id, item.text, {**_values(item), "phase": phase.id})
    return entries


def _by_kind(refs: Iterable[ItemRef]) -> tuple[ItemRef, ...]:
    order = {kind: index for index, kind in enumerate(KINDS)}
    return tuple(sorted(refs, key=lambda ref: order[ref.kind]))  # stable: content order per kind


def _changed_fields(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[str, ...]:
    names = list(old) + [name for name in new if name not in old]
    return tuple(name for name in names if old.get(name) != new.get(name))


def diff_toolkaarts(old: Toolkaart, new: Toolkaart) -> ContentDiff:
    """Items added, removed and changed going from ``old`` to ``new``."""
    before, after = _entries(old), _entries(new)
    added = _by_kind(entry.ref for key, entry in after.items() if key not in before)
    removed = _by_kind(entry.ref for key, entry in before.items() if key not in after)
    changes: list[ItemChange] = []
    for key, entry in after.items():
        if key in before:
            fields = _changed_fields(before[key].values, entry.values)
            if fields:
                changes.append(ItemChange(entry.ref, fields))
    order = {kind: index for index, kind in enumerate(KINDS)}
    changed = tuple(sorted(changes, key=lambda change: order[change.item.kind]))
    return ContentDiff(added, removed, changed)


__all__ = ["KINDS", "ContentDiff", "ItemChange", "ItemKind", "ItemRef", "diff_toolkaarts"]
