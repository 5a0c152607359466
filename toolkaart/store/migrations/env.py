"""Alembic environment: migrations run on the connection the database hands over
(``toolkaart.store.engine.Database.migrate``).

The database opens the transaction (``BEGIN IMMEDIATE`` on SQLite, an advisory lock on
PostgreSQL), so two processes starting at once migrate one after the other, and a failed migration
changes nothing.
No ``target_metadata``: migrations are written by hand and frozen, never generated from
``toolkaart.store.tables`` (tests/store/test_store_schema.py checks that the two agree).
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
