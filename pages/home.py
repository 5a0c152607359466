"""Toolkaart (home): what the Toolkaart is, and the route of phases."""

from __future__ import annotations

import streamlit as st

from toolkaart.web.content import require_content

toolkaart, graph = require_content()
st.title(toolkaart.meta.title)
st.write(toolkaart.meta.introduction)
for phase in toolkaart.phases:
    st.markdown(f"{phase.number}. **{phase.name}**: {phase.key_question}")
