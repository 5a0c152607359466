"""Exports of the whole Toolkaart: JSON (a stable contract), a Markdown handbook and DOT maps.

The JSON contract (``JSON_FORMAT_VERSION``) is documented in README.md; change it only by adding
fields.
"""

from __future__ import annotations

import json
import textwrap
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
#: Black text and borders on each of them keep at least 15:1.
PHASE_FILL: Final[Mapping[str, str]] = MappingProxyType(
    {"passed": "#c8e6c9", "current": "#fff59d", "locked": "#eeeeee", "open": "#ffffff"}
)

#: What is outside a highlighted phase is told apart by a thin border and grey text, never by
#: faint colours (WCAG 1.4.3 and 1.4.11, on the white page): text #595959 is 7.0:1, borders
#: #767676 4.5:1 (3:1 asked) and lines #8a8a8a 3.4:1; what is highlighted has black text and a
#: 3 pt border, so it stands out without relying on colour alone (1.4.1).
DIM_TEXT: Final = "#595959"
DIM_BORDER: Final = "#767676"
DIM_LINE: Final = "#8a8a8a"
ACTOR_BORDER: Final = "#1565c0"  # 5.8:1
TOOL_BORDER: Final = "#2e7d32"  # 5.1:1
HIGHLIGHT_PEN: Final = "3"

#: The maps are drawn to the width of the page's text column (820 px at a 1280 px window), so
#: their text shrinks with the width of the drawing: labels are wrapped at WRAP characters and
#: drawn at MAP_FONT points, which keeps node text at 12 px or more there
#: (tests/browser/test_maps.py measures it).
MAP_FONT: Final = "14"
WRAP: Final = 26


def _wrap(text: str) -> str:
    return "\n".join(textwrap.wrap(text, WRAP)) or text


def _text(text: str) -> str:
    """A label or tooltip made from the content, as text: the ``graphviz`` library writes a
    value that starts with '<' and ends with '>' into the DOT as an HTML label, in which a
    content file could put a table cell with a link (``HREF``) into the map."""
    marked: str = graphviz.nohtml(text)  # a str the library quotes (untyped in its stubs)
    return marked


def _digraph(name: str, tooltip: str, rankdir: str) -> graphviz.Digraph:
    """A map with Dutch tooltips on the graph, every node and every edge.

    Graphviz names each drawn object in the SVG by its id ("phase_idee->actor_expert"); the
    browser shows that as the mouse-over text. An explicit ``tooltip`` is what a mouse user sees
    instead; the ids stay in the DOT, where they are what ``toolkaart export --format dot``
    is read by.
    """
    dot = graphviz.Digraph(
        name,
        graph_attr={"rankdir": rankdir, "bgcolor": "transparent", "tooltip": tooltip},
    )
    dot.attr("node", fontname="Helvetica", fontsize=MAP_FONT)
    dot.attr("edge", tooltip=" ")
    return dot


def route_dot(toolkaart: Toolkaart, states: Mapping[str, str] | None = None) -> str:
    """The route of phases top to bottom (seven boxes side by side would leave their text too
    small to read); ``states`` maps phase id to passed/current/locked."""
    dot = _digraph("route", t("map.route"), rankdir="TB")
    dot.attr("node", shape="box", style="rounded,filled", color="black", fontcolor="black")
    for phase in toolkaart.phases:
        state = (states or {}).get(phase.id, "open")
        # the state is written in the node too, not only shown by its colour
        title = f"{phase.number}. {phase.name}"
        label = f"{title}\n{_wrap(phase.key_question)}"
        if state in ("passed", "current", "locked"):
            title += f" ({t(f'state.{state}')})"
            label += f"\n({t(f'state.{state}')})"
        dot.node(
            phase.id,
            _text(label),
            fillcolor=PHASE_FILL.get(state, PHASE_FILL["open"]),
            tooltip=_text(title),
        )
        previous = toolkaart.previous_phase(phase.id)
        if previous is not None:
            dot.edge(previous.id, phase.id)
    return str(dot.source)


def map_dot(
    toolkaart: Toolkaart, highlight_phase: str | None = None, graph: ToolkaartGraph | None = None
) -> str:
    """Actors left, phases in route order in the middle, tools right, each phase joined to its
    actors and tools; with ``highlight_phase`` that phase's links stand out.

    Three columns keep the drawing short enough to read at the page's width. Invisible edges
    between consecutive phases (``style=invis`` in one rank) fix their order top to bottom;
    without them Graphviz orders the column to cross fewest lines.
    """
    graph = graph or ToolkaartGraph(toolkaart)
    dot = _digraph("toolkaart", t("map.title"), rankdir="LR")
    highlighted_actors = set(toolkaart.phase(highlight_phase).actors) if highlight_phase else set()
    highlighted_tools = set(toolkaart.phase(highlight_phase).tools) if highlight_phase else set()

    def look(on: bool, border: str) -> dict[str, str]:
        if on and highlight_phase is not None:
            return {"color": border, "fontcolor": "black", "penwidth": HIGHLIGHT_PEN}
        return {"color": border if on else DIM_BORDER, "fontcolor": "black" if on else DIM_TEXT}

    with dot.subgraph(name="phases") as phases:
        phases.attr(rank="same")
        for phase in toolkaart.phases:
            on = highlight_phase is None or phase.id == highlight_phase
            name = f"{phase.number}. {phase.name}"
            phases.node(
                f"phase_{phase.id}",
                _text(name),
                shape="box",
                style="rounded,filled",
                fillcolor=PHASE_FILL["current" if phase.id == highlight_phase else "open"],
                tooltip=_text(name),
                **look(on, "black"),
            )
            previous = toolkaart.previous_phase(phase.id)
            if previous is not None:
                phases.edge(f"phase_{previous.id}", f"phase_{phase.id}", style="invis")
    for actor in toolkaart.actors:
        on = highlight_phase is None or actor.id in highlighted_actors
        dot.node(
            f"actor_{actor.id}",
            _text(_wrap(actor.name)),
            shape="ellipse",
            tooltip=_text(actor.name),
            **look(on, ACTOR_BORDER),
        )
    with dot.subgraph(name="tools") as tools:
        tools.attr(rank="max")  # the right column, also for the tools of no phase
        for tool in toolkaart.tools:
            on = highlight_phase is None or tool.id in highlighted_tools
            name = f"{tool.number}. {tool.name}"
            tools.node(
                f"tool_{tool.id}",
                _text(_wrap(name)),
                shape="note",
                tooltip=_text(name),
                **look(on, TOOL_BORDER),
            )
    for phase in toolkaart.phases:
        on = highlight_phase is None or phase.id == highlight_phase
        line = {"color": "black"} if on else {"color": DIM_LINE}
        if on and highlight_phase is not None:
            line["penwidth"] = "2"
        for actor in graph.actors_of(phase.id):
            # drawn from the actor, so the actors' column stands left of the phases
            dot.edge(f"actor_{actor.id}", f"phase_{phase.id}", dir="back", **line)
        for tool in graph.tools_of(phase.id):
            dot.edge(f"phase_{phase.id}", f"tool_{tool.id}", **line)
    return str(dot.source)


def to_dot(toolkaart: Toolkaart) -> str:
    return map_dot(toolkaart)
