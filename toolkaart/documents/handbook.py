"""Exports of the whole Toolkaart: JSON (a stable contract), a Markdown handbook and DOT maps.

The JSON contract (``JSON_FORMAT_VERSION``) is documented in README.md; change it only by adding
fields.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, Final

import graphviz

from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Actor, Phase, Toolkaart
from toolkaart.documents.markdown import HARD_BREAK, heading, paragraphs, plain
from toolkaart.i18n.catalog import t
from toolkaart.i18n.dates import date_label

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
                "id": tool.id,
                "number": tool.number,
                "name": tool.name,
                "description": tool.description,
                "url": tool.url,
            }
            for tool in toolkaart.tools
        ],
    }


def to_json(toolkaart: Toolkaart) -> str:
    return json.dumps(to_dict(toolkaart), ensure_ascii=False, indent=2) + "\n"


def _link(name: str, url: str | None) -> str:
    return (
        f"[{plain(name, starts_line=False)}]({url})"
        if url
        else plain(t("handbook.no_address", name=name))
    )


def _names(items: Iterable[Actor | Phase], nobody: str) -> str:
    return ", ".join(item.name for item in items) or nobody


def to_markdown(toolkaart: Toolkaart, graph: ToolkaartGraph | None = None) -> str:
    """A readable handbook of the whole Toolkaart, in the UI language. The content's text is
    escaped (``markdown.plain``): it is plain text, so "1. Idee" or a '*' in it shows as written."""
    graph = graph or ToolkaartGraph(toolkaart)
    meta = toolkaart.meta
    out: list[str] = [
        heading(1, meta.title),
        "",
        plain(t("handbook.version", label=meta.label, source=meta.source)),
        "",
        paragraphs(meta.introduction),
        "",
        heading(2, t("handbook.route")),
        "",
    ]
    out += [
        f"{p.number}. **{plain(p.name, starts_line=False)}**: {plain(p.key_question, starts_line=False)}"
        for p in toolkaart.phases
    ]
    for phase in toolkaart.phases:
        out += [
            "",
            heading(2, t("handbook.phase", number=phase.number, name=phase.name)),
            "",
            f"**{t('handbook.key_question')}** {plain(phase.key_question, starts_line=False)}",
            "",
            f"**{t('handbook.goal')}** {plain(phase.goal, HARD_BREAK, starts_line=False)}",
            "",
            heading(3, t("handbook.checklist")),
            "",
        ]
        for item in phase.checklist:
            out.append(f"- [ ] {plain(item.text, HARD_BREAK)}")
            if item.source:
                out.append(f"  *{plain(t('handbook.source', source=item.source))}*")
        out += ["", heading(3, t("handbook.tools")), ""]
        out += [f"- {_link(tool.name, tool.url)}" for tool in graph.tools_of(phase.id)]
        out += ["", heading(3, t("handbook.actors")), ""]
        out += [
            f"- **{plain(a.name, starts_line=False)}**: {plain(a.description, HARD_BREAK, starts_line=False)}"
            for a in graph.actors_of(phase.id)
        ]
        transition = graph.transition(phase.id)
        if transition.previous is not None:
            nobody = t("phase.transition.nobody")
            joining = t("phase.transition.joining", names=_names(transition.joining, nobody))
            leaving = t(
                "phase.transition.leaving",
                previous=transition.previous.name,
                names=_names(transition.leaving, nobody),
            )
            out += ["", plain(f"{joining} {leaving}")]
    out += ["", heading(2, t("handbook.actors")), ""]
    for actor in toolkaart.actors:
        phases = _names(graph.phases_of_actor(actor.id), t("handbook.no_phase"))
        out.append(
            f"{actor.number}. **{plain(actor.name, starts_line=False)}**: "
            + plain(f"{actor.description} {t('handbook.phases', phases=phases)}", HARD_BREAK,
                    starts_line=False)
        )  # fmt: skip
    out += ["", heading(2, t("handbook.tools")), ""]
    for tool in toolkaart.tools:
        phases = _names(graph.phases_of_tool(tool.id), t("handbook.background_short"))
        out.append(
            f"{tool.number}. **{_link(tool.name, tool.url)}**: "
            + plain(f"{tool.description} {t('handbook.phases', phases=phases)}", HARD_BREAK,
                    starts_line=False)
        )  # fmt: skip
    background = graph.unlinked_tools()
    if background:
        out += ["", heading(3, t("handbook.background")), ""]
        out += [f"- {_link(tool.name, tool.url)}" for tool in background]
    if meta.changelog:
        out += ["", heading(2, t("handbook.changelog")), ""]
        for entry in meta.changelog:
            out.append(
                f"- **{plain(entry.version, starts_line=False)}** ({date_label(entry.date)})"
            )
            out += [f"  - {plain(change, HARD_BREAK)}" for change in entry.changes]
    return "\n".join(out) + "\n"


#: Fill colours of the phases on the maps, by state (passed, current, locked, open); the status
#: colours double as text in the map's alternative text. A highlighted phase is filled as current.
PHASE_FILL: Final[Mapping[str, str]] = MappingProxyType(
    {"passed": "#c8e6c9", "current": "#fff59d", "locked": "#eeeeee", "open": "#ffffff"}
)


def route_dot(toolkaart: Toolkaart, states: Mapping[str, str] | None = None) -> str:
    """The route of phases left to right; ``states`` maps phase id to passed/current/locked."""
    dot = graphviz.Digraph("route", graph_attr={"rankdir": "LR", "bgcolor": "transparent"})
    dot.attr("node", shape="box", style="rounded,filled", fontname="Helvetica")
    for phase in toolkaart.phases:
        state = (states or {}).get(phase.id, "open")
        # the state is written in the node too, not only shown by its colour
        label = f"{phase.number}. {phase.name}\n{phase.key_question}"
        if state in ("passed", "current", "locked"):
            label += f"\n({t(f'state.{state}')})"
        dot.node(phase.id, label, fillcolor=PHASE_FILL.get(state, PHASE_FILL["open"]))
        previous = toolkaart.previous_phase(phase.id)
        if previous is not None:
            dot.edge(previous.id, phase.id)
    return str(dot.source)


def map_dot(
    toolkaart: Toolkaart, highlight_phase: str | None = None, graph: ToolkaartGraph | None = None
) -> str:
    """Phase → actor/tool map; with ``highlight_phase`` that phase's links stand out."""
    graph = graph or ToolkaartGraph(toolkaart)
    dot = graphviz.Digraph("toolkaart", graph_attr={"rankdir": "LR", "bgcolor": "transparent"})
    dot.attr("node", fontname="Helvetica")
    highlighted_actors = set(toolkaart.phase(highlight_phase).actors) if highlight_phase else set()
    highlighted_tools = set(toolkaart.phase(highlight_phase).tools) if highlight_phase else set()
    dim = "#bbbbbb"
    with dot.subgraph(name="cluster_phases") as phases:
        phases.attr(label=t("map.phases"), style="dashed")
        for phase in toolkaart.phases:
            on = highlight_phase is None or phase.id == highlight_phase
            phases.node(
                f"phase_{phase.id}",
                f"{phase.number}. {phase.name}",
                shape="box",
                style="rounded,filled",
                fillcolor=PHASE_FILL["current" if phase.id == highlight_phase else "open"],
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
