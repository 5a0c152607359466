"""Shared fixtures: the shipped content, and writable copies of it to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from toolkaart.graph import ToolkaartGraph
from toolkaart.loader import load_toolkaart
from toolkaart.models import Toolkaart

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"


@pytest.fixture(scope="session")
def toolkaart() -> Toolkaart:
    return load_toolkaart(CONTENT)


@pytest.fixture(scope="session")
def graph(toolkaart: Toolkaart) -> ToolkaartGraph:
    return ToolkaartGraph(toolkaart)


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped content directory."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target
