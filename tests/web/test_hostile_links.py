"""A crafted link cannot put an attacker's link or image into the app's own warnings."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from tests.appkit import open_page
from toolkaart.web.literal import JOINER

HOSTILE = (
    "[Log opnieuw in](https://evil.example/login)",
    "![b](http://host/beacon)",
    "<img src=x onerror=alert(1)>",
    "# Kop\n- lijst",
)
PAGES = (
    ("app_pages/fase.py", "fase"),
    ("app_pages/actoren.py", "actor"),
    ("app_pages/hulpmiddelen.py", "tool"),
)


def _tokens(markdown: str) -> set[str]:
    """Every kind of Markdown element the text turns into, inline ones included."""
    kinds: set[str] = set()
    for token in MarkdownIt("commonmark").parse(markdown):
        kinds.add(token.type)
        kinds.update(child.type for child in token.children or ())
    return kinds


@pytest.mark.parametrize(("page", "param"), PAGES)
@pytest.mark.parametrize("value", HOSTILE)
def test_url_values_are_echoed_as_plain_text(page: str, param: str, value: str) -> None:
    app = open_page(page, {param: value})
    (warning,) = [w.value for w in app.warning]
    assert not {"link_open", "image", "html_inline", "html_block", "heading_open"} & _tokens(
        warning
    ), warning
    shown = warning.replace("\\", "").replace(JOINER, "")  # escapes, and what stops autolinks
    assert value.replace("\n", " ")[:20].split()[0] in shown  # still readable as written
