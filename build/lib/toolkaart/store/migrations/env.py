"""Alembic environment: migrations run on the connection the store hands over (see store.migrate).

The store opens the transaction (``BEGIN IMMEDIATE`` on SQLite, an advisory lock on PostgreSQL), so
two processes starting at once migrate one after the other, and a failed migration changes nothing.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
