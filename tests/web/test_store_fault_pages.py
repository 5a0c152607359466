"""What a person sees when the database fails: a short Dutch message, no traceback, the input kept,
and the same session saving once the fault is gone. The faults are real (tests/faultkit.py)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit.config
from streamlit.testing.v1 import AppTest

from tests.appkit import open_page, texts
from tests.faultkit import PrivateServer, fill, private_postgres, small_disk
from toolkaart.access.permissions import LOCAL
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.route.gates import MAX_DECIDED_BY, Answer
from toolkaart.route.project import Project
from toolkaart.serve import streamlit_settings
from toolkaart.store.project_store import Store

PROJECTS = "app_pages/projecten.py"
SCAN = "app_pages/zelfscan.py"
PHASE = "app_pages/fase.py"
AGENDA = "app_pages/agenda.py"


def unreachable(outcome: str) -> str:
    return t("store.error.unreachable", outcome=t(f"store.outcome.{outcome}"))


def disk_full() -> str:
    return t("store.error.disk_full", outcome=t("store.outcome.write"))


def shown_without_details(app: AppTest, *secrets: str) -> None:
    """No exception element, and nothing of the database's own words on the page."""
    assert not app.exception, app.exception
    page = texts(app)
    for leak in ("Traceback", "sqlalchemy", "sqlite", "psycopg", "127.0.0.1", *secrets):
        assert leak not in page


def click(app: AppTest, key: str) -> None:
    app.button(key=key).click().run()
    assert not app.exception, app.exception


@pytest.fixture(scope="module")
def server() -> Iterator[PrivateServer]:
    with private_postgres() as private:
        yield private


@pytest.fixture
def on_server(server: PrivateServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The app on the private server, in a database of this test's own."""
    name = f"t{uuid.uuid4().hex[:12]}"
    server.sql(f"CREATE DATABASE {name}")
    monkeypatch.setenv("TOOLKAART_DATABASE_URL", server.url_of(name))
    store = Store(server.url_of(name), acting=LOCAL)
    yield store
    store.close()


@pytest.fixture
def on_small_disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Store, Path]]:
    """The app on a SQLite file on a 2 MB disk."""
    with small_disk() as disk:
        url = f"sqlite:///{disk / 'toolkaart.sqlite3'}"
        monkeypatch.setenv("TOOLKAART_DATABASE_URL", url)
        store = Store(url, acting=LOCAL)
        yield store, disk
        store.close()


# PostgreSQL stopped


@pytest.mark.postgres
@pytest.mark.slow
def test_a_page_opened_while_postgresql_is_down_says_so_and_works_once_it_is_back(
    server: PrivateServer, on_server: Store
) -> None:
    on_server.create("Sepsis")
    server.stop()
    try:
        app = open_page(PROJECTS)
        assert [e.value for e in app.error] == [unreachable("read")]
        shown_without_details(app, str(server.port))
    finally:
        server.start()
    app.run()
    assert t("projects.list.name", name="Sepsis") in texts(app)


@pytest.mark.postgres
@pytest.mark.slow
def test_a_decision_made_while_postgresql_is_down_is_kept_and_saved_once_it_is_back(
    server: PrivateServer, on_server: Store
) -> None:
    project = on_server.create("Sepsis")
    app = open_page(SCAN, {"project": project.id})
    app.radio(key="walk.idee.answer").set_value(Answer.NOG_NIET)
    app.text_area(key="walk.idee.rationale").input("eerst de zorgvraag scherp")
    app.text_input(key="walk.idee.decided_by").input("Stuurgroep")
    server.stop()
    try:
        click(app, "walk.idee.submit")
        assert [e.value for e in app.error] == [unreachable("write")]
        shown_without_details(app, str(server.port))
        assert app.text_area(key="walk.idee.rationale").value == "eerst de zorgvraag scherp"
        assert app.text_input(key="walk.idee.decided_by").value == "Stuurgroep"
    finally:
        server.start()
    click(app, "walk.idee.submit")  # the same session, the same input
    assert app.error == []
    [decision] = on_server.get(project.id).assessment.decisions
    assert (decision.rationale, decision.decided_by) == ("eerst de zorgvraag scherp", "Stuurgroep")


@pytest.mark.postgres
@pytest.mark.slow
def test_an_agenda_saved_while_postgresql_is_down_stays_and_is_saved_once_it_is_back(
    server: PrivateServer, on_server: Store
) -> None:
    project = on_server.create("Sepsis")
    app = open_page(AGENDA)
    app.multiselect(key="agenda.choose").select(project.id).run()
    click(app, "agenda.compose")
    server.stop()
    try:
        click(app, "agenda.save")
        assert unreachable("write") in [e.value for e in app.error]
        shown_without_details(app, str(server.port))
    finally:
        server.start()
    click(app, "agenda.save")
    assert app.error == [] and len(app.success) == 1


# a full disk


def test_a_project_created_on_a_full_disk_keeps_its_details_for_a_retry(
    on_small_disk: tuple[Store, Path],
) -> None:
    store, disk = on_small_disk
    filler = fill(disk)
    app = open_page(PROJECTS)
    for _ in range(30):  # until the WAL needs more than the disk has
        app.text_input(key="projects.create.name").input("Sepsis-signalering")
        app.text_area(key="projects.create.description").input("x" * 2000)
        click(app, "projects.create.submit")
        if app.error:
            break
        app = open_page(PROJECTS, app=app)
    assert [e.value for e in app.error] == [disk_full()]
    shown_without_details(app, str(disk))
    assert app.text_input(key="projects.create.name").value == "Sepsis-signalering"
    created = len(store.list_projects())
    filler.unlink()
    click(app, "projects.create.submit")
    assert len(store.list_projects()) == created + 1


def test_a_tick_on_a_full_disk_stays_ticked_and_is_saved_with_the_next_one(
    on_small_disk: tuple[Store, Path], toolkaart: Toolkaart
) -> None:
    store, disk = on_small_disk
    project = store.create("Sepsis", description="x" * 2000)
    items = [item.id for item in toolkaart.phase("idee").checklist]
    app = open_page(PHASE, {"fase": "idee", "project": project.id})
    filler = fill(disk)
    with_room = _tick_until_refused(app, store, project, items)
    assert [e.value for e in app.error] == [disk_full()]
    shown_without_details(app, str(disk))
    refused = items[with_room]
    assert app.checkbox(key=f"walk.idee.item.{refused}").value  # still ticked
    filler.unlink()
    app.checkbox(key=f"walk.idee.item.{items[with_room + 1]}").check().run()
    stored = store.get(project.id).assessment.checked_in("idee")
    assert {refused, items[with_room + 1]} <= stored


def _tick_until_refused(app: AppTest, store: Store, project: Project, items: list[str]) -> int:
    """Tick items one by one (each save adds a history snapshot) until the disk refuses one; the
    index of the refused item."""
    for index, item in enumerate(items[:-1]):
        app.checkbox(key=f"walk.idee.item.{item}").check().run()
        assert not app.exception, app.exception
        if app.error:
            return index
        store.save(store.get(project.id))  # a little more history, to fill the disk sooner
    pytest.fail("the disk did not fill up")


# a value the database cannot hold


def test_a_decided_by_longer_than_the_domain_takes_cannot_be_typed(
    toolkaart: Toolkaart,
) -> None:
    """The field stops at the domain's limit (a browser refuses the 201st character); what gets
    past a form anyway is refused by the domain (tests/route/test_decision_rules.py) and, under
    it, by the store (test_store_faults)."""
    store = Store(acting=LOCAL)
    project = store.create("Sepsis")
    app = open_page(PHASE, {"fase": "idee", "project": project.id})
    field = app.text_input(key="walk.idee.decided_by")
    assert field.max_chars == MAX_DECIDED_BY
    app.radio(key="walk.idee.answer").set_value("nog niet").run()
    app.text_input(key="walk.idee.decided_by").input("B" * MAX_DECIDED_BY).run()
    click(app, "walk.idee.submit")
    assert not app.error
    shown_without_details(app)
    (decision,) = store.get(project.id).assessment.decisions
    assert decision.decided_by == "B" * MAX_DECIDED_BY


def test_no_error_details_reach_a_browser() -> None:
    """Should Streamlit draw its own message for an error (the server's handler draws a Dutch
    one instead, tests/browser/test_page_error.py), it says nothing of the error: not its text,
    traceback or search buttons."""
    assert streamlit_settings()["client.showErrorDetails"] == "none"
    assert streamlit.config.get_option("client.showErrorDetails") == "none"  # as AppTest runs
