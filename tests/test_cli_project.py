"""``toolkaart project list | create | export | import``: output and exit codes 0 / 1 / 2."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from pypdf import PdfReader

from toolkaart.access.permissions import LOCAL, Acting, Permission, Person, Role
from toolkaart.cli import main
from toolkaart.content.models import Toolkaart
from toolkaart.documents.project_exchange import MAX_IMPORT_BYTES
from toolkaart.errors import StoreError
from toolkaart.store.project_store import Store

TEAM = frozenset({Role.TEAM})


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def create(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> str:
    code, out, _ = run(capsys, "project", "--database", url, "create", *args)
    assert code == 0
    return out.strip()


def test_create_then_list_shows_the_project_at_its_current_phase(
    capsys: pytest.CaptureFixture[str], database_url: str
) -> None:
    project_id = create(
        capsys, database_url, "Zoë’s triage", "--organisation", "UMC €", "--contact", "Renée"
    )
    assert len(project_id) == 16
    code, out, _ = run(capsys, "project", "--database", database_url, "list")
    assert code == 0
    header, row = out.splitlines()
    assert header == "id\tversion\tphase\tname\torganisation\tarchived"
    assert row == f"{project_id}\t1\tIdee\tZoë’s triage\tUMC €\tno"


def test_a_created_project_rests_on_the_content_it_was_made_with(
    capsys: pytest.CaptureFixture[str], database_url: str, toolkaart: Toolkaart
) -> None:
    project_id = create(capsys, database_url, "Sepsis-voorspeller")
    stored = Store(database_url, acting=LOCAL).get(project_id)
    assert stored.content_version == toolkaart.meta.version  # changes later show since then


def test_export_then_import_adds_a_copy(
    capsys: pytest.CaptureFixture[str], database_url: str, tmp_path: Path
) -> None:
    project_id = create(capsys, database_url, "Uitwisselbaar")
    target = tmp_path / "project.json"
    code, out, _ = run(
        capsys, "project", "--database", database_url, "export", project_id, "-o", str(target)
    )
    assert (code, out) == (0, "")
    assert json.loads(target.read_text(encoding="utf-8"))["project"]["name"] == "Uitwisselbaar"
    code, out, _ = run(capsys, "project", "--database", database_url, "import", str(target))
    assert code == 0 and out.strip() != project_id
    code, out, _ = run(capsys, "project", "--database", database_url, "list")
    assert out.count("Uitwisselbaar") == 2


def test_export_writes_reports_in_every_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    project_id = create(capsys, url, "Rapport voor de raad", "--organisation", "Één zorg")
    code, out, _ = run(capsys, "project", "--database", url, "export", project_id, "-f", "md")
    assert code == 0 and out.startswith("# Projectrapport: Rapport voor de raad")
    for fmt in ("docx", "pdf"):
        target = tmp_path / f"rapport.{fmt}"
        args = ("project", "--database", url, "export", project_id, "-f", fmt, "-o", str(target))
        assert run(capsys, *args)[0] == 0
    docx_text = "\n".join(p.text for p in Document(str(tmp_path / "rapport.docx")).paragraphs)
    assert "Organisatie of team: Één zorg" in docx_text
    pdf = PdfReader(io.BytesIO((tmp_path / "rapport.pdf").read_bytes()))
    assert "Organisatie of team: Één zorg" in pdf.pages[0].extract_text()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{}", "format ontbreekt."),
        (b"niet eens json", "geen geldige JSON"),
        (b" " * (MAX_IMPORT_BYTES + 10), "te groot"),
        (b" " * 1_500_000, "te groot (1,5 MB)"),  # its own size, not the limit's
    ],
    ids=["schema", "syntax", "oversized", "oversized-size"],
)
def test_a_refused_import_exits_1_says_why_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    database_url: str,
    tmp_path: Path,
    content: bytes,
    message: str,
) -> None:
    create(capsys, database_url, "Bestaand")
    before = run(capsys, "project", "--database", database_url, "list")
    bad = tmp_path / "fout.json"
    bad.write_bytes(content)
    code, out, err = run(capsys, "project", "--database", database_url, "import", str(bad))
    assert (code, out) == (1, "")
    assert err.startswith("Het bestand is niet ingelezen; er is niets veranderd.")
    assert message in err
    assert run(capsys, "project", "--database", database_url, "list") == before


def test_unknown_project_and_blank_name_are_rejected_input(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "project", "export", "onbekend")
    assert code == 1 and "Project 'onbekend': niet gevonden of geen toegang" in err
    code, _, err = run(capsys, "project", "create", "   ")
    assert code == 1 and "Geef het project een naam." in err
    assert run(capsys, "project", "list")[1] == "id\tversion\tphase\tname\torganisation\tarchived\n"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "project", "import", str(tmp_path / "bestaat-niet.json"))
    assert code == 2 and "does not exist" in err
    for args in (["project"], ["project", "create"], ["project", "export", "x", "-f", "odt"]):
        with pytest.raises(SystemExit) as exited:
            main(args)
        assert exited.value.code == 2


def test_move_gives_projects_made_locally_an_organisation_its_members_then_see(
    capsys: pytest.CaptureFixture[str], database_url: str
) -> None:
    """Local mode needs no organisation; a service shows people their organisations' projects
    only. ``project move`` bridges the two (after ``db copy`` to the service's database)."""
    loose = create(capsys, database_url, "Sepsis-voorspeller")
    archived = create(capsys, database_url, "Oud project")
    store = Store(database_url, acting=LOCAL)
    store.save(replace(store.get(archived), archived=True))
    owned = create(capsys, database_url, "Triage", "--organisation", "UMC Zuid")
    member = Acting(Person("https://id.example", "s-1", "ria@noord.nl"), {"Ziekenhuis Noord": TEAM})
    assert Store(database_url, acting=member).list_projects(include_archived=True) == []

    code, out, err = run(
        capsys, "project", "--database", database_url, "move",
        "--organisation", " Ziekenhuis Noord ", "--without-organisation",
    )  # fmt: skip
    assert code == 0
    assert sorted(line.split("\t")[0] for line in out.splitlines()) == sorted(
        ["moved: " + loose, "moved: " + archived]
    )
    assert "nobody has a role in 'Ziekenhuis Noord' yet" in err
    seen = Store(database_url, acting=member).list_projects(include_archived=True)
    assert sorted(p.id for p in seen) == sorted([loose, archived])
    moved = [(saved.project.version, saved.project.organisation) for saved in store.history(loose)]
    assert sorted(moved) == [(1, ""), (2, "Ziekenhuis Noord")]  # the move is a saved version
    assert store.get(owned).organisation == "UMC Zuid"  # one that had an organisation: untouched

    code, out, _ = run(
        capsys, "project", "--database", database_url, "move", "--organisation", "UMC Zuid", loose
    )
    assert (code, store.get(loose).organisation) == (0, "UMC Zuid")
    assert member.may(Permission.READ_PROJECTS, "UMC Zuid") is False
    assert [p.id for p in Store(database_url, acting=member).list_projects()] == []


def test_move_refuses_what_it_cannot_do(
    capsys: pytest.CaptureFixture[str], database_url: str
) -> None:
    project_id = create(capsys, database_url, "Sepsis-voorspeller")
    base = ("project", "--database", database_url, "move")
    code, _, err = run(capsys, *base, "--organisation", "  ", project_id)
    assert code == 1 and err.strip() == "Geef de naam van de organisatie."
    code, _, err = run(capsys, *base, "--organisation", "X", "bestaat-niet")
    assert code == 1 and "niet gevonden" in err
    assert Store(database_url, acting=LOCAL).get(project_id).organisation == ""  # nothing half
    code, _, err = run(capsys, *base, "--organisation", "X")  # no ids, no --without-organisation
    assert code == 2 and "name the projects" in err
    code, out, _ = run(capsys, *base, "--organisation", "X", "--without-organisation")
    assert (code, out) == (0, "moved: " + project_id + "\tSepsis-voorspeller\t-> X (version 2)\n")
    code, out, _ = run(capsys, *base, "--organisation", "X", "--without-organisation")
    assert (code, out) == (
        0,
        "nothing to move: no project without an organisation, or all are in X\n",
    )
    code, out, _ = run(capsys, *base, "--organisation", "X", project_id, project_id)
    assert code == 0 and out.startswith("nothing to move")  # already there: no empty version
    assert Store(database_url, acting=LOCAL).get(project_id).version == 2


def test_move_says_which_were_moved_when_it_stops_partway(
    capsys: pytest.CaptureFixture[str], database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = create(capsys, database_url, "Eerste"), create(capsys, database_url, "Tweede")
    saves = []
    real_save = Store.save

    def second_refused(self: Store, project: Any, **kwargs: Any) -> Any:
        saves.append(project.id)
        if len(saves) == 2:  # as when someone saves it in the service meanwhile
            raise StoreError("no_write", organisation=project.organisation)
        return real_save(self, project, **kwargs)

    monkeypatch.setattr(Store, "save", second_refused)
    base = ("project", "--database", database_url, "move", "--organisation", "Noord")
    code, out, err = run(capsys, *base, first, second, first)  # an id twice: moved once
    assert code == 1
    assert out == f"moved: {first}\tEerste\t-> Noord (version 2)\n"
    assert "stopped after 1 of 2 moved" in err.splitlines()  # after the log line of the first
    monkeypatch.setattr(Store, "save", real_save)
    assert Store(database_url, acting=LOCAL).get(second).organisation == ""
