"""Exchange files of format version 2 (evidence, people, notes, content version); version 1 read."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable, Iterator
from typing import Any

import jsonschema
import pytest

from tests.conftest import REPO
from toolkaart.access.permissions import LOCAL
from toolkaart.content.models import Toolkaart
from toolkaart.documents.project_exchange import export_json, import_project, read_project
from toolkaart.errors import ImportRejected
from toolkaart.i18n.catalog import t
from toolkaart.route.gates import Answer
from toolkaart.route.project import Project
from toolkaart.route.records import MAX_PEOPLE_PER_ROLE, new_evidence, new_note, new_person
from toolkaart.route.snapshot import ProjectSnapshot
from toolkaart.store.project_store import Store

SCHEMA = json.loads((REPO / "docs" / "project-export.schema.json").read_text(encoding="utf-8"))
#: A file the navigator wrote before format version 2 (made by its code of 6 December 2026).
VERSION_1 = REPO / "tests" / "data" / "project-exchange-v1.json"
MOMENT = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = Store(database_url, acting=LOCAL)
    yield opened
    opened.close()


@pytest.fixture
def project(store: Store, toolkaart: Toolkaart) -> Project:
    """A saved project with a decision, two people, evidence (a note, an address) and notes."""
    created = store.create("Valdetectie ’s nachts", "Zorggroep Één")
    first, second = (item.id for item in toolkaart.phase("idee").checklist[:2])
    walk = created.assessment.with_checked(toolkaart, "idee", [first, second])
    walk = walk.decide(toolkaart, "idee", Answer.NOG_NIET, rationale="Eerst data")
    actor = toolkaart.actors[0].id
    return store.save(
        created.with_assessment(walk)
        .decided_with(toolkaart, None)
        .with_person(new_person(toolkaart, actor, name="Zoë", function="SEH-arts", contact="z@x.nl"))
        .with_person(new_person(toolkaart, actor, name="Bram"))
        .with_evidence(new_evidence(toolkaart, "idee", first, note="Verslag € 12.500\nregel 2",
                                    added_by="Zoë", added_at=MOMENT))
        .with_evidence(new_evidence(toolkaart, "idee", second, url="https://wiki.zorg.example.nl/ai",
                                    added_at=MOMENT))
        .with_note(new_note(toolkaart, "idee", "Overleg met de IC", author="Bram",
                            written_at=MOMENT))
    )  # fmt: skip


def test_an_export_carries_evidence_people_notes_and_the_content_version(
    project: Project, toolkaart: Toolkaart
) -> None:
    data = json.loads(export_json(project, toolkaart))
    assert data["format_version"] == 2
    assert data["project"]["content_version"] == toolkaart.meta.version
    assert [p["name"] for p in data["project"]["people"]] == ["Zoë", "Bram"]
    assert data["project"]["evidence"][1]["url"] == "https://wiki.zorg.example.nl/ai"
    assert data["project"]["evidence"][0]["note"] == "Verslag € 12.500\nregel 2"
    assert data["project"]["notes"][0] == {
        "phase": "idee",
        "text": "Overleg met de IC",
        "author": "Bram",
        "written_at": "2026-12-01T09:30:00+00:00",
    }
    jsonschema.validate(data, SCHEMA)
    required = SCHEMA["$defs"]["ProjectSnapshot"]["required"]
    assert {"content_version", "people", "evidence", "notes"} <= set(required)


def test_a_round_trip_keeps_evidence_people_and_notes(
    store: Store, project: Project, toolkaart: Toolkaart, tmp_path: Any
) -> None:
    other = Store(f"sqlite:///{tmp_path / 'elders.sqlite3'}", acting=LOCAL)
    try:
        moved = import_project(other, export_json(project, toolkaart), toolkaart)
        back = other.get(moved.id)
    finally:
        other.close()
    assert (back.people, back.evidence, back.notes) == (
        project.people,
        project.evidence,
        project.notes,
    )
    assert back.content_version == toolkaart.meta.version
    assert back.assessment == project.assessment


def test_a_version_1_file_still_imports(store: Store, toolkaart: Toolkaart) -> None:
    raw = VERSION_1.read_bytes()
    assert json.loads(raw)["format_version"] == 1
    imported = import_project(store, raw, toolkaart)
    back = store.get(imported.id)
    assert (
        back.name == "Valdetectie ’s nachts" and back.description == "Budget € 12.500,\ngeëvalueerd"
    )
    assert [d.answer for d in back.assessment.decisions] == [Answer.JA, Answer.JA, Answer.NOG_NIET]
    assert (back.people, back.evidence, back.notes) == ((), (), ())
    assert back.content_version == toolkaart.meta.version  # saved here, with this content


def test_a_version_1_file_may_not_hold_what_version_2_added(toolkaart: Toolkaart) -> None:
    data = json.loads(VERSION_1.read_bytes())
    data["project"]["evidence"] = []
    data["project"]["notes"] = []
    with pytest.raises(ImportRejected) as refused:
        read_project(json.dumps(data), toolkaart)
    assert refused.value.problems == (
        t("exchange.schema.extra", where="project.evidence"),
        t("exchange.schema.extra", where="project.notes"),
    )


Mutation = Callable[[dict[str, Any]], Any]


def _project(change: Callable[[dict[str, Any]], Any]) -> Mutation:
    return lambda data: change(data["project"])


def _too_many_in_role(project: dict[str, Any]) -> None:
    person = project["people"][0]
    project["people"] = [{**person, "name": f"P{n}"} for n in range(MAX_PEOPLE_PER_ROLE + 1)]


REFUSED: list[tuple[str, Mutation, str]] = [
    ("v2-without-evidence", _project(lambda p: p.pop("evidence")), "project.evidence ontbreekt."),
    ("v2-without-people", _project(lambda p: p.pop("people")), "project.people ontbreekt."),
    (
        "http-address",
        _project(lambda p: p["evidence"][1].update(url="http://wiki.zorg.example.nl/ai")),
        "project.evidence[2]: "
        + t("project.error.not_https", url="http://wiki.zorg.example.nl/ai"),
    ),
    (
        "javascript-address",
        _project(lambda p: p["evidence"][1].update(url="javascript:alert(1)")),
        t("project.error.not_https", url="javascript:alert(1)"),
    ),
    (
        "empty-evidence",
        _project(lambda p: p["evidence"][0].update(note=" ")),
        "project.evidence[1]: " + t("project.error.evidence_empty"),
    ),
    (
        "unknown-item",
        _project(lambda p: p["evidence"][0].update(item="geen-punt")),
        "project.evidence[1].item:",
    ),
    (
        "unknown-note-phase",
        _project(lambda p: p["notes"][0].update(phase="maanfase")),
        "project.notes[1].phase: fase 'maanfase' bestaat niet",
    ),
    (
        "unknown-actor",
        _project(lambda p: p["people"][0].update(actor="tovenaar")),
        "project.people[1].actor: actor 'tovenaar' bestaat niet",
    ),
    (
        "blank-person",
        _project(lambda p: p["people"][0].update(name="  ")),
        "project.people[1]: " + t("project.error.person_name_required"),
    ),
    (
        "control-character",
        _project(lambda p: p["notes"][0].update(text="a\u0000b")),
        "project.notes[1]: ",
    ),
    (
        "note-without-zone",
        _project(lambda p: p["notes"][0].update(written_at="2026-12-01T09:30:00")),
        "project.notes[1].written_at",
    ),
    (
        "evidence-in-the-future",
        _project(lambda p: p["evidence"][0].update(added_at="2999-01-01T00:00:00+00:00")),
        "project.evidence[1].added_at: 2999-01-01T00:00:00+00:00 kan geen juist tijdstip zijn.",
    ),
    (
        "too-many-in-role",
        _project(_too_many_in_role),
        "project.people: " + t("project.error.too_many_in_role", limit=MAX_PEOPLE_PER_ROLE),
    ),
    (
        "address-too-long",
        _project(lambda p: p["evidence"][1].update(url="https://x.nl/" + "a" * 2000)),
        "project.evidence[2].url is te lang (hoogstens 2000 tekens).",
    ),
]


@pytest.mark.parametrize(
    ("change", "message"), [pytest.param(c, m, id=name) for name, c, m in REFUSED]
)
def test_a_file_with_a_bad_record_is_refused_and_changes_nothing(
    store: Store, project: Project, toolkaart: Toolkaart, change: Mutation, message: str
) -> None:
    data = copy.deepcopy(json.loads(export_json(project, toolkaart)))
    change(data)
    before = [ProjectSnapshot.of(p) for p in store.list_projects(include_archived=True)]
    with pytest.raises(ImportRejected) as refused:
        import_project(store, json.dumps(data, ensure_ascii=False), toolkaart)
    assert message in str(refused.value)
    assert [ProjectSnapshot.of(p) for p in store.list_projects(include_archived=True)] == before


def test_imported_records_are_kept_as_the_app_keeps_them(
    toolkaart: Toolkaart, project: Project
) -> None:
    data = json.loads(export_json(project, toolkaart))
    data["project"]["evidence"][0]["note"] = "  regel 1\r\nregel 2  "
    data["project"]["people"][0]["name"] = " Zoë \n de Vries "
    back = read_project(json.dumps(data), toolkaart)
    assert back.evidence[0].note == "regel 1\nregel 2"
    assert back.people[0].name == "Zoë de Vries"
