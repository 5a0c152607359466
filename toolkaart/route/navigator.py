"""Queries the navigator's pages ask of the content and of a walk, kept out of the pages.

- ``find_tools``: the tools page's search and filters;
- ``phase_in_view``: which phase a ``?fase=`` link shows (unknown ids fall back to the current phase);
- ``item_in_view``: which actor or tool a ``?actor=`` / ``?tool=`` link shows;
- ``route_states``: a walk's gate states in the shape the route map (``handbook.route_dot``) takes;
- ``link_host``: the site a link goes to, so a link can say where it leads.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import TypeVar
from urllib.parse import urlsplit

from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Actor, Phase, Tool, Toolkaart
from toolkaart.route.gates import RouteStatus


@lru_cache(maxsize=4096)  # the same tool texts are folded on every search, in every session
def _fold(text: str) -> str:
    """Lower case without accents, so 'patient' finds 'patiënt' and 'Video' finds 'video's'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def find_tools(
    graph: ToolkaartGraph,
    text: str = "",
    *,
    phase_id: str | None = None,
    actor_id: str | None = None,
) -> tuple[Tool, ...]:
    """The tools matching every given filter, in tool number order.

    ``text``: every word occurs in the tool's name or description (case and accents ignored).
    ``phase_id``: the tool is listed on that phase. ``actor_id``: the tool is listed on a phase on
    which that actor is listed too, i.e. the actor meets the tool somewhere along the route.
    """
    words = _fold(text).split()
    actor_phases = (
        {p.id for p in graph.phases_of_actor(actor_id)} if actor_id is not None else set()
    )
    found: list[Tool] = []
    for tool in graph.toolkaart.tools:
        if words:
            haystack = _fold(f"{tool.name} {tool.description}")
            if not all(word in haystack for word in words):
                continue
        tool_phases = {p.id for p in graph.phases_of_tool(tool.id)}
        if phase_id is not None and phase_id not in tool_phases:
            continue
        if actor_id is not None and not tool_phases & actor_phases:
            continue
        found.append(tool)
    return tuple(found)


def phase_in_view(
    toolkaart: Toolkaart, requested: str | None, status: RouteStatus
) -> tuple[Phase, bool]:
    """The phase a page shows for ``?fase=requested``, and whether the request was unknown.

    No or an unknown phase id shows the walk's current phase (the unknown id is reported so the page
    can say so instead of silently showing something else).
    """
    if requested and toolkaart.has_phase(requested):
        return toolkaart.phase(requested), False
    return toolkaart.phase(status.current_phase_id), bool(requested)


Item = TypeVar("Item", Actor, Tool)


def item_in_view(items: Sequence[Item], requested: str | None) -> tuple[Item | None, bool]:
    """The actor or tool a page shows for ``?actor=``/``?tool=requested``, and whether the request
    was unknown (the page says so instead of silently showing nothing)."""
    if not requested:
        return None, False
    found = next((item for item in items if item.id == requested), None)
    return found, found is None


def route_states(status: RouteStatus) -> dict[str, str]:
    """phase id → 'passed' / 'current' / 'locked', as ``export.route_dot`` colours them."""
    return {p.phase_id: p.state.value for p in status.phases}


def link_host(url: str) -> str:
    """The site an address leads to, for a link text: 'https://www.leidraad-ai.nl/x' → 'leidraad-ai.nl'."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")
