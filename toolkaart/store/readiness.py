"""Is the database ready for this version of the navigator: reachable, at its newest migration?

Why one function: the operator's ``toolkaart db check`` and the web server's ``/ready`` (what a
load balancer or an orchestrator asks) must mean the same. It reads the schema revision without
migrating and without creating anything (a SQLite file that is not there is "empty"), and gives
up on a PostgreSQL server that does not answer within ``timeout`` seconds.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import StrEnum

import sqlalchemy as sa

from toolkaart.errors import BackupError
from toolkaart.store.engine import head_revision
from toolkaart.store.transfer import revision_of

#: How long a check waits for a PostgreSQL server (seconds).
TIMEOUT_S = 3


class State(StrEnum):
    READY = "ready"
    #: no connection, or the server refused it
    UNREACHABLE = "unreachable"
    #: reachable, without the navigator's tables (no migration has run)
    EMPTY = "empty"
    #: at another revision than this version's newest (older, or newer: a later version migrated)
    OTHER_REVISION = "other_revision"


@dataclass(frozen=True)
class Readiness:
    """The answer: the state, the revision found (None when none) and the one expected."""

    state: State
    revision: str | None
    expected: str
    #: The driver's first line when unreachable (for the operator's terminal, not for /ready).
    detail: str = ""

    @property
    def ready(self) -> bool:
        return self.state is State.READY


def check(url: str, timeout: int = TIMEOUT_S) -> Readiness:
    """The database at ``url`` as this version of the navigator finds it; nothing is changed."""
    expected = head_revision()
    try:
        revision = revision_of(url, connect_timeout=timeout)
    except (sa.exc.SQLAlchemyError, sqlite3.Error, OSError, BackupError) as error:
        detail = str(getattr(error, "orig", None) or error).strip().splitlines()
        return Readiness(State.UNREACHABLE, None, expected, detail[0] if detail else "")
    if revision is None:
        return Readiness(State.EMPTY, None, expected)
    if revision != expected:
        return Readiness(State.OTHER_REVISION, revision, expected)
    return Readiness(State.READY, revision, expected)
