"""The gate rules (toolkaart.route.gates): current phase, locks, open items, going back, re-review, logs."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest

from toolkaart.content.models import Toolkaart
from toolkaart.errors import GateError
from toolkaart.route import gates
from toolkaart.route.gates import (
    Answer,
    Assessment,
    GateDecision,
    GateState,
    earliest_review,
    route_status,
    validate_log,
)

DAY = dt.date(2027, 3, 1)


def all_items(toolkaart: Toolkaart, phase_id: str) -> list[str]:
    return [item.id for item in toolkaart.phase(phase_id).checklist]


def pass_phases(
    toolkaart: Toolkaart, count: int, assessment: Assessment | None = None
) -> Assessment:
    """Tick every item and answer *ja* on the first ``count`` phases (no open items)."""
    walk = assessment or Assessment()
    for phase in toolkaart.phases[:count]:
        walk = walk.with_checked(toolkaart, phase.id, all_items(toolkaart, phase.id))
        review = DAY + dt.timedelta(days=365) if phase is toolkaart.phases[-1] else None
        walk = walk.decide(
            toolkaart, phase.id, Answer.JA, rationale="klaar", decided_on=DAY, next_review=review
        )
    return walk


def states(toolkaart: Toolkaart, walk: Assessment) -> list[GateState]:
    status = walk.status(toolkaart)
    return [status.state(phase.id) for phase in toolkaart.phases]


P, C, L = GateState.PASSED, GateState.CURRENT, GateState.LOCKED


# current phase = first phase not passed; later gates locked


def test_a_new_project_stands_at_the_first_phase_with_every_later_gate_locked(
    toolkaart: Toolkaart,
) -> None:
    status = Assessment().status(toolkaart)
    assert status.current_phase_id == "idee"
    assert states(toolkaart, Assessment()) == [C, L, L, L, L, L, L]
    assert status.passed_count() == 0
    assert not status.completed


def test_the_current_phase_is_the_first_whose_gate_has_not_passed(toolkaart: Toolkaart) -> None:
    walk = pass_phases(toolkaart, 2)
    status = walk.status(toolkaart)
    assert status.current_phase_id == "ontwikkeling"
    assert states(toolkaart, walk) == [P, P, C, L, L, L, L]
    assert status.status("verkenning").last_decision == walk.decisions[-1]


def test_nog_niet_on_the_current_gate_keeps_the_project_there(toolkaart: Toolkaart) -> None:
    walk = pass_phases(toolkaart, 1).decide(
        toolkaart, "verkenning", Answer.NOG_NIET, rationale="eerst de zorgvraag", decided_on=DAY
    )
    assert walk.status(toolkaart).current_phase_id == "verkenning"
    assert len(walk.decisions) == 2


def test_deciding_on_a_locked_gate_is_refused_with_a_dutch_message(toolkaart: Toolkaart) -> None:
    walk = pass_phases(toolkaart, 1)
    with pytest.raises(GateError) as refused:
        walk.decide(toolkaart, "pilot-a", Answer.JA, accept_open_items=True, decided_on=DAY)
    assert refused.value.code == "locked"
    assert str(refused.value) == (
        "De poort van fase Pilot A is nog op slot: beantwoord eerst de kernvraag van fase "
        "Verkenning."
    )


def test_an_unknown_phase_or_checklist_item_is_refused(toolkaart: Toolkaart) -> None:
    with pytest.raises(GateError, match="Fase 'maanlanding' bestaat niet"):
        Assessment().decide(toolkaart, "maanlanding", Answer.JA)
    with pytest.raises(GateError, match="Onbekende checklistpunten bij fase 'idee': verzonnen"):
        Assessment().with_checked(toolkaart, "idee", ["verzonnen"])


def test_every_phase_stays_readable_and_tickable_while_its_gate_is_locked(
    toolkaart: Toolkaart,
) -> None:
    walk = Assessment().with_checked(toolkaart, "productie", all_items(toolkaart, "productie")[:1])
    assert walk.checked_in("productie") == frozenset(all_items(toolkaart, "productie")[:1])
    assert walk.status(toolkaart).state("productie") is GateState.LOCKED


# passing with open items: explicit, and recorded


def test_passing_with_open_items_needs_explicit_acceptance(toolkaart: Toolkaart) -> None:
    items = all_items(toolkaart, "idee")
    walk = Assessment().with_checked(toolkaart, "idee", items[:2])
    with pytest.raises(GateError) as refused:
        walk.decide(toolkaart, "idee", Answer.JA, decided_on=DAY)
    assert refused.value.code == "open_items"
    assert f"nog {len(items) - 2} open checklistpunten" in str(refused.value)
    assert walk.status(toolkaart).current_phase_id == "idee"  # nothing changed


def test_accepted_open_items_are_recorded_with_the_decision_in_checklist_order(
    toolkaart: Toolkaart,
) -> None:
    items = all_items(toolkaart, "idee")
    walk = Assessment().with_checked(toolkaart, "idee", [items[1], items[3]])
    walk = walk.decide(
        toolkaart, "idee", Answer.JA, rationale="risico aanvaard", accept_open_items=True
    )
    decision = walk.decisions[-1]
    assert decision.open_items == tuple(i for i in items if i not in {items[1], items[3]})
    assert decision.rationale == "risico aanvaard"
    assert decision.decided_on == gates.today()  # the day decisions are judged on
    assert walk.status(toolkaart).state("idee") is GateState.PASSED


def test_a_fully_ticked_phase_passes_without_acceptance_and_records_no_open_items(
    toolkaart: Toolkaart,
) -> None:
    walk = pass_phases(toolkaart, 1)
    assert walk.decisions[-1].open_items == ()


def test_nog_niet_also_records_what_was_open_at_that_moment(toolkaart: Toolkaart) -> None:
    walk = Assessment().decide(toolkaart, "idee", Answer.NOG_NIET, decided_by=" Fatima ")
    assert walk.decisions[-1].open_items == tuple(all_items(toolkaart, "idee"))
    assert walk.decisions[-1].decided_by == "Fatima"


# going back


def test_going_back_reopens_the_earlier_gate_and_returns_later_gates_to_open(
    toolkaart: Toolkaart,
) -> None:
    walk = pass_phases(toolkaart, 4)
    assert walk.status(toolkaart).current_phase_id == "pilot-b"
    back = walk.decide(
        toolkaart, "verkenning", Answer.NEE, rationale="markt veranderd", decided_on=DAY
    )
    assert states(toolkaart, back) == [P, C, L, L, L, L, L]
    assert back.status(toolkaart).current_phase_id == "verkenning"
    # the log keeps the whole history: four passes and the step back
    assert [d.answer for d in back.decisions] == [Answer.JA] * 4 + [Answer.NEE]
    assert back.decisions[:4] == walk.decisions


def test_after_going_back_the_later_gates_must_be_passed_again(toolkaart: Toolkaart) -> None:
    walk = pass_phases(toolkaart, 3).decide(toolkaart, "idee", Answer.NOG_NIET, decided_on=DAY)
    with pytest.raises(GateError, match="op slot"):
        walk.decide(toolkaart, "verkenning", Answer.JA, decided_on=DAY)
    again = walk.decide(toolkaart, "idee", Answer.JA, decided_on=DAY)
    assert again.status(toolkaart).current_phase_id == "verkenning"
    assert again.status(toolkaart).state("ontwikkeling") is GateState.LOCKED


def test_going_back_names_beforehand_the_gates_it_will_lock_again(toolkaart: Toolkaart) -> None:
    walk = pass_phases(toolkaart, 3)  # idee, verkenning, ontwikkeling passed; pilot-a current
    for answer in (Answer.NOG_NIET, Answer.NEE):
        closing = walk.would_lock(toolkaart, "verkenning", answer)
        assert closing == ("ontwikkeling", "pilot-a")
        back = walk.decide(toolkaart, "verkenning", answer, decided_on=DAY)
        status = back.status(toolkaart)
        assert {status.state(phase_id) for phase_id in closing} == {GateState.LOCKED}
    # nothing to warn about: a ja, the current gate, a locked gate, or no answer chosen yet
    assert walk.would_lock(toolkaart, "verkenning", Answer.JA) == ()
    assert walk.would_lock(toolkaart, "pilot-a", Answer.NEE) == ()
    assert walk.would_lock(toolkaart, "productie", Answer.NEE) == ()
    assert walk.would_lock(toolkaart, "idee", None) == ()
    # from a completed route, going back to the first gate locks every later one
    done = pass_phases(toolkaart, len(toolkaart.phases))
    later = tuple(phase.id for phase in toolkaart.phases[1:])
    assert done.would_lock(toolkaart, "idee", Answer.NOG_NIET) == later


def test_ja_again_on_a_passed_gate_confirms_it_without_moving_the_route(
    toolkaart: Toolkaart,
) -> None:
    walk = pass_phases(toolkaart, 3)
    again = walk.decide(toolkaart, "idee", Answer.JA, decided_on=DAY)
    assert states(toolkaart, again) == states(toolkaart, walk)
    assert again.status(toolkaart).status("idee").last_decision == again.decisions[-1]


def test_assessments_are_immutable_values(toolkaart: Toolkaart) -> None:
    walk = Assessment()
    walk.decide(toolkaart, "idee", Answer.NOG_NIET)
    walk.with_checked(toolkaart, "idee", all_items(toolkaart, "idee"))
    assert walk == Assessment()


# Productie: re-review with a next review date


def test_passing_productie_completes_the_route_with_a_next_review(toolkaart: Toolkaart) -> None:
    walk = pass_phases(toolkaart, 7)
    status = walk.status(toolkaart)
    assert status.completed
    assert status.current_phase_id == "productie"
    assert status.next_review == DAY + dt.timedelta(days=365)
    assert not status.review_due(DAY)
    assert status.review_due(DAY + dt.timedelta(days=365))
    assert status.review_due(DAY + dt.timedelta(days=400))


def test_ja_on_productie_needs_a_next_review_date_after_the_decision(toolkaart: Toolkaart) -> None:
    walk = pass_phases(toolkaart, 6)
    walk = walk.with_checked(toolkaart, "productie", all_items(toolkaart, "productie"))
    with pytest.raises(GateError) as missing:
        walk.decide(toolkaart, "productie", Answer.JA, decided_on=DAY)
    assert missing.value.code == "review_required"
    assert "Productie" in str(missing.value)
    with pytest.raises(GateError, match="na de besluitdatum"):
        walk.decide(toolkaart, "productie", Answer.JA, decided_on=DAY, next_review=DAY)


def test_a_review_date_belongs_only_to_a_ja_on_productie(toolkaart: Toolkaart) -> None:
    later = DAY + dt.timedelta(days=30)
    with pytest.raises(GateError) as refused:
        pass_phases(toolkaart, 0).decide(
            toolkaart, "idee", Answer.NOG_NIET, decided_on=DAY, next_review=later
        )
    assert refused.value.code == "review_only_last"
    walk = pass_phases(toolkaart, 7)
    with pytest.raises(GateError, match="alleen bij een 'ja' in fase Productie"):
        walk.decide(toolkaart, "productie", Answer.NEE, decided_on=DAY, next_review=later)


def test_a_re_review_answered_ja_moves_the_next_review(toolkaart: Toolkaart) -> None:
    walk = pass_phases(toolkaart, 7)
    review_day = DAY + dt.timedelta(days=366)
    again = walk.decide(
        toolkaart,
        "productie",
        Answer.JA,
        rationale="nog steeds waardevol",
        decided_on=review_day,
        next_review=review_day + dt.timedelta(days=180),
    )
    status = again.status(toolkaart)
    assert status.completed
    assert status.next_review == review_day + dt.timedelta(days=180)
    assert not status.review_due(review_day)


def test_a_re_review_answered_nee_reopens_productie_and_clears_the_review(
    toolkaart: Toolkaart,
) -> None:
    walk = pass_phases(toolkaart, 7).decide(
        toolkaart, "productie", Answer.NEE, rationale="voegt geen waarde meer toe", decided_on=DAY
    )
    status = walk.status(toolkaart)
    assert not status.completed
    assert status.current_phase_id == "productie"
    assert status.state("productie") is GateState.CURRENT
    assert status.next_review is None
    assert not status.review_due(DAY + dt.timedelta(days=1000))


def test_going_back_from_production_to_an_early_phase_drops_the_review(
    toolkaart: Toolkaart,
) -> None:
    walk = pass_phases(toolkaart, 7).decide(toolkaart, "pilot-a", Answer.NOG_NIET, decided_on=DAY)
    status = walk.status(toolkaart)
    assert states(toolkaart, walk) == [P, P, P, C, L, L, L]
    assert status.next_review is None


def test_decisions_cannot_be_dated_before_the_previous_one(toolkaart: Toolkaart) -> None:
    walk = pass_phases(toolkaart, 1)
    with pytest.raises(GateError) as refused:
        walk.decide(toolkaart, "verkenning", Answer.NOG_NIET, decided_on=DAY - dt.timedelta(1))
    assert refused.value.code == "out_of_order"
    assert "2027-02-28" in str(refused.value) and "2027-03-01" in str(refused.value)


# logs read from elsewhere (validate_log) and content that changed


def test_validate_log_accepts_every_log_that_decide_writes(toolkaart: Toolkaart) -> None:
    back = pass_phases(toolkaart, 7).decide(toolkaart, "idee", Answer.NEE, decided_on=DAY)
    accepted = Assessment().decide(toolkaart, "idee", Answer.JA, accept_open_items=True)
    for log in (back.decisions, accepted.decisions, ()):
        validate_log(toolkaart, log)  # raises on a refused log


@pytest.mark.parametrize(
    ("decisions", "rule", "fragment"),
    [
        (
            (
                GateDecision("idee", Answer.JA, decided_on=DAY),
                GateDecision("ontwikkeling", Answer.JA, decided_on=DAY),
            ),
            "locked",
            "Besluit 2 in het logboek (geteld vanaf 1): De poort van fase Ontwikkeling is nog op slot",
        ),
        (
            (GateDecision("ruimtevaart", Answer.JA, decided_on=DAY),),
            "unknown_phase",
            "Besluit 1 in het logboek (geteld vanaf 1): Fase 'ruimtevaart' bestaat niet.",
        ),
        (
            (GateDecision("idee", Answer.NOG_NIET, decided_on=DAY, open_items=("geen-punt",)),),
            "unknown_item",
            "Onbekende checklistpunten bij fase 'idee': geen-punt",
        ),
        (
            (GateDecision("idee", Answer.JA, decided_on=DAY, next_review=DAY + dt.timedelta(9)),),
            "review_only_last",
            "hoort alleen bij een 'ja' in fase Productie",
        ),
        (
            (
                GateDecision("idee", Answer.JA, decided_on=DAY),
                GateDecision("verkenning", Answer.JA, decided_on=DAY - dt.timedelta(1)),
            ),
            "out_of_order",
            "Besluit 2 in het logboek (geteld vanaf 1): Een besluit van 2027-02-28",
        ),
    ],
    ids=["locked", "unknown-phase", "unknown-open-item", "review-not-last", "out-of-order"],
)
def test_validate_log_refuses_an_illegal_log_at_the_first_bad_decision(
    toolkaart: Toolkaart, decisions: tuple[GateDecision, ...], rule: str, fragment: str
) -> None:
    with pytest.raises(GateError) as refused:
        validate_log(toolkaart, decisions)
    assert refused.value.code == "in_log"
    assert refused.value.params["rule"] == rule
    assert fragment in str(refused.value)


def test_validate_log_refuses_productie_passed_without_a_review_date(toolkaart: Toolkaart) -> None:
    decisions = pass_phases(toolkaart, 7).decisions
    broken = (*decisions[:-1], replace(decisions[-1], next_review=None))
    with pytest.raises(
        GateError,
        match=re.escape("Besluit 7 in het logboek (geteld vanaf 1): Een 'ja' in fase Productie"),
    ):
        validate_log(toolkaart, broken)


def test_decisions_on_a_phase_removed_from_the_content_no_longer_count(
    toolkaart: Toolkaart,
) -> None:
    log = (
        GateDecision("idee", Answer.JA, decided_on=DAY),
        GateDecision("vervallen-fase", Answer.NEE, decided_on=DAY),
    )
    status = route_status(toolkaart, log)
    assert status.current_phase_id == "verkenning"


def test_a_form_asks_for_confirmation_only_for_a_ja_with_open_items(toolkaart: Toolkaart) -> None:
    walk = Assessment()
    items = all_items(toolkaart, "idee")
    needs = walk.needs(toolkaart, "idee", Answer.JA)
    assert needs.confirm_open_items and needs.open_items == tuple(items)
    assert not needs.next_review
    assert not walk.needs(toolkaart, "idee", Answer.NOG_NIET).confirm_open_items
    assert not walk.needs(toolkaart, "idee", None).confirm_open_items
    ticked = walk.with_checked(toolkaart, "idee", items)
    assert not ticked.needs(toolkaart, "idee", Answer.JA).confirm_open_items


def test_a_form_asks_for_a_review_date_only_for_a_ja_on_the_last_phase(
    toolkaart: Toolkaart,
) -> None:
    walk = Assessment()
    assert walk.needs(toolkaart, "productie", Answer.JA).next_review
    assert not walk.needs(toolkaart, "productie", Answer.NEE).next_review
    assert not walk.needs(toolkaart, "implementatie", Answer.JA).next_review
    assert earliest_review(dt.date(2026, 12, 31)) == dt.date(2027, 1, 1)
