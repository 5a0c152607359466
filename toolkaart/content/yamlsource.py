"""Parse one YAML file into plain data plus the position of every value.

PyYAML's C parser produces events; we build the data from them iteratively instead of composing a
node tree. That gives, in one pass and without recursion: a depth limit (deeply nested input cannot
exhaust the stack), refusal of aliases (no "billion laughs"), duplicate-key detection (PyYAML
silently keeps the last) and a position for every key and value, so later checks can say
``path:line:col``. Every message is Dutch, from the string catalog: programme staff read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import ScalarNode

from toolkaart.i18n.catalog import t

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


#: libyaml's complaints that a person editing content meets, each with a Dutch explanation in the
#: catalog (``content.yaml.problem.<name>``); any other is passed on inside a Dutch sentence.
_SYNTAX_PROBLEMS = {
    "did not find expected ',' or ']'": "unclosed_list",
    "did not find expected ',' or '}'": "unclosed_mapping",
    "found unexpected end of stream": "end_of_file",
    "mapping values are not allowed in this context": "colon_here",
    "did not find expected key": "no_key",
    "could not find expected ':'": "no_colon",
    "did not find expected '-' indicator": "no_dash",
    "block sequence entries are not allowed in this context": "dash_here",
    "found character that cannot start any token": "bad_character",
    "found a tab character that violates indentation": "tab",
    "found a tab character where an indentation space is expected": "tab",
    "control characters are not allowed": "control_character",
    "found unknown escape character": "escape",
    "did not find expected node content": "no_value",
}

#: A position as the C parser hands it out (``.line`` and ``.column``, 0-based). Kept as is while
#: building, and turned into a Position only when a message needs it: most are never asked for.
Mark = Any


class Located:
    """Positions inside a mapping or sequence.

    For a mapping, ``children`` maps each key to ``(key mark, child)``; for a sequence it is a list
    of children. A child is a Mark (scalar) or another Located (collection).
    """

    __slots__ = ("children", "mark")

    def __init__(self, mark: Mark, children: dict[str, tuple[Mark, Any]] | list[Any]) -> None:
        self.mark = mark
        self.children = children

    @property
    def position(self) -> Position:
        return _pos(self.mark)

    def _walk(self, loc: tuple[str | int, ...]) -> tuple[Located | Mark, int]:
        """The deepest child along ``loc`` and how many steps of it were found."""
        current: Located | Mark = self
        for depth, step in enumerate(loc):
            if not isinstance(current, Located):
                return current, depth
            children = current.children
            if isinstance(children, dict) and isinstance(step, str) and step in children:
                current = children[step][1]
            elif isinstance(children, list) and isinstance(step, int) and 0 <= step < len(children):
                current = children[step]
            else:
                return current, depth
        return current, len(loc)

    def locate(self, loc: tuple[str | int, ...]) -> tuple[Position, bool]:
        """Position of the value at ``loc``, or of the deepest existing ancestor.

        Returns the position and whether the whole path was found.
        """
        found, depth = self._walk(loc)
        mark = found.mark if isinstance(found, Located) else found
        return _pos(mark), depth == len(loc)

    def key_position(self, loc: tuple[str | int, ...]) -> Position | None:
        """Position of the key of the last step of ``loc`` in its mapping, if any."""
        if not loc:
            return None
        parent, depth = self._walk(loc[:-1])
        if depth < len(loc) - 1 or not isinstance(parent, Located):
            return None
        if isinstance(parent.children, dict):
            entry = parent.children.get(str(loc[-1]))
            return _pos(entry[0]) if entry else None
        return None


class YamlProblem(Exception):
    """A located problem found while reading YAML."""

    def __init__(self, message: str, position: Position) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


def _syntax(problem: str | None) -> str:
    """libyaml's ``problem`` in Dutch. Its ``context`` ("while parsing a block mapping") is left
    out: the Dutch explanations say what to check, and the position says where."""
    name = _SYNTAX_PROBLEMS.get(problem or "")
    explained = (
        t(f"content.yaml.problem.{name}")
        if name
        else t("content.yaml.problem.other", original=problem or "?")
    )
    return t("content.yaml.syntax", problem=explained)


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
        raise YamlProblem(_syntax(error.problem), position) from None
    except yaml.reader.ReaderError as error:
        raise YamlProblem(_syntax(error.reason), _position_in_text(text, error.position)) from None
    except yaml.YAMLError as error:
        raise YamlProblem(_syntax(str(error)), Position(1, 1)) from None
    finally:
        loader.dispose()


def _scalar(loader: Any, event: Any) -> Any:
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(ScalarNode, event.value, event.implicit)
    if tag == STR_TAG:
        return event.value
    if tag not in _SCALAR_TAGS:
        raise YamlProblem(t("content.yaml.tag", tag=tag), _pos(event.start_mark))
    node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    # An explicit tag skips the resolver's check of the text: '!!bool maybe' fails with KeyError
    # and '!!timestamp x' with AttributeError inside PyYAML. Only the null constructor never fails.
    try:
        return loader.yaml_constructors[tag](loader, node)
    except (ValueError, OverflowError, KeyError, AttributeError, yaml.YAMLError):
        kind = tag.rsplit(":", 1)[-1]
        raise YamlProblem(
            t(f"content.yaml.bad_value.{kind}", value=event.value[:40]), _pos(event.start_mark)
        ) from None


def _build(loader: Any) -> tuple[Any, Located | Position]:
    # One frame per open collection: [container, located, pending key or None, its mark or None]
    stack: list[list[Any]] = []
    result: Any = None
    result_where: Located | Position = Position(1, 1)
    documents = 0
    empty = True
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent

    while loader.check_event():
        event = loader.get_event()
        kind = type(event)
        if kind is scalar_event or kind is mapping_end or kind is sequence_end:
            if kind is scalar_event:
                if event.anchor is not None:
                    raise YamlProblem(t("content.yaml.alias"), _pos(event.start_mark))
                empty = False
                value: Any = _scalar(loader, event)
                mark = event.start_mark
                where: Any = mark
            else:
                container, where, _, _, mark = stack.pop()
                value = container
            # attach the finished value to its parent
            if not stack:
                result = value
                result_where = where if isinstance(where, Located) else _pos(where)
                continue
            frame = stack[-1]
            parent, located = frame[0], frame[1]
            if len(parent) >= MAX_ENTRIES:
                raise YamlProblem(t("content.yaml.too_many", limit=MAX_ENTRIES), _pos(mark))
            if type(parent) is list:
                parent.append(value)
                located.children.append(where)
            elif frame[2] is None:
                if kind is not scalar_event:
                    raise YamlProblem(t("content.yaml.key_not_text"), _pos(mark))
                key = value if type(value) is str else str(value)
                if key in parent:
                    first = _pos(located.children[key][0])
                    raise YamlProblem(
                        t("content.yaml.duplicate_key", key=key, line=first.line), _pos(mark)
                    )
                frame[2], frame[3] = key, mark
            else:
                parent[frame[2]] = value
                located.children[frame[2]] = (frame[3], where)
                frame[2] = frame[3] = None
        elif kind is mapping_start or kind is sequence_start:
            empty = False
            mark = event.start_mark
            if event.anchor is not None:
                raise YamlProblem(t("content.yaml.alias"), _pos(mark))
            if event.tag not in (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
                raise YamlProblem(t("content.yaml.tag", tag=event.tag), _pos(mark))
            if len(stack) >= MAX_DEPTH:
                raise YamlProblem(t("content.yaml.too_deep", limit=MAX_DEPTH), _pos(mark))
            if stack and type(stack[-1][0]) is dict and stack[-1][2] is None:
                raise YamlProblem(t("content.yaml.key_not_text"), _pos(mark))
            if kind is mapping_start:
                stack.append([{}, Located(mark, {}), None, None, mark])
            else:
                stack.append([[], Located(mark, []), None, None, mark])
        elif kind is alias_event:
            raise YamlProblem(t("content.yaml.alias"), _pos(event.start_mark))
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise YamlProblem(t("content.yaml.two_documents"), _pos(event.start_mark))
    if empty:
        raise YamlProblem(t("content.yaml.empty"), Position(1, 1))
    return result, result_where
