"""The project store: the queries that read and save projects, their walks and their history.

The database itself (which one, transactions, migrations) is ``toolkaart.store.engine``; the tables
are ``toolkaart.store.tables``. This module keeps what only projects need.

Guarantees:

- every save is one transaction: the project row, its checklist answers, the new decisions and a
  snapshot for the history all commit together or not at all;
- each project has a version; a save based on an older version than the stored one is refused with
  ``ProjectConflict`` (saying in Dutch what changed meanwhile), never a silent overwrite;
- decisions and history snapshots are append-only (a database trigger refuses UPDATE and DELETE,
  and a save whose log does not start with the stored log is refused before it writes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy.engine import Connection

from toolkaart.errors import ProjectConflict, ProjectNotFound, StoreError, StoreFault
from toolkaart.route.project import Project, make_project
from toolkaart.route.snapshot import DecisionSnapshot, ProjectSnapshot
from toolkaart.store.engine import Database
from toolkaart.store.faults import reported
from toolkaart.store.tables import checklist_answers, decisions, project_versions, projects

#: A snapshot's fields that live in their own tables; the rest is the ``projects`` row.
_WALK = {"checklist", "decisions"}
#: The decision log's columns under the snapshot's names (the table calls the phase ``phase_id``).
_LOG = (
    decisions.c.phase_id.label("phase"),
    decisions.c.answer,
    decisions.c.rationale,
    decisions.c.decided_by,
    decisions.c.decided_on,
    decisions.c.open_items,
    decisions.c.next_review,
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _snapshot(project: Project) -> ProjectSnapshot:
    """The project as its rows hold it; a value the rows cannot hold (a text longer than its
    column) is refused in Dutch like the database would refuse it, and nothing is written.

    The domain refuses such values before they get here; this is the net under it.
    """
    try:
        return ProjectSnapshot.of(project)
    except ValidationError as error:
        raise reported(StoreFault("rejected"), error) from error


class Store(Database):
    """Projects in a database (see ``Database`` for the connection, transactions and migrations).

    Rows are read and written as ``ProjectSnapshot`` fields, the one project shape: the
    ``projects`` row holds its details, ``checklist_answers`` and ``decisions`` its walk, and
    ``project_versions`` the whole snapshot of every saved version.
    """

    # reading

    def get(self, project_id: str) -> Project:
        """The stored project; ProjectNotFound when there is none."""
        with self.read() as connection:
            row = connection.execute(
                sa.select(projects).where(projects.c.id == project_id)
            ).one_or_none()
            if row is None:
                raise ProjectNotFound(project_id)
            return self._projects(connection, [row])[0]

    def exists(self, project_id: str) -> bool:
        with self.read() as connection:
            found = connection.execute(sa.select(projects.c.id).where(projects.c.id == project_id))
            return found.first() is not None

    def list_projects(self, *, include_archived: bool = False) -> list[Project]:
        """Projects, most recently changed first (three queries, whatever their number)."""
        query = sa.select(projects).order_by(projects.c.updated_at.desc(), projects.c.id)
        if not include_archived:
            query = query.where(projects.c.archived == sa.false())
        with self.read() as connection:
            return self._projects(connection, connection.execute(query).all())

    def history(self, project_id: str) -> list[Project]:
        """Every saved version of the project, oldest first."""
        with self.read() as connection:
            snapshots = connection.execute(
                sa.select(project_versions.c.snapshot)
                .where(project_versions.c.project_id == project_id)
                .order_by(project_versions.c.version)
            ).scalars()
            # decoded JSON: dates and times are still text, which strict validation refuses
            return [
                ProjectSnapshot.model_validate(snapshot, strict=False).to_project()
                for snapshot in snapshots
            ]

    def _projects(self, connection: Connection, rows: Sequence[sa.Row[Any]]) -> list[Project]:
        walks = self._walks(connection, [row.id for row in rows])
        return [
            ProjectSnapshot.model_validate({**row._mapping, **walks[row.id]}).to_project()
            for row in rows
        ]

    def _walks(self, connection: Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The stored walk of each project, as a snapshot's ``checklist`` and ``decisions``."""
        walks: dict[str, dict[str, Any]] = {pid: {"checklist": {}, "decisions": []} for pid in ids}
        if not ids:
            return walks
        answers = connection.execute(
            sa.select(checklist_answers).where(checklist_answers.c.project_id.in_(ids))
        )
        for answer in answers:
            checklist = walks[answer.project_id]["checklist"]
            checklist.setdefault(answer.phase_id, []).append(answer.item_id)
        log = connection.execute(
            sa.select(decisions.c.project_id, *_LOG)
            .where(decisions.c.project_id.in_(ids))
            .order_by(decisions.c.project_id, decisions.c.seq)
        )
        for row in log:
            decision = dict(row._mapping)
            walks[decision.pop("project_id")]["decisions"].append(decision)
        return walks

    # writing

    def create(
        self, name: str, organisation: str = "", description: str = "", contact: str = ""
    ) -> Project:
        """Create and save a new project (details checked: ProjectError in Dutch)."""
        return self.insert(make_project(name, organisation, description, contact))

    def insert(self, project: Project) -> Project:
        """Save a project that is not in the store yet (version 1), with its walk."""
        saved = replace(project, version=1, updated_at=_now())
        snapshot = _snapshot(saved)
        with self.write() as connection:
            try:
                connection.execute(sa.insert(projects).values(snapshot.model_dump(exclude=_WALK)))
            except sa.exc.IntegrityError as error:
                raise StoreError("exists", id=project.id) from error
            self._write_walk(connection, snapshot, {"checklist": {}, "decisions": []})
        return saved

    def save(self, project: Project) -> Project:
        """Save ``project`` over the stored version it was read at; returns it with its new version.

        Refused with ProjectConflict when someone saved a newer version meanwhile.
        """
        saved = replace(project, version=project.version + 1, updated_at=_now())
        snapshot = _snapshot(saved)
        with self.write() as connection:
            updated = connection.execute(
                sa.update(projects)
                .where(projects.c.id == project.id, projects.c.version == project.version)
                .values(snapshot.model_dump(exclude=_WALK))
            )
            stale = updated.rowcount != 1
            if not stale:
                stored = self._walks(connection, [project.id])[project.id]
                self._write_walk(connection, snapshot, stored)
        if stale:
            raise self._conflict(project)
        return saved

    def _conflict(self, mine: Project) -> StoreError:
        current = self.get(mine.id)  # ProjectNotFound when it is not there at all
        base = next((p for p in self.history(mine.id) if p.version == mine.version), None)
        return ProjectConflict(current, mine, base)

    def _write_walk(
        self, connection: Connection, snapshot: ProjectSnapshot, stored: dict[str, Any]
    ) -> None:
        """Write the difference between the ``stored`` walk (see ``_walks``) and the snapshot's,
        and the snapshot itself as the history's new version.

        The stored decision log must be the start of the new one: decisions are only appended.
        """
        pid = snapshot.id
        stored_log = [DecisionSnapshot.model_validate(d) for d in stored["decisions"]]
        if snapshot.decisions[: len(stored_log)] != stored_log:
            raise StoreError("log_rewritten", name=snapshot.name)
        before = {phase: set(items) for phase, items in stored["checklist"].items()}
        after = {phase: set(items) for phase, items in snapshot.checklist.items()}
        phases = set(before) | set(after)
        removed = [
            (phase, item)
            for phase in phases
            for item in before.get(phase, set()) - after.get(phase, set())
        ]
        added = [
            {"project_id": pid, "phase_id": phase, "item_id": item}
            for phase in sorted(phases)
            for item in sorted(after.get(phase, set()) - before.get(phase, set()))
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
                "phase_id": decision.phase,
                **decision.model_dump(exclude={"phase"}),
                "recorded_at": now,
            }
            for seq, decision in enumerate(snapshot.decisions)
            if seq >= len(stored_log)
        ]
        if new_decisions:
            connection.execute(sa.insert(decisions), new_decisions)
        connection.execute(
            sa.insert(project_versions).values(
                project_id=pid,
                version=snapshot.version,
                saved_at=now,
                snapshot=snapshot.model_dump(mode="json"),
            )
        )
