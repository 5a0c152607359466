"""The gate walk on a phase page: tick checklist items and answer the key question.

The widgets only collect input; ``toolkaart.route.gates.Assessment`` applies the rules (locked gates,
explicit passing with open items, going back) and its Dutch ``GateError`` messages are shown as is.
Changes happen in widget callbacks, so the page drawn right after already shows the new state.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from toolkaart.content.models import Phase, Toolkaart
from toolkaart.documents.markdown import plain
from toolkaart.errors import GateError, TextError
from toolkaart.i18n.catalog import t
from toolkaart.i18n.dates import date_label
from toolkaart.route.gates import (
    MAX_DECIDED_BY,
    MAX_RATIONALE,
    Answer,
    GateDecision,
    GateState,
    earliest_review,
)
from toolkaart.web.page_links import phase_link
from toolkaart.web.walk import WalkNotSaved, current_assessment, store_assessment

_FLASH = "walk.flash"


def _key(phase: Phase, name: str) -> str:
    return f"walk.{phase.id}.{name}"


def _item_key(phase: Phase, item_id: str) -> str:
    # stable across saves: a key that changed with every save would redraw the checkbox and
    # lose the keyboard focus of someone ticking items with Tab and Space
    return _key(phase, f"item.{item_id}")


def _show_stored_ticks(phase: Phase) -> None:
    """After a refused save the session holds the stored walk: the checkboxes show it, so that a
    next tick cannot write a stale value back over someone else's change."""
    stored = current_assessment().checked_in(phase.id)
    for item in phase.checklist:
        st.session_state[_item_key(phase, item.id)] = item.id in stored


def _tick(toolkaart: Toolkaart, phase: Phase) -> None:
    ticked = [i.id for i in phase.checklist if st.session_state.get(_item_key(phase, i.id))]
    try:
        store_assessment(current_assessment().with_checked(toolkaart, phase.id, ticked))
    except WalkNotSaved as error:
        st.session_state[_FLASH] = (phase.id, "error", str(error))
        if not error.input_kept:
            _show_stored_ticks(phase)


def checklist(toolkaart: Toolkaart, phase: Phase) -> None:
    """One labelled checkbox per checklist item, ticked from (and into) the walk."""
    checked = current_assessment().checked_in(phase.id)
    st.caption(
        t("phase.checklist.caption", done=len(checked), total=len(phase.checklist)),
    )
    for item in phase.checklist:
        st.checkbox(
            item.text,
            value=item.id in checked,
            key=_item_key(phase, item.id),
            help=item.source,
            on_change=_tick,
            args=(toolkaart, phase),
        )


def _decide(toolkaart: Toolkaart, phase: Phase) -> None:
    state = st.session_state
    answer = state.get(_key(phase, "answer"))
    if answer is None:
        state[_FLASH] = (phase.id, "error", t("gate.form.no_answer"))
        return
    try:
        assessment = current_assessment().decide(
            toolkaart,
            phase.id,
            Answer(answer),
            rationale=state.get(_key(phase, "rationale"), ""),
            decided_by=state.get(_key(phase, "decided_by"), ""),
            decided_on=state.get(_key(phase, "decided_on")) or dt.date.today(),
            accept_open_items=bool(state.get(_key(phase, "confirm"))),
            next_review=state.get(_key(phase, "next_review")),
        )
    except (GateError, TextError) as error:
        state[_FLASH] = (phase.id, "error", str(error))
        return
    try:
        store_assessment(assessment)
    except WalkNotSaved as error:
        state[_FLASH] = (phase.id, "error", str(error))
        if not error.input_kept:
            _show_stored_ticks(phase)
        return
    following = toolkaart.next_phase(phase.id)
    if answer != Answer.JA:
        message = t("phase.gate.closed", answer=t(f"answer.{answer}"), phase=phase.name)
    elif following is None:
        message = t("phase.gate.passed_last", phase=phase.name)
    else:
        message = t("phase.gate.passed", phase=phase.name, next=following.name)
    state[_FLASH] = (phase.id, "success", message)
    # a fresh form for the next decision (set, not removed: the browser keeps a removed value)
    for name, empty in (
        ("answer", None),
        ("rationale", ""),
        ("confirm", False),
        ("next_review", None),
    ):
        state[_key(phase, name)] = empty


def _flash(toolkaart: Toolkaart, phase: Phase) -> None:
    flash = st.session_state.get(_FLASH)
    if not flash or flash[0] != phase.id:
        return
    del st.session_state[_FLASH]
    _, kind, message = flash
    if kind == "error":
        st.error(message)
        return
    st.success(message)
    following = toolkaart.next_phase(phase.id)
    status = current_assessment().status(toolkaart)
    if following is not None and status.state(following.id) is not GateState.LOCKED:
        phase_link(following, t("phase.gate.go_next", number=following.number, name=following.name))


def _history_line(decision: GateDecision) -> str:
    parts = [
        t(
            "phase.gate.history.item",
            date=date_label(decision.decided_on),
            answer=t(f"answer.{decision.answer}"),
        )
    ]
    if decision.decided_by:
        parts.append(t("phase.gate.history.by", name=decision.decided_by))
    if decision.open_items:
        parts.append(t("phase.gate.history.open", count=len(decision.open_items)))
    if decision.next_review:
        parts.append(t("phase.gate.history.review", date=date_label(decision.next_review)))
    line = ", ".join(parts)
    return f"- {line}" + (f": {decision.rationale}" if decision.rationale else "")


def gate(toolkaart: Toolkaart, phase: Phase) -> None:
    """The key question as a decision: locked, or a form that appends a decision to the walk."""
    assessment = current_assessment()
    status = assessment.status(toolkaart)
    _flash(toolkaart, phase)
    if status.state(phase.id) is GateState.LOCKED:
        current = toolkaart.phase(status.current_phase_id)
        st.info(t("phase.gate.locked", current=current.name), icon=":material/lock:")
        phase_link(current, t("phase.gate.go_current", number=current.number, name=current.name))
        return
    answer = st.radio(
        t("phase.gate.answer", question=phase.key_question),
        options=[a.value for a in Answer],
        format_func=lambda value: t(f"answer.{value}"),
        index=None,
        horizontal=True,
        key=_key(phase, "answer"),
    )
    needs = assessment.needs(toolkaart, phase.id, Answer(answer) if answer else None)
    if needs.confirm_open_items:
        texts = {i.id: i.text for i in phase.checklist}
        st.warning(t("phase.gate.open_items", count=len(needs.open_items)))
        st.markdown("\n".join(f"- {plain(texts[item])}" for item in needs.open_items))
        st.checkbox(t("gate.form.confirm", count=len(needs.open_items)), key=_key(phase, "confirm"))
    decided_on = st.date_input(
        t("gate.form.decided_on"), value=dt.date.today(), max_value=dt.date.today(),
        format="DD-MM-YYYY",
        key=_key(phase, "decided_on"),
    )  # fmt: skip
    if needs.next_review:
        st.date_input(
            t("gate.form.next_review"),
            value=None,
            min_value=earliest_review(decided_on or dt.date.today()),
            format="DD-MM-YYYY",
            key=_key(phase, "next_review"),
        )
    st.text_area(
        t("gate.form.rationale"), key=_key(phase, "rationale"), height=80, max_chars=MAX_RATIONALE
    )
    st.text_input(
        t("gate.form.decided_by"), key=_key(phase, "decided_by"), max_chars=MAX_DECIDED_BY
    )
    st.button(
        t("gate.form.submit"),
        type="primary",
        on_click=_decide,
        args=(toolkaart, phase),
        key=_key(phase, "submit"),
    )
    history = [d for d in assessment.decisions if d.phase_id == phase.id]
    if history:
        st.markdown(f"**{t('phase.gate.history')}**")
        st.markdown("\n".join(_history_line(d) for d in reversed(history)))
