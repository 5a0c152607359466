"""The tool cards: a content file's text is text in them, and each card says what the list
view of a tool said as Markdown (its own view, its description, its site, when in the route)."""

from __future__ import annotations

from html import escape

from tests.appkit import CardReader
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.web.html_text import MUTED_CLASS
from toolkaart.web.tool_cards import tool_card_html

OWN_VIEW = "./hulpmiddelen?tool=mkba&project=p1"
HOSTILE = '<img src=x onerror="alert(1)"> & [link](https://evil.example) **vet**'


def read(html: str) -> list[list[str]]:
    reader = CardReader()
    reader.feed(html)
    return reader.cards


def test_a_tools_texts_are_text_not_markup(toolkaart: Toolkaart) -> None:
    url = 'https://x.example/a?b=1&c="><script>alert(1)</script>'
    tool = toolkaart.tools[0].model_copy(
        update={"name": f"Naam {HOSTILE}", "description": HOSTILE, "url": url}
    )
    html = tool_card_html(tool, OWN_VIEW, when=())
    assert "<img" not in html and 'onerror="' not in html  # escaped, never an element
    assert "<script" not in html  # the address stays inside its attribute
    assert 'href="https://x.example/a?b=1&amp;c=&quot;&gt;&lt;script&gt;' in html
    [card] = read(html)
    assert card[0] == t("tools.details", number=tool.number, name=tool.name)
    assert card[1] == HOSTILE  # a browser shows exactly what the file says
    assert card[3] == t("tools.when.none")


def test_a_card_links_its_own_view_and_its_site_in_a_new_tab(toolkaart: Toolkaart) -> None:
    tool = toolkaart.tools[0]
    assert tool.url is not None
    html = tool_card_html(tool, OWN_VIEW, when=toolkaart.phases[:2])
    assert f'href="{escape(OWN_VIEW)}"' in html  # the frame's script moves in place
    assert f'<a href="{tool.url}" target="_blank" rel="noopener noreferrer">' in html
    [card] = read(html)
    first, second = toolkaart.phases[:2]
    when = f"{first.number}. {first.name}, {second.number}. {second.name}"
    assert card[3] == f"{t('tools.when')} {when}"
    assert f"<strong>{t('tools.when')}</strong>" in html


def test_a_tool_without_an_address_says_so_in_grey_and_no_route_line_unless_asked(
    toolkaart: Toolkaart,
) -> None:
    tool = toolkaart.tools[0].model_copy(update={"url": None})
    html = tool_card_html(tool, OWN_VIEW, when=None)
    [card] = read(html)
    assert card[2] == t("tool.no_url") and len(card) == 3
    assert f'<p class="{MUTED_CLASS}">' in html
