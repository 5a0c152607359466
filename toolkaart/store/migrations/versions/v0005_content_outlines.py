"""The outline of each content version projects rest on, so that a project can be shown what
changed in the content since its last decision (``toolkaart.route.content_changes``).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "content_outlines",
        sa.Column("version", sa.String(40), primary_key=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outline", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("content_outlines")
