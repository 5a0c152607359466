"""Helpers for AppTest: open a page of the navigator the way a link would, and read what it shows."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from tests.conftest import APP_DIR
from toolkaart.i18n.catalog import NL

APP = str(APP_DIR / "app.py")


def open_page(
    page: str = "app_pages/home.py", query: dict[str, str] | None = None, app: AppTest | None = None
) -> AppTest:
    """Run ``page`` with ``query`` as its URL query, in a new session unless ``app`` is given."""
    if app is None:
        app = AppTest.from_file(APP, default_timeout=30).run()
    app.query_params.clear()
    app.query_params.update(query or {})
    app.switch_page(page).run()
    assert not app.exception, app.exception
    return app


def opening(key: str) -> str:
    """How every text made from the catalog string ``key`` begins: the part before its first
    placeholder ('Vorige fase: ' of 'Vorige fase: {number}. {name}')."""
    return NL[key].split("{", 1)[0]


def before(key: str, placeholder: str, /, **params: object) -> str:
    """The catalog string for ``key`` up to its ``placeholder``, formatted with ``params``: the
    part of a text that is known before a value that is not (a time, a list)."""
    return NL[key].split("{" + placeholder + "}", 1)[0].format(**params)


def texts(app: AppTest) -> str:
    """Every text a person reads in the main area (markdown, captions, alerts, headers)."""
    kinds = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error")
    parts: list[str] = []
    for kind in (*kinds, "success", "code"):
        parts += [str(getattr(element, "value", "")) for element in app.get(kind)]
    return "\n".join(parts)


def links(app: AppTest) -> list[tuple[str, str, str]]:
    """(label, target page or address, query string) of every page link in the page itself
    (not the sidebar's navigation)."""
    return [
        (link.proto.label, link.proto.page, link.proto.query_string)
        for link in app.main.get("page_link")
    ]


SITE_LINK = re.compile(r"\[([^\]]+)\]\((https://[^)]+)\)")


def site_links(app: AppTest) -> list[tuple[str, str]]:
    """(label, address) of every link to an outside site, in page order."""
    return [
        (label, url) for element in app.markdown for label, url in SITE_LINK.findall(element.value)
    ]
