"""What a team records beside its walk: evidence per checklist item, people per actor role, notes
per phase; the content version each project was last saved with.

Evidence and notes only grow: like the decision log, a trigger refuses UPDATE and DELETE on them
(the PostgreSQL trigger function is migration 0001's). People are rewritten as the team changes.
Snapshots in ``project_versions`` written before this migration lack the new fields; they read
with them empty (``toolkaart.route.snapshot.upgraded``), so nothing is rewritten here.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

APPEND_ONLY = ("evidence", "phase_notes")


def _keys() -> list[sa.Column[object]]:
    return [
        sa.Column("project_id", sa.String(32), sa.ForeignKey("projects.id"), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
    ]


def upgrade() -> None:
    op.add_column(
        "projects",
        sa.Column("content_version", sa.String(40), nullable=False, server_default=""),
    )
    op.create_table(
        "evidence",
        *_keys(),
        sa.Column("phase_id", sa.String(80), nullable=False),
        sa.Column("item_id", sa.String(80), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("added_by", sa.String(600), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "project_people",
        *_keys(),
        sa.Column("actor_id", sa.String(80), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("function", sa.String(200), nullable=False),
        sa.Column("contact", sa.String(200), nullable=False),
    )
    op.create_table(
        "phase_notes",
        *_keys(),
        sa.Column("phase_id", sa.String(80), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("author", sa.String(600), nullable=False),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
    )
    for table in APPEND_ONLY:
        if op.get_bind().dialect.name == "postgresql":
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION toolkaart_append_only()"
            )
        else:
            for event in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )


def downgrade() -> None:
    for table in ("phase_notes", "project_people", "evidence"):
        op.drop_table(table)
    op.drop_column("projects", "content_version")
