"""``toolkaart db upgrade | check | backup | restore | copy``: output and exit codes 0 / 1 / 2."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from benchmarks.measure import postgres_schema
from tests.conftest import postgres_url_or_skip
from toolkaart.cli import main
from toolkaart.store import transfer
from toolkaart.store.engine import Database, head_revision

HEAD = head_revision()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def add_project(capsys: pytest.CaptureFixture[str], url: str, name: str) -> None:
    assert run(capsys, "project", "--database", url, "create", name)[0] == 0


@pytest.fixture
def second_url(database_url: str, tmp_path: Path) -> Iterator[str]:
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'second.sqlite3'}"
        return
    with postgres_schema(postgres_url_or_skip()) as url:
        yield url


def test_upgrade_says_the_revision_before_and_after(
    capsys: pytest.CaptureFixture[str], database_url: str
) -> None:
    code, out, _ = run(capsys, "db", "upgrade", "--database", database_url)
    assert code == 0 and out.rstrip().endswith(f"schema revision none -> {HEAD}")
    code, out, _ = run(capsys, "db", "--database", database_url, "upgrade")
    assert code == 0 and out.rstrip().endswith("schema revision already the newest")


def test_check_is_a_readiness_probe(
    capsys: pytest.CaptureFixture[str], database_url: str, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "db", "check", "--database", database_url)
    assert code == 1 and "database niet klaar" in err and "database not ready" in err
    if database_url.startswith("sqlite"):  # the probe did not create the file
        assert not (tmp_path / "store.sqlite3").exists()
    Database(database_url).close()
    code, out, _ = run(capsys, "db", "check", "--database", database_url)
    assert (code, out) == (
        0,
        f"database klaar: schemaversie {HEAD} (de nieuwste) / database ready: schema revision "
        f"{HEAD}\n",
    )
    with Database(database_url).write() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0002'")
    code, _, err = run(capsys, "db", "check", "--database", database_url)
    assert code == 1 and f"schemaversie 0002, deze versie verwacht {HEAD}" in err


def test_check_says_when_the_server_does_not_answer(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql+psycopg://toolkaart:geheim@127.0.0.1:9/toolkaart"  # the discard port
    code, out, err = run(capsys, "db", "check", "--database", url)
    assert (code, out) == (1, "")
    assert err.startswith("database niet bereikbaar / database not reachable: ")
    assert "geheim" not in err


def test_backup_restore_and_replace(
    capsys: pytest.CaptureFixture[str], database_url: str, second_url: str, tmp_path: Path
) -> None:
    add_project(capsys, database_url, "Zoë’s triage")
    path = tmp_path / "backup.file"
    code, out, _ = run(capsys, "db", "backup", str(path), "--database", database_url)
    assert code == 0
    assert out.splitlines()[0].startswith(f"backup: {path} (")
    assert "projects\t1" in out.splitlines()
    code, out, _ = run(capsys, "db", "restore", str(path), "--database", second_url)
    assert code == 0
    assert out.splitlines()[0] == "table\tsource\ttarget\tsame"
    assert "projects\t1\t1\tyes" in out.splitlines()
    assert "every table the same on both sides" in out.splitlines()[-1]

    code, out, err = run(capsys, "db", "restore", str(path), "--database", second_url)
    assert (code, out) == (1, "")
    assert "De doeldatabase is niet leeg" in err
    add_project(capsys, second_url, "Alleen in het doel")
    code, out, _ = run(capsys, "db", "restore", str(path), "--database", second_url, "--replace")
    assert code == 0 and "projects\t1\t1\tyes" in out.splitlines()
    with Database(second_url).read() as connection:
        names = connection.execute(sa.text("SELECT name FROM projects")).scalars().all()
    assert names == ["Zoë’s triage"]


def test_copy_prints_the_rows_on_both_sides(
    capsys: pytest.CaptureFixture[str], database_url: str, second_url: str
) -> None:
    add_project(capsys, database_url, "Verhuizer")
    code, out, err = run(capsys, "db", "copy", "--from", database_url, "--to", second_url)
    assert code == 0
    assert out.splitlines()[:2] == ["table\tsource\ttarget\tsame", "organisations\t0\t0\tyes"]
    assert "projects\t1\t1\tyes" in out.splitlines()
    assert "note: 1 of 1 projects have no organisation" in err  # nobody would see it signed in
    code, _, err = run(capsys, "db", "copy", "--from", database_url, "--to", second_url)
    assert code == 1 and "niet leeg" in err
    code, _, _ = run(capsys, "db", "copy", "--from", database_url, "--to", second_url, "--replace")
    assert code == 0


def test_a_copy_that_differs_exits_1_with_the_table_and_writes_nothing(
    capsys: pytest.CaptureFixture[str],
    database_url: str,
    second_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_project(capsys, database_url, "Verhuizer")
    real = transfer.summarise

    def without_projects(connection: sa.Connection) -> transfer.Summary:
        return {**real(connection), "projects": transfer.TableSum(0, "")}

    monkeypatch.setattr(transfer, "summarise", without_projects)
    code, out, err = run(capsys, "db", "copy", "--from", database_url, "--to", second_url)
    assert code == 1
    assert "projects\t1\t0\tNO" in out.splitlines()
    assert "verschillen bron en doel in: projects" in err
    monkeypatch.undo()
    with Database(second_url).read() as connection:
        assert connection.execute(sa.text("SELECT COUNT(*) FROM projects")).scalar() == 0


def test_refusals_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = f"sqlite:///{tmp_path / 'none.sqlite3'}"
    code, _, err = run(capsys, "db", "backup", str(tmp_path / "b"), "--database", missing)
    assert code == 1 and "bestaat niet" in err
    code, _, err = run(capsys, "db", "copy", "--from", missing, "--to", f"sqlite:///{tmp_path}/t")
    assert code == 1 and "bestaat niet" in err
    stranger = tmp_path / "notes.txt"
    stranger.write_text("geen back-up", encoding="utf-8")
    code, _, err = run(capsys, "db", "restore", str(stranger), "--database", missing)
    assert code == 1 and "geen back-up van de Toolkaart-navigator" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    Database(url).close()
    postgres = "postgresql+psycopg://toolkaart@127.0.0.1:9/toolkaart"
    for call in (
        ("db", "backup", str(tmp_path / "no" / "such" / "folder.bak"), "--database", url),
        ("db", "backup", str(tmp_path), "--database", url),
        ("db", "backup", str(tmp_path / "b"), "--database", postgres, "--format", "sqlite"),
        ("db", "restore", str(tmp_path / "missing.bak"), "--database", url),
        ("db", "copy", "--from", url, "--to", url),
        ("db", "backup", str(tmp_path / "db.sqlite3"), "--database", url),
        ("db", "restore", str(tmp_path / "db.sqlite3"), "--database", url),
    ):
        code, _, err = run(capsys, *call)
        assert code == 2 and "toolkaart: error:" in err, call
    for args in (["db"], ["db", "copy", "--from", url], ["db", "backup", "b", "--format", "xml"]):
        with pytest.raises(SystemExit) as exited:
            main(args)
        assert exited.value.code == 2
