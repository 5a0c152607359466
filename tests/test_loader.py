"""Every kind of content problem is reported at its path:line:col, all at once, never raised.

The messages are compared with the catalog's Dutch text (``t``), not with a copy of a sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkaart.content.diagnostics import ContentError
from toolkaart.content.loader import load_content, load_toolkaart
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
    edit(
        phases,
        "      - id: verkenning-",
        "      - id: idee-zorgvraag\n        text: x\n        source: y\n      - id: verkenning-",
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
    edit(content_copy / "meta.yaml", 'version: "1.0.0"', "version: [1]")
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
