"""Hulpmiddelen (``/hulpmiddelen``, ``?tool=<id>``): search and filter the tools; general tools."""

from __future__ import annotations

import streamlit as st

from toolkaart.content.models import Tool
from toolkaart.i18n.catalog import t
from toolkaart.route.navigator import find_tools, item_in_view
from toolkaart.web.content_cache import require_content
from toolkaart.web.content_html import tool_text
from toolkaart.web.literal import content_literal, literal
from toolkaart.web.matrix_tables import matrix_table
from toolkaart.web.page_links import (
    TOOL_PARAM,
    keep_in_url,
    link_list,
    phase_address,
)
from toolkaart.web.tool_cards import tool_cards

toolkaart, graph = require_content()
st.title(t("tools.title"), anchor=False)
st.write(t("tools.intro", count=len(toolkaart.tools)))


def when_in_route(tool: Tool) -> None:
    """The phases that list the tool, each a link to its phase page (the tool's own view)."""
    phases = graph.phases_of_tool(tool.id)
    if not phases:
        st.caption(t("tools.when.none"))
        return
    st.markdown(f"**{t('tools.when')}**")
    link_list([(f"{p.number}. {p.name}: {p.key_question}", phase_address(p)) for p in phases])


requested = st.query_params.get(TOOL_PARAM)
shown, unknown = item_in_view(toolkaart.tools, requested)
if unknown:
    st.warning(t("tools.unknown", requested=literal((requested or "")[:80])))
elif shown is not None:
    tool = shown
    keep_in_url(TOOL_PARAM, tool.id)
    with st.container(border=True):
        st.header(f"{tool.number}. {content_literal(tool.name)}", anchor=False)
        tool_text(tool)
        when_in_route(tool)

search_column, phase_column, actor_column = st.columns([2, 1, 1])
text = search_column.text_input(t("tools.search"), key="tools.search")
phase_id = phase_column.selectbox(
    t("tools.filter.phase"),
    options=[None, *(p.id for p in toolkaart.phases)],
    format_func=lambda pid: (
        t("tools.filter.all_phases") if pid is None else toolkaart.phase(pid).name
    ),
    key="tools.phase",
    placeholder=t("ui.select.placeholder"),
)
actor_id = actor_column.selectbox(
    t("tools.filter.actor"),
    options=[None, *(a.id for a in toolkaart.actors)],
    format_func=lambda aid: (
        t("tools.filter.all_actors") if aid is None else toolkaart.actor(aid).name
    ),
    key="tools.actor",
    placeholder=t("ui.select.placeholder"),
)
found = find_tools(graph, text, phase_id=phase_id, actor_id=actor_id)
if found:
    st.caption(t("tools.found", count=len(found), total=len(toolkaart.tools)))
else:
    st.info(t("tools.none_found"))
general_ids = {tool.id for tool in graph.unlinked_tools()}
# the phases as text in each card, not 3-7 page links per tool; the tool's own view links them
tool_cards(
    [tool for tool in found if tool.id not in general_ids],
    lambda tool: graph.phases_of_tool(tool.id),
)
general = [tool for tool in found if tool.id in general_ids]
if general:
    st.header(t("tools.background.title"), anchor=False)
    st.caption(t("tools.background.caption"))
    tool_cards(general)

st.header(t("tools.matrix.title"), anchor=False)
matrix_table(graph, "tool")
