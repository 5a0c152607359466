"""An error no script caught reaches the person as one Dutch message with a reference, never as
Streamlit's English "This app has encountered an error" (``toolkaart.web.operations.page_error``,
the server's handler in ``asgi.py``); the log line carries the same reference.

The shipped pages catch their own errors in ``app.py`` (tests/web/test_app_frame.py shows the
message where the page stopped); this server runs a script that fails outside any page, as the
frame or a fragment could, under the same handler.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import goto, screenshot, start_streamlit
from toolkaart.i18n.catalog import t

pytestmark = pytest.mark.browser

FAILING_SCRIPT = """
import streamlit as st

st.title("Fase 1: Idee", anchor=False)
raise RuntimeError("anouk@amstel.nl typte dit")
"""

SERVER = """
import streamlit as st

from toolkaart.web.operations import page_error

app = st.App({script!r}, on_script_error=page_error)
"""


def test_an_error_no_script_caught_is_said_in_dutch_with_a_reference(
    page: Any, tmp_path: Path
) -> None:
    script = tmp_path / "failing.py"
    script.write_text(FAILING_SCRIPT, encoding="utf-8")
    server_file = tmp_path / "server.py"
    server_file.write_text(SERVER.format(script=str(script)), encoding="utf-8")
    env = {"TOOLKAART_DATABASE_URL": f"sqlite:///{tmp_path / 't.sqlite3'}"}
    with start_streamlit(env=env, app=server_file) as server:
        goto(page, server.url)
        alert = page.locator('[data-testid="stAlertContentError"]')
        alert.wait_for()
        shown = alert.inner_text()
        reference = re.search(r"kenmerk ([0-9a-f]{8})", shown)
        assert reference is not None, shown
        assert shown == t("page.unexpected", reference=reference[1])
        body = page.locator("body").inner_text()
        assert "encountered an error" not in body and "anouk" not in body
        assert page.locator('[data-testid="stException"]').count() == 0
        screenshot(page, "page-error")
        logged = server.output()
    assert f"page.error error=RuntimeError reference={reference[1]}" in logged
