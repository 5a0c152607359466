"""Board agenda drafts: one row per draft, the draft itself as JSON (toolkaart.board.agenda's format).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agenda_drafts",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("meeting_date", sa.Date, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.CheckConstraint("version >= 1", name="ck_agenda_drafts_version"),
    )
    op.create_index("ix_agenda_drafts_saved_at", "agenda_drafts", ["saved_at"])


def downgrade() -> None:
    op.drop_index("ix_agenda_drafts_saved_at", table_name="agenda_drafts")
    op.drop_table("agenda_drafts")
