"""The phase maps as DOT, built once per loaded content and phase (not on every rerun)."""

from __future__ import annotations

from toolkaart.content.graph import ToolkaartGraph
from toolkaart.documents.handbook import map_dot
from toolkaart.web.content_cache import once_per_content


def phase_map(graph: ToolkaartGraph, phase_id: str) -> str:
    """The Toolkaart map (DOT) with ``phase_id``'s actors and tools highlighted."""
    return once_per_content(
        graph,
        ("phase_map", phase_id),
        lambda: map_dot(graph.toolkaart, highlight_phase=phase_id, graph=graph),
    )
