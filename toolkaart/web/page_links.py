"""Links between the pages, carrying the view in the URL so a refresh or a shared link lands on it.

``st.page_link`` and ``st.switch_page`` drop query parameters unless they are passed, so every link
to a phase, actor or tool goes through these helpers: a page link of its own where a link stands
alone (``phase_link``), an ``address`` inside one Markdown or HTML element where links stand
together (the sidebar, lists, the row under a page).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from urllib.parse import urlencode

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from toolkaart.content.models import Actor, Phase
from toolkaart.i18n.catalog import t
from toolkaart.web.literal import content_literal
from toolkaart.web.page_registry import app_pages
from toolkaart.web.project_session import with_project

#: Query parameter of each page's deep link.
PHASE_PARAM, ACTOR_PARAM, TOOL_PARAM = "fase", "actor", "tool"

#: How an address this app writes into Markdown or HTML starts (``address``): the frame's script
#: (``layout.LINKS_SCRIPT``) recognises a link to one of its own pages by it.
OWN_PAGE = "./"


def address(page: StreamlitPage, query: Mapping[str, str]) -> str:
    """The address of ``page`` with ``query``, relative to the page shown (``./fase?fase=idee``),
    for links drawn as part of a Markdown or HTML element.

    Why not ``st.page_link``: Streamlit sends every element to the browser as a message of its
    own on every rerun, about 0.15 ms of server CPU each, and the links were a quarter of the
    phase page's messages (docs/performance.md section 8). Many links in one element cost one.
    A click on such a link is Streamlit's own move to the page, as a page link's is: the frame's
    script turns it into the browser's history navigation, which Streamlit follows without
    reloading the document (the session, its state and its connection stay). Every page sits at
    the app's root (``/fase``, ``/actoren``; the home page at ``/``, or under
    ``server.baseUrlPath``), so ``./`` plus the page's own path is its address from any of them.
    """
    query_string = urlencode(dict(query))
    return f"{OWN_PAGE}{page.url_path}" + (f"?{query_string}" if query_string else "")


def html_link(label: str, target: str, *, current: bool = False, new_tab: bool = False) -> str:
    """A link in HTML: its label as text and its ``address`` (or an outside site's), both
    escaped; ``current`` marks the page shown (``aria-current``), ``new_tab`` opens an outside
    site in a tab of its own, as Streamlit's Markdown links do (the label says so)."""
    mark = ' aria-current="page"' if current else ""
    if new_tab:
        mark += ' target="_blank" rel="noopener noreferrer"'
    return f'<a href="{escape(target)}"{mark}>{escape(label)}</a>'


#: The class of a row of links under a page (``pager``); ``layout.NAV_STYLE`` draws it.
PAGER_CLASS = "toolkaart-pager"


def pager(name: str, links: Sequence[tuple[str, str] | None]) -> None:
    """A row of links (label, ``address``) under a page, side by side where there is room and
    one under the other where there is not, as one element: a landmark named ``name``. A
    ``None`` keeps its place empty (no previous phase before the first). Labels are text,
    escaped for HTML."""
    cells = ["<span></span>" if link is None else html_link(*link) for link in links]
    st.html(f'<nav class="{PAGER_CLASS}" aria-label="{escape(name)}">{"".join(cells)}</nav>')


#: The class of a list of links in a page (``link_list``); ``layout.NAV_STYLE`` draws it.
LIST_CLASS = "toolkaart-links"


def link_list(links: Sequence[tuple[str, str]]) -> None:
    """Links (label, ``address``) one under the other, drawn as Streamlit draws page links, as
    one element: a list. Labels are text, escaped for HTML."""
    items = "".join(f"<li>{html_link(label, target)}</li>" for label, target in links)
    st.html(f'<ul class="{LIST_CLASS}">{items}</ul>')


def markdown_link(label: str, page: StreamlitPage, query: Mapping[str, str]) -> str:
    """``[label](address)`` for a link inside a Markdown element; ``label`` is Markdown (a
    person's text in it must be ``literal``)."""
    return f"[{label}]({address(page, query)})"


def phase_link(phase: Phase, label: str) -> None:
    st.page_link(app_pages().phase, label=label, query_params=with_project({PHASE_PARAM: phase.id}))


def phase_address(phase: Phase) -> str:
    """The ``address`` of the phase page on ``phase``, keeping the open project."""
    return address(app_pages().phase, with_project({PHASE_PARAM: phase.id}))


def actor_title(actor: Actor) -> str:
    """The actor's number and name in bold Markdown, linked to its place on the Actoren page
    (``address`` says why not a page link)."""
    label = t("actors.link", number=actor.number, name=content_literal(actor.name))
    return f"**{markdown_link(label, app_pages().actors, with_project({ACTOR_PARAM: actor.id}))}**"


def keep_in_url(param: str, value: str) -> None:
    """Write the view shown into the address bar, on every run.

    Streamlit 1.67 runs a ``st.page_link`` to the *same* page with the link's query parameters but
    leaves the browser's address unchanged, so a refresh or a copied link would show the previous
    view. Setting the parameter from the script always sends the address to the browser.
    """
    st.query_params[param] = value
