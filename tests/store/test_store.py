"""The project store on SQLite and on a real PostgreSQL server (see conftest.database_url)."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory

from tests.conftest import REPO
from toolkaart.access.permissions import LOCAL
from toolkaart.content.models import Toolkaart
from toolkaart.errors import ProjectConflict, ProjectError, ProjectNotFound, StoreError, TextError
from toolkaart.route.gates import Answer, GateDecision
from toolkaart.route.project import Project, conflict_message
from toolkaart.route.snapshot import ProjectSnapshot
from toolkaart.store.engine import MIGRATIONS
from toolkaart.store.project_store import Store

#: The newest migration: opening a store brings the schema there.
HEAD_REVISION = ScriptDirectory(str(MIGRATIONS)).get_current_head()


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = Store(database_url, acting=LOCAL)
    yield opened
    opened.close()


def items(toolkaart: Toolkaart, phase_id: str) -> list[str]:
    return [item.id for item in toolkaart.phase(phase_id).checklist]


def walked(toolkaart: Toolkaart, project: Project) -> Project:
    """The project with Idee fully ticked and passed, and two items ticked in Verkenning."""
    walk = project.assessment.with_checked(toolkaart, "idee", items(toolkaart, "idee"))
    walk = walk.decide(toolkaart, "idee", Answer.JA, rationale="wenselijk", decided_by="Anouk")
    walk = walk.with_checked(toolkaart, "verkenning", items(toolkaart, "verkenning")[:2])
    return project.with_assessment(walk)


def test_the_sqlite_file_and_its_folder_are_created_on_first_use(tmp_path: Path) -> None:
    path = tmp_path / "nieuw" / "map" / "projecten.sqlite3"
    store = Store(f"sqlite:///{path}", acting=LOCAL)
    assert path.is_file()
    assert store.list_projects() == []
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    store.close()


def test_opening_runs_the_migrations_once_and_reopening_keeps_the_data(database_url: str) -> None:
    first = Store(database_url, acting=LOCAL)
    assert first.schema_revision() == HEAD_REVISION
    project = first.create("Triage-assistent")
    first.close()
    again = Store(database_url, acting=LOCAL)
    assert again.schema_revision() == HEAD_REVISION
    assert again.get(project.id) == project
    again.close()


def test_a_created_project_reads_back_whole_with_dutch_text(store: Store) -> None:
    project = store.create(
        " Sepsis-voorspeller ", "Ziekenhuis Zuidoëver", "Kosten ≤ €40.000 per jaar’", "Renée"
    )
    assert project.version == 1
    assert project.name == "Sepsis-voorspeller"
    back = store.get(project.id)
    assert back == project
    assert back.description == "Kosten ≤ €40.000 per jaar’"
    assert back.created_at.tzinfo is not None
    assert back.updated_at == project.updated_at


def test_project_details_are_checked_with_dutch_messages(store: Store) -> None:
    with pytest.raises(ProjectError, match="Geef het project een naam"):
        store.create("   ")
    with pytest.raises(TextError, match="Naam mag hoogstens 200 tekens lang zijn"):
        store.create("x" * 201)
    with pytest.raises(TextError, match="Naam bevat een onzichtbaar stuurteken"):
        store.create("Val\x00detectie")
    assert store.list_projects() == []


def test_saving_the_walk_stores_answers_and_decisions_and_bumps_the_version(
    store: Store, toolkaart: Toolkaart
) -> None:
    project = store.create("Valrisico")
    saved = store.save(walked(toolkaart, project))
    assert saved.version == 2
    assert saved.updated_at > project.updated_at
    back = store.get(project.id)
    assert back == saved
    assert back.status(toolkaart).current_phase_id == "verkenning"
    assert back.assessment.decisions[0].decided_by == "Anouk"
    assert back.assessment.checked_in("verkenning") == frozenset(items(toolkaart, "verkenning")[:2])
    # unticking is saved too
    fewer = back.with_assessment(back.assessment.with_checked(toolkaart, "verkenning", []))
    assert store.get(store.save(fewer).id).assessment.checked_in("verkenning") == frozenset()
    assert [v.project.version for v in store.history(project.id)] == [1, 2, 3]


def test_a_save_over_a_newer_version_is_refused_and_says_what_changed(
    store: Store, toolkaart: Toolkaart
) -> None:
    project = store.create("Beeldherkenning huid")
    mine = replace(project, contact="Sanne")  # read at version 1, edited
    theirs = store.save(walked(toolkaart, project))  # someone else saves version 2
    with pytest.raises(ProjectConflict) as refused:
        store.save(mine)
    message = conflict_message(refused.value, toolkaart)
    assert "intussen door iemand anders opgeslagen (nu versie 2; u werkte aan versie 1)" in message
    assert "Fase Idee: besluit 'Ja' door Anouk" in message
    assert "Fase Verkenning: afgevinkt" in message
    theirs_part, mine_part = message.split("Uw wijzigingen die niet zijn opgeslagen:")
    assert "Sanne" not in theirs_part  # my edit is not described as someone else's change
    assert "Contactpersoon: '' werd 'Sanne'" in mine_part  # but listed to re-apply
    # the winner's save stands; the refused edit is still at hand
    assert store.get(project.id) == theirs
    assert refused.value.mine.contact == "Sanne"
    assert refused.value.current == theirs


def test_two_sessions_saving_the_same_project_one_wins_the_other_is_told(
    database_url: str, toolkaart: Toolkaart
) -> None:
    first, second = Store(database_url, acting=LOCAL), Store(database_url, acting=LOCAL)
    project = first.create("Ligduurvoorspelling")
    edits = [
        replace(walked(toolkaart, project), organisation="Team A"),
        replace(project, organisation="Team B", contact="Bram"),
    ]
    outcomes: list[Any] = [None, None]
    barrier = threading.Barrier(2)

    def session(index: int, store: Store) -> None:
        barrier.wait()
        try:
            outcomes[index] = store.save(edits[index])
        except ProjectConflict as conflict:
            outcomes[index] = conflict

    threads = [threading.Thread(target=session, args=(i, s)) for i, s in enumerate((first, second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [o for o in outcomes if isinstance(o, Project)]
    losers = [o for o in outcomes if isinstance(o, ProjectConflict)]
    assert len(winners) == 1 and len(losers) == 1
    winner, loser = winners[0], losers[0]
    assert first.get(project.id) == winner
    assert loser.current == winner
    assert winner.organisation in conflict_message(loser, toolkaart)  # told what the other changed
    assert loser.mine.organisation != winner.organisation  # and keeps its own edit
    assert [v.project.version for v in first.history(project.id)] == [1, 2]
    first.close()
    second.close()


def test_concurrent_writers_on_different_projects_all_succeed(
    database_url: str, toolkaart: Toolkaart
) -> None:
    """No "database is locked": SQLite writes start with BEGIN IMMEDIATE and wait their turn."""
    store = Store(database_url, acting=LOCAL)
    ids = [store.create(f"Project {n}").id for n in range(4)]
    errors: list[BaseException] = []

    def writer(project_id: str) -> None:
        try:
            for _ in range(10):
                project = store.get(project_id)
                walk = project.assessment.decide(toolkaart, "idee", Answer.NOG_NIET)
                store.save(project.with_assessment(walk))
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(pid,)) for pid in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert [store.get(pid).version for pid in ids] == [11] * 4
    store.close()


def test_decisions_and_history_are_append_only_in_the_database(
    store: Store, toolkaart: Toolkaart
) -> None:
    project = store.save(walked(toolkaart, store.create("Spraakherkenning")))
    for statement in (
        "UPDATE decisions SET answer = 'nee'",
        "DELETE FROM decisions",
        "UPDATE project_versions SET version = 9",
        "DELETE FROM project_versions",
    ):
        with pytest.raises(sa.exc.DatabaseError, match="append-only"), store.engine.begin() as c:
            c.exec_driver_sql(statement)
    assert store.get(project.id) == project


def test_a_save_that_rewrites_the_decision_log_is_refused(
    store: Store, toolkaart: Toolkaart
) -> None:
    project = store.save(walked(toolkaart, store.create("Medicatiebewaking")))
    forged = GateDecision("idee", Answer.NEE, rationale="anders", decided_on=dt.date(2027, 1, 1))
    rewritten = replace(project.assessment, decisions=(forged,))
    with pytest.raises(StoreError, match="kan alleen worden aangevuld"):
        store.save(project.with_assessment(rewritten))
    assert store.get(project.id) == project


def test_every_save_is_one_transaction(
    store: Store, toolkaart: Toolkaart, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = store.create("Pijnscore")
    original = Store._write_walk

    def fail_after_writing(self: Store, *args: Any) -> None:
        original(self, *args)
        raise RuntimeError("disk full")

    monkeypatch.setattr(Store, "_write_walk", fail_after_writing)
    with pytest.raises(RuntimeError, match="disk full"):
        store.save(walked(toolkaart, project))
    monkeypatch.undo()
    assert store.get(project.id) == project
    assert [v.project.version for v in store.history(project.id)] == [1]
    assert store.save(walked(toolkaart, project)).version == 2  # and the project is not stuck


def test_archiving_hides_a_project_from_the_list_and_keeps_it(store: Store) -> None:
    keep = store.create("Actief project")
    old = store.create("Afgerond project")
    archived = store.save(replace(old, archived=True))
    assert archived.archived and archived.version == 2
    assert [p.id for p in store.list_projects()] == [keep.id]
    assert {p.id for p in store.list_projects(include_archived=True)} == {keep.id, old.id}
    assert store.get(old.id).archived
    assert not store.save(replace(archived, archived=False)).archived


def test_the_list_shows_the_most_recently_changed_first_with_their_walks(
    store: Store, toolkaart: Toolkaart
) -> None:
    older = store.create("Eerste")
    newer = store.create("Tweede")
    older = store.save(walked(toolkaart, older))
    listed = store.list_projects()
    assert [p.id for p in listed] == [older.id, newer.id]
    assert listed[0] == older


def test_an_unknown_project_is_reported_in_dutch(store: Store) -> None:
    with pytest.raises(
        ProjectNotFound, match="Project 'bestaat-niet': niet gevonden of geen toegang"
    ):
        store.get("bestaat-niet")
    ghost = Project(id="spook", name="Spook", version=3)
    with pytest.raises(ProjectNotFound):
        store.save(ghost)


def test_inserting_an_existing_id_is_refused(store: Store) -> None:
    project = store.create("Dubbel")
    with pytest.raises(StoreError, match="bestaat al een project met id"):
        store.insert(replace(project, version=0))


# a writer killed in the middle of a save


def _writer(url: str, project_id: str, saves: int, hang: bool) -> subprocess.Popen[str]:
    args = [sys.executable, "-m", "tests.store_writer", url, project_id, str(saves)]
    return subprocess.Popen(
        [*args, *(["hang"] if hang else [])],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def _assert_consistent(store: Store, project_id: str, version: int) -> None:
    """The stored project is exactly the save of ``version``: row, answers, log and history."""
    project = store.get(project_id)
    assert project.version == version
    assert len(project.assessment.decisions) == version - 1  # each save appended one decision
    history = store.history(project_id)
    assert [v.project.version for v in history] == list(range(1, version + 1))
    stored, saved = ProjectSnapshot.of(history[-1].project), ProjectSnapshot.of(project)
    assert stored.model_dump(mode="json") == saved.model_dump(mode="json")
    if store.dialect == "sqlite":
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_a_writer_killed_mid_save_leaves_the_last_acknowledged_save(database_url: str) -> None:
    store = Store(database_url, acting=LOCAL)
    project = store.create("Crashbestendig")
    writer = _writer(database_url, project.id, 3, hang=True)
    assert writer.stdout is not None
    lines = [writer.stdout.readline().strip() for _ in range(4)]
    assert lines == ["acked 2", "acked 3", "acked 4", "mid-save"], writer.stderr
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    _assert_consistent(store, project.id, 4)
    # the half-written save left no lock behind: the next save goes through at once
    assert store.save(store.get(project.id)).version == 5
    store.close()


def test_a_writer_killed_at_a_random_moment_leaves_a_consistent_database(
    database_url: str,
) -> None:
    store = Store(database_url, acting=LOCAL)
    project = store.create("Willekeurig moment")
    writer = _writer(database_url, project.id, 10_000, hang=False)
    assert writer.stdout is not None
    acked = 1
    deadline = time.monotonic() + random.uniform(0.3, 1.0)
    while acked < 4 or time.monotonic() < deadline:
        line = writer.stdout.readline()
        assert line.startswith("acked "), writer.stderr.read() if writer.stderr else line
        acked = int(line.split()[1])
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    for line in writer.stdout.read().splitlines():  # acknowledgements still in the pipe
        if line.startswith("acked "):
            acked = int(line.split()[1])
    stored = store.get(project.id).version
    assert stored in (acked, acked + 1)  # the last acknowledged save, or one that committed
    _assert_consistent(store, project.id, stored)
    store.close()
