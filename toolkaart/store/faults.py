"""Database faults in Dutch: a full disk, a read-only file, an unreachable server or a refused value
becomes a ``StoreFault`` that says what happened; the original goes to the server log.

Why here: every read and save goes through ``Database.read``/``write`` (and opening a database
through its migrations), so translating there reaches every page, the import and the command line
without any of them knowing SQLAlchemy's exceptions, and nobody reads a traceback with SQL, file
paths or host names. The log keeps the traceback, for whoever has to fix the server.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

from toolkaart.errors import StoreFault
from toolkaart.events import Event, log_event
from toolkaart.i18n.catalog import t

log = logging.getLogger(__name__)

#: What the database layer raises when it cannot do what was asked.
FAULTS = (sa.exc.SQLAlchemyError, sqlite3.Error, OSError)


class NotWritable(PermissionError):
    """A database file or folder this process cannot write; the text says which, for whom."""

    def __init__(self, advice: str) -> None:
        super().__init__(errno.EACCES, advice)
        self.advice = advice


@contextmanager
def translated(*, writing: bool) -> Iterator[None]:
    """Raise a database fault inside as a ``StoreFault`` (logged with its traceback)."""
    try:
        yield
    except FAULTS as error:
        raise reported(fault_of(error, writing=writing), error) from error


def reported(fault: StoreFault, error: BaseException) -> StoreFault:
    """``fault``, after logging it (``store.fault`` with the code of what the person was told) and
    ``error``'s traceback on one line; the advice (a folder or file to make writable, for whom)
    on a second, for whoever fixes the server."""
    log_event(Event.STORE_FAULT, level=logging.ERROR, exc_info=error, fault=fault.code)
    if fault.advice:
        log.error(fault.advice)
    return fault


def fault_of(error: BaseException, *, writing: bool) -> StoreFault:
    """The Dutch fault for ``error``: for a save, nothing was saved; for a read, nothing shown."""
    outcome = t("store.outcome.write") if writing else t("store.outcome.read")
    if isinstance(error, NotWritable):
        return StoreFault("read_only", error.advice, outcome=outcome)
    if isinstance(error, OSError):
        return _os_fault(error, outcome)
    cause = getattr(error, "orig", None) or error
    sqlite_name = getattr(cause, "sqlite_errorname", None)
    if isinstance(sqlite_name, str):
        return _sqlite_fault(sqlite_name, outcome)
    sqlstate = getattr(cause, "sqlstate", None)
    if isinstance(sqlstate, str):
        return _postgres_fault(sqlstate, outcome)
    if isinstance(error, sa.exc.OperationalError):  # no server there to give a code
        return StoreFault("unreachable", outcome=outcome)
    if isinstance(error, sa.exc.DataError | sa.exc.IntegrityError):
        return StoreFault("rejected")
    return StoreFault("failed", outcome=outcome)


def _os_fault(error: OSError, outcome: str) -> StoreFault:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return StoreFault("disk_full", outcome=outcome)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StoreFault("read_only", outcome=outcome)
    return StoreFault("failed", outcome=outcome)


def _sqlite_fault(name: str, outcome: str) -> StoreFault:
    """By SQLite's (extended) result code, e.g. SQLITE_READONLY_DBMOVED."""
    if name == "SQLITE_FULL":
        return StoreFault("disk_full", outcome=outcome)
    if name.startswith("SQLITE_READONLY") or name.startswith("SQLITE_PERM"):
        return StoreFault("read_only", outcome=outcome)
    if name.startswith("SQLITE_CANTOPEN"):
        return StoreFault("unreachable", outcome=outcome)
    if name.startswith(("SQLITE_CONSTRAINT", "SQLITE_TOOBIG", "SQLITE_MISMATCH")):
        return StoreFault("rejected")
    return StoreFault("failed", outcome=outcome)


def _postgres_fault(sqlstate: str, outcome: str) -> StoreFault:
    """By PostgreSQL's SQLSTATE (Appendix A of its manual)."""
    if sqlstate == "53100":  # disk_full
        return StoreFault("disk_full", outcome=outcome)
    if sqlstate == "25006":  # read_only_sql_transaction: a standby, default_transaction_read_only
        return StoreFault("read_only", outcome=outcome)
    if sqlstate.startswith("08") or sqlstate in ("57P01", "57P02", "57P03"):  # connection, shutdown
        return StoreFault("unreachable", outcome=outcome)
    if sqlstate.startswith(("22", "23")):  # data exception, integrity constraint violation
        return StoreFault("rejected")
    return StoreFault("failed", outcome=outcome)
