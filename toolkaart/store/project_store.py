"""The project store: the queries that read and save projects, their walks and their history.

The database itself (which one, transactions, migrations) is ``toolkaart.store.engine``; the tables
are ``toolkaart.store.tables``. This module keeps what only projects need.

Guarantees:

- every save is one transaction: the project row, its checklist answers, the new decisions and a
  snapshot for the history all commit together or not at all;
- each project has a version; a save based on an older version than the stored one is refused with
  ``ProjectConflict`` (saying in Dutch what changed meanwhile), never a silent overwrite;
- decisions, evidence, phase notes and history snapshots are append-only (a database trigger
  refuses UPDATE and DELETE, and a save whose log, evidence or notes do not start with the stored
  ones is refused before it writes); the people of a project are rewritten when they change;
- every read and write is on behalf of the store's acting person (``toolkaart.access``): a query
  sees only the organisations where they may read, a write is refused where they may not write,
  and a project they may not read is "not found", exactly like one that does not exist. The
  web app holds one store per process and hands each page a view for the person of that click
  (``acting_as``); the CLI, run by whoever runs the database, acts as ``LOCAL``;
- a save given the serving content's outline records it under its version (``content_outlines``)
  when the project rests on that version, so that later content can say what changed since; the
  first outline recorded under a version is kept (``outline``, ``change_reach``).
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from toolkaart.access.permissions import Acting, Permission
from toolkaart.content.models import Toolkaart
from toolkaart.errors import ProjectConflict, ProjectNotFound, StoreError, StoreFault
from toolkaart.events import Event, log_event, organisation_ref
from toolkaart.route.content_changes import (
    ContentChange,
    Lookback,
    Outline,
    lookback,
    shipped_outline,
    shipped_outlines,
    walk_changes,
)
from toolkaart.route.content_changes import (
    outline as content_outline,
)
from toolkaart.route.gates import Answer
from toolkaart.route.project import Project, make_project
from toolkaart.route.snapshot import (
    DecisionSnapshot,
    EvidenceSnapshot,
    NoteSnapshot,
    PersonSnapshot,
    ProjectSnapshot,
    Strict,
    upgraded,
)
from toolkaart.store.engine import Database
from toolkaart.store.faults import reported
from toolkaart.store.tables import (
    checklist_answers,
    content_confirmations,
    content_outlines,
    decisions,
    evidence,
    phase_notes,
    project_people,
    project_versions,
    projects,
)

#: A snapshot's fields that live in their own tables; the rest is the ``projects`` row.
_WALK = {"checklist", "decisions", "people", "evidence", "notes"}


def _columns(*same: str, **renamed: str) -> dict[str, str]:
    """A list's fields and their columns: ``renamed`` as field=column, ``same`` where they agree."""
    return renamed | {name: name for name in same}


#: Each list of a snapshot, its table, its fields' columns (the tables say ``phase_id`` where a
#: snapshot says ``phase``) and how one entry is validated; rows keep the list's order (``seq``).
_LISTS: dict[str, tuple[sa.Table, dict[str, str], type[Strict]]] = {
    "decisions": (
        decisions,
        _columns("answer", "rationale", "decided_by", "decided_on", "open_items", "next_review",
                 phase="phase_id"),
        DecisionSnapshot,
    ),
    "evidence": (
        evidence,
        _columns("note", "url", "added_by", "added_at", phase="phase_id", item="item_id"),
        EvidenceSnapshot,
    ),
    "notes": (phase_notes, _columns("text", "author", "written_at", phase="phase_id"), NoteSnapshot),
    "people": (project_people, _columns("name", "function", "contact", actor="actor_id"),
               PersonSnapshot),
}  # fmt: skip
#: The lists that only grow; the others are rewritten when they change.
_APPEND_ONLY = {
    "decisions": "log_rewritten",
    "evidence": "records_rewritten",
    "notes": "records_rewritten",
}


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


@dataclass(frozen=True)
class SavedVersion:
    """One saved version of a project, as its history lists it: when, by whom, and what."""

    project: Project
    saved_at: dt.datetime
    saved_by: str


#: Per process: the outline recorded in a database (its URL) under a content version, or the one
#: shipped for it. The first outline recorded under a version is kept, so once read it does not
#: change: one query per process and version, not one per save or page.
_OUTLINES: dict[tuple[str, str], Outline] = {}


@dataclass(frozen=True)
class ChangeReach:
    """How many projects each content change touches (``Store.change_reach``): counts only.

    ``changes``: each change from an earlier version to the serving content, with the number of
    projects (not archived) whose last decision was made with a version it differs from;
    ``versions``: those earlier versions and their projects; ``unknown``: projects resting on a
    version whose outline is recorded nowhere, per version (empty: never saved with content);
    ``current``: projects on the serving version.
    """

    serving: str
    changes: tuple[tuple[ContentChange, int], ...]
    versions: tuple[tuple[str, int], ...]
    unknown: tuple[tuple[str, int], ...]
    current: int


def _where(acting: Acting, permission: Permission) -> sa.ColumnElement[bool]:
    """The condition on ``projects`` rows that ``acting`` may ``permission``."""
    allowed = acting.organisations(permission)
    return sa.true() if allowed is None else projects.c.organisation.in_(sorted(allowed))


def _numbered(version: str) -> list[str | int]:
    """A version label's sort key: its numbers as numbers, so that 1.10 comes after 1.9."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", version)]


class Store(Database):
    """Projects in a database (see ``Database`` for the connection, transactions and migrations),
    read and written on behalf of ``acting``.

    Rows are read and written as ``ProjectSnapshot`` fields, the one project shape: the
    ``projects`` row holds its details, ``checklist_answers`` and ``decisions`` its walk,
    ``evidence``, ``phase_notes`` and ``project_people`` what the team recorded beside it, and
    ``project_versions`` the whole snapshot of every saved version.
    """

    def __init__(self, url: str | None = None, *, acting: Acting) -> None:
        super().__init__(url)
        self.acting = acting

    def acting_as(self, acting: Acting) -> Store:
        """This store (same engine and pool) on behalf of ``acting``."""
        view = copy.copy(self)
        view.acting = acting
        return view

    # reading

    def get(self, project_id: str) -> Project:
        """The stored project; ProjectNotFound when there is none or the acting person may not
        read it (the same answer, so that nobody learns which ids exist elsewhere)."""
        with self.read() as connection:
            row = connection.execute(
                sa.select(projects).where(
                    projects.c.id == project_id, _where(self.acting, Permission.READ_PROJECTS)
                )
            ).one_or_none()
            if row is None:
                raise ProjectNotFound(project_id)
            return self._projects(connection, [row])[0]

    def list_projects(self, *, include_archived: bool = False) -> list[Project]:
        """The projects the acting person may read, most recently changed first (three queries,
        whatever their number)."""
        query = (
            sa.select(projects)
            .where(_where(self.acting, Permission.READ_PROJECTS))
            .order_by(projects.c.updated_at.desc(), projects.c.id)
        )
        if not include_archived:
            query = query.where(projects.c.archived == sa.false())
        with self.read() as connection:
            return self._projects(connection, connection.execute(query).all())

    def history(self, project_id: str) -> list[SavedVersion]:
        """Every saved version of the project, oldest first, with who saved it and when."""
        self.get(project_id)  # ProjectNotFound unless the acting person may read it
        with self.read() as connection:
            rows = connection.execute(
                sa.select(
                    project_versions.c.snapshot,
                    project_versions.c.saved_at,
                    project_versions.c.saved_by,
                )
                .where(project_versions.c.project_id == project_id)
                .order_by(project_versions.c.version)
            )
            # decoded JSON: dates and times are still text, which strict validation refuses;
            # a snapshot saved before migration 0004 reads with the fields added since empty
            return [
                SavedVersion(
                    ProjectSnapshot.model_validate(
                        upgraded(row.snapshot), strict=False
                    ).to_project(),
                    row.saved_at,
                    row.saved_by,
                )
                for row in rows
            ]

    def _projects(self, connection: Connection, rows: Sequence[sa.Row[Any]]) -> list[Project]:
        walks = self._walks(connection, [row.id for row in rows])
        return [
            ProjectSnapshot.model_validate({**row._mapping, **walks[row.id]}).to_project()
            for row in rows
        ]

    def _walks(self, connection: Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The stored walk of each project and what was recorded beside it, as a snapshot's
        ``checklist``, ``decisions``, ``evidence``, ``notes`` and ``people`` (one query each)."""
        walks: dict[str, dict[str, Any]] = {
            pid: {"checklist": {}, **{name: [] for name in _LISTS}} for pid in ids
        }
        if not ids:
            return walks
        answers = connection.execute(
            sa.select(checklist_answers).where(checklist_answers.c.project_id.in_(ids))
        )
        for answer in answers:
            checklist = walks[answer.project_id]["checklist"]
            checklist.setdefault(answer.phase_id, []).append(answer.item_id)
        for name, (table, fields, _entry) in _LISTS.items():
            columns = [table.c[column].label(field) for field, column in fields.items()]
            rows = connection.execute(
                sa.select(table.c.project_id, *columns)
                .where(table.c.project_id.in_(ids))
                .order_by(table.c.project_id, table.c.seq)
            )
            for row in rows:
                entry = dict(row._mapping)
                walks[entry.pop("project_id")][name].append(entry)
        return walks

    # writing

    def create(
        self,
        name: str,
        organisation: str = "",
        description: str = "",
        contact: str = "",
        *,
        toolkaart: Toolkaart | None = None,
    ) -> Project:
        """Create and save a new project (details checked: ProjectError in Dutch). With the
        serving content (``toolkaart``) it rests on that content from the start
        (``Project.decided_with``), so that what changes later is shown as changed since then;
        the pages and the CLI pass it, tests that need no content version leave it out."""
        made = make_project(name, organisation, description, contact)
        if toolkaart is None:
            return self.insert(made)
        return self.insert(made.decided_with(toolkaart, None), content=content_outline(toolkaart))

    def _check_write(self, organisation: str) -> None:
        if not self.acting.may(Permission.WRITE_PROJECTS, organisation):
            raise StoreError("no_write", organisation=organisation or "-")

    def insert(
        self,
        project: Project,
        *,
        event: Event = Event.PROJECT_CREATED,
        content: Outline | None = None,
    ) -> Project:
        """Save a project that is not in the store yet (version 1), with its walk, in an
        organisation where the acting person may write; logged as ``event`` (created, or
        imported); ``content`` as for ``save``."""
        self._check_write(project.organisation)
        saved = replace(project, version=1, updated_at=_now())
        snapshot = _snapshot(saved)
        with self.write() as connection:
            try:
                connection.execute(sa.insert(projects).values(snapshot.model_dump(exclude=_WALK)))
            except sa.exc.IntegrityError as error:
                raise StoreError("exists", id=project.id) from error
            self._write_walk(connection, snapshot, {"checklist": {}, **{n: [] for n in _LISTS}})
            recorded = self._record(connection, saved, content)
        self._remember(recorded)
        self._log(event, saved)
        return saved

    def save(self, project: Project, *, content: Outline | None = None) -> Project:
        """Save ``project`` over the stored version it was read at; returns it with its new version.

        Refused with ProjectConflict when someone saved a newer version meanwhile; with
        ProjectNotFound when the acting person may not read it; with StoreError when they may
        read but not write it (or not in the organisation it would move to). A signed-in person
        records new gate decisions in their own name only ("besloten door" is who they are).

        ``content``: the outline of the content being served. When the project rests on its
        version (``Project.decided_with``) and no outline is recorded under that version yet, it
        is recorded in the same transaction.
        """
        self._check_write(project.organisation)
        saved = replace(project, version=project.version + 1, updated_at=_now())
        snapshot = _snapshot(saved)
        with self.write() as connection:
            updated = connection.execute(
                sa.update(projects)
                .where(
                    projects.c.id == project.id,
                    projects.c.version == project.version,
                    _where(self.acting, Permission.WRITE_PROJECTS),
                )
                .values(snapshot.model_dump(exclude=_WALK))
            )
            stale = updated.rowcount != 1
            recorded = None
            logged = 0  # the decisions stored before this save
            if not stale:
                stored = self._walks(connection, [project.id])[project.id]
                self._check_authors(snapshot, stored)
                self._write_walk(connection, snapshot, stored)
                recorded = self._record(connection, saved, content)
                logged = len(stored["decisions"])
        if stale:
            raise self._conflict(project)
        self._remember(recorded)
        decided = saved.assessment.decisions[logged:]
        for decision in decided:
            self._log(Event.GATE_DECIDED, saved, phase=decision.phase_id, answer=decision.answer)
        if not decided:
            self._log(Event.PROJECT_SAVED, saved)
        return saved

    def _log(
        self, event: Event, project: Project, phase: str | None = None, answer: Answer | None = None
    ) -> None:
        """One line of the operations log about ``project``: ids only (``toolkaart.events``)."""
        log_event(
            event,
            project=project.id,
            version=project.version,
            organisation=organisation_ref(project.organisation),
            person=self.acting.person_id,
            phase=phase,
            answer=answer,
        )

    # content outlines

    def _record(
        self, connection: Connection, project: Project, content: Outline | None
    ) -> Outline | None:
        """Record ``content`` under its version if ``project`` rests on it and nothing is recorded
        there yet; the outline recorded there (to remember once committed), or None."""
        if content is None or project.content_version != content.version:
            return None
        if (self.url, content.version) in _OUTLINES:
            return None
        insert: Any = postgresql.insert if self.dialect == "postgresql" else sqlite.insert
        connection.execute(  # another process may record the same version at the same moment
            insert(content_outlines)
            .values(version=content.version, recorded_at=_now(), outline=content.to_json())
            .on_conflict_do_nothing(index_elements=["version"])
        )
        return self._recorded(connection, content.version)

    def _recorded(self, connection: Connection, version: str) -> Outline | None:
        row = connection.execute(
            sa.select(content_outlines.c.outline).where(content_outlines.c.version == version)
        ).one_or_none()
        return None if row is None else Outline.from_json(row.outline)

    def _remember(self, recorded: Outline | None) -> None:
        if recorded is not None:
            _OUTLINES[(self.url, recorded.version)] = recorded

    def outline(self, version: str) -> Outline | None:
        """The outline of content ``version``: the one recorded in this database (the first, if
        staff changed the content without changing its version), else the one shipped with the
        package; None when neither is known. The content is public: no permission needed."""
        if not version:
            return None
        known = _OUTLINES.get((self.url, version))
        if known is None:
            with self.read() as connection:
                known = self._recorded(connection, version) or shipped_outline(version)
            self._remember(known)  # a shipped outline too: it is what that version held
        return known

    def known_outlines(self) -> tuple[Outline, ...]:
        """Every outline known here: the shipped ones, then those recorded in this database
        (oldest recorded first), so that a later one names an item as it last read."""
        with self.read() as connection:
            rows = connection.scalars(
                sa.select(content_outlines.c.outline).order_by(content_outlines.c.recorded_at)
            ).all()
        recorded = (Outline.from_json(row) for row in rows)
        return shipped_outlines() + tuple(known for known in recorded if known is not None)

    def lookback(self, project: Project, toolkaart: Toolkaart) -> Lookback:
        """What changed in the content for ``project`` since its last decision, with the texts
        of ticked items the content no longer has (``content_changes.lookback``): no query when
        it rests on the serving content and keeps no such ticks, else at most two."""
        return lookback(project, toolkaart, self.outline, self.known_outlines)

    def change_reach(self, serving: Outline) -> ChangeReach:
        """How many projects (not archived) each change from an earlier content version to
        ``serving`` touches: those whose last decision was made with that earlier version.

        For staff who change the content (``Permission.EDIT_CONTENT``, Beheer), and for them only
        (StoreError otherwise). The content is shared by every organisation, so the counts are
        across all of them, which *redactie* may see although it reads no organisation's
        projects: numbers per version and change only, never a project's name, id or
        organisation. That is why this query lives here, with its check, and not in a page.
        """
        if not self.acting.may_somewhere(Permission.EDIT_CONTENT):
            raise StoreError("no_content_permission")
        with self.read() as connection:
            rows = connection.execute(
                sa.select(projects.c.content_version, sa.func.count())
                .where(projects.c.archived == sa.false())
                .group_by(projects.c.content_version)
            ).all()
            recorded = connection.scalars(sa.select(content_outlines.c.version)).all()
        counts = {str(version): int(number) for version, number in rows}
        current = counts.pop(serving.version, 0)
        versions: list[tuple[str, int]] = []
        unknown: list[tuple[str, int]] = []
        reach: dict[ContentChange, int] = {}
        # every earlier version recorded here, with or without projects, and any projects rest on
        for version in sorted((set(counts) | set(recorded)) - {serving.version}, key=_numbered):
            number = counts.get(version, 0)
            earlier = self.outline(version)
            if earlier is None:
                unknown.append((version, number))
                continue
            versions.append((version, number))
            for change in walk_changes(earlier, serving):
                reach[change] = reach.get(change, 0) + number
        return ChangeReach(
            serving.version, tuple(reach.items()), tuple(versions), tuple(unknown), current
        )

    def confirm_content(self, digest: str) -> None:
        """Record that staff confirmed serving the content ``digest``
        (``content.live.content_digest``), held back because it removes phases, actors or tools:
        every replica holding it back then serves it (``content_confirmed``). Keyed on that
        content alone, not on what each replica served before it: replicas that saw different
        edits on the way hold back the same files. For *redactie* only (StoreError otherwise); a
        second confirmation is the first."""
        if not self.acting.may_somewhere(Permission.EDIT_CONTENT):
            raise StoreError("no_content_permission")
        insert: Any = postgresql.insert if self.dialect == "postgresql" else sqlite.insert
        with self.write() as connection:
            connection.execute(
                insert(content_confirmations)
                .values(digest=digest, confirmed_at=_now(), confirmed_by=self.acting.label)
                .on_conflict_do_nothing(index_elements=["digest"])
            )

    def content_confirmed(self, digest: str) -> bool:
        """Has serving the content ``digest`` been confirmed (on any replica)? The content is
        public: anyone's store may ask."""
        with self.read() as connection:
            found = connection.execute(
                sa.select(content_confirmations.c.digest).where(
                    content_confirmations.c.digest == digest
                )
            ).first()
        return found is not None

    def _check_authors(self, snapshot: ProjectSnapshot, stored: dict[str, Any]) -> None:
        """A signed-in person decides, and adds evidence and notes, in their own name only."""
        if not self.acting.signed_in:
            return
        authors = (
            [d.decided_by for d in snapshot.decisions[len(stored["decisions"]) :]]
            + [e.added_by for e in snapshot.evidence[len(stored["evidence"]) :]]
            + [n.author for n in snapshot.notes[len(stored["notes"]) :]]
        )
        if any(author != self.acting.label for author in authors):
            raise StoreError("decided_by_other", label=self.acting.label)

    def _conflict(self, mine: Project) -> StoreError:
        current = self.get(mine.id)  # ProjectNotFound when it is not there, or not for them
        if not self.acting.may(Permission.WRITE_PROJECTS, current.organisation):
            return StoreError("no_write", organisation=current.organisation or "-")
        history = self.history(mine.id)
        base = next((v.project for v in history if v.project.version == mine.version), None)
        return ProjectConflict(current, mine, base)

    def _write_walk(
        self, connection: Connection, snapshot: ProjectSnapshot, stored: dict[str, Any]
    ) -> None:
        """Write the difference between the ``stored`` walk (see ``_walks``) and the snapshot's,
        and the snapshot itself as the history's new version.

        The stored decision log, evidence and notes must each be the start of the new ones: they
        are only appended. The people are rewritten when they differ.
        """
        pid = snapshot.id
        kept = {
            name: [entry.model_validate(row) for row in stored[name]]
            for name, (_table, _fields, entry) in _LISTS.items()
        }
        for name, refusal in _APPEND_ONLY.items():
            if getattr(snapshot, name)[: len(kept[name])] != kept[name]:
                raise StoreError(refusal, name=snapshot.name)
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
        for name, (table, fields, _entry) in _LISTS.items():
            new = getattr(snapshot, name)
            if name in _APPEND_ONLY:
                start = len(kept[name])
            elif new == kept[name]:
                continue
            else:  # the people: rewritten when they changed
                connection.execute(sa.delete(table).where(table.c.project_id == pid))
                start = 0
            rows = [
                {"project_id": pid, "seq": seq}
                | {fields[field]: value for field, value in entry.model_dump().items()}
                | ({"recorded_at": now} if table is decisions else {})
                for seq, entry in enumerate(new)
                if seq >= start
            ]
            if rows:
                connection.execute(sa.insert(table), rows)
        connection.execute(
            sa.insert(project_versions).values(
                project_id=pid,
                version=snapshot.version,
                saved_at=now,
                saved_by=self.acting.label,
                snapshot=snapshot.model_dump(mode="json"),
            )
        )
