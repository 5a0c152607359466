"""The string table: counted nouns, and every key used and every refusal given a string."""

from __future__ import annotations

import ast
from pathlib import Path

import toolkaart
from toolkaart import errors
from toolkaart.i18n.catalog import NL, counted


def test_counted_nouns_agree_with_their_number() -> None:
    assert counted("error", 1) == "1 fout"
    assert counted("error", 2) == "2 fouten"
    assert counted("warning", 0) == "0 waarschuwingen"
    assert counted("project", 1) == "1 project"
    assert counted("open_item", 3) == "3 open punten"


def test_no_string_hedges_its_plural() -> None:
    assert [key for key, text in NL.items() if "(en)" in text] == []


PACKAGE = Path(toolkaart.__file__).parent


def _sources() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in PACKAGE.rglob("*.py")]


def _refusal_prefixes() -> dict[str, str]:
    """Every MessageError kind by class name → its catalog prefix."""
    kinds: dict[str, str] = {}
    for name in dir(errors):
        kind = getattr(errors, name)
        if (
            isinstance(kind, type)
            and issubclass(kind, errors.MessageError)
            and kind is not errors.MessageError
        ):
            kinds[name] = kind.prefix
    return kinds


def test_every_refusal_raised_has_a_string_in_the_catalog() -> None:
    kinds = _refusal_prefixes()
    missing: list[str] = []
    raised = 0
    for path, tree in _sources():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id in kinds and node.args and isinstance(node.args[0], ast.Constant):
                raised += 1
                key = f"{kinds[node.func.id]}.{node.args[0].value!s}"
                if key not in NL:
                    missing.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {key}")
    assert raised > 20  # the scan found the domain's refusals
    assert missing == []


def _built_from_named_parts(key: str, heads: set[str], tails: set[str]) -> bool:
    """``f"{labels}.{extension}"`` with ``labels = "scan.export"`` and ``"pdf"`` both in the code."""
    head, _, tail = key.rpartition(".")
    return head in heads and tail in tails


def test_every_catalog_key_is_used() -> None:
    """A key is used when the code names it, or builds it from a named prefix (f"month.{n}")."""
    literals: set[str] = set()
    prefixes: set[str] = set(_refusal_prefixes().values())
    for path, tree in _sources():
        in_catalog = path.name == "catalog.py"  # its keys are the strings sought, not uses
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and not in_catalog:
                literals.add(node.value)
            if isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                if isinstance(first, ast.Constant) and str(first.value).endswith("."):
                    prefixes.add(str(first.value).rstrip("."))
    unused = [
        key
        for key in NL
        if key not in literals
        and not any(key.startswith(prefix + ".") for prefix in prefixes)
        and not _built_from_named_parts(key, prefixes | literals, literals)
    ]
    assert unused == []
