"""The state of a content set as programme staff need to see it: what is wrong, what is missing.

Built from a LoadResult, so it also describes broken content (then only the diagnostics are known:
the lists about links and addresses need valid content and stay empty).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from toolkaart.content.diagnostics import Diagnostic
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.loader import LoadResult
from toolkaart.content.models import Actor, ChecklistItem, Phase, Tool, Toolkaart


@dataclass(frozen=True)
class ContentHealth:
    toolkaart: Toolkaart | None
    errors: tuple[Diagnostic, ...]
    warnings: tuple[Diagnostic, ...]
    unlinked_tools: tuple[Tool, ...]
    unlinked_actors: tuple[Actor, ...]
    tools_without_address: tuple[Tool, ...]
    checklist_without_source: tuple[tuple[Phase, ChecklistItem], ...]

    @property
    def is_valid(self) -> bool:
        """True when the content loaded (warnings allowed)."""
        return self.toolkaart is not None


def content_health(result: LoadResult, graph: ToolkaartGraph | None = None) -> ContentHealth:
    """Summarise ``result``; pass the already built ``graph`` of its content to avoid rebuilding."""
    toolkaart = result.toolkaart
    if toolkaart is None:
        return ContentHealth(None, result.errors, result.warnings, (), (), (), ())
    graph = graph if graph is not None else ToolkaartGraph(toolkaart)
    return ContentHealth(
        toolkaart=toolkaart,
        errors=result.errors,
        warnings=result.warnings,
        unlinked_tools=graph.unlinked_tools(),
        unlinked_actors=graph.unlinked_actors(),
        tools_without_address=tuple(tool for tool in toolkaart.tools if tool.url is None),
        checklist_without_source=tuple(
            (phase, item)
            for phase in toolkaart.phases
            for item in phase.checklist
            if not item.source
        ),
    )


@dataclass(frozen=True)
class LinkTable:
    """Which phases list each actor (or tool): one row per item, one column per phase."""

    phases: tuple[Phase, ...]
    rows: tuple[tuple[Actor | Tool, tuple[bool, ...]], ...]


def link_table(graph: ToolkaartGraph, kind: Literal["actor", "tool"]) -> LinkTable:
    """The phase × actor or phase × tool matrix, items in content order, phases in route order."""
    toolkaart = graph.toolkaart
    matrix = graph.actor_matrix() if kind == "actor" else graph.tool_matrix()
    items: tuple[Actor | Tool, ...] = toolkaart.actors if kind == "actor" else toolkaart.tools
    return LinkTable(
        phases=toolkaart.phases,
        rows=tuple(
            (item, tuple(matrix[phase.id][item.id] for phase in toolkaart.phases)) for item in items
        ),
    )


__all__ = ["ContentHealth", "LinkTable", "content_health", "link_table"]
