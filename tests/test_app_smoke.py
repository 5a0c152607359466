"""The app starts on the shipped content and shows the home page."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import APP_DIR


def test_home_page_renders_the_toolkaart() -> None:
    app = AppTest.from_file(str(APP_DIR / "app.py"), default_timeout=30).run()
    assert not app.exception
    assert app.title[0].value == "Toolkaart Waardevolle AI voor gezondheid"
    labels = [link.proto.label for link in app.get("page_link")]
    assert "1. Idee: Is het idee wenselijk? (huidige fase)" in labels
