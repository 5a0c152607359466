"""Shared fixtures: the shipped content, and writable copies of it to break."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import NoReturn

import pytest

from toolkaart.graph import ToolkaartGraph
from toolkaart.loader import load_toolkaart
from toolkaart.models import Toolkaart

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"


def unavailable(reason: str, require_flag: str) -> NoReturn:
    """Skip a test that needs something this machine lacks, or fail it where ``require_flag`` is
    set to 1 (CI sets it: there, a skip would hide a test that never ran)."""
    if os.environ.get(require_flag) == "1":
        pytest.fail(f"{require_flag}=1 but {reason}")
    pytest.skip(reason)


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
