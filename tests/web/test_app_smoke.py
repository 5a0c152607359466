"""The app starts on the shipped content and shows the home page."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.appkit import links
from tests.conftest import APP_DIR
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import t


def test_home_page_renders_the_toolkaart(toolkaart: Toolkaart) -> None:
    app = AppTest.from_file(str(APP_DIR / "app.py"), default_timeout=30).run()
    assert not app.exception
    assert app.title[0].value == toolkaart.meta.title
    labels = [label for label, _, _ in links(app)]
    idee = toolkaart.phases[0]
    first = t(
        "home.list.item",
        number=idee.number,
        name=idee.name,
        question=idee.key_question,
        state=t("state.current"),
    )
    assert first in labels
