"""The page objects are made once per process and shared by every session (page_registry)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import APP_DIR
from toolkaart.web import page_registry


def test_pages_are_made_once_and_every_session_runs_the_same_objects() -> None:
    first, second = (
        AppTest.from_file(str(APP_DIR / "app.py")),
        AppTest.from_file(str(APP_DIR / "app.py")),
    )
    first.run(timeout=30)
    made = page_registry.app_pages()
    second.query_params["fase"] = "pilot-a"
    second.switch_page("app_pages/fase.py").run(timeout=30)
    first.run(timeout=30)  # the home page again, after the other session ran the phase page
    assert not first.exception and not second.exception
    assert page_registry.app_pages() is made
    assert second.title[0].value.endswith("Pilot A")  # each session its own page
    assert "Pilot A" not in first.title[0].value


def test_a_shared_page_stays_callable_after_streamlit_clears_its_mark() -> None:
    AppTest.from_file(str(APP_DIR / "app.py")).run(timeout=30)
    page = page_registry.app_pages().phase
    page._can_be_called = False  # what st.navigation's chosen page's run() does
    assert page._can_be_called


def test_the_pages_are_not_made_outside_a_script_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page_registry, "_made", [])  # as in a process that has run no page yet
    with pytest.raises(RuntimeError, match="script run"):
        page_registry.app_pages()
