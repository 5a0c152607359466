"""Typed, immutable models of the Toolkaart content.

Every model is frozen (content is shared between Streamlit sessions, so nobody may mutate it) and
forbids unknown fields (a misspelt key in YAML is an error, not silently ignored).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

from toolkaart.i18n.catalog import t
from toolkaart.i18n.dates import date_label

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_WHITESPACE = re.compile(r"\s")

MIN_CHECKLIST_ITEMS = 4
MAX_CHECKLIST_ITEMS = 10


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


def is_https_address(value: str) -> bool:
    """True for an absolute https address with a host name and no whitespace."""
    if _WHITESPACE.search(value):
        return False
    try:
        parts = urlsplit(value)
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme == "https" and "." in host and port_ok and not parts.username


class ChecklistItem(_Frozen):
    """One check that helps a team answer a phase's key question."""

    id: str = Field(pattern=SLUG_PATTERN, max_length=80)
    text: str = Field(min_length=1, max_length=1000)
    source: str | None = Field(
        default=None,
        max_length=1000,
        description="The seed fact this item rests on: document, place and fact.",
    )
    tools: tuple[str, ...] = Field(default=(), description="Ids of the tools this item is about.")
    actors: tuple[str, ...] = Field(default=(), description="Ids of the actors this item is about.")


class Phase(_Frozen):
    """A phase of the route, with its key question that acts as the gate."""

    id: str = Field(pattern=SLUG_PATTERN, max_length=80)
    number: int = Field(ge=1, strict=True, description="Position in the route, counting from 1.")
    name: str = Field(min_length=1, max_length=200)
    key_question: str = Field(min_length=1, max_length=500)
    goal: str = Field(min_length=1, max_length=2000)
    tools: tuple[str, ...] = Field(default=(), description="Ids of the tools listed on this phase.")
    actors: tuple[str, ...] = Field(default=(), description="Ids of the actors on this phase.")
    checklist: tuple[ChecklistItem, ...] = Field(
        min_length=MIN_CHECKLIST_ITEMS, max_length=MAX_CHECKLIST_ITEMS
    )


class Actor(_Frozen):
    """A stakeholder to involve."""

    id: str = Field(pattern=SLUG_PATTERN, max_length=80)
    number: int = Field(ge=1, strict=True)
    name: str = Field(min_length=1, max_length=200)
    description: str = Field(min_length=1, max_length=4000)


class Tool(_Frozen):
    """A report or guide that helps answer a key question."""

    id: str = Field(pattern=SLUG_PATTERN, max_length=80)
    number: int = Field(ge=1, strict=True)
    name: str = Field(min_length=1, max_length=300)
    description: str = Field(min_length=1, max_length=4000)
    url: str | None = Field(default=None, max_length=2000, description="An https address.")

    @field_validator("url")
    @classmethod
    def _https_only(cls, value: str | None) -> str | None:
        if value is not None and not is_https_address(value):
            raise ValueError(t("content.value.not_https", value=value))  # the loader shows it as is
        return value


class ChangelogEntry(_Frozen):
    version: str = Field(min_length=1, max_length=40)
    date: dt.date
    changes: tuple[str, ...] = Field(min_length=1)


class Meta(_Frozen):
    """Version, date and provenance of a content set."""

    version: str = Field(min_length=1, max_length=40)
    date: dt.date
    title: str = Field(min_length=1, max_length=300)
    source: str = Field(min_length=1, max_length=1000)
    introduction: str = Field(min_length=1, max_length=5000)
    #: The route: every phase id in order, declared once here, so that a phases.yaml cut short
    #: (or a phase deleted by mistake) is an error and not a shorter route.
    route: tuple[Annotated[str, Field(pattern=SLUG_PATTERN, max_length=80)], ...] = Field(
        min_length=1
    )
    changelog: tuple[ChangelogEntry, ...] = ()

    @property
    def label(self) -> str:
        """The version as shown to people: 'versie 1.0.0 (22 november 2026)'."""
        return t("content.version_label", version=self.version, date=date_label(self.date))


class PhasesFile(_Frozen):
    phases: tuple[Phase, ...] = Field(min_length=1)


class ActorsFile(_Frozen):
    actors: tuple[Actor, ...] = Field(min_length=1)


class ToolsFile(_Frozen):
    tools: tuple[Tool, ...] = Field(min_length=1)


class Toolkaart(_Frozen):
    """The whole, validated content: phases in route order, actors and tools in number order."""

    meta: Meta
    phases: tuple[Phase, ...]
    actors: tuple[Actor, ...]
    tools: tuple[Tool, ...]

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {phase.id: position for position, phase in enumerate(self.phases)}

    @cached_property
    def _actors_by_id(self) -> dict[str, Actor]:
        return {actor.id: actor for actor in self.actors}

    @cached_property
    def _tools_by_id(self) -> dict[str, Tool]:
        return {tool.id: tool for tool in self.tools}

    def has_phase(self, phase_id: str) -> bool:
        return phase_id in self._positions

    def phase(self, phase_id: str) -> Phase:
        """The phase with this id; KeyError when there is none."""
        return self.phases[self._positions[phase_id]]

    def has_actor(self, actor_id: str) -> bool:
        return actor_id in self._actors_by_id

    def actor(self, actor_id: str) -> Actor:
        return self._actors_by_id[actor_id]

    def tool(self, tool_id: str) -> Tool:
        return self._tools_by_id[tool_id]

    def position(self, phase_id: str) -> int:
        """0-based position of the phase in the route."""
        return self._positions[phase_id]

    def previous_phase(self, phase_id: str) -> Phase | None:
        position = self._positions[phase_id]
        return self.phases[position - 1] if position > 0 else None

    def next_phase(self, phase_id: str) -> Phase | None:
        position = self._positions[phase_id]
        return self.phases[position + 1] if position + 1 < len(self.phases) else None


#: The content files, their top-level key, and the model that validates them.
CONTENT_FILES: dict[str, type[_Frozen]] = {
    "meta.yaml": Meta,
    "phases.yaml": PhasesFile,
    "actors.yaml": ActorsFile,
    "tools.yaml": ToolsFile,
}

__all__ = [
    "CONTENT_FILES",
    "MAX_CHECKLIST_ITEMS",
    "MIN_CHECKLIST_ITEMS",
    "SLUG_PATTERN",
    "Actor",
    "ChangelogEntry",
    "ChecklistItem",
    "Meta",
    "Phase",
    "Tool",
    "Toolkaart",
    "is_https_address",
]
