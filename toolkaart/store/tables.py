"""The store's tables as the code queries them: one ``MetaData`` for every table migrations make.

Why one module: the project store and the agenda store used to declare their tables each on their
own, beside their queries, with their own datetime handling; a column added to one place and not the
other went unnoticed. Here every table is declared once, every timestamp is a ``UTCDateTime``, and
``tests/store/test_store_schema.py`` compares this metadata with what the migrations create (Alembic's
autogenerate comparison, on SQLite and PostgreSQL), so the two cannot drift apart silently.

The migrations (``toolkaart/store/migrations``) do not import this module: a migration freezes the
schema as it was on the day it was written, whatever these declarations say later.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa


class UTCDateTime(sa.TypeDecorator[dt.datetime]):
    """Timezone-aware UTC datetimes on both backends (SQLite stores them without a zone)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        return value.astimezone(dt.UTC) if value is not None else None

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


metadata = sa.MetaData()

# migration 0001
projects = sa.Table(
    "projects",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("organisation", sa.String(200), nullable=False, server_default=""),
    sa.Column("description", sa.Text, nullable=False, server_default=""),
    sa.Column("contact", sa.String(200), nullable=False, server_default=""),
    sa.Column("archived", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    # migration 0004: the content version the project was last saved with (empty before)
    sa.Column("content_version", sa.String(40), nullable=False, server_default=""),
    sa.CheckConstraint("version >= 1", name="ck_projects_version"),
)
checklist_answers = sa.Table(
    "checklist_answers",
    metadata,
    sa.Column("project_id", sa.String(32), sa.ForeignKey("projects.id"), primary_key=True),
    sa.Column("phase_id", sa.String(80), primary_key=True),
    sa.Column("item_id", sa.String(80), primary_key=True),
)
#: Append-only: a trigger (migration 0001) refuses UPDATE and DELETE.
decisions = sa.Table(
    "decisions",
    metadata,
    sa.Column("project_id", sa.String(32), sa.ForeignKey("projects.id"), primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("phase_id", sa.String(80), nullable=False),
    sa.Column("answer", sa.String(16), nullable=False),
    sa.Column("rationale", sa.Text, nullable=False),
    sa.Column("decided_by", sa.String(200), nullable=False),
    sa.Column("decided_on", sa.Date, nullable=False),
    sa.Column("open_items", sa.JSON, nullable=False),
    sa.Column("next_review", sa.Date, nullable=True),
    sa.Column("recorded_at", UTCDateTime, nullable=False),
    sa.CheckConstraint("answer IN ('ja', 'nog niet', 'nee')", name="ck_decisions_answer"),
)
#: Append-only: a trigger (migration 0001) refuses UPDATE and DELETE.
project_versions = sa.Table(
    "project_versions",
    metadata,
    sa.Column("project_id", sa.String(32), sa.ForeignKey("projects.id"), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("saved_at", UTCDateTime, nullable=False),
    sa.Column("snapshot", sa.JSON, nullable=False),
    # migration 0003: who saved it (name and e-mail of the signed-in person; empty in local mode)
    sa.Column("saved_by", sa.String(600), nullable=False, server_default=""),
)

# migration 0002
agenda_drafts = sa.Table(
    "agenda_drafts",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("meeting_date", sa.Date, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("saved_at", UTCDateTime, nullable=False, index=True),
    sa.Column("data", sa.JSON, nullable=False),
    # migration 0003: the organisation whose board the draft is for (empty in local mode)
    sa.Column("organisation", sa.String(200), nullable=False, server_default="", index=True),
    sa.CheckConstraint("version >= 1", name="ck_agenda_drafts_version"),
)

# migration 0003: organisations, the people who sign in, and their roles in each organisation
organisations = sa.Table(
    "organisations",
    metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
)
#: A person is known by e-mail from the moment a role is granted; issuer and subject (the
#: provider's stable id) are bound at their first sign-in.
people = sa.Table(
    "people",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("email", sa.String(320), nullable=False),
    sa.Column("name", sa.String(200), nullable=False, server_default=""),
    sa.Column("issuer", sa.String(500), nullable=True),
    sa.Column("subject", sa.String(255), nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("email", name="uq_people_email"),
    sa.UniqueConstraint("issuer", "subject", name="uq_people_identity"),
)
memberships = sa.Table(
    "memberships",
    metadata,
    sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id"), primary_key=True),
    sa.Column(
        "organisation", sa.String(200), sa.ForeignKey("organisations.name"), primary_key=True
    ),
    sa.Column("role", sa.String(16), primary_key=True),
    sa.Column("granted_at", UTCDateTime, nullable=False),
    sa.Column("granted_by", sa.String(600), nullable=False, server_default=""),
    sa.CheckConstraint(
        "role IN ('team', 'bestuur', 'redactie', 'beheer')", name="ck_memberships_role"
    ),
)

# migration 0004: what a team records beside its walk (toolkaart.route.records)
#: Append-only: a trigger (migration 0004) refuses UPDATE and DELETE.
evidence = sa.Table(
    "evidence",
    metadata,
    sa.Column("project_id", sa.String(32), sa.ForeignKey("projects.id"), primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("phase_id", sa.String(80), nullable=False),
    sa.Column("item_id", sa.String(80), nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("url", sa.String(2000), nullable=False),
    sa.Column("added_by", sa.String(600), nullable=False),
    sa.Column("added_at", UTCDateTime, nullable=False),
)
#: The team as it is now: rewritten when it changes.
project_people = sa.Table(
    "project_people",
    metadata,
    sa.Column("project_id", sa.String(32), sa.ForeignKey("projects.id"), primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("actor_id", sa.String(80), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("function", sa.String(200), nullable=False),
    sa.Column("contact", sa.String(200), nullable=False),
)
#: Append-only: a trigger (migration 0004) refuses UPDATE and DELETE.
phase_notes = sa.Table(
    "phase_notes",
    metadata,
    sa.Column("project_id", sa.String(32), sa.ForeignKey("projects.id"), primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("phase_id", sa.String(80), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("author", sa.String(600), nullable=False),
    sa.Column("written_at", UTCDateTime, nullable=False),
)

# migration 0005: the outline of each content version projects were stamped with
#: (toolkaart.route.content_changes); the first outline recorded under a version is kept.
content_outlines = sa.Table(
    "content_outlines",
    metadata,
    sa.Column("version", sa.String(40), primary_key=True),
    sa.Column("recorded_at", UTCDateTime, nullable=False),
    sa.Column("outline", sa.JSON, nullable=False),
)

# migration 0006: content whose removal of phases, actors or tools staff confirmed on Beheer, by
# its digest (toolkaart.content.live.content_digest): every replica holding it back serves it.
content_confirmations = sa.Table(
    "content_confirmations",
    metadata,
    sa.Column("digest", sa.String(64), primary_key=True),
    sa.Column("confirmed_at", UTCDateTime, nullable=False),
    sa.Column("confirmed_by", sa.String(400), nullable=False),
)
