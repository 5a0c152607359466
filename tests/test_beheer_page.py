"""The Beheer page (AppTest): valid content, content with warnings, broken content, reload diff."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import APP_DIR, CONTENT
from tests.contentedit import edit_yaml, replace_text
from toolkaart.i18n.catalog import t
from toolkaart.settings import ENV_CONTENT_DIR


def open_beheer(content: Path | None, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The app, navigated to Beheer the way the sidebar does (the page must be registered)."""
    if content is not None:
        monkeypatch.setenv(ENV_CONTENT_DIR, str(content))
    else:
        monkeypatch.delenv(ENV_CONTENT_DIR, raising=False)
    app = AppTest.from_file(str(APP_DIR / "app.py"), default_timeout=30).run()
    app.switch_page("app_pages/beheer.py").run()
    assert not app.exception, app.exception
    assert app.title[0].value == "Beheer van de inhoud"
    return app


def text_of(app: AppTest) -> str:
    parts: list[Any] = [e.value for e in (*app.markdown, *app.caption, *app.code)]
    parts += [e.value for e in (*app.success, *app.info, *app.warning, *app.error)]
    return "\n".join(str(p) for p in parts)


def shown(value: Any) -> Any:
    """What a reader sees of a table cell: the page escapes Markdown in content text."""
    return re.sub(r"\\(.)", r"\1", value) if isinstance(value, str) else value


def table_rows(app: AppTest, index: int) -> list[dict[str, Any]]:
    """The rows of the index-th table, as the reader sees them."""
    return [
        {shown(key): shown(value) for key, value in row.items()}
        for row in app.table[index].value.to_dict(orient="records")
    ]


def test_valid_content(monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_beheer(None, monkeypatch)
    assert [w.value for w in app.warning] == ["De inhoud is geldig, met 1 waarschuwing."]
    assert not app.error
    assert [c.value for c in app.code] == [
        f"{CONTENT / 'tools.yaml'}:49:5: warning: {t('content.diag.no_address', id='begeleidingsethiek')}"
    ]
    text = text_of(app)
    assert "Inhoud versie 1.0.0 (2026-11-22)." in text
    assert "Eerste transcriptie van de Toolkaart" in text  # the changelog
    # phase × actor and phase × tool, with text headers
    actors, tools = table_rows(app, 0), table_rows(app, 1)
    assert len(actors) == 10 and len(tools) == 14
    assert list(actors[0]) == [
        "Actor",
        "1. Idee",
        "2. Verkenning",
        "3. Ontwikkeling",
        "4. Pilot A",
        "5. Pilot B",
        "6. Implementatie",
        "7. Productie",
        "Aantal fases",
    ]
    zorgbestuurder = next(r for r in actors if r["Actor"] == "De zorgbestuurder")
    assert zorgbestuurder["1. Idee"] == "✓" and zorgbestuurder["2. Verkenning"] == ""
    unlinked = [r["Hulpmiddel"] for r in tools if r["Aantal fases"] == 0]
    assert len(unlinked) == 3
    for name in unlinked:  # tools on no phase are listed by name
        assert name in text
    assert "Handleiding Aanpak Begeleidingsethiek voor AI in de zorg (`begeleidingsethiek`)" in text
    assert text.count("Geen.") == 2  # no actor on no phase, no checklist item without a source


def test_content_with_warnings(content_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def drop_source(data: Any) -> None:
        del data["phases"][0]["checklist"][0]["source"]

    edit_yaml(content_copy / "phases.yaml", drop_source)
    app = open_beheer(content_copy, monkeypatch)

    assert [w.value for w in app.warning] == ["De inhoud is geldig, met 2 waarschuwingen."]
    (listing,) = [c.value for c in app.code]
    lines = listing.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{content_copy / 'phases.yaml'}:")
    assert lines[0].endswith(f": warning: {t('content.diag.no_source', item='idee-zorgvraag')}")
    assert lines[1].startswith(f"{content_copy / 'tools.yaml'}:")
    assert "Idee: Het idee komt voort uit een concrete vraag" in text_of(app)
    assert "(`idee-zorgvraag`)" in text_of(app)


def test_broken_content_says_what_is_wrong(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    replace_text(content_copy / "phases.yaml", "actors: [ontwikkelaar,", "actors: [ontwikkelaarr,")
    replace_text(content_copy / "tools.yaml", "number: 3\n", "number: drie\n")
    app = open_beheer(content_copy, monkeypatch)

    assert [e.value for e in app.error] == [
        t("beheer.validation.errors", errors="2 fouten", warnings="0 waarschuwingen"),
        t("beheer.serving_none"),  # broken since this directory was first read
    ]
    (errors,) = (c.value for c in app.code)  # tools.yaml is invalid: no address warning
    assert errors.splitlines() == [
        f"{content_copy / 'phases.yaml'}:15:14: error: "
        + t("content.diag.unknown_id.actor", id="ontwikkelaarr"),
        f"{content_copy / 'tools.yaml'}:23:13: error: tools[2].number: "
        + t("content.value.int_type"),
    ]
    assert not app.table  # no matrices without valid content
    text = text_of(app)
    assert "De versie is onbekend zolang de inhoud fouten bevat." in text
    assert "zodra de fouten hersteld zijn" in text


def test_reload_lists_what_changed_since_the_previous_load(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = open_beheer(content_copy, monkeypatch)
    assert not app.table[0].value.empty

    phases, meta = content_copy / "phases.yaml", content_copy / "meta.yaml"
    stamps = {path: path.stat() for path in (phases, meta)}
    replace_text(phases, "name: Idee\n", "name: Ideefase\n")
    replace_text(meta, 'version: "1.0.0"', 'version: "1.1.0"')
    # Keep the old time stamps (as `cp -p` would): the cache key cannot see these edits; the
    # button must still load them.
    for path, stat in stamps.items():
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))

    app.button[0].click().run()
    assert not app.exception
    assert [s.value for s in app.success] == [
        "Opnieuw geladen. Sinds de vorige keer laden: 0 toegevoegd, 0 verwijderd, 2 gewijzigd."
    ]
    assert table_rows(app, 0) == [
        {
            "Wijziging": "gewijzigd",
            "Soort": "Gegevens (meta.yaml)",
            "Id": "meta",
            "Naam of tekst": "Toolkaart Waardevolle AI voor gezondheid",
            "Gewijzigde velden": "version",
        },
        {
            "Wijziging": "gewijzigd",
            "Soort": "Fase",
            "Id": "idee",
            "Naam of tekst": "Ideefase",
            "Gewijzigde velden": "name",
        },
    ]
    assert "1. Ideefase" in table_rows(app, 1)[0]  # the matrices show the reloaded content

    app.button[0].click().run()  # nothing changed since this reload
    assert [i.value for i in app.info] == [
        "Opnieuw geladen: geen wijzigingen sinds de vorige keer laden."
    ]


def test_reload_after_breaking_and_repairing(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = open_beheer(content_copy, monkeypatch)
    tools = content_copy / "tools.yaml"
    good = tools.read_text(encoding="utf-8")

    tools.write_text(good.replace("number: 3\n", "number: drie\n", 1), encoding="utf-8")
    app.button[0].click().run()
    assert "de inhoud bevat nu fouten" in app.warning[0].value
    assert app.error and "tools.yaml:23:13: error" in app.code[0].value

    tools.write_text(good, encoding="utf-8")
    app.button[0].click().run()
    assert "de inhoud is weer geldig" in app.warning[0].value
    assert not app.error
