"""Every page of the navigator and every deep link, as a person opening the link would see it."""

from __future__ import annotations

from tests.appkit import (
    cards,
    item_text,
    links,
    open_page,
    opening,
    site_links,
    tables,
    texts,
)
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Phase, Toolkaart
from toolkaart.documents.handbook import PHASE_FILL
from toolkaart.i18n.catalog import t
from toolkaart.route.navigator import link_host

PHASE_PAGE = "app_pages/fase.py"
ACTORS_PAGE = "app_pages/actoren.py"
TOOLS_PAGE = "app_pages/hulpmiddelen.py"


def numbered(*phases: Phase) -> str:
    """Phases as the pages list them: '4. Pilot A, 5. Pilot B'."""
    return ", ".join(f"{phase.number}. {phase.name}" for phase in phases)


def test_home_explains_the_toolkaart_and_lists_the_route(toolkaart: Toolkaart) -> None:
    app = open_page()
    shown = texts(app)
    assert app.title[0].value == toolkaart.meta.title
    assert toolkaart.meta.introduction in shown
    assert t("home.howto.title") in shown
    phase_links = [link for link in links(app) if link[1] == "fase"]
    assert [query for _, _, query in phase_links] == [f"fase={p.id}" for p in toolkaart.phases]
    idee, last = toolkaart.phases[0], toolkaart.phases[-1]
    current, locked = t("state.current"), t("state.locked")
    assert phase_links[0][0] == t(
        "home.list.item",
        number=idee.number,
        name=idee.name,
        question=idee.key_question,
        state=current,
    )
    assert phase_links[1][0].endswith(f"({locked})")
    # the map, with its text alternative naming every phase and its state
    chart = app.get("graphviz_chart")[0].proto
    assert idee.key_question in chart.spec
    assert t("home.map.alt.phase", number=idee.number, name=idee.name, state=current) in chart.alt
    assert t("home.map.alt.phase", number=last.number, name=last.name, state=locked) in chart.alt
    assert t("home.map.caption") in shown


def test_phase_deep_link_shows_everything_about_that_phase(
    toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    phase = toolkaart.phase("pilot-a")
    app = open_page(PHASE_PAGE, {"fase": "pilot-a"})
    shown = texts(app)
    assert app.title[0].value == t("phase.title", number=phase.number, name=phase.name)
    assert phase.key_question in shown and phase.goal in shown
    assert [item_text(box) for box in app.checkbox] == [item.text for item in phase.checklist]
    # tools: name, description, and a link to their site that says where it goes
    for tool in graph.tools_of("pilot-a"):
        assert tool.description in shown
    sites = site_links(app)
    assert [url for _, url in sites] == [tool.url for tool in graph.tools_of("pilot-a") if tool.url]
    assert [label for label, _ in sites] == [
        t("tool.link", name=tool.name, host=link_host(tool.url))
        for tool in graph.tools_of("pilot-a")
        if tool.url
    ]
    leidraad = toolkaart.tool("beoordelingsleidraad").name
    assert t("tool.link", name=leidraad, host="zn.nl") in [label for label, _ in sites]
    # actors with their role, linked to the actors page
    for actor in graph.actors_of("pilot-a"):
        assert actor.description in shown
        assert (f"{actor.number}. {actor.name}", "actoren", f"actor={actor.id}") in links(app)
    # who joins and who is no longer listed, compared with Ontwikkeling
    assert t("phase.transition.joining", names=toolkaart.actor("organisatie").name) in shown
    previous, following = toolkaart.phase("ontwikkeling"), toolkaart.phase("pilot-b")
    nobody = t("phase.transition.nobody")
    assert t("phase.transition.leaving", previous=previous.name, names=nobody) in shown
    # the map highlights this phase; its text alternative lists the same actors and tools
    chart = app.get("graphviz_chart")[0].proto
    highlighted = (
        f'[label="{phase.number}. {phase.name}" color=black fillcolor="{PHASE_FILL["current"]}"'
    )
    assert f'"phase_pilot-a" {highlighted}' in chart.spec
    assert chart.alt == t(
        "phase.map.alt",
        name=phase.name,
        actors=", ".join(actor.name for actor in graph.actors_of("pilot-a")),
        tools=", ".join(tool.name for tool in graph.tools_of("pilot-a")),
    )
    assert toolkaart.tool("early-hta").name in chart.alt
    # previous and next phase, carrying the phase in the URL
    nav = links(app)
    back = t("phase.nav.previous", number=previous.number, name=previous.name)
    on = t("phase.nav.next", number=following.number, name=following.name, state=t("state.locked"))
    assert (back, "fase", "fase=ontwikkeling") in nav
    assert (on, "fase", "fase=pilot-b") in nav


def test_first_and_last_phase_have_one_neighbour(toolkaart: Toolkaart) -> None:
    first = open_page(PHASE_PAGE, {"fase": "idee"})
    assert t("phase.transition.first") in texts(first)
    assert not [link for link in links(first) if link[0].startswith(opening("phase.nav.previous"))]
    last = open_page(PHASE_PAGE, {"fase": "productie"})
    assert not [link for link in links(last) if link[0].startswith(opening("phase.nav.next"))]
    leaving = [toolkaart.actor("zorgverzekeraar").name, toolkaart.actor("organisatie").name]
    assert t(
        "phase.transition.leaving",
        previous=toolkaart.phase("implementatie").name,
        names=", ".join(leaving),
    ) in texts(last)


def test_phase_page_without_or_with_an_unknown_phase_shows_the_current_phase(
    toolkaart: Toolkaart,
) -> None:
    idee = toolkaart.phase("idee")
    app = open_page(PHASE_PAGE)
    assert app.title[0].value == t("phase.title", number=idee.number, name=idee.name)
    assert app.query_params["fase"] == "idee"  # the URL now names the phase shown
    app = open_page(PHASE_PAGE, {"fase": "bestaat-niet"})
    assert app.warning[0].value == t("phase.unknown", requested="bestaat-niet")
    assert app.title[0].value == t("phase.title", number=idee.number, name=idee.name)
    assert app.query_params["fase"] == "idee"


def test_actors_page_lists_every_actor_with_phases_and_the_matrix(toolkaart: Toolkaart) -> None:
    app = open_page(ACTORS_PAGE)
    actor_links = [link for link in links(app) if link[1] == "actoren"]
    assert [query for *_, query in actor_links] == [f"actor={a.id}" for a in toolkaart.actors]
    needed = ", ".join(toolkaart.phase(p).name for p in ("pilot-a", "pilot-b", "implementatie"))
    assert f"{t('actors.phases')} {needed}" in texts(app)
    [table] = tables(app)
    assert table.name == t("actors.matrix.title")
    assert table.columns == [t("beheer.matrix.col.actor"), *map(numbered, toolkaart.phases)]
    assert table.row_headers == [actor.name for actor in toolkaart.actors]  # each row headed
    organisatie = table.records()[[a.id for a in toolkaart.actors].index("organisatie")]
    pilot_a, idee = numbered(toolkaart.phase("pilot-a")), numbered(toolkaart.phase("idee"))
    assert organisatie[pilot_a] == t("matrix.listed")
    assert organisatie[idee] == t("matrix.not_listed")


def test_actor_deep_link_shows_that_actor_and_links_their_phases(toolkaart: Toolkaart) -> None:
    actor = toolkaart.actor("zorgverzekeraar")
    app = open_page(ACTORS_PAGE, {"actor": "zorgverzekeraar"})
    assert app.header[0].value == f"{actor.number}. {actor.name}"
    assert actor.description in texts(app)
    phase_links = [link for link in links(app) if link[1] == "fase"]
    assert [query for *_, query in phase_links] == [
        "fase=verkenning",
        "fase=ontwikkeling",
        "fase=pilot-a",
        "fase=pilot-b",
        "fase=implementatie",
    ]
    unknown = open_page(ACTORS_PAGE, {"actor": "niemand"})
    assert unknown.warning[0].value == t("actors.unknown", requested="niemand")


def test_tools_page_lists_route_tools_then_general_background(
    toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    app = open_page(TOOLS_PAGE)
    shown = texts(app)
    total = len(toolkaart.tools)
    assert t("tools.found", count=total, total=total) in shown
    tool_links = [link for link in links(app) if link[1] == "hulpmiddelen"]
    general = [f"tool={t.id}" for t in graph.unlinked_tools()]
    on_route = [f"tool={t.id}" for t in toolkaart.tools if f"tool={t.id}" not in general]
    assert [query for *_, query in tool_links] == on_route + general
    headers = [h.value for h in app.header]
    assert headers.index(t("tools.background.title")) < headers.index(t("tools.matrix.title"))
    shown_cards = cards(app)
    assert len(shown_cards) == len(toolkaart.tools)  # one card per tool, in one element each list
    assert [e.type for e in app.main].count("html") == 2 + 1  # route tools, general, the matrix
    by_title = {card[0]: card for card in shown_cards}
    for tool in toolkaart.tools:
        card = by_title[t("tools.details", number=tool.number, name=tool.name)]
        assert card[1] == tool.description
        if tool.url is None:
            assert card[2] == t("tool.no_url")  # tool 6 has no address
        else:
            assert card[2] == t("tool.link", name=tool.name, host=link_host(tool.url))
    first = toolkaart.tools[0]
    assert first.url is not None
    assert site_links(app)[0] == (
        t("tool.link", name=first.name, host=link_host(first.url)),
        first.url,
    )
    # per tool when in the route to use it, as text (the tool's own view links each phase)
    when = [card[3] for card in shown_cards if len(card) == 4]
    assert f"{t('tools.when')} {numbered(*toolkaart.phases[3:])}" in when
    assert len(when) == len(toolkaart.tools) - len(general)  # general tools: own header
    assert t("tools.when.none") not in when
    [matrix] = tables(app)
    assert matrix.name == t("tools.matrix.title")
    assert len(matrix.columns) == 1 + len(toolkaart.phases)
    assert matrix.row_headers == [f"{tool.number}. {tool.name}" for tool in toolkaart.tools]


def test_tools_search_and_filters(toolkaart: Toolkaart) -> None:
    app = open_page(TOOLS_PAGE)
    total = len(toolkaart.tools)
    app.text_input(key="tools.search").input("kosten baten").run()
    assert t("tools.found", count=1, total=total) in texts(app)
    assert [link[2] for link in links(app) if link[1] == "hulpmiddelen"] == ["tool=mkba"]

    app.text_input(key="tools.search").input("").run()
    app.selectbox(key="tools.phase").select("ontwikkeling").run()
    assert t("tools.found", count=3, total=total) in texts(app)
    assert t("tools.background.title") not in [h.value for h in app.header]

    app.selectbox(key="tools.phase").select(None).run()
    app.selectbox(key="tools.actor").select("organisatie").run()
    found = [link[2] for link in links(app) if link[1] == "hulpmiddelen"]
    assert "tool=early-hta" in found and "tool=nulmeting-databeschikbaarheid" not in found

    app.text_input(key="tools.search").input("bestaat nergens").run()
    assert t("tools.none_found") in texts(app)


def test_tool_deep_link_says_when_in_the_route(toolkaart: Toolkaart) -> None:
    app = open_page(TOOLS_PAGE, {"tool": "early-hta"})
    tool = toolkaart.tool("early-hta")
    assert app.header[0].value == f"{tool.number}. {tool.name}"
    assert t("tools.when") in texts(app)
    assert site_links(app)[0][1] == tool.url
    detail = links(app)[:4]
    assert [query for *_, query in detail] == [
        "fase=pilot-a",
        "fase=pilot-b",
        "fase=implementatie",
        "fase=productie",
    ]
    general = open_page(TOOLS_PAGE, {"tool": "datavoorgezondheid"})
    assert t("tools.when.none") in texts(general)
    unknown = open_page(TOOLS_PAGE, {"tool": "niets"})
    assert unknown.warning[0].value == t("tools.unknown", requested="niets")
