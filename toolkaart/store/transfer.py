"""The whole store as rows: read in one consistent transaction, written in one, and compared.

Why: a backup, a restore and a move from SQLite to PostgreSQL all come down to the same three
steps: read every table of one database as it was at one moment, write those rows into another
database that holds nothing yet, and prove that the two now hold the same. This module does those
steps once, for the database (``toolkaart db copy``) and for the backup files of
``toolkaart.store.backup`` alike.

Guarantees:

- every table of ``toolkaart.store.tables`` is moved, parents before children (``TABLES``), and a
  test keeps that list equal to the metadata;
- the source is read in one transaction (``engine.consistent_read``): a copy of a database in use
  is the state of one moment, never half of a save;
- the target is written in one transaction, after checking that it is at the same schema revision
  and empty (or, with ``replace``, cleared first): all or nothing;
- before that transaction commits, every table of the target is read back and compared with what
  was read from the source: the number of rows and a SHA-256 over the rows (``Digest``, the same
  on both backends); when anything differs, nothing is committed (``TransferMismatch``);
- timestamps stay timezone-aware UTC, JSON columns the same values, and on PostgreSQL the
  sequence behind ``people.id`` continues after the highest id written.

Clearing with ``replace``: ``decisions``, ``project_versions``, ``evidence`` and ``phase_notes``
are append-only (triggers of migrations 0001 and 0004 refuse UPDATE and DELETE). On PostgreSQL ``TRUNCATE`` clears them, as row triggers do not
fire for it; on SQLite the triggers are dropped, the rows deleted and the triggers created again
from the very SQL that ``sqlite_master`` held, inside the same transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from toolkaart.errors import BackupError, TransferMismatch
from toolkaart.store.engine import (
    Database,
    consistent_read,
    create_engine,
    sqlite_path,
    stored_revision,
)
from toolkaart.store.faults import translated
from toolkaart.store.tables import UTCDateTime, metadata

#: Every table, each after the tables its foreign keys refer to.
ORDER = (
    "organisations",
    "people",
    "memberships",
    "projects",
    "checklist_answers",
    "decisions",
    "project_versions",
    "evidence",
    "project_people",
    "phase_notes",
    "agenda_drafts",
    "content_outlines",
    "content_confirmations",
)
TABLES: tuple[sa.Table, ...] = tuple(metadata.tables[name] for name in ORDER)
#: Rows read and written per round trip.
BATCH = 1000

#: A table's rows, each as a mapping of column name to value.
Rows = Iterable[Mapping[str, Any]]
#: The whole database: every table of ``TABLES`` in that order, with its rows.
Stream = Iterable[tuple[sa.Table, Rows]]


# rows as portable values


def encode_row(table: sa.Table, row: Mapping[str, Any]) -> list[Any]:
    """The row's values in column order as JSON values: a timestamp as ISO 8601 in UTC, a date
    as ISO 8601, everything else (text, numbers, booleans, None, JSON) as it is."""
    return [_encode(row[column.name]) for column in table.columns]


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def decode_row(table: sa.Table, values: Sequence[Any]) -> dict[str, Any]:
    """The row ``encode_row`` made of these values; ValueError or TypeError when they cannot
    be (a damaged file)."""
    if len(values) != len(table.columns):
        raise ValueError(f"{len(values)} values for {len(table.columns)} columns")
    return {
        column.name: _decode(column, value)
        for column, value in zip(table.columns, values, strict=True)
    }


def _decode(column: sa.Column[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, UTCDateTime):
        moment = dt.datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise ValueError(f"{column.name}: a time without its zone")
        return moment
    if isinstance(column.type, sa.Date):
        return dt.date.fromisoformat(value)
    return value


_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def canonical(values: list[Any]) -> str:
    """One row as one line of JSON, the same for equal rows whatever the backend or key order."""
    return _CANONICAL.encode(values)


@dataclass(frozen=True)
class TableSum:
    """A table's rows: how many, and a SHA-256 over them that does not depend on their order."""

    rows: int
    sha256: str


#: Table name → its ``TableSum``, for every table.
Summary = dict[str, TableSum]


class Digest:
    """Adds up one table's rows: the SHA-256 of each row's canonical line, sorted, hashed again.

    Sorted, so that the two sides compare equal whatever order their database returns rows in
    (text sorts differently on PostgreSQL with a locale than on SQLite).
    """

    def __init__(self) -> None:
        self._rows: list[bytes] = []

    def add(self, line: str) -> None:
        self._rows.append(hashlib.sha256(line.encode("utf-8")).digest())

    def result(self) -> TableSum:
        return TableSum(len(self._rows), hashlib.sha256(b"".join(sorted(self._rows))).hexdigest())


@dataclass(frozen=True)
class Comparison:
    """What was read from the source and what the target holds, table by table."""

    source: Summary
    target: Summary

    def differing(self) -> list[str]:
        return [name for name in ORDER if self.source.get(name) != self.target.get(name)]

    @property
    def same(self) -> bool:
        return not self.differing()

    def lines(self) -> list[str]:
        """A tab-separated table of the rows on each side, for the command line."""
        lines = ["table\tsource\ttarget\tsame"]
        for name in ORDER:
            source, target = self.source.get(name), self.target.get(name)
            lines.append(
                f"{name}\t{source.rows if source else '-'}\t{target.rows if target else '-'}\t"
                + ("yes" if source == target else "NO")
            )
        return lines


# reading


def read_table(connection: Connection, table: sa.Table) -> Iterator[dict[str, Any]]:
    """The table's rows in key order, fetched ``BATCH`` at a time."""
    query = sa.select(table).order_by(*table.primary_key.columns).execution_options(yield_per=BATCH)
    for row in connection.execute(query).mappings():
        yield dict(row)


def read_all(connection: Connection) -> Stream:
    """Every table with its rows (read lazily, table after table, on ``connection``)."""
    for table in TABLES:
        yield table, read_table(connection, table)


def summarise(connection: Connection) -> Summary:
    """Rows and SHA-256 of every table, as ``connection`` sees them."""
    summary: Summary = {}
    for table in TABLES:
        digest = Digest()
        for row in read_table(connection, table):
            digest.add(canonical(encode_row(table, row)))
        summary[table.name] = digest.result()
    return summary


def counts(connection: Connection) -> dict[str, int]:
    """The number of rows of every table."""
    return {
        table.name: connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
        for table in TABLES
    }


@contextmanager
def existing(url: str) -> Iterator[Engine]:
    """A read-only engine on a database that must exist already: opening it runs no migration,
    and a SQLite file that is not there is refused instead of created."""
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        raise BackupError("no_database", path=path)
    engine = create_engine(url, read_only=True)
    try:
        yield engine
    finally:
        engine.dispose()


@contextmanager
def source(url: str) -> Iterator[tuple[str, Connection]]:
    """The schema revision and a consistent read transaction of the database at ``url``; a
    database fault is a ``StoreFault``, a database without the store's tables a BackupError."""
    with existing(url) as engine, translated(writing=False), consistent_read(engine) as connection:
        revision = stored_revision(connection)
        if revision is None:
            raise BackupError("not_toolkaart", name=_shown(url))
        yield revision, connection


def _shown(url: str) -> str:
    path = sqlite_path(url)
    return str(path) if path is not None else sa.make_url(url).render_as_string()


# writing


def load(target: Database, revision: str, stream: Stream, *, replace: bool = False) -> Comparison:
    """Write ``stream`` (every table, read from a database or a backup at schema ``revision``)
    into ``target`` in one transaction, and compare before committing.

    Refused with BackupError when ``target`` is at another revision or is not empty (unless
    ``replace``: then its rows are cleared first, in the same transaction); with
    TransferMismatch when what the target then holds differs from what was read. Either way,
    and on any error in between, the target is left as it was.
    """
    with target.write() as connection:
        current = stored_revision(connection)
        if current != revision:
            raise BackupError("revision", source=revision, target=current or "-")
        _lock(connection, exclusive=replace)
        present = {name: n for name, n in counts(connection).items() if n}
        if present and not replace:
            held = ", ".join(f"{name}: {n}" for name, n in present.items())
            raise BackupError("not_empty", tables=held)
        if present:
            _clear(connection)
        read: Summary = {}
        for expected, (table, rows) in zip(TABLES, stream, strict=True):
            assert table is expected, (table.name, expected.name)
            read[table.name] = _insert(connection, table, rows)
        _continue_sequences(connection)
        comparison = Comparison(read, summarise(connection))
        if not comparison.same:
            raise TransferMismatch(comparison)
    return comparison


def _insert(connection: Connection, table: sa.Table, rows: Rows) -> TableSum:
    digest = Digest()
    batch: list[Mapping[str, Any]] = []
    for row in rows:
        digest.add(canonical(encode_row(table, row)))
        batch.append(row)
        if len(batch) == BATCH:
            connection.execute(sa.insert(table), batch)
            batch = []
    if batch:
        connection.execute(sa.insert(table), batch)
    return digest.result()


def _lock(connection: Connection, *, exclusive: bool) -> None:
    """Keep others from writing (and, when clearing, from reading) until this transaction ends.
    SQLite's ``BEGIN IMMEDIATE`` (``Database.write``) already holds the one write lock."""
    if connection.dialect.name == "postgresql":
        mode = "ACCESS EXCLUSIVE" if exclusive else "EXCLUSIVE"
        connection.exec_driver_sql(f"LOCK TABLE {', '.join(ORDER)} IN {mode} MODE")


#: SQLite's own table of tables, indexes and triggers.
_SQLITE_MASTER = sa.table(
    "sqlite_master", sa.column("type"), sa.column("name"), sa.column("tbl_name"), sa.column("sql")
)


def _clear(connection: Connection) -> None:
    """Delete every row of every table, the append-only ones included (see the module's text)."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"TRUNCATE {', '.join(ORDER)} RESTART IDENTITY")
        return
    triggers = connection.execute(
        sa.select(_SQLITE_MASTER.c.name, _SQLITE_MASTER.c.sql)
        .where(_SQLITE_MASTER.c.type == "trigger", _SQLITE_MASTER.c.tbl_name.in_(ORDER))
        .order_by(_SQLITE_MASTER.c.name)
    ).all()
    for name, _sql in triggers:
        connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
    for table in reversed(TABLES):
        connection.execute(sa.delete(table))
    for _name, sql in triggers:
        connection.exec_driver_sql(sql)


def _continue_sequences(connection: Connection) -> None:
    """PostgreSQL: each serial key's sequence continues after the highest id now stored (the
    rows came with their ids). SQLite's integer keys take the highest id + 1 by themselves."""
    if connection.dialect.name != "postgresql":
        return
    for table in TABLES:
        column = table.autoincrement_column
        if column is None:
            continue
        connection.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                f"COALESCE(MAX({column.name}), 0) + 1, false) FROM {table.name}"
            )
        )


# the database to database copy


def copy(source_url: str, target_url: str, *, replace: bool = False) -> Comparison:
    """Everything in the database at ``source_url`` into the one at ``target_url`` (created and
    migrated when new): the source as it was at one moment, the target all or nothing."""
    target = Database(target_url)
    try:
        with source(source_url) as (revision, connection):
            return load(target, revision, read_all(connection), replace=replace)
    finally:
        target.close()


def revision_of(url: str, *, connect_timeout: int | None = None) -> str | None:
    """The schema revision of the database at ``url`` without migrating it: None when it has
    no Toolkaart tables yet (or, for SQLite, no file). Raises what the driver raises when the
    database cannot be reached (PostgreSQL waits ``connect_timeout`` seconds at most)."""
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        return None
    parsed = sa.make_url(url)
    if connect_timeout and path is None and "connect_timeout" not in parsed.query:
        parsed = parsed.update_query_dict({"connect_timeout": str(connect_timeout)})
    with existing(parsed.render_as_string(hide_password=False)) as engine, engine.connect() as c:
        return stored_revision(c)
