"""Load a content directory into a validated Toolkaart, reporting every problem at once.

Three passes, each collecting located diagnostics instead of stopping at the first:

1. parse each file (YAML syntax, size, encoding, depth, aliases, duplicate keys);
2. validate each file's data against its pydantic model (types, missing and unknown fields);
3. check what links the files (unknown and duplicate ids, route order, numbering).

Every message is Dutch, from the string catalog (``content.*``): programme staff read them on the
Beheer page and from ``toolkaart validate``. pydantic's own English messages are never passed on:
each kind of validation error the content models can raise has its Dutch text (``_VALUE_KEYS``).
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from toolkaart.content.cross_checks import check_phases, check_route, check_sequence
from toolkaart.content.diagnostics import ContentError, ContentFile, Diagnostic
from toolkaart.content.models import (
    CONTENT_FILES,
    ActorsFile,
    Meta,
    PhasesFile,
    Toolkaart,
    ToolsFile,
)
from toolkaart.content.yamlsource import Located, Position, YamlProblem, parse_yaml
from toolkaart.i18n.catalog import counted, t
from toolkaart.settings import settings

M = TypeVar("M", bound=BaseModel)

#: Larger content files are refused unread: bounded time and memory whatever a file holds.
MAX_FILE_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class LoadResult:
    """The outcome of loading: the content (None if any error) and every diagnostic."""

    toolkaart: Toolkaart | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.is_error)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if not d.is_error)

    def unwrap(self) -> Toolkaart:
        """The content, or ContentError with every diagnostic."""
        if self.toolkaart is None:
            raise ContentError(self.diagnostics)
        return self.toolkaart


def _display_loc(loc: Sequence[str | int]) -> str:
    """Where in the file, as its keys and 0-based list indexes say it (``phases[2].number``), or
    'bestand' for the file as a whole."""
    text = ""
    for step in loc:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text or t("content.where.file")


#: pydantic's error types that the content models can raise → the catalog key of their Dutch text
#: (``content.value.<key>``); the context values (limits) fill it in, see ``_value_problem``.
_VALUE_KEYS = {
    "string_type": "string_type",
    "string_too_short": "string_too_short",
    "string_too_long": "string_too_long",
    "string_pattern_mismatch": "string_pattern_mismatch",
    "int_type": "int_type",
    "greater_than_equal": "greater_than_equal",
    "tuple_type": "tuple_type",
    "too_short": "too_short",
    "too_long": "too_long",
    "model_type": "model_type",
    "date_type": "date",
    "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date",
}


def _value_problem(detail: ErrorDetails) -> str:
    """pydantic's complaint about a value, in Dutch.

    A model's own validator raises ValueError with a Dutch text already (``value_error``); a type
    not mapped above gets one Dutch fallback naming the type, so a new constraint in the models
    never shows English, and the name says what to add here.
    """
    kind = detail["type"]
    context = detail.get("ctx", {})
    if kind == "value_error":
        return str(context["error"])
    key = _VALUE_KEYS.get(kind)
    if key is None:
        return t("content.value.other", type=kind)
    noun = "character" if kind.startswith("string") else "element"
    limit = context.get("min_length", context.get("max_length"))
    length = counted(noun, int(limit)) if limit is not None else None
    return t(f"content.value.{key}", length=length, ge=context.get("ge"))


class YamlFileError(Exception):
    """A content file that cannot be read or parsed, with where and why."""

    def __init__(self, position: Position, message: str) -> None:
        super().__init__(message)
        self.position = position
        self.message = message


def read_yaml_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> tuple[Any, Located | Position]:
    """Read and parse one content file: its data and the position of every value.

    Raises YamlFileError when the file is missing, not a regular file, too large, not UTF-8 or not
    acceptable YAML (see toolkaart.content.yamlsource).
    """
    start = Position(1, 1)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise YamlFileError(start, t("content.file.not_a_file"))
        if size > max_bytes:
            raise YamlFileError(start, t("content.file.too_large", size=size, limit=max_bytes))
        raw = path.read_bytes()[: max_bytes + 1]
    except FileNotFoundError:
        raise YamlFileError(start, t("content.file.missing")) from None
    except PermissionError:
        raise YamlFileError(start, t("content.file.no_permission")) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise YamlFileError(start, t("content.file.unreadable", reason=reason)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        # the column counts characters, as editors and the YAML marks do, not bytes
        col = len(raw[line_start : error.start].decode("utf-8")) + 1
        line = raw.count(b"\n", 0, error.start) + 1
        raise YamlFileError(Position(line, col), t("content.file.not_utf8")) from None
    try:
        return parse_yaml(text)
    except YamlProblem as problem:
        raise YamlFileError(problem.position, problem.message) from None


class _Unreadable:
    """Marks a file that could not be parsed (its problem is already reported)."""


UNREADABLE = _Unreadable()


def _read(file: ContentFile, path: Path, max_bytes: int) -> Any:
    """Parsed data of one file, or UNREADABLE after reporting why it could not be read."""
    try:
        data, file.located = read_yaml_file(path, max_bytes)
    except YamlFileError as error:
        file.report("error", error.position, error.message)
        return UNREADABLE
    return data


def _validate(file: ContentFile, model: type[M], data: Any) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        details = error.errors(include_url=False)
        nested = {
            tuple(detail["loc"][:cut]) for detail in details for cut in range(len(detail["loc"]))
        }
        for detail in details:
            loc = tuple(step for step in detail["loc"] if isinstance(step, str | int))
            kind = detail["type"]
            if kind == "too_short" and tuple(detail["loc"]) in nested:
                continue  # a consequence of errors inside the collection, reported themselves
            if kind == "missing":
                problem = t("content.field.missing", field=loc[-1])
                file.report("error", file.at(loc[:-1]), f"{_display_loc(loc[:-1])}: {problem}")
            elif kind == "extra_forbidden":
                problem = t("content.field.unknown", field=loc[-1])
                file.report("error", file.key_at(loc), f"{_display_loc(loc)}: {problem}")
            else:
                problem = _value_problem(detail)
                file.report("error", file.at(loc), f"{_display_loc(loc)}: {problem}")
        return None


def load_content(directory: Path | str, *, max_file_bytes: int = MAX_FILE_BYTES) -> LoadResult:
    """Load and validate a content directory; never raises for anything a file holds.

    The cyclic garbage collector is paused meanwhile: loading builds many small acyclic objects,
    and the collections they trigger made loading grow faster than the content (measured at 1000
    times the shipped size: 7.9 s parsing with the collector against 3.6 s without).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load_content(Path(directory), max_file_bytes)
    finally:
        if collecting:
            gc.enable()


def _load_content(directory: Path, max_file_bytes: int) -> LoadResult:
    sink: list[Diagnostic] = []
    files = {name: ContentFile(str(directory / name), sink) for name in CONTENT_FILES}
    parsed = {name: _read(files[name], directory / name, max_file_bytes) for name in CONTENT_FILES}

    def validated(name: str, model: type[M]) -> M | None:
        if parsed[name] is UNREADABLE:
            return None
        return _validate(files[name], model, parsed[name])

    meta = validated("meta.yaml", Meta)
    actors_file = validated("actors.yaml", ActorsFile)
    tools_file = validated("tools.yaml", ToolsFile)
    phases_file = validated("phases.yaml", PhasesFile)

    actor_ids = _known_ids(parsed["actors.yaml"], "actors")
    tool_ids = _known_ids(parsed["tools.yaml"], "tools")
    if actors_file:
        check_sequence(files["actors.yaml"], "actors", "actor", actors_file.actors)
    if tools_file:
        check_sequence(files["tools.yaml"], "tools", "tool", tools_file.tools)
        for index, tool in enumerate(tools_file.tools):
            if tool.url is None:
                files["tools.yaml"].report(
                    "warning",
                    files["tools.yaml"].at(("tools", index)),
                    t("content.diag.no_address", id=tool.id),
                )
    if phases_file:
        check_phases(files["phases.yaml"], phases_file.phases, actor_ids, tool_ids)
    if meta and phases_file:
        check_route(files["meta.yaml"], files["phases.yaml"], meta.route, phases_file.phases)

    diagnostics = tuple(sorted(sink, key=_sort_key)) + tuple(
        line for file in files.values() for line in file.summary()
    )
    if any(d.is_error for d in diagnostics) or not (
        meta and actors_file and tools_file and phases_file
    ):
        return LoadResult(None, diagnostics)
    toolkaart = Toolkaart.model_construct(
        meta=meta,
        phases=phases_file.phases,
        actors=actors_file.actors,
        tools=tools_file.tools,
    )
    return LoadResult(toolkaart, diagnostics)


def _known_ids(data: Any, key: str) -> set[str] | None:
    """The ids a file defines, read from its raw data so that references can still be checked when
    another part of that file is invalid; None when the file gives no list to read them from."""
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return None
    return {
        item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)
    }


def load_toolkaart(directory: Path | str | None = None) -> Toolkaart:
    """The validated content of ``directory`` (default: the configured content directory).

    Raises ContentError carrying every diagnostic when the content has errors.
    """
    return load_content(directory if directory is not None else settings().content_dir).unwrap()


_FILE_ORDER = {name: index for index, name in enumerate(CONTENT_FILES)}


def _sort_key(diagnostic: Diagnostic) -> tuple[int, int, int]:
    return (_FILE_ORDER.get(Path(diagnostic.path).name, 99), diagnostic.line, diagnostic.col)


__all__ = [
    "MAX_FILE_BYTES",
    "ContentError",
    "LoadResult",
    "Meta",
    "load_content",
    "load_toolkaart",
]
