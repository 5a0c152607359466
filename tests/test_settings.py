"""One settings object: what the environment says, and defaults that work outside the checkout."""

from __future__ import annotations

import ast
from pathlib import Path

import platformdirs

import toolkaart
from toolkaart.settings import SHIPPED_CONTENT_DIR, read_settings

PACKAGE = Path(toolkaart.__file__).parent


def test_without_environment_the_shipped_content_and_a_user_data_directory_are_used() -> None:
    found = read_settings({})
    assert found.content_dir == SHIPPED_CONTENT_DIR
    assert (found.content_dir / "phases.yaml").is_file()
    assert SHIPPED_CONTENT_DIR.is_relative_to(PACKAGE)
    user_data = Path(platformdirs.user_data_dir("toolkaart", appauthor=False))
    assert found.data_dir == user_data
    assert found.database_url == f"sqlite:///{user_data / 'toolkaart.sqlite3'}"
    assert not Path(found.database_url.removeprefix("sqlite:///")).is_relative_to(PACKAGE)


def test_each_variable_points_elsewhere(tmp_path: Path) -> None:
    found = read_settings(
        {"TOOLKAART_CONTENT": str(tmp_path / "c"), "TOOLKAART_DATA_DIR": str(tmp_path / "d")}
    )
    assert found.content_dir == tmp_path / "c"
    assert found.database_url == f"sqlite:///{tmp_path / 'd' / 'toolkaart.sqlite3'}"
    url = read_settings({"TOOLKAART_DATABASE_URL": "sqlite:////srv/tk.sqlite3"}).database_url
    assert url == "sqlite:////srv/tk.sqlite3"


def test_plain_postgres_urls_are_read_as_psycopg() -> None:
    for given, meant in (
        ("postgresql://u:p@db.example:5432/tk", "postgresql+psycopg://u:p@db.example:5432/tk"),
        ("postgres://u@db/tk", "postgresql+psycopg://u@db/tk"),
        (" postgresql+psycopg://u@db/tk ", "postgresql+psycopg://u@db/tk"),
    ):
        assert read_settings({"TOOLKAART_DATABASE_URL": given}).database_url == meant


def test_only_the_settings_module_reads_the_environment_or_paths_beside_the_source() -> None:
    offenders: list[str] = []
    for module in sorted(PACKAGE.rglob("*.py")):
        if module.name == "settings.py" and module.parent == PACKAGE:
            continue
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in {"environ", "getenv"}:
                offenders.append(f"{module.relative_to(PACKAGE)}:{node.lineno} os.{node.attr}")
            if isinstance(node, ast.Name) and node.id == "__file__":
                offenders.append(f"{module.relative_to(PACKAGE)}:{node.lineno} __file__")
    assert offenders == []
