"""AppTest of the Projecten and Zelfscan pages: create, open, archive, tick, decide, conflicts."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from streamlit.testing.v1 import AppTest

from tests.appkit import links, sidebar_links, tables
from tests.conftest import APP_DIR
from toolkaart.access.permissions import LOCAL
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.i18n.dates import local_time_label
from toolkaart.route.gates import (
    MAX_DECIDED_BY,
    MAX_RATIONALE,
    Answer,
    Assessment,
    GateDecision,
)
from toolkaart.route.project import Project
from toolkaart.settings import settings
from toolkaart.store.project_store import Store
from toolkaart.web.literal import literal
from toolkaart.web.project_session import IMPORT_DRAWER_KEY

PROJECTS = "app_pages/projecten.py"
SCAN = "app_pages/zelfscan.py"
FASE = "app_pages/fase.py"


def open_page(page: str, query: dict[str, str] | None = None) -> AppTest:
    """A new session on ``page`` with ``query`` in its URL, as a link or a refresh would open it."""
    app = AppTest.from_file(str(APP_DIR / "app.py"), default_timeout=30).run()
    app.query_params.update(query or {})
    app.switch_page(page).run()
    assert not app.exception, app.exception
    return app


def texts(app: AppTest) -> str:
    kinds = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error")
    return "\n".join(
        str(getattr(e, "value", "")) for kind in (*kinds, "success") for e in app.get(kind)
    )


def click(app: AppTest, key: str) -> None:
    app.button(key=key).click().run()
    assert not app.exception, app.exception


def the_store() -> Store:
    return Store(settings().database_url, acting=LOCAL)


# Projecten


def test_projecten_creates_a_project_and_opens_it_in_the_zelfscan(toolkaart: Toolkaart) -> None:
    app = open_page(PROJECTS)
    assert t("projects.list.empty") in texts(app)
    app.text_input(key="projects.create.name").input("Sepsis-signalering")
    app.text_input(key="projects.create.organisation").input("Ziekenhuis Één")
    click(app, "projects.create.submit")
    stored = the_store().list_projects()
    assert [p.name for p in stored] == ["Sepsis-signalering"]
    assert stored[0].organisation == "Ziekenhuis Één"
    assert stored[0].content_version == toolkaart.meta.version  # it rests on this content
    assert app.query_params["project"] == stored[0].id  # the project is in the URL
    assert app.title[0].value == t("scan.title", name="Sepsis-signalering")
    assert t("projects.create.done", name="Sepsis-signalering") in texts(app)
    assert current_line(toolkaart, "idee", passed=0) in texts(app)


def test_projecten_refuses_a_project_without_a_name() -> None:
    app = open_page(PROJECTS)
    click(app, "projects.create.submit")
    assert t("project.error.name_required") in [e.value for e in app.error]
    assert the_store().list_projects() == []


def test_projecten_lists_archives_and_restores(toolkaart: Toolkaart) -> None:
    store = the_store()
    kept = store.create("Triage", "Huisartsenpost")
    old = store.create("Oud project")
    app = open_page(PROJECTS)
    page = texts(app)
    triage = t("projects.list.name", name="Triage")
    triage += t("projects.list.organisation", organisation="Huisartsenpost")
    old_name = t("projects.list.name", name="Oud project")
    assert triage in page and old_name in page
    idee = toolkaart.phase("idee")
    summary = t(
        "projects.list.summary",
        where=t("projects.list.phase", number=idee.number, phase=idee.name),
        passed=0,
        total=len(toolkaart.phases),
        updated=local_time_label(store.get(kept.id).updated_at),
        archived="",
    )
    assert summary in page
    links = {link.proto.label: link.proto.query_string for link in app.get("page_link")}
    assert links[t("projects.list.open", name="Triage")] == f"project={kept.id}"
    archive = app.button(key=f"projects.archive.{old.id}")
    assert archive.label == t("projects.list.archive", name="Oud project")
    click(app, f"projects.archive.{old.id}")
    assert t("projects.list.archived_done", name="Oud project") in texts(app)
    assert old_name not in texts(app)
    assert store.get(old.id).archived
    app.toggle(key="projects.show_archived").set_value(True).run()
    assert old_name in texts(app) and t("projects.list.archived") in texts(app)
    restore = app.button(key=f"projects.archive.{old.id}")
    assert restore.label == t("projects.list.restore", name="Oud project")
    click(app, f"projects.archive.{old.id}")
    assert not store.get(old.id).archived


# Zelfscan


def scan(project: Project, phase: str | None = None) -> AppTest:
    query = {"project": project.id, **({"fase": phase} if phase else {})}
    return open_page(SCAN, query)


def current_line(toolkaart: Toolkaart, phase_id: str, passed: int) -> str:
    phase = toolkaart.phase(phase_id)
    total = len(toolkaart.phases)
    return t("scan.current", number=phase.number, phase=phase.name, passed=passed, total=total)


def tick(app: AppTest, item_id: str, phase: str = "idee") -> None:
    """Tick one item: saved at once, as on the phase page (the Zelfscan draws the same checklist)."""
    app.checkbox(key=f"walk.{phase}.item.{item_id}").check().run()
    assert not app.exception, app.exception


def decide(app: AppTest, answer: str, rationale: str, accept: bool = False) -> None:
    app.radio(key="walk.idee.answer").set_value(answer).run()
    app.text_area(key="walk.idee.rationale").input(rationale)
    app.text_input(key="walk.idee.decided_by").input("Stuurgroep")
    if accept:
        app.checkbox(key="walk.idee.confirm").check()
    click(app, "walk.idee.submit")


def test_zelfscan_without_a_project_points_to_the_projects() -> None:
    app = open_page(SCAN)
    assert t("scan.no_project") in texts(app)
    assert t("scan.to_projects") in [link.proto.label for link in app.get("page_link")]
    unknown = open_page(SCAN, {"project": "bestaat-niet"})
    assert t("store.error.not_found", id="bestaat-niet") in [e.value for e in unknown.error]


def test_zelfscan_ticks_and_passes_a_gate_and_shows_the_log(toolkaart: Toolkaart) -> None:
    store = the_store()
    project = store.create("Valpreventie")
    app = scan(project)
    idee, verkenning = toolkaart.phase("idee"), toolkaart.phase("verkenning")
    for item in idee.checklist:
        tick(app, item.id)
    items = {i.id for i in idee.checklist}
    assert store.get(project.id).assessment.checked_in("idee") == items
    decide(app, "ja", "Wenselijk volgens de zorgprofessionals")
    assert t("phase.gate.passed", phase=idee.name, next=verkenning.name) in texts(app)
    assert current_line(toolkaart, "verkenning", passed=1) in texts(app)
    saved = store.get(project.id)
    assert saved.status(toolkaart).current_phase_id == "verkenning"
    assert saved.assessment.decisions[0].rationale == "Wenselijk volgens de zorgprofessionals"
    [log] = tables(app)
    assert log.name == t("scan.log")
    assert [row[t("scan.log.answer")] for row in log.records()] == [t("answer.ja")]
    assert [row[t("scan.log.by")] for row in log.records()] == ["Stuurgroep"]
    # the way on, next to the button: the Zelfscan shows the next phase
    click(app, "scan.go.verkenning")
    assert app.selectbox(key=f"scan.phase.{project.id}").value == "verkenning"
    assert app.query_params["fase"] == "verkenning"


def test_zelfscan_records_the_ticks_the_person_sees_with_the_decision(
    toolkaart: Toolkaart,
) -> None:
    """Issue 11.1: ticks made just before deciding were dropped and logged as open."""
    store = the_store()
    project = store.create("Vinkjes tellen")
    app = scan(project)
    first, *rest = toolkaart.phase("idee").checklist
    tick(app, first.id)  # no "Checklist opslaan": there is one way to tick, saved at once
    assert [b.key for b in app.button if "checklist" in str(b.key)] == []
    decide(app, "ja", "Met open punten", accept=True)
    decision = store.get(project.id).assessment.decisions[0]
    assert decision.open_items == tuple(item.id for item in rest)
    assert store.get(project.id).assessment.checked_in("idee") == {first.id}


def test_zelfscan_draws_the_same_gate_form_as_the_phase_page() -> None:
    project = the_store().create("Eén formulier")
    on_scan = scan(project)
    on_phase = open_page(FASE, {"project": project.id, "fase": "idee"})

    def form(app: AppTest) -> list[tuple[str, str, str]]:
        kinds = ("radio", "date_input", "text_area", "text_input", "button", "checkbox")
        return sorted(
            (kind, str(getattr(widget, "key", "")), str(getattr(widget, "label", "")))
            for kind in kinds
            for widget in app.get(kind)
            if str(getattr(widget, "key", "")).startswith("walk.")
        )

    assert form(on_scan) == form(on_phase)
    assert on_scan.text_area(key="walk.idee.rationale").max_chars == MAX_RATIONALE
    assert on_scan.text_input(key="walk.idee.decided_by").max_chars == MAX_DECIDED_BY


def test_zelfscan_passing_with_open_items_needs_the_explicit_tick(toolkaart: Toolkaart) -> None:
    store = the_store()
    project = store.create("Open punten")
    app = scan(project)
    decide(app, "ja", "Snel door")
    idee = toolkaart.phase("idee")
    refusal = t("gate.error.open_items", phase=idee.name, count=len(idee.checklist))
    assert refusal in [e.value for e in app.error]
    assert store.get(project.id).assessment.decisions == ()  # nothing saved
    decide(app, "ja", "Bewust, met open punten", accept=True)
    decision = store.get(project.id).assessment.decisions[0]
    assert len(decision.open_items) == len(toolkaart.phase("idee").checklist)


def test_zelfscan_shows_a_locked_gate_but_keeps_the_phase_readable(toolkaart: Toolkaart) -> None:
    project = the_store().create("Op slot")
    app = scan(project, phase="pilot-a")
    assert app.selectbox(key=f"scan.phase.{project.id}").value == "pilot-a"
    pilot_a = toolkaart.phase("pilot-a")
    assert pilot_a.key_question in texts(app)
    assert t("phase.gate.locked", current=toolkaart.phase("idee").name) in texts(app)
    assert "walk.pilot-a.submit" not in [b.key for b in app.button]
    click(app, "scan.go.idee")  # the way to the current phase
    assert app.selectbox(key=f"scan.phase.{project.id}").value == "idee"


def test_zelfscan_names_a_conflict_by_the_checklist_and_offers_the_choices(
    toolkaart: Toolkaart,
) -> None:
    """Issue 11.4: the conflict names checklist texts (not ids) and offers to re-apply or keep."""
    store = the_store()
    project = store.create("Gedeeld project")
    app = scan(project)  # this session read version 1
    first, second = toolkaart.phase("idee").checklist[:2]
    idee = toolkaart.phase("idee")
    theirs = project.assessment.with_checked(toolkaart, "idee", [first.id])
    store.save(replace(project.with_assessment(theirs), organisation="Team Noord"))
    tick(app, second.id)  # refused: someone else saved first
    error = app.error[0].value
    assert literal(t("store.error.conflict", name=project.name, current=2, mine=1)) in error
    field = t("project.field.organisation")
    assert t("project.diff.field", field=field, old="", new="Team Noord") in error
    theirs_part, mine = error.split(t("store.conflict.mine"))
    assert literal(t("project.diff.ticked", phase=idee.name, item=first.text)) in theirs_part
    assert literal(t("project.diff.ticked", phase=idee.name, item=second.text)) in mine
    assert second.id not in error and first.id not in error  # no internal ids
    # the page shows the stored version, with the choices next to the checklist
    assert app.caption[0].value == "Team Noord"
    assert app.checkbox(key=f"walk.idee.item.{first.id}").value is True
    assert app.checkbox(key=f"walk.idee.item.{second.id}").value is False
    assert app.button(key="walk.idee.reapply").label == t("gate.conflict.reapply")
    assert app.button(key="walk.idee.keep").label == t("gate.conflict.keep")
    click(app, "walk.idee.reapply")  # my tick, on top of their version
    stored = store.get(project.id)
    assert stored.assessment.checked_in("idee") == {first.id, second.id}
    assert stored.organisation == "Team Noord"
    assert t("gate.conflict.reapplied") in [s.value for s in app.success]
    assert app.checkbox(key=f"walk.idee.item.{second.id}").value is True


def test_zelfscan_keeps_their_version_when_asked(toolkaart: Toolkaart) -> None:
    store = the_store()
    project = store.create("Hun versie")
    app = scan(project)
    first = toolkaart.phase("idee").checklist[0]
    theirs = store.save(replace(project, contact="Iemand anders"))
    tick(app, first.id)
    click(app, "walk.idee.keep")
    assert store.get(project.id) == theirs
    assert t("gate.conflict.kept") in [i.value for i in app.info]
    assert app.checkbox(key=f"walk.idee.item.{first.id}").value is False
    assert "walk.idee.reapply" not in [b.key for b in app.button]


def test_zelfscan_offers_the_four_downloads() -> None:
    project = the_store().create("Rapportage")
    app = scan(project)
    labels = [e.proto.label for e in app.get("download_button")]
    assert labels == [
        t(f"scan.export.{extension}") for extension in ("json", "md", "docx", "pdf", "ics")
    ]


def opened_import(app: AppTest) -> AppTest:
    """What a click on the import's drawer does: it opens, and the page runs with its form."""
    app.session_state[IMPORT_DRAWER_KEY] = True
    app.run()
    assert not app.exception, app.exception
    return app


def test_the_import_form_is_drawn_when_its_drawer_is_opened() -> None:
    # the uploader is the heaviest control for a browser's first load: only on request
    project = the_store().create("Importeren later")
    for app in (open_page(PROJECTS), scan(project), open_page(SCAN)):
        drawers = [e.label for e in app.expander]
        assert t("projects.import.title") in drawers
        assert app.get("file_uploader") == []
        opened_import(app)
        (uploader,) = app.get("file_uploader")
        assert uploader.proto.label == t("projects.import.file")
        assert t("projects.import.help") in texts(app)
        assert [b.proto.label for b in app.get("button")][-1:] == [t("projects.import.submit")]
        app.session_state[IMPORT_DRAWER_KEY] = False  # closed again: the form goes with it
        app.run()
        assert app.get("file_uploader") == []


# the navigator's phase pages on the open project


def test_the_tool_cards_keep_the_open_project_in_their_links(toolkaart: Toolkaart) -> None:
    project = the_store().create("Met hulpmiddelen")
    app = open_page("app_pages/hulpmiddelen.py", {"project": project.id})
    queries = [query for _, page, query in links(app) if page == "hulpmiddelen"]
    expected = [f"tool={tool.id}&project={project.id}" for tool in toolkaart.tools]
    assert sorted(queries) == sorted(expected)


def test_the_phase_page_works_on_the_project_in_the_url(toolkaart: Toolkaart) -> None:
    store = the_store()
    project = store.create("Navigator op project")
    app = open_page(FASE, {"project": project.id, "fase": "idee"})
    assert t("projects.banner", name="Navigator op project") in texts(app)
    first = toolkaart.phase("idee").checklist[0]
    app.checkbox(key=f"walk.idee.item.{first.id}").check().run()
    assert store.get(project.id).assessment.checked_in("idee") == {first.id}  # saved at once
    app.radio(key="walk.idee.answer").set_value("ja").run()
    app.checkbox(key="walk.idee.confirm").check()
    app.text_area(key="walk.idee.rationale").input("Via de fase")
    click(app, "walk.idee.submit")
    saved = store.get(project.id)
    assert saved.status(toolkaart).current_phase_id == "verkenning"
    assert saved.assessment.decisions[0].rationale == "Via de fase"
    # links onward keep the project; a new session (a refresh) shows the same walk
    onward = [query for _, _, query in links(app) + sidebar_links(app)]
    assert len(onward) > 10 and all("project=" + project.id in query for query in onward)
    again = open_page("app_pages/home.py", {"project": project.id})
    progress = [bar.proto.text for bar in again.get("progress")]
    verkenning = toolkaart.phase("verkenning").name
    assert progress == [
        t("home.progress", passed=1, total=len(toolkaart.phases), current=verkenning)
    ]
    no_project = open_page(FASE, {"fase": "idee"})
    assert no_project.checkbox(key=f"walk.idee.item.{first.id}").value is False  # no ticks


def test_the_phase_page_tells_when_someone_else_saved_the_project_first(
    toolkaart: Toolkaart,
) -> None:
    store = the_store()
    project = store.create("Twee tabbladen")
    app = open_page(FASE, {"project": project.id, "fase": "idee"})
    store.save(replace(project, contact="Iemand anders"))
    first = f"walk.idee.item.{toolkaart.phase('idee').checklist[0].id}"
    app.checkbox(key=first).check().run()
    refusal = t("store.error.conflict", name=project.name, current=2, mine=1)
    assert any(refusal in e.value for e in app.error)
    assert app.checkbox(key=first).value is False  # the page shows what is stored
    assert store.get(project.id).contact == "Iemand anders"


def test_after_a_conflict_the_phase_page_shows_and_keeps_the_other_sessions_ticks(
    toolkaart: Toolkaart,
) -> None:
    store = the_store()
    project = store.create("Samen afvinken")
    first, second = (item.id for item in toolkaart.phase("idee").checklist[:2])
    app = open_page(FASE, {"project": project.id, "fase": "idee"})  # this session: version 1
    theirs = project.assessment.with_checked(toolkaart, "idee", [first])
    store.save(project.with_assessment(theirs))  # another session ticks the first item
    app.radio(key="walk.idee.answer").set_value("nog niet").run()
    click(app, "walk.idee.submit")
    refusal = t("store.error.conflict", name=project.name, current=2, mine=1)
    assert any(refusal in e.value for e in app.error)
    assert app.checkbox(key=f"walk.idee.item.{first}").value is True  # what is stored now
    app.checkbox(key=f"walk.idee.item.{second}").check().run()  # this session's next tick
    assert store.get(project.id).assessment.checked_in("idee") == {first, second}


def test_the_home_page_says_truly_whether_the_walk_is_saved() -> None:
    alone = open_page("app_pages/home.py")
    captions = [c.value for c in alone.caption]
    # with a link to where a project is made or opened
    assert t("home.saving.session", projects="./projecten") in captions
    project = the_store().create("Bewaard project")
    with_project = open_page("app_pages/home.py", {"project": project.id})
    captions = [c.value for c in with_project.caption]
    assert t("home.saving.project", name="Bewaard project") in captions
    assert t("home.saving.session", projects="./projecten") not in captions


def test_a_long_decision_log_is_paged_latest_first() -> None:
    store = the_store()
    project = store.create("Veel besluiten")
    decisions = tuple(
        GateDecision(
            "idee", Answer.NOG_NIET, rationale=f"ronde {n}", decided_on=dt.date(2026, 1, 1)
        )
        for n in range(1, 121)
    )
    project = store.save(project.with_assessment(replace(Assessment(), decisions=decisions)))
    app = scan(project)
    pager = app.selectbox(key=f"scan.log.page.{project.id}")
    assert pager.value == 3  # 120 decisions, 50 a page: the latest first
    assert pager.options[-1] == t("scan.log.page.option", number=3, first=101, last=120)
    assert t("scan.log.range", first=101, last=120, total=120) in [c.value for c in app.caption]
    pager.select(1).run()
    assert t("scan.log.range", first=1, last=50, total=120) in [c.value for c in app.caption]
