"""The gate walk in the app: tick checklist items, answer the key question, unlock the next phase."""

from __future__ import annotations

import datetime as dt
import re

from streamlit.testing.v1 import AppTest

from tests.appkit import links, open_page, texts
from toolkaart.content.models import Toolkaart
from toolkaart.route.gates import Assessment, GateState

PHASE_PAGE = "app_pages/fase.py"
HOME_PAGE = "app_pages/home.py"


def walk(app: AppTest) -> Assessment:
    if "walk.assessment" not in app.session_state:
        return Assessment()  # nothing stored yet: the empty walk
    assessment = app.session_state["walk.assessment"]
    assert isinstance(assessment, Assessment)
    return assessment


def answer(app: AppTest, phase_id: str, value: str, *, confirm: bool | None = None) -> AppTest:
    app.radio(key=f"walk.{phase_id}.answer").set_value(value).run()
    if confirm is not None:
        app.checkbox(key=f"walk.{phase_id}.confirm").set_value(confirm).run()
    app.button(key=f"walk.{phase_id}.submit").click().run()
    assert not app.exception
    return app


def next_link(app: AppTest) -> str:
    return next(label for label, *_ in links(app) if label.startswith("Volgende fase"))


def test_ticked_items_are_kept_in_the_walk_and_survive_page_switches(toolkaart: Toolkaart) -> None:
    items = toolkaart.phase("idee").checklist
    app = open_page(PHASE_PAGE, {"fase": "idee"})
    assert "0 van 7 afgevinkt" in texts(app)
    app.checkbox(key=f"walk.idee.item.{items[0].id}").check().run()
    app.checkbox(key=f"walk.idee.item.{items[2].id}").check().run()
    assert walk(app).checked_in("idee") == {items[0].id, items[2].id}
    assert "2 van 7 afgevinkt" in texts(app)
    app.checkbox(key=f"walk.idee.item.{items[2].id}").uncheck().run()
    assert walk(app).checked_in("idee") == {items[0].id}

    open_page(HOME_PAGE, app=app)
    open_page(PHASE_PAGE, {"fase": "idee"}, app=app)
    assert [box.value for box in app.checkbox] == [True] + [False] * (len(items) - 1)


def test_next_phase_unlocks_only_after_ja(toolkaart: Toolkaart) -> None:
    app = open_page(PHASE_PAGE, {"fase": "idee"})
    assert next_link(app) == "Volgende fase: 2. Verkenning (op slot)"

    answer(app, "idee", "nog niet")
    assert "Besluit vastgelegd: Nog niet." in app.success[0].value
    assert next_link(app) == "Volgende fase: 2. Verkenning (op slot)"

    answer(app, "idee", "nee")
    assert walk(app).status(toolkaart).current_phase_id == "idee"
    assert next_link(app) == "Volgende fase: 2. Verkenning (op slot)"

    answer(app, "idee", "ja", confirm=True)
    assert app.success[0].value == "De poort van Idee is gepasseerd. Fase Verkenning is nu open."
    assert ("Verder naar fase 2. Verkenning", "fase", "fase=verkenning") in links(app)
    assert next_link(app) == "Volgende fase: 2. Verkenning (huidige fase)"
    assert "Poort van deze fase: **gepasseerd**" in texts(app)
    # the log keeps every answer, newest first on the page
    history = [m.value for m in app.markdown if m.value.startswith("- ")][-1]
    assert [line.split("**")[1] for line in history.splitlines()] == ["Ja", "Nee", "Nog niet"]
    assert "met 7 open checklistpunten" in history.splitlines()[0]


def test_passing_with_open_items_must_be_confirmed(toolkaart: Toolkaart) -> None:
    app = open_page(PHASE_PAGE, {"fase": "idee"})
    app.radio(key="walk.idee.answer").set_value("ja").run()
    # the open items are shown before the decision
    assert "Nog open checklistpunten (7):" in app.warning[0].value
    for item in toolkaart.phase("idee").checklist:
        assert item.text in texts(app)
    app.button(key="walk.idee.submit").click().run()
    assert app.error[0].value.startswith("Fase Idee heeft nog 7 open checklistpunten.")
    assert walk(app).decisions == ()
    assert next_link(app).endswith("(op slot)")


def test_all_items_ticked_passes_without_confirmation(toolkaart: Toolkaart) -> None:
    app = open_page(PHASE_PAGE, {"fase": "idee"})
    for item in toolkaart.phase("idee").checklist:
        app.checkbox(key=f"walk.idee.item.{item.id}").check().run()
    app.radio(key="walk.idee.answer").set_value("ja").run()
    assert not app.warning and "Ik passeer deze poort" not in [c.label for c in app.checkbox]
    app.text_area(key="walk.idee.rationale").input("Besproken met de zorgbestuurder").run()
    app.text_input(key="walk.idee.decided_by").input("Projectteam").run()
    app.button(key="walk.idee.submit").click().run()
    decision = walk(app).decisions[-1]
    assert (decision.answer, decision.open_items) == ("ja", ())
    assert (decision.rationale, decision.decided_by) == (
        "Besproken met de zorgbestuurder",
        "Projectteam",
    )
    # a fresh form for the next decision
    assert app.radio(key="walk.idee.answer").value is None


def test_a_locked_phase_can_be_read_but_not_answered(toolkaart: Toolkaart) -> None:
    app = open_page(PHASE_PAGE, {"fase": "ontwikkeling"})
    assert "Poort van deze fase: **op slot**" in texts(app)
    assert app.info[0].value.startswith("Deze poort is nog op slot.")
    assert ("Naar de huidige fase: 1. Idee", "fase", "fase=idee") in links(app)
    assert not app.radio and not app.button
    # the phase itself is still there to read
    assert toolkaart.phase("ontwikkeling").key_question in texts(app)


def test_home_map_shows_how_far_the_walk_has_come(toolkaart: Toolkaart) -> None:
    app = open_page(PHASE_PAGE, {"fase": "idee"})
    answer(app, "idee", "ja", confirm=True)
    open_page(PHASE_PAGE, {"fase": "verkenning"}, app=app)
    answer(app, "verkenning", "ja", confirm=True)

    open_page(HOME_PAGE, app=app)
    assert app.get("progress")[0].proto.text == (
        "2 van 7 poorten gepasseerd. Huidige fase: Ontwikkeling."
    )
    chart = app.get("graphviz_chart")[0].proto
    assert "1. Idee (gepasseerd); 2. Verkenning (gepasseerd); 3. Ontwikkeling (huidige fase)" in (
        chart.alt
    )
    # the map colours: passed green, current yellow, locked grey
    fills = {
        p.id: re.search(rf'(?:^|\s)"?{p.id}"? \[[^\]]*fillcolor="?(#\w+)', chart.spec).group(1)  # type: ignore[union-attr]
        for p in toolkaart.phases
    }
    assert fills["idee"] == fills["verkenning"] == "#c8e6c9"  # passed: green
    assert fills["ontwikkeling"] == "#fff59d"  # current: yellow
    assert {fills[p.id] for p in toolkaart.phases[3:]} == {"#eeeeee"}  # locked: grey
    phase_labels = [label for label, page, _ in links(app) if page == "fase"]
    assert [label.rsplit("(", 1)[1] for label in phase_labels] == [
        "gepasseerd)",
        "gepasseerd)",
        "huidige fase)",
        *["op slot)"] * 4,
    ]


def test_going_back_reopens_the_gate_and_locks_later_ones(toolkaart: Toolkaart) -> None:
    app = open_page(PHASE_PAGE, {"fase": "idee"})
    answer(app, "idee", "ja", confirm=True)
    open_page(PHASE_PAGE, {"fase": "verkenning"}, app=app)
    answer(app, "verkenning", "ja", confirm=True)
    open_page(PHASE_PAGE, {"fase": "idee"}, app=app)
    answer(app, "idee", "nee")
    status = walk(app).status(toolkaart)
    assert status.state("idee") is GateState.CURRENT
    assert status.state("verkenning") is GateState.LOCKED
    assert next_link(app) == "Volgende fase: 2. Verkenning (op slot)"


def test_productie_asks_for_the_next_review(toolkaart: Toolkaart) -> None:
    app = open_page(PHASE_PAGE, {"fase": "idee"})
    for phase in toolkaart.phases[:-1]:
        open_page(PHASE_PAGE, {"fase": phase.id}, app=app)
        answer(app, phase.id, "ja", confirm=True)
    open_page(PHASE_PAGE, {"fase": "productie"}, app=app)
    app.radio(key="walk.productie.answer").set_value("ja").run()
    review = dt.date.today() + dt.timedelta(days=180)
    app.date_input(key="walk.productie.next_review").set_value(review).run()
    app.checkbox(key="walk.productie.confirm").check().run()
    app.button(key="walk.productie.submit").click().run()
    assert app.success[0].value == (
        "De poort van Productie is gepasseerd: alle poorten zijn gepasseerd."
    )
    status = walk(app).status(toolkaart)
    assert status.completed and status.next_review == review
    open_page(HOME_PAGE, app=app)
    assert app.success[0].value.startswith("Alle 7 poorten gepasseerd")


def test_answering_without_choosing_says_what_is_missing() -> None:
    app = open_page(PHASE_PAGE, {"fase": "idee"})
    app.button(key="walk.idee.submit").click().run()
    assert app.error[0].value == "Kies eerst een antwoord op de kernvraag: ja, nog niet of nee."
    assert walk(app).decisions == ()
