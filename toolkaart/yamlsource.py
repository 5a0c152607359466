"""Parse one YAML file into plain data plus the position of every value.

PyYAML's C parser produces events; we build the data from them iteratively instead of composing a
node tree. That gives, in one pass and without recursion: a depth limit (deeply nested input cannot
exhaust the stack), refusal of aliases (no "billion laughs"), duplicate-key detection (PyYAML
silently keeps the last) and a position for every key and value, so later checks can say
``path:line:col``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import ScalarNode

MAX_DEPTH = 64
#: Most entries one mapping or sequence may hold (1000x the shipped content still fits).
MAX_ENTRIES = 100_000
STR_TAG = "tag:yaml.org,2002:str"
_SCALAR_TAGS = frozenset(
    "tag:yaml.org,2002:" + name for name in ("null", "bool", "int", "float", "timestamp", "str")
)


@dataclass(frozen=True)
class Position:
    """1-based line and column."""

    line: int
    col: int


@dataclass
class Located:
    """Positions inside a mapping or sequence.

    For a mapping, ``children`` maps each key to ``(key position, child)``; for a sequence it is a
    list of children. A child is a Position (scalar) or another Located (collection).
    """

    position: Position
    children: dict[str, tuple[Position, Position | Located]] | list[Position | Located] = field(
        default_factory=dict
    )

    def locate(self, loc: tuple[str | int, ...]) -> tuple[Position, bool]:
        """Position of the value at ``loc``, or of the deepest existing ancestor.

        Returns the position and whether the whole path was found.
        """
        current: Position | Located = self
        for step in loc:
            if not isinstance(current, Located):
                return current, False
            children = current.children
            if isinstance(children, dict) and isinstance(step, str) and step in children:
                current = children[step][1]
            elif isinstance(children, list) and isinstance(step, int) and 0 <= step < len(children):
                current = children[step]
            else:
                return current.position, False
        return (current.position if isinstance(current, Located) else current), True

    def key_position(self, loc: tuple[str | int, ...]) -> Position | None:
        """Position of the key of the last step of ``loc`` in its mapping, if any."""
        parent: Position | Located = self
        for step in loc[:-1]:
            if not isinstance(parent, Located):
                return None
            children = parent.children
            if isinstance(children, dict) and isinstance(step, str) and step in children:
                parent = children[step][1]
            elif isinstance(children, list) and isinstance(step, int) and 0 <= step < len(children):
                parent = children[step]
            else:
                return None
        if isinstance(parent, Located) and isinstance(parent.children, dict) and loc:
            entry = parent.children.get(str(loc[-1]))
            return entry[0] if entry else None
        return None


class YamlProblem(Exception):
    """A located problem found while reading YAML."""

    def __init__(self, message: str, position: Position) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


def _pos(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _position_in_text(text: str, index: int) -> Position:
    index = max(0, min(index, len(text)))
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return Position(line, col)


def parse_yaml(text: str) -> tuple[Any, Located | Position]:
    """Parse a single YAML document into plain data and its positions.

    Raises YamlProblem for anything that is not acceptable content YAML.
    """
    loader = yaml.CSafeLoader(text)
    try:
        return _build(loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        position = _pos(mark) if mark is not None else Position(1, 1)
        message = " ".join(part for part in (error.context, error.problem) if part)
        raise YamlProblem(f"YAML syntax: {message or 'invalid YAML'}", position) from None
    except yaml.reader.ReaderError as error:
        raise YamlProblem(
            f"YAML syntax: {error.reason}", _position_in_text(text, error.position)
        ) from None
    except yaml.YAMLError as error:
        raise YamlProblem(f"YAML syntax: {error}", Position(1, 1)) from None
    finally:
        loader.dispose()


def _scalar(loader: Any, event: Any) -> Any:
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(ScalarNode, event.value, event.implicit)
    if tag == STR_TAG:
        return event.value
    if tag not in _SCALAR_TAGS:
        raise YamlProblem(f"unsupported YAML tag '{tag}'", _pos(event.start_mark))
    node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    try:
        return loader.yaml_constructors[tag](loader, node)
    except (ValueError, OverflowError, yaml.YAMLError):
        raise YamlProblem(
            f"'{event.value[:40]}' is not a valid {tag.rsplit(':', 1)[-1]}", _pos(event.start_mark)
        ) from None


def _build(loader: Any) -> tuple[Any, Located | Position]:
    # Each frame: [container, located, pending key or None, pending key position or None]
    stack: list[list[Any]] = []
    result: Any = None
    result_position: Located | Position = Position(1, 1)
    documents = 0
    empty = True

    def attach(value: Any, position: Position | Located, mark: Any) -> None:
        nonlocal result, result_position
        if not stack:
            result, result_position = value, position
            return
        frame = stack[-1]
        container, located = frame[0], frame[1]
        if len(container) >= MAX_ENTRIES:
            raise YamlProblem(f"more than {MAX_ENTRIES} entries in one list or mapping", _pos(mark))
        if isinstance(container, list):
            container.append(value)
            located.children.append(position)
            return
        key = frame[2]
        if key is None:
            if not isinstance(value, str | int | float | bool) and value is not None:
                raise YamlProblem("a mapping key must be plain text", _pos(mark))
            key_text = value if isinstance(value, str) else str(value)
            if key_text in container:
                first = located.children[key_text][0]
                raise YamlProblem(
                    f"duplicate key '{key_text}' (first at line {first.line})", _pos(mark)
                )
            frame[2], frame[3] = key_text, _pos(mark)
            return
        container[key] = value
        located.children[key] = (frame[3], position)
        frame[2] = frame[3] = None

    while loader.check_event():
        event = loader.get_event()
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.anchor is not None:
                raise YamlProblem("anchors and aliases are not supported", _pos(event.start_mark))
            empty = False
            attach(_scalar(loader, event), _pos(event.start_mark), event.start_mark)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            empty = False
            if event.anchor is not None:
                raise YamlProblem("anchors and aliases are not supported", _pos(event.start_mark))
            if event.tag not in (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
                raise YamlProblem(f"unsupported YAML tag '{event.tag}'", _pos(event.start_mark))
            if len(stack) >= MAX_DEPTH:
                raise YamlProblem(f"nested deeper than {MAX_DEPTH} levels", _pos(event.start_mark))
            if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is None:
                raise YamlProblem("a mapping key must be plain text", _pos(event.start_mark))
            is_mapping = kind is yaml.MappingStartEvent
            container: Any = {} if is_mapping else []
            located = Located(_pos(event.start_mark), {} if is_mapping else [])
            stack.append([container, located, None, None, event.start_mark])
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            frame = stack.pop()
            attach(frame[0], frame[1], frame[4])
        elif kind is yaml.AliasEvent:
            raise YamlProblem("anchors and aliases are not supported", _pos(event.start_mark))
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise YamlProblem(
                    "a content file holds one YAML document; remove the second '---'",
                    _pos(event.start_mark),
                )
    if empty:
        raise YamlProblem("the file is empty", Position(1, 1))
    return result, result_position
