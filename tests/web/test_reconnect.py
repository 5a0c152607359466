"""A page that outlived its session (its replica died) meets a new session: nothing stale is saved,
nothing is shown as saved that is not, and the next click works (toolkaart/web/reconnect.py).

The new session is an AppTest of its own whose first run receives the widget values of another
session's page, as a server does when a page from a lost session reconnects to it: Streamlit then
sets the values but knows none of the callbacks. (``tests/service/test_failover.py`` does it for
real: a replica killed behind HAProxy.)
"""

from __future__ import annotations

from streamlit.proto.WidgetStates_pb2 import WidgetStates
from streamlit.testing.v1 import AppTest

from tests.conftest import APP_DIR
from toolkaart.access.permissions import LOCAL
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import counted, t
from toolkaart.route.gates import Answer
from toolkaart.route.project import Project
from toolkaart.settings import settings
from toolkaart.store.project_store import Store

SCAN = "app_pages/zelfscan.py"


def the_store() -> Store:
    return Store(settings().database_url, acting=LOCAL)


def session_on(project: Project) -> AppTest:
    app = AppTest.from_file(str(APP_DIR / "app.py"), default_timeout=30).run()
    app.query_params.update({"project": project.id})
    app.switch_page(SCAN).run()
    assert not app.exception, app.exception
    return app


def page_values(app: AppTest) -> WidgetStates:
    """What the person's browser sends with their next click: every widget's value on the page."""
    states: WidgetStates = app._tree.get_widget_states()
    return states


def reconnect(old: AppTest, project: Project) -> AppTest:
    """A new session whose first run is the old page's next click (``old``'s widgets as set)."""
    new = AppTest.from_file(str(APP_DIR / "app.py"), default_timeout=30)
    new.query_params.update({"project": project.id, "fase": "idee"})
    new.switch_page(SCAN)
    new._run(page_values(old))
    assert not new.exception, new.exception
    return new


def item_key(item_id: str) -> str:
    return f"walk.idee.item.{item_id}"


def test_a_tick_on_a_lost_sessions_page_is_set_back_shown_and_the_next_one_is_saved(
    toolkaart: Toolkaart,
) -> None:
    first, second, *_ = toolkaart.phase("idee").checklist
    project = the_store().create("Verbinding weg")
    old = session_on(project)
    old.checkbox(key=item_key(first.id)).check()  # clicked; the server it went to is gone

    new = reconnect(old, project)

    assert the_store().get(project.id).assessment.checked_in("idee") == set()
    assert new.checkbox(key=item_key(first.id)).value is False  # not shown as saved
    assert [w.value for w in new.warning] == [t("walk.reconnected.ticks")]
    new.checkbox(key=item_key(first.id)).check().run()  # ticked again: this session knows it
    new.checkbox(key=item_key(second.id)).check().run()
    assert the_store().get(project.id).assessment.checked_in("idee") == {first.id, second.id}
    assert not new.warning


def test_a_lost_sessions_page_never_writes_back_what_someone_else_changed(
    toolkaart: Toolkaart,
) -> None:
    first, second, third, *_ = toolkaart.phase("idee").checklist
    project = the_store().create("Iemand anders vinkte")
    old = session_on(project)
    saved = the_store().get(project.id)  # meanwhile, someone else ticks the first item
    the_store().save(
        saved.with_assessment(saved.assessment.with_checked(toolkaart, "idee", [first.id]))
    )
    old.checkbox(key=item_key(second.id)).check()  # the old page still shows it unticked

    new = reconnect(old, project)

    assert the_store().get(project.id).assessment.checked_in("idee") == {first.id}
    assert new.checkbox(key=item_key(first.id)).value is True  # the stored walk, not the page's
    assert new.checkbox(key=item_key(second.id)).value is False
    new.checkbox(key=item_key(third.id)).check().run()
    assert the_store().get(project.id).assessment.checked_in("idee") == {first.id, third.id}


def test_a_decision_on_a_lost_sessions_page_is_not_taken_and_the_form_keeps_the_input(
    toolkaart: Toolkaart,
) -> None:
    project = the_store().create("Besluit bij verbindingsverlies")
    old = session_on(project)
    old.radio(key="walk.idee.answer").set_value(Answer.NEE.value).run()
    old.text_area(key="walk.idee.rationale").input("Eerst de zorgvraag scherp")
    old.text_input(key="walk.idee.decided_by").input("Stuurgroep")
    old.button(key="walk.idee.submit").click()

    new = reconnect(old, project)

    assert the_store().get(project.id).assessment.decisions == ()
    assert [w.value for w in new.warning] == [t("walk.reconnected.decision")]
    assert new.radio(key="walk.idee.answer").value == Answer.NEE.value
    assert new.text_area(key="walk.idee.rationale").value == "Eerst de zorgvraag scherp"
    new.button(key="walk.idee.submit").click().run()
    assert not new.exception, new.exception
    decisions = the_store().get(project.id).assessment.decisions
    assert [(d.answer, d.rationale) for d in decisions] == [
        (Answer.NEE, "Eerst de zorgvraag scherp")
    ]


def test_a_note_sent_from_a_lost_sessions_page_is_not_lost_silently(toolkaart: Toolkaart) -> None:
    project = the_store().create("Notitie bij verbindingsverlies")
    old = session_on(project)
    old.text_area(key="records.notes.idee.text").input("Overleg met de SEH gepland")
    old.button(key="records.notes.idee.submit").click()

    new = reconnect(old, project)

    assert the_store().get(project.id).notes == ()  # the callback was not known: not added
    assert [w.value for w in new.warning] == [t("walk.reconnected.click")]  # and said so
    assert new.text_area(key="records.notes.idee.text").value == "Overleg met de SEH gepland"
    new.button(key="records.notes.idee.submit").click().run()  # this session knows the form
    assert not new.exception, new.exception
    assert [n.text for n in the_store().get(project.id).notes] == ["Overleg met de SEH gepland"]
    assert not new.warning


def test_an_agenda_composed_on_a_lost_sessions_page_asks_for_the_click_again() -> None:
    project = the_store().create("Agenda bij verbindingsverlies")
    old = AppTest.from_file(str(APP_DIR / "app.py"), default_timeout=30).run()
    old.switch_page("app_pages/agenda.py").run()
    old.multiselect(key="agenda.choose").select(project.id).run()
    old.button(key="agenda.compose").click()

    new = AppTest.from_file(str(APP_DIR / "app.py"), default_timeout=30)
    new.switch_page("app_pages/agenda.py")
    new._run(page_values(old))
    assert not new.exception, new.exception

    assert [w.value for w in new.warning] == [t("walk.reconnected.click")]
    assert new.multiselect(key="agenda.choose").value == [project.id]  # the choice is kept
    assert not new.header  # nothing composed behind the person's back
    new.button(key="agenda.compose").click().run()
    composed = t("agenda.composed", projects=counted("project", 1))
    assert composed in [s.value for s in new.success]  # composed at the second click
    assert t("walk.reconnected.click") not in [w.value for w in new.warning]
