"""Every page of the navigator and every deep link, as a person opening the link would see it."""

from __future__ import annotations

from tests.appkit import links, open_page, site_links, texts
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Toolkaart
from toolkaart.documents.markdown import plain

PHASE_PAGE = "app_pages/fase.py"
ACTORS_PAGE = "app_pages/actoren.py"
TOOLS_PAGE = "app_pages/hulpmiddelen.py"


def test_home_explains_the_toolkaart_and_lists_the_route(toolkaart: Toolkaart) -> None:
    app = open_page()
    shown = texts(app)
    assert app.title[0].value == toolkaart.meta.title
    assert toolkaart.meta.introduction in shown
    assert "Zo gebruikt u de navigator" in shown
    phase_links = [link for link in links(app) if link[1] == "fase"]
    assert [query for _, _, query in phase_links] == [f"fase={p.id}" for p in toolkaart.phases]
    assert phase_links[0][0] == "1. Idee: Is het idee wenselijk? (huidige fase)"
    assert phase_links[1][0].endswith("(op slot)")
    # the map, with its text alternative naming every phase and its state
    chart = app.get("graphviz_chart")[0].proto
    assert "Is het idee wenselijk?" in chart.spec
    assert "1. Idee (huidige fase)" in chart.alt and "7. Productie (op slot)" in chart.alt
    assert "groen is gepasseerd" in shown


def test_phase_deep_link_shows_everything_about_that_phase(
    toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    phase = toolkaart.phase("pilot-a")
    app = open_page(PHASE_PAGE, {"fase": "pilot-a"})
    shown = texts(app)
    assert app.title[0].value == "Fase 4: Pilot A"
    assert phase.key_question in shown and phase.goal in shown
    assert [box.label for box in app.checkbox] == [item.text for item in phase.checklist]
    # tools: name, description, and a link to their site that says where it goes
    for tool in graph.tools_of("pilot-a"):
        assert tool.description in shown
    sites = site_links(app)
    assert [url for _, url in sites] == [tool.url for tool in graph.tools_of("pilot-a") if tool.url]
    assert all(label.endswith("(nieuw tabblad)") for label, _ in sites)
    assert (
        "Beoordelingsleidraad applicaties en algoritmes in de zorg: open op zn.nl (nieuw tabblad)"
        in [label for label, _ in sites]
    )
    # actors with their role, linked to the actors page
    for actor in graph.actors_of("pilot-a"):
        assert actor.description in shown
        assert (f"{actor.number}. {actor.name}", "actoren", f"actor={actor.id}") in links(app)
    # who joins and who is no longer listed, compared with Ontwikkeling
    assert "Nieuw in deze fase: De organisatie" in shown
    assert "Niet meer genoemd ten opzichte van Ontwikkeling: niemand." in shown
    # the map highlights this phase; its text alternative lists the same actors and tools
    chart = app.get("graphviz_chart")[0].proto
    assert '"phase_pilot-a" [label="4. Pilot A" color=black fillcolor="#fff59d"' in chart.spec
    assert "Pilot A gemarkeerd" in chart.alt and toolkaart.tool("early-hta").name in chart.alt
    # previous and next phase, carrying the phase in the URL
    nav = links(app)
    assert ("Vorige fase: 3. Ontwikkeling", "fase", "fase=ontwikkeling") in nav
    assert ("Volgende fase: 5. Pilot B (op slot)", "fase", "fase=pilot-b") in nav


def test_first_and_last_phase_have_one_neighbour(toolkaart: Toolkaart) -> None:
    first = open_page(PHASE_PAGE, {"fase": "idee"})
    assert "Dit is de eerste fase" in texts(first)
    assert not [link for link in links(first) if link[0].startswith("Vorige fase")]
    last = open_page(PHASE_PAGE, {"fase": "productie"})
    assert not [link for link in links(last) if link[0].startswith("Volgende fase")]
    assert (
        "Niet meer genoemd ten opzichte van Implementatie: De zorgverzekeraar/financier, "
        "De organisatie." in texts(last)
    )


def test_phase_page_without_or_with_an_unknown_phase_shows_the_current_phase() -> None:
    app = open_page(PHASE_PAGE)
    assert app.title[0].value == "Fase 1: Idee"
    assert app.query_params["fase"] == "idee"  # the URL now names the phase shown
    app = open_page(PHASE_PAGE, {"fase": "bestaat-niet"})
    assert "Fase 'bestaat-niet' bestaat niet" in app.warning[0].value
    assert app.title[0].value == "Fase 1: Idee"
    assert app.query_params["fase"] == "idee"


def test_actors_page_lists_every_actor_with_phases_and_the_matrix(toolkaart: Toolkaart) -> None:
    app = open_page(ACTORS_PAGE)
    actor_links = [link for link in links(app) if link[1] == "actoren"]
    assert [query for *_, query in actor_links] == [f"actor={a.id}" for a in toolkaart.actors]
    assert "Nodig in de fases: Pilot A, Pilot B, Implementatie" in texts(app)
    table = app.table[0]
    assert table.value.shape == (10, 7)
    assert table.value.index[0] == "De ontwikkelaar/fabrikant"
    # headers are escaped Markdown, so that '4. Pilot A' shows as written, not as a list item
    assert table.value.loc["De organisatie", plain("4. Pilot A")] == "✓"
    assert table.value.loc["De organisatie", plain("1. Idee")] == ""


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
    assert "Actor 'niemand' bestaat niet" in unknown.warning[0].value


def test_tools_page_lists_route_tools_then_general_background(
    toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    app = open_page(TOOLS_PAGE)
    shown = texts(app)
    assert "14 van 14 hulpmiddelen gevonden." in shown
    tool_links = [link for link in links(app) if link[1] == "hulpmiddelen"]
    general = [f"tool={t.id}" for t in graph.unlinked_tools()]
    on_route = [f"tool={t.id}" for t in toolkaart.tools if f"tool={t.id}" not in general]
    assert [query for *_, query in tool_links] == on_route + general
    headers = [h.value for h in app.header]
    assert headers.index("Algemene achtergrond") < headers.index("Welk hulpmiddel bij welke fase")
    assert "Voor dit hulpmiddel is geen webadres bekend." in shown  # tool 6 has no address
    # per tool when in the route to use it, as text (the tool's own view links each phase)
    assert "**Wanneer in de route:** 4. Pilot A, 5. Pilot B, 6. Implementatie, 7. Productie" in (
        shown
    )
    assert (
        shown.count("Bij geen enkele fase: algemene achtergrond") == 0
    )  # general tools: own header
    assert app.table[0].value.shape == (14, 7)


def test_tools_search_and_filters(toolkaart: Toolkaart) -> None:
    app = open_page(TOOLS_PAGE)
    app.text_input(key="tools.search").input("kosten baten").run()
    assert "1 van 14 hulpmiddelen gevonden." in texts(app)
    assert [link[2] for link in links(app) if link[1] == "hulpmiddelen"] == ["tool=mkba"]

    app.text_input(key="tools.search").input("").run()
    app.selectbox(key="tools.phase").select("ontwikkeling").run()
    assert "3 van 14 hulpmiddelen gevonden." in texts(app)
    assert "Algemene achtergrond" not in [h.value for h in app.header]

    app.selectbox(key="tools.phase").select(None).run()
    app.selectbox(key="tools.actor").select("organisatie").run()
    found = [link[2] for link in links(app) if link[1] == "hulpmiddelen"]
    assert "tool=early-hta" in found and "tool=nulmeting-databeschikbaarheid" not in found

    app.text_input(key="tools.search").input("bestaat nergens").run()
    assert "Geen hulpmiddel past bij deze zoekopdracht en filters." in texts(app)


def test_tool_deep_link_says_when_in_the_route(toolkaart: Toolkaart) -> None:
    app = open_page(TOOLS_PAGE, {"tool": "early-hta"})
    tool = toolkaart.tool("early-hta")
    assert app.header[0].value == f"{tool.number}. {tool.name}"
    assert "Wanneer in de route:" in texts(app)
    assert site_links(app)[0][1] == tool.url
    detail = links(app)[:4]
    assert [query for *_, query in detail] == [
        "fase=pilot-a",
        "fase=pilot-b",
        "fase=implementatie",
        "fase=productie",
    ]
    general = open_page(TOOLS_PAGE, {"tool": "datavoorgezondheid"})
    assert "Bij geen enkele fase: algemene achtergrond" in texts(general)
    unknown = open_page(TOOLS_PAGE, {"tool": "niets"})
    assert "Hulpmiddel 'niets' bestaat niet" in unknown.warning[0].value
