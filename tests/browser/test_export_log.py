"""In a real browser: downloading a project's report logs one ``project.exported`` line, by id.

Streamlit makes a download's file only when the button is clicked (``data=`` a function), in a
request of its own: the line must come from there, once, and name no one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import goto, settle, start_streamlit
from toolkaart.access.permissions import LOCAL
from toolkaart.i18n.catalog import t
from toolkaart.store.project_store import Store

pytestmark = pytest.mark.browser


def test_a_downloaded_report_is_logged_once_by_project_id(page: Any, tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'export.sqlite3'}"
    store = Store(database, acting=LOCAL)
    project = store.create("Valrisico dr. Jansen", "Huisartsenpraktijk Jansen")
    store.close()
    env = {"TOOLKAART_DATABASE_URL": database, "TOOLKAART_LOG_FORMAT": "json"}
    with start_streamlit(env=env) as server:
        goto(page, f"{server.url}/zelfscan?project={project.id}")
        with page.expect_download() as caught:
            page.get_by_role("button", name=t("scan.export.md")).click()
        assert caught.value.suggested_filename.endswith(".md")
        settle(page)
        output = server.output()
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    exported = [line["fields"] for line in lines if line.get("event") == "project.exported"]
    assert exported == [{"project": project.id, "format": "md"}]
    assert "Jansen" not in "\n".join(json.dumps(line) for line in lines)
