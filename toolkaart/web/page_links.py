"""Links between the pages, carrying the view in the URL so a refresh or a shared link lands on it.

``st.page_link`` and ``st.switch_page`` drop query parameters unless they are passed, so every link
to a phase, actor or tool goes through these helpers.
"""

from __future__ import annotations

import streamlit as st

from toolkaart.content.models import Actor, Phase, Tool
from toolkaart.i18n.catalog import t
from toolkaart.route.navigator import link_host
from toolkaart.web.page_registry import app_pages
from toolkaart.web.project_session import with_project

#: Query parameter of each page's deep link.
PHASE_PARAM, ACTOR_PARAM, TOOL_PARAM = "fase", "actor", "tool"


def phase_link(phase: Phase, label: str) -> None:
    st.page_link(app_pages().phase, label=label, query_params=with_project({PHASE_PARAM: phase.id}))


def actor_link(actor: Actor) -> None:
    label = t("actors.link", number=actor.number, name=actor.name)
    st.page_link(
        app_pages().actors, label=label, query_params=with_project({ACTOR_PARAM: actor.id})
    )


def tool_page_link(tool: Tool) -> None:
    label = t("tools.details", number=tool.number, name=tool.name)
    st.page_link(app_pages().tools, label=label, query_params=with_project({TOOL_PARAM: tool.id}))


def tool_text(tool: Tool, *, title: bool = False, after: str | None = None) -> None:
    """The tool's description (after its number and name, with ``title``) and its own address.

    One Markdown element, paragraph after paragraph, rather than one element each: Streamlit
    sends every element to the browser as a message of its own on every rerun, and on a list of
    tools those messages are most of the rerun's cost. The link label names the site and says it
    opens a new tab (the arrow after it is the frame's, ``frontend_fixes``: a Markdown icon would
    be named "open_in_new icon" for assistive technology); a tool without an address says so in
    grey. ``after`` is a last paragraph of Markdown.
    """
    paragraphs = [f"**{tool.number}. {tool.name}**"] if title else []
    paragraphs.append(tool.description)
    if tool.url is not None:
        # markdown, not st.page_link: a page link does not wrap and cuts long names off
        label = t("tool.link", name=tool.name, host=link_host(tool.url))
        paragraphs.append(f"[{label}]({tool.url})")
    else:
        paragraphs.append(f":gray[{t('tool.no_url')}]")
    if after is not None:
        paragraphs.append(after)
    st.markdown("\n\n".join(paragraphs))


def keep_in_url(param: str, value: str) -> None:
    """Write the view shown into the address bar, on every run.

    Streamlit 1.67 runs a ``st.page_link`` to the *same* page with the link's query parameters but
    leaves the browser's address unchanged, so a refresh or a copied link would show the previous
    view. Setting the parameter from the script always sends the address to the browser.
    """
    st.query_params[param] = value
