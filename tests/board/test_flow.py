"""The portfolio's flow on a hand-made portfolio whose every day count is known beforehand."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from benchmarks.synthetic import synthetic_portfolio
from toolkaart.board.flow import (
    Exit,
    Flow,
    Outcomes,
    Spread,
    Stay,
    build_flow,
    project_flow,
    quantile,
    spread,
)
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import counted, t
from toolkaart.route.gates import Answer, Assessment
from toolkaart.route.project import Project

#: Day 0: every project below is created on it (10:00 UTC is the same day in Dutch time).
D0 = dt.date(2026, 1, 5)
TODAY = D0 + dt.timedelta(days=200)


def day(offset: int) -> dt.date:
    return D0 + dt.timedelta(days=offset)


def make(
    toolkaart: Toolkaart,
    pid: str,
    steps: list[tuple[int, Answer, int]],
    *,
    created: dt.date = D0,
) -> Project:
    """A project created on ``created`` whose log is ``steps``: (phase index, answer, day)."""
    walk = Assessment()
    last = len(toolkaart.phases) - 1
    for index, answer, offset in steps:
        walk = walk.decide(
            toolkaart,
            toolkaart.phases[index].id,
            answer,
            decided_on=day(offset),
            accept_open_items=True,
            next_review=day(offset + 365) if index == last and answer is Answer.JA else None,
        )
    moment = dt.datetime(created.year, created.month, created.day, 10, tzinfo=dt.UTC)
    return Project(id=pid, name=pid.title(), assessment=walk, created_at=moment)


JA, NOG_NIET, NEE = Answer.JA, Answer.NOG_NIET, Answer.NEE


@pytest.fixture
def portfolio(toolkaart: Toolkaart) -> list[Project]:
    """Four projects, their stays in days (phase 1 = Idee, 2 = Verkenning, 3 = the third):

    - p1: phase 1 for 10, phase 2 for 30, in phase 3 since day 40 (160 days today);
    - p2: *nog niet* and *nee* at the current gate change nothing: phase 1 for 20, phase 2 for
      60, phase 3 for 20, in phase 4 since day 100 (100 days);
    - p3: phase 1 for 30, phase 2 for 10, phase 3 for 10 until a *nee* on phase 1's gate sends
      it back: phase 1 again for 10 (40 in all, two visits), in phase 2 again since day 60
      (140 days; phase 2 not finished, phase 3 left by going back: not finished either);
    - p4: no decisions, in phase 1 since day 0 (200 days).
    """
    return [
        make(toolkaart, "p1", [(0, JA, 10), (1, JA, 40)]),
        make(
            toolkaart,
            "p2",
            [(0, NOG_NIET, 5), (0, JA, 20), (1, NEE, 30), (1, JA, 80), (2, JA, 100)],
        ),
        make(toolkaart, "p3", [(0, JA, 30), (1, JA, 40), (0, NEE, 50), (0, JA, 60)]),
        make(toolkaart, "p4", []),
    ]


def test_a_projects_stays_follow_its_log(toolkaart: Toolkaart, portfolio: list[Project]) -> None:
    idee, verkenning, third = (p.id for p in toolkaart.phases[:3])
    flow = project_flow(toolkaart, portfolio[2], today=TODAY)
    assert flow.stays == (
        Stay(idee, day(0), day(30), Exit.PASSED),
        Stay(verkenning, day(30), day(40), Exit.PASSED),
        Stay(third, day(40), day(50), Exit.WENT_BACK),
        Stay(idee, day(50), day(60), Exit.PASSED),
        Stay(verkenning, day(60), TODAY, Exit.OPEN),
    )
    assert [s.days for s in flow.stays] == [30, 10, 10, 10, 140]
    assert flow.days_in(idee) == 40 and flow.visits(idee) == 2
    assert flow.current == flow.stays[-1]
    assert flow.finished(idee)
    assert not flow.finished(verkenning)  # standing in it again
    assert not flow.finished(third)  # left by going back, never passed


def test_days_per_phase_over_the_projects_that_finished_it(
    toolkaart: Toolkaart, portfolio: list[Project]
) -> None:
    flow = build_flow(toolkaart, portfolio, today=TODAY, stuck_days=150)
    first, second, third, fourth, *rest = flow.phases
    assert first.days == Spread(
        3, median=20, lower_quartile=15, upper_quartile=30, minimum=10, maximum=40
    )
    assert second.days == Spread(2, 45, 37.5, 52.5, 30, 60)
    assert third.days == Spread(1, 20, 20, 20, 20, 20)
    assert fourth.days is None and all(row.days is None for row in rest)
    assert [row.finished for row in flow.phases[:4]] == [3, 2, 1, 0]
    assert [row.in_phase for row in flow.phases] == [1, 1, 1, 1] + [0] * len(rest)
    assert [row.returns for row in flow.phases[:3]] == [1, 1, 0]


def test_gate_outcomes_count_every_answer(toolkaart: Toolkaart, portfolio: list[Project]) -> None:
    flow = build_flow(toolkaart, portfolio, today=TODAY)
    outcomes = [row.outcomes for row in flow.phases]
    assert outcomes[0] == Outcomes(ja=4, nog_niet=1, nee=1)
    assert outcomes[1] == Outcomes(ja=3, nog_niet=0, nee=1)
    assert outcomes[2] == Outcomes(ja=1)
    assert all(o == Outcomes() for o in outcomes[3:])
    assert outcomes[0].total == 6 and outcomes[0].of(Answer.NEE) == 1


def test_projects_standing_still_longer_than_the_chosen_days(
    toolkaart: Toolkaart, portfolio: list[Project]
) -> None:
    flow = build_flow(toolkaart, portfolio, today=TODAY, stuck_days=150)
    assert [(s.project.id, s.phase.id, s.since, s.days) for s in flow.stuck] == [
        ("p4", toolkaart.phases[0].id, day(0), 200),
        ("p1", toolkaart.phases[2].id, day(40), 160),
    ]
    # more than the chosen days: 140 days is not more than 140
    assert [
        s.project.id for s in build_flow(toolkaart, portfolio, today=TODAY, stuck_days=140).stuck
    ] == ["p4", "p1"]
    assert len(build_flow(toolkaart, portfolio, today=TODAY, stuck_days=99).stuck) == 4
    assert build_flow(toolkaart, portfolio, today=TODAY, stuck_days=200).stuck == ()
    with pytest.raises(ValueError):
        build_flow(toolkaart, portfolio, today=TODAY, stuck_days=-1)


def test_a_project_in_use_stands_in_no_phase_until_a_review_sends_it_back(
    toolkaart: Toolkaart,
) -> None:
    last = len(toolkaart.phases) - 1
    through = [(i, JA, 10 * (i + 1)) for i in range(last + 1)]  # ten days a phase
    in_use = make(toolkaart, "in-use", through)
    flow = project_flow(toolkaart, in_use, today=TODAY)
    assert flow.current is None
    assert [s.days for s in flow.stays] == [10] * (last + 1)
    assert all(s.exit is Exit.PASSED for s in flow.stays)
    again = make(toolkaart, "again", [*through, (last, JA, 100)])  # a review: still in use
    assert project_flow(toolkaart, again, today=TODAY).stays == flow.stays
    back = make(toolkaart, "back", [*through, (last, NEE, 150)])
    stays = project_flow(toolkaart, back, today=TODAY).stays
    assert stays[-1] == Stay(toolkaart.phases[last].id, day(150), TODAY, Exit.OPEN)
    whole = build_flow(toolkaart, [in_use, back], today=TODAY)
    assert whole.in_use == 1
    assert whole.in_use_sentence() == t("flow.in_use", projects=counted("project", 1))
    assert whole.phases[last].returns == 1 and whole.phases[last].in_phase == 1
    assert whole.phases[last].days == Spread(1, 10, 10, 10, 10, 10)  # only in-use finished it


def test_the_first_stay_begins_at_creation_or_at_an_earlier_log(toolkaart: Toolkaart) -> None:
    brought_in = make(toolkaart, "import", [(0, JA, 20)], created=day(50))
    assert project_flow(toolkaart, brought_in, today=TODAY).stays[0].entered == day(20)
    same_day = make(toolkaart, "quick", [(0, JA, 0)])
    assert project_flow(toolkaart, same_day, today=TODAY).stays[0].days == 0
    late = make(toolkaart, "late", [], created=TODAY + dt.timedelta(days=3))  # never negative
    assert project_flow(toolkaart, late, today=TODAY).stays[0].days == 0
    # 23:30 UTC on 4 January is 5 January in Dutch time
    evening = Project(
        id="evening", name="Avond", created_at=dt.datetime(2026, 1, 4, 23, 30, tzinfo=dt.UTC)
    )
    assert project_flow(toolkaart, evening, today=TODAY).stays[0].entered == D0


def test_quartiles_interpolate_between_the_nearest_values() -> None:
    assert quantile([10], 0.25) == 10
    assert quantile([1, 2, 3, 4], 0.5) == 2.5
    assert quantile([1, 2, 3, 4], 0.25) == 1.75
    assert quantile([1, 2, 3, 4], 0.75) == 3.25
    assert spread([]) is None
    assert spread([7, 1, 4]) == Spread(3, 4, 2.5, 5.5, 1, 7)


def test_the_text_alternative_says_the_same_numbers(
    toolkaart: Toolkaart, portfolio: list[Project]
) -> None:
    flow = build_flow(toolkaart, portfolio, today=TODAY, stuck_days=150)
    first, second = toolkaart.phases[0], toolkaart.phases[1]
    days = flow.days_sentence()
    part = t(
        "flow.days.part",
        phase=second.name,
        median="45",
        q1="37,5",
        q3="52,5",
        min="30",
        max="60",
        count=counted("project", 2),
    )
    assert part in days
    assert t("flow.days.part.none", phase=toolkaart.phases[4].name) in days
    assert t("flow.outcomes.part", phase=first.name, ja=4, nog_niet=1, nee=1) in (
        flow.outcomes_sentence()
    )
    assert flow.stuck_sentence() == t("flow.stuck.some", projects=counted("project", 2), days=150)
    calm = build_flow(toolkaart, portfolio, today=TODAY, stuck_days=365)
    assert calm.stuck_sentence() == t("flow.stuck.none", days=365)


def test_decisions_on_a_phase_no_longer_in_the_content_do_not_count(
    toolkaart: Toolkaart,
) -> None:
    project = make(toolkaart, "p", [(0, JA, 10)])
    gone = Toolkaart(
        meta=toolkaart.meta,
        phases=toolkaart.phases[1:],
        actors=toolkaart.actors,
        tools=toolkaart.tools,
    )
    flow = build_flow(gone, [project], today=TODAY)
    assert isinstance(flow, Flow)
    assert [row.outcomes.total for row in flow.phases] == [0] * len(gone.phases)


def test_two_hundred_projects_take_well_under_fifty_milliseconds(toolkaart: Toolkaart) -> None:
    """The target is < 50 ms on the bench machine (``python -m benchmarks.flow_bench``); here a
    loose bound, as the test machine is shared."""
    projects = synthetic_portfolio(toolkaart, 200, today=TODAY, seed=7)
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        flow = build_flow(toolkaart, projects, today=TODAY)
        timings.append(time.perf_counter() - start)
    assert len(flow.projects) == 200
    assert sum(row.outcomes.total for row in flow.phases) == sum(
        len(p.assessment.decisions) for p in projects
    )
    assert min(timings) < 0.2
