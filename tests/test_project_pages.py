"""AppTest of the Projecten and Zelfscan pages: create, open, archive, tick, decide, conflicts."""

from __future__ import annotations

from dataclasses import replace

from streamlit.testing.v1 import AppTest

from tests.conftest import APP_DIR
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.route.gates import Answer
from toolkaart.route.project import Project
from toolkaart.settings import settings
from toolkaart.store.project_store import Store

PROJECTS = "app_pages/projecten.py"
SCAN = "app_pages/zelfscan.py"


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


def button(app: AppTest, label: str) -> None:
    next(b for b in app.button if b.label == label).click().run()
    assert not app.exception, app.exception


def the_store() -> Store:
    return Store(settings().database_url)


# Projecten


def test_projecten_creates_a_project_and_opens_it_in_the_zelfscan() -> None:
    app = open_page(PROJECTS)
    assert "Er zijn nog geen projecten." in texts(app)
    inputs = {field.label: field for field in app.text_input}
    inputs["Naam"].input("Sepsis-signalering")
    inputs["Organisatie of team"].input("Ziekenhuis Één")
    button(app, "Project aanmaken")
    stored = the_store().list_projects()
    assert [p.name for p in stored] == ["Sepsis-signalering"]
    assert app.query_params["project"] == stored[0].id  # the project is in the URL
    assert app.title[0].value == "Zelfscan: Sepsis-signalering"
    assert "Project Sepsis-signalering is aangemaakt." in texts(app)
    assert "Huidige fase: 1. Idee. 0 van 7 poorten gepasseerd." in texts(app)


def test_projecten_refuses_a_project_without_a_name() -> None:
    app = open_page(PROJECTS)
    button(app, "Project aanmaken")
    assert "Geef het project een naam." in [e.value for e in app.error]
    assert the_store().list_projects() == []


def test_projecten_lists_archives_and_restores(toolkaart: Toolkaart) -> None:
    store = the_store()
    kept = store.create("Triage", "Huisartsenpost")
    old = store.create("Oud project")
    app = open_page(PROJECTS)
    page = texts(app)
    assert "**Triage** · Huisartsenpost" in page and "**Oud project**" in page
    assert "fase 1. Idee · 0 van 7 poorten gepasseerd" in page
    links = {link.proto.label: link.proto.query_string for link in app.get("page_link")}
    assert links["Open Triage in de zelfscan"] == f"project={kept.id}"
    button(app, "Archiveer Oud project")
    assert "Project Oud project is gearchiveerd." in texts(app)
    assert "**Oud project**" not in texts(app)
    assert store.get(old.id).archived
    app.toggle[0].set_value(True).run()
    assert "**Oud project**" in texts(app) and "gearchiveerd" in texts(app)
    button(app, "Zet Oud project terug")
    assert not store.get(old.id).archived


# Zelfscan


def scan(project: Project, phase: str | None = None) -> AppTest:
    query = {"project": project.id, **({"fase": phase} if phase else {})}
    return open_page(SCAN, query)


def tick_all(app: AppTest) -> None:
    for box in app.checkbox:
        if not box.label.startswith("Ik passeer"):
            box.check()
    button(app, "Checklist opslaan")


def decide(app: AppTest, answer: str, rationale: str, accept: bool = False) -> None:
    app.radio[0].set_value(Answer(answer))
    next(a for a in app.text_area if a.label == "Onderbouwing van het besluit").input(rationale)
    next(i for i in app.text_input if i.label == "Besloten door").input("Stuurgroep")
    if accept:
        next(b for b in app.checkbox if b.label.startswith("Ik passeer")).check()
    button(app, "Besluit vastleggen")


def test_zelfscan_without_a_project_points_to_the_projects() -> None:
    app = open_page(SCAN)
    assert "Er is geen project geopend." in texts(app)
    assert "Naar de lijst met projecten" in [link.proto.label for link in app.get("page_link")]
    unknown = open_page(SCAN, {"project": "bestaat-niet"})
    assert "Project 'bestaat-niet' bestaat niet (meer)." in [e.value for e in unknown.error]


def test_zelfscan_ticks_and_passes_a_gate_and_shows_the_log(toolkaart: Toolkaart) -> None:
    store = the_store()
    project = store.create("Valpreventie")
    app = scan(project)
    tick_all(app)
    assert "De checklist van fase Idee is opgeslagen." in texts(app)
    items = {i.id for i in toolkaart.phase("idee").checklist}
    assert store.get(project.id).assessment.checked_in("idee") == items
    decide(app, "ja", "Wenselijk volgens de zorgprofessionals")
    assert "Het besluit 'Ja' bij fase Idee is vastgelegd." in texts(app)
    assert "Huidige fase: 2. Verkenning. 1 van 7 poorten gepasseerd." in texts(app)
    saved = store.get(project.id)
    assert saved.status(toolkaart).current_phase_id == "verkenning"
    assert saved.assessment.decisions[0].rationale == "Wenselijk volgens de zorgprofessionals"
    log = app.table[0].value
    assert list(log["Antwoord"]) == ["Ja"]
    assert list(log["Besloten door"]) == ["Stuurgroep"]


def test_zelfscan_passing_with_open_items_needs_the_explicit_tick(toolkaart: Toolkaart) -> None:
    store = the_store()
    project = store.create("Open punten")
    app = scan(project)
    decide(app, "ja", "Snel door")
    assert any("nog 7 open checklistpunten" in e.value for e in app.error)
    assert store.get(project.id).assessment.decisions == ()  # nothing saved
    decide(app, "ja", "Bewust, met open punten", accept=True)
    decision = store.get(project.id).assessment.decisions[0]
    assert len(decision.open_items) == len(toolkaart.phase("idee").checklist)


def test_zelfscan_shows_a_locked_gate_but_keeps_the_phase_readable() -> None:
    project = the_store().create("Op slot")
    app = scan(project, phase="pilot-a")
    assert app.selectbox[0].value == "pilot-a"
    assert "Is de oplossing werkend?" in texts(app)
    assert "De poort van fase Pilot A is nog op slot" in texts(app)
    assert [b.label for b in app.button if b.label == "Besluit vastleggen"] == []


def test_zelfscan_tells_about_a_save_by_someone_else_and_overwrites_nothing(
    toolkaart: Toolkaart,
) -> None:
    store = the_store()
    project = store.create("Gedeeld project")
    app = scan(project)  # this session read version 1
    for box in app.checkbox[:2]:
        box.check()
    theirs = store.save(replace(project, organisation="Team Noord"))  # another session saves
    button(app, "Checklist opslaan")
    errors = "\n".join(e.value for e in app.error)
    assert "intussen door iemand anders opgeslagen (nu versie 2; u werkte aan versie 1)" in errors
    assert "Organisatie of team: '' werd 'Team Noord'" in errors
    assert "Fase Idee: afgevinkt" in errors.split("Uw wijzigingen die niet zijn opgeslagen:")[1]
    assert store.get(project.id) == theirs
    assert app.caption[0].value == "Team Noord"  # the page now shows the stored version


def test_zelfscan_offers_the_four_downloads() -> None:
    project = the_store().create("Rapportage")
    app = scan(project)
    labels = [e.proto.label for e in app.get("download_button")]
    assert labels == [
        "Download JSON",
        "Download Markdown",
        "Download Word (DOCX)",
        "Download PDF",
    ]


# the navigator's phase pages on the open project


FASE = "app_pages/fase.py"


def test_the_phase_page_works_on_the_project_in_the_url(toolkaart: Toolkaart) -> None:
    store = the_store()
    project = store.create("Navigator op project")
    app = open_page(FASE, {"project": project.id, "fase": "idee"})
    assert "U werkt aan project Navigator op project" in texts(app)
    first = toolkaart.phase("idee").checklist[0]
    next(box for box in app.checkbox if box.label == first.text).check().run()
    assert store.get(project.id).assessment.checked_in("idee") == {first.id}  # saved at once
    app.radio[0].set_value("ja").run()
    next(b for b in app.checkbox if b.label.startswith("Ik passeer")).check()
    next(a for a in app.text_area if a.label == "Onderbouwing van het besluit").input("Via de fase")
    next(b for b in app.button if b.label == "Besluit vastleggen").click().run()
    assert not app.exception, app.exception
    saved = store.get(project.id)
    assert saved.status(toolkaart).current_phase_id == "verkenning"
    assert saved.assessment.decisions[0].rationale == "Via de fase"
    # links onward keep the project; a new session (a refresh) shows the same walk
    assert all("project=" + project.id in q for _, q in page_links(app) if "fase=" in q)
    again = open_page("app_pages/home.py", {"project": project.id})
    progress = [bar.proto.text for bar in again.get("progress")]
    assert progress == ["1 van 7 poorten gepasseerd. Huidige fase: Verkenning."]
    assert open_page(FASE, {"fase": "idee"}).checkbox[0].value is False  # no project: no ticks


def test_the_phase_page_tells_when_someone_else_saved_the_project_first(
    toolkaart: Toolkaart,
) -> None:
    store = the_store()
    project = store.create("Twee tabbladen")
    app = open_page(FASE, {"project": project.id, "fase": "idee"})
    store.save(replace(project, contact="Iemand anders"))
    app.checkbox[0].check().run()
    assert any("intussen door iemand anders opgeslagen" in e.value for e in app.error)
    assert app.checkbox[0].value is False  # the page shows what is stored
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
    next(b for b in app.button if b.label == "Besluit vastleggen").click().run()
    assert any("intussen door iemand anders opgeslagen" in e.value for e in app.error)
    boxes = {box.label: box for box in app.checkbox}
    items = {item.id: item.text for item in toolkaart.phase("idee").checklist}
    assert boxes[items[first]].value is True  # the page shows what is stored now
    boxes[items[second]].check().run()  # this session's next tick
    assert store.get(project.id).assessment.checked_in("idee") == {first, second}


def page_links(app: AppTest) -> list[tuple[str, str]]:
    return [(link.proto.label, link.proto.query_string) for link in app.get("page_link")]


def test_the_home_page_says_truly_whether_the_walk_is_saved() -> None:
    alone = open_page("app_pages/home.py")
    captions = [c.value for c in alone.caption]
    assert t("home.saving.session") in captions
    project = the_store().create("Bewaard project")
    with_project = open_page("app_pages/home.py", {"project": project.id})
    captions = [c.value for c in with_project.caption]
    assert t("home.saving.project", name="Bewaard project") in captions
    assert t("home.saving.session") not in captions
