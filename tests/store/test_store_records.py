"""Evidence, people, notes and the content version in the store, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from toolkaart.access.permissions import LOCAL, Acting, Person, Role
from toolkaart.content.models import Toolkaart
from toolkaart.errors import StoreError
from toolkaart.i18n.catalog import t
from toolkaart.route.project import Project
from toolkaart.route.records import new_evidence, new_note, new_person
from toolkaart.route.snapshot import ADDED_IN_2, ProjectSnapshot
from toolkaart.store.engine import MIGRATIONS, create_engine
from toolkaart.store.project_store import Store
from toolkaart.store.tables import evidence, phase_notes, project_people

ORGANISATION = "Ziekenhuis Amstel"
MOMENT = dt.datetime(2026, 12, 1, 9, 30, 15, 123456, tzinfo=dt.UTC)


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = Store(database_url, acting=LOCAL)
    yield opened
    opened.close()


def recorded(toolkaart: Toolkaart, project: Project) -> Project:
    """The project with two people in one role and one in another, evidence and notes."""
    first, second = (item.id for item in toolkaart.phase("idee").checklist[:2])
    actor, other = toolkaart.actors[0].id, toolkaart.actors[1].id
    local = dt.timezone(dt.timedelta(hours=1))
    return (
        project.decided_with(toolkaart, None)
        .with_person(new_person(toolkaart, actor, name="An", function="SEH-arts", contact="an@x.nl"))
        .with_person(new_person(toolkaart, other, name="Cy"))
        .with_person(new_person(toolkaart, actor, name="Bo"))
        .with_evidence(new_evidence(toolkaart, "idee", first, note="Verslag\nvan mei", added_at=MOMENT))
        .with_evidence(new_evidence(toolkaart, "idee", second, url="https://x.example.nl/a?b=1",
                                    added_by="An", added_at=MOMENT.astimezone(local)))
        .with_note(new_note(toolkaart, "idee", "Eerste notitie", author="An", written_at=MOMENT))
        .with_note(new_note(toolkaart, "verkenning", "Tweede", written_at=MOMENT))
    )  # fmt: skip


def test_evidence_people_notes_and_the_content_version_read_back_whole(
    store: Store, toolkaart: Toolkaart
) -> None:
    created = store.create("Sepsis")
    assert created.content_version == ""
    saved = store.save(recorded(toolkaart, created))
    back = store.get(saved.id)
    assert back == saved
    assert back.content_version == toolkaart.meta.version
    assert [p.name for p in back.people_in(toolkaart.actors[0].id)] == ["An", "Bo"]
    assert back.evidence[1].added_at == MOMENT and back.evidence[1].added_at.tzinfo is not None
    assert store.list_projects() == [back]
    assert store.history(saved.id)[-1].project == back


def test_a_second_save_appends_evidence_and_notes_and_rewrites_the_people(
    store: Store, toolkaart: Toolkaart
) -> None:
    saved = store.save(recorded(toolkaart, store.create("Sepsis")))
    actor = toolkaart.actors[0].id
    an = saved.people_in(actor)[0]
    item = toolkaart.phase("verkenning").checklist[0].id
    changed = (
        saved.without_person(an)
        .with_person(new_person(toolkaart, actor, name="Dé"))
        .with_evidence(new_evidence(toolkaart, "verkenning", item, note="Nieuw"))
        .with_note(new_note(toolkaart, "idee", "Derde"))
    )
    again = store.save(changed)
    back = store.get(again.id)
    assert back == again
    assert [p.name for p in back.people_in(actor)] == ["Bo", "Dé"]
    assert [e.note for e in back.evidence] == ["Verslag\nvan mei", "", "Nieuw"]
    assert [n.text for n in back.notes] == ["Eerste notitie", "Tweede", "Derde"]
    with store.engine.connect() as connection:
        count = connection.execute(sa.select(sa.func.count()).select_from(project_people))
        assert count.scalar() == 3
    versions = store.history(again.id)
    assert [len(v.project.evidence) for v in versions] == [0, 2, 3]


def test_a_save_that_drops_or_changes_evidence_or_notes_is_refused(
    store: Store, toolkaart: Toolkaart
) -> None:
    saved = store.save(recorded(toolkaart, store.create("Sepsis")))
    tampered = [
        replace(saved, evidence=saved.evidence[1:]),
        replace(saved, evidence=(replace(saved.evidence[0], note="Anders"), saved.evidence[1])),
        replace(saved, notes=saved.notes[:1]),
    ]
    for project in tampered:
        with pytest.raises(StoreError) as refused:
            store.save(project)
        assert str(refused.value) == t("store.error.records_rewritten", name="Sepsis")
    assert store.get(saved.id) == saved


@pytest.mark.parametrize("table", [evidence, phase_notes], ids=lambda table: table.name)
def test_the_database_refuses_to_change_or_delete_evidence_and_notes(
    store: Store, toolkaart: Toolkaart, table: sa.Table
) -> None:
    saved = store.save(recorded(toolkaart, store.create("Sepsis")))
    for statement in (
        sa.update(table).values(author="Mallory")
        if table is phase_notes
        else sa.update(table).values(added_by="Mallory"),
        sa.delete(table),
    ):
        with pytest.raises(sa.exc.DatabaseError), store.engine.begin() as connection:
            connection.execute(statement)
    assert store.get(saved.id) == saved


def test_a_signed_in_person_adds_evidence_and_notes_in_their_own_name_only(
    store: Store, toolkaart: Toolkaart
) -> None:
    an = Acting(
        Person("https://idp.example.nl", "an", "an@amstel.nl", "An"),
        {ORGANISATION: frozenset({Role.TEAM})},
    )
    view = store.acting_as(an)
    project = view.create("Sepsis", ORGANISATION)
    item = toolkaart.phase("idee").checklist[0].id
    mine = new_evidence(toolkaart, "idee", item, note="x", added_by=an.label)
    project = view.save(project.with_evidence(mine))
    for other in (
        project.with_evidence(new_evidence(toolkaart, "idee", item, note="y", added_by="Bo")),
        project.with_note(new_note(toolkaart, "idee", "z", author="")),
    ):
        with pytest.raises(StoreError) as refused:
            view.save(other)
        assert str(refused.value) == t("store.error.decided_by_other", label=an.label)
    # what others added before stays theirs: only what this save adds is checked
    assert view.save(project.with_note(new_note(toolkaart, "idee", "z", author=an.label)))


def test_a_database_of_migration_0003_upgrades_and_reads_its_projects_and_history(
    database_url: str, toolkaart: Toolkaart
) -> None:
    engine = create_engine(database_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    now = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)
    pid = "0123456789abcdef"
    row: dict[str, Any] = {
        "id": pid,
        "name": "Van voor 0004",
        "organisation": "",
        "description": "",
        "contact": "",
        "archived": False,
        "version": 1,
        "created_at": now,
        "updated_at": now,
    }
    snapshot = {
        **{key: value for key, value in row.items() if key not in ("created_at", "updated_at")},
        "created_at": now.isoformat(),
        "updated_at": now.isoformat(),
        "checklist": {"idee": [toolkaart.phase("idee").checklist[0].id]},
        "decisions": [],
    }
    assert not set(snapshot) & set(ADDED_IN_2)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
        metadata = sa.MetaData()
        projects = sa.Table("projects", metadata, autoload_with=connection)
        assert "content_version" not in projects.c
        connection.execute(sa.insert(projects).values(row))
        connection.execute(
            sa.insert(sa.Table("checklist_answers", metadata, autoload_with=connection)).values(
                project_id=pid, phase_id="idee", item_id=toolkaart.phase("idee").checklist[0].id
            )
        )
        connection.execute(
            sa.insert(sa.Table("project_versions", metadata, autoload_with=connection)).values(
                project_id=pid, version=1, saved_at=now, snapshot=snapshot, saved_by=""
            )
        )
    engine.dispose()
    store = Store(database_url, acting=LOCAL)  # migrates to the newest revision
    try:
        project = store.get(pid)
        assert (project.content_version, project.people, project.evidence, project.notes) == (
            "",
            (),
            (),
            (),
        )
        assert store.history(pid)[0].project == project
        saved = store.save(recorded(toolkaart, project))
        assert store.get(saved.id) == saved
        assert ProjectSnapshot.of(saved).content_version == toolkaart.meta.version
    finally:
        store.close()
