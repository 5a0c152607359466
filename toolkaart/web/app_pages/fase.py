"""Fase (``/fase?fase=<id>``): a phase's key question, checklist, gate, tools, actors and map;
with a project open also its evidence, notes and the people per actor (``records_form``)."""

from __future__ import annotations

import streamlit as st

from toolkaart.i18n.catalog import t
from toolkaart.route.navigator import phase_in_view
from toolkaart.web.content_cache import require_content
from toolkaart.web.content_notice import notice, open_lookback
from toolkaart.web.gate_form import checklist, gate
from toolkaart.web.literal import literal
from toolkaart.web.maps import phase_map
from toolkaart.web.page_links import (
    PHASE_PARAM,
    actor_link,
    keep_in_url,
    phase_link,
    tool_text,
)
from toolkaart.web.page_registry import app_pages
from toolkaart.web.project_session import (
    open_project,
    open_project_id,
    project_banner,
    with_project,
)
from toolkaart.web.records_form import actor_people, names_of, phase_notes, recording
from toolkaart.web.walk import current_assessment

toolkaart, graph = require_content()
status = current_assessment().status(toolkaart)
requested = st.query_params.get(PHASE_PARAM)
phase, unknown = phase_in_view(toolkaart, requested, status)
if unknown:
    st.warning(t("phase.unknown", requested=literal((requested or "")[:80])))
keep_in_url(PHASE_PARAM, phase.id)  # a refresh or a shared link shows this phase

st.title(t("phase.title", number=phase.number, name=phase.name), anchor=False)
project_banner()
if open_project_id() is not None and (opened := open_project()) is not None:
    notice(open_lookback(toolkaart), bool(opened.assessment.decisions), phase)
st.markdown(t("phase.state", state=t(f"state.{status.state(phase.id)}")))
st.subheader(t("phase.key_question"), anchor=False)
st.subheader(phase.key_question, anchor=False)
st.subheader(t("phase.goal"), anchor=False)
st.write(phase.goal)

st.header(t("phase.checklist.title"), anchor=False)
checklist(toolkaart, phase)
st.header(t("phase.gate.title"), anchor=False)
gate(toolkaart, phase, phase_link)
recorded = recording()
st.header(t("phase.notes.title"), anchor=False)
phase_notes(toolkaart, phase, recorded)

tools = graph.tools_of(phase.id)
actors = graph.actors_of(phase.id)
tools_column, actors_column = st.columns(2, gap="large")
with tools_column:
    st.header(t("phase.tools.title"), anchor=False)
    for tool in tools:
        tool_text(tool, title=True)
with actors_column:
    st.header(t("phase.actors.title"), anchor=False)
    transition = graph.transition(phase.id)
    if transition.previous is None:
        st.info(t("phase.transition.first"))
    else:
        nobody = t("phase.transition.nobody")
        project = recorded.project if recorded is not None else None
        joining = ", ".join(names_of(project, a) for a in transition.joining) or nobody
        leaving = ", ".join(a.name for a in transition.leaving) or nobody
        st.info(
            t("phase.transition.joining", names=joining)
            + "  \n"
            + t("phase.transition.leaving", previous=transition.previous.name, names=leaving)
        )
    for actor in actors:
        actor_link(actor)
        st.write(actor.description)
        actor_people(toolkaart, actor, recorded)

st.header(t("phase.map.title"), anchor=False)
alt = t(
    "phase.map.alt",
    name=phase.name,
    actors=", ".join(a.name for a in actors),
    tools=", ".join(tool.name for tool in tools),
)
st.graphviz_chart(phase_map(graph, phase.id), alt=alt, width="stretch")
st.caption(t("phase.map.caption"))

st.divider()
previous_column, home_column, next_column = st.columns(3)
previous = toolkaart.previous_phase(phase.id)
following = toolkaart.next_phase(phase.id)
with previous_column:
    if previous is not None:
        label = t("phase.nav.previous", number=previous.number, name=previous.name)
        phase_link(previous, label)
with home_column:
    st.page_link(app_pages().home, label=t("phase.nav.home"), query_params=with_project({}))
with next_column:
    if following is not None:
        state = t(f"state.{status.state(following.id)}")
        label = t("phase.nav.next", number=following.number, name=following.name, state=state)
        phase_link(following, label)
