"""Exports of the whole Toolkaart: JSON (a stable contract), a Markdown handbook and DOT maps.

The JSON contract (``JSON_FORMAT_VERSION``) is documented in README.md; change it only by adding
fields.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import graphviz

from toolkaart.graph import ToolkaartGraph
from toolkaart.models import Toolkaart

JSON_FORMAT_VERSION = 1


def to_dict(toolkaart: Toolkaart) -> dict[str, Any]:
    """The JSON contract as plain data: phases in route order, ``url`` None where there is none."""
    return {
        "format_version": JSON_FORMAT_VERSION,
        "content_version": toolkaart.meta.version,
        "content_date": toolkaart.meta.date.isoformat(),
        "phases": [
            {
                "id": p.id,
                "number": p.number,
                "name": p.name,
                "key_question": p.key_question,
                "goal": p.goal,
                "tools": list(p.tools),
                "actors": list(p.actors),
                "checklist": [
                    {
                        "id": item.id,
                        "text": item.text,
                        "source": item.source,
                        "tools": list(item.tools),
                        "actors": list(item.actors),
                    }
                    for item in p.checklist
                ],
            }
            for p in toolkaart.phases
        ],
        "actors": [
            {"id": a.id, "number": a.number, "name": a.name, "description": a.description}
            for a in toolkaart.actors
        ],
        "tools": [
            {
                "id": t.id,
                "number": t.number,
                "name": t.name,
                "description": t.description,
                "url": t.url,
            }
            for t in toolkaart.tools
        ],
    }


def to_json(toolkaart: Toolkaart) -> str:
    return json.dumps(to_dict(toolkaart), ensure_ascii=False, indent=2) + "\n"


def _link(name: str, url: str | None) -> str:
    return f"[{name}]({url})" if url else f"{name} (geen webadres bekend)"


def to_markdown(toolkaart: Toolkaart) -> str:
    """A readable handbook of the whole Toolkaart, in Dutch."""
    graph = ToolkaartGraph(toolkaart)
    meta = toolkaart.meta
    out: list[str] = [
        f"# {meta.title}",
        "",
        f"Inhoud {meta.label}. Bron: {meta.source}.",
        "",
        meta.introduction,
        "",
        "## De route",
        "",
    ]
    out += [f"{p.number}. **{p.name}**: {p.key_question}" for p in toolkaart.phases]
    for phase in toolkaart.phases:
        transition = graph.transition(phase.id)
        out += [
            "",
            f"## Fase {phase.number}: {phase.name}",
            "",
            f"**Kernvraag:** {phase.key_question}",
            "",
            f"**Doel:** {phase.goal}",
            "",
            "### Checklist",
            "",
        ]
        for item in phase.checklist:
            out.append(f"- [ ] {item.text}")
            if item.source:
                out.append(f"  *Bron: {item.source}*")
        out += ["", "### Hulpmiddelen", ""]
        out += [f"- {_link(t.name, t.url)}" for t in graph.tools_of(phase.id)]
        out += ["", "### Actoren", ""]
        out += [f"- **{a.name}**: {a.description}" for a in graph.actors_of(phase.id)]
        if transition.previous is not None:
            joining = ", ".join(a.name for a in transition.joining) or "niemand"
            leaving = ", ".join(a.name for a in transition.leaving) or "niemand"
            out += ["", f"Nieuw in deze fase: {joining}. Niet meer genoemd: {leaving}."]
    out += ["", "## Actoren", ""]
    for actor in toolkaart.actors:
        phases = ", ".join(p.name for p in graph.phases_of_actor(actor.id)) or "geen fase"
        out.append(f"{actor.number}. **{actor.name}**: {actor.description} Fases: {phases}.")
    out += ["", "## Hulpmiddelen", ""]
    for tool in toolkaart.tools:
        phases = ", ".join(p.name for p in graph.phases_of_tool(tool.id)) or "achtergrond"
        out.append(
            f"{tool.number}. **{_link(tool.name, tool.url)}**: {tool.description} Fases: {phases}."
        )
    background = graph.unlinked_tools()
    if background:
        out += ["", "### Algemene achtergrond (bij geen enkele fase)", ""]
        out += [f"- {_link(t.name, t.url)}" for t in background]
    if meta.changelog:
        out += ["", "## Wijzigingen in de inhoud", ""]
        for entry in meta.changelog:
            out.append(f"- **{entry.version}** ({entry.date.isoformat()})")
            out += [f"  - {change}" for change in entry.changes]
    return "\n".join(out) + "\n"


#: Colours of the map; the status colours double as text in the map's alternative text.
_PHASE_FILL = {"passed": "#c8e6c9", "current": "#fff59d", "locked": "#eeeeee", "open": "#ffffff"}


def route_dot(toolkaart: Toolkaart, states: Mapping[str, str] | None = None) -> str:
    """The route of phases left to right; ``states`` maps phase id to passed/current/locked."""
    dot = graphviz.Digraph("route", graph_attr={"rankdir": "LR", "bgcolor": "transparent"})
    dot.attr("node", shape="box", style="rounded,filled", fontname="Helvetica")
    for phase in toolkaart.phases:
        state = (states or {}).get(phase.id, "open")
        label = f"{phase.number}. {phase.name}\n{phase.key_question}"
        dot.node(phase.id, label, fillcolor=_PHASE_FILL.get(state, "#ffffff"))
        previous = toolkaart.previous_phase(phase.id)
        if previous is not None:
            dot.edge(previous.id, phase.id)
    return str(dot.source)


def map_dot(toolkaart: Toolkaart, highlight_phase: str | None = None) -> str:
    """Phase → actor/tool map; with ``highlight_phase`` that phase's links stand out."""
    graph = ToolkaartGraph(toolkaart)
    dot = graphviz.Digraph("toolkaart", graph_attr={"rankdir": "LR", "bgcolor": "transparent"})
    dot.attr("node", fontname="Helvetica")
    highlighted_actors = set(toolkaart.phase(highlight_phase).actors) if highlight_phase else set()
    highlighted_tools = set(toolkaart.phase(highlight_phase).tools) if highlight_phase else set()
    dim = "#bbbbbb"
    with dot.subgraph(name="cluster_phases") as phases:
        phases.attr(label="Fases", style="dashed")
        for phase in toolkaart.phases:
            on = highlight_phase is None or phase.id == highlight_phase
            phases.node(
                f"phase_{phase.id}",
                f"{phase.number}. {phase.name}",
                shape="box",
                style="rounded,filled",
                fillcolor="#fff59d" if phase.id == highlight_phase else "#ffffff",
                color="black" if on else dim,
            )
    for actor in toolkaart.actors:
        on = highlight_phase is None or actor.id in highlighted_actors
        dot.node(
            f"actor_{actor.id}",
            actor.name,
            shape="ellipse",
            color="#1565c0" if on else dim,
            fontcolor="black" if on else dim,
        )
    for tool in toolkaart.tools:
        on = highlight_phase is None or tool.id in highlighted_tools
        dot.node(
            f"tool_{tool.id}",
            f"{tool.number}. {tool.name}",
            shape="note",
            color="#2e7d32" if on else dim,
            fontcolor="black" if on else dim,
        )
    for phase in toolkaart.phases:
        on = highlight_phase is None or phase.id == highlight_phase
        edge_colour = "black" if on else "#dddddd"
        for actor in graph.actors_of(phase.id):
            dot.edge(f"phase_{phase.id}", f"actor_{actor.id}", color=edge_colour)
        for tool in graph.tools_of(phase.id):
            dot.edge(f"phase_{phase.id}", f"tool_{tool.id}", color=edge_colour)
    return str(dot.source)


def to_dot(toolkaart: Toolkaart) -> str:
    return map_dot(toolkaart)
