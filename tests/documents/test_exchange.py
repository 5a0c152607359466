"""Project exchange files: export opened back, strict import, hostile files refused unchanged."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import jsonschema
import pytest
import sqlalchemy as sa

from tests.conftest import REPO
from toolkaart.access.permissions import LOCAL, Acting, Person, Role
from toolkaart.content.models import Toolkaart
from toolkaart.content.schema import render
from toolkaart.documents.project_exchange import (
    FORMAT_VERSION,
    MAX_IMPORT_BYTES,
    export_json,
    import_project,
    json_schema,
    read_project,
)
from toolkaart.errors import ImportRejected
from toolkaart.i18n.catalog import t
from toolkaart.route.gates import Answer
from toolkaart.route.project import Project
from toolkaart.route.snapshot import ProjectSnapshot
from toolkaart.store.project_store import Store
from toolkaart.store.tables import metadata

SCHEMA_FILE = REPO / "docs" / "project-export.schema.json"


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = Store(database_url, acting=LOCAL)
    yield opened
    opened.close()


@pytest.fixture
def project(store: Store, toolkaart: Toolkaart) -> Project:
    """A saved project with Dutch text, two passed gates (one with open items) and a step back."""
    created = store.create(
        "Valdetectie ’s nachts", "Zorggroep Één", "Budget € 12.500, geëvalueerd", "Zoë"
    )
    items = [i.id for i in toolkaart.phase("idee").checklist]
    walk = created.assessment.with_checked(toolkaart, "idee", items)
    walk = walk.decide(toolkaart, "idee", Answer.JA, rationale="Wenselijk: zorgvraag één")
    walk = walk.with_checked(
        toolkaart, "verkenning", [toolkaart.phase("verkenning").checklist[0].id]
    )
    walk = walk.decide(
        toolkaart,
        "verkenning",
        Answer.JA,
        rationale="Risico’s aanvaard",
        decided_by="Stuurgroep",
        accept_open_items=True,
    )
    walk = walk.decide(toolkaart, "ontwikkeling", Answer.NOG_NIET, rationale="Data ontbreekt")
    return store.save(created.with_assessment(walk))


def rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: a database unchanged by a refused import stays equal to this."""
    with store.engine.connect() as connection:
        return {
            table.name: sorted(
                (tuple(str(v) for v in row) for row in connection.execute(sa.select(table))),
            )
            for table in metadata.sorted_tables
        }


def test_an_export_opens_back_with_the_project_its_route_and_dutch_text(
    project: Project, toolkaart: Toolkaart
) -> None:
    text = export_json(project, toolkaart)
    assert "Zorggroep Één" in text and "€ 12.500" in text  # UTF-8, not \\u escapes
    data = json.loads(text)
    assert data["format"] == "toolkaart-project"
    assert data["format_version"] == FORMAT_VERSION == 2
    assert data["content_version"] == toolkaart.meta.version
    assert data["project"]["name"] == "Valdetectie ’s nachts"
    assert [d["answer"] for d in data["project"]["decisions"]] == ["ja", "ja", "nog niet"]
    assert data["project"]["decisions"][1]["open_items"] == [
        i.id for i in toolkaart.phase("verkenning").checklist[1:]
    ]
    assert data["project"]["decisions"][1]["decided_by"] == "Stuurgroep"
    ontwikkeling = toolkaart.phase("ontwikkeling")
    assert data["route"] == {
        "current_phase": "ontwikkeling",
        "completed": False,
        "next_review": None,
        "next_phase": {
            "id": "ontwikkeling",
            "tools": list(ontwikkeling.tools),
            "actors": list(ontwikkeling.actors),
        },
    }
    jsonschema.validate(data, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def test_the_published_json_schema_is_up_to_date() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render(json_schema())


def test_reading_an_export_back_gives_the_same_project(
    project: Project, toolkaart: Toolkaart
) -> None:
    back = read_project(export_json(project, toolkaart).encode("utf-8"), toolkaart)
    assert back.version == 0  # not saved yet
    expected = ProjectSnapshot.of(project).model_dump(mode="json")
    read = ProjectSnapshot.of(replace(back, version=project.version)).model_dump(mode="json")
    assert read == expected


def test_an_import_keeps_a_free_id_and_gives_a_taken_one_a_new_id(
    store: Store, project: Project, toolkaart: Toolkaart, tmp_path: Any
) -> None:
    text = export_json(project, toolkaart)
    other = Store(f"sqlite:///{tmp_path / 'elders.sqlite3'}", acting=LOCAL)
    moved = import_project(other, text, toolkaart)
    assert moved.id == project.id and moved.version == 1
    assert other.get(project.id).assessment == project.assessment
    other.close()
    copied = import_project(store, text, toolkaart)
    assert copied.id != project.id
    assert copied.name == f"{project.name} (kopie)"  # the list tells the two apart
    assert store.get(copied.id).assessment == project.assessment
    assert store.get(copied.id).status(toolkaart).current_phase_id == "ontwikkeling"
    assert len(store.list_projects()) == 2


Mutation = Callable[[dict[str, Any]], Any]


def _set(path: str, value: Any) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if last.isdigit():
            target[int(last)] = value
        else:
            target[last] = value

    return mutate


def _locked_gate(data: dict[str, Any]) -> None:
    data["project"]["decisions"][0]["phase"] = "pilot-a"


def _swap_dates(data: dict[str, Any]) -> None:
    data["project"]["decisions"][1]["decided_on"] = "2027-06-01"  # before the first decision


HOSTILE: list[tuple[str, bytes | Mutation, str]] = [
    ("empty", b"", "Het bestand is leeg."),
    ("not-json", b"{'project': 1}", "geen geldige JSON (fout op regel 1, kolom 2)"),
    ("not-utf8", b'{"format": "\xff\xfe"}', "geen geldige JSON"),
    ("top-level-list", b"[1, 2, 3]", "Het bestand moet een object zijn."),
    (
        "oversized",
        b'{"x": "' + b"a" * MAX_IMPORT_BYTES + b'"}',
        "te groot (1 MB); een projectbestand is hoogstens 1 MB",
    ),
    ("deep-nesting", b'{"a":' * 3000 + b"1" + b"}" * 3000, "te diep genest"),
    ("deep-list", b"[" * 50_000 + b"]" * 50_000, "te diep genest"),
    ("huge-string", _set("project.name", "ë" * 100_000), "project.name is te lang (hoogstens 200"),
    ("blank-name", _set("project.name", "   "), "Geef het project een naam."),
    ("version-as-text", _set("project.version", "2"), "project.version moet een geheel getal"),
    ("archived-as-text", _set("project.archived", "nee"), "project.archived moet true of false"),
    (
        "bad-date",
        _set("project.decisions.0.decided_on", "gisteren"),
        "project.decisions[1].decided_on moet een datum zijn (JJJJ-MM-DD)",
    ),
    (
        "bad-answer",
        _set("project.decisions.0.answer", "misschien"),
        "project.decisions[1].answer moet een van deze waarden hebben: 'ja', 'nog niet' or 'nee'",
    ),
    (
        "checklist-not-list",
        _set("project.checklist", ["idee"]),
        "project.checklist moet een object",
    ),
    ("unknown-field", _set("project.owner", "mallory"), "project.owner is een onbekend veld."),
    ("missing-field", lambda d: d["project"].pop("decisions"), "project.decisions ontbreekt."),
    (
        "format-version-3",
        _set("format_version", 3),
        "Formaatversie 3 wordt niet ondersteund",
    ),
    ("wrong-format", _set("format", "iets-anders"), "format moet een van deze waarden"),
    (
        "bad-id",
        _set("project.id", "../../etc/passwd"),
        "project.id is geen geldige id",
    ),
    (
        "unknown-phase",
        _set("project.checklist", {"maanfase": ["x"]}),
        "project.checklist.maanfase: fase 'maanfase' bestaat niet in de huidige Toolkaart.",
    ),
    (
        "unknown-item",
        _set("project.checklist", {"idee": ["idee-zorgvraag", "verzonnen-punt"]}),
        "checklistpunt 'verzonnen-punt' bestaat niet in fase 'idee'",
    ),
    (
        "unknown-open-item",
        _set("project.decisions.1.open_items", ["nergens"]),
        "project.decisions[2].open_items: checklistpunt 'nergens' bestaat niet",
    ),
    (
        "unknown-tool",
        _set("route.next_phase.tools", ["mkba", "wondermiddel"]),
        "route.next_phase.tools: hulpmiddel 'wondermiddel' bestaat niet",
    ),
    (
        "unknown-actor",
        _set("route.next_phase.actors", ["astroloog"]),
        "route.next_phase.actors: actor 'astroloog' bestaat niet",
    ),
    (
        "locked-gate-in-log",
        _locked_gate,
        "Besluit 1 in het logboek (geteld vanaf 1): De poort van fase Pilot A is nog op slot",
    ),
    (
        "log-out-of-order",
        _swap_dates,
        "Besluit 2 in het logboek (geteld vanaf 1): Een besluit van",
    ),
    (
        "nul-in-name",
        _set("project.name", "Val\u0000detectie"),
        "Naam bevat een onzichtbaar stuurteken",
    ),
    (
        "nul-in-rationale",
        _set("project.decisions.0.rationale", "ok\u0000"),
        "Besluit 1 in het logboek (geteld vanaf 1): De onderbouwing bevat een onzichtbaar "
        "stuurteken",
    ),
    (
        "time-that-overflows-utc",
        _set("project.created_at", "0001-01-01T00:30:00+01:00"),
        "project.created_at: 0001-01-01T00:30:00+01:00 kan geen juist tijdstip zijn.",
    ),
    (
        "time-at-the-end-of-time",
        _set("project.updated_at", "9999-12-31T23:30:00-01:00"),
        "project.updated_at: 9999-12-31T23:30:00-01:00 kan geen juist tijdstip zijn.",
    ),
    (
        "decision-in-the-future",
        _set("project.decisions.0.decided_on", "2999-01-01"),
        "Besluit 1 in het logboek (geteld vanaf 1): Een besluit kan niet in de toekomst liggen "
        "(1 januari 2999)",
    ),
    (
        "time-without-a-zone",
        _set("project.created_at", "2026-11-01T09:00:00"),
        "project.created_at: bij het tijdstip 2026-11-01T09:00:00 ontbreekt de tijdzone",
    ),
    (
        "created-in-the-future",
        _set("project.created_at", "2999-01-01T00:00:00+00:00"),
        "project.created_at: 2999-01-01T00:00:00+00:00 kan geen juist tijdstip zijn.",
    ),
    (
        "decided-before-the-project-existed",
        _set("project.decisions.0.decided_on", "2000-01-02"),
        "Besluit 1 in het logboek (geteld vanaf 1) is gedateerd 2 januari 2000, vóór het project "
        "werd aangemaakt",
    ),
    (
        "too-many-decisions",
        # 3 decisions × 700 = 2100: more than 2000, and the file stays within 1 MB (its open
        # items grow with the Verkenning checklist)
        lambda d: d["project"].__setitem__("decisions", d["project"]["decisions"] * 700),
        "project.decisions heeft te veel elementen (hoogstens 2000)",
    ),
]


@pytest.mark.parametrize(
    ("content", "message"),
    [pytest.param(c, m, id=name) for name, c, m in HOSTILE],
)
def test_a_malformed_or_hostile_file_is_refused_with_its_message_and_changes_nothing(
    store: Store,
    project: Project,
    toolkaart: Toolkaart,
    content: bytes | Mutation,
    message: str,
) -> None:
    if isinstance(content, bytes):
        raw = content
    else:
        data = copy.deepcopy(json.loads(export_json(project, toolkaart)))
        content(data)
        raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
    before = rows(store)
    with pytest.raises(ImportRejected) as refused:
        import_project(store, raw, toolkaart)
    assert str(refused.value).startswith("Het bestand is niet ingelezen; er is niets veranderd.")
    assert message in str(refused.value)
    assert rows(store) == before


def test_a_file_with_a_byte_order_mark_is_read(
    store: Store, project: Project, toolkaart: Toolkaart
) -> None:
    raw = b"\xef\xbb\xbf" + export_json(project, toolkaart).encode("utf-8")
    imported = import_project(store, raw, toolkaart)
    assert imported.name == f"{project.name} (kopie)"  # this store holds the original too
    assert imported.assessment.decisions == project.assessment.decisions


def test_a_file_full_of_mistakes_lists_a_bounded_number_of_problems(
    project: Project, toolkaart: Toolkaart
) -> None:
    data = json.loads(export_json(project, toolkaart))
    data["project"]["checklist"] = {"idee": [f"punt-{n}" for n in range(40)]}
    with pytest.raises(ImportRejected) as refused:
        read_project(json.dumps(data), toolkaart)
    assert len(refused.value.problems) == 21
    assert refused.value.problems[-1] == "… en nog 20 andere problemen."


def test_a_key_written_twice_is_refused_not_silently_read_as_the_last(
    store: Store, project: Project, toolkaart: Toolkaart
) -> None:
    text = export_json(project, toolkaart)
    assert '"answer": "ja"' in text
    doubled = text.replace('"answer": "ja"', '"answer": "nee", "answer": "ja"', 1)
    before = rows(store)
    with pytest.raises(ImportRejected) as refused:
        import_project(store, doubled, toolkaart)
    assert t("exchange.duplicate_key", key="answer") in str(refused.value)
    assert rows(store) == before


def test_an_id_the_file_chose_is_replaced_by_one_the_app_makes(
    store: Store, project: Project, toolkaart: Toolkaart
) -> None:
    data = json.loads(export_json(project, toolkaart))
    data["project"]["id"] = "a"
    imported = import_project(store, json.dumps(data), toolkaart)
    assert re.fullmatch(r"[0-9a-f]{16}", imported.id)
    assert store.get(imported.id).name == project.name


def test_an_id_taken_in_another_organisation_is_not_hinted_at(
    database_url: str, toolkaart: Toolkaart
) -> None:
    """A file exported at Amstel and imported at Elders: Elders gets the project under a new id
    and its own name, as it would with a free id (in a service every import gets a new id);
    "(kopie)" or a kept id would tell them whether the id is in use in an organisation they
    cannot see. At Amstel the same file is a copy, named as such."""

    def team_of(organisation: str, email: str) -> Store:
        person = Person("https://id.example.nl", f"sub-{email}", email)
        return Store(database_url, acting=Acting(person, {organisation: frozenset({Role.TEAM})}))

    amstel = team_of("Ziekenhuis Amstel", "anouk@amstel.nl")
    elders = team_of("Zorggroep Elders", "bram@elders.nl")
    try:
        original = amstel.create("Valdetectie", "Ziekenhuis Amstel")
        raw = export_json(original, toolkaart)
        there = import_project(elders, raw, toolkaart, organisation="Zorggroep Elders")
        assert (there.name, there.organisation) == ("Valdetectie", "Zorggroep Elders")
        assert there.id != original.id
        assert amstel.get(original.id) == original
        here = import_project(amstel, raw, toolkaart, organisation="Ziekenhuis Amstel")
        assert here.name == "Valdetectie (kopie)" and here.id not in {original.id, there.id}
        free = json.loads(raw)
        free["project"]["id"] = "0123456789abcdef"  # an id nobody has
        fresh = import_project(elders, json.dumps(free), toolkaart, organisation="Zorggroep Elders")
        assert fresh.id != "0123456789abcdef" and fresh.name == "Valdetectie"
    finally:
        amstel.close()
        elders.close()
