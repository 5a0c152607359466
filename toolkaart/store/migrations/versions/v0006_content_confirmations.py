"""A content change that removes phases, actors or tools, once staff confirmed it on Beheer:
recorded here so that every replica serves it, not only the one that drew the Beheer page
(``toolkaart.web.content_cache``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "content_confirmations",
        sa.Column("digest", sa.String(64), primary_key=True),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("confirmed_by", sa.String(400), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("content_confirmations")
