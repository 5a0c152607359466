"""The backup benchmark runs end to end on a small portfolio, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.backup_bench import bench, main
from tests.conftest import postgres_url_or_skip


def test_the_command_times_backup_and_restore_on_sqlite(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--projects", "3", "--repeats", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("portfolio: 3 projects made in ")
    assert [line.split(" ")[1] for line in lines[1:]] == ["backup", "backup", "restore", "restore"]


@pytest.mark.postgres
def test_it_times_the_copies_and_postgresql_too(tmp_path: Path) -> None:
    lines = bench(2, 1, postgres_url_or_skip(), tmp_path)
    assert [line.split(" ")[0] for line in lines[5:]] == [
        "copy",
        "postgresql:",
        "postgresql:",
        "copy",
    ]
    assert lines[5].startswith("copy sqlite -> postgresql ")
    assert lines[8].startswith("copy postgresql -> sqlite ")
