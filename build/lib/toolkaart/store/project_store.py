"""The project store: SQLAlchemy 2 over SQLite (default) or PostgreSQL.

Where: the settings' database URL (``toolkaart.settings``: ``$TOOLKAART_DATABASE_URL``, else a
SQLite file in the user's data directory, created on first use).

Guarantees:

- opening the store runs the schema migrations (Alembic, ``toolkaart/migrations``) in one
  transaction, serialised between processes;
- every save is one transaction: the project row, its checklist answers, the new decisions and a
  snapshot for the history all commit together or not at all;
- each project has a version; a save based on an older version than the stored one is refused with
  ``ProjectConflict`` (saying in Dutch what changed meanwhile), never a silent overwrite;
- decisions and history snapshots are append-only (a database trigger refuses UPDATE and DELETE);
- SQLite runs in WAL mode and every write transaction starts with ``BEGIN IMMEDIATE``: a deferred
  transaction that reads and then writes fails with "database is locked" under concurrency.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, replace
from importlib.resources import files
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection, Engine

from toolkaart.errors import ProjectConflict, ProjectNotFound, StoreError
from toolkaart.route.gates import Answer, Assessment, GateDecision
from toolkaart.route.project import (
    Project,
    make_project,
    project_from_data,
    project_to_data,
)
from toolkaart.settings import settings

#: The Alembic scripts, shipped inside the package.
MIGRATIONS = Path(str(files("toolkaart.store") / "migrations"))
#: How long a SQLite writer waits for another writer's lock before giving up.
SQLITE_BUSY_TIMEOUT_S = 30.0
#: Key of the PostgreSQL advisory lock that serialises migrations between processes.
_MIGRATION_LOCK = 0x70_6B_61_61_72_74


class _UTCDateTime(sa.TypeDecorator[dt.datetime]):
    """Timezone-aware UTC datetimes on both backends (SQLite stores them without a zone)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        return value.astimezone(dt.UTC) if value is not None else None

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


# The tables as the code uses them; toolkaart/migrations creates them (keep both in step).
metadata = sa.MetaData()
projects = sa.Table(
    "projects",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("organisation", sa.String(200), nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("contact", sa.String(200), nullable=False),
    sa.Column("archived", sa.Boolean, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("created_at", _UTCDateTime, nullable=False),
    sa.Column("updated_at", _UTCDateTime, nullable=False),
)
checklist_answers = sa.Table(
    "checklist_answers",
    metadata,
    sa.Column("project_id", sa.String(32), primary_key=True),
    sa.Column("phase_id", sa.String(80), primary_key=True),
    sa.Column("item_id", sa.String(80), primary_key=True),
)
decisions = sa.Table(
    "decisions",
    metadata,
    sa.Column("project_id", sa.String(32), primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("phase_id", sa.String(80), nullable=False),
    sa.Column("answer", sa.String(16), nullable=False),
    sa.Column("rationale", sa.Text, nullable=False),
    sa.Column("decided_by", sa.String(200), nullable=False),
    sa.Column("decided_on", sa.Date, nullable=False),
    sa.Column("open_items", sa.JSON, nullable=False),
    sa.Column("next_review", sa.Date, nullable=True),
    sa.Column("recorded_at", _UTCDateTime, nullable=False),
)
project_versions = sa.Table(
    "project_versions",
    metadata,
    sa.Column("project_id", sa.String(32), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("saved_at", _UTCDateTime, nullable=False),
    sa.Column("snapshot", sa.JSON, nullable=False),
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def create_engine(url: str) -> Engine:
    """An engine for ``url``; for SQLite with WAL, a busy timeout and explicit BEGIN statements."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return sa.create_engine(parsed, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN, instead of pysqlite's implicit one.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_S * 1000)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        mode = "IMMEDIATE" if connection.get_execution_options().get("toolkaart_write") else ""
        connection.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine


@dataclass(frozen=True)
class _Rows:
    """The stored rows of some projects, grouped by project id."""

    checked: dict[str, dict[str, set[str]]]
    decisions: dict[str, list[GateDecision]]


class Store:
    """Projects in a database. Thread-safe; one per process is enough (it pools connections)."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or settings().database_url
        self.engine = create_engine(self.url)
        self.dialect = self.engine.dialect.name
        self.migrate()

    def close(self) -> None:
        self.engine.dispose()

    # transactions

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction: ``BEGIN IMMEDIATE`` on SQLite; commits unless an error escapes."""
        with self.engine.connect() as connection:
            connection.execution_options(toolkaart_write=True)
            with connection.begin():
                yield connection

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """One read transaction seeing a single consistent state of the database."""
        with self.engine.connect() as connection:
            if self.dialect == "postgresql":
                connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                yield connection

    def write(self) -> AbstractContextManager[Connection]:
        """A write transaction for another module's tables (e.g. ``toolkaart.store.agenda_store``)."""
        return self._write()

    def read(self) -> AbstractContextManager[Connection]:
        """A consistent read transaction for another module's tables."""
        return self._read()

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
        with self._read() as connection:
            return connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()

    # reading

    def get(self, project_id: str) -> Project:
        """The stored project; ProjectNotFound when there is none."""
        with self._read() as connection:
            row = connection.execute(
                sa.select(projects).where(projects.c.id == project_id)
            ).one_or_none()
            if row is None:
                raise ProjectNotFound(project_id)
            rows = self._children(connection, [project_id])
        return self._project(row, rows)

    def exists(self, project_id: str) -> bool:
        with self._read() as connection:
            found = connection.execute(sa.select(projects.c.id).where(projects.c.id == project_id))
            return found.first() is not None

    def list_projects(self, *, include_archived: bool = False) -> list[Project]:
        """Projects, most recently changed first (three queries, whatever their number)."""
        query = sa.select(projects).order_by(projects.c.updated_at.desc(), projects.c.id)
        if not include_archived:
            query = query.where(projects.c.archived == sa.false())
        with self._read() as connection:
            found = connection.execute(query).all()
            rows = self._children(connection, [row.id for row in found] if found else [])
        return [self._project(row, rows) for row in found]

    def history(self, project_id: str) -> list[Project]:
        """Every saved version of the project, oldest first."""
        with self._read() as connection:
            snapshots = connection.execute(
                sa.select(project_versions.c.snapshot)
                .where(project_versions.c.project_id == project_id)
                .order_by(project_versions.c.version)
            ).scalars()
            return [project_from_data(snapshot) for snapshot in snapshots]

    def _children(self, connection: Connection, ids: Sequence[str]) -> _Rows:
        checked: dict[str, dict[str, set[str]]] = {}
        logs: dict[str, list[GateDecision]] = {}
        if not ids:
            return _Rows(checked, logs)
        answers = connection.execute(
            sa.select(checklist_answers).where(checklist_answers.c.project_id.in_(ids))
        )
        for answer in answers:
            checked.setdefault(answer.project_id, {}).setdefault(answer.phase_id, set()).add(
                answer.item_id
            )
        log = connection.execute(
            sa.select(decisions)
            .where(decisions.c.project_id.in_(ids))
            .order_by(decisions.c.project_id, decisions.c.seq)
        )
        for row in log:
            logs.setdefault(row.project_id, []).append(
                GateDecision(
                    phase_id=row.phase_id,
                    answer=Answer(row.answer),
                    rationale=row.rationale,
                    decided_by=row.decided_by,
                    decided_on=row.decided_on,
                    open_items=tuple(row.open_items),
                    next_review=row.next_review,
                )
            )
        return _Rows(checked, logs)

    @staticmethod
    def _project(row: sa.Row[Any], rows: _Rows) -> Project:
        checked = {phase: frozenset(items) for phase, items in rows.checked.get(row.id, {}).items()}
        return Project(
            id=row.id,
            name=row.name,
            organisation=row.organisation,
            description=row.description,
            contact=row.contact,
            assessment=Assessment(checked=checked, decisions=tuple(rows.decisions.get(row.id, []))),
            archived=row.archived,
            version=row.version,
            created_at=row.created_at,
            updated_at=row.updated_at,
        )

    # writing

    def create(
        self, name: str, organisation: str = "", description: str = "", contact: str = ""
    ) -> Project:
        """Create and save a new project (details checked: ProjectError in Dutch)."""
        return self.insert(make_project(name, organisation, description, contact))

    def insert(self, project: Project) -> Project:
        """Save a project that is not in the store yet (version 1), with its walk."""
        now = _now()
        saved = replace(project, version=1, updated_at=now)
        try:
            with self._write() as connection:
                connection.execute(sa.insert(projects).values(self._columns(saved)))
                self._write_walk(connection, saved, Assessment())
        except sa.exc.IntegrityError as error:
            raise StoreError("exists", id=project.id) from error
        return saved

    def save(self, project: Project) -> Project:
        """Save ``project`` over the stored version it was read at; returns it with its new version.

        Refused with ProjectConflict when someone saved a newer version meanwhile.
        """
        saved = replace(project, version=project.version + 1, updated_at=_now())
        with self._write() as connection:
            updated = connection.execute(
                sa.update(projects)
                .where(projects.c.id == project.id, projects.c.version == project.version)
                .values(self._columns(saved))
            )
            stale = updated.rowcount != 1
            if not stale:
                stored = self._children(connection, [project.id])
                before = Assessment(
                    checked={
                        p: frozenset(i) for p, i in stored.checked.get(project.id, {}).items()
                    },
                    decisions=tuple(stored.decisions.get(project.id, [])),
                )
                self._write_walk(connection, saved, before)
        if stale:
            raise self._conflict(project)
        return saved

    def archive(self, project: Project, archived: bool = True) -> Project:
        """Archive (or with ``archived=False`` restore) a project: a save like any other."""
        return self.save(replace(project, archived=archived))

    def _conflict(self, mine: Project) -> StoreError:
        current = self.get(mine.id)  # ProjectNotFound when it is not there at all
        base = next((p for p in self.history(mine.id) if p.version == mine.version), None)
        return ProjectConflict(current, mine, base)

    @staticmethod
    def _columns(project: Project) -> dict[str, Any]:
        return {
            "id": project.id,
            "name": project.name,
            "organisation": project.organisation,
            "description": project.description,
            "contact": project.contact,
            "archived": project.archived,
            "version": project.version,
            "created_at": project.created_at,
            "updated_at": project.updated_at,
        }

    def _write_walk(self, connection: Connection, project: Project, before: Assessment) -> None:
        """Write the difference between the stored walk ``before`` and the project's walk.

        The stored decision log must be the start of the new one: decisions are only appended.
        """
        walk, pid = project.assessment, project.id
        stored_log = before.decisions
        if walk.decisions[: len(stored_log)] != stored_log:
            raise StoreError("log_rewritten", name=project.name)
        phases = set(walk.checked) | set(before.checked)
        removed = [
            (phase, item)
            for phase in phases
            for item in before.checked_in(phase) - walk.checked_in(phase)
        ]
        added = [
            {"project_id": pid, "phase_id": phase, "item_id": item}
            for phase in sorted(phases)
            for item in sorted(walk.checked_in(phase) - before.checked_in(phase))
        ]
        for phase, item in removed:
            connection.execute(
                sa.delete(checklist_answers).where(
                    checklist_answers.c.project_id == pid,
                    checklist_answers.c.phase_id == phase,
                    checklist_answers.c.item_id == item,
                )
            )
        if added:
            connection.execute(sa.insert(checklist_answers), added)
        now = _now()
        new_decisions = [
            {
                "project_id": pid,
                "seq": seq,
                "phase_id": d.phase_id,
                "answer": d.answer.value,
                "rationale": d.rationale,
                "decided_by": d.decided_by,
                "decided_on": d.decided_on,
                "open_items": list(d.open_items),
                "next_review": d.next_review,
                "recorded_at": now,
            }
            for seq, d in enumerate(walk.decisions)
            if seq >= len(stored_log)
        ]
        if new_decisions:
            connection.execute(sa.insert(decisions), new_decisions)
        connection.execute(
            sa.insert(project_versions).values(
                project_id=pid,
                version=project.version,
                saved_at=now,
                snapshot=project_to_data(project),
            )
        )
