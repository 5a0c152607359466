"""The toolkaart command line: exit codes, output and the JSON contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CONTENT
from toolkaart.cli import main
from toolkaart.i18n.catalog import t


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_ok(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", str(CONTENT))
    assert code == 0
    assert out == "OK: 7 phases, 10 actors, 14 tools, 1 warnings\n"
    assert err.endswith(
        f"tools.yaml:49:5: warning: {t('content.diag.no_address', id='begeleidingsethiek')}\n"
    )


def test_validate_defaults_to_env_override(
    capsys: pytest.CaptureFixture[str], content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    actors = content_copy / "actors.yaml"
    actors.write_text(actors.read_text().replace("number: 2\n", "number: two\n", 1))
    monkeypatch.setenv("TOOLKAART_CONTENT", str(content_copy))
    code, out, err = run(capsys, "validate")
    assert code == 1
    assert out == "FAILED: 1 errors, 1 warnings\n"
    assert f"{actors}:12:13: error: actors[1].number: {t('content.value.int_type')}\n" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "validate", str(tmp_path / "nowhere"))
    assert code == 2
    assert "does not exist" in err
    with pytest.raises(SystemExit) as raised:
        main(["export", "--format", "pdf"])
    assert raised.value.code == 2
    with pytest.raises(SystemExit) as raised:
        main([])
    assert raised.value.code == 2


def test_export_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"content_version", "phases", "actors", "tools"}
    assert data["content_version"] == "1.1.0"
    assert [p["id"] for p in data["phases"]] == [
        "idee", "verkenning", "ontwikkeling", "pilot-a", "pilot-b", "implementatie", "productie"
    ]  # fmt: skip
    phase = data["phases"][3]
    assert set(phase) == {
        "id",
        "number",
        "name",
        "key_question",
        "goal",
        "tools",
        "actors",
        "checklist",
    }
    assert phase["key_question"] == "Is de oplossing werkend?"
    assert set(phase["checklist"][0]) >= {"id", "text", "source"}
    assert set(data["actors"][0]) == {"id", "number", "name", "description"}
    tools = {t["number"]: t for t in data["tools"]}
    assert set(tools[1]) == {"id", "number", "name", "description", "url"}
    assert tools[6]["url"] is None
    assert tools[9]["url"] == "https://www.leidraad-ai.nl"


def test_export_markdown_and_dot_to_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "handboek.md"
    assert run(capsys, "export", "-f", "md", "-o", str(target))[0] == 0
    handbook = target.read_text(encoding="utf-8")
    assert handbook.startswith("# Toolkaart Waardevolle AI voor gezondheid\n")
    assert "Inhoud versie 1.1.0 (6 december 2026)" in handbook
    assert (
        "## Fase 4: Pilot A" in handbook and "**Kernvraag:** Is de oplossing werkend?" in handbook
    )
    assert (
        "Handleiding Aanpak Begeleidingsethiek voor AI in de zorg (geen webadres bekend)"
        in handbook
    )
    assert "## Wijzigingen in de inhoud" in handbook
    code, dot, _ = run(capsys, "export", "-f", "dot")
    assert code == 0 and dot.startswith("digraph toolkaart {")

    def ends(line: str) -> tuple[str, ...]:
        return tuple(end.strip().strip('"') for end in line.split("[")[0].split("->"))

    lines = [line for line in dot.splitlines() if "->" in line]
    edges = {ends(line) for line in lines if "invis" not in line}
    order = [ends(line) for line in lines if "invis" in line]
    assert {tuple(sorted(edge)) for edge in edges} >= {("phase_pilot-b", "tool_docuserie")}
    assert ("actor_zorgverzekeraar", "phase_verkenning") in edges
    assert ("actor_zorgverzekeraar", "phase_idee") not in edges
    assert len(edges) == 59 + 36  # every phase's actors (59) and tools (36)
    phases = ["idee", "verkenning", "ontwikkeling", "pilot-a", "pilot-b", "implementatie"]
    assert (
        order
        == [  # invisible edges that keep the phases in route order
            (f"phase_{a}", f"phase_{b}")
            for a, b in zip(phases, [*phases[1:], "productie"], strict=True)
        ]
    )


def test_export_refuses_invalid_content(
    capsys: pytest.CaptureFixture[str], content_copy: Path, tmp_path: Path
) -> None:
    (content_copy / "meta.yaml").write_text("version: [\n")
    target = tmp_path / "out.json"
    code, out, err = run(capsys, "export", "-f", "json", str(content_copy), "-o", str(target))
    assert (code, out) == (1, "")
    assert "meta.yaml:" in err and not target.exists()


def test_schema_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "schema", "phases")
    assert code == 0
    schema = json.loads(out)
    assert schema["$id"] == "phases.schema.json" and "phases" in schema["properties"]
    code, out, _ = run(capsys, "schema", "--dir", str(tmp_path))
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "actors.schema.json", "meta.schema.json", "phases.schema.json", "tools.schema.json"
    ]  # fmt: skip
    assert run(capsys, "schema", "nonsense")[0] == 2


def test_python_dash_m_and_console_script() -> None:
    for command in (
        [sys.executable, "-m", "toolkaart"],
        [str(Path(sys.executable).parent / "toolkaart")],
    ):
        done = subprocess.run(
            [*command, "validate", str(CONTENT)], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout == "OK: 7 phases, 10 actors, 14 tools, 1 warnings\n"
