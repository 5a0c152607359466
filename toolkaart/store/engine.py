"""The store's database: which one, how to connect to it, its transactions and its migrations.

Why apart from the queries: the project store and the agenda store share one database, one way to
open a transaction and one migration history; keeping that here lets each of them hold only its
queries (``project_store``, ``agenda_store``), and lets a test open a database without a store.

Where: the settings' database URL (``toolkaart.settings``: ``$TOOLKAART_DATABASE_URL``, else a
SQLite file in the user's data directory, created on first use).

Guarantees:

- opening a database runs the schema migrations (Alembic, ``toolkaart/store/migrations``) in one
  transaction, serialised between processes (an advisory lock on PostgreSQL, ``BEGIN IMMEDIATE``
  on SQLite);
- SQLite runs in WAL mode and every write transaction starts with ``BEGIN IMMEDIATE``: a deferred
  transaction that reads and then writes fails with "database is locked" under concurrency;
- a read transaction sees one consistent state (REPEATABLE READ on PostgreSQL);
- a database that cannot do what was asked (full disk, read-only, unreachable, a refused value)
  raises ``StoreFault`` in Dutch, from opening, reading and saving alike, and the details go to the
  server log (``toolkaart.store.faults``); a SQLite file this process cannot write is refused
  before SQLite opens it read-only (``toolkaart.store.sqlite_files``), so no pooled connection is a
  read-only one. Once the fault is gone the same ``Database`` works again (on PostgreSQL the
  pre-ping replaces the pool's connections to a restarted server).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

from toolkaart.settings import settings
from toolkaart.store import sqlite_files
from toolkaart.store.faults import translated

#: The Alembic scripts, shipped inside the package.
MIGRATIONS = Path(str(files("toolkaart.store") / "migrations"))
#: How long a SQLite writer waits for another writer's lock before giving up.
SQLITE_BUSY_TIMEOUT_S = 30.0
#: Key of the PostgreSQL advisory lock that serialises migrations between processes.
_MIGRATION_LOCK = 0x70_6B_61_61_72_74


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite database URL; None for another backend or an in-memory database."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def create_engine(url: str, *, read_only: bool = False) -> Engine:
    """An engine for ``url``; for SQLite with WAL, a busy timeout and explicit BEGIN statements.

    Its errors never quote the values of a statement (``hide_parameters``): they go to the log
    (``toolkaart.store.faults``), and the values are names, rationales and e-mail addresses.

    ``read_only`` (SQLite): the file is opened read-only (``mode=ro``) and left in its journal
    mode, so a backup file or a database being copied from is never changed, nor created when
    it is not there.
    """
    parsed = sa.make_url(url)
    if parsed.get_backend_name() != "sqlite":
        # pre-ping: after a server restart the pool's old connections are replaced, not used
        return sa.create_engine(parsed, pool_pre_ping=True, hide_parameters=True)
    database = sqlite_path(url)
    if read_only and database is not None:
        uri = f"file:{quote(str(database.absolute()))}?mode=ro"

        def _open() -> sqlite3.Connection:
            return sqlite3.connect(uri, uri=True, timeout=SQLITE_BUSY_TIMEOUT_S)

        engine = sa.create_engine(
            "sqlite://", creator=_open, poolclass=sa.pool.NullPool, hide_parameters=True
        )
    else:
        engine = sa.create_engine(
            parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S}, hide_parameters=True
        )
        if database is not None:

            @sa.event.listens_for(engine, "do_connect")
            def _check(*_args: Any) -> None:
                sqlite_files.check_writable(database)

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN, instead of pysqlite's implicit one.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_S * 1000)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        mode = "IMMEDIATE" if connection.get_execution_options().get("toolkaart_write") else ""
        connection.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine


@contextmanager
def consistent_read(engine: Engine) -> Iterator[Connection]:
    """One read transaction that sees a single state of the whole database however long it
    reads: REPEATABLE READ (read-only) on PostgreSQL; on SQLite a deferred BEGIN, whose WAL
    snapshot is taken at the first read and held to the end."""
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        with connection.begin():
            yield connection


def head_revision() -> str:
    """The newest migration of this version of the code."""
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None  # the package ships its migrations
    return head


def stored_revision(connection: Connection) -> str | None:
    """The migration the database is at; None for a database without the store's tables."""
    if not sa.inspect(connection).has_table("alembic_version"):
        return None
    found: str | None = connection.execute(
        sa.text("SELECT version_num FROM alembic_version")
    ).scalar()
    return found


class Database:
    """One database, migrated to the newest schema when opened. Thread-safe; one per process is
    enough (it pools connections)."""

    def __init__(self, url: str | None = None) -> None:
        """Open and migrate; ``StoreFault`` (nothing to show) when the database cannot be used."""
        self.url = url or settings().database_url
        self.engine = create_engine(self.url)
        self.dialect = self.engine.dialect.name
        try:
            with translated(writing=False):
                self.migrate()
        except BaseException:
            self.engine.dispose()
            raise

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction: ``BEGIN IMMEDIATE`` on SQLite; commits unless an error escapes.

        A database fault raises ``StoreFault`` saying nothing was saved.
        """
        with translated(writing=True), self._write() as connection:
            yield connection

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.connect() as connection:
            connection.execution_options(toolkaart_write=True)
            with connection.begin():
                yield connection

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """One read transaction seeing a single consistent state of the database.

        A database fault raises ``StoreFault`` saying the data cannot be shown now.
        """
        with translated(writing=False), self.engine.connect() as connection:
            if self.dialect == "postgresql":
                connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                yield connection

    def migrate(self) -> None:
        """Bring the schema to the newest migration (a no-op when it is there already)."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self._write() as connection:
            if self.dialect == "postgresql":
                connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_MIGRATION_LOCK)))
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def schema_revision(self) -> str | None:
        with self.read() as connection:
            return stored_revision(connection)
