"""The walk in progress: one ``Assessment`` per browser session, behind two functions.

Pages and widgets read the walk with ``current_assessment()`` and replace it with
``store_assessment()``; nothing else touches where it is kept. Today that is ``st.session_state``
(it survives page switches, not a new session); saving projects replaces these two functions'
insides with a saved project's assessment, without touching pages.
"""

from __future__ import annotations

import streamlit as st

from toolkaart.gates import Assessment

_KEY = "walk.assessment"


def current_assessment() -> Assessment:
    """The session's walk so far (an empty walk at first)."""
    assessment = st.session_state.get(_KEY)
    return assessment if isinstance(assessment, Assessment) else Assessment()


def store_assessment(assessment: Assessment) -> None:
    """Replace the session's walk (assessments are immutable: always store the new one)."""
    st.session_state[_KEY] = assessment
