"""Backup files of the whole store, made while the app runs, and restoring them.

Two formats; ``restore`` recognises either by its first bytes, and writes it into any backend with
``toolkaart.store.transfer.load`` (empty target or ``replace``, one transaction, compared before
it commits):

- ``sqlite`` (the default for a SQLite database): SQLite's online backup API copies the database
  page by page in one read transaction, while the app goes on saving. The result is a SQLite file
  in rollback-journal mode (one file, no ``-wal``): itself a working Toolkaart database.
- ``jsonl`` (the default for PostgreSQL, possible for SQLite too): every table read in one
  consistent transaction (REPEATABLE READ on PostgreSQL) into a gzip'd JSON-lines file, format
  ``toolkaart-backup`` version 1, readable on any machine without a database:

  1. a header: ``{"format": "toolkaart-backup", "format_version": 1, "schema_revision": "0003",
     "created_at": "…+00:00", "source": "postgresql", "tables": {"projects": 1000, …}}``;
  2. per table, in ``transfer.ORDER``: ``{"table": "projects", "columns": [...], "rows": 1000}``,
     then one line per row, a JSON array of its values in column order (timestamps ISO 8601 in
     UTC, dates ISO 8601, JSON columns as JSON);
  3. a closing line: ``{"end": "toolkaart-backup", "tables": {"projects": {"rows": 1000,
     "sha256": "…"}, …}}`` (``transfer.Digest``), so a file cut short or changed is refused.

Either is written to a temporary file beside the target, flushed to disk and renamed into place:
the backup file is always the previous one or the whole new one, never half.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

import sqlalchemy as sa

from toolkaart.errors import BackupError
from toolkaart.i18n.catalog import t
from toolkaart.store.engine import SQLITE_BUSY_TIMEOUT_S, Database, sqlite_path
from toolkaart.store.faults import translated
from toolkaart.store.transfer import (
    TABLES,
    Comparison,
    Digest,
    Stream,
    Summary,
    TableSum,
    canonical,
    counts,
    decode_row,
    encode_row,
    load,
    read_all,
    read_table,
    source,
)

FORMAT = "toolkaart-backup"
FORMAT_VERSION = 1
SQLITE_MAGIC = b"SQLite format 3\x00"
GZIP_MAGIC = b"\x1f\x8b"


class BackupFormat(StrEnum):
    SQLITE = "sqlite"
    JSONL = "jsonl"


@dataclass(frozen=True)
class Backup:
    """A backup file as written: where, which format, the schema revision, the rows of each
    table in it, and its size in bytes."""

    path: Path
    format: BackupFormat
    revision: str
    rows: dict[str, int]
    size: int


def default_format(url: str) -> BackupFormat:
    return BackupFormat.SQLITE if sqlite_path(url) is not None else BackupFormat.JSONL


def sqlite_url(path: Path) -> str:
    return sa.URL.create("sqlite", database=str(path.absolute())).render_as_string()


def backup(url: str, path: Path, backup_format: BackupFormat | None = None) -> Backup:
    """Write a backup of the database at ``url`` to ``path`` (replacing it atomically).

    ``sqlite`` needs a SQLite database (ValueError otherwise). BackupError when there is no such
    database or it holds no Toolkaart tables; StoreFault when the database cannot be read or the
    file not written.
    """
    chosen = backup_format or default_format(url)
    with _atomic(path) as temporary:
        if chosen is BackupFormat.SQLITE:
            revision, rows = _sqlite_backup(url, temporary)
        else:
            revision, rows = _jsonl_backup(url, temporary)
        size = temporary.stat().st_size
    return Backup(path, chosen, revision, rows, size)


@contextmanager
def _atomic(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path``, renamed to ``path`` once written and flushed to disk;
    removed (and ``path`` left as it was) when anything fails."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    side_files = [temporary.with_name(temporary.name + s) for s in ("-journal", "-wal", "-shm")]
    try:
        with translated(writing=True):
            yield temporary
            with temporary.open("rb") as written:
                os.fsync(written.fileno())
            temporary.replace(path)
            folder = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)
    finally:
        for leftover in (temporary, *side_files):
            leftover.unlink(missing_ok=True)


def _sqlite_backup(url: str, temporary: Path) -> tuple[str, dict[str, int]]:
    """SQLite's online backup of the database at ``url`` into ``temporary``; its revision and
    the rows of each table, read from the copy after SQLite's own check of it."""
    database = sqlite_path(url)
    if database is None:
        raise ValueError(f"not a SQLite database: {url}")
    if not database.is_file():
        raise BackupError("no_database", path=database)
    with translated(writing=False):
        origin = sqlite3.connect(
            f"file:{quote(str(database.absolute()))}?mode=ro",
            uri=True,
            timeout=SQLITE_BUSY_TIMEOUT_S,
        )
        try:
            copy = sqlite3.connect(temporary)
            try:
                origin.backup(copy)  # all pages in one step: one read transaction, one state
                copy.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
                checked = copy.execute("PRAGMA quick_check").fetchall()
            finally:
                copy.close()
        finally:
            origin.close()
    if checked != [("ok",)]:
        raise BackupError("damaged", path=database, reason=t("backup.damaged.unreadable"))
    with source(sqlite_url(temporary)) as (revision, connection):
        return revision, counts(connection)


def _jsonl_backup(url: str, temporary: Path) -> tuple[str, dict[str, int]]:
    """Every table of the database at ``url``, read in one transaction, into ``temporary``."""
    summary: Summary = {}
    with source(url) as (revision, connection):
        rows = counts(connection)
        header = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "schema_revision": revision,
            "created_at": dt.datetime.now(dt.UTC).isoformat(),
            "source": connection.dialect.name,
            "tables": rows,
        }
        with _text_out(temporary) as out:
            out.write(json.dumps(header, ensure_ascii=False) + "\n")
            for table in TABLES:
                section = {
                    "table": table.name,
                    "columns": [column.name for column in table.columns],
                    "rows": rows[table.name],
                }
                out.write(json.dumps(section) + "\n")
                digest = Digest()
                for row in read_table(connection, table):
                    line = canonical(encode_row(table, row))
                    digest.add(line)
                    out.write(line + "\n")
                summary[table.name] = digest.result()
            ending = {
                "end": FORMAT,
                "tables": {
                    name: {"rows": s.rows, "sha256": s.sha256} for name, s in summary.items()
                },
            }
            out.write(json.dumps(ending) + "\n")
    return revision, rows


@contextmanager
def _text_out(path: Path) -> Iterator[IO[str]]:
    with (
        path.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=6, mtime=0) as packed,
        io.TextIOWrapper(packed, encoding="utf-8", newline="\n") as text,
    ):
        yield text


# restoring


def detect(path: Path) -> BackupFormat:
    """The format of the backup file at ``path``, by its first bytes; BackupError for neither."""
    with path.open("rb") as handle:
        start = handle.read(len(SQLITE_MAGIC))
    if start == SQLITE_MAGIC:
        return BackupFormat.SQLITE
    if start.startswith(GZIP_MAGIC):
        return BackupFormat.JSONL
    raise BackupError("unknown_file", path=path)


def restore(path: Path, url: str, *, replace: bool = False) -> Comparison:
    """The backup at ``path`` into the database at ``url`` (created and migrated when new), which
    must be empty unless ``replace``; one transaction, compared before it commits
    (``transfer.load``)."""
    kind = detect(path)
    target = Database(url)
    try:
        if kind is BackupFormat.SQLITE:
            with source(sqlite_url(path)) as (revision, connection):
                return load(target, revision, read_all(connection), replace=replace)
        with _JsonlReader(path) as reader:
            return load(target, reader.revision, reader.stream(), replace=replace)
    finally:
        target.close()


class _JsonlReader:
    """A ``jsonl`` backup read line by line; every problem a BackupError ('damaged')."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[str] | None = None
        self.revision = ""
        self._counts: dict[str, Any] = {}

    def __enter__(self) -> _JsonlReader:
        self._file = gzip.open(self.path, "rt", encoding="utf-8", newline="\n")
        header = self._line()
        if (
            not isinstance(header, dict)
            or header.get("format") != FORMAT
            or header.get("format_version") != FORMAT_VERSION
            or not isinstance(header.get("schema_revision"), str)
            or not isinstance(header.get("tables"), dict)
        ):
            raise self._damaged("format")
        self.revision = header["schema_revision"]
        self._counts = header["tables"]
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._file is not None:
            self._file.close()

    def _damaged(self, reason: str, **params: object) -> BackupError:
        return BackupError(
            "damaged", path=self.path, reason=t(f"backup.damaged.{reason}", **params)
        )

    def _line(self) -> Any:
        """The next line as JSON; the end of the file where a line should be is 'damaged'."""
        assert self._file is not None
        try:
            line = self._file.readline()
            if not line.endswith("\n"):
                raise self._damaged("end")
            return json.loads(line)
        except BackupError:
            raise
        except (OSError, EOFError, ValueError) as error:  # gzip, UTF-8 and JSON errors
            raise self._damaged("unreadable") from error

    def stream(self) -> Stream:
        """Every table with its rows, checked against the header and the closing checksums."""
        read: Summary = {}
        for table in TABLES:
            section = self._line()
            if not isinstance(section, dict) or section.get("table") != table.name:
                raise self._damaged("table", table=table.name)
            if section.get("columns") != [column.name for column in table.columns]:
                raise self._damaged("columns", table=table.name)
            expected = self._counts.get(table.name)
            if section.get("rows") != expected or not isinstance(expected, int):
                raise self._damaged(
                    "count", table=table.name, found=section.get("rows"), expected=expected
                )
            yield table, self._rows(table, expected, read)
        self._check_end(read)

    def _rows(self, table: sa.Table, number: int, read: Summary) -> Iterator[dict[str, Any]]:
        digest = Digest()
        for _ in range(number):
            values = self._line()
            try:
                if not isinstance(values, list):
                    raise TypeError("a row is a JSON array")
                row = decode_row(table, values)
            except (TypeError, ValueError) as error:
                raise self._damaged("row", table=table.name) from error
            digest.add(canonical(encode_row(table, row)))
            yield row
        read[table.name] = digest.result()

    def _check_end(self, read: Summary) -> None:
        ending = self._line()
        if not isinstance(ending, dict) or ending.get("end") != FORMAT:
            raise self._damaged("end")
        sums = ending.get("tables")
        for name, found in read.items():
            claimed = sums.get(name) if isinstance(sums, dict) else None
            if not isinstance(claimed, dict):
                raise self._damaged("end")
            if TableSum(claimed.get("rows", -1), claimed.get("sha256", "")) != found:
                raise self._damaged("checksum", table=name)
        assert self._file is not None
        if self._file.read(1):
            raise self._damaged("end")
