"""Backups, restores and copies of the whole database (toolkaart.store.backup and .transfer), on
SQLite and on a real PostgreSQL server, and between the two."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from benchmarks.measure import postgres_schema
from benchmarks.portfolio import fill
from tests.conftest import postgres_url_or_skip
from toolkaart.access.permissions import LOCAL, Role
from toolkaart.content.models import Toolkaart
from toolkaart.errors import BackupError, StoreFault, TransferMismatch
from toolkaart.route.gates import Answer
from toolkaart.store import backup, member_store, transfer
from toolkaart.store.backup import BackupFormat
from toolkaart.store.engine import Database, head_revision
from toolkaart.store.project_store import Store
from toolkaart.store.tables import metadata

FORMATS = [BackupFormat.SQLITE, BackupFormat.JSONL]


def rows_of(url: str) -> dict[str, list[str]]:
    """Every table's rows as canonical lines, sorted: what 'equal databases' means here."""
    with transfer.source(url) as (_revision, connection):
        return {
            table.name: sorted(transfer.canonical(transfer.encode_row(table, r)) for r in rows)
            for table, rows in transfer.read_all(connection)
        }


def filled(url: str, toolkaart: Toolkaart, projects: int = 9) -> Store:
    store = Store(url, acting=LOCAL)
    fill(store, toolkaart, projects)
    return store


@pytest.fixture
def second_url(database_url: str, tmp_path: Path) -> Iterator[str]:
    """Another empty database on the same backend as ``database_url``."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'second.sqlite3'}"
        return
    with postgres_schema(postgres_url_or_skip()) as url:
        yield url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    with postgres_schema(postgres_url_or_skip()) as url:
        yield url


def formats_for(url: str) -> list[BackupFormat]:
    return FORMATS if url.startswith("sqlite") else [BackupFormat.JSONL]


def test_every_table_is_moved_and_each_after_the_tables_it_refers_to() -> None:
    assert set(transfer.ORDER) == set(metadata.tables)
    for position, table in enumerate(transfer.TABLES):
        for key in table.foreign_keys:
            assert transfer.ORDER.index(key.column.table.name) < position, (table, key)


def test_the_synthetic_portfolio_fills_every_table(database_url: str, toolkaart: Toolkaart) -> None:
    filled(database_url, toolkaart).close()
    assert all(rows_of(database_url).values())


def test_a_backup_restored_into_an_empty_database_holds_the_same_rows(
    database_url: str, second_url: str, toolkaart: Toolkaart, tmp_path: Path
) -> None:
    store = filled(database_url, toolkaart)
    original = rows_of(database_url)
    projects = store.list_projects(include_archived=True)
    for number, chosen in enumerate(formats_for(database_url)):
        path = tmp_path / f"backup-{chosen}"
        made = backup.backup(database_url, path, chosen)
        assert (made.format, made.revision) == (chosen, head_revision())
        assert backup.detect(path) is chosen
        assert made.rows == {name: len(rows) for name, rows in original.items()}
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
        target = second_url if number == 0 else f"sqlite:///{tmp_path / f'again-{chosen}.sqlite3'}"
        comparison = backup.restore(path, target)
        assert comparison.same
        assert {name: s.rows for name, s in comparison.source.items()} == made.rows
        assert rows_of(target) == original
        restored = Store(target, acting=LOCAL)
        assert restored.list_projects(include_archived=True) == projects
        assert all(p.updated_at.tzinfo is dt.UTC for p in restored.list_projects())
        first = projects[-1].id
        assert restored.history(first) == store.history(first)
        restored.close()
    store.close()


def test_a_sqlite_backup_is_one_file_and_a_working_database(
    tmp_path: Path, toolkaart: Toolkaart
) -> None:
    url = f"sqlite:///{tmp_path / 'live.sqlite3'}"
    filled(url, toolkaart, 3).close()
    path = tmp_path / "backup.sqlite3"
    backup.backup(url, path)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("backup")) == [
        "backup.sqlite3"
    ]
    with sa.create_engine(f"sqlite:///{path}").connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
    assert rows_of(backup.sqlite_url(path)) == rows_of(url)


def test_the_jsonl_backup_has_a_header_sections_and_checksums(
    database_url: str, toolkaart: Toolkaart, tmp_path: Path
) -> None:
    filled(database_url, toolkaart, 2).close()
    path = tmp_path / "backup.jsonl.gz"
    made = backup.backup(database_url, path, BackupFormat.JSONL)
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    header, ending = json.loads(lines[0]), json.loads(lines[-1])
    assert header["format"] == "toolkaart-backup" and header["format_version"] == 1
    assert header["schema_revision"] == head_revision()
    assert header["source"] == ("sqlite" if database_url.startswith("sqlite") else "postgresql")
    assert list(header["tables"]) == list(transfer.ORDER)
    assert ending["end"] == "toolkaart-backup"
    assert made.rows == header["tables"]
    with transfer.source(database_url) as (_revision, connection):
        projects = transfer.summarise(connection)["projects"]
    assert ending["tables"]["projects"] == {"rows": 2, "sha256": projects.sha256}
    sections = [json.loads(line) for line in lines[1:-1] if line.startswith("{")]
    assert [s["table"] for s in sections] == list(transfer.ORDER)
    assert len(lines) == 2 + len(sections) + sum(header["tables"].values())


def test_restoring_into_a_database_that_is_not_empty_is_refused_and_changes_nothing(
    database_url: str, second_url: str, toolkaart: Toolkaart, tmp_path: Path
) -> None:
    filled(database_url, toolkaart, 2).close()
    path = tmp_path / "backup"
    backup.backup(database_url, path)
    other = Store(second_url, acting=LOCAL)
    other.create("Al aanwezig")
    before = rows_of(second_url)
    with pytest.raises(BackupError, match=r"niet leeg \(projects: 1, project_versions: 1\)"):
        backup.restore(path, second_url)
    assert rows_of(second_url) == before
    other.close()


def _append_only_refuses(url: str) -> None:
    for statement in ("DELETE FROM decisions", "UPDATE project_versions SET saved_by = 'x'"):
        with pytest.raises(StoreFault), Database(url).write() as connection:
            connection.exec_driver_sql(statement)


def _triggers(url: str) -> list[tuple[str, str]]:
    with Database(url).read() as connection:
        if connection.dialect.name == "postgresql":
            query = (
                "SELECT t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t "
                "JOIN pg_class c ON c.oid = t.tgrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE NOT t.tgisinternal AND n.nspname = current_schema() ORDER BY t.tgname"
            )
        else:
            query = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        return [(row[0], row[1]) for row in connection.exec_driver_sql(query)]


def test_replace_clears_the_target_first_and_the_append_only_triggers_stay(
    database_url: str, second_url: str, toolkaart: Toolkaart, tmp_path: Path
) -> None:
    filled(database_url, toolkaart, 4).close()
    path = tmp_path / "backup"
    backup.backup(database_url, path)
    filled(second_url, toolkaart, 6).close()  # other projects, decisions and history
    triggers = _triggers(second_url)
    assert len(triggers) >= 2
    comparison = backup.restore(path, second_url, replace=True)
    assert comparison.same
    assert rows_of(second_url) == rows_of(database_url)
    assert _triggers(second_url) == triggers
    _append_only_refuses(second_url)


def test_a_damaged_backup_is_refused_and_the_target_stays_as_it_was(
    database_url: str, second_url: str, toolkaart: Toolkaart, tmp_path: Path
) -> None:
    filled(database_url, toolkaart, 3).close()
    path = tmp_path / "backup.jsonl.gz"
    backup.backup(database_url, path, BackupFormat.JSONL)
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines(keepends=True)
    filled(second_url, toolkaart, 1).close()
    before, triggers = rows_of(second_url), _triggers(second_url)

    edited = [line.replace("Zoë’s", "Zoe's") for line in lines]
    cases = {
        "checksum": "".join(edited),
        "end": "".join(lines[:-1]),
        "unreadable": "".join(lines)[:-40] + "{kapot",
        "format": "".join([lines[0].replace('"format_version": 1', '"format_version": 2')]),
    }
    for reason, text in cases.items():
        broken = tmp_path / f"{reason}.jsonl.gz"
        broken.write_bytes(gzip.compress(text.encode("utf-8")))
        with pytest.raises(BackupError, match="beschadigd of onvolledig") as refused:
            backup.restore(broken, second_url, replace=True)
        assert refused.value.params["reason"], reason
        assert rows_of(second_url) == before, reason
        assert _triggers(second_url) == triggers, reason
    truncated = tmp_path / "truncated.jsonl.gz"
    truncated.write_bytes(path.read_bytes()[:-30])
    with pytest.raises(BackupError, match="beschadigd"):
        backup.restore(truncated, second_url, replace=True)
    assert rows_of(second_url) == before
    stranger = tmp_path / "notes.txt"
    stranger.write_text("geen back-up", encoding="utf-8")
    with pytest.raises(BackupError, match="geen back-up van de Toolkaart"):
        backup.restore(stranger, second_url)


def test_new_people_get_new_ids_after_a_restore(
    database_url: str, second_url: str, toolkaart: Toolkaart, tmp_path: Path
) -> None:
    filled(database_url, toolkaart, 1).close()
    path = tmp_path / "backup"
    backup.backup(database_url, path)
    backup.restore(path, second_url)
    target = Database(second_url)
    assert member_store.grant(target, LOCAL, "nieuw@zorg.example.nl", "UMC Noord", Role.TEAM)
    with target.read() as connection:
        ids = connection.execute(sa.text("SELECT id FROM people ORDER BY id")).scalars().all()
    assert ids == list(range(1, len(ids) + 1))
    target.close()


def _consistent(url: str) -> int:
    """Check that each project's row, answers, decisions and history are of one save; the
    number of saved versions."""
    versions = 0
    with transfer.source(url) as (_revision, connection):
        for project in connection.execute(sa.text("SELECT id, version FROM projects")):
            history = connection.execute(
                sa.text(
                    "SELECT version, snapshot FROM project_versions WHERE project_id = :p "
                    "ORDER BY version"
                ),
                {"p": project.id},
            ).all()
            assert [h.version for h in history] == list(range(1, project.version + 1))
            latest = history[-1].snapshot
            latest = json.loads(latest) if isinstance(latest, str) else latest
            decided = connection.execute(
                sa.text("SELECT COUNT(*) FROM decisions WHERE project_id = :p"), {"p": project.id}
            ).scalar_one()
            ticked = connection.execute(
                sa.text("SELECT phase_id, item_id FROM checklist_answers WHERE project_id = :p"),
                {"p": project.id},
            ).all()
            assert decided == len(latest["decisions"])
            assert sorted(ticked) == sorted(
                (phase, item) for phase, items in latest["checklist"].items() for item in items
            )
            versions += project.version
    return versions


@pytest.mark.parametrize("backup_format", FORMATS)
def test_a_backup_taken_while_saves_go_on_is_one_consistent_state(
    database_url: str, toolkaart: Toolkaart, tmp_path: Path, backup_format: BackupFormat
) -> None:
    if backup_format not in formats_for(database_url):  # a sqlite backup is of SQLite only
        with pytest.raises(ValueError, match="not a SQLite database"):
            backup.backup(database_url, tmp_path / "backup.sqlite3", backup_format)
        assert not (tmp_path / "backup.sqlite3").exists()
        return
    store = filled(database_url, toolkaart, 6)
    ids = [project.id for project in store.list_projects()]
    phase = toolkaart.phases[0]
    items = [item.id for item in phase.checklist]
    saves, stop, failures = [0], threading.Event(), []

    def writer() -> None:
        own = Store(database_url, acting=LOCAL)
        try:
            while not stop.is_set():
                project = own.get(ids[saves[0] % len(ids)])
                walk = project.assessment.with_checked(toolkaart, phase.id, items[: saves[0] % 5])
                walk = walk.decide(toolkaart, phase.id, Answer.NOG_NIET, rationale="meting")
                own.save(project.with_assessment(walk))
                saves[0] += 1
        except BaseException as error:  # reported below, in the test's thread
            failures.append(error)
        finally:
            own.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while saves[0] < 3 and thread.is_alive():
            stop.wait(0.01)
        started = saves[0]
        seen = []
        for number in range(4):
            path = tmp_path / f"backup-{number}"
            backup.backup(database_url, path, backup_format)
            restored = f"sqlite:///{tmp_path / f'restored-{number}.sqlite3'}"
            backup.restore(path, restored)
            seen.append(_consistent(restored))
    finally:
        stop.set()
        thread.join()
    assert failures == []
    assert saves[0] > started  # the writer saved while the backups were taken
    assert seen == sorted(seen)
    store.close()


@pytest.mark.postgres
def test_copy_from_sqlite_to_postgresql_and_back_keeps_every_row(
    postgres_url: str, toolkaart: Toolkaart, tmp_path: Path
) -> None:
    sqlite_url = f"sqlite:///{tmp_path / 'start.sqlite3'}"
    store = filled(sqlite_url, toolkaart)
    original = rows_of(sqlite_url)
    there = transfer.copy(sqlite_url, postgres_url)
    assert there.same and {n: s.rows for n, s in there.target.items()} == {
        name: len(rows) for name, rows in original.items()
    }
    assert rows_of(postgres_url) == original
    back_url = f"sqlite:///{tmp_path / 'back.sqlite3'}"
    back = transfer.copy(postgres_url, back_url)
    assert back.source == there.source == back.target
    assert rows_of(back_url) == original
    on_postgres = Store(postgres_url, acting=LOCAL)
    assert on_postgres.list_projects(include_archived=True) == store.list_projects(
        include_archived=True
    )
    assert member_store.members(on_postgres, LOCAL) == member_store.members(store, LOCAL)
    on_postgres.close()
    store.close()


def test_copy_into_a_database_that_is_not_empty_needs_replace(
    database_url: str, second_url: str, toolkaart: Toolkaart
) -> None:
    filled(database_url, toolkaart, 2).close()
    filled(second_url, toolkaart, 3).close()
    with pytest.raises(BackupError, match="niet leeg"):
        transfer.copy(database_url, second_url)
    assert transfer.copy(database_url, second_url, replace=True).same
    assert rows_of(second_url) == rows_of(database_url)


def test_a_source_at_another_schema_revision_is_refused(
    database_url: str, second_url: str, toolkaart: Toolkaart
) -> None:
    filled(database_url, toolkaart, 1).close()
    with Database(database_url).write() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0002'")
    with pytest.raises(BackupError, match=f"schemaversie 0002, de doeldatabase {head_revision()}"):
        transfer.copy(database_url, second_url)


def test_a_copy_that_would_differ_is_rolled_back(
    database_url: str, second_url: str, toolkaart: Toolkaart, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled(database_url, toolkaart, 2).close()
    Database(second_url).close()
    real = transfer.summarise

    def one_row_lost(connection: sa.Connection) -> transfer.Summary:
        found = real(connection)
        return {**found, "decisions": replace(found["decisions"], rows=0)}

    monkeypatch.setattr(transfer, "summarise", one_row_lost)
    with pytest.raises(TransferMismatch) as refused:
        transfer.copy(database_url, second_url)
    assert refused.value.comparison.differing() == ["decisions"]
    assert "decisions\t" in "\n".join(refused.value.comparison.lines())
    monkeypatch.undo()
    assert not any(rows_of(second_url).values())


def test_backing_up_a_database_that_is_not_there_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "backup"
    path.write_bytes(b"the previous backup")
    for chosen in FORMATS:
        with pytest.raises(BackupError, match="bestaat niet"):
            backup.backup(f"sqlite:///{tmp_path / 'none.sqlite3'}", path, chosen)
    assert path.read_bytes() == b"the previous backup"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup"]
