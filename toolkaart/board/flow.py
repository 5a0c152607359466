"""The flow of the portfolio: how long projects stay in each phase, how gates are answered, and
which projects stand still.

Everything is derived from the projects' decision logs, replayed by the gate rules
(``toolkaart.route.gates.route_steps``: the one place that says where a project stands after each
decision); nothing here repeats a gate rule.

What is measured, exactly:

- A **stay** is an uninterrupted time in one phase. The first stay, in the first phase, begins on
  the day the project was created (its date in Dutch time), or on its log's first date when that
  is earlier (a project brought in with its log from elsewhere). A stay ends on the date of the
  decision after which the project stands in another phase: normally the *ja* on the phase's own
  gate, which starts a stay in the next phase that same day; or a *nog niet* or *nee* on an
  earlier, passed gate (going back), which starts a stay in that earlier phase. A stay that has not
  ended lasts until ``today``. Days are whole calendar days from entering to leaving: entering and
  passing on the same day is 0 days.
- **Going back re-enters a phase**: each return is a new stay. A project's time in a phase is the
  sum of all its stays there (``ProjectFlow.days_in``), and ``visits`` counts them; a phase the
  project left by going back still counts the days it spent there.
- Once every gate, Productie's included, has passed, the project is **in use**: it stands in no
  phase (its time in use is not a stay). A later *nog niet* or *nee* on Productie, or on any earlier
  gate, puts it back in a phase: a new stay begins.
- The **days per phase** across projects (median, quartiles, minimum and maximum) are taken over
  the projects that have **finished** the phase: they left it at least once by its own *ja* and do
  not stand in it now; each contributes its total days there (all stays). Projects standing in the
  phase now are counted apart (``in_phase``), as are their days so far (``Stuck``). Quartiles
  interpolate linearly between the nearest values (the method of a spreadsheet's QUARTILE.INC).
- The **gate outcomes** per phase count every decision on that phase's gate in the logs: *ja*,
  *nog niet* and *nee* (a re-review of Productie counts again).
- A project **stands still** when its current stay has lasted more than ``stuck_days`` days.
- Decisions on a phase no longer in the content do not count (as everywhere on the route).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from toolkaart.content.models import Phase, Toolkaart
from toolkaart.i18n.catalog import counted, t
from toolkaart.i18n.dates import local_date
from toolkaart.i18n.units import decimal_label
from toolkaart.route.gates import Answer, route_steps
from toolkaart.route.project import Project

#: The default for "in the same phase for longer than this many days" (two board quarters).
DEFAULT_STUCK_DAYS = 180


class Exit(StrEnum):
    """How a stay in a phase ended."""

    #: its own gate was answered *ja*
    PASSED = "passed"
    #: an earlier gate was answered *nog niet* or *nee*: the project went back
    WENT_BACK = "went_back"
    #: it has not ended: the project stands in the phase today
    OPEN = "open"


@dataclass(frozen=True)
class Stay:
    """An uninterrupted time in one phase."""

    phase_id: str
    entered: dt.date
    #: The day it ended; ``today`` for an open stay.
    left: dt.date
    exit: Exit

    @property
    def days(self) -> int:
        return max(0, (self.left - self.entered).days)


@dataclass(frozen=True)
class ProjectFlow:
    """One project's stays, in order."""

    project: Project
    stays: tuple[Stay, ...]

    @property
    def current(self) -> Stay | None:
        """The stay going on today; None once the project is in use (every gate passed)."""
        last = self.stays[-1] if self.stays else None
        return last if last is not None and last.exit is Exit.OPEN else None

    def days_in(self, phase_id: str) -> int:
        """All days spent in the phase, over every stay."""
        return sum(s.days for s in self.stays if s.phase_id == phase_id)

    def visits(self, phase_id: str) -> int:
        return sum(s.phase_id == phase_id for s in self.stays)

    def finished(self, phase_id: str) -> bool:
        """Left the phase by its own *ja* at least once, and not standing in it now."""
        current = self.current
        if current is not None and current.phase_id == phase_id:
            return False
        return any(s.phase_id == phase_id and s.exit is Exit.PASSED for s in self.stays)


@dataclass(frozen=True)
class Spread:
    """Median, quartiles and extremes of a number of days (``count`` values, at least one)."""

    count: int
    median: float
    lower_quartile: float
    upper_quartile: float
    minimum: int
    maximum: int


@dataclass(frozen=True)
class Outcomes:
    """The answers given at one gate: every decision in the logs counts."""

    ja: int = 0
    nog_niet: int = 0
    nee: int = 0

    @property
    def total(self) -> int:
        return self.ja + self.nog_niet + self.nee

    def of(self, answer: Answer) -> int:
        return {Answer.JA: self.ja, Answer.NOG_NIET: self.nog_niet, Answer.NEE: self.nee}[answer]


@dataclass(frozen=True)
class PhaseFlow:
    phase: Phase
    #: Days in the phase of the projects that finished it; None when none has.
    days: Spread | None
    #: Projects standing in the phase today.
    in_phase: int
    outcomes: Outcomes
    #: Stays that were a return to the phase (after going back).
    returns: int

    @property
    def finished(self) -> int:
        return self.days.count if self.days is not None else 0


@dataclass(frozen=True)
class Stuck:
    """A project that has stood in its current phase for more than the chosen number of days."""

    project: Project
    phase: Phase
    since: dt.date
    days: int


@dataclass(frozen=True)
class Flow:
    """The flow of a set of projects: per phase in route order, and the projects standing still
    (longest first)."""

    projects: tuple[ProjectFlow, ...]
    phases: tuple[PhaseFlow, ...]
    stuck: tuple[Stuck, ...]
    today: dt.date
    stuck_days: int

    @property
    def in_use(self) -> int:
        return sum(p.current is None for p in self.projects)

    def days_sentence(self) -> str:
        """The days per phase as Dutch sentences: the chart's text alternative."""
        return days_sentence((row.phase.name, row.days) for row in self.phases)

    def outcomes_sentence(self) -> str:
        return outcomes_sentence((row.phase.name, row.outcomes) for row in self.phases)

    def stuck_sentence(self) -> str:
        return stuck_sentence(len(self.stuck), self.stuck_days)

    def in_use_sentence(self) -> str:
        return in_use_sentence(self.in_use)


# The sentences, from plain values: the Portfolio page says them of a Flow, the agenda's documents
# of the snapshot an agenda keeps (``agenda_model.FlowNote``), in the same words.


def days_sentence(phases: Iterable[tuple[str, Spread | None]]) -> str:
    """Per phase (name, days of the projects that finished it) in one Dutch sentence."""
    parts = [
        t("flow.days.part", phase=name, **spread_labels(days))
        if days is not None
        else t("flow.days.part.none", phase=name)
        for name, days in phases
    ]
    return t("flow.days.sentence", parts="; ".join(parts))


def outcomes_sentence(phases: Iterable[tuple[str, Outcomes]]) -> str:
    parts = [
        t("flow.outcomes.part", phase=name, ja=o.ja, nog_niet=o.nog_niet, nee=o.nee)
        for name, o in phases
    ]
    return t("flow.outcomes.sentence", parts="; ".join(parts))


def stuck_sentence(count: int, stuck_days: int) -> str:
    if not count:
        return t("flow.stuck.none", days=stuck_days)
    return t("flow.stuck.some", projects=counted("project", count), days=stuck_days)


def in_use_sentence(count: int) -> str:
    """How many projects are in use (every gate passed): they stand in no phase."""
    return t("flow.in_use", projects=counted("project", count))


def spread_labels(spread: Spread) -> dict[str, str]:
    """The spread's numbers as Dutch readers write them ('12,5'), for the catalog's templates."""
    return {
        "count": counted("project", spread.count),
        "median": decimal_label(spread.median),
        "q1": decimal_label(spread.lower_quartile),
        "q3": decimal_label(spread.upper_quartile),
        "min": decimal_label(spread.minimum),
        "max": decimal_label(spread.maximum),
    }


def quantile(ordered: Sequence[int], fraction: float) -> float:
    """The ``fraction`` quantile of sorted values, interpolating linearly between the nearest
    ranks (QUARTILE.INC; numpy's default)."""
    if not ordered:
        raise ValueError("no values")
    position = (len(ordered) - 1) * fraction
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def spread(values: Iterable[int]) -> Spread | None:
    ordered = sorted(values)
    if not ordered:
        return None
    return Spread(
        count=len(ordered),
        median=quantile(ordered, 0.5),
        lower_quartile=quantile(ordered, 0.25),
        upper_quartile=quantile(ordered, 0.75),
        minimum=ordered[0],
        maximum=ordered[-1],
    )


def created_on(project: Project) -> dt.date:
    """The day the project was created, in Dutch time (as the exchange file's check reads it)."""
    return local_date(project.created_at)


def project_flow(toolkaart: Toolkaart, project: Project, *, today: dt.date) -> ProjectFlow:
    """The project's stays, from its creation and its decision log (see the module docstring)."""
    steps = list(route_steps(toolkaart, project.assessment.decisions))
    entered = created_on(project)
    if steps:
        entered = min(entered, steps[0][0].decided_on)
    stays: list[Stay] = []
    here: str | None = toolkaart.phases[0].id
    for decision, after in steps:
        if after == here:
            continue
        day = decision.decided_on
        if here is not None:
            passed = decision.phase_id == here and decision.answer is Answer.JA
            stays.append(Stay(here, entered, day, Exit.PASSED if passed else Exit.WENT_BACK))
        here, entered = after, day
    if here is not None:
        stays.append(Stay(here, entered, max(today, entered), Exit.OPEN))
    return ProjectFlow(project, tuple(stays))


def build_flow(
    toolkaart: Toolkaart,
    projects: Sequence[Project],
    *,
    today: dt.date,
    stuck_days: int = DEFAULT_STUCK_DAYS,
) -> Flow:
    """The flow of ``projects`` (the portfolio's: active, of the chosen organisation).

    ``stuck_days`` must not be negative: a project stands still after more days than that.
    """
    if stuck_days < 0:
        raise ValueError("stuck_days must not be negative")
    flows = tuple(project_flow(toolkaart, p, today=today) for p in projects)
    days: dict[str, list[int]] = {p.id: [] for p in toolkaart.phases}
    in_phase = dict.fromkeys(days, 0)
    returns = dict.fromkeys(days, 0)
    answers: dict[str, dict[Answer, int]] = {pid: dict.fromkeys(Answer, 0) for pid in days}
    stuck: list[Stuck] = []
    for flow in flows:
        seen: set[str] = set()
        for stay in flow.stays:
            if stay.phase_id in seen:
                returns[stay.phase_id] += 1
            seen.add(stay.phase_id)
        for phase_id in seen:
            if flow.finished(phase_id):
                days[phase_id].append(flow.days_in(phase_id))
        current = flow.current
        if current is not None:
            in_phase[current.phase_id] += 1
            if current.days > stuck_days:
                stuck.append(
                    Stuck(
                        flow.project,
                        toolkaart.phase(current.phase_id),
                        current.entered,
                        current.days,
                    )
                )
        for decision in flow.project.assessment.decisions:
            if decision.phase_id in answers:
                answers[decision.phase_id][decision.answer] += 1
    phases = tuple(
        PhaseFlow(
            phase=phase,
            days=spread(days[phase.id]),
            in_phase=in_phase[phase.id],
            outcomes=Outcomes(
                ja=answers[phase.id][Answer.JA],
                nog_niet=answers[phase.id][Answer.NOG_NIET],
                nee=answers[phase.id][Answer.NEE],
            ),
            returns=returns[phase.id],
        )
        for phase in toolkaart.phases
    )
    stuck.sort(key=lambda s: (-s.days, s.project.name.casefold(), s.project.id))
    return Flow(flows, phases, tuple(stuck), today, stuck_days)
