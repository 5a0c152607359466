"""Toolkaart (home): what the Toolkaart is, how to use the navigator, and the route with progress."""

from __future__ import annotations

import streamlit as st

from toolkaart.documents.handbook import route_dot
from toolkaart.i18n.catalog import t
from toolkaart.route.navigator import route_states
from toolkaart.web.content_cache import require_content
from toolkaart.web.literal import content_literal, literal
from toolkaart.web.page_links import address, link_list, phase_address
from toolkaart.web.page_registry import app_pages
from toolkaart.web.project_session import open_project, open_project_id, project_banner
from toolkaart.web.walk import current_assessment

toolkaart, graph = require_content()
status = current_assessment().status(toolkaart)
total = len(toolkaart.phases)

st.title(content_literal(toolkaart.meta.title), anchor=False)
project_banner()
st.markdown(content_literal(toolkaart.meta.introduction))
st.subheader(t("home.howto.title"), anchor=False)
st.markdown(t("home.howto.body"))
project = open_project() if open_project_id() is not None else None
if project is None:
    st.caption(t("home.saving.session", projects=address(app_pages().projects, {})))
else:
    st.caption(t("home.saving.project", name=literal(project.name)))

st.header(t("home.route.title"), anchor=False)
if status.completed:
    st.success(t("home.progress.completed", total=total))
else:
    current = toolkaart.phase(status.current_phase_id)
    progress = t(
        "home.progress",
        passed=status.passed_count(),
        total=total,
        current=content_literal(current.name),
    )
    st.progress(status.passed_count() / total, text=progress)

states = {p.id: t(f"state.{status.state(p.id)}") for p in toolkaart.phases}
alt = t(
    "home.map.alt",
    phases="; ".join(
        t("home.map.alt.phase", number=p.number, name=p.name, state=states[p.id])
        for p in toolkaart.phases
    ),
)
# drawn at its own size: the route is narrow and tall, and stretched to the page's width its text
# would be three times as large as the page's
st.graphviz_chart(route_dot(toolkaart, route_states(status)), alt=alt, width="content")
st.caption(t("home.map.caption"))
st.subheader(t("home.list.title"), anchor=False)
link_list(
    [
        (
            t(
                "home.list.item",
                number=phase.number,
                name=phase.name,
                question=phase.key_question,
                state=states[phase.id],
            ),
            phase_address(phase),
        )
        for phase in toolkaart.phases
    ]
)
