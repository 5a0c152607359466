"""The content changelog (meta.yaml `changelog`): on the Beheer page and in the Markdown handbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import APP_DIR
from tests.contentedit import edit_yaml
from tests.web.test_user_text_pages import shown_text
from toolkaart.content.loader import load_toolkaart
from toolkaart.documents.handbook import to_markdown
from toolkaart.i18n.catalog import t
from toolkaart.settings import ENV_CONTENT_DIR
from toolkaart.web.literal import content_literal


def add_release(content: Path) -> None:
    """A version bump as docs/content.md describes it: new version and date, newest entry first."""

    def bump(data: Any) -> None:
        data["version"] = "1.2.0"
        data["date"] = dt.date(2026, 12, 15)
        data["changelog"].insert(
            0,
            {
                "version": "1.2.0",
                "date": dt.date(2026, 12, 15),
                "changes": ["Fase Idee heet nu Ideefase.", "Webadres van hulpmiddel 6 toegevoegd."],
            },
        )

    edit_yaml(content / "meta.yaml", bump)


def test_markdown_handbook_lists_every_release(content_copy: Path) -> None:
    add_release(content_copy)
    markdown = to_markdown(load_toolkaart(content_copy))
    section = markdown.split(f"## {t('handbook.changelog')}\n", 1)[1]
    lines = section.strip().splitlines()
    # every release, newest first: the one just added, the shipped ones down to the first
    assert [line for line in lines if line.startswith("- **")] == [
        "- **1.2.0** (15 december 2026)",
        "- **1.1.0** (6 december 2026)",
        "- **1.0.0** (22 november 2026)",
    ]
    assert lines[:3] == [
        "- **1.2.0** (15 december 2026)",
        "  - Fase Idee heet nu Ideefase.",
        "  - Webadres van hulpmiddel 6 toegevoegd.",
    ]
    assert lines[-3:] == [
        "- **1.0.0** (22 november 2026)",
        "  - Eerste transcriptie van de Toolkaart: 7 fases met kernvraag en doel, 10 actoren, "
        "14 hulpmiddelen met hun webadres, en per fase een checklist met bronvermelding.",
        "  - Hulpmiddel 12 (www.datavoorgezondheid.nl) staat in de Toolkaart met een http-adres; "
        "het is overgenomen als https-adres, zoals alle andere adressen van die website.",
    ]


def test_beheer_page_shows_the_version_and_every_release(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_release(content_copy)
    monkeypatch.setenv(ENV_CONTENT_DIR, str(content_copy))
    app = AppTest.from_file(str(APP_DIR / "app.py"), default_timeout=30).run()
    app.switch_page("app_pages/beheer.py").run()
    assert not app.exception
    markdown = [m.value for m in app.markdown]
    label = load_toolkaart(content_copy).meta.label
    assert "1.2.0" in label and "15 december 2026" in label
    assert t("beheer.version.current", label=content_literal(label)) in markdown
    # each release a bold version and a list of changes, read as a person reads them: the
    # content's texts go in as written (escaped, and 'www.' not made a link)
    releases = [m for m in markdown if m.startswith("**1")]
    assert all(
        release.count("\n- ") == len(release.split("\n\n")[1].splitlines()) for release in releases
    )
    assert [shown_text(release).split("\n")[0] for release in releases] == [
        "1.2.0 (15 december 2026)",
        "1.1.0 (6 december 2026)",
        "1.0.0 (22 november 2026)",
    ]
    assert shown_text(releases[0]).split("\n")[1:3] == [
        "Fase Idee heet nu Ideefase.",
        "Webadres van hulpmiddel 6 toegevoegd.",
    ]
    assert shown_text(releases[-1]).split("\n")[1:3] == [
        "Eerste transcriptie van de Toolkaart: 7 fases met kernvraag en doel, 10 actoren, 14 "
        "hulpmiddelen met hun webadres, en per fase een checklist met bronvermelding.",
        "Hulpmiddel 12 (www.datavoorgezondheid.nl) staat in de Toolkaart met een http-adres; het "
        "is overgenomen als https-adres, zoals alle andere adressen van die website.",
    ]
