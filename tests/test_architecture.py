"""The house's import directions: the domain never reaches up into the web app or across layers.

Layers, bottom to top: ``i18n`` · ``settings`` · ``events`` · ``errors`` · ``content``/``access`` · ``route`` ·
``board`` · ``store`` · ``documents`` · ``serve``/``cli`` · ``web``. A part may import the parts its
``__init__`` docstring names, nothing above it; only ``web`` imports Streamlit.
"""

from __future__ import annotations

import ast
from pathlib import Path

import toolkaart

PACKAGE = Path(toolkaart.__file__).parent
BASE = {"i18n", "settings", "errors", "user_text", "events"}
ALLOWED: dict[str, set[str]] = {
    "i18n": set(),
    "settings": set(),
    "errors": {"i18n"},
    "user_text": {"errors"},
    "events": {"settings"},
    "content": BASE,
    "access": BASE,
    "route": BASE | {"content"},
    "board": BASE | {"content", "route"},
    "store": BASE | {"content", "route", "board", "access"},
    "documents": BASE | {"content", "route", "board", "store", "access"},
    "serve": {"settings"},
    "ready_probe": {"settings"},
    "cli": BASE | {"content", "route", "board", "store", "documents", "serve", "access"},
    "__main__": {"cli"},
    "__init__": set(),
    "web": BASE | {"content", "route", "board", "store", "documents", "serve", "web", "access"},
}


def _part(path: Path) -> str:
    """``toolkaart/route/gates.py`` → ``route``; ``toolkaart/cli.py`` → ``cli``."""
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _imports(tree: ast.Module) -> list[tuple[int, str]]:
    """Every module imported, at any depth, except under ``if TYPE_CHECKING:`` (no run-time edge)."""
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
            found.extend((node.lineno, f"{node.module}.{alias.name}") for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def _violations() -> list[str]:
    problems: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        part = _part(path)
        where = path.relative_to(PACKAGE.parent)
        for line, module in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            top = module.split(".")[0]
            if top == "streamlit" and part != "web":
                problems.append(f"{where}:{line} imports {module}")
            if top == "benchmarks":
                problems.append(f"{where}:{line} imports the benchmarks")
            if top != "toolkaart" or module == "toolkaart":
                continue
            target = module.split(".")[1]
            is_part = (PACKAGE / target).is_dir() or (PACKAGE / f"{target}.py").is_file()
            if is_part and target != part and target not in ALLOWED[part]:
                problems.append(f"{where}:{line} ({part}) imports {module}")
    return problems


def test_every_part_of_the_package_has_a_rule() -> None:
    parts = {_part(path) for path in PACKAGE.rglob("*.py")}
    assert parts <= set(ALLOWED), parts - set(ALLOWED)


def test_imports_flow_down_the_layers_and_only_web_imports_streamlit() -> None:
    assert _violations() == []


def test_the_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    """The scan reads function-level imports too (the CLI imports lazily)."""
    tree = ast.parse("def f():\n    from toolkaart.web.walk import x\n")
    assert (2, "toolkaart.web.walk") in _imports(tree)
    guarded = ast.parse("if TYPE_CHECKING:\n    from toolkaart.route.project import Project\n")
    assert _imports(guarded) == []


def test_no_two_modules_share_a_name() -> None:
    """Page scripts (named after their URL) and migrations are files Streamlit or Alembic run,
    not modules anyone imports; every other module name is unique, also against subpackages."""
    names: dict[str, list[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        scripts = {"migrations", "app_pages"} & set(path.parts)
        if path.name != "__init__.py" and not scripts:
            names.setdefault(path.stem, []).append(str(path.relative_to(PACKAGE)))
    subpackages = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()}
    assert {name: paths for name, paths in names.items() if len(paths) > 1} == {}
    assert sorted(subpackages & set(names)) == []


def test_every_subpackage_says_what_lives_there_and_what_it_may_import() -> None:
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and "May import" in doc, init
