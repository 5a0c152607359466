"""What a rerun costs: pages do no work per rerun that could be done once per content load."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

from tests.conftest import REPO

SCRIPTS = [REPO / "app.py", *sorted((REPO / "app_pages").glob("*.py"))]


def _bare_expressions(tree: ast.Module) -> list[int]:
    """Lines of expression statements Streamlit's magic would have written with st.write."""
    lines = []
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        for index, statement in enumerate(body):
            if not isinstance(statement, ast.Expr) or isinstance(statement.value, ast.Call):
                continue
            docstring = index == 0 and isinstance(
                node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
            )
            if not (docstring and isinstance(statement.value, ast.Constant)):
                lines.append(statement.lineno)
    return lines


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_no_script_relies_on_magic(script: Path) -> None:
    # .streamlit/config.toml turns magic off: a bare expression would silently show nothing.
    assert (
        tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())["runner"]["magicEnabled"]
        is False
    )
    tree = ast.parse(script.read_text(encoding="utf-8"), str(script))
    assert _bare_expressions(tree) == [], f"{script.name}: use an explicit st.* call"
