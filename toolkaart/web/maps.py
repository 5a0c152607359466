"""The phase maps as DOT, built once per loaded content and phase (not on every rerun)."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from toolkaart.export import map_dot
from toolkaart.graph import ToolkaartGraph

# Keyed on the graph object: a content reload makes a new graph, so stale maps go with the old one.
_PHASE_MAPS: WeakKeyDictionary[ToolkaartGraph, dict[str, str]] = WeakKeyDictionary()


def phase_map(graph: ToolkaartGraph, phase_id: str) -> str:
    """The Toolkaart map (DOT) with ``phase_id``'s actors and tools highlighted."""
    maps = _PHASE_MAPS.setdefault(graph, {})
    if phase_id not in maps:
        maps[phase_id] = map_dot(graph.toolkaart, highlight_phase=phase_id, graph=graph)
    return maps[phase_id]
