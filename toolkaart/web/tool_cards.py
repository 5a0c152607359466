"""The Hulpmiddelen page's list of tools: every card in one HTML element.

Each tool was a bordered container with one Markdown element in it, 28 elements for 14 tools.
Streamlit sends each element as a message on every rerun, and a browser that opens the page
draws each with its React wrappers and parses each text as Markdown, which was the largest part
of the page's first load after its first message (docs/performance.md, section 9). The tools'
texts are plain text in the content (no Markdown), so they go into HTML escaped, as text: one
list, a card per tool, drawn as Streamlit draws a bordered container.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

import streamlit as st

from toolkaart.content.models import Phase, Tool
from toolkaart.i18n.catalog import t
from toolkaart.web.content_html import tool_html
from toolkaart.web.html_text import TEXT_CLASS, paragraph
from toolkaart.web.page_links import TOOL_PARAM, address, html_link
from toolkaart.web.page_registry import app_pages
from toolkaart.web.project_session import with_project

#: The class of the list (``tool_cards``); STYLE, sent with it, draws it.
CARDS_CLASS = "toolkaart-cards"

#: A card as Streamlit draws ``st.container(border=True)``: a 1 px line at 20 % of the text colour,
#: rounded 0.5 rem, 1 rem inside, 1 rem between cards; paragraphs as in Markdown, none after the
#: last. Links and grey text as the frame's style draws them in a ``TEXT_CLASS`` block; a link
#: that opens a new tab gets the frame's arrow (``frontend_fixes.FIXES_STYLE``).
STYLE = (
    f"ul.{CARDS_CLASS}{{list-style:none;margin:0;padding:0}}"
    f".{CARDS_CLASS} > li{{border:1px solid rgba(49,51,63,0.2);border-radius:0.5rem;"
    "padding:calc(1rem - 1px);margin:0 0 1rem;overflow-wrap:break-word}"
    f".{CARDS_CLASS} p{{margin:0 0 1rem}}"
    f".{CARDS_CLASS} :is(p,li):last-child{{margin-bottom:0}}"
)


def tool_card_html(tool: Tool, own_view: str, when: Sequence[Phase] | None) -> str:
    """One tool as a list item: a link to its own view (``own_view``, an ``address``), its
    description, its address (a new tab) or grey words that it has none, and, where ``when`` is
    given, the phases that list it. Every text is escaped."""
    parts = [
        paragraph(html_link(t("tools.details", number=tool.number, name=tool.name), own_view)),
        tool_html(tool, title=False),  # its description and address, as the phase page has them
    ]
    if when is not None:
        if when:
            names = ", ".join(f"{phase.number}. {phase.name}" for phase in when)
            parts.append(paragraph(f"<strong>{escape(t('tools.when'))}</strong> {escape(names)}"))
        else:
            parts.append(paragraph(escape(t("tools.when.none"))))
    return f"<li>{''.join(parts)}</li>"


def tool_cards(
    tools: Sequence[Tool], when: Callable[[Tool], Sequence[Phase]] | None = None
) -> None:
    """``tools`` as one list of cards, one element; ``when`` gives the phases that list a tool
    (none: the cards say nothing about the route)."""
    if not tools:
        return
    open_project = with_project({})  # read from the URL once, not once per card
    cards = "".join(
        tool_card_html(
            tool,
            address(app_pages().tools, {TOOL_PARAM: tool.id, **open_project}),
            when(tool) if when else None,
        )
        for tool in tools
    )
    # the style with the list, not in the frame's style: only this page has cards
    st.html(
        f'<style>{STYLE}</style><div class="{TEXT_CLASS}"><ul class="{CARDS_CLASS}">{cards}</ul></div>'
    )
