"""Portfolio page (AppTest): chart with its text alternative, project table, filter, stale flag."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from tests.conftest import APP_DIR
from toolkaart.content.models import Toolkaart
from toolkaart.route.gates import Answer
from toolkaart.store.project_store import Store
from toolkaart.store.tables import projects


@pytest.fixture
def store() -> Iterator[Store]:
    opened = Store()  # the test's private SQLite file (conftest)
    yield opened
    opened.close()


def open_page() -> AppTest:
    app = AppTest.from_file(str(APP_DIR / "app.py"), default_timeout=30)
    app.switch_page("app_pages/portfolio.py").run()
    assert not app.exception
    return app


def seed(store: Store, toolkaart: Toolkaart) -> None:
    first = toolkaart.phases[0]
    sepsis = store.create("Sepsis-voorspeller", "Ziekenhuis Oost")
    store.save(
        sepsis.with_assessment(
            sepsis.assessment.decide(
                toolkaart,
                first.id,
                Answer.JA,
                rationale="Wenselijk",
                decided_on=dt.date(2026, 10, 1),
                accept_open_items=True,
            )
        )
    )
    store.create("Röntgen-triage", "UMC Zuid")
    old = store.create("Decubitus-alert", "UMC Zuid")
    store.archive(store.create("Gearchiveerd", "UMC Zuid"))
    with store.write() as connection:  # Decubitus-alert last changed 40 days ago
        connection.execute(
            sa.update(projects)
            .where(projects.c.id == old.id)
            .values(updated_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=40))
        )


def table(app: AppTest) -> list[dict[str, object]]:
    frame = app.dataframe[0].value
    records: list[dict[str, object]] = frame.to_dict("records")
    return records


def test_portfolio_shows_counts_as_chart_and_text_and_a_row_per_project(
    store: Store, toolkaart: Toolkaart
) -> None:
    seed(store, toolkaart)
    app = open_page()
    assert app.title[0].value == "Portfolio van AI-projecten"
    assert [m.value for m in app.metric] == ["3", "0"]
    chart = app.get("vega_lite_chart")[0].proto
    assert chart.alt == "Aantal actieve projecten per fase"
    encoding = json.loads(chart.spec)["encoding"]
    assert encoding["y"]["field"] == "Fase"  # horizontal bars: phase names read left to right
    assert encoding["y"]["sort"] is None  # route order, as given
    sentence = next(m.value for m in app.markdown if m.value.startswith("Aantal actieve"))
    assert f"{toolkaart.phases[0].name}: 2" in sentence
    assert f"{toolkaart.phases[1].name}: 1" in sentence
    assert app.table[0].value.to_dict("records")[0] == {
        "Fase": toolkaart.phases[0].name,
        "Aantal": 2,
    }
    rows = {r["Project"]: r for r in table(app)}
    assert set(rows) == {"Sepsis-voorspeller", "Röntgen-triage", "Decubitus-alert"}
    sepsis = rows["Sepsis-voorspeller"]
    second = toolkaart.phases[1]
    assert sepsis["Fase"] == f"{second.number}. {second.name}"
    assert sepsis["Poort wacht op besluit"] == second.key_question
    assert sepsis["Laatste besluit"] == f"Ja ({toolkaart.phases[0].name})"
    assert sepsis["Datum laatste besluit"] == "1 oktober 2026"
    assert sepsis["Open checklistpunten"] == len(second.checklist)
    assert rows["Röntgen-triage"]["Laatste besluit"] == "nog geen"
    assert rows["Decubitus-alert"]["Dagen sinds wijziging"] == 40
    labels = [e.label for e in app.expander]
    assert f"Sepsis-voorspeller: {len(second.checklist)} open checklistpunten" in labels
    links = {link.proto.label: link.proto.page for link in app.get("page_link")}
    assert "Sepsis-voorspeller openen in de Zelfscan" in links


def test_filter_by_organisation_and_flag_stale_projects(store: Store, toolkaart: Toolkaart) -> None:
    seed(store, toolkaart)
    app = open_page()
    assert app.selectbox[0].label == "Organisatie"
    app.selectbox[0].select("UMC Zuid").run()
    assert {r["Project"] for r in table(app)} == {"Röntgen-triage", "Decubitus-alert"}
    assert [m.value for m in app.metric] == ["2", "0"]
    app.number_input[0].set_value(30).run()
    flagged = {r["Project"] for r in table(app) if str(r["Gemarkeerd"]).startswith("⚠")}
    assert flagged == {"Decubitus-alert"}
    assert [m.value for m in app.metric] == ["2", "1"]
    assert app.metric[1].label == "Langer dan 30 dagen niet gewijzigd"


def test_without_projects_the_page_says_so(store: Store) -> None:
    app = open_page()
    assert "geen actieve projecten" in app.info[0].value
    assert not app.dataframe


def test_projects_in_use_show_their_next_review_and_whether_it_is_due(
    store: Store, toolkaart: Toolkaart
) -> None:
    def in_use(name: str, review: dt.date) -> None:
        project = store.create(name, "Ziekenhuis Oost")
        walk = project.assessment
        for phase in toolkaart.phases:
            walk = walk.decide(
                toolkaart,
                phase.id,
                Answer.JA,
                rationale="Door",
                decided_on=dt.date(2025, 6, 1),
                accept_open_items=True,
                next_review=review if phase is toolkaart.phases[-1] else None,
            )
        store.save(project.with_assessment(walk))

    in_use("Dienstrooster-AI", dt.date(2026, 1, 1))  # review date passed: due
    in_use("Spraakherkenning", dt.date(2099, 1, 1))
    store.create("Nieuw idee", "Ziekenhuis Oost")
    rows = {r["Project"]: r for r in table(open_page())}
    assert rows["Dienstrooster-AI"]["Volgende herbeoordeling"] == "⚠ 1 januari 2026: nu aan de orde"
    assert rows["Spraakherkenning"]["Volgende herbeoordeling"] == "1 januari 2099"
    assert rows["Nieuw idee"]["Volgende herbeoordeling"] == ""
