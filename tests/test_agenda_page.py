"""Agenda page (AppTest): compose for chosen projects, reorder, add, edit, export, save, reopen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import APP_DIR
from toolkaart.content.models import Toolkaart
from toolkaart.route.gates import Answer
from toolkaart.route.project import Project
from toolkaart.store.project_store import Store


@pytest.fixture
def store() -> Iterator[Store]:
    opened = Store()  # the test's private SQLite file (conftest)
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


def by_label(widgets: object, label: str) -> object:
    return next(w for w in widgets if w.label == label)  # type: ignore[attr-defined]


def click(app: AppTest, label: str, nth: int = 0) -> None:
    [b for b in app.button if b.label == label][nth].click().run()
    assert not app.exception


def compose(app: AppTest, *projects: Project) -> None:
    app.date_input(key="agenda.meeting").set_value(dt.date(2027, 3, 11)).run()
    chooser = app.multiselect(key="agenda.choose")
    for project in projects:
        chooser.select(project.id)
    app.run()
    click(app, "Agenda samenstellen")


def test_every_control_has_a_label(two: tuple[Project, Project]) -> None:
    app = open_page()
    compose(app, *two)
    widgets = [*app.button, *app.text_input, *app.text_area, *app.date_input, *app.multiselect]
    assert all(w.label.strip() for w in widgets)
    labels = [b.proto.label for b in app.get("download_button")]
    assert labels == ["Download als Word (DOCX)", "Download als PDF", "Download als Markdown"]


def test_compose_for_two_projects_in_the_chosen_order(
    two: tuple[Project, Project], toolkaart: Toolkaart
) -> None:
    sepsis, rontgen = two
    app = open_page()
    assert headings(app) == []  # nothing composed yet
    compose(app, rontgen, sepsis)
    assert app.header[0].value == "Agenda bestuursvergadering 11 maart 2027"
    assert headings(app) == [
        "1. Portefeuille per fase",
        "2. Röntgen-triage",
        "3. Sepsis-voorspeller",
    ]
    text = "\n".join(m.value for m in app.markdown)
    assert f"**Te besluiten (kernvraag)**: {toolkaart.phases[1].key_question}" in text
    assert "Patiënten én artsen vragen erom" in text
    assert toolkaart.actor("zorgbestuurder").description in text
    assert "De agenda is samengesteld met 2 projecten." in [s.value for s in app.success]


def test_reorder_add_and_edit(two: tuple[Project, Project]) -> None:
    sepsis, rontgen = two
    app = open_page()
    compose(app, sepsis, rontgen)
    up = [b for b in app.button if b.label == "↑ Omhoog"]
    assert up[0].disabled and not up[1].disabled  # the first item cannot go further up
    click(app, "↑ Omhoog", 2)  # Röntgen-triage one place up
    assert headings(app) == [
        "1. Portefeuille per fase",
        "2. Röntgen-triage",
        "3. Sepsis-voorspeller",
    ]
    click(app, "↓ Omlaag", 0)  # the overview one place down
    assert headings(app)[:2] == ["1. Röntgen-triage", "2. Portefeuille per fase"]

    by_label(app.text_input, "Titel van het nieuwe punt").set_value("Rondvraag")  # type: ignore[attr-defined]
    by_label(app.text_area, "Toelichting (optioneel)").set_value("Vragen van Zoë")  # type: ignore[attr-defined]
    click(app, "Punt toevoegen")
    assert headings(app)[-1] == "4. Rondvraag"
    assert "Vragen van Zoë" in [m.value for m in app.markdown]

    titles = [w for w in app.text_input if w.label == "Titel van het agendapunt"]
    notes = [w for w in app.text_area if w.label == "Notitie"]
    titles[2].set_value("Sepsis: besluit over pilot")
    notes[2].set_value("Budget € 12.000 aanvragen")
    click(app, "Wijzigingen opslaan", 2)
    assert headings(app)[2] == "3. Sepsis: besluit over pilot"
    assert any(m.value.endswith("Notitie: Budget € 12.000 aanvragen") for m in app.markdown)

    click(app, "Verwijderen", 3)
    assert headings(app) == [
        "1. Röntgen-triage",
        "2. Portefeuille per fase",
        "3. Sepsis: besluit over pilot",
    ]


def test_an_item_without_title_is_refused_in_dutch(two: tuple[Project, Project]) -> None:
    app = open_page()
    compose(app, *two)
    click(app, "Punt toevoegen")
    assert [e.value for e in app.error] == ["Geef het agendapunt een titel."]
    assert len(headings(app)) == 3


def test_save_and_reopen_a_draft_in_a_new_session(two: tuple[Project, Project]) -> None:
    sepsis, rontgen = two
    app = open_page()
    compose(app, rontgen, sepsis)
    click(app, "↓ Omlaag", 0)
    by_label(app.text_input, "Titel van het nieuwe punt").set_value("Rondvraag")  # type: ignore[attr-defined]
    click(app, "Punt toevoegen")
    click(app, "Concept opslaan")
    assert [s.value for s in app.success] == [
        "Het concept ‘Agenda bestuursvergadering 11 maart 2027’ is opgeslagen."
    ]
    saved = headings(app)

    later = open_page()  # another session: nothing in memory
    assert headings(later) == []
    chooser = later.selectbox(key="agenda.reopen")
    assert chooser.label == "Opgeslagen concept"
    assert chooser.options[0].startswith("Agenda bestuursvergadering 11 maart 2027 (vergadering")
    click(later, "Concept openen")
    assert headings(later) == saved
    assert saved == [
        "1. Röntgen-triage",
        "2. Portefeuille per fase",
        "3. Sepsis-voorspeller",
        "4. Rondvraag",
    ]

    click(later, "Concept verwijderen")
    assert not later.selectbox  # no drafts left to reopen
