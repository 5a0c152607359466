"""The JSON Schemas from `toolkaart schema`: a standard validator accepts the shipped content and
rejects broken copies, and schemas/ in the repository is exactly what the command writes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from tests.conftest import CONTENT
from toolkaart.cli import main
from toolkaart.content.models import CONTENT_FILES
from toolkaart.content.schema import content_schemas, schema_filename


def as_json_data(value: Any) -> Any:
    """YAML as the editor's language server sees it.

    yaml.safe_load turns an unquoted ``2026-11-22`` into a ``datetime.date``; JSON has no date type,
    and the schema (like yaml-language-server, which reads YAML as JSON data) expects the ISO
    string with ``format: date``. So dates go back to that string before validating.
    """
    if isinstance(value, dict):
        return {key: as_json_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json_data(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def validator(content_file: str) -> Draft202012Validator:
    schema = content_schemas()[schema_filename(content_file)]
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def load(path: Path) -> Any:
    return as_json_data(yaml.safe_load(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("content_file", list(CONTENT_FILES))
def test_the_schema_accepts_the_shipped_content(content_file: str) -> None:
    errors = list(validator(content_file).iter_errors(load(CONTENT / content_file)))
    assert errors == []


def _missing_key_question(data: Any) -> None:
    del data["phases"][1]["key_question"]


def _misspelt_field(data: Any) -> None:
    data["actors"][0]["naam"] = data["actors"][0].pop("name")


def _number_as_text(data: Any) -> None:
    data["tools"][2]["number"] = "drie"


def _bad_date(data: Any) -> None:
    data["date"] = "22-11-2026"


def _bad_slug(data: Any) -> None:
    data["phases"][0]["checklist"][0]["id"] = "Idee Zorgvraag"


@pytest.mark.parametrize(
    ("content_file", "breakage", "expected"),
    [
        ("phases.yaml", _missing_key_question, {("phases/1", "required")}),
        (
            "actors.yaml",
            _misspelt_field,
            {("actors/0", "additionalProperties"), ("actors/0", "required")},
        ),
        ("tools.yaml", _number_as_text, {("tools/2/number", "type")}),
        ("meta.yaml", _bad_date, {("date", "format")}),
        ("phases.yaml", _bad_slug, {("phases/0/checklist/0/id", "pattern")}),
    ],
)
def test_the_schema_rejects_a_broken_copy(
    content_copy: Path, content_file: str, breakage: Any, expected: set[tuple[str, str]]
) -> None:
    data = load(content_copy / content_file)
    breakage(data)
    errors = validator(content_file).iter_errors(data)
    found = {("/".join(str(step) for step in e.absolute_path), str(e.validator)) for e in errors}
    assert found == expected


def test_schemas_in_the_repository_are_current(tmp_path: Path) -> None:
    assert main(["schema", "--dir", str(tmp_path)]) == 0
    written = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()}
    in_repo = {
        p.name: p.read_text(encoding="utf-8") for p in (CONTENT.parent / "schemas").iterdir()
    }
    assert written == in_repo, "schemas/ is stale: run `toolkaart schema --dir schemas`"
    assert json.loads(written["phases.schema.json"])["$schema"].endswith("2020-12/schema")


@pytest.mark.parametrize("content_file", list(CONTENT_FILES))
def test_each_content_file_points_its_editor_at_its_schema(content_file: str) -> None:
    first = (CONTENT / content_file).read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schemas/{schema_filename(content_file)}"
    assert (CONTENT.parent / "schemas" / schema_filename(content_file)).is_file()
