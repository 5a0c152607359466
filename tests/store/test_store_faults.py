"""Database faults, made for real: each is refused in Dutch, saves nothing, and passes.

A value the database refuses, a full disk (a 2 MB tmpfs), a stopped PostgreSQL server (a private
one) and a read-only SQLite file (as an unprivileged user). See tests/faultkit.py.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from benchmarks.measure import postgres_schema
from tests.conftest import postgres_url_or_skip
from tests.faultkit import PrivateServer, as_nobody, fill, private_postgres, small_disk
from toolkaart.access.permissions import LOCAL
from toolkaart.content.models import Toolkaart
from toolkaart.errors import StoreFault
from toolkaart.i18n.catalog import t
from toolkaart.route.gates import Answer
from toolkaart.route.project import Project
from toolkaart.store.project_store import Store

SAVE_FAILED = t("store.outcome.write")
READ_FAILED = t("store.outcome.read")


def decided(
    toolkaart: Toolkaart, project: Project, rationale: str = "eerst praten", decided_by: str = ""
) -> Project:
    """``project`` with a *nog niet* on Idee whose texts the domain has not checked."""
    walk = project.assessment.decide(toolkaart, "idee", Answer.NOG_NIET)
    last = replace(walk.decisions[-1], rationale=rationale, decided_by=decided_by)
    return project.with_assessment(replace(walk, decisions=(*walk.decisions[:-1], last)))


def assert_told(fault: StoreFault, code: str, outcome: str = "") -> None:
    """The fault's code, and a Dutch text without the database's own words."""
    assert fault.code == code
    assert str(fault) == (t(f"store.error.{code}", outcome=outcome))
    for leak in ("Traceback", "sqlalchemy", "sqlite", "psycopg", "127.0.0.1", "/"):
        assert leak not in str(fault)


def test_a_text_longer_than_its_column_is_refused_in_dutch_and_nothing_is_saved(
    database_url: str, toolkaart: Toolkaart, caplog: pytest.LogCaptureFixture
) -> None:
    store = Store(database_url, acting=LOCAL)
    project = store.create("Sepsis")
    with pytest.raises(StoreFault) as refused:
        store.save(decided(toolkaart, project, decided_by="A" * 201))
    assert_told(refused.value, "rejected")
    assert store.get(project.id) == project
    assert any(record.exc_info for record in caplog.records)  # the details are in the log
    assert store.save(decided(toolkaart, project, decided_by="A" * 200)).version == 2
    store.close()


@pytest.mark.postgres
def test_postgresql_refuses_a_nul_in_a_rationale_in_dutch(
    toolkaart: Toolkaart, caplog: pytest.LogCaptureFixture
) -> None:
    with postgres_schema(postgres_url_or_skip()) as url:
        store = Store(url, acting=LOCAL)
        project = store.create("Sepsis")
        with pytest.raises(StoreFault) as refused:
            store.save(decided(toolkaart, project, rationale="eerst\x00praten"))
        assert_told(refused.value, "rejected")
        assert "NUL" in caplog.text  # PostgreSQL's own words go to the log
        assert store.get(project.id) == project
        assert store.save(decided(toolkaart, project)).version == 2
        store.close()


def test_a_full_disk_saves_nothing_and_the_same_store_saves_once_there_is_room() -> None:
    with small_disk() as disk:
        store = Store(f"sqlite:///{disk / 'toolkaart.sqlite3'}", acting=LOCAL)
        project = store.create("Sepsis")
        filler = fill(disk)
        with pytest.raises(StoreFault) as refused:
            for number in range(100):  # until the WAL needs a page more than the disk has
                project = store.save(replace(project, description=f"{number} " + "x" * 1900))
        assert_told(refused.value, "disk_full", SAVE_FAILED)
        assert store.get(project.id) == project
        filler.unlink()
        assert store.save(project).version == project.version + 1
        store.close()


@pytest.fixture(scope="module")
def server() -> Iterator[PrivateServer]:
    with private_postgres() as private:
        yield private


@pytest.mark.postgres
@pytest.mark.slow
def test_a_stopped_postgresql_server_is_said_in_dutch_and_the_store_works_once_it_is_back(
    server: PrivateServer,
) -> None:
    store = Store(server.url, acting=LOCAL)
    project = store.create("Sepsis")
    server.stop()
    try:
        with pytest.raises(StoreFault) as saving:
            store.save(replace(project, description="tijdens de storing"))
        assert_told(saving.value, "unreachable", SAVE_FAILED)
        with pytest.raises(StoreFault) as reading:
            store.list_projects()
        assert_told(reading.value, "unreachable", READ_FAILED)
        with pytest.raises(StoreFault) as opening:
            Store(server.url, acting=LOCAL)
        assert_told(opening.value, "unreachable", READ_FAILED)
        assert str(server.port) not in str(opening.value)
    finally:
        server.start()
    assert store.save(replace(project, description="erna")).version == 2
    assert store.get(project.id).description == "erna"
    store.close()


@pytest.mark.postgres
@pytest.mark.slow
def test_a_full_disk_under_postgresql_is_said_in_dutch(server: PrivateServer) -> None:
    """The tables in a tablespace on a small disk (the server's own files stay where they are)."""
    with small_disk() as disk:
        (disk / "ruimte").mkdir()
        shutil.chown(disk / "ruimte", "postgres", "postgres")
        server.sql(f"CREATE TABLESPACE klein LOCATION '{disk / 'ruimte'}'")
        server.sql("CREATE DATABASE vol")
        try:
            url = sa.make_url(server.url_of("vol"))
            url = url.update_query_dict({"options": "-cdefault_tablespace=klein"})
            store = Store(url.render_as_string(hide_password=False), acting=LOCAL)
            project = store.create("Sepsis")
            filler = fill(disk)
            with pytest.raises(StoreFault) as refused:
                for number in range(100):
                    project = store.save(replace(project, description=f"{number} " + "x" * 1900))
            assert_told(refused.value, "disk_full", SAVE_FAILED)
            assert store.get(project.id) == project
            filler.unlink()
            assert store.save(project).version == project.version + 1
            store.close()
        finally:
            server.sql("DROP DATABASE IF EXISTS vol WITH (FORCE)")
            server.sql("DROP TABLESPACE IF EXISTS klein")


@pytest.fixture
def nobodys_folder() -> Iterator[Path]:
    """A folder outside pytest's own (which only root may enter), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="toolkaart-ro-"))
    yield folder
    shutil.rmtree(folder)


def test_a_read_only_sqlite_file_is_refused_with_what_to_fix_and_recovers_once_fixed(
    nobodys_folder: Path,
) -> None:
    """As an unprivileged user (root writes read-only files): see readonly_scenario.py."""
    folder = nobodys_folder
    script = Path(__file__).with_name("readonly_scenario.py")
    done = as_nobody([sys.executable, str(script), str(folder)], folder)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    database = folder / "data" / "toolkaart.sqlite3"
    refused = seen["refused"]
    assert refused["code"] == "read_only"
    assert refused["message"] == t("store.error.read_only", outcome=READ_FAILED)
    assert str(database) in refused["advice"] and "'nobody'" in refused["advice"]
    assert str(database) not in refused["message"]
    assert seen["side_files_after_refusal"] == ["toolkaart.sqlite3"]  # none made read-only
    assert refused["advice"] in seen["serve_output"]  # `toolkaart serve` says what to fix
    assert seen["saved_after_fix"] == 2
    assert seen["wal_bytes"] > 0
    assert seen["description_after_repair"] == "alleen in de wal"  # the -wal's save is kept
    assert seen["saved_after_repair"] == 4
    assert t("store.advice.repaired", path=f"{database}-wal") in done.stderr
    assert t("store.advice.file", path=database, user="nobody") in done.stderr  # server log
