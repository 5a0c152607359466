"""Actoren (``/actoren``, ``?actor=<id>``): every actor, the phases they are needed in, the matrix."""

from __future__ import annotations

import streamlit as st

from toolkaart.i18n.catalog import t
from toolkaart.route.navigator import item_in_view
from toolkaart.web.content_cache import require_content
from toolkaart.web.literal import content_literal, literal
from toolkaart.web.matrix_tables import matrix_table
from toolkaart.web.page_links import (
    ACTOR_PARAM,
    actor_title,
    keep_in_url,
    link_list,
    phase_address,
)

toolkaart, graph = require_content()
st.title(t("actors.title"), anchor=False)
st.write(t("actors.intro", count=len(toolkaart.actors)))

requested = st.query_params.get(ACTOR_PARAM)
actor, unknown = item_in_view(toolkaart.actors, requested)
if unknown:
    st.warning(t("actors.unknown", requested=literal((requested or "")[:80])))
elif actor is not None:
    keep_in_url(ACTOR_PARAM, actor.id)
    with st.container(border=True):
        st.header(f"{actor.number}. {content_literal(actor.name)}", anchor=False)
        st.markdown(content_literal(actor.description))
        phases = graph.phases_of_actor(actor.id)
        st.markdown(f"**{t('actors.phases')}**" if phases else t("actors.no_phases"))
        if phases:
            link_list([(f"{phase.number}. {phase.name}", phase_address(phase)) for phase in phases])

st.header(t("actors.all"), anchor=False)
entries = []
for actor in toolkaart.actors:
    phases = graph.phases_of_actor(actor.id)
    names = ", ".join(p.name for p in phases)
    needed = f"{t('actors.phases')} {names}" if phases else t("actors.no_phases")
    entries.append(
        f"{actor_title(actor)}\n\n{content_literal(actor.description)}\n\n:gray[{literal(needed)}]"
    )
# all actors in one element: each element is a message of its own on every rerun
st.markdown("\n\n".join(entries))

st.header(t("actors.matrix.title"), anchor=False)
matrix_table(graph, "actor")
