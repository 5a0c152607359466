"""The Toolkaart as a graph: phase → next phase, phase → actor, phase → tool.

Nodes are ``(kind, id)`` tuples with kind ``phase``, ``actor`` or ``tool``. All queries the UI and the
exports need are here, so no page walks the content itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import networkx as nx

from toolkaart.content.models import Actor, Phase, Tool, Toolkaart

PHASE, ACTOR, TOOL = "phase", "actor", "tool"


@dataclass(frozen=True)
class Transition:
    """Who joins and who is no longer listed when moving from ``previous`` into ``phase``."""

    phase: Phase
    previous: Phase | None
    joining: tuple[Actor, ...]
    leaving: tuple[Actor, ...]


class ToolkaartGraph:
    """Read-only graph queries over one loaded Toolkaart.

    The content is frozen, so the answers a page asks for on every rerun (which phases list an
    actor or a tool, which list none) are worked out once, on first use, and kept with the graph.
    """

    def __init__(self, toolkaart: Toolkaart) -> None:
        self.toolkaart = toolkaart
        graph: nx.DiGraph[tuple[str, str]] = nx.DiGraph()
        for actor in toolkaart.actors:
            graph.add_node((ACTOR, actor.id))
        for tool in toolkaart.tools:
            graph.add_node((TOOL, tool.id))
        previous: Phase | None = None
        for phase in toolkaart.phases:
            node = (PHASE, phase.id)
            graph.add_node(node)
            if previous is not None:
                graph.add_edge((PHASE, previous.id), node, kind="next")
            graph.add_edges_from(((node, (ACTOR, a)) for a in phase.actors), kind="involves")
            graph.add_edges_from(((node, (TOOL, t)) for t in phase.tools), kind="uses")
            previous = phase
        self.graph = graph

    # phase → actors/tools, in the order the phase lists them
    def actors_of(self, phase_id: str) -> tuple[Actor, ...]:
        return tuple(self.toolkaart.actor(a) for a in self.toolkaart.phase(phase_id).actors)

    def tools_of(self, phase_id: str) -> tuple[Tool, ...]:
        return tuple(self.toolkaart.tool(t) for t in self.toolkaart.phase(phase_id).tools)

    # actor/tool → phases, in route order
    def phases_of_actor(self, actor_id: str) -> tuple[Phase, ...]:
        return self._phases_into((ACTOR, actor_id))

    def phases_of_tool(self, tool_id: str) -> tuple[Phase, ...]:
        return self._phases_into((TOOL, tool_id))

    def _phases_into(self, node: tuple[str, str]) -> tuple[Phase, ...]:
        return self._phases_by_node.get(node, ())

    @cached_property
    def _phases_by_node(self) -> dict[tuple[str, str], tuple[Phase, ...]]:
        """Actor or tool node → the phases listing it, in route order (each phase once)."""
        phases: dict[tuple[str, str], list[Phase]] = {}
        for phase in self.toolkaart.phases:
            for node in dict.fromkeys(self.graph.successors((PHASE, phase.id))):
                if node[0] != PHASE:
                    phases.setdefault(node, []).append(phase)
        return {node: tuple(listed) for node, listed in phases.items()}

    def transition(self, phase_id: str) -> Transition:
        """Actors who join at this phase and those no longer listed, versus the previous phase.

        At the first phase everyone listed joins and nobody leaves.
        """
        phase = self.toolkaart.phase(phase_id)
        previous = self.toolkaart.previous_phase(phase_id)
        before = set(previous.actors) if previous else set()
        now = set(phase.actors)
        joining = tuple(self.toolkaart.actor(a) for a in phase.actors if a not in before)
        leaving = tuple(
            self.toolkaart.actor(a) for a in (previous.actors if previous else ()) if a not in now
        )
        return Transition(phase, previous, joining, leaving)

    def actor_matrix(self) -> dict[str, dict[str, bool]]:
        """phase id → actor id → listed, for every phase and actor."""
        return {
            p.id: {a.id: a.id in set(p.actors) for a in self.toolkaart.actors}
            for p in self.toolkaart.phases
        }

    def tool_matrix(self) -> dict[str, dict[str, bool]]:
        """phase id → tool id → listed, for every phase and tool."""
        return {
            p.id: {t.id: t.id in set(p.tools) for t in self.toolkaart.tools}
            for p in self.toolkaart.phases
        }

    def unlinked_tools(self) -> tuple[Tool, ...]:
        """Tools on no phase: general background reading."""
        return self._unlinked_tools

    def unlinked_actors(self) -> tuple[Actor, ...]:
        return self._unlinked_actors

    @cached_property
    def _unlinked_tools(self) -> tuple[Tool, ...]:
        return tuple(t for t in self.toolkaart.tools if self.graph.in_degree((TOOL, t.id)) == 0)

    @cached_property
    def _unlinked_actors(self) -> tuple[Actor, ...]:
        return tuple(a for a in self.toolkaart.actors if self.graph.in_degree((ACTOR, a.id)) == 0)
