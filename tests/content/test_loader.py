"""Every kind of content problem is reported at its path:line:col, all at once, never raised.

The messages are compared with the catalog's Dutch text (``t``), not with a copy of a sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from pydantic_core import ErrorDetails

from tests.contentedit import edit_yaml, replace_text
from toolkaart.content.diagnostics import ContentError
from toolkaart.content.loader import _display_loc, _value_problem, load_content, load_toolkaart
from toolkaart.content.models import CONTENT_FILES
from toolkaart.content.yamlsource import YamlProblem, parse_yaml
from toolkaart.i18n.catalog import counted, t


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def where(path: Path, needle: str, offset: int = 0) -> str:
    """'path:line:col' of the first occurrence of ``needle`` (plus ``offset`` columns)."""
    text = path.read_text(encoding="utf-8")
    index = text.index(needle) + offset
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"{path}:{line}:{col}"


def messages(directory: Path) -> list[str]:
    return [str(d) for d in load_content(directory).errors]


def test_yaml_syntax_error_is_located(content_copy: Path) -> None:
    actors = content_copy / "actors.yaml"
    edit(actors, "    name: De expert\n", "    name: [De expert\n")
    (error,) = messages(content_copy)
    assert error.startswith(f"{actors}:")
    unclosed = t("content.yaml.syntax", problem=t("content.yaml.problem.unclosed_list"))
    assert error.endswith(f": error: {unclosed}")
    line = int(error.split(":")[1])
    assert abs(line - int(where(actors, "[De expert").split(":")[1])) <= 2


def test_wrong_type(content_copy: Path) -> None:
    phases = content_copy / "phases.yaml"
    edit(phases, "    number: 3\n", "    number: drie\n")
    assert messages(content_copy) == [
        f"{where(phases, 'drie')}: error: phases[2].number: {t('content.value.int_type')}"
    ]


def test_missing_field_points_at_the_item(content_copy: Path) -> None:
    tools = content_copy / "tools.yaml"
    edit(tools, "    name: Leidraad kwaliteit AI in de zorg\n", "")
    assert messages(content_copy) == [
        f"{where(tools, 'id: leidraad-kwaliteit-ai')}: error: tools[8]: "
        + t("content.field.missing", field="name")
    ]


def test_unknown_field_points_at_the_key(content_copy: Path) -> None:
    actors = content_copy / "actors.yaml"
    edit(actors, "    number: 7\n", "    number: 7\n    rol: adviseur\n")
    assert messages(content_copy) == [
        f"{where(actors, 'rol: adviseur')}: error: actors[6].rol: "
        + t("content.field.unknown", field="rol")
    ]


def test_unknown_tool_and_actor_ids(content_copy: Path) -> None:
    phases = content_copy / "phases.yaml"
    edit(
        phases,
        "tools: [handelingsruimte, begeleidingsethiek, leidraad",
        "tools: [handelingsruimte, begeleidingsethik, leidraad",
    )
    edit(phases, "actors: [ontwikkelaar, expert,", "actors: [ontwikkelaar, expertt,")
    assert messages(content_copy) == [
        f"{where(phases, 'expertt')}: error: " + t("content.diag.unknown_id.actor", id="expertt"),
        f"{where(phases, 'begeleidingsethik')}: error: "
        + t("content.diag.unknown_id.tool", id="begeleidingsethik"),
    ]


def test_duplicate_ids(content_copy: Path) -> None:
    actors = content_copy / "actors.yaml"
    first = where(actors, "id: expert", offset=4)
    edit(actors, "  - id: organisatie\n", "  - id: expert-dup\n")
    edit(actors, "expert-dup", "expert")
    second = where(actors, "id: expert\n    number: 10", offset=4)
    first_line = first.split(":")[1]
    assert [m for m in messages(content_copy) if m.startswith(str(actors))] == [
        f"{second}: error: " + t("content.diag.duplicate_id.actor", id="expert", line=first_line)
    ]


def test_duplicate_checklist_item_ids_across_phases(content_copy: Path) -> None:
    phases = content_copy / "phases.yaml"
    # Into Productie, which has room for one more item (Verkenning has the maximum of 10).
    edit(
        phases,
        "      - id: productie-",
        "      - id: idee-zorgvraag\n        text: x\n        source: y\n      - id: productie-",
    )
    (error,) = messages(content_copy)
    first_line = where(phases, "id: idee-zorgvraag").split(":")[1]
    second = where(phases, "id: idee-zorgvraag\n        text: x", offset=4)
    assert error == f"{second}: error: " + t(
        "content.diag.duplicate_item_id", id="idee-zorgvraag", line=first_line
    )


def test_broken_phase_order(content_copy: Path) -> None:
    phases = content_copy / "phases.yaml"
    edit(phases, "    number: 4\n", "    number: 5\n")
    assert messages(content_copy) == [
        f"{where(phases, 'number: 5', offset=8)}: error: "
        + t("content.diag.number.phase", id="pilot-a", number=5, position=4)
    ]


def test_web_address_must_be_https(content_copy: Path) -> None:
    tools = content_copy / "tools.yaml"
    edit(tools, "url: https://www.leidraad-ai.nl", "url: http://www.leidraad-ai.nl")
    edit(tools, "url: https://www.datavoorgezondheid.nl\n", "url: https://datavoorgezondheid\n")
    assert messages(content_copy) == [
        f"{where(tools, 'http://www.leidraad')}: error: tools[8].url: "
        + t("content.value.not_https", value="http://www.leidraad-ai.nl"),
        f"{where(tools, 'https://datavoorgezondheid')}: error: tools[11].url: "
        + t("content.value.not_https", value="https://datavoorgezondheid"),
    ]


def test_warnings_are_located_too(content_copy: Path) -> None:
    phases = content_copy / "phases.yaml"
    text = phases.read_text(encoding="utf-8")
    start = text.index("        source:", text.index("- id: productie-"))
    end = text.index("\n      - id:", start)
    phases.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    result = load_content(content_copy)
    assert result.errors == ()
    warnings = [str(w) for w in result.warnings]
    item = text[
        text.index("- id: productie-") + 6 : text.index("\n", text.index("- id: productie-"))
    ]
    no_source = t("content.diag.no_source", item=item)
    assert any(
        w.startswith(f"{phases}:") and w.endswith(f": warning: {no_source}") for w in warnings
    )
    no_address = t("content.diag.no_address", id="begeleidingsethiek")
    assert any(w.endswith(f": warning: {no_address}") for w in warnings)


def test_every_problem_in_every_file_at_once(content_copy: Path) -> None:
    edit(content_copy / "meta.yaml", 'version: "1.1.0"', "version: [1]")
    edit(content_copy / "actors.yaml", "    number: 2\n", "    number: two\n")
    edit(content_copy / "tools.yaml", "url: https://www.leidraad-ai.nl", "url: ftp://x.nl")
    edit(content_copy / "phases.yaml", "[mkba, handelingsruimte,", "[mkba, nope,")
    files = {Path(d.path).name for d in load_content(content_copy).errors}
    assert files == {"meta.yaml", "actors.yaml", "tools.yaml", "phases.yaml"}


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (b"", f"1:1: error: {t('content.yaml.empty')}"),
        (b"# only a comment\n", f"1:1: error: {t('content.yaml.empty')}"),
        (b"phases:\n  - \xff\xfe\n", f"2:5: error: {t('content.file.not_utf8')}"),
        # the column counts characters, not bytes: 'é' is one
        ("phases:\n  - é".encode() + b"\xff\n", f"2:6: error: {t('content.file.not_utf8')}"),
        (b"a: &x [1]\nb: *x\n", f"1:4: error: {t('content.yaml.alias')}"),
        (
            b"phases: []\nphases: []\n",
            f"2:1: error: {t('content.yaml.duplicate_key', key='phases', line=1)}",
        ),
        (b"phases: []\n---\nphases: []\n", f"2:1: error: {t('content.yaml.two_documents')}"),
        (
            b"phases: !!python/object:os.system []\n",
            f"1:9: error: {t('content.yaml.tag', tag='tag:yaml.org,2002:python/object:os.system')}",
        ),
        (b"[" * 200 + b"]" * 200, f"1:65: error: {t('content.yaml.too_deep', limit=64)}"),
        # an explicit tag on text its constructor cannot read
        (
            b"phases: !!bool maybe\n",
            f"1:9: error: {t('content.yaml.bad_value.bool', value='maybe')}",
        ),
        (
            b"phases: !!timestamp gisteren\n",
            f"1:9: error: {t('content.yaml.bad_value.timestamp', value='gisteren')}",
        ),
        (
            b"phases:\n  - \x00\n",
            "2:5: error: "
            + t("content.yaml.syntax", problem=t("content.yaml.problem.control_character")),
        ),
        (
            b"- 1\n- 2\n",
            f"1:1: error: {t('content.where.file')}: {t('content.value.model_type')}",
        ),
    ],
)
def test_hostile_or_malformed_files(content_copy: Path, payload: bytes, expected: str) -> None:
    phases = content_copy / "phases.yaml"
    phases.write_bytes(payload)
    assert messages(content_copy) == [f"{phases}:{expected}"]


def test_missing_oversized_and_unreadable_files_are_at_1_1(content_copy: Path) -> None:
    (content_copy / "actors.yaml").unlink()
    (content_copy / "tools.yaml").write_bytes(b"tools:\n" + b"  # padding\n" * 10_000)
    (content_copy / "meta.yaml").unlink()
    (content_copy / "meta.yaml").mkdir()
    result = load_content(content_copy, max_file_bytes=100_000)
    assert [str(e) for e in result.errors] == [
        f"{content_copy / 'meta.yaml'}:1:1: error: {t('content.file.not_a_file')}",
        f"{content_copy / 'actors.yaml'}:1:1: error: {t('content.file.missing')}",
        f"{content_copy / 'tools.yaml'}:1:1: error: "
        + t("content.file.too_large", size=120007, limit=100000),
    ]


def test_load_toolkaart_raises_content_error_with_every_diagnostic(content_copy: Path) -> None:
    edit(content_copy / "actors.yaml", "    number: 2\n", "    number: two\n")
    with pytest.raises(ContentError) as raised:
        load_toolkaart(content_copy)
    assert len(raised.value.errors) == 1
    assert "actors[1].number" in str(raised.value)


def test_a_flood_of_problems_is_capped_and_counted(content_copy: Path) -> None:
    phases = content_copy / "phases.yaml"
    phases.write_bytes(b"phases:\n" + b"  - {a: 1}\n" * 1000)
    result = load_content(content_copy)
    assert len(result.errors) == 201
    more = t("content.file.more", problems=counted("problem", 6800))
    assert str(result.errors[-1]) == f"{phases}:1:1: error: {more}"


def test_huge_collections_are_refused_early(content_copy: Path) -> None:
    phases = content_copy / "phases.yaml"
    phases.write_bytes(b"phases:\n" + b"  - x\n" * 100_001)
    assert messages(content_copy) == [
        f"{phases}:100002:5: error: {t('content.yaml.too_many', limit=100_000)}"
    ]


@pytest.mark.parametrize("value", ["true", "'2'", "2.0"])
def test_a_number_must_be_a_whole_number_as_written(content_copy: Path, value: str) -> None:
    actors = content_copy / "actors.yaml"
    edit(actors, "    number: 2\n", f"    number: {value}\n")
    assert messages(content_copy) == [
        f"{where(actors, value)}: error: actors[1].number: {t('content.value.int_type')}"
    ]


def set_field(path: Path, loc: tuple[str | int, ...], value: object) -> None:
    """Set the value at ``loc`` in a content file (``None`` as value deletes the key)."""

    def change(data: Any) -> None:
        for step in loc[:-1]:
            data = data[step]
        if value is None:
            del data[loc[-1]]
        else:
            data[loc[-1]] = value

    edit_yaml(path, change)


@pytest.mark.parametrize(
    ("file", "loc", "value", "problem"),
    [
        ("meta.yaml", ("title",), 5, t("content.value.string_type")),
        (
            "meta.yaml",
            ("title",),
            "",
            t("content.value.string_too_short", length=counted("character", 1)),
        ),
        (
            "meta.yaml",
            ("version",),
            "1" * 41,
            t("content.value.string_too_long", length=counted("character", 40)),
        ),
        (
            "tools.yaml",
            ("tools", 9, "id"),
            "Manifest NL",
            t("content.value.string_pattern_mismatch"),
        ),
        ("tools.yaml", ("tools", 0, "number"), "1", t("content.value.int_type")),
        ("actors.yaml", ("actors", 0, "number"), 0, t("content.value.greater_than_equal", ge=1)),
        ("phases.yaml", ("phases", 0, "tools"), "mkba", t("content.value.tuple_type")),
        (
            "phases.yaml",
            ("phases", 0, "checklist"),
            [],
            t("content.value.too_short", length=counted("element", 4)),
        ),
        ("meta.yaml", ("changelog", 0), "1.0.0", t("content.value.model_type")),
        ("meta.yaml", ("date",), "22 november", t("content.value.date")),
        ("meta.yaml", ("date",), dt.datetime(2026, 11, 22, 10, 30), t("content.value.date")),
        ("meta.yaml", ("date",), True, t("content.value.date")),
    ],
)
def test_each_kind_of_invalid_value_has_its_dutch_text(
    content_copy: Path, file: str, loc: tuple[str | int, ...], value: object, problem: str
) -> None:
    set_field(content_copy / file, loc, value)
    (error,) = load_content(content_copy).errors
    assert (Path(error.path).name, error.message) == (file, f"{_display_loc(loc)}: {problem}")


def test_a_checklist_longer_than_allowed(content_copy: Path) -> None:
    set_field(
        content_copy / "phases.yaml",
        ("phases", 0, "checklist"),
        [{"id": f"punt-{n}", "text": "Tekst.", "source": "Bron."} for n in range(11)],
    )
    (error,) = load_content(content_copy).errors
    too_long = t("content.value.too_long", length=counted("element", 10))
    assert error.message == f"phases[0].checklist: {too_long}"


def test_a_kind_of_problem_not_mapped_still_reads_dutch_and_names_itself() -> None:
    detail: ErrorDetails = {"type": "bool_type", "loc": ("x",), "msg": "?", "input": 1}
    assert _value_problem(detail) == t("content.value.other", type="bool_type")
    with pytest.raises(YamlProblem) as raised:
        parse_yaml("a: !x!y z\n")
    other = t("content.yaml.problem.other", original="found undefined tag handle")
    assert raised.value.message == t("content.yaml.syntax", problem=other)


#: Broken files as staff could write them: between them, every kind of diagnostic the loader gives.
BROKEN_FILES = [
    ("phases.yaml", "phases:\n  - id: a\n    name: [b\n"),
    ("phases.yaml", "phases:\n  - id: 'a\n"),
    ("phases.yaml", "phases: {a: 1\n"),
    ("phases.yaml", "phases: b: c\n"),
    ("phases.yaml", "phases:\n  - a\n b: c\n"),
    ("phases.yaml", "phases:\n  - a\n  b\n"),
    ("phases.yaml", "- a\nb: c\n"),
    ("phases.yaml", "phases: - a\n"),
    ("phases.yaml", "phases:\n\t- a\n"),
    ("phases.yaml", "phases: @a\n"),
    ("phases.yaml", "phases: \x07\n"),
    ("phases.yaml", 'phases: "\\q"\n'),
    ("phases.yaml", "phases: ]\n"),
    ("phases.yaml", "phases: 0x_\n"),
    ("phases.yaml", "date: 2026-13-01\n"),
    ("phases.yaml", "phases: !!float x\n"),
    ("phases.yaml", "phases: !foo []\n"),
    ("phases.yaml", "? [a]\n: b\n"),
    ("phases.yaml", "phases: &a []\n"),
    ("phases.yaml", "phases: []\n---\n"),
    ("phases.yaml", "[" * 70 + "]" * 70),
    ("phases.yaml", "# leeg\n"),
    ("phases.yaml", "phases: []\n"),
    ("phases.yaml", "phases: x\n"),
    ("phases.yaml", "phases:\n  - 1\n"),
    ("meta.yaml", "version: [1]\ndate: x\ntitle: ''\nsoure: s\nchangelog: [{}]\n"),
    ("tools.yaml", "tools:\n  - {id: A, number: 0, name: n, description: d, url: 'http://x'}\n"),
    ("tools.yaml", "tools:\n  - {id: a, number: '1', name: n, description: d, extra: 1}\n"),
    ("actors.yaml", "actors: []\nactors: []\n"),
]


def test_no_diagnostic_speaks_english(content_copy: Path) -> None:
    """A simple guard: the loader's texts are Dutch, whatever is broken."""
    original = {name: (content_copy / name).read_bytes() for name in CONTENT_FILES}

    def texts_of_load(**options: int) -> list[str]:
        texts = [d.message for d in load_content(content_copy, **options).diagnostics]
        for name, data in original.items():
            (content_copy / name).write_bytes(data)
        return texts

    # what links the files: ids, numbering, references, sources
    def break_links(data: Any) -> None:
        first, fourth = data["phases"][0], data["phases"][3]
        first["tools"][1:1] = ["mkba", "bestaat-niet"]  # listed twice, unknown
        first["actors"][0] = "ontwikkelaarr"
        fourth["number"] = 5
        item = first["checklist"][0]
        del item["source"]
        item["tools"], item["actors"] = ["docuserie"], ["ontwikkelaar"]  # not on the phase
        first["checklist"][1]["id"] = item["id"]

    edit_yaml(content_copy / "phases.yaml", break_links)
    replace_text(
        content_copy / "actors.yaml",
        "  - id: zorgprofessional\n    number: 2",
        "  - id: ontwikkelaar\n    number: 3",
    )
    texts = texts_of_load()
    # every file broken on its own, as staff could break it
    for name, payload in BROKEN_FILES:
        (content_copy / name).write_text(payload, encoding="utf-8")
        texts += texts_of_load()
    # files that cannot be read, and a flood of problems
    (content_copy / "tools.yaml").unlink()
    (content_copy / "meta.yaml").write_bytes(b"version: \xff\n")
    (content_copy / "actors.yaml").write_bytes(b"actors:\n" + b"  - {a: 1}\n" * 300)
    texts += texts_of_load(max_file_bytes=10_000)

    english = re.compile(r"\b(unknown|missing|field|should|must|expected|input)\b", re.IGNORECASE)
    assert len(set(texts)) > 50
    assert [text for text in texts if english.search(text)] == []
