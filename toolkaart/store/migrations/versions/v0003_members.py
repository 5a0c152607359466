"""Organisations, people and their roles; who saved each version; the organisation of a draft.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organisations",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("name", sa.String(200), nullable=False, server_default=""),
        sa.Column("issuer", sa.String(500), nullable=True),
        sa.Column("subject", sa.String(255), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("email", name="uq_people_email"),
        sa.UniqueConstraint("issuer", "subject", name="uq_people_identity"),
    )
    op.create_table(
        "memberships",
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id"), primary_key=True),
        sa.Column(
            "organisation",
            sa.String(200),
            sa.ForeignKey("organisations.name"),
            primary_key=True,
        ),
        sa.Column("role", sa.String(16), primary_key=True),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("granted_by", sa.String(600), nullable=False, server_default=""),
        sa.CheckConstraint(
            "role IN ('team', 'bestuur', 'redactie', 'beheer')", name="ck_memberships_role"
        ),
    )
    op.add_column(
        "project_versions",
        sa.Column("saved_by", sa.String(600), nullable=False, server_default=""),
    )
    op.add_column(
        "agenda_drafts",
        sa.Column("organisation", sa.String(200), nullable=False, server_default=""),
    )
    op.create_index("ix_agenda_drafts_organisation", "agenda_drafts", ["organisation"])


def downgrade() -> None:
    op.drop_index("ix_agenda_drafts_organisation", table_name="agenda_drafts")
    op.drop_column("agenda_drafts", "organisation")
    op.drop_column("project_versions", "saved_by")
    op.drop_table("memberships")
    op.drop_table("people")
    op.drop_table("organisations")
