"""Persistence: SQLAlchemy over SQLite or PostgreSQL, the Alembic migrations, projects, agendas.

Lives here: transactions, versions and conflicts, the append-only decision log and history.
May import: ``board``, ``route``, ``content``, ``i18n``, ``errors``, ``settings``; never ``web``.
"""
