"""Every kind of content problem is reported at its path:line:col, all at once, never raised."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkaart.content.diagnostics import ContentError
from toolkaart.content.loader import load_content, load_toolkaart


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
    assert ": error: YAML syntax:" in error
    line = int(error.split(":")[1])
    assert abs(line - int(where(actors, "[De expert").split(":")[1])) <= 2


def test_wrong_type(content_copy: Path) -> None:
    phases = content_copy / "phases.yaml"
    edit(phases, "    number: 3\n", "    number: drie\n")
    assert f"{where(phases, 'drie')}: error: phases[2].number: Input should be a valid integer" in (
        " ".join(messages(content_copy))
    )


def test_missing_field_points_at_the_item(content_copy: Path) -> None:
    tools = content_copy / "tools.yaml"
    edit(tools, "    name: Leidraad kwaliteit AI in de zorg\n", "")
    assert messages(content_copy) == [
        f"{where(tools, 'id: leidraad-kwaliteit-ai')}: error: tools[8]: missing field 'name'"
    ]


def test_unknown_field_points_at_the_key(content_copy: Path) -> None:
    actors = content_copy / "actors.yaml"
    edit(actors, "    number: 7\n", "    number: 7\n    rol: adviseur\n")
    assert messages(content_copy) == [
        f"{where(actors, 'rol: adviseur')}: error: actors[6].rol: unknown field 'rol'"
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
        f"{where(phases, 'expertt')}: error: unknown actor id 'expertt'",
        f"{where(phases, 'begeleidingsethik')}: error: unknown tool id 'begeleidingsethik'",
    ]


def test_duplicate_ids(content_copy: Path) -> None:
    actors = content_copy / "actors.yaml"
    first = where(actors, "id: expert", offset=4)
    edit(actors, "  - id: organisatie\n", "  - id: expert-dup\n")
    edit(actors, "expert-dup", "expert")
    second = where(actors, "id: expert\n    number: 10", offset=4)
    first_line = first.split(":")[1]
    assert [m for m in messages(content_copy) if m.startswith(str(actors))] == [
        f"{second}: error: duplicate actor id 'expert' (first at line {first_line})"
    ]


def test_duplicate_checklist_item_ids_across_phases(content_copy: Path) -> None:
    phases = content_copy / "phases.yaml"
    edit(
        phases,
        "      - id: verkenning-",
        "      - id: idee-zorgvraag\n        text: x\n        source: y\n      - id: verkenning-",
    )
    errors = messages(content_copy)
    assert len(errors) == 1 and "duplicate checklist item id 'idee-zorgvraag'" in errors[0]


def test_broken_phase_order(content_copy: Path) -> None:
    phases = content_copy / "phases.yaml"
    edit(phases, "    number: 4\n", "    number: 5\n")
    assert messages(content_copy) == [
        f"{where(phases, 'number: 5', offset=8)}: error: phase 'pilot-a' has number 5 but is "
        "number 4 in route order; number the phases 1, 2, 3 … in route order"
    ]


def test_web_address_must_be_https(content_copy: Path) -> None:
    tools = content_copy / "tools.yaml"
    edit(tools, "url: https://www.leidraad-ai.nl", "url: http://www.leidraad-ai.nl")
    edit(tools, "url: https://www.datavoorgezondheid.nl\n", "url: https://datavoorgezondheid\n")
    assert messages(content_copy) == [
        f"{where(tools, 'http://www.leidraad')}: error: tools[8].url: 'http://www.leidraad-ai.nl' is not a proper https address",
        f"{where(tools, 'https://datavoorgezondheid')}: error: tools[11].url: 'https://datavoorgezondheid' is not a proper https address",
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
    assert any("has no source" in w and w.startswith(f"{phases}:") for w in warnings)
    assert any(
        w.endswith("warning: tool 'begeleidingsethiek' has no web address") for w in warnings
    )


def test_every_problem_in_every_file_at_once(content_copy: Path) -> None:
    edit(content_copy / "meta.yaml", 'version: "1.0.0"', "version: [1]")
    edit(content_copy / "actors.yaml", "    number: 2\n", "    number: two\n")
    edit(content_copy / "tools.yaml", "url: https://www.leidraad-ai.nl", "url: ftp://x.nl")
    edit(content_copy / "phases.yaml", "[mkba, handelingsruimte,", "[mkba, nope,")
    files = {Path(d.path).name for d in load_content(content_copy).errors}
    assert files == {"meta.yaml", "actors.yaml", "tools.yaml", "phases.yaml"}


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (b"", "1:1: error: the file is empty"),
        (b"# only a comment\n", "1:1: error: the file is empty"),
        (b"phases:\n  - \xff\xfe\n", "2:5: error: file is not valid UTF-8 text"),
        (b"a: &x [1]\nb: *x\n", "1:4: error: anchors and aliases are not supported"),
        (b"phases: []\nphases: []\n", "2:1: error: duplicate key 'phases' (first at line 1)"),
        (b"phases: []\n---\nphases: []\n", "2:1: error: a content file holds one YAML document"),
        (b"phases: !!python/object:os.system []\n", "1:9: error: unsupported YAML tag"),
        (b"[" * 200 + b"]" * 200, "1:65: error: nested deeper than 64 levels"),
        (b"phases:\n  - \x00\n", "2:5: error: YAML syntax:"),
        (b"- 1\n- 2\n", "1:1: error: file: Input should be a valid dictionary"),
    ],
)
def test_hostile_or_malformed_files(content_copy: Path, payload: bytes, expected: str) -> None:
    phases = content_copy / "phases.yaml"
    phases.write_bytes(payload)
    errors = messages(content_copy)
    assert len(errors) == 1
    assert errors[0].startswith(f"{phases}:{expected}")


def test_missing_and_oversized_files(content_copy: Path) -> None:
    (content_copy / "actors.yaml").unlink()
    (content_copy / "tools.yaml").write_bytes(b"tools:\n" + b"  # padding\n" * 10_000)
    result = load_content(content_copy, max_file_bytes=100_000)
    assert [str(e) for e in result.errors] == [
        f"{content_copy / 'actors.yaml'}:1:1: error: file is missing",
        f"{content_copy / 'tools.yaml'}:1:1: error: file is 120007 bytes; content files may be at most 100000",
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
    assert (
        str(result.errors[-1]) == f"{phases}:1:1: error: 6800 more problems in this file not shown"
    )


def test_huge_collections_are_refused_early(content_copy: Path) -> None:
    phases = content_copy / "phases.yaml"
    phases.write_bytes(b"phases:\n" + b"  - x\n" * 100_001)
    assert messages(content_copy) == [
        f"{phases}:100002:5: error: more than 100000 entries in one list or mapping"
    ]


@pytest.mark.parametrize("value", ["true", "'2'", "2.0"])
def test_a_number_must_be_a_whole_number_as_written(content_copy: Path, value: str) -> None:
    actors = content_copy / "actors.yaml"
    edit(actors, "    number: 2\n", f"    number: {value}\n")
    (error,) = messages(content_copy)
    assert error.startswith(f"{where(actors, value)}: error: actors[1].number: Input should be")
