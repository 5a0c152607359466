"""Agenda page (AppTest): compose for chosen projects, reorder, add, edit, export, save, reopen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

from tests.appkit import opening
from tests.conftest import APP_DIR
from toolkaart.access.permissions import LOCAL
from toolkaart.board.agenda_model import Agenda
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import counted, t
from toolkaart.i18n.dates import date_label
from toolkaart.route.gates import Answer
from toolkaart.route.project import Project
from toolkaart.store.agenda_store import list_drafts, save_draft
from toolkaart.store.project_store import Store
from toolkaart.web import board_view
from toolkaart.web.frontend_fixes import THEN

MEETING = dt.date(2027, 3, 11)


@pytest.fixture
def store() -> Iterator[Store]:
    opened = Store(acting=LOCAL)  # the test's private SQLite file (conftest)
    yield opened
    opened.close()


@pytest.fixture
def two(store: Store, toolkaart: Toolkaart) -> tuple[Project, Project]:
    sepsis = store.create("Sepsis-voorspeller", "Ziekenhuis Oost")
    sepsis = store.save(
        sepsis.with_assessment(
            sepsis.assessment.decide(
                toolkaart,
                toolkaart.phases[0].id,
                Answer.JA,
                rationale="Patiënten én artsen vragen erom",
                decided_on=dt.date(2026, 10, 1),
                accept_open_items=True,
            )
        )
    )
    return sepsis, store.create("Röntgen-triage", "UMC Zuid")


def open_page() -> AppTest:
    app = AppTest.from_file(str(APP_DIR / "app.py"), default_timeout=30)
    app.switch_page("app_pages/agenda.py").run()
    assert not app.exception
    return app


def headings(app: AppTest) -> list[str]:
    """The numbered agenda items, in the order shown."""
    return [h.value for h in app.subheader if h.value[:1].isdigit()]


def click(app: AppTest, key: str) -> None:
    app.button(key=key).click().run()
    assert not app.exception


def generation(app: AppTest) -> int:
    """Part of the keys of the agenda's widgets (see board_view.generation)."""
    return int(app.session_state[board_view.GENERATION])


def item_key(app: AppTest, name: str, index: int) -> str:
    """The key of widget ``name`` of the agenda item shown at ``index``."""
    agenda = app.session_state[board_view.DRAFT]
    assert isinstance(agenda, Agenda)
    return f"agenda.{name}.{generation(app)}.{agenda.items[index].id}"


def default_title() -> str:
    return t("agenda.default_title", date=date_label(MEETING))


def compose(app: AppTest, *projects: Project) -> None:
    app.date_input(key="agenda.meeting").set_value(MEETING).run()
    chooser = app.multiselect(key="agenda.choose")
    for project in projects:
        chooser.select(project.id)
    app.run()
    click(app, "agenda.compose")


def add_item(app: AppTest, title: str, note: str | None = None) -> None:
    on = generation(app)
    app.text_input(key=f"agenda.add.title.{on}").set_value(title)
    if note is not None:
        app.text_area(key=f"agenda.add.note.{on}").set_value(note)
    click(app, f"agenda.add.submit.{on}")


def test_every_control_has_a_label(two: tuple[Project, Project]) -> None:
    app = open_page()
    compose(app, *two)
    widgets = [*app.button, *app.text_input, *app.text_area, *app.date_input, *app.multiselect]
    assert all(w.label.strip() for w in widgets)
    labels = [b.proto.label for b in app.get("download_button")]
    assert labels == [t(f"agenda.export.{extension}") for extension in ("docx", "pdf", "md")]


def test_compose_for_two_projects_in_the_chosen_order(
    two: tuple[Project, Project], toolkaart: Toolkaart
) -> None:
    sepsis, rontgen = two
    app = open_page()
    assert headings(app) == []  # nothing composed yet
    compose(app, rontgen, sepsis)
    assert app.header[0].value == default_title()
    assert headings(app) == [
        f"1. {t('agenda.overview.title')}",
        "2. Röntgen-triage",
        "3. Sepsis-voorspeller",
    ]
    text = "\n".join(m.value for m in app.markdown)
    assert f"**{t('agenda.doc.row.decide')}**: {toolkaart.phases[1].key_question}" in text
    assert "Patiënten én artsen vragen erom" in text
    assert toolkaart.actor("zorgbestuurder").description in text
    composed = t("agenda.composed", projects=counted("project", 2))
    assert composed in [s.value for s in app.success]


def test_reorder_add_and_edit(two: tuple[Project, Project]) -> None:
    sepsis, rontgen = two
    app = open_page()
    compose(app, sepsis, rontgen)
    overview = t("agenda.overview.title")
    up = [app.button(key=item_key(app, "up", index)) for index in range(3)]
    assert all(button.label == t("agenda.item.up") for button in up)
    assert up[0].disabled and not up[1].disabled  # the first item cannot go further up
    click(app, item_key(app, "up", 2))  # Röntgen-triage one place up
    assert headings(app) == [
        f"1. {overview}",
        "2. Röntgen-triage",
        "3. Sepsis-voorspeller",
    ]
    assert app.button(key=item_key(app, "down", 0)).label == t("agenda.item.down")
    click(app, item_key(app, "down", 0))  # the overview one place down
    assert headings(app)[:2] == ["1. Röntgen-triage", f"2. {overview}"]

    add_item(app, "Rondvraag", "Vragen van Zoë")
    assert headings(app)[-1] == "4. Rondvraag"
    assert "Vragen van Zoë" in [m.value for m in app.markdown]

    app.text_input(key=item_key(app, "item.title", 2)).set_value("Sepsis: besluit over pilot")
    app.text_area(key=item_key(app, "item.note", 2)).set_value("Budget € 12.000 aanvragen")
    click(app, item_key(app, "item.save", 2))
    assert headings(app)[2] == "3. Sepsis: besluit over pilot"
    note = t("agenda.doc.note", note="Budget € 12.000 aanvragen")
    assert any(m.value.endswith(note) for m in app.markdown)

    assert app.button(key=item_key(app, "remove", 3)).label == t("agenda.item.remove")
    click(app, item_key(app, "remove", 3))
    assert headings(app) == [
        "1. Röntgen-triage",
        f"2. {overview}",
        "3. Sepsis: besluit over pilot",
    ]


def test_an_item_without_title_is_refused_in_dutch(two: tuple[Project, Project]) -> None:
    app = open_page()
    compose(app, *two)
    add_item(app, "")
    assert [e.value for e in app.error] == [t("agenda.error.empty_title")]
    assert len(headings(app)) == 3


def test_save_and_reopen_a_draft_in_a_new_session(two: tuple[Project, Project]) -> None:
    sepsis, rontgen = two
    app = open_page()
    compose(app, rontgen, sepsis)
    click(app, item_key(app, "down", 0))
    add_item(app, "Rondvraag")
    click(app, "agenda.save")
    assert [s.value for s in app.success] == [t("agenda.saved", title=default_title())]
    saved = headings(app)

    later = open_page()  # another session: nothing in memory
    assert headings(later) == []
    chooser = later.selectbox(key="agenda.reopen")
    assert chooser.label == t("agenda.reopen.choose")
    draft = t("agenda.draft_label", title=default_title(), date=date_label(MEETING), saved="")
    assert chooser.options[0].startswith(draft.split(")", 1)[0])
    click(later, "agenda.reopen.button")
    assert headings(later) == saved
    assert saved == [
        "1. Röntgen-triage",
        f"2. {t('agenda.overview.title')}",
        "3. Sepsis-voorspeller",
        "4. Rondvraag",
    ]

    click(later, "agenda.delete.button")  # asks first, naming the draft
    assert later.selectbox(key="agenda.reopen").options  # nothing deleted yet
    (asked,) = [
        w.value for w in later.warning if w.value.startswith(opening("agenda.delete.confirm"))
    ]
    assert default_title() in asked
    click(later, f"agenda.delete.button{THEN}")  # "Nee, bewaren", where the focus goes
    assert t("agenda.delete.kept") in [i.value for i in later.info]
    assert not [w for w in later.warning if w.value.startswith(opening("agenda.delete.confirm"))]
    assert later.selectbox(key="agenda.reopen").options
    click(later, "agenda.delete.button")
    click(later, "agenda.delete.yes")
    assert not later.selectbox  # no drafts left to reopen


def test_an_unsaved_agenda_says_so_until_it_is_saved(two: tuple[Project, Project]) -> None:
    sepsis, rontgen = two
    app = open_page()
    compose(app, rontgen, sepsis)
    assert t("agenda.unsaved") in [w.value for w in app.warning]  # only in this browser window
    click(app, "agenda.save")
    assert t("agenda.unsaved") not in [w.value for w in app.warning]
    add_item(app, "Rondvraag")  # a change after saving
    assert t("agenda.unsaved") in [w.value for w in app.warning]
    click(app, "agenda.save")
    assert t("agenda.unsaved") not in [w.value for w in app.warning]

    later = open_page()
    click(later, "agenda.reopen.button")  # a reopened draft is stored as it is
    assert t("agenda.unsaved") not in [w.value for w in later.warning]


def test_delete_asks_and_deletes_only_the_draft_and_version_it_named(store: Store) -> None:
    """The question belongs to the draft chosen when it was asked: choosing another draft
    takes it away, and a yes after someone saved that draft again deletes nothing."""
    a = save_draft(store, Agenda(title="Agenda A", meeting_date=MEETING))
    b = save_draft(store, Agenda(title="Agenda B", meeting_date=MEETING))
    app = open_page()
    confirm = opening("agenda.delete.confirm")

    def asked() -> list[str]:
        return [w.value for w in app.warning if w.value.startswith(confirm)]

    app.selectbox(key="agenda.reopen").select(a.id).run()
    click(app, "agenda.delete.button")
    assert "Agenda A" in asked()[0]
    app.selectbox(key="agenda.reopen").select(b.id).run()
    assert asked() == []  # the question was about A
    app.selectbox(key="agenda.reopen").select(a.id).run()
    assert asked() == []  # and does not come back with it

    click(app, "agenda.delete.button")
    save_draft(store, Agenda(title="Agenda A!", meeting_date=MEETING), a)  # saved by someone else
    click(app, "agenda.delete.yes")
    assert [w.value for w in app.warning] == [t("agenda.delete.changed")]
    assert {d.id for d in list_drafts(store)} == {a.id, b.id}  # nothing deleted

    app.selectbox(key="agenda.reopen").select(b.id).run()
    click(app, "agenda.delete.button")
    click(app, "agenda.delete.yes")
    assert [d.id for d in list_drafts(store)] == [a.id]  # B, the one named, and only B
