"""The DOT maps: every edge joins two declared nodes (a ':' in a node id would be read as a port),
the phases keep the route's order, and every drawn object has a Dutch tooltip, so the SVG a
browser draws names nothing by its internal id."""

from __future__ import annotations

import itertools
import re

from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Toolkaart
from toolkaart.documents.handbook import DIM_BORDER, DIM_LINE, DIM_TEXT, map_dot, route_dot

NODE = re.compile(r'^\s*("[^"]+"|\w+) \[', re.M)
EDGE = re.compile(r'^\s*("[^"]+"|[\w:]+) -> ("[^"]+"|[\w:]+)(.*)$', re.M)
#: A node statement with its attributes, which may span lines (wrapped labels).
STATEMENT = re.compile(r'^\s*("[^"]+"|\w+) \[((?:[^"\]]|"[^"]*")*)\]', re.M)
TOOLTIP = re.compile(r'tooltip="([^"]*)"')


def _ids(dot: str) -> tuple[set[str], list[tuple[str, str, str]]]:
    nodes = {n.strip('"') for n in NODE.findall(dot) if n not in {"graph", "node", "edge"}}
    edges = [(a.strip('"'), b.strip('"'), rest) for a, b, rest in EDGE.findall(dot)]
    return nodes, edges


def test_map_edges_join_declared_nodes(toolkaart: Toolkaart, graph: ToolkaartGraph) -> None:
    nodes, edges = _ids(map_dot(toolkaart, highlight_phase="pilot-a"))
    assert len(nodes) == len(toolkaart.phases) + len(toolkaart.actors) + len(toolkaart.tools)
    assert not any(":" in node for node in nodes)
    drawn = [(a, b) for a, b, rest in edges if "invis" not in rest]
    expected = sum(len(p.actors) + len(p.tools) for p in toolkaart.phases)
    assert len(drawn) == expected
    assert all(a in nodes and b in nodes for a, b, _ in edges)
    pilot = graph.actors_of("pilot-a")[0]
    assert (f"actor_{pilot.id}", "phase_pilot-a") in drawn  # actors stand left of the phases


def test_map_keeps_the_phases_in_route_order(toolkaart: Toolkaart) -> None:
    _, edges = _ids(map_dot(toolkaart))
    order = [(a, b) for a, b, rest in edges if "invis" in rest]
    ids = [f"phase_{p.id}" for p in toolkaart.phases]
    assert order == list(itertools.pairwise(ids))


def test_route_edges_follow_the_phases(toolkaart: Toolkaart) -> None:
    nodes, edges = _ids(route_dot(toolkaart))
    ids = [p.id for p in toolkaart.phases]
    assert nodes == set(ids)
    assert [(a, b) for a, b, _ in edges] == list(itertools.pairwise(ids))


def test_every_node_has_its_dutch_name_as_tooltip(toolkaart: Toolkaart) -> None:
    for dot in (map_dot(toolkaart, highlight_phase="idee"), route_dot(toolkaart)):
        nodes = [
            attributes
            for name, attributes in STATEMENT.findall(dot)
            if name not in {"graph", "node", "edge"}
        ]
        assert len(nodes) >= len(toolkaart.phases)
        tips = [TOOLTIP.search(attributes) for attributes in nodes]
        assert all(tips), [node for node, tip in zip(nodes, tips, strict=True) if tip is None]
        assert not any(re.search(r"phase_|actor_|tool_", tip.group(1)) for tip in tips if tip)
        assert 'edge [tooltip=" "]' in dot  # lines say nothing on their own
    map_tips = TOOLTIP.findall(map_dot(toolkaart))
    assert f"{toolkaart.phases[0].number}. {toolkaart.phases[0].name}" in map_tips
    assert toolkaart.actors[0].name in map_tips


def test_dimmed_parts_are_no_faint_grey(toolkaart: Toolkaart) -> None:
    """What lies outside the highlighted phase is drawn in the greys that keep 4.5:1 (text) and
    3:1 (borders, lines) on white; the faint #bbbbbb and #dddddd (1.9:1, 1.4:1) are gone."""
    dot = map_dot(toolkaart, highlight_phase="idee")
    assert f'fontcolor="{DIM_TEXT}"' in dot
    assert f'color="{DIM_BORDER}"' in dot
    assert f'color="{DIM_LINE}"' in dot
    assert "#bbbbbb" not in dot and "#dddddd" not in dot


def test_a_content_name_in_angle_brackets_is_text_not_an_html_label(toolkaart: Toolkaart) -> None:
    # Graphviz reads a label between '<' and '>' as HTML, where a table cell can carry a link
    hostile = '<TABLE><TR><TD HREF="https://evil.example">Log in</TD></TR></TABLE>'
    actor = toolkaart.actors[0].model_copy(update={"name": hostile})
    phase = toolkaart.phases[0].model_copy(update={"name": hostile})
    changed = toolkaart.model_copy(
        update={"actors": (actor, *toolkaart.actors[1:]), "phases": (phase, *toolkaart.phases[1:])}
    )
    for dot in (map_dot(changed, highlight_phase=phase.id), route_dot(changed)):
        assert "=<TABLE" not in dot  # no HTML label or tooltip
        written = hostile.replace('"', '\\"')  # a quoted DOT string, its quotes escaped
        assert f'tooltip="{written}"' in dot or f'tooltip="1. {written}' in dot
