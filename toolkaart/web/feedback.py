"""The answer to an action, drawn where the action happened and read out by screen readers.

A message at the top of the page (a flash after a rerun) is off-screen for someone who clicked a
button further down, and easy to miss. So a page draws each answer right *before* the control that
caused it: it then takes the place the person is looking at, and a control near the window's lower
edge cannot push it out of sight (a message after it could). Streamlit 1.67 draws ``st.error`` and
``st.warning`` as ``role="alert"`` and ``st.success`` and ``st.info`` as ``role="status"``, so
screen readers announce the message when it appears (checked in tests/browser/test_feedback_walk.py).
"""

from __future__ import annotations

from typing import Literal

import streamlit as st

from toolkaart.web.literal import literal_lines

Kind = Literal["error", "warning", "success", "info"]

#: The start of the key of the box an answer is drawn in (``answer_at``).
ANSWER_KEY = "answer-"


def say(kind: Kind, message: str) -> None:
    """Draw ``message`` here, as an alert (error, warning) or a status (success, info), shown as
    written: it can hold user text (a project's name, a rationale, a file's content)."""
    draw = {"error": st.error, "warning": st.warning, "success": st.success, "info": st.info}[kind]
    draw(literal_lines(message))


def tell(place: str, kind: Kind, message: str) -> None:
    """Queue the answer to an action for the control at ``place``: a widget callback runs before
    the page is drawn, so the page draws it with ``answer_at`` when it reaches that control."""
    st.session_state[f"feedback.{place}"] = (kind, message)


def answer_at(place: str) -> None:
    """Draw the answer queued for ``place`` here, once (call it right before that control).

    In a box keyed ``answer-…``: when the action removed the control that had the keyboard focus
    (the last agenda draft deleted), ``frontend_fixes`` puts the focus on this answer instead of
    leaving it on the page itself, where the next Tab would start again from the top."""
    queued = st.session_state.pop(f"feedback.{place}", None)
    if queued is not None:
        with st.container(key=f"{ANSWER_KEY}{place}"):
            say(*queued)
