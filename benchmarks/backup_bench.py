"""Measure ``toolkaart db backup``, ``restore`` and ``copy`` on a synthetic portfolio.

``python -m benchmarks.backup_bench [--projects N] [--repeats R] [--postgres URL]``

Makes a portfolio of N projects (``benchmarks/portfolio.py``) in a fresh SQLite file, then times
(median of R runs, each into a fresh target):

- SQLite: backup in both formats, restore of each into a fresh SQLite file;
- with ``--postgres`` (a server where the user may create schemas; each run works in a schema of
  its own, dropped afterwards): copy SQLite → PostgreSQL, backup of PostgreSQL (jsonl), restore
  of it into a fresh schema, copy PostgreSQL → SQLite.

Each restore and copy includes its check (every table read back and compared before commit).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.measure import postgres_schema
from benchmarks.portfolio import fill
from toolkaart.access.permissions import LOCAL
from toolkaart.content.loader import load_toolkaart
from toolkaart.store import backup, transfer
from toolkaart.store.backup import BackupFormat
from toolkaart.store.project_store import Store


def _median(action: Callable[[int], object], repeats: int) -> float:
    """Median seconds of ``action(run)`` over ``repeats`` runs."""
    seconds = []
    for run in range(repeats):
        began = time.perf_counter()
        action(run)
        seconds.append(time.perf_counter() - began)
    return statistics.median(seconds)


def bench(projects: int, repeats: int, postgres: str | None, folder: Path) -> list[str]:
    lines = []
    source = f"sqlite:///{folder / 'portfolio.sqlite3'}"
    began = time.perf_counter()
    store = Store(source, acting=LOCAL)
    fill(store, load_toolkaart(), projects)
    store.close()
    with transfer.source(source) as (_revision, connection):
        counted = transfer.counts(connection)
    lines.append(
        f"portfolio: {projects} projects made in {time.perf_counter() - began:.1f} s: "
        + ", ".join(f"{name} {n}" for name, n in counted.items())
    )
    files: dict[BackupFormat, Path] = {}
    for chosen in BackupFormat:
        path = folder / f"backup.{chosen}"

        def write(_run: int, p: Path = path, c: BackupFormat = chosen) -> None:
            backup.backup(source, p, c)

        seconds = _median(write, repeats)
        files[chosen] = path
        size = path.stat().st_size / 2**20
        lines.append(f"sqlite: backup ({chosen}) {seconds:.2f} s, {size:.1f} MiB")
    for chosen, path in files.items():

        def restore(run: int, p: Path = path, c: str = chosen) -> None:
            backup.restore(p, f"sqlite:///{folder / f'restored-{c}-{run}.sqlite3'}")

        lines.append(f"sqlite: restore ({chosen}) {_median(restore, repeats):.2f} s")
    if postgres is None:
        return lines

    def to_postgres(_run: int) -> None:
        with postgres_schema(postgres) as target:
            transfer.copy(source, target)

    lines.append(f"copy sqlite -> postgresql {_median(to_postgres, repeats):.2f} s")
    with postgres_schema(postgres) as filled:
        transfer.copy(source, filled)
        dump = folder / "postgres.jsonl"
        seconds = _median(lambda _run: backup.backup(filled, dump), repeats)
        size = dump.stat().st_size / 2**20
        lines.append(f"postgresql: backup (jsonl) {seconds:.2f} s, {size:.1f} MiB")

        def restore_postgres(_run: int) -> None:
            with postgres_schema(postgres) as target:
                backup.restore(dump, target)

        lines.append(f"postgresql: restore (jsonl) {_median(restore_postgres, repeats):.2f} s")

        def to_sqlite(run: int) -> None:
            transfer.copy(filled, f"sqlite:///{folder / f'from-postgres-{run}.sqlite3'}")

        lines.append(f"copy postgresql -> sqlite {_median(to_sqlite, repeats):.2f} s")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.backup_bench", description=__doc__)
    parser.add_argument("--projects", type=int, default=1000, help="projects (default 1000)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per figure (default 3)")
    parser.add_argument("--postgres", metavar="URL", help="also measure on this server")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        for line in bench(args.projects, args.repeats, args.postgres, Path(folder)):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
