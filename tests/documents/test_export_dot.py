"""The DOT maps: every edge joins two declared nodes (a ':' in a node id would be read as a port)."""

from __future__ import annotations

import itertools
import re

from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Toolkaart
from toolkaart.documents.handbook import map_dot, route_dot

NODE = re.compile(r'^\s*("[^"]+"|\w+) \[', re.M)
EDGE = re.compile(r'^\s*("[^"]+"|[\w:]+) -> ("[^"]+"|[\w:]+)', re.M)


def _ids(dot: str) -> tuple[set[str], list[tuple[str, str]]]:
    nodes = {n.strip('"') for n in NODE.findall(dot) if n not in {"graph", "node", "edge"}}
    edges = [(a.strip('"'), b.strip('"')) for a, b in EDGE.findall(dot)]
    return nodes, edges


def test_map_edges_join_declared_nodes(toolkaart: Toolkaart, graph: ToolkaartGraph) -> None:
    nodes, edges = _ids(map_dot(toolkaart, highlight_phase="pilot-a"))
    assert len(nodes) == len(toolkaart.phases) + len(toolkaart.actors) + len(toolkaart.tools)
    assert not any(":" in node for node in nodes)
    expected = sum(len(p.actors) + len(p.tools) for p in toolkaart.phases)
    assert len(edges) == expected
    assert all(a in nodes and b in nodes for a, b in edges)


def test_route_edges_follow_the_phases(toolkaart: Toolkaart) -> None:
    nodes, edges = _ids(route_dot(toolkaart))
    ids = [p.id for p in toolkaart.phases]
    assert nodes == set(ids)
    assert edges == list(itertools.pairwise(ids))
