"""The gate rules: one place that decides where a project stands on the route.

A project's walk is an ``Assessment``: the ticked checklist items per phase and an append-only log of
gate decisions. Everything else (current phase, which gates are passed, open or locked, when
Productie is due for review) is derived from that log by ``route_status``; nothing derived is stored.

Rules (see shared/design.md, "Gates"):

- each phase has one gate, its key question, answered *ja*, *nog niet* or *nee*;
- the current phase is the first phase whose gate has not passed; later gates are locked;
- passing a gate with open checklist items is allowed only explicitly, and the open items are
  recorded with the decision;
- answering *nog niet* or *nee* at an earlier, passed gate goes back: that gate reopens and every
  later gate returns to open;
- the last phase (Productie) is answered again over time; a *ja* there carries the date of the next
  review (required, after the decision date), and only there;
- decisions are dated in log order: a decision never predates the one before it, and never lies
  in the future;
- a rationale is a paragraph of at most ``MAX_RATIONALE`` characters, "besloten door" one line of
  at most ``MAX_DECIDED_BY`` (``toolkaart.user_text``: no stray control characters).

The forms and the import read these limits from here; ``check_decision`` is the one check behind
deciding in the app and replaying an imported log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from toolkaart.content.models import Toolkaart
from toolkaart.errors import GateError, TextError
from toolkaart.i18n.catalog import t
from toolkaart.i18n.dates import date_label, local_today
from toolkaart.user_text import one_line, paragraph

#: Longest rationale of a decision.
MAX_RATIONALE = 4_000
#: Longest "besloten door".
MAX_DECIDED_BY = 200


class Answer(StrEnum):
    JA = "ja"
    NOG_NIET = "nog niet"
    NEE = "nee"


class GateState(StrEnum):
    PASSED = "passed"
    CURRENT = "current"
    LOCKED = "locked"


@dataclass(frozen=True)
class GateDecision:
    """One answer to a phase's key question, as appended to the log."""

    phase_id: str
    answer: Answer
    rationale: str = ""
    decided_by: str = ""
    decided_on: dt.date = field(default_factory=local_today)
    open_items: tuple[str, ...] = ()
    next_review: dt.date | None = None


@dataclass(frozen=True)
class PhaseStatus:
    phase_id: str
    state: GateState
    last_decision: GateDecision | None


@dataclass(frozen=True)
class RouteStatus:
    """Where a project stands, derived from its decision log."""

    phases: tuple[PhaseStatus, ...]
    current_phase_id: str
    #: True once every gate, Productie's included, has passed (the solution is in use).
    completed: bool
    #: The next review of the last phase, when its latest decision is *ja*.
    next_review: dt.date | None

    def state(self, phase_id: str) -> GateState:
        return next(p.state for p in self.phases if p.phase_id == phase_id)

    def status(self, phase_id: str) -> PhaseStatus:
        return next(p for p in self.phases if p.phase_id == phase_id)

    def passed_count(self) -> int:
        return sum(p.state is GateState.PASSED for p in self.phases)

    def review_due(self, today: dt.date) -> bool:
        return self.completed and self.next_review is not None and self.next_review <= today


class _Replay:
    """The decision log replayed one decision at a time: the gate rules' one walk through it."""

    def __init__(self, toolkaart: Toolkaart) -> None:
        self.toolkaart = toolkaart
        self.passed: set[str] = set()
        self.last: dict[str, GateDecision] = {}
        self.next_review: dt.date | None = None
        self.last_phase_id = toolkaart.phases[-1].id

    def apply(self, decision: GateDecision) -> bool:
        """Take ``decision`` into account; False when its phase is no longer in the content."""
        if not self.toolkaart.has_phase(decision.phase_id):
            return False  # a phase removed from the content since; its decisions no longer count
        self.last[decision.phase_id] = decision
        if decision.answer is Answer.JA:
            self.passed.add(decision.phase_id)
            if decision.phase_id == self.last_phase_id:
                self.next_review = decision.next_review
        else:
            position = self.toolkaart.position
            here = position(decision.phase_id)
            self.passed = {pid for pid in self.passed if position(pid) < here}
            if decision.phase_id == self.last_phase_id:
                self.next_review = None
        return True

    def current_index(self) -> int:
        """The position of the first phase whose gate has not passed (the number of phases once
        every gate has passed)."""
        phases = self.toolkaart.phases
        return next((i for i, p in enumerate(phases) if p.id not in self.passed), len(phases))


def route_status(toolkaart: Toolkaart, decisions: Iterable[GateDecision]) -> RouteStatus:
    """Replay the decision log in order and derive every gate's state."""
    replay = _Replay(toolkaart)
    for decision in decisions:
        replay.apply(decision)
    current_index = replay.current_index()
    completed = current_index == len(toolkaart.phases)
    statuses = tuple(
        PhaseStatus(
            phase.id,
            GateState.PASSED
            if i < current_index
            else GateState.CURRENT
            if i == current_index
            else GateState.LOCKED,
            replay.last.get(phase.id),
        )
        for i, phase in enumerate(toolkaart.phases)
    )
    current = toolkaart.phases[min(current_index, len(toolkaart.phases) - 1)].id
    return RouteStatus(statuses, current, completed, replay.next_review if completed else None)


def route_steps(
    toolkaart: Toolkaart, decisions: Iterable[GateDecision]
) -> Iterator[tuple[GateDecision, str | None]]:
    """Each decision that counts (its phase is in the content), in log order, with where the
    project stands just after it: the current phase's id, or None once every gate has passed
    (the solution is in use). The same replay as ``route_status``, one step at a time, so that
    the portfolio's flow follows the project from phase to phase by the one rule."""
    replay = _Replay(toolkaart)
    phases = toolkaart.phases
    for decision in decisions:
        if replay.apply(decision):
            index = replay.current_index()
            yield decision, phases[index].id if index < len(phases) else None


def asks_review(toolkaart: Toolkaart, phase_id: str, answer: Answer | None) -> bool:
    """A *ja* on the last phase (Productie) carries the date of its next review."""
    return answer is Answer.JA and phase_id == toolkaart.phases[-1].id


def earliest_review(decided_on: dt.date) -> dt.date:
    """The next review lies after the decision date."""
    return decided_on + dt.timedelta(days=1)


def today() -> dt.date:
    """The day decisions are dated by default and checked against (no decision lies after it):
    the day in the navigator's zone (``LOCAL_ZONE``), where a project's creation day is counted
    too, not the server's (a container runs in UTC: between midnight in Amsterdam and midnight
    UTC a decision made at once was dated the day before its project, and its export was
    refused on import). One function, so that tests can fix the day their examples are judged
    on."""
    return local_today()


def clean_rationale(text: str) -> str:
    """A rationale as the log keeps it (TextError when it cannot be kept)."""
    return paragraph(text, field=t("gate.field.rationale"), limit=MAX_RATIONALE)


def clean_decided_by(text: str) -> str:
    """Who decided, as the log keeps it (TextError when it cannot be kept)."""
    return one_line(text, field=t("gate.field.decided_by"), limit=MAX_DECIDED_BY)


def check_decision(
    toolkaart: Toolkaart,
    decisions: tuple[GateDecision, ...],
    decision: GateDecision,
    retired: Mapping[str, frozenset[str]] | None = None,
) -> None:
    """Raise GateError when ``decision`` may not follow ``decisions`` under the gate rules.

    The one check behind both ``Assessment.decide`` (a new answer) and ``validate_log`` (a log read
    from elsewhere, e.g. an imported file), so a log that passes validation is a log the navigator
    could have written. ``retired``: per phase, checklist item ids an earlier content version had
    (``content_changes.retired_items``); a logged decision's open items may name them, as it was
    decided before they were removed.
    """
    if not toolkaart.has_phase(decision.phase_id):
        raise GateError("unknown_phase", phase=decision.phase_id)
    phase = toolkaart.phase(decision.phase_id)
    status = route_status(toolkaart, decisions)
    if status.state(decision.phase_id) is GateState.LOCKED:
        current = toolkaart.phase(status.current_phase_id)
        raise GateError("locked", phase=phase.name, current=current.name)
    day = today()
    if decision.decided_on > day:
        raise GateError("future_date", date=date_label(decision.decided_on), today=date_label(day))
    clean_rationale(decision.rationale)
    clean_decided_by(decision.decided_by)
    if decisions and decision.decided_on < decisions[-1].decided_on:
        raise GateError(
            "out_of_order",
            date=decision.decided_on.isoformat(),
            previous=decisions[-1].decided_on.isoformat(),
        )
    known = {item.id for item in phase.checklist} | (retired or {}).get(phase.id, frozenset())
    unknown = [item for item in decision.open_items if item not in known]
    if unknown:
        raise GateError("unknown_item", phase=decision.phase_id, items=", ".join(unknown))
    last = toolkaart.phases[-1]
    if asks_review(toolkaart, decision.phase_id, decision.answer):
        if decision.next_review is None:
            raise GateError("review_required", phase=last.name)
        if decision.next_review < earliest_review(decision.decided_on):
            raise GateError("review_in_past")
    elif decision.next_review is not None:
        raise GateError("review_only_last", phase=last.name)


def validate_log(
    toolkaart: Toolkaart,
    decisions: tuple[GateDecision, ...],
    retired: Mapping[str, frozenset[str]] | None = None,
) -> None:
    """Raise GateError at the first decision the gate rules would have refused (e.g. on import).

    Recorded open items on a *ja* count as the explicit acceptance ``decide`` asks for; they may
    name the ``retired`` items of an earlier content version (see ``check_decision``).
    """
    for index, decision in enumerate(decisions):
        try:
            check_decision(toolkaart, decisions[:index], decision, retired)
        except (GateError, TextError) as error:
            raise GateError(
                "in_log", number=index + 1, message=str(error), rule=error.code
            ) from error


@dataclass(frozen=True)
class DecisionNeeds:
    """What a form must ask before a decision can be appended (see ``Assessment.needs``)."""

    #: The phase's checklist items not ticked, in checklist order.
    open_items: tuple[str, ...]
    #: A *ja* with open items passes only when the user confirms it explicitly.
    confirm_open_items: bool
    #: The decision needs the date of the next review (see ``earliest_review``).
    next_review: bool


@dataclass(frozen=True)
class Assessment:
    """A project's walk along the route: ticked items per phase and the decision log.

    Immutable: every change returns a new Assessment, so a store can compare and save it whole.
    """

    checked: Mapping[str, frozenset[str]] = field(default_factory=dict)
    decisions: tuple[GateDecision, ...] = ()

    def checked_in(self, phase_id: str) -> frozenset[str]:
        return self.checked.get(phase_id, frozenset())

    def open_items(self, toolkaart: Toolkaart, phase_id: str) -> tuple[str, ...]:
        """Ids of the phase's checklist items not ticked, in checklist order."""
        done = self.checked_in(phase_id)
        return tuple(i.id for i in toolkaart.phase(phase_id).checklist if i.id not in done)

    def status(self, toolkaart: Toolkaart) -> RouteStatus:
        return route_status(toolkaart, self.decisions)

    def with_checked(
        self, toolkaart: Toolkaart, phase_id: str, item_ids: Iterable[str]
    ) -> Assessment:
        """Replace the ticks of one phase's checklist items with ``item_ids``.

        An item the content no longer has but the walk ticked stays ticked, whatever
        ``item_ids`` says: the pages draw checkboxes for the current items only, and a removed
        item the team had ticked is part of its history, not to be dropped at the next tick. An
        id that is neither in the checklist nor ticked already is refused.
        """
        known = {i.id for i in toolkaart.phase(phase_id).checklist}
        retired = self.checked_in(phase_id) - known
        items = frozenset(item_ids)
        unknown = items - known - retired
        if unknown:
            raise GateError("unknown_item", phase=phase_id, items=", ".join(sorted(unknown)))
        items = (items & known) | retired
        checked = dict(self.checked)
        checked[phase_id] = items
        if not items:  # one way to say "nothing ticked": the phase is absent
            del checked[phase_id]
        return replace(self, checked=checked)

    def needs(self, toolkaart: Toolkaart, phase_id: str, answer: Answer | None) -> DecisionNeeds:
        """What a decision on ``phase_id`` with ``answer`` must also carry, for a form to ask."""
        open_items = self.open_items(toolkaart, phase_id)
        return DecisionNeeds(
            open_items=open_items,
            confirm_open_items=answer is Answer.JA and bool(open_items),
            next_review=asks_review(toolkaart, phase_id, answer),
        )

    def would_lock(
        self, toolkaart: Toolkaart, phase_id: str, answer: Answer | None
    ) -> tuple[str, ...]:
        """The later phases whose gates ``answer`` on ``phase_id`` would lock again, in route order.

        Going back (*nog niet* or *nee* on a passed gate) reopens that gate and locks every later
        one; a form says which before the person decides, and the page says so after. Any other
        answer locks nothing.
        """
        status = self.status(toolkaart)
        if answer in (None, Answer.JA) or status.state(phase_id) is not GateState.PASSED:
            return ()
        here = toolkaart.position(phase_id)
        return tuple(
            phase.id
            for phase in toolkaart.phases[here + 1 :]
            if status.state(phase.id) is not GateState.LOCKED
        )

    def decide(
        self,
        toolkaart: Toolkaart,
        phase_id: str,
        answer: Answer,
        *,
        rationale: str = "",
        decided_by: str = "",
        decided_on: dt.date | None = None,
        accept_open_items: bool = False,
        next_review: dt.date | None = None,
    ) -> Assessment:
        """Append a decision on ``phase_id``'s gate, enforcing the gate rules.

        ``decided_on`` defaults to today; a *ja* with unticked items needs ``accept_open_items``;
        a *ja* on the last phase needs ``next_review``.
        """
        if not toolkaart.has_phase(phase_id):
            raise GateError("unknown_phase", phase=phase_id)
        open_items = self.open_items(toolkaart, phase_id)
        decision = GateDecision(
            phase_id=phase_id,
            answer=answer,
            rationale=clean_rationale(rationale),
            decided_by=clean_decided_by(decided_by),
            decided_on=decided_on or today(),
            open_items=open_items,
            next_review=next_review,
        )
        check_decision(toolkaart, self.decisions, decision)
        if answer is Answer.JA and open_items and not accept_open_items:
            phase = toolkaart.phase(phase_id)
            raise GateError("open_items", phase=phase.name, count=len(open_items))
        return replace(self, decisions=(*self.decisions, decision))
