"""Board agenda drafts in the store's database (table ``agenda_drafts``, migration 0002).

A draft row holds the agenda in its own JSON format (``toolkaart.board.agenda``), so what is saved
is exactly what a file download would hold and reopening checks it the same way. Like projects,
drafts have a version: saving over a draft someone else saved meanwhile is refused, never a silent
overwrite. Only the queries live here: the table is declared in ``toolkaart.store.tables``.

A draft belongs to an organisation's board: every function takes a ``Store`` and works on behalf
of its acting person, who sees, opens, saves and deletes only the drafts of the organisations
where they may manage the agenda; another organisation's draft is "not found", like none.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from toolkaart.access.permissions import Acting, Permission
from toolkaart.board.agenda_model import Agenda, agenda_from_dict, agenda_to_dict
from toolkaart.errors import AgendaError
from toolkaart.events import Event, log_event, organisation_ref
from toolkaart.i18n.dates import local_time_label
from toolkaart.store.project_store import Store
from toolkaart.store.tables import agenda_drafts, projects


@dataclass(frozen=True)
class DraftInfo:
    """A saved draft as listed (without its items)."""

    id: str
    title: str
    meeting_date: dt.date
    version: int
    saved_at: dt.datetime
    organisation: str = ""


def _info(row: sa.Row[*tuple[Any, ...]]) -> DraftInfo:
    return DraftInfo(
        row.id, row.title, row.meeting_date, row.version, row.saved_at, row.organisation
    )


_LISTED = (
    agenda_drafts.c.id,
    agenda_drafts.c.title,
    agenda_drafts.c.meeting_date,
    agenda_drafts.c.version,
    agenda_drafts.c.saved_at,
    agenda_drafts.c.organisation,
)


def _theirs(acting: Acting) -> sa.ColumnElement[bool]:
    """The drafts ``acting`` may see: those of the boards whose agenda they manage."""
    allowed = acting.organisations(Permission.MANAGE_AGENDA)
    return sa.true() if allowed is None else agenda_drafts.c.organisation.in_(sorted(allowed))


def save_draft(
    store: Store, agenda: Agenda, base: DraftInfo | None = None, organisation: str = ""
) -> DraftInfo:
    """Save a new draft for ``organisation``'s board (``base`` None) or a new version of the
    draft ``base`` was read as (it stays with its organisation).

    Refused with AgendaError('draft_conflict') when the draft was saved by someone else since,
    ('draft_gone') when it was deleted, ('draft_not_allowed') when the acting person may not
    manage that board's agenda, ('draft_other_organisation') when it names a project of another
    organisation (someone on two boards composed it for the other one: its names and decisions
    would reach that board's members); nothing is written then.
    """
    if base is not None:
        organisation = base.organisation
    if not store.acting.may(Permission.MANAGE_AGENDA, organisation):
        raise AgendaError("draft_not_allowed", organisation=organisation or "-")
    now = dt.datetime.now(dt.UTC)
    values = {
        "title": agenda.title,
        "meeting_date": agenda.meeting_date,
        "saved_at": now,
        "data": agenda_to_dict(agenda),
    }
    with store.write() as connection:
        if not store.acting.local and agenda.project_ids:  # local mode: one board for all
            found = connection.execute(
                sa.select(projects.c.organisation).where(projects.c.id.in_(agenda.project_ids))
            ).scalars()
            if any(owner != organisation for owner in found):
                raise AgendaError("draft_other_organisation", organisation=organisation)
        if base is None:
            saved = DraftInfo(
                uuid.uuid4().hex, agenda.title, agenda.meeting_date, 1, now, organisation
            )
            connection.execute(
                sa.insert(agenda_drafts).values(
                    id=saved.id, version=1, organisation=organisation, **values
                )
            )
        else:
            updated = connection.execute(
                sa.update(agenda_drafts)
                .where(
                    agenda_drafts.c.id == base.id,
                    agenda_drafts.c.version == base.version,
                    _theirs(store.acting),
                )
                .values(version=base.version + 1, **values)
            )
            if updated.rowcount != 1:
                current = connection.execute(
                    sa.select(*_LISTED).where(agenda_drafts.c.id == base.id, _theirs(store.acting))
                ).one_or_none()
                if current is None:
                    raise AgendaError("draft_gone", title=base.title)
                info = _info(current)
                raise AgendaError(
                    "draft_conflict", title=info.title, saved=local_time_label(info.saved_at)
                )
            saved = DraftInfo(
                base.id, agenda.title, agenda.meeting_date, base.version + 1, now, organisation
            )
    log_event(  # committed
        Event.AGENDA_SAVED,
        draft=saved.id,
        version=saved.version,
        organisation=organisation_ref(saved.organisation),
        person=store.acting.person_id,
    )
    return saved


def list_drafts(store: Store) -> list[DraftInfo]:
    """The drafts the acting person may see, most recently saved first."""
    with store.read() as connection:
        rows = connection.execute(
            sa.select(*_LISTED)
            .where(_theirs(store.acting))
            .order_by(agenda_drafts.c.saved_at.desc(), agenda_drafts.c.id)
        ).all()
    return [_info(row) for row in rows]


def load_draft(store: Store, draft_id: str) -> tuple[Agenda, DraftInfo]:
    """The saved draft, checked like an uploaded file; AgendaError in Dutch when it cannot be
    (also when it is another board's: the same answer as for none)."""
    with store.read() as connection:
        row = connection.execute(
            sa.select(*_LISTED, agenda_drafts.c.data).where(
                agenda_drafts.c.id == draft_id, _theirs(store.acting)
            )
        ).one_or_none()
    if row is None:
        raise AgendaError("draft_not_found")
    return agenda_from_dict(row.data), _info(row)


def delete_draft(store: Store, draft_id: str, version: int | None = None) -> bool:
    """Delete the draft if it is one the acting person may see (nothing happens otherwise);
    with ``version``, only while it is still that version: a draft saved again since the person
    was asked about it is kept, as a save over a newer version is refused. True if deleted."""
    which = [agenda_drafts.c.id == draft_id, _theirs(store.acting)]
    if version is not None:
        which.append(agenda_drafts.c.version == version)
    with store.write() as connection:
        deleted = connection.execute(sa.delete(agenda_drafts).where(*which)).rowcount
    if deleted:
        log_event(Event.AGENDA_DELETED, draft=draft_id, person=store.acting.person_id)
    return bool(deleted)
