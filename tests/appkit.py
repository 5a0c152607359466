"""Helpers for AppTest: open a page of the navigator the way a link would, and read what it shows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from typing import Any

from streamlit.testing.v1 import AppTest

from tests.conftest import APP_DIR
from toolkaart.i18n.catalog import NL
from toolkaart.web.html_tables import TABLE_CLASS
from toolkaart.web.html_text import TEXT_CLASS
from toolkaart.web.tool_cards import CARDS_CLASS

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


def item_text(box: Any) -> str:
    """A checklist item's text: its checkbox's label without the line with its source."""
    return str(box.label).split("  \n", 1)[0]


def texts(app: AppTest) -> str:
    """Every text a person reads in the main area (markdown, captions, alerts, headers, and the
    content's texts drawn as HTML: ``html_paragraphs``)."""
    kinds = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error")
    parts: list[str] = []
    for kind in (*kinds, "success", "code"):
        parts += [str(getattr(element, "value", "")) for element in app.get(kind)]
    return "\n".join(parts + html_paragraphs(app))


class ParagraphReader(HTMLParser):
    """The paragraphs of an HTML element as a person reads them (entities resolved, no tags)."""

    def __init__(self) -> None:
        super().__init__()
        self.paragraphs: list[str] = []
        self._paragraph: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p":
            self._paragraph = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self._paragraph is not None:
            self.paragraphs.append("".join(self._paragraph))
            self._paragraph = None

    def handle_data(self, data: str) -> None:
        if self._paragraph is not None:
            self._paragraph.append(data)


def html_paragraphs(app: AppTest) -> list[str]:
    """The paragraphs of the content's texts drawn as HTML (``content_html``), in page order."""
    found: list[str] = []
    for element in app.main:
        if element.type == "html" and element.proto.body.startswith(
            f'<div class="{TEXT_CLASS}"><p'
        ):
            reader = ParagraphReader()
            reader.feed(element.proto.body)
            found += reader.paragraphs
    return found


#: A link to one of the app's own pages in Markdown (``page_links.markdown_link``) and in HTML
#: (``page_links.pager``, the sidebar): its label, the page's address and the query.
_OWN_MARKDOWN_LINK = re.compile(r"\[((?:\\.|[^\]])+)\]\(\./([^)?]*)(?:\?([^)]*))?\)")
_OWN_HTML_LINK = re.compile(r'<a href="\./([^"?]*)(?:\?([^"]*))?"[^>]*>([^<]*)</a>')


def own_links(element: Any) -> list[tuple[str, str, str]]:
    """(label, page address, query string) of every link to one of the app's own pages in
    ``element``: a page link, or the links inside a Markdown or HTML element."""
    if element.type == "page_link":
        return [(element.proto.label, element.proto.page, element.proto.query_string)]
    if element.type in ("markdown", "caption"):
        found = _OWN_MARKDOWN_LINK.findall(element.value)
        return [(label, page, query) for label, page, query in found]
    if element.type == "html":
        found = _OWN_HTML_LINK.findall(element.proto.body)
        return [(unescape(label), page, unescape(query)) for page, query, label in found]
    return []


def links(app: AppTest) -> list[tuple[str, str, str]]:
    """(label, target page's address, query string) of every link to one of the app's pages in
    the page itself (not the sidebar's navigation), in page order."""
    return [link for element in app.main for link in own_links(element)]


def sidebar_links(app: AppTest) -> list[tuple[str, str, str]]:
    """The same for the sidebar's navigation."""
    return [link for element in app.sidebar for link in own_links(element)]


SITE_LINK = re.compile(r"\[([^\]]+)\]\((https://[^)]+)\)")
SITE_HTML_LINK = re.compile(r'<a href="(https://[^"]+)" target="_blank"[^>]*>([^<]*)</a>')


def site_links(app: AppTest) -> list[tuple[str, str]]:
    """(label, address) of every link to an outside site in Markdown or HTML, in page order."""
    found: list[tuple[str, str]] = []
    for element in app.main:
        if element.type == "markdown":
            found += SITE_LINK.findall(str(getattr(element, "value", "")))
        elif element.type == "html":
            found += [
                (unescape(label), unescape(url))
                for url, label in SITE_HTML_LINK.findall(element.proto.body)
            ]
    return found


class CardReader(ParagraphReader):
    """The tool cards of ``tool_cards.tool_card_html``: each card's paragraphs as text."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "li":
            self.cards.append([])
        super().handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        read = len(self.paragraphs)
        super().handle_endtag(tag)
        if len(self.paragraphs) > read:  # a card's paragraph ended
            self.cards[-1].extend(self.paragraphs[read:])


def cards(app: AppTest) -> list[list[str]]:
    """Every tool card in the main area, in page order: its paragraphs as a person reads them
    (entities resolved, markup gone)."""
    found: list[list[str]] = []
    for element in app.main:
        if element.type == "html" and f'<ul class="{CARDS_CLASS}">' in element.proto.body:
            reader = CardReader()
            reader.feed(element.proto.body)
            found += reader.cards
    return found


@dataclass(frozen=True)
class ShownTable:
    """A table as a person (and a screen reader) gets it: its name, its column headers, and its
    rows of cell texts, the row header first where the row has one."""

    name: str
    columns: list[str]
    rows: list[list[str]]
    row_headers: list[str]

    def records(self) -> list[dict[str, str]]:
        """Each row as {column header: cell text}."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


class TableReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.name = ""
        self.columns: list[str] = []
        self.rows: list[list[str]] = []
        self.row_headers: list[str] = []
        self._cell: list[str] | None = None
        self._in_head = False
        self._row_header = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "div" and found.get("role") == "region":
            self.name = found.get("aria-label") or ""
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr" and not self._in_head:
            self.rows.append([])
        elif tag in ("th", "td"):
            self._cell, self._row_header = [], found.get("scope") == "row"
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "thead":
            self._in_head = False
        elif tag in ("th", "td") and self._cell is not None:
            text = "".join(self._cell)
            if self._in_head:
                self.columns.append(text)
            else:
                self.rows[-1].append(text)
                if self._row_header:
                    self.row_headers.append(text)
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def tables(app: AppTest) -> list[ShownTable]:
    """Every table drawn by ``html_tables.table_html`` in the main area, in page order, read back
    from its HTML (entities resolved, as a browser shows them)."""
    found = []
    for element in app.main:
        if element.type == "html" and f'class="{TABLE_CLASS}"' in element.proto.body:
            reader = TableReader()
            reader.feed(element.proto.body)
            found.append(ShownTable(reader.name, reader.columns, reader.rows, reader.row_headers))
    return found
