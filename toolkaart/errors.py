"""The domain's refusals: one module with every error people read, each a key in the catalog.

Why here: every part of the domain refuses something (a gate decision, project details, a save,
an agenda edit, an import) and says so in Dutch. One base class builds the message from the string
catalog, so a refusal is never written in code, and a test checks that every code raised has a
string and every string is used. Imports only ``toolkaart.i18n``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from toolkaart.i18n.catalog import t

if TYPE_CHECKING:
    from toolkaart.route.project import Project
    from toolkaart.store.transfer import Comparison

#: At most this many problems are listed for a refused import file; the rest are counted.
MAX_PROBLEMS = 20


class MessageError(ValueError):
    """A refusal people read: its text is the string ``<prefix>.<code>`` formatted with ``params``.

    Each kind names its own prefix (``GateError.prefix = "gate.error"``); ``code`` and ``params``
    stay available to code that reacts to the kind of refusal.
    """

    prefix: ClassVar[str]

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(t(f"{self.prefix}.{code}", **params))


class GateError(MessageError):
    """A gate decision the rules do not allow."""

    prefix = "gate.error"


class ProjectError(MessageError):
    """Project details a person must correct."""

    prefix = "project.error"


class AgendaError(MessageError):
    """An agenda edit or a draft the agenda cannot take."""

    prefix = "agenda.error"


class TextError(MessageError):
    """A text a field may not hold (``toolkaart.user_text``): a stray control character, too long."""

    prefix = "text.error"


class MemberError(MessageError):
    """A membership that cannot be granted or revoked (bad e-mail, no such member, not allowed)."""

    prefix = "member.error"


class StoreError(MessageError):
    """A store operation refused."""

    prefix = "store.error"


class ProjectNotFound(StoreError):
    """No project with this id (any more)."""

    def __init__(self, project_id: str) -> None:
        super().__init__("not_found", id=project_id)


class ProjectConflict(StoreError):
    """A save on a stale version. Holds both sides, so nothing is lost.

    ``current`` is what is stored now, ``mine`` what the refused save wanted to store, ``base`` the
    stored version ``mine`` was read at (None if the history has no such version). What changed on
    each side is told by ``toolkaart.route.project.conflict_message``.
    """

    def __init__(self, current: Project, mine: Project, base: Project | None) -> None:
        self.current = current
        self.mine = mine
        self.base = base
        super().__init__("conflict", name=current.name, mine=mine.version, current=current.version)


class StoreFault(StoreError):
    """The database could not do what was asked: its disk is full, it is read-only, it cannot be
    reached, or it refused a value. Nothing was saved: a transaction commits whole or not at all.

    The text is for anyone on a page: what happened and what it means, without paths, host names
    or SQL (those go to the server log). ``advice`` is for whoever runs the server: what to fix,
    naming files and users; empty when the log's traceback says it all.
    """

    def __init__(self, code: str, advice: str = "", **params: object) -> None:
        super().__init__(code, **params)
        self.advice = advice


class BackupError(MessageError):
    """A backup, restore or copy of the whole database refused; nothing was written."""

    prefix = "backup.error"


class TransferMismatch(BackupError):
    """What was written differs from what was read (rows or content of a table); the write was
    rolled back. ``comparison`` holds both sides, table by table."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        super().__init__("differs", tables=", ".join(comparison.differing()))


class ImportRejected(ValueError):
    """A refused import file: ``problems`` are the Dutch lines saying what is wrong."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = tuple(problems[:MAX_PROBLEMS])
        if len(problems) > MAX_PROBLEMS:
            self.problems += (t("exchange.more", count=len(problems) - MAX_PROBLEMS),)
        super().__init__("\n".join([t("exchange.rejected"), *(f"- {p}" for p in self.problems)]))
