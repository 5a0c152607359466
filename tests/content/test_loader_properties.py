"""Property: whatever a content file holds, the loader answers with located diagnostics.

Arbitrary text, arbitrary bytes, text-level mutations and structure-level mutations of the shipped
content never leave ``load_content`` as an exception, and every diagnostic is located in the file.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import CONTENT
from toolkaart.content.loader import LoadResult, load_content

PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ORIGINAL = {
    name: (CONTENT / name).read_text(encoding="utf-8") for name in ("phases.yaml", "tools.yaml")
}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    target = tmp_path_factory.mktemp("prop") / "content"
    shutil.copytree(CONTENT, target)
    yield target


def check(directory: Path, name: str, payload: bytes) -> LoadResult:
    (directory / name).write_bytes(payload)
    try:
        result = load_content(directory)
    finally:
        (directory / name).write_text(ORIGINAL[name], encoding="utf-8")
    for diagnostic in result.diagnostics:
        assert diagnostic.line >= 1 and diagnostic.col >= 1
        assert diagnostic.message
    if result.toolkaart is None:
        assert result.errors, "no content and no error"
    return result


@PROPERTY_SETTINGS
@given(st.text(max_size=2000))
def test_arbitrary_text(workdir: Path, text: str) -> None:
    check(workdir, "phases.yaml", text.encode("utf-8", "surrogatepass"))


@PROPERTY_SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(workdir: Path, payload: bytes) -> None:
    check(workdir, "tools.yaml", payload)


@PROPERTY_SETTINGS
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["delete", "insert", "duplicate", "swap"]),
            st.integers(min_value=0, max_value=10**6),
            st.integers(min_value=0, max_value=10**6),
            st.text(alphabet=":-[]{}&*!|>#'\" \n\tabc0", max_size=20),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_text_mutations_of_valid_content(
    workdir: Path, mutations: list[tuple[str, int, int, str]]
) -> None:
    lines = ORIGINAL["phases.yaml"].split("\n")
    for kind, a, b, text in mutations:
        i, j = a % len(lines), b % len(lines)
        if kind == "delete":
            del lines[min(i, j) : max(i, j) + 1]
        elif kind == "insert":
            line = lines[i]
            cut = b % (len(line) + 1)
            lines[i] = line[:cut] + text + line[cut:]
        elif kind == "duplicate":
            lines.insert(j, lines[i])
        else:
            lines[i], lines[j] = lines[j], lines[i]
        if not lines:
            lines = [""]
    check(workdir, "phases.yaml", "\n".join(lines).encode("utf-8", "surrogatepass"))


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=10,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


PHASES_DATA = yaml.safe_load(ORIGINAL["phases.yaml"])
PHASES_PATHS = _paths(PHASES_DATA)


@PROPERTY_SETTINGS
@given(st.sampled_from(PHASES_PATHS[1:]), JSONISH)
def test_structure_mutations_of_valid_content(
    workdir: Path, path: tuple[Any, ...], value: Any
) -> None:
    data = yaml.safe_load(ORIGINAL["phases.yaml"])
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    payload = yaml.safe_dump(data, allow_unicode=True).encode("utf-8")
    result = check(workdir, "phases.yaml", payload)
    if result.toolkaart is None:
        assert all(d.path.endswith(".yaml") for d in result.errors)
