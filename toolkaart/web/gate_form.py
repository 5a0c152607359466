"""The gate walk, one component for the phase page and the Zelfscan: a checklist and a gate form.

Both pages draw these two functions, so ticking and deciding work, read and answer the same
everywhere (the Zelfscan once had a form of its own whose unsaved ticks a decision dropped). A tick
is saved at once, so a decision always records the open items the person sees. The widgets only
collect input; ``toolkaart.route.gates.Assessment`` applies the rules (locked gates, explicit
passing with open items, going back) and its Dutch ``GateError`` messages are shown as is. Changes
happen in widget callbacks, so the page drawn right after already shows the new state; the answer
to each action is drawn right before the control that caused it (``toolkaart.web.feedback``).

A page can outlive its session (its replica died; ``toolkaart.web.reconnect``): the new session's
first click then carries the old page's checkboxes, and Streamlit cannot run callbacks it has not
seen drawn. So a session saves a tick of a phase only once it has drawn that phase's checklist and
found the boxes agreeing with the walk it holds (``_verified``); a box that disagrees before then
is set back to the stored walk, with a word to the person. Saving the old page's boxes instead
could write back a version someone else has changed since. A press of the gate form's button in
a session that has not finished a run yet is not acted on either; the form keeps what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from toolkaart.content.models import Phase, Toolkaart
from toolkaart.errors import GateError, ProjectConflict, TextError
from toolkaart.i18n.catalog import counted, t
from toolkaart.i18n.dates import date_label
from toolkaart.route.gates import (
    MAX_DECIDED_BY,
    MAX_RATIONALE,
    Answer,
    Assessment,
    GateDecision,
    GateState,
    earliest_review,
    today,
)
from toolkaart.route.project import reapply_ticks
from toolkaart.web import reconnect
from toolkaart.web.content_notice import item_label, open_lookback, retired
from toolkaart.web.feedback import Kind, say
from toolkaart.web.literal import content_literal, literal
from toolkaart.web.project_session import save_quietly
from toolkaart.web.records_form import item_evidence, recording, tally_caption
from toolkaart.web.walk import (
    WalkNotSaved,
    current_assessment,
    may_change,
    signed_in_label,
    store_assessment,
)

#: Draws a way to another phase (``label`` says which); each page knows how it moves between
#: phases: the phase page links to ``/fase``, the Zelfscan switches the phase it shows.
GoTo = Callable[[Phase, str], None]

_FEEDBACK = "walk.feedback"
#: Set when a page from a lost session brought checkboxes that differ from the walk this session
#: holds: the item where they differed. The run starts again and sets them back to the walk.
_RESET = "walk.reset"
#: The place of the gate form's button; any other place is the id of a checklist item.
_GATE = "gate"
#: The latest decisions a gate lists under its form; the Zelfscan's log has them all (a log of
#: 2,000 decisions drawn as one list made the page slow).
HISTORY_SHOWN = 10


@dataclass(frozen=True)
class _Feedback:
    """The answer to the last action, and where to draw it (before which control)."""

    phase_id: str
    place: str
    kind: Kind
    message: str
    #: A refused tick: both sides, so the person can apply the tick again or keep the stored one.
    conflict: ProjectConflict | None = None
    #: A passed gate: offer the way to the next phase.
    onward: bool = False


def _key(phase: Phase, name: str) -> str:
    return f"walk.{phase.id}.{name}"


def _item_key(phase: Phase, item_id: str) -> str:
    # stable across saves: a key that changed with every save would redraw the checkbox and
    # lose the keyboard focus of someone ticking items with Tab and Space
    return _key(phase, f"item.{item_id}")


def _tell(
    phase: Phase,
    place: str,
    kind: Kind,
    message: str,
    conflict: ProjectConflict | None = None,
    onward: bool = False,
) -> None:
    st.session_state[_FEEDBACK] = _Feedback(phase.id, place, kind, message, conflict, onward)


def _show_stored_ticks(phase: Phase) -> None:
    """After a refused save the session holds the stored walk: the checkboxes show it, so that a
    next tick cannot write a stale value back over someone else's change."""
    stored = current_assessment().checked_in(phase.id)
    for item in phase.checklist:
        st.session_state[_item_key(phase, item.id)] = item.id in stored


def _verified(phase: Phase) -> str:
    """Session-state key: this session drew the phase's checklist, its boxes agreeing with the
    walk it holds, so every box's value (and its callback) is this session's own."""
    return _key(phase, "verified")


def _tick(toolkaart: Toolkaart, phase: Phase, item_id: str) -> None:
    if not st.session_state.get(_verified(phase)):  # the boxes may be a lost session's page:
        return  # the checklist sets them back to the stored walk and says so
    if not may_change():  # a role lost since the page was drawn: this run's page says so
        return
    st.session_state.pop(_FEEDBACK, None)  # a new tick answers an open conflict too
    ticked = [i.id for i in phase.checklist if st.session_state.get(_item_key(phase, i.id))]
    try:
        store_assessment(current_assessment().with_checked(toolkaart, phase.id, ticked))
    except WalkNotSaved as error:
        _tell(phase, item_id, "error", str(error), conflict=error.conflict)
        if not error.input_kept:  # someone saved first: show the stored ticks
            _show_stored_ticks(phase)


def _reapply(toolkaart: Toolkaart, phase: Phase, item_id: str, conflict: ProjectConflict) -> None:
    """'Opnieuw toepassen': this session's ticks, made again on top of the stored version."""
    refused = save_quietly(reapply_ticks(conflict, toolkaart), toolkaart)
    _show_stored_ticks(phase)
    if refused is None:
        _tell(phase, item_id, "success", t("gate.conflict.reapplied"))
    else:
        _tell(phase, item_id, "error", refused.message, conflict=refused.conflict)


def _keep(phase: Phase, item_id: str) -> None:
    """'Hun versie houden': the stored version stands, as the checkboxes already show it."""
    _tell(phase, item_id, "info", t("gate.conflict.kept"))


def checklist(toolkaart: Toolkaart, phase: Phase) -> None:
    """One labelled checkbox per checklist item, ticked from (and saved at once into) the walk,
    with its source in grey on a line of the label (``with_source``), and with a project open its
    evidence and one control to add more (``records_form``); an item new since the project's
    last decision is marked so, and ticked items the content no longer has follow as text
    (``content_notice``).

    The source is part of the label, not a caption under the box: each element is a message to
    the browser on every rerun (docs/performance.md section 8), and a caption per item was a
    tenth of the phase page's. The box's name stays the item's text (``frontend_fixes``), and a
    screen reader reads the source after it, as it read the caption. Not as the checkbox's
    ``help``: Streamlit draws that as a second tab stop per item, a question mark whose name for
    assistive technology is the English "Help for …", and shows the source only to someone who
    hovers or focuses it."""
    walk = current_assessment()
    checked = walk.checked_in(phase.id)
    looking_back = open_lookback(toolkaart)
    done = sum(item.id in checked for item in phase.checklist)  # not the items gone since
    st.caption(t("phase.checklist.caption", done=done, total=len(phase.checklist)))
    shown = recording()
    tally_caption(toolkaart, phase, shown)
    read_only = not may_change()
    verified = bool(st.session_state.get(_verified(phase)))
    reset_at = None if verified else st.session_state.pop(_RESET, None)
    if reset_at is not None:  # the page came from a lost session: show the stored walk
        _show_stored_ticks(phase)
        _tell(phase, reset_at, "warning", t("walk.reconnected.ticks"))
    # the answer to the last action, if any, is drawn before its item: asked once, not per item
    # (each question to the session state costs a rerun about 0.02 ms)
    feedback = st.session_state.get(_FEEDBACK)
    answered = feedback.place if isinstance(feedback, _Feedback) else None
    for item in phase.checklist:
        if item.id == answered:
            _answer_here(toolkaart, phase, item.id)
        ticked = st.checkbox(
            with_source(
                item_label(looking_back, phase, item.id, content_literal(item.text)), item.source
            ),
            value=item.id in checked,
            disabled=read_only,
            key=_item_key(phase, item.id),
            on_change=_tick,
            args=(toolkaart, phase, item.id),
        )
        if not verified and reset_at is None and ticked != (item.id in checked):
            st.session_state[_RESET] = item.id  # set back before they are drawn: run again
            st.rerun()
        item_evidence(toolkaart, phase, item, shown)
    retired(looking_back, toolkaart, walk, phase)
    st.session_state[_verified(phase)] = True


def with_source(label: str, source: str | None) -> str:
    """A checklist item's label with its source on a line of its own, grey as a caption is: the
    ``:small`` span is what the frame's style colours (``layout.FRAME_STYLE``) and its script
    takes out of the box's name (``frontend_fixes``)."""
    if not source:
        return label
    return f"{label}  \n:small[{t('phase.checklist.source', source=content_literal(source))}]"


def _phase_list(toolkaart: Toolkaart, phase_ids: tuple[str, ...]) -> str:
    return ", ".join(
        f"{toolkaart.phase(pid).number}. {toolkaart.phase(pid).name}" for pid in phase_ids
    )


def _decide(toolkaart: Toolkaart, phase: Phase) -> None:
    state = st.session_state
    if not reconnect.settled():  # decided on a page from a lost session: see _gate_form
        return
    if not may_change():  # a role lost since the page was drawn: this run's page says so
        return
    state.pop(_FEEDBACK, None)
    answer = state.get(_key(phase, "answer"))
    if answer is None:
        _tell(phase, _GATE, "error", t("gate.form.no_answer"))
        return
    walk = current_assessment()
    closing = walk.would_lock(toolkaart, phase.id, Answer(answer))
    try:
        assessment = walk.decide(
            toolkaart,
            phase.id,
            Answer(answer),
            rationale=state.get(_key(phase, "rationale"), ""),
            decided_by=signed_in_label() or state.get(_key(phase, "decided_by"), ""),
            decided_on=state.get(_key(phase, "decided_on")) or today(),
            accept_open_items=bool(state.get(_key(phase, "confirm"))),
            next_review=state.get(_key(phase, "next_review")),
        )
    except (GateError, TextError) as error:
        _tell(phase, _GATE, "error", str(error))
        return
    try:
        store_assessment(assessment)
    except WalkNotSaved as error:
        if error.input_kept:  # the database failed: the form keeps what was typed, for a retry
            _tell(phase, _GATE, "error", str(error))
        else:  # the form keeps what was typed: deciding again decides on the stored version
            _tell(phase, _GATE, "error", f"{error}\n\n{t('gate.conflict.decide_again')}")
            _show_stored_ticks(phase)
        return
    following = toolkaart.next_phase(phase.id)
    said = t(f"answer.{answer}")
    if closing:
        message = t(
            "phase.gate.locked_again",
            answer=said,
            phase=phase.name,
            phases=_phase_list(toolkaart, closing),
        )
    elif answer != Answer.JA:
        message = t("phase.gate.closed", answer=said, phase=phase.name)
    elif following is None:
        message = t("phase.gate.passed_last", phase=phase.name)
    else:
        message = t("phase.gate.passed", phase=phase.name, next=following.name)
    # ``say`` shows the whole message as written: the names go in as they are
    _tell(phase, _GATE, "success", message, onward=answer == Answer.JA)
    # a fresh form for the next decision (set, not removed: the browser keeps a removed value)
    for name, empty in (
        ("answer", None),
        ("rationale", ""),
        ("confirm", False),
        ("next_review", None),
    ):
        state[_key(phase, name)] = empty


#: Scrolls the conflict's choices into view once they are drawn (nothing when they are in view).
_SHOW_CONFLICT = """<script>
setTimeout(() => {
  const keep = document.querySelector('[class*="st-key-walk"][class*="-keep"]');
  if (keep) keep.scrollIntoView({block: "nearest"});
}, 250);
</script>"""


def _answer_here(toolkaart: Toolkaart, phase: Phase, place: str, go_to: GoTo | None = None) -> None:
    """The answer to the last action, if it happened at ``place`` (before the control drawn next).

    A conflict stays, with its two choices, until the person chooses or acts again; any other
    answer is shown once.
    """
    feedback = st.session_state.get(_FEEDBACK)
    if not isinstance(feedback, _Feedback) or (feedback.phase_id, feedback.place) != (
        phase.id,
        place,
    ):
        return
    say(feedback.kind, feedback.message)
    if feedback.conflict is not None:
        with st.container(horizontal=True):  # the two choices side by side, as one pair
            st.button(
                t("gate.conflict.reapply"),
                key=_key(phase, "reapply"),
                on_click=_reapply,
                args=(toolkaart, phase, place, feedback.conflict),
            )
            st.button(
                t("gate.conflict.keep"),
                key=_key(phase, "keep"),
                on_click=_keep,
                args=(phase, place),
            )
        # the stored version can draw more above the message (evidence controls under items
        # someone else ticked) and push it out of sight: bring the choices into view
        st.html(_SHOW_CONFLICT, unsafe_allow_javascript=True)
        return
    del st.session_state[_FEEDBACK]
    following = toolkaart.next_phase(phase.id)
    status = current_assessment().status(toolkaart)
    if (
        feedback.onward
        and go_to is not None
        and following is not None
        and status.state(following.id) is not GateState.LOCKED
    ):
        go_to(
            following,
            t("phase.gate.go_next", number=following.number, name=content_literal(following.name)),
        )


def _history_line(decision: GateDecision) -> str:
    parts = [
        t(
            "phase.gate.history.item",
            date=date_label(decision.decided_on),
            answer=t(f"answer.{decision.answer}"),
        )
    ]
    if decision.decided_by:
        parts.append(t("phase.gate.history.by", name=literal(decision.decided_by)))
    if decision.open_items:
        parts.append(t("phase.gate.history.open", count=len(decision.open_items)))
    if decision.next_review:
        parts.append(t("phase.gate.history.review", date=date_label(decision.next_review)))
    line = ", ".join(parts)
    return f"- {line}" + (f": {literal(decision.rationale)}" if decision.rationale else "")


def gate(toolkaart: Toolkaart, phase: Phase, go_to: GoTo) -> None:
    """The key question as a decision: locked (with the way to the current phase), or a form that
    appends a decision to the walk and says beforehand what the chosen answer will do."""
    assessment = current_assessment()
    status = assessment.status(toolkaart)
    if status.state(phase.id) is GateState.LOCKED:
        current = toolkaart.phase(status.current_phase_id)
        st.info(
            t("phase.gate.locked", current=content_literal(current.name)), icon=":material/lock:"
        )
        go_to(
            current,
            t("phase.gate.go_current", number=current.number, name=content_literal(current.name)),
        )
        return
    if may_change():
        _gate_form(toolkaart, phase, go_to, assessment)
    else:
        st.info(t("gate.read_only"), icon=":material/visibility:")
    _gate_history(assessment, phase)


def _gate_form(toolkaart: Toolkaart, phase: Phase, go_to: GoTo, assessment: Assessment) -> None:
    answer = st.radio(
        t("phase.gate.answer", question=content_literal(phase.key_question)),
        options=[a.value for a in Answer],
        format_func=lambda value: t(f"answer.{value}"),
        index=None,
        horizontal=True,
        key=_key(phase, "answer"),
    )
    chosen = Answer(answer) if answer else None
    needs = assessment.needs(toolkaart, phase.id, chosen)
    if needs.confirm_open_items:
        texts = {i.id: i.text for i in phase.checklist}
        st.warning(t("phase.gate.open_items", count=len(needs.open_items)))
        st.markdown("\n".join(f"- {content_literal(texts[item])}" for item in needs.open_items))
        st.checkbox(t("gate.form.confirm", count=len(needs.open_items)), key=_key(phase, "confirm"))
    closing = assessment.would_lock(toolkaart, phase.id, chosen)
    if closing and chosen is not None:
        message = t(
            "phase.gate.will_lock",
            answer=t(f"answer.{chosen}"),
            phase=phase.name,
            phases=_phase_list(toolkaart, closing),
        )
        st.warning(literal(message))  # its phase names as written
    decided_on = st.date_input(
        t("gate.form.decided_on"), value=today(), max_value=today(),
        format="DD-MM-YYYY",
        key=_key(phase, "decided_on"),
    )  # fmt: skip
    if needs.next_review:
        st.date_input(
            t("gate.form.next_review"),
            value=None,
            min_value=earliest_review(decided_on or today()),
            format="DD-MM-YYYY",
            key=_key(phase, "next_review"),
        )
    st.text_area(
        t("gate.form.rationale"), key=_key(phase, "rationale"), height=80, max_chars=MAX_RATIONALE
    )
    signed_in = signed_in_label()
    if signed_in:  # who decides is who is signed in, not a field anyone fills in
        st.caption(t("gate.form.decided_by_signed_in", name=literal(signed_in)))
    else:
        st.text_input(
            t("gate.form.decided_by"), key=_key(phase, "decided_by"), max_chars=MAX_DECIDED_BY
        )
    _answer_here(toolkaart, phase, _GATE, go_to)
    pressed = st.button(
        t("gate.form.submit"),
        type="primary",
        on_click=_decide,
        args=(toolkaart, phase),
        key=_key(phase, "submit"),
    )
    if pressed and not reconnect.settled():  # on a page from a lost session: not decided
        _tell(phase, _GATE, "warning", t("walk.reconnected.decision"))
        st.rerun()  # the answer goes before the button; the form keeps what was typed


def _gate_history(assessment: Assessment, phase: Phase) -> None:
    history = [d for d in assessment.decisions if d.phase_id == phase.id]
    if history:
        st.markdown(f"**{t('phase.gate.history')}**")
        latest = history[-HISTORY_SHOWN:]
        st.markdown("\n".join(_history_line(d) for d in reversed(latest)))
        if len(history) > len(latest):
            st.caption(
                t(
                    "phase.gate.history.more",
                    decisions=counted("decision", len(history) - len(latest)),
                )
            )
