"""JSON Schemas of the content files, for editor autocompletion and checking of the YAML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from toolkaart.content.models import CONTENT_FILES

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_filename(content_file: str) -> str:
    """``phases.yaml`` → ``phases.schema.json``."""
    return content_file.removesuffix(".yaml") + ".schema.json"


def content_schemas() -> dict[str, dict[str, Any]]:
    """Schema file name → JSON Schema, one per content file."""
    schemas: dict[str, dict[str, Any]] = {}
    for content_file, model in CONTENT_FILES.items():
        schema = model.model_json_schema(mode="validation")
        schema = {
            "$schema": SCHEMA_DIALECT,
            "$id": schema_filename(content_file),
            "title": f"Toolkaart content: {content_file}",
            **schema,
        }
        schemas[schema_filename(content_file)] = schema
    return schemas


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema into ``directory``; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in content_schemas().items():
        path = directory / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written
