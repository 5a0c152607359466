"""Portfolio page (AppTest): chart with its text alternative, project table, filter, stale flag."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from tests.appkit import opening
from tests.conftest import APP_DIR, in_use
from toolkaart.access.permissions import LOCAL
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import counted, t
from toolkaart.i18n.dates import LOCAL_ZONE, date_label, local_today
from toolkaart.route.gates import Answer, Assessment
from toolkaart.route.project import Project
from toolkaart.store.project_store import Store
from toolkaart.store.tables import projects
from toolkaart.web.literal import literal


@pytest.fixture
def store() -> Iterator[Store]:
    opened = Store(acting=LOCAL)  # the test's private SQLite file (conftest)
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
    store.save(replace(store.create("Gearchiveerd", "UMC Zuid"), archived=True))
    # Decubitus-alert last changed 40 days ago, at noon in Amsterdam: 40 days whatever the hour
    # and whether the clocks changed in between
    noon = dt.datetime.combine(local_today() - dt.timedelta(days=40), dt.time(12))
    forty_days_ago = noon.replace(tzinfo=LOCAL_ZONE).astimezone(dt.UTC)
    with store.write() as connection:
        connection.execute(
            sa.update(projects).where(projects.c.id == old.id).values(updated_at=forty_days_ago)
        )


def grid(app: AppTest, column: str) -> list[dict[str, object]]:
    """The rows of the page's table that has ``column`` (none: no such table on the page)."""
    frames = [d.value for d in [*app.table, *app.dataframe] if column in d.value.columns]
    assert len(frames) <= 1
    records: list[dict[str, object]] = frames[0].to_dict("records") if frames else []
    return records


def table(app: AppTest) -> list[dict[str, object]]:
    """The project table (the page's other tables: the counts, the flow's, those standing still)."""
    return grid(app, col("awaiting"))


def col(name: str) -> str:
    """A column of the project table (and of the counts table)."""
    return t(f"portfolio.col.{name}")


def test_portfolio_shows_counts_as_chart_and_text_and_a_row_per_project(
    store: Store, toolkaart: Toolkaart
) -> None:
    seed(store, toolkaart)
    app = open_page()
    assert app.title[0].value == t("portfolio.title")
    assert [m.value for m in app.metric] == ["3", "0"]
    chart = app.get("vega_lite_chart")[0].proto
    assert chart.alt == t("portfolio.chart.title")
    encoding = json.loads(chart.spec)["encoding"]
    assert encoding["y"]["field"] == col("phase")  # horizontal bars: names read left to right
    assert encoding["y"]["sort"] is None  # route order, as given
    first, second = toolkaart.phases[0], toolkaart.phases[1]
    sentence = next(
        m.value for m in app.markdown if m.value.startswith(opening("portfolio.count.sentence"))
    )
    assert t("portfolio.count.part", phase=first.name, count=2) in sentence
    assert t("portfolio.count.part", phase=second.name, count=1) in sentence
    assert app.table[0].value.to_dict("records")[0] == {col("phase"): first.name, col("count"): 2}
    rows = {r[col("project")]: r for r in table(app)}
    assert set(rows) == {"Sepsis-voorspeller", "Röntgen-triage", "Decubitus-alert"}
    sepsis = rows["Sepsis-voorspeller"]
    assert sepsis[col("phase")] == literal(f"{second.number}. {second.name}")
    assert sepsis[col("awaiting")] == second.key_question
    assert sepsis[col("last_decision")] == t(
        "portfolio.last_decision",
        answer=t("answer.ja"),
        phase=first.name,
        date=date_label(dt.date(2026, 10, 1)),
    )
    assert sepsis[col("open_items")] == len(second.checklist)
    assert rows["Röntgen-triage"][col("last_decision")] == t("portfolio.none")
    assert rows["Decubitus-alert"][col("days")] == "40"
    labels = [e.label for e in app.expander]
    details = t("portfolio.details", name="Sepsis-voorspeller", count=len(second.checklist))
    assert details in labels
    links = {link.proto.label: link.proto.page for link in app.get("page_link")}
    assert t("portfolio.open_project", name="Sepsis-voorspeller") in links


def test_filter_by_organisation_and_flag_stale_projects(store: Store, toolkaart: Toolkaart) -> None:
    seed(store, toolkaart)
    app = open_page()
    organisation = app.selectbox(key="portfolio.organisation")
    assert organisation.label == t("portfolio.filter.organisation")
    organisation.select("UMC Zuid").run()
    assert {r[col("project")] for r in table(app)} == {"Röntgen-triage", "Decubitus-alert"}
    assert [m.value for m in app.metric] == ["2", "0"]
    app.selectbox(key="portfolio.stale_days").select(30).run()
    days = {r[col("project")]: r[col("days")] for r in table(app)}
    assert days == {"Röntgen-triage": "0", "Decubitus-alert": t("portfolio.stale", days=40)}
    assert [m.value for m in app.metric] == ["2", "1"]
    assert app.metric[1].label == t("portfolio.metric.stale", days=30)


def test_without_projects_the_page_says_so(store: Store) -> None:
    app = open_page()
    assert app.info[0].value == t("portfolio.empty")
    assert not app.table


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
    rows = {r[col("project")]: r[col("awaiting")] for r in table(open_page())}
    question = toolkaart.phases[-1].key_question
    due = t("portfolio.review.due", date=date_label(dt.date(2026, 1, 1)))
    assert rows["Dienstrooster-AI"] == f"{question} {due}"
    later = t("portfolio.review", date=date_label(dt.date(2099, 1, 1)))
    assert rows["Spraakherkenning"] == f"{question} {later}"
    assert rows["Nieuw idee"] == toolkaart.phases[0].key_question


def walked(
    store: Store, toolkaart: Toolkaart, name: str, created: dt.date, passes: list[dt.date]
) -> None:
    """A project created on ``created`` whose first gates were passed (ja) on ``passes``."""
    walk = Assessment()
    for phase, day in zip(toolkaart.phases, passes, strict=False):
        walk = walk.decide(toolkaart, phase.id, Answer.JA, decided_on=day, accept_open_items=True)
    moment = dt.datetime(created.year, created.month, created.day, 10, tzinfo=dt.UTC)
    project = Project(
        id=name.lower(), name=name, organisation="UMC Zuid", assessment=walk, created_at=moment
    )
    store.insert(project)


def flow_seed(store: Store, toolkaart: Toolkaart) -> dt.date:
    """Alfa: phase 1 for 10 days, phase 2 for 30, in phase 3 for 260; Beta: phase 1 for 30, in
    phase 2 for 270; Gamma: in phase 1 for 50. Returns day 0 (300 days ago)."""
    start = local_today() - dt.timedelta(days=300)

    def day(offset: int) -> dt.date:
        return start + dt.timedelta(days=offset)

    walked(store, toolkaart, "Alfa", start, [day(10), day(40)])
    walked(store, toolkaart, "Beta", start, [day(30)])
    walked(store, toolkaart, "Gamma", day(250), [])
    return start


def test_the_flow_shows_days_per_phase_and_gate_outcomes_as_charts_text_and_tables(
    store: Store, toolkaart: Toolkaart
) -> None:
    flow_seed(store, toolkaart)
    app = open_page()
    charts = app.get("vega_lite_chart")
    days_chart, outcomes_chart = charts[1].proto, charts[2].proto
    assert days_chart.alt == t("portfolio.flow.chart.title")
    layers = json.loads(days_chart.spec)["layer"]
    x_axes = [layer["encoding"]["x"] for layer in layers if "title" in layer["encoding"]["x"]]
    assert [x["title"] for x in x_axes] == [t("flow.axis.days")]
    assert layers[0]["encoding"]["y"]["title"] == t("flow.col.phase")
    names = [phase.name for phase in toolkaart.phases]
    assert layers[0]["encoding"]["y"]["sort"] == names  # route order, every phase
    assert outcomes_chart.alt == t("portfolio.flow.outcomes.chart.title")
    encoding = json.loads(outcomes_chart.spec)["encoding"]
    assert encoding["color"]["title"] == t("flow.col.answer")
    assert encoding["x"]["title"] == t("flow.axis.decisions")

    first, second = toolkaart.phases[0], toolkaart.phases[1]
    text = "\n".join(m.value for m in app.markdown)
    idee = t(
        "flow.days.part",
        phase=first.name,
        median="20",
        q1="15",
        q3="25",
        min="10",
        max="30",
        count=counted("project", 2),
    )
    assert idee in text
    assert t("flow.outcomes.part", phase=first.name, ja=2, nog_niet=0, nee=0) in text
    days_table = grid(app, t("flow.col.median"))
    assert days_table[0] == {
        t("flow.col.phase"): first.name,
        t("flow.col.finished"): 2,
        t("flow.col.median"): "20",
        t("flow.col.quartiles"): t("flow.range", low="15", high="25"),
        t("flow.col.range"): t("flow.range", low="10", high="30"),
        t("flow.col.in_phase"): 1,
        t("flow.col.returns"): 0,
    }
    assert days_table[1][t("flow.col.median")] == "30"
    outcomes_table = grid(app, t("answer.ja"))
    assert outcomes_table[1] == {
        t("flow.col.phase"): second.name,
        t("answer.ja"): 1,
        t("answer.nog niet"): 0,
        t("answer.nee"): 0,
    }


def test_projects_standing_still_follow_the_chosen_days(store: Store, toolkaart: Toolkaart) -> None:
    start = flow_seed(store, toolkaart)
    app = open_page()
    assert app.selectbox(key="portfolio.stuck_days").value == 180
    stuck = grid(app, t("flow.col.since"))
    assert [(r[t("flow.col.project")], r[t("flow.col.days")]) for r in stuck] == [
        ("Beta", 270),
        ("Alfa", 260),
    ]
    assert stuck[0][t("flow.col.since")] == date_label(start + dt.timedelta(days=30))
    text = "\n".join(m.value for m in app.markdown)
    assert t("flow.stuck.some", projects=counted("project", 2), days=180) in text
    app.selectbox(key="portfolio.stuck_days").select(365).run()
    assert t("flow.stuck.none", days=365) in "\n".join(m.value for m in app.markdown)
    assert grid(app, t("flow.col.since")) == []  # no list of projects standing still


def calendar_buttons(app: AppTest) -> list[Any]:
    return [
        b for b in app.get("download_button") if b.proto.label == t("portfolio.calendar.download")
    ]


def test_no_calendar_is_offered_while_there_are_no_dates(
    store: Store, toolkaart: Toolkaart
) -> None:
    """No project in use and no saved agenda: the page says so instead of a file without events
    (RFC 5545 asks for at least one)."""
    seed(store, toolkaart)
    app = open_page()
    assert calendar_buttons(app) == []
    everyone = t("portfolio.calendar.none", organisation=t("portfolio.calendar.all"))
    assert everyone in [i.value for i in app.info]


def test_the_calendar_of_the_chosen_organisation_can_be_downloaded(
    store: Store, toolkaart: Toolkaart
) -> None:
    seed(store, toolkaart)
    walk = in_use(toolkaart)
    store.save(replace(store.create("In gebruik", "Ziekenhuis Oost"), assessment=walk))
    app = open_page()
    (button,) = [
        b for b in app.get("download_button") if b.proto.label == t("portfolio.calendar.download")
    ]
    assert button.proto.label == t("portfolio.calendar.download")
    everyone = t("portfolio.calendar.help", organisation=t("portfolio.calendar.all"))
    assert everyone in [c.value for c in app.caption]
    app.selectbox(key="portfolio.organisation").select("UMC Zuid").run()
    assert t("portfolio.calendar.help", organisation="UMC Zuid") in [c.value for c in app.caption]
    assert calendar_buttons(app) == []  # UMC Zuid has no project in use and no agenda
