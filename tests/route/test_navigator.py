"""The navigator's queries: tool search and filters, the phase a link shows, map states, matrices."""

from __future__ import annotations

from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Toolkaart
from toolkaart.route.gates import Answer, Assessment, GateState
from toolkaart.route.navigator import (
    find_tools,
    item_in_view,
    link_host,
    phase_in_view,
    route_states,
)


def ids(tools: tuple[object, ...]) -> list[str]:
    return [t.id for t in tools]  # type: ignore[attr-defined]


def test_no_filter_finds_every_tool_in_number_order(graph: ToolkaartGraph) -> None:
    found = find_tools(graph)
    assert len(found) == 14
    assert [t.number for t in found] == sorted(t.number for t in found)


def test_search_ignores_case_and_accents_and_needs_every_word(graph: ToolkaartGraph) -> None:
    assert ids(find_tools(graph, "MKBA")) == ["mkba"]
    # 'praktijkvideo' matches "Praktijkvideo's" (tool 13); accents are folded away
    assert "praktijkvideos" in ids(find_tools(graph, "praktijkvideo"))
    assert ids(find_tools(graph, "  kosten   baten ")) == ids(find_tools(graph, "baten kosten"))
    assert find_tools(graph, "mkba nergens-te-vinden") == ()


def test_phase_filter_keeps_the_tools_listed_on_that_phase(graph: ToolkaartGraph) -> None:
    assert ids(find_tools(graph, phase_id="ontwikkeling")) == [
        "handelingsruimte",
        "begeleidingsethiek",
        "leidraad-kwaliteit-ai",
    ]


def test_actor_filter_keeps_tools_on_the_actors_phases(
    toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    # the organisation is listed from Pilot A on; early HTA appears from Pilot A, the
    # nulmeting only in Verkenning, so the organisation meets the first but not the second
    found = ids(find_tools(graph, actor_id="organisatie"))
    assert "early-hta" in found
    assert "nulmeting-databeschikbaarheid" not in found
    # general tools are on no phase, so no actor meets them
    assert not set(found) & {t.id for t in graph.unlinked_tools()}


def test_filters_combine(graph: ToolkaartGraph) -> None:
    assert ids(find_tools(graph, "leidraad", phase_id="idee", actor_id="patient")) == [
        "leidraad-kwaliteit-ai"
    ]
    assert find_tools(graph, "early", phase_id="idee") == ()


def test_phase_in_view_follows_the_link_or_falls_back_to_the_current_phase(
    toolkaart: Toolkaart,
) -> None:
    status = Assessment().status(toolkaart)
    assert phase_in_view(toolkaart, "pilot-a", status) == (toolkaart.phase("pilot-a"), False)
    assert phase_in_view(toolkaart, None, status) == (toolkaart.phase("idee"), False)
    assert phase_in_view(toolkaart, "bestaat-niet", status) == (toolkaart.phase("idee"), True)

    walked = Assessment().decide(toolkaart, "idee", Answer.JA, accept_open_items=True)
    assert phase_in_view(toolkaart, None, walked.status(toolkaart))[0].id == "verkenning"


def test_route_states_follow_the_walk(toolkaart: Toolkaart) -> None:
    walked = Assessment().decide(toolkaart, "idee", Answer.JA, accept_open_items=True)
    states = route_states(walked.status(toolkaart))
    assert states["idee"] == GateState.PASSED.value
    assert states["verkenning"] == GateState.CURRENT.value
    assert {states[p.id] for p in toolkaart.phases[2:]} == {GateState.LOCKED.value}


def test_link_host_names_the_site() -> None:
    assert link_host("https://www.leidraad-ai.nl") == "leidraad-ai.nl"
    assert link_host("https://zn.nl/themas/x?y=1") == "zn.nl"


def test_the_actor_or_tool_in_view_comes_from_the_link(toolkaart: Toolkaart) -> None:
    assert item_in_view(toolkaart.actors, "expert") == (toolkaart.actor("expert"), False)
    assert item_in_view(toolkaart.tools, "nergens") == (None, True)
    assert item_in_view(toolkaart.tools, None) == (None, False)
    assert item_in_view(toolkaart.tools, "") == (None, False)
