"""Fase (``/fase?fase=<id>``): a phase's key question, checklist, gate, tools, actors and map;
with a project open also its evidence, notes and the people per actor (``records_form``)."""

from __future__ import annotations

import streamlit as st

from toolkaart.i18n.catalog import t
from toolkaart.route.navigator import phase_in_view
from toolkaart.web.content_cache import require_content
from toolkaart.web.content_html import actor_text, actors_text, tools_text
from toolkaart.web.content_notice import notice, open_lookback
from toolkaart.web.gate_form import checklist, gate
from toolkaart.web.literal import content_literal, literal
from toolkaart.web.maps import phase_map
from toolkaart.web.page_links import (
    PHASE_PARAM,
    address,
    keep_in_url,
    pager,
    phase_address,
    phase_link,
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

st.title(t("phase.title", number=phase.number, name=content_literal(phase.name)), anchor=False)
# the browser's tab names the phase, not only the page (app.py): seven tabs, seven names
st.set_page_config(
    page_title=f"{t('phase.title', number=phase.number, name=phase.name)} - {t('app.title')}"
)
project_banner()
if open_project_id() is not None and (opened := open_project()) is not None:
    notice(open_lookback(toolkaart), bool(opened.assessment.decisions), phase)
# the static parts of the page as few elements as can be: each is a message to the browser on
# every rerun (docs/performance.md section 8)
st.markdown(
    f"{t('phase.state', state=t(f'state.{status.state(phase.id)}'))}\n\n"
    f"### {t('phase.key_question')}\n\n### {content_literal(phase.key_question)}\n\n"
    f"### {t('phase.goal')}\n\n{content_literal(phase.goal)}",
    anchors=False,
)

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
    tools_text(graph, phase.id, tools)
with actors_column:
    st.header(t("phase.actors.title"), anchor=False)
    transition = graph.transition(phase.id)
    if transition.previous is None:
        st.info(t("phase.transition.first"))
    else:
        nobody = t("phase.transition.nobody")
        project = recorded.project if recorded is not None else None
        joining = ", ".join(names_of(project, a) for a in transition.joining) or nobody
        leaving = ", ".join(content_literal(a.name) for a in transition.leaving) or nobody
        st.info(
            t("phase.transition.joining", names=joining)
            + "  \n"
            + t(
                "phase.transition.leaving",
                previous=content_literal(transition.previous.name),
                names=leaving,
            )
        )
    if recorded is None:  # nothing under each actor: the actors are one element
        actors_text(graph, phase.id, actors)
    else:
        for actor in actors:
            actor_text(actor)
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

previous = toolkaart.previous_phase(phase.id)
following = toolkaart.next_phase(phase.id)
home = (t("phase.nav.home"), address(app_pages().home, with_project({})))
before = None
if previous is not None:
    label = t("phase.nav.previous", number=previous.number, name=previous.name)
    before = (label, phase_address(previous))
after = None
if following is not None:
    state = t(f"state.{status.state(following.id)}")
    label = t("phase.nav.next", number=following.number, name=following.name, state=state)
    after = (label, phase_address(following))
pager(t("phase.nav.label"), [before, home, after])
