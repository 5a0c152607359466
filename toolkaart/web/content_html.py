"""The phase page's tools and actors as HTML: the content's texts escaped, made once per content.

They were two Markdown elements, each a few kilobytes of the content's descriptions. A browser
that opens the phase page parses every Markdown text with Streamlit's Markdown renderer into
React elements before it shows the page's title; without the two lists the title came about
60 ms sooner, as HTML 26 ms sooner (docs/performance.md, section 9). The server sends what it
made once per content instead of building the text on every rerun (with a project open the
actors' links carry it: made on each run then, as a copy per project would grow with every
project). The texts are escaped (the content is a file someone supplies, ``literal``), the links
are ``page_links.html_link`` (own pages through the frame's script, outside sites in a new tab
with the frame's arrow); paragraphs look as Markdown's do (Streamlit's own style for ``p``).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import streamlit as st

from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Actor, Tool
from toolkaart.i18n.catalog import t
from toolkaart.route.navigator import link_host
from toolkaart.web.content_cache import once_per_content
from toolkaart.web.html_text import MUTED_CLASS, TEXT_CLASS, PreparedHtml, paragraph, text_paragraph
from toolkaart.web.page_links import ACTOR_PARAM, address, html_link
from toolkaart.web.page_registry import app_pages
from toolkaart.web.project_session import with_project


def tool_html(tool: Tool, *, title: bool = True) -> str:
    """A tool as the phase page lists it: its number and name in bold (``title``; its own view
    has them as its heading), its description, and its own address or grey words that it has
    none. The link's label names the site and says it opens a new tab (the arrow after it is the
    frame's, ``frontend_fixes``)."""
    parts = (
        [paragraph(f"<strong>{escape(f'{tool.number}. {tool.name}')}</strong>")] if title else []
    )
    parts += [text_paragraph(tool.description), _site_paragraph(tool)]
    return "".join(parts)


def _site_paragraph(tool: Tool) -> str:
    """The tool's own address as a link that opens a new tab, its label naming the site; or grey
    words that it has none."""
    if tool.url is None:
        return text_paragraph(t("tool.no_url"), MUTED_CLASS)
    label = t("tool.link", name=tool.name, host=link_host(tool.url))
    return paragraph(html_link(label, str(tool.url), new_tab=True))


def actor_html(actor: Actor, open_project: dict[str, str]) -> str:
    """An actor: its number and name in bold, a link to its place on the Actoren page (keeping
    the open project), and its description."""
    target = address(app_pages().actors, {ACTOR_PARAM: actor.id, **open_project})
    label = t("actors.link", number=actor.number, name=actor.name)
    return paragraph(f"<strong>{html_link(label, target)}</strong>") + text_paragraph(
        actor.description
    )


def _block(html: str) -> PreparedHtml:
    return PreparedHtml(f'<div class="{TEXT_CLASS}">{html}</div>')


def tools_text(graph: ToolkaartGraph, phase_id: str, tools: Sequence[Tool]) -> None:
    """The phase's tools, one element, made once per content."""
    block = once_per_content(
        graph, ("phase.tools.html", phase_id), lambda: _block("".join(map(tool_html, tools)))
    )
    st.html(block)


def actors_text(graph: ToolkaartGraph, phase_id: str, actors: Sequence[Actor]) -> None:
    """The phase's actors, one element: made once per content when no project is open (their
    links keep an open one; kept per project, the made texts would grow with every project)."""
    open_project = with_project({})
    if open_project:
        st.html(_block("".join(actor_html(a, open_project) for a in actors)))
        return
    block = once_per_content(
        graph,
        ("phase.actors.html", phase_id),
        lambda: _block("".join(actor_html(a, {}) for a in actors)),
    )
    st.html(block)


def actor_text(actor: Actor) -> None:
    """One actor, one element (the phase page with a project: people under each actor)."""
    st.html(_block(actor_html(actor, with_project({}))))


def tool_text(tool: Tool) -> None:
    """One tool's description and address, one element (the tool's own view on Hulpmiddelen)."""
    st.html(_block(tool_html(tool, title=False)))
