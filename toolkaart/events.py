"""The operations log: one line per event worth knowing about, holding ids and fixed values only.

Why a module of its own: whoever runs the service needs to see what happens (a project saved, a
gate decided, a role granted, the database gone) without the log becoming a second copy of what
people wrote. The navigator keeps names, e-mail addresses, rationales and notes of health-care
projects; a log line is copied to collectors and kept by people who may not read those. So an
event is a name from ``Event`` and fields from ``FIELDS``, each of a fixed kind: an id as the
store makes it, a number, a yes/no, a value of a fixed set (an enum), an organisation as a digest
of its name. ``log_event`` refuses anything else (``TypeError``/``ValueError``): free text cannot
reach a field, because no field takes a space, a capital, an ``@`` or more than 80 characters.
A test per field keeps it so (``tests/test_events.py``).

The events are logged where they happen in the store and the domain (a save, a grant, a fault),
so a page cannot forget one, and once per event, never once per rerun.

``configure`` (at the start of ``toolkaart serve``'s server, of the app's first run and of the
command line) writes the ``toolkaart`` loggers' records to standard error, as text or as one JSON
object per line (``TOOLKAART_LOG_FORMAT``), from ``TOOLKAART_LOG_LEVEL`` up. Streamlit's own
loggers keep their own handlers and format (they do not propagate to ours, nor ours to theirs).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import socket
import sys
from dataclasses import dataclass
from enum import Enum, StrEnum
from types import MappingProxyType
from typing import Any, Final

from toolkaart.settings import Settings

#: The logger of every event; the rest of the package logs under ``toolkaart.*`` too.
LOGGER_NAME: Final = "toolkaart"
log = logging.getLogger(f"{LOGGER_NAME}.events")


class Event(StrEnum):
    """Every event the navigator logs (README, "Operations")."""

    PROJECT_CREATED = "project.created"
    PROJECT_IMPORTED = "project.imported"
    #: a save of an existing project that records no gate decision (ticks, details, archiving)
    PROJECT_SAVED = "project.saved"
    PROJECT_EXPORTED = "project.exported"
    #: a save that records a gate decision (one line per decision, instead of project.saved)
    GATE_DECIDED = "gate.decided"
    AGENDA_SAVED = "agenda.saved"
    AGENDA_DELETED = "agenda.deleted"
    MEMBER_GRANTED = "member.granted"
    MEMBER_REVOKED = "member.revoked"
    #: a provider identity bound to the person a role was granted to (their first sign-in)
    SIGNIN_BOUND = "signin.bound"
    #: signed in at the provider, but not bound to anyone with a role (once per browser session)
    SIGNIN_REFUSED = "signin.refused"
    CONTENT_RELOADED = "content.reloaded"
    #: a held-back content change (removals, ``count``) is served from now on: confirmed on this
    #: replica (with the ``person``), or found confirmed by another (without)
    CONTENT_CONFIRMED = "content.confirmed"
    #: the content files on disk do not load (the previous valid content keeps being served)
    CONTENT_INVALID = "content.invalid"
    #: the database could not do what was asked (the person read a Dutch message)
    STORE_FAULT = "store.fault"
    #: an error a page did not handle (the person read a Dutch message with its ``reference``)
    PAGE_ERROR = "page.error"
    #: the web server of ``toolkaart serve`` started
    SERVER_STARTED = "server.started"


@dataclass(frozen=True)
class OrganisationRef:
    """An organisation as a log names it: the first 12 hex digits of the SHA-256 of its name.

    Organisations are known by their name, and a name can name a person (a general practice
    named after its doctor), so the log holds a digest: whoever knows the name can find its lines
    (``organisation_ref("Ziekenhuis Noord")``); the log alone does not tell it.
    """

    digest: str


def organisation_ref(name: str) -> OrganisationRef | None:
    """The log's reference to the organisation called ``name``; None for none (local mode)."""
    if not name:
        return None
    return OrganisationRef(hashlib.sha256(name.encode("utf-8")).hexdigest()[:12])


#: A project's or a draft's id as the store makes and takes them.
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,31}")
#: A content id (phase), an export format, a fault's or a refusal's code.
_CODE = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
_CODE_MAX = 80

#: Each field an event may carry, and the kind of value it takes.
FIELDS: Final = MappingProxyType(
    {
        "project": _ID,
        "draft": _ID,
        "phase": _CODE,
        "format": _CODE,
        "fault": _CODE,
        "reason": _CODE,
        #: who acted: their ``people.id`` (absent in local mode and for the operator's CLI)
        "person": int,
        #: whose role was granted or revoked: their ``people.id``
        "member": int,
        "version": int,
        "count": int,
        "errors": int,
        "writing": bool,
        "organisation": OrganisationRef,
        "answer": Enum,
        "role": Enum,
        #: an exception's class (its name is logged: never its message, which can quote values)
        "error": type,
        #: the short code a person was shown with an error, to find its line (and the traceback
        #: just before it) when they report it
        "reference": _CODE,
    }
)

FieldValue = str | int | bool | Enum | OrganisationRef | type[BaseException] | None
JsonValue = str | int | bool


def field_value(name: str, value: FieldValue) -> JsonValue:
    """``value`` as the log writes field ``name``; TypeError or ValueError for anything that is
    not of the field's kind (an unknown field, free text, a name, an e-mail address)."""
    kind = FIELDS.get(name)
    if kind is None:
        raise TypeError(f"events have no field {name!r}; add it to FIELDS first")
    if isinstance(kind, re.Pattern):
        if not isinstance(value, str) or isinstance(value, Enum):
            raise TypeError(f"field {name!r} takes an id (str), not {type(value).__name__}")
        if len(value) > _CODE_MAX or not kind.fullmatch(value):
            raise ValueError(f"field {name!r} takes an id, not text ({len(value)} characters)")
        return value
    if kind is int:
        if not isinstance(value, int) or isinstance(value, bool | Enum):
            raise TypeError(f"field {name!r} takes a number, not {type(value).__name__}")
        return value
    if kind is bool:
        if not isinstance(value, bool):
            raise TypeError(f"field {name!r} takes True or False, not {type(value).__name__}")
        return value
    if kind is OrganisationRef:
        if not isinstance(value, OrganisationRef):
            raise TypeError(f"field {name!r} takes organisation_ref(name), not the name")
        return value.digest
    if kind is Enum:
        if not isinstance(value, Enum) or not isinstance(value.value, str | int):
            raise TypeError(f"field {name!r} takes a value of a fixed set (an enum)")
        member_value: JsonValue = value.value
        return member_value
    if not (isinstance(value, type) and issubclass(value, BaseException)):
        raise TypeError(f"field {name!r} takes an exception class, not {type(value).__name__}")
    return value.__name__


def log_event(
    event: Event,
    *,
    level: int = logging.INFO,
    exc_info: BaseException | None = None,
    **fields: FieldValue,
) -> None:
    """Log ``event`` with ``fields`` (None values are left out) as one line; ``exc_info`` adds
    a traceback to the same line (for faults). Refuses a field that is not an id or a fixed
    value before anything is written (see ``field_value``)."""
    values = {name: field_value(name, value) for name, value in fields.items() if value is not None}
    text = " ".join([event.value, *(f"{name}={_shown(value)}" for name, value in values.items())])
    log.log(level, "%s", text, exc_info=exc_info, extra={"event": event.value, "fields": values})


def _shown(value: JsonValue) -> str:
    """A value in the text form: quoted when it holds a space (``answer="nog niet"``)."""
    return json.dumps(value) if isinstance(value, str) and " " in value else str(value)


def _utc_stamp(created: float) -> str:
    moment = dt.datetime.fromtimestamp(created, dt.UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ``ts`` (ISO 8601, UTC), ``level``, ``event`` and ``fields`` for an
    event (``logger`` and ``message`` for another record), ``host``, ``pid``, and ``exception``
    (its traceback) when the record has one."""

    def __init__(self, host: str | None = None) -> None:
        super().__init__()
        self.host = host or socket.gethostname()

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {"ts": _utc_stamp(record.created), "level": record.levelname}
        event = getattr(record, "event", None)
        if isinstance(event, str):
            line["event"] = event
            line["fields"] = getattr(record, "fields", {})
        else:
            line["logger"] = record.name
            line["message"] = record.getMessage()
        line["host"] = self.host
        line["pid"] = record.process if record.process is not None else os.getpid()
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, separators=(",", ":"))


#: The text form: like Streamlit's own lines, so that both read alike in one terminal.
TEXT_FORMAT: Final = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def _formatter(log_format: str) -> logging.Formatter:
    if log_format == "json":
        return JsonFormatter()
    formatter = logging.Formatter(TEXT_FORMAT)
    formatter.default_msec_format = "%s.%03d"
    return formatter


class _Handler(logging.Handler):
    """Ours, to be found and replaced when ``configure`` runs again (never a second handler).

    It writes to whatever ``sys.stderr`` is when a record comes, not the one of its creation: a
    test harness that swaps standard error per test gets every line in the right test.
    """

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
            sys.stderr.flush()
        except Exception:
            self.handleError(record)


def configure(settings: Settings) -> None:
    """Write the ``toolkaart`` loggers' records to standard error in ``settings.log_format`` from
    ``settings.log_level`` up. Cheap when nothing changed, so the app calls it on every run.

    Only the ``toolkaart`` logger is touched: Streamlit's loggers (``streamlit.*``, uvicorn) keep
    the handlers Streamlit gave them, and the root logger stays as it was (pytest's log capture
    still sees our records, which propagate).
    """
    logger = logging.getLogger(LOGGER_NAME)
    wanted = (settings.log_format, settings.log_level)
    current = [h for h in logger.handlers if isinstance(h, _Handler)]
    if len(current) == 1 and getattr(current[0], "toolkaart_settings", None) == wanted:
        return
    for handler in current:
        logger.removeHandler(handler)
    handler = _Handler()
    handler.setFormatter(_formatter(settings.log_format))
    handler.toolkaart_settings = wanted  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(settings.log_level)
