"""The gate walk in the app: tick checklist items, answer the key question, unlock the next phase."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from streamlit.testing.v1 import AppTest

from tests.appkit import links, open_page, opening, texts
from toolkaart.access.permissions import LOCAL
from toolkaart.content.models import Phase, Toolkaart
from toolkaart.documents.handbook import PHASE_FILL
from toolkaart.i18n.catalog import counted, t
from toolkaart.i18n.dates import local_today
from toolkaart.route.gates import Answer, Assessment, GateDecision, GateState
from toolkaart.settings import settings
from toolkaart.store.project_store import Store
from toolkaart.web.gate_form import HISTORY_SHOWN
from toolkaart.web.literal import literal

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
    return next(label for label, *_ in links(app) if label.startswith(opening("phase.nav.next")))


def next_label(phase: Phase, state: str) -> str:
    """The link to ``phase`` as the next phase, its gate in ``state`` (passed/current/locked)."""
    return t("phase.nav.next", number=phase.number, name=phase.name, state=t(f"state.{state}"))


def checklist_caption(done: int, total: int) -> str:
    return t("phase.checklist.caption", done=done, total=total)


def test_ticked_items_are_kept_in_the_walk_and_survive_page_switches(toolkaart: Toolkaart) -> None:
    items = toolkaart.phase("idee").checklist
    app = open_page(PHASE_PAGE, {"fase": "idee"})
    assert checklist_caption(0, len(items)) in texts(app)
    app.checkbox(key=f"walk.idee.item.{items[0].id}").check().run()
    app.checkbox(key=f"walk.idee.item.{items[2].id}").check().run()
    assert walk(app).checked_in("idee") == {items[0].id, items[2].id}
    assert checklist_caption(2, len(items)) in texts(app)
    app.checkbox(key=f"walk.idee.item.{items[2].id}").uncheck().run()
    assert walk(app).checked_in("idee") == {items[0].id}

    open_page(HOME_PAGE, app=app)
    open_page(PHASE_PAGE, {"fase": "idee"}, app=app)
    assert [box.value for box in app.checkbox] == [True] + [False] * (len(items) - 1)


def test_each_item_shows_its_source_as_dutch_text_not_as_help(toolkaart: Toolkaart) -> None:
    """The source is a line of the item's label, so an item is one tab stop with a Dutch name (a
    checkbox's help is a second one, named "Help for …" in English)."""
    items = toolkaart.phase("idee").checklist
    app = open_page(PHASE_PAGE, {"fase": "idee"})
    boxes = [app.checkbox(key=f"walk.idee.item.{item.id}") for item in items]
    sources = [t("phase.checklist.source", source=literal(i.source)) for i in items if i.source]
    assert len(sources) == len(items)
    expected = [
        f"{item.text}  \n:small[{source}]" for item, source in zip(items, sources, strict=True)
    ]
    assert [box.label for box in boxes] == expected
    assert not any(box.help for box in boxes)


def test_next_phase_unlocks_only_after_ja(toolkaart: Toolkaart) -> None:
    idee, verkenning = toolkaart.phase("idee"), toolkaart.phase("verkenning")
    app = open_page(PHASE_PAGE, {"fase": "idee"})
    assert next_link(app) == next_label(verkenning, "locked")

    answer(app, "idee", "nog niet")
    closed = t("phase.gate.closed", answer=t("answer.nog niet"), phase=idee.name)
    assert app.success[0].value == closed
    assert next_link(app) == next_label(verkenning, "locked")

    answer(app, "idee", "nee")
    assert walk(app).status(toolkaart).current_phase_id == "idee"
    assert next_link(app) == next_label(verkenning, "locked")

    answer(app, "idee", "ja", confirm=True)
    passed = t("phase.gate.passed", phase=idee.name, next=verkenning.name)
    assert app.success[0].value == passed
    onward = t("phase.gate.go_next", number=verkenning.number, name=verkenning.name)
    assert (onward, "fase", "fase=verkenning") in links(app)
    assert next_link(app) == next_label(verkenning, "current")
    assert t("phase.state", state=t("state.passed")) in texts(app)
    # the log keeps every answer, newest first on the page
    history = [m.value for m in app.markdown if m.value.startswith("- ")][-1]
    answers = [t(f"answer.{value}") for value in ("ja", "nee", "nog niet")]
    assert [line.split("**")[1] for line in history.splitlines()] == answers
    open_items = t("phase.gate.history.open", count=len(idee.checklist))
    assert open_items in history.splitlines()[0]


def test_passing_with_open_items_must_be_confirmed(toolkaart: Toolkaart) -> None:
    app = open_page(PHASE_PAGE, {"fase": "idee"})
    app.radio(key="walk.idee.answer").set_value("ja").run()
    # the open items are shown before the decision
    idee = toolkaart.phase("idee")
    assert app.warning[0].value == t("phase.gate.open_items", count=len(idee.checklist))
    for item in idee.checklist:
        assert item.text in texts(app)
    app.button(key="walk.idee.submit").click().run()
    refusal = t("gate.error.open_items", phase=idee.name, count=len(idee.checklist))
    assert app.error[0].value == refusal
    assert walk(app).decisions == ()
    assert next_link(app).endswith(f"({t('state.locked')})")


def test_all_items_ticked_passes_without_confirmation(toolkaart: Toolkaart) -> None:
    app = open_page(PHASE_PAGE, {"fase": "idee"})
    for item in toolkaart.phase("idee").checklist:
        app.checkbox(key=f"walk.idee.item.{item.id}").check().run()
    app.radio(key="walk.idee.answer").set_value("ja").run()
    assert not app.warning and "walk.idee.confirm" not in [c.key for c in app.checkbox]
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
    assert t("phase.state", state=t("state.locked")) in texts(app)
    idee = toolkaart.phase("idee")
    assert app.info[0].value == t("phase.gate.locked", current=idee.name)
    current = t("phase.gate.go_current", number=idee.number, name=idee.name)
    assert (current, "fase", "fase=idee") in links(app)
    assert not app.radio and not app.button
    # the phase itself is still there to read
    assert toolkaart.phase("ontwikkeling").key_question in texts(app)


def test_home_map_shows_how_far_the_walk_has_come(toolkaart: Toolkaart) -> None:
    app = open_page(PHASE_PAGE, {"fase": "idee"})
    answer(app, "idee", "ja", confirm=True)
    open_page(PHASE_PAGE, {"fase": "verkenning"}, app=app)
    answer(app, "verkenning", "ja", confirm=True)

    open_page(HOME_PAGE, app=app)
    total = len(toolkaart.phases)
    current = toolkaart.phase("ontwikkeling").name
    assert app.get("progress")[0].proto.text == t(
        "home.progress", passed=2, total=total, current=current
    )
    chart = app.get("graphviz_chart")[0].proto
    states = ["passed", "passed", "current"]
    walked = "; ".join(
        t("home.map.alt.phase", number=p.number, name=p.name, state=t(f"state.{state}"))
        for p, state in zip(toolkaart.phases, states, strict=False)
    )
    assert walked in chart.alt
    # the map colours: passed green, current yellow, locked grey
    fills = {
        p.id: re.search(rf'(?:^|\s)"?{p.id}"? \[[^\]]*fillcolor="?(#\w+)', chart.spec).group(1)  # type: ignore[union-attr]
        for p in toolkaart.phases
    }
    assert fills["idee"] == fills["verkenning"] == PHASE_FILL["passed"]  # green
    assert fills["ontwikkeling"] == PHASE_FILL["current"]  # yellow
    assert {fills[p.id] for p in toolkaart.phases[3:]} == {PHASE_FILL["locked"]}  # grey
    assert len({PHASE_FILL["passed"], PHASE_FILL["current"], PHASE_FILL["locked"]}) == 3
    phase_labels = [label for label, page, _ in links(app) if page == "fase"]
    assert [label.rsplit("(", 1)[1] for label in phase_labels] == [
        f"{t(f'state.{state}')})" for state in [*states, *["locked"] * 4]
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
    assert next_link(app) == next_label(toolkaart.phase("verkenning"), "locked")


def test_going_back_says_before_and_after_which_gates_lock_again(toolkaart: Toolkaart) -> None:
    """Issue 11.3: a nog niet or nee on a passed gate names the gates it closes, before and after."""
    idee, verkenning, ontwikkeling = toolkaart.phases[:3]
    app = open_page(PHASE_PAGE, {"fase": "idee"})
    answer(app, "idee", "ja", confirm=True)
    open_page(PHASE_PAGE, {"fase": "verkenning"}, app=app)
    answer(app, "verkenning", "ja", confirm=True)
    open_page(PHASE_PAGE, {"fase": "idee"}, app=app)
    app.radio(key="walk.idee.answer").set_value("ja").run()
    assert not [w for w in app.warning if w.value.startswith(opening("phase.gate.will_lock"))]
    app.radio(key="walk.idee.answer").set_value("nog niet").run()
    closing = f"{verkenning.number}. {verkenning.name}, {ontwikkeling.number}. {ontwikkeling.name}"
    said = t("answer.nog niet")
    warning = t("phase.gate.will_lock", answer=said, phase=idee.name, phases=closing)
    assert warning in [w.value for w in app.warning]
    app.button(key="walk.idee.submit").click().run()
    done = t("phase.gate.locked_again", answer=said, phase=idee.name, phases=closing)
    assert [s.value for s in app.success] == [done]
    assert walk(app).status(toolkaart).state("verkenning") is GateState.LOCKED
    # on the current gate a nog niet closes nothing, and says nothing about it
    app.radio(key="walk.idee.answer").set_value("nog niet").run()
    assert warning not in [w.value for w in app.warning]


def test_productie_asks_for_the_next_review(toolkaart: Toolkaart) -> None:
    app = open_page(PHASE_PAGE, {"fase": "idee"})
    for phase in toolkaart.phases[:-1]:
        open_page(PHASE_PAGE, {"fase": phase.id}, app=app)
        answer(app, phase.id, "ja", confirm=True)
    open_page(PHASE_PAGE, {"fase": "productie"}, app=app)
    app.radio(key="walk.productie.answer").set_value("ja").run()
    review = local_today() + dt.timedelta(days=180)
    app.date_input(key="walk.productie.next_review").set_value(review).run()
    app.checkbox(key="walk.productie.confirm").check().run()
    app.button(key="walk.productie.submit").click().run()
    productie = toolkaart.phase("productie")
    assert app.success[0].value == t("phase.gate.passed_last", phase=productie.name)
    status = walk(app).status(toolkaart)
    assert status.completed and status.next_review == review
    open_page(HOME_PAGE, app=app)
    assert app.success[0].value == t("home.progress.completed", total=len(toolkaart.phases))


def test_answering_without_choosing_says_what_is_missing() -> None:
    app = open_page(PHASE_PAGE, {"fase": "idee"})
    app.button(key="walk.idee.submit").click().run()
    assert app.error[0].value == t("gate.form.no_answer")
    assert walk(app).decisions == ()


def test_a_long_log_lists_only_the_latest_decisions_under_the_gate(toolkaart: Toolkaart) -> None:
    """A log of 2,000 decisions (the most a project holds) is not drawn as one list per rerun."""
    store = Store(settings().database_url, acting=LOCAL)
    project = store.create("Lang logboek")
    decisions = tuple(
        GateDecision(
            "idee", Answer.NOG_NIET, rationale=f"ronde {n}", decided_on=dt.date(2026, 1, 1)
        )
        for n in range(1, 2001)
    )
    store.save(project.with_assessment(replace(Assessment(), decisions=decisions)))
    app = open_page("app_pages/fase.py", {"fase": "idee", "project": project.id})
    shown = [m.value for m in app.markdown if "ronde " in m.value]
    assert len(shown) == 1 and shown[0].count("ronde ") == HISTORY_SHOWN
    assert "ronde 2000" in shown[0] and "ronde 1990" not in shown[0]
    more = t("phase.gate.history.more", decisions=counted("decision", 2000 - HISTORY_SHOWN))
    assert more in [c.value for c in app.caption]
