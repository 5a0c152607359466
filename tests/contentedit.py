"""Small edits of a copied content directory, as a member of staff would make them in an editor."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml


def replace_text(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace the first ``count`` occurrences of ``old``; fails loudly if it is not there."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"'{old}' not found {count} times in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def edit_yaml(path: Path, change: Callable[[Any], None]) -> None:
    """Load, change in place and write back a YAML file (comments are lost: fine for a copy)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def drop_last_phase(content: Path) -> None:
    """A valid edit that drops the last phase: from the route and from phases.yaml."""
    phases = content / "phases.yaml"
    text = phases.read_text(encoding="utf-8")
    phases.write_text(text[: text.index("  - id: productie")], encoding="utf-8")
    meta = content / "meta.yaml"
    route = meta.read_text(encoding="utf-8")
    meta.write_text(route.replace(", implementatie, productie]", ", implementatie]"), "utf-8")
