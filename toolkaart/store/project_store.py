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
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from toolkaart.errors import ProjectConflict, ProjectNotFound, StoreError
from toolkaart.route.gates import Answer, Assessment, GateDecision
from toolkaart.route.project import (
    Project,
    make_project,
    project_from_data,
    project_to_data,
)
from toolkaart.store.engine import Database
from toolkaart.store.tables import checklist_answers, decisions, project_versions, projects


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class _Rows:
    """The stored rows of some projects, grouped by project id."""

    checked: dict[str, dict[str, set[str]]]
    decisions: dict[str, list[GateDecision]]


class Store(Database):
    """Projects in a database (see ``Database`` for the connection, transactions and migrations)."""

    # reading

    def get(self, project_id: str) -> Project:
        """The stored project; ProjectNotFound when there is none."""
        with self.read() as connection:
            row = connection.execute(
                sa.select(projects).where(projects.c.id == project_id)
            ).one_or_none()
            if row is None:
                raise ProjectNotFound(project_id)
            rows = self._children(connection, [project_id])
        return self._project(row, rows)

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
            found = connection.execute(query).all()
            rows = self._children(connection, [row.id for row in found] if found else [])
        return [self._project(row, rows) for row in found]

    def history(self, project_id: str) -> list[Project]:
        """Every saved version of the project, oldest first."""
        with self.read() as connection:
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
            with self.write() as connection:
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
        with self.write() as connection:
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
