"""Before SQLite opens a database file: can this process write it, its folder and its side files?

Why: SQLite opens a file it may not write read-only, without a word, and then creates the WAL side
files ``-wal`` and ``-shm`` with the database file's modes. After a ``chmod 444`` on the database and
a restart they were read-only too, so making the database writable again was not enough: every save
still failed until someone removed them by hand (and removing a ``-wal`` loses what it holds). So
this check runs before every new connection:

- a database or folder this process cannot write is refused with ``NotWritable``, whose text says
  which file or folder must be writable by which user; SQLite never gets to open it read-only and
  create read-only side files;
- a side file left read-only while the database is writable again gets the database file's modes
  back (a ``chmod``: its content, committed data in a ``-wal``, stays as it is) when this user owns
  it; owned by another user, it is refused like the database, with what to do instead.
"""

from __future__ import annotations

import logging
import os
import pwd
import stat
from pathlib import Path

from toolkaart.i18n.catalog import t
from toolkaart.store.faults import NotWritable

log = logging.getLogger(__name__)

#: SQLite's WAL side files, next to the database file.
SIDE_SUFFIXES = ("-wal", "-shm")


def _user() -> str:
    """The user this process writes as (its effective user)."""
    try:
        return pwd.getpwuid(os.geteuid()).pw_name
    except KeyError:  # a container's uid without a name
        return str(os.geteuid())


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def check_writable(database: Path) -> None:
    """Make ``database``'s folder if need be, repair read-only side files this user owns, and raise
    ``NotWritable`` (Dutch, with paths and the user) for what is still not writable."""
    user = _user()
    folder = database.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except PermissionError:
        raise NotWritable(_advice(t("store.advice.folder", path=folder, user=user))) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise NotWritable(_advice(t("store.advice.folder", path=folder, user=user)))
    if not database.exists():
        return
    if not _writable(database):
        raise NotWritable(_advice(t("store.advice.file", path=database, user=user)))
    for suffix in SIDE_SUFFIXES:
        side = database.with_name(database.name + suffix)
        if not side.exists() or _writable(side):
            continue
        try:
            if side.stat().st_uid != os.geteuid():
                raise NotWritable(_advice(t("store.advice.side_file", path=side, user=user)))
            os.chmod(side, stat.S_IMODE(database.stat().st_mode))
        except FileNotFoundError:  # the last connection elsewhere closed and removed it
            continue
        log.warning(t("store.advice.repaired", path=side))


def _advice(problem: str) -> str:
    return f"{problem} {t('store.advice.retry')}"
