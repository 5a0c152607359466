"""Evidence, people and notes on the phase page and the Zelfscan (issue 16), under AppTest."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from streamlit.testing.v1 import AppTest

from tests.appkit import open_page, texts
from tests.web.test_signin_pages import BESTUUR_A, TEAM_A, Service, open_as, service
from toolkaart.access.permissions import LOCAL
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Actor, ChecklistItem, Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.route.project import Project
from toolkaart.route.records import new_evidence, new_note, new_person
from toolkaart.store.project_store import Store
from toolkaart.web.literal import literal
from toolkaart.web.records_form import EVIDENCE_SHOWN

__all__ = ["service"]  # the signed-in service's fixture, used below

PHASE = "app_pages/fase.py"
SCAN = "app_pages/zelfscan.py"


@pytest.fixture
def store() -> Iterator[Store]:
    opened = Store(acting=LOCAL)  # the test's private database (conftest), as the app opens it
    yield opened
    opened.close()


@pytest.fixture
def project(store: Store) -> Project:
    return store.create("Valdetectie")


def first_item(toolkaart: Toolkaart) -> ChecklistItem:
    return toolkaart.phase("idee").checklist[0]


def evidence_key(item: ChecklistItem, name: str) -> str:
    return f"records.evidence.idee.{item.id}.{name}"


def people_key(actor: Actor, name: str) -> str:
    return f"records.people.{actor.id}.{name}"


def open_drawer(app: AppTest, key: str) -> AppTest:
    """What a click on an expander does: it opens, and the page runs again with its content."""
    app.session_state[key] = True
    app.run()
    assert not app.exception, app.exception
    return app


def tick(app: AppTest, item: ChecklistItem, phase: str = "idee") -> AppTest:
    """Evidence backs a tick: its control is under ticked items only."""
    box = app.checkbox(key=f"walk.{phase}.item.{item.id}")
    if not box.value:
        box.check().run()
    return app


def add_evidence(
    app: AppTest, item: ChecklistItem, note: str = "", url: str = "", author: str | None = None
) -> AppTest:
    tick(app, item)
    open_drawer(app, evidence_key(item, "open"))
    app.text_area(key=evidence_key(item, "note")).input(note)
    app.text_input(key=evidence_key(item, "url")).input(url)
    if author is not None:
        app.text_input(key=evidence_key(item, "author")).input(author)
    app.button(key=evidence_key(item, "submit")).click().run()
    assert not app.exception, app.exception
    return app


def captions(app: AppTest) -> list[str]:
    return [str(caption.value) for caption in app.caption]


# evidence ----------------------------------------------------------------------------------------


def test_evidence_is_added_under_its_item_and_counted(
    store: Store, project: Project, toolkaart: Toolkaart
) -> None:
    item = first_item(toolkaart)
    app = open_page(PHASE, {"fase": "idee", "project": project.id})
    assert t("records.tally", supported=0, unsupported=0) in captions(app)
    drawer_key = evidence_key(item, "open")
    assert drawer_key not in app.session_state  # under ticked items only
    tick(app, item)
    assert t("records.tally", supported=0, unsupported=1) in captions(app)
    assert drawer_key in app.session_state  # one control per ticked item, closed
    assert evidence_key(item, "note") not in [w.key for w in app.text_area]  # drawn when open

    add_evidence(app, item, note="Verslag", url="http://intranet.example.nl/verslag")
    assert [e.value for e in app.error] == [
        literal(t("project.error.not_https", url="http://intranet.example.nl/verslag"))
    ]
    assert app.text_area(key=evidence_key(item, "note")).value == "Verslag"  # input kept
    assert store.get(project.id).evidence == ()

    app.text_input(key=evidence_key(item, "url")).input("https://intranet.example.nl/verslag")
    app.text_input(key=evidence_key(item, "author")).input("Zoë")
    app.button(key=evidence_key(item, "submit")).click().run()
    saved = store.get(project.id)
    assert [(e.note, e.url, e.added_by) for e in saved.evidence] == [
        ("Verslag", "https://intranet.example.nl/verslag", "Zoë")
    ]
    assert saved.content_version == toolkaart.meta.version
    assert [s.value for s in app.success] == [t("records.evidence.added")]
    assert app.session_state[drawer_key] is False  # closed again, the form emptied
    assert literal(
        "Onderbouwing: Verslag — https://intranet.example.nl/verslag (Zoë, "
    ) in "\n".join(captions(app))

    app.checkbox(key=f"walk.idee.item.{item.id}").check().run()
    assert t("records.tally", supported=1, unsupported=0) in captions(app)
    second = toolkaart.phase("idee").checklist[1]
    app.checkbox(key=f"walk.idee.item.{second.id}").check().run()
    assert t("records.tally", supported=1, unsupported=1) in captions(app)

    # the name typed once is offered in the next form
    open_drawer(app, evidence_key(second, "open"))
    assert app.text_input(key=evidence_key(second, "author")).value == "Zoë"


def test_evidence_without_a_note_or_an_address_is_refused(
    project: Project, toolkaart: Toolkaart
) -> None:
    item = first_item(toolkaart)
    app = add_evidence(open_page(PHASE, {"fase": "idee", "project": project.id}), item)
    assert [e.value for e in app.error] == [t("project.error.evidence_empty")]


def test_an_item_shows_its_latest_evidence_and_counts_the_rest(
    store: Store, project: Project, toolkaart: Toolkaart
) -> None:
    item = first_item(toolkaart)
    for number in range(EVIDENCE_SHOWN + 2):
        evidence = new_evidence(toolkaart, "idee", item.id, note=f"Stuk {number}")
        project = store.save(project.with_evidence(evidence))
    app = open_page(SCAN, {"fase": "idee", "project": project.id})
    shown = "\n".join(captions(app))
    assert "Stuk 1 " not in shown and "Stuk 2 " in shown and f"Stuk {EVIDENCE_SHOWN + 1}" in shown
    assert t("records.evidence.more", count=2) in shown


def test_without_a_project_nothing_is_recorded_and_the_page_says_how(
    toolkaart: Toolkaart,
) -> None:
    app = open_page(PHASE, {"fase": "idee"})
    assert evidence_key(first_item(toolkaart), "open") not in app.session_state
    assert t("records.need_project") in captions(app)
    assert t("records.tally", supported=0, unsupported=0) not in captions(app)


def test_a_save_by_someone_else_meanwhile_keeps_the_input_and_adding_again_keeps_both(
    store: Store, project: Project, toolkaart: Toolkaart
) -> None:
    item = first_item(toolkaart)
    app = tick(open_page(PHASE, {"fase": "idee", "project": project.id}), item)
    theirs = new_evidence(toolkaart, "idee", item.id, note="Van een collega")
    store.save(store.get(project.id).with_evidence(theirs))  # another session saves first
    add_evidence(app, item, note="Van mij")
    assert t("records.conflict") in app.error[0].value.replace("\u2060", "")
    assert app.text_area(key=evidence_key(item, "note")).value == "Van mij"
    app.button(key=evidence_key(item, "submit")).click().run()
    assert [e.note for e in store.get(project.id).evidence] == ["Van een collega", "Van mij"]


# people ------------------------------------------------------------------------------------------


def test_people_are_named_per_actor_and_named_among_the_joiners(
    store: Store, project: Project, toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    phase = toolkaart.phases[1]
    joining = graph.transition(phase.id).joining[0]
    app = open_page(PHASE, {"fase": phase.id, "project": project.id})
    nobody = captions(app).count(t("records.people.nobody"))
    assert nobody == len(phase.actors)
    open_drawer(app, people_key(joining, "open"))
    app.button(key=people_key(joining, "submit")).click().run()
    assert [e.value for e in app.error] == [t("project.error.person_name_required")]
    app.text_input(key=people_key(joining, "name")).input("Zoë de Vries")
    app.text_input(key=people_key(joining, "function")).input("SEH-arts")
    app.button(key=people_key(joining, "submit")).click().run()
    assert [p.label for p in store.get(project.id).people_in(joining.id)] == [
        "Zoë de Vries (SEH-arts)"
    ]
    assert t("records.people.list", names="Zoë de Vries (SEH-arts)") in captions(app)
    assert captions(app).count(t("records.people.nobody")) == nobody - 1
    named = t("records.people.named", actor=joining.name, names="Zoë de Vries")
    assert named in "\n".join(info.value for info in app.info)

    # removed again, from the same control
    app.button(key=people_key(joining, "remove.0")).click().run()
    assert store.get(project.id).people == ()
    assert [s.value for s in app.success] == [t("records.people.removed", name="Zoë de Vries")]


# notes -------------------------------------------------------------------------------------------


def test_a_phase_has_a_thread_of_notes_on_the_phase_page_and_the_zelfscan(
    store: Store, project: Project, toolkaart: Toolkaart
) -> None:
    app = open_page(PHASE, {"fase": "idee", "project": project.id})
    assert t("records.notes.none") in captions(app)
    app.button(key="records.notes.idee.submit").click().run()
    assert [e.value for e in app.error] == [t("project.error.note_empty")]
    app.text_area(key="records.notes.idee.text").input("Gesprek met de IC gepland")
    app.text_input(key="records.notes.idee.author").input("Bram")
    app.button(key="records.notes.idee.submit").click().run()
    notes = store.get(project.id).notes
    assert [(n.text, n.author) for n in notes] == [("Gesprek met de IC gepland", "Bram")]
    assert app.text_area(key="records.notes.idee.text").value == ""
    scan = open_page(SCAN, {"fase": "idee", "project": project.id})
    assert "Bram: Gesprek met de IC gepland" in texts(scan)
    version = literal(toolkaart.meta.version)
    assert t("scan.content_version.undecided", version=version) in captions(scan)


def test_the_zelfscan_says_what_it_cannot_know_of_an_unknown_content_version(
    store: Store, project: Project, toolkaart: Toolkaart
) -> None:
    old = store.save(replace(project, content_version="0.9.0"))  # the store keeps it as given
    scan = open_page(SCAN, {"fase": "idee", "project": old.id})
    assert t("scan.content_version.undecided", version=literal("0.9.0")) in captions(scan)
    serving = literal(toolkaart.meta.version)
    (notice,) = [w.value for w in scan.warning]
    assert t("changes.notice.undecided", since=literal("0.9.0"), serving=serving) in notice
    assert t("changes.unknown", since=literal("0.9.0")) in notice


# signed in ---------------------------------------------------------------------------------------


def test_a_signed_in_member_adds_in_their_own_name_and_the_board_reads_only(
    service: Service, toolkaart: Toolkaart
) -> None:
    item = first_item(toolkaart)
    project = service.project_a
    query = {"fase": "idee", "project": project.id}
    app = tick(open_as(TEAM_A, PHASE, query), item)
    open_drawer(app, evidence_key(item, "open"))
    assert evidence_key(item, "author") not in [w.key for w in app.text_input]
    assert t("records.author_signed_in", name=literal(TEAM_A.label)) in captions(app)
    app.text_area(key=evidence_key(item, "note")).input("Verslag")
    app.button(key=evidence_key(item, "submit")).click().run()
    app.text_area(key="records.notes.idee.text").input("Afgestemd")
    app.button(key="records.notes.idee.submit").click().run()
    actor = toolkaart.actor(toolkaart.phase("idee").actors[0])
    open_drawer(app, people_key(actor, "open"))
    app.text_input(key=people_key(actor, "name")).input("Zoë")
    app.button(key=people_key(actor, "submit")).click().run()
    stored = service.store.get(project.id)
    assert [e.added_by for e in stored.evidence] == [TEAM_A.label]
    assert [n.author for n in stored.notes] == [TEAM_A.label]

    board = open_as(BESTUUR_A, PHASE, query)
    shown = texts(board)
    assert literal(f"Onderbouwing: Verslag ({TEAM_A.label}, ")[:40] in shown
    assert "Afgestemd" in shown
    assert t("records.people.list", names="Zoë") in captions(board)
    assert evidence_key(item, "open") not in board.session_state
    assert people_key(actor, "open") not in board.session_state
    assert "records.notes.idee.text" not in [w.key for w in board.text_area]


def test_records_made_elsewhere_show_on_both_pages(
    store: Store, project: Project, toolkaart: Toolkaart
) -> None:
    item = first_item(toolkaart)
    actor = toolkaart.actor(toolkaart.phase("idee").actors[0])
    project = store.save(
        project.with_evidence(new_evidence(toolkaart, "idee", item.id, url="https://a.example.nl/"))
        .with_person(new_person(toolkaart, actor.id, name="An", contact="an@zorg.nl"))
        .with_note(new_note(toolkaart, "idee", "Eerste"))
    )
    for page in (PHASE, SCAN):
        app = open_page(page, {"fase": "idee", "project": project.id})
        shown = texts(app)
        assert literal("Onderbouwing: https://a.example.nl/ (") in shown, page
        assert t("records.people.list", names=literal("An (an@zorg.nl)")) in shown, page
        assert ": Eerste" in shown, page
