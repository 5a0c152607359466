"""The tables the code queries (toolkaart.store.tables) are the tables the migrations create.

Why: the migrations freeze the schema and the code declares it again to query it; nothing else
would notice a column, type, nullability, default, key or index that differs between the two until
a query failed on a real database. Alembic's autogenerate comparison lists every such difference (it
does not see triggers or check constraints); after upgrading an empty database to the newest
migration it must find none, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from toolkaart.store.engine import Database
from toolkaart.store.tables import metadata


def _same_empty_default(
    context: MigrationContext,
    inspected_column: Any,
    metadata_column: Any,
    inspected_default: str | None,
    metadata_default: Any,
    rendered_metadata_default: str | None,
) -> bool | None:
    """Alembic 1.20 compares SQLite's reflected ``('')`` with the declared ``""`` literally (its
    unquoting needs a character between the quotes): say those are equal, leave the rest to it."""
    if inspected_default in ("''", "('')") and rendered_metadata_default == "":
        return False
    return None


def test_the_tables_are_exactly_what_the_migrations_create(database_url: str) -> None:
    database = Database(database_url)  # upgrades to the newest migration
    try:
        with database.engine.connect() as connection:
            options = {"compare_type": True, "compare_server_default": _same_empty_default}
            context = MigrationContext.configure(connection, opts=options)
            differences = compare_metadata(context, metadata)
            tables = set(sa.inspect(connection).get_table_names())
    finally:
        database.close()
    assert differences == []
    assert tables == {*metadata.tables, "alembic_version"}
