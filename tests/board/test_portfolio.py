"""The board's portfolio: one row per active project, counts per phase, stale flags, filter."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from toolkaart.board.portfolio import build_portfolio, days_since, organisations
from toolkaart.content.models import Toolkaart
from toolkaart.route.gates import Answer, Assessment, GateDecision
from toolkaart.route.project import Project

TODAY = dt.date(2027, 3, 1)


def at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)


def project(
    toolkaart: Toolkaart,
    pid: str,
    *,
    passed: int = 0,
    organisation: str = "Ziekenhuis Oost",
    changed: dt.date = TODAY,
    archived: bool = False,
) -> Project:
    """A project whose first ``passed`` gates were answered ja (open items accepted)."""
    assessment = Assessment()
    for number, phase in enumerate(toolkaart.phases[:passed]):
        assessment = assessment.decide(
            toolkaart,
            phase.id,
            Answer.JA,
            rationale=f"besluit {number}",
            decided_on=dt.date(2026, 1, 1 + number),
            accept_open_items=True,
            next_review=dt.date(2027, 1, 1) if phase is toolkaart.phases[-1] else None,
        )
    return Project(
        id=pid,
        name=pid.title(),
        organisation=organisation,
        assessment=assessment,
        archived=archived,
        updated_at=at(changed),
    )


def test_a_new_project_waits_at_the_first_gate_with_every_item_open(toolkaart: Toolkaart) -> None:
    first = toolkaart.phases[0]
    row = build_portfolio(toolkaart, [project(toolkaart, "nieuw")], today=TODAY).rows[0]
    assert row.phase == first
    assert row.awaiting == first.key_question
    assert row.open_items == first.checklist
    assert row.last_decision is None
    assert not row.completed


def test_row_shows_current_phase_last_decision_and_open_items(toolkaart: Toolkaart) -> None:
    third = toolkaart.phases[2]
    base = project(toolkaart, "sepsis", passed=2)
    ticked = third.checklist[0].id, third.checklist[2].id
    assessment = base.assessment.with_checked(toolkaart, third.id, ticked)
    row = build_portfolio(toolkaart, [base.with_assessment(assessment)], today=TODAY).rows[0]
    assert row.phase == third
    assert row.awaiting == third.key_question
    assert row.last_decision is not None
    assert row.last_decision.phase_id == toolkaart.phases[1].id
    assert row.last_decision.decided_on == dt.date(2026, 1, 2)
    assert row.open_items == tuple(i for i in third.checklist if i.id not in ticked)


def test_going_back_puts_the_project_at_the_reopened_gate(toolkaart: Toolkaart) -> None:
    first = toolkaart.phases[0]
    base = project(toolkaart, "terug", passed=3)
    back = base.assessment.decide(
        toolkaart, first.id, Answer.NEE, rationale="opnieuw", decided_on=dt.date(2026, 2, 1)
    )
    row = build_portfolio(toolkaart, [base.with_assessment(back)], today=TODAY).rows[0]
    assert row.phase == first
    assert row.last_decision is not None
    assert (row.last_decision.answer, row.last_decision.rationale) == (Answer.NEE, "opnieuw")


def test_archived_projects_are_left_out_and_every_phase_is_counted(toolkaart: Toolkaart) -> None:
    projects = [
        project(toolkaart, "a", passed=0),
        project(toolkaart, "b", passed=2),
        project(toolkaart, "c", passed=2),
        project(toolkaart, "weg", passed=2, archived=True),
    ]
    portfolio = build_portfolio(toolkaart, projects, today=TODAY)
    assert [r.project.id for r in portfolio.rows] == ["a", "b", "c"]
    assert [c.phase for c in portfolio.counts] == list(toolkaart.phases)
    counts = {c.phase.id: c.count for c in portfolio.counts}
    assert counts[toolkaart.phases[0].id] == 1
    assert counts[toolkaart.phases[2].id] == 2
    assert sum(counts.values()) == portfolio.total == 3


def test_rows_follow_the_route_then_the_name(toolkaart: Toolkaart) -> None:
    projects = [
        project(toolkaart, "zeta", passed=1),
        project(toolkaart, "beta", passed=4),
        project(toolkaart, "alfa", passed=1),
        project(toolkaart, "gamma", passed=0),
    ]
    rows = build_portfolio(toolkaart, projects, today=TODAY).rows
    assert [r.project.id for r in rows] == ["gamma", "alfa", "zeta", "beta"]


def test_stale_means_unchanged_for_longer_than_the_chosen_days(toolkaart: Toolkaart) -> None:
    projects = [
        project(toolkaart, "vers", changed=TODAY),
        project(toolkaart, "grens", changed=TODAY - dt.timedelta(days=30)),
        project(toolkaart, "oud", changed=TODAY - dt.timedelta(days=31)),
    ]
    portfolio = build_portfolio(toolkaart, projects, today=TODAY, stale_days=30)
    rows = {r.project.id: r for r in portfolio.rows}
    assert {pid: r.days_since_change for pid, r in rows.items()} == {
        "vers": 0,
        "grens": 30,
        "oud": 31,
    }
    assert {pid for pid, r in rows.items() if r.stale} == {"oud"}
    assert portfolio.stale_count == 1
    assert build_portfolio(toolkaart, projects, today=TODAY, stale_days=0).stale_count == 2


def test_negative_stale_days_are_refused(toolkaart: Toolkaart) -> None:
    with pytest.raises(ValueError):
        build_portfolio(toolkaart, [], today=TODAY, stale_days=-1)


def test_filter_by_organisation(toolkaart: Toolkaart) -> None:
    projects = [
        project(toolkaart, "a", organisation="UMC Zuid"),
        project(toolkaart, "b", organisation="Ziekenhuis Oost"),
        project(toolkaart, "c", organisation="UMC Zuid", passed=1),
        project(toolkaart, "d", organisation="Archief", archived=True),
    ]
    assert organisations(projects) == ("UMC Zuid", "Ziekenhuis Oost")
    portfolio = build_portfolio(toolkaart, projects, today=TODAY, organisation="UMC Zuid")
    assert [r.project.id for r in portfolio.rows] == ["a", "c"]
    assert portfolio.total == 2
    assert portfolio.organisation == "UMC Zuid"


def test_a_project_past_every_gate_sits_in_the_last_phase_for_review(
    toolkaart: Toolkaart,
) -> None:
    last = toolkaart.phases[-1]
    done = project(toolkaart, "klaar", passed=len(toolkaart.phases))
    row = build_portfolio(toolkaart, [done], today=TODAY).rows[0]
    assert row.completed
    assert row.phase == last
    assert row.awaiting == last.key_question
    assert row.next_review == dt.date(2027, 1, 1)
    assert row.review_due  # 1 January is before TODAY
    early = build_portfolio(toolkaart, [done], today=dt.date(2026, 12, 31)).rows[0]
    assert not early.review_due


def test_count_sentence_gives_the_same_numbers_as_the_chart(toolkaart: Toolkaart) -> None:
    projects = [project(toolkaart, "a"), project(toolkaart, "b", passed=1)]
    sentence = build_portfolio(toolkaart, projects, today=TODAY).count_sentence()
    assert "Aantal actieve projecten: 2." in sentence
    assert f"{toolkaart.phases[0].name}: 1" in sentence
    assert f"{toolkaart.phases[1].name}: 1" in sentence
    assert f"{toolkaart.phases[2].name}: 0" in sentence


def test_days_since_counts_calendar_days_in_amsterdam() -> None:
    late = dt.datetime(2027, 2, 28, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-2)))
    assert days_since(late, TODAY) == 0  # 1 March 02:30 in Amsterdam
    just_after_midnight = dt.datetime(2027, 2, 28, 23, 30, tzinfo=dt.UTC)
    assert days_since(just_after_midnight, TODAY) == 0  # 1 March 00:30 in Amsterdam, not UTC's 28th
    naive = dt.datetime(2027, 2, 28, 22, 30)  # stored moments are UTC: 23:30 on the 28th here
    assert days_since(naive, TODAY) == 1
    assert days_since(at(TODAY + dt.timedelta(days=3)), TODAY) == 0


def test_a_decision_on_a_phase_no_longer_in_the_content_is_not_the_last(
    toolkaart: Toolkaart,
) -> None:
    base = project(toolkaart, "oud", passed=2)
    gone = GateDecision(phase_id="verdwenen-fase", answer=Answer.JA, decided_on=dt.date(2026, 3, 1))
    assessment = replace(base.assessment, decisions=(*base.assessment.decisions, gone))
    row = build_portfolio(toolkaart, [base.with_assessment(assessment)], today=TODAY).rows[0]
    assert row.last_decision == base.assessment.decisions[-1]
