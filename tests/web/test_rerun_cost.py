"""What a rerun costs: pages do no work per rerun that could be done once per content load."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.appkit import open_page, tables
from tests.conftest import APP_DIR
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Toolkaart
from toolkaart.serve import streamlit_settings
from toolkaart.web import maps, matrix_tables
from toolkaart.web.content_cache import once_per_content

SCRIPTS = [APP_DIR / "app.py", *sorted((APP_DIR / "app_pages").glob("*.py"))]


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
    # toolkaart/web/streamlit.toml turns magic off: a bare expression would silently show nothing.
    assert streamlit_settings()["runner.magicEnabled"] is False
    tree = ast.parse(script.read_text(encoding="utf-8"), str(script))
    assert _bare_expressions(tree) == [], f"{script.name}: use an explicit st.* call"


def test_derived_data_is_built_once_per_content_load(toolkaart: Toolkaart) -> None:
    builds: list[str] = []

    def build() -> list[str]:
        builds.append("built")
        return ["a table"]

    graph = ToolkaartGraph(toolkaart)
    first = once_per_content(graph, ("table", "actor"), build)
    assert once_per_content(graph, ("table", "actor"), build) is first
    assert len(builds) == 1
    once_per_content(graph, ("table", "tool"), build)  # another key: built for itself
    reloaded = ToolkaartGraph(toolkaart)  # a reload makes a new graph: nothing carried over
    assert once_per_content(reloaded, ("table", "actor"), build) is not first
    assert len(builds) == 3


def test_pages_build_their_tables_and_maps_once(monkeypatch: pytest.MonkeyPatch) -> None:
    views: list[tuple[str, dict[str, str]]] = [
        ("app_pages/actoren.py", {}),
        ("app_pages/hulpmiddelen.py", {}),
        ("app_pages/beheer.py", {}),
        ("app_pages/fase.py", {"fase": "pilot-a"}),
    ]
    app = open_page(*views[0])
    for page, query in views:
        open_page(page, query, app=app)
    built: list[str] = []
    for module, name in (
        (matrix_tables, "link_table"),
        (maps, "map_dot"),
    ):
        monkeypatch.setattr(module, name, lambda *a, name=name, **k: built.append(name))
    for page, query in views:
        open_page(page, query, app=app)
        assert tables(app) or app.get("graphviz_chart"), page  # still shown
    assert built == []  # every rerun reused what the first runs built


def test_graph_answers_are_kept_with_the_graph(toolkaart: Toolkaart) -> None:
    graph = ToolkaartGraph(toolkaart)
    for tool in toolkaart.tools:
        listed = tuple(p for p in toolkaart.phases if tool.id in p.tools)
        assert graph.phases_of_tool(tool.id) == listed
        assert graph.phases_of_tool(tool.id) is graph.phases_of_tool(tool.id)
    for actor in toolkaart.actors:
        assert graph.phases_of_actor(actor.id) == tuple(
            p for p in toolkaart.phases if actor.id in p.actors
        )
    assert graph.unlinked_tools() == tuple(
        t for t in toolkaart.tools if not graph.phases_of_tool(t.id)
    )
    assert graph.unlinked_tools() is graph.unlinked_tools()


def _elements(app: AppTest) -> int:
    """How many elements and blocks a run drew (each a message to the browser), plus the three
    areas they are drawn in (main, sidebar, events)."""

    def count(node: Any) -> int:
        children = getattr(node, "children", None)
        if not isinstance(children, dict):
            return 1
        return 1 + sum(count(child) for child in children.values())

    return sum(count(root) for root in app._tree.children.values())


#: The phase page without a project drew 93 elements and blocks (101 messages) before its links
#: and static parts were merged, 36 after (docs/performance.md section 8, run 4); each costs a
#: rerun about 0.15 ms of server CPU, which is what decides how many people a replica serves.
PHASE_PAGE_BUDGET = 3 + 40


def test_the_phase_page_stays_within_its_element_budget() -> None:
    app = open_page("app_pages/fase.py", {"fase": "pilot-a"})
    assert 20 < _elements(app) <= PHASE_PAGE_BUDGET
