"""Project exchange: a project as a JSON file (export), and a strict check of such a file (import).

The format is documented in docs/project-exchange.md; its JSON Schema is
docs/project-export.schema.json (generated from ``ExportFile``, kept in step by a test). The file's
``project`` is ``toolkaart.route.snapshot.ProjectSnapshot``, the one project shape the store's
history keeps too, so a project is written out and read back in one way only; this module adds the
envelope (format, versions, the derived ``route``) and the checks only an import needs.

An import is checked completely before anything is written: size, JSON syntax, the schema (strict
types, no unknown fields, bounded lengths), every phase, checklist item, tool and actor id against
the current content, the decision log against the gate rules, and evidence, people and notes
against the rules that make them in the app (``toolkaart.route.records``). Every problem is
reported in Dutch; a refused file changes nothing, an accepted one is saved in one transaction.

Format version 2 added the project's content version, people, evidence and notes. A version 1
file is still read: it may not hold those fields, and reads as a project without them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any, Final, Literal

from pydantic import Field, ValidationError
from pydantic_core import ErrorDetails

from toolkaart.content.models import Toolkaart
from toolkaart.errors import (
    GateError,
    ImportRejected,
    MessageError,
    ProjectError,
    ProjectNotFound,
    TextError,
)
from toolkaart.events import Event
from toolkaart.i18n.catalog import t
from toolkaart.i18n.dates import date_label, local_date
from toolkaart.i18n.units import size_label
from toolkaart.route.content_changes import outline, retired_items
from toolkaart.route.gates import clean_decided_by, clean_rationale, validate_log
from toolkaart.route.project import FIELD_LIMITS, Project, new_project_id, with_details
from toolkaart.route.records import Record, check_people, new_evidence, new_note, new_person
from toolkaart.route.snapshot import ADDED_IN_2, Moment, ProjectSnapshot, Slug, Strict, upgraded
from toolkaart.store.project_store import Store

FORMAT: Final = "toolkaart-project"
FORMAT_VERSION = 2
#: The versions an import reads: version 1 lacks what version 2 added (``snapshot.ADDED_IN_2``).
READABLE_VERSIONS = (1, 2)
#: Larger files are refused unread: bounded time and memory whatever a file holds.
MAX_IMPORT_BYTES = 1_000_000
#: Per phase, checklist item ids an earlier content version had there and the content no longer has.
Retired = Mapping[str, frozenset[str]]


class NextPhaseData(Strict):
    id: Slug
    tools: list[Slug] = Field(max_length=100)
    actors: list[Slug] = Field(max_length=100)


class RouteData(Strict):
    """Derived from the project's log when exported, for readers of the file; not imported."""

    current_phase: Slug
    completed: bool
    next_review: dt.date | None
    next_phase: NextPhaseData


class ExportFile(Strict):
    """A project exchange file (format version 2; version 1 lacks the project's content version,
    people, evidence and notes)."""

    format: Literal["toolkaart-project"]
    format_version: int
    content_version: str = Field(max_length=40)
    exported_at: Moment
    project: ProjectSnapshot
    route: RouteData


def export_file(project: Project, toolkaart: Toolkaart) -> ExportFile:
    """The exchange file of a saved project, its route derived from its log now."""
    status = project.status(toolkaart)
    phase = toolkaart.phase(status.current_phase_id)
    return ExportFile(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        content_version=toolkaart.meta.version,
        exported_at=dt.datetime.now(dt.UTC),
        project=ProjectSnapshot.of(project),
        route=RouteData(
            current_phase=phase.id,
            completed=status.completed,
            next_review=status.next_review,
            next_phase=NextPhaseData(
                id=phase.id, tools=list(phase.tools), actors=list(phase.actors)
            ),
        ),
    )


def export_json(project: Project, toolkaart: Toolkaart) -> str:
    """The project as an exchange file (UTF-8 JSON text, indented, non-ASCII written as is)."""
    data = export_file(project, toolkaart).model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def json_schema() -> dict[str, Any]:
    schema = ExportFile.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "project-export.schema.json",
        "title": "Toolkaart project exchange file",
        **schema,
    }


def _where(loc: tuple[int | str, ...]) -> str:
    where = ""
    for part in loc:
        where += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if where else part)
    return where or t("exchange.where.file")


_ERROR_KEYS = {
    "missing": "missing",
    "extra_forbidden": "extra",
    "string_type": "string",
    "string_too_long": "too_long",
    "string_too_short": "empty",
    "string_pattern_mismatch": "pattern",
    "literal_error": "literal",
    "bool_type": "bool",
    "int_type": "int",
    "greater_than_equal": "too_small",
    "list_type": "list",
    "dict_type": "object",
    "model_type": "object",
    "too_long": "too_many",
    "date_type": "date",
    "date_parsing": "date",
    "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date",
    "datetime_type": "datetime",
    "datetime_parsing": "datetime",
    "datetime_from_date_parsing": "datetime",
}


def _describe(error: ErrorDetails) -> str:
    kind = error["type"]
    context = error.get("ctx", {})
    key = _ERROR_KEYS.get(kind, "invalid")
    return t(
        f"exchange.schema.{key}",
        where=_where(tuple(error["loc"])),
        limit=context.get("max_length", context.get("ge", "")),
        expected=context.get("expected", ""),
    )


def _json_problem(parser_message: str) -> str:
    """The JSON parser's complaint in Dutch, with its line and column."""
    place = re.search(r"line (\d+) column (\d+)", parser_message)
    line, column = place.groups() if place else ("?", "?")
    key = "exchange.too_deep" if "recursion limit" in parser_message else "exchange.not_json"
    return t(key, line=line, column=column)


def refuse_larger_than_allowed(size: int) -> None:
    """Refuse a file of ``size`` bytes over MAX_IMPORT_BYTES, naming its size: checked before
    reading by whoever knows it (the command line reads at most the limit + 1 byte, which would
    name every larger file "1 MB")."""
    if size > MAX_IMPORT_BYTES:
        raise ImportRejected(
            [t("exchange.too_large", size=size_label(size), limit=size_label(MAX_IMPORT_BYTES))]
        )


def _parse(raw: bytes | str) -> ExportFile:
    # a byte order mark, as Windows Notepad writes one, is not part of the JSON
    raw = (
        raw.removeprefix(b"\xef\xbb\xbf") if isinstance(raw, bytes) else raw.removeprefix("\ufeff")
    )
    refuse_larger_than_allowed(len(raw.encode("utf-8") if isinstance(raw, str) else raw))
    if not raw:
        raise ImportRejected([t("exchange.empty")])
    document, duplicate = _decode(raw)
    if duplicate is not None:
        raise ImportRejected([t("exchange.duplicate_key", key=duplicate)])
    if _version_1(document):  # read as version 2 with what version 2 added left empty
        added = [key for key in ADDED_IN_2 if key in document["project"]]
        if added:
            raise ImportRejected(
                [t("exchange.schema.extra", where=f"project.{key}") for key in added]
            )
        raw = json.dumps({**document, "project": upgraded(document["project"])})
    try:
        return ExportFile.model_validate_json(raw)
    except ValidationError as error:
        problems: list[str] = []
        for detail in error.errors(include_url=False):
            if detail["type"] == "json_invalid":
                message = _json_problem(str(detail.get("ctx", {}).get("error", "")))
                raise ImportRejected([message]) from None
            problems.append(_describe(detail))
        raise ImportRejected(problems) from None


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen.add(key)
    return dict(pairs)


def _decode(raw: bytes | str) -> tuple[Any, str | None]:
    """The decoded JSON (None when it is not JSON), and a key written twice in one object
    (``"answer":"nee","answer":"ja"``): JSON parsers keep the last one silently, so what a person
    reads in the file is not what would be stored. Invalid JSON is left to the schema check,
    which says where it breaks."""
    try:
        return json.loads(raw, object_pairs_hook=_refuse_duplicates), None
    except _DuplicateKey as duplicate:
        return None, duplicate.key
    except (ValueError, RecursionError):
        return None, None


def _version_1(document: Any) -> bool:
    """A version 1 file whose project is an object (anything else is left to the schema check)."""
    return (
        isinstance(document, dict)
        and type(document.get("format_version")) is int
        and document["format_version"] == 1
        and isinstance(document.get("project"), dict)
    )


def _references(data: ExportFile, toolkaart: Toolkaart, retired: Retired) -> list[str]:
    """Every id in the file that the current content does not know (a checklist item may be one
    an earlier content version had on that phase: ``retired``)."""
    problems: list[str] = []
    known_tools = {tool.id for tool in toolkaart.tools}
    known_actors = {actor.id for actor in toolkaart.actors}

    def items_of(phase_id: str) -> set[str]:
        current = {item.id for item in toolkaart.phase(phase_id).checklist}
        return current | retired.get(phase_id, frozenset())

    def phase_known(phase_id: str, where: str) -> bool:
        if toolkaart.has_phase(phase_id):
            return True
        problems.append(t("exchange.unknown_phase", where=where, phase=phase_id))
        return False

    for phase_id, item_ids in data.project.checklist.items():
        where = f"project.checklist.{phase_id}"
        if phase_known(phase_id, where):
            known = items_of(phase_id)
            problems += [
                t("exchange.unknown_item", where=where, item=item, phase=phase_id)
                for item in item_ids
                if item not in known
            ]
    for number, decision in enumerate(data.project.decisions, start=1):
        where = f"project.decisions[{number}]"
        if phase_known(decision.phase, f"{where}.phase"):
            known = items_of(decision.phase)
            problems += [
                t(
                    "exchange.unknown_item",
                    where=f"{where}.open_items",
                    item=item,
                    phase=decision.phase,
                )
                for item in decision.open_items
                if item not in known
            ]
    for number, evidence in enumerate(data.project.evidence, start=1):
        where = f"project.evidence[{number}]"
        if phase_known(evidence.phase, f"{where}.phase") and evidence.item not in items_of(
            evidence.phase
        ):
            problems.append(
                t("exchange.unknown_item", where=f"{where}.item", item=evidence.item,
                  phase=evidence.phase)
            )  # fmt: skip
    for number, note in enumerate(data.project.notes, start=1):
        phase_known(note.phase, f"project.notes[{number}].phase")
    problems += [
        t("exchange.unknown_actor", where=f"project.people[{number}].actor", actor=person.actor)
        for number, person in enumerate(data.project.people, start=1)
        if person.actor not in known_actors
    ]
    route = data.route
    phase_known(route.current_phase, "route.current_phase")
    phase_known(route.next_phase.id, "route.next_phase.id")
    problems += [
        t("exchange.unknown_tool", where="route.next_phase.tools", tool=tool)
        for tool in route.next_phase.tools
        if tool not in known_tools
    ]
    problems += [
        t("exchange.unknown_actor", where="route.next_phase.actors", actor=actor)
        for actor in route.next_phase.actors
        if actor not in known_actors
    ]
    return problems


def read_project(raw: bytes | str, toolkaart: Toolkaart, retired: Retired | None = None) -> Project:
    """Check an exchange file completely and return its project (not saved); ImportRejected else.

    ``retired``: per phase, the checklist items an earlier content version known here had and
    the serving content no longer has (``content_changes.retired_items``). A walk made before
    such an item was removed may hold it (ticked, an open item of a decision, evidence): it is
    kept, as the navigator keeps it, and shown as vervallen. Any other unknown id is refused.
    """
    retired = retired or {}
    data = _parse(raw)
    if data.format_version not in READABLE_VERSIONS:
        raise ImportRejected([t("exchange.format_version", found=data.format_version)])
    problems = _references(data, toolkaart, retired) + _implausible(data)
    if problems:
        raise ImportRejected(problems)
    project = data.project.to_project()
    try:  # replayed through the rules deciding in the app uses (dates, texts, gates, order)
        validate_log(toolkaart, project.assessment.decisions, retired)
    except GateError as error:
        raise ImportRejected([str(error)]) from None
    decisions = tuple(
        replace(
            d, rationale=clean_rationale(d.rationale), decided_by=clean_decided_by(d.decided_by)
        )
        for d in project.assessment.decisions
    )  # kept as the app keeps them: line breaks as \n, one-line fields on one line
    project = project.with_assessment(replace(project.assessment, decisions=decisions))
    project = _records(project, toolkaart, retired)
    try:  # the details checked as when typed in; the file's version is not carried over
        return with_details(
            replace(project, version=0),
            name=project.name,
            organisation=project.organisation,
            description=project.description,
            contact=project.contact,
        )
    except (ProjectError, TextError) as error:
        raise ImportRejected([str(error)]) from None


def _records(project: Project, toolkaart: Toolkaart, retired: Retired) -> Project:
    """The project's evidence, people and notes made again by the rules that make them in the app
    (texts cleaned, addresses https only, limits), or ImportRejected naming each one refused."""
    problems: list[str] = []

    def remade(
        kind: str, entries: tuple[Record, ...], make: Callable[[Record], Record]
    ) -> tuple[Record, ...]:
        kept = []
        for number, entry in enumerate(entries, start=1):
            try:
                kept.append(make(entry))
            except MessageError as error:
                problems.append(
                    t("exchange.record", where=f"project.{kind}[{number}]", error=error)
                )
        return tuple(kept)

    evidence = remade(
        "evidence",
        project.evidence,
        lambda e: new_evidence(
            toolkaart,
            e.phase_id,
            e.item_id,
            retired=retired.get(e.phase_id, frozenset()),
            note=e.note,
            url=e.url,
            added_by=e.added_by,
            added_at=e.added_at,
        ),
    )
    people = remade(
        "people",
        project.people,
        lambda p: new_person(
            toolkaart, p.actor_id, name=p.name, function=p.function, contact=p.contact
        ),
    )
    notes = remade(
        "notes",
        project.notes,
        lambda n: new_note(toolkaart, n.phase_id, n.text, author=n.author, written_at=n.written_at),
    )
    try:
        check_people(people)
    except MessageError as error:
        problems.append(t("exchange.record", where="project.people", error=error))
    if problems:
        raise ImportRejected(problems)
    return replace(project, evidence=evidence, people=people, notes=notes)


#: Times outside these years cannot be meant, and some cannot be stored (converting them to UTC
#: overflows).
_YEARS = range(1970, 3000)
#: A file's times may run this far ahead of this server's clock (another machine's clock), no more.
_CLOCK_SKEW = dt.timedelta(days=1)
#: The ids the app makes (``route.project.new_project_id``); a file's other ids are not kept.
_APP_ID = re.compile(r"^[0-9a-f]{16}$")


def _implausible(data: ExportFile) -> list[str]:
    """Times that cannot be meant or stored, each said in Dutch (the decisions' dates and texts
    are checked by replaying the log through the gate rules)."""
    problems: list[str] = []
    source = data.project
    now = dt.datetime.now(dt.UTC)
    moments = [
        ("exported_at", data.exported_at),
        ("project.created_at", source.created_at),
        ("project.updated_at", source.updated_at),
    ]
    moments += [
        (f"project.evidence[{number}].added_at", evidence.added_at)
        for number, evidence in enumerate(source.evidence, start=1)
    ]
    moments += [
        (f"project.notes[{number}].written_at", note.written_at)
        for number, note in enumerate(source.notes, start=1)
    ]
    for where, moment in moments:
        if moment.tzinfo is None:
            problems.append(t("exchange.time_without_zone", where=where, value=moment.isoformat()))
        elif moment.year not in _YEARS or moment > now + _CLOCK_SKEW:
            problems.append(t("exchange.implausible_time", where=where, value=moment.isoformat()))
    if source.created_at.tzinfo is not None and source.created_at.year in _YEARS:
        created = local_date(source.created_at)
        for number, decision in enumerate(source.decisions, start=1):
            if decision.decided_on < created:
                problems.append(
                    t(
                        "exchange.before_created",
                        number=number,
                        date=date_label(decision.decided_on),
                        created=date_label(created),
                    )
                )
                break
    for number, decision in enumerate(source.decisions, start=1):
        where = f"project.decisions[{number}]"
        if decision.next_review is not None and decision.next_review.year not in _YEARS:
            problems.append(
                t(
                    "exchange.implausible_time",
                    where=f"{where}.next_review",
                    value=decision.next_review.isoformat(),
                )
            )
    return problems


def import_project(
    store: Store, raw: bytes | str, toolkaart: Toolkaart, organisation: str | None = None
) -> Project:
    """Check ``raw`` and save it as a new project, in ``organisation`` when given (in a service,
    the one the person chose among those they may write to), else in the file's. Refused files
    raise ImportRejected and change nothing; an organisation the store's acting person may not
    write to, StoreError.

    The project keeps the file's id in local mode when that id is free (a project moved from
    one navigator to another keeps its links), and gets a new one otherwise: in a service always,
    since keeping a free id and replacing a taken one would tell whether the id is in use in an
    organisation the person cannot see. When the person can see a project with that id, the new
    one is named a copy ("(kopie)"), so that their list tells the two apart."""
    retired = retired_items(store.known_outlines(), toolkaart)
    project = read_project(raw, toolkaart, retired).decided_with(toolkaart, None)
    if organisation is not None:
        project = replace(project, organisation=organisation)
    copy = _readable(store, project.id)  # in local mode: whether the id is taken at all
    if copy:
        name = t("exchange.copy_name", name=project.name)[: FIELD_LIMITS["name"]]
        project = replace(project, name=name)
    if copy or not store.acting.local or not _APP_ID.match(project.id):
        project = replace(project, id=new_project_id())
    return store.insert(project, event=Event.PROJECT_IMPORTED, content=outline(toolkaart))


def _readable(store: Store, project_id: str) -> bool:
    """May the store's acting person read this project? (``Store.get`` answers a project they may
    not read as one that does not exist.)"""
    try:
        store.get(project_id)
    except ProjectNotFound:
        return False
    return True
