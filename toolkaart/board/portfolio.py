"""The board's view of all projects: where each stands, what waits for a decision, what is stale.

``build_portfolio`` turns the active (non-archived) projects into one row per project and a count per
phase. Everything is derived from the projects' decision logs through ``toolkaart.route.gates`` (the one
place that decides a project's current phase); nothing here repeats a gate rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from toolkaart.content.models import ChecklistItem, Phase, Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.i18n.dates import local_date
from toolkaart.route.gates import GateDecision
from toolkaart.route.project import Project

#: The default for "no change for longer than this many days" (a quarter, a usual board cycle).
DEFAULT_STALE_DAYS = 90


@dataclass(frozen=True)
class PortfolioRow:
    """One active project as the board sees it."""

    project: Project
    #: The current phase: the first whose gate has not passed (Productie once all have passed).
    phase: Phase
    #: True once every gate has passed; Productie's question is then answered again over time.
    completed: bool
    #: The most recent decision in the log, on whichever gate it was taken.
    last_decision: GateDecision | None
    #: The current phase's key question: the gate awaiting a decision.
    awaiting: str
    #: The current phase's checklist items that are not ticked, in checklist order.
    open_items: tuple[ChecklistItem, ...]
    days_since_change: int
    #: No change for longer than the portfolio's ``stale_days``.
    stale: bool
    #: Productie's next review, when all gates have passed.
    next_review: dt.date | None
    #: The next review date has been reached.
    review_due: bool


@dataclass(frozen=True)
class PhaseCount:
    phase: Phase
    count: int


@dataclass(frozen=True)
class Portfolio:
    """Rows in route order (then by name) and a count for every phase, zeros included."""

    rows: tuple[PortfolioRow, ...]
    counts: tuple[PhaseCount, ...]
    today: dt.date
    stale_days: int
    organisation: str | None

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def stale_count(self) -> int:
        return sum(row.stale for row in self.rows)

    def count_sentence(self) -> str:
        """The counts per phase as one Dutch sentence: the chart's text alternative."""
        parts = [t("portfolio.count.part", count=c.count, phase=c.phase.name) for c in self.counts]
        return t("portfolio.count.sentence", total=self.total, parts="; ".join(parts))


def active_projects(projects: Iterable[Project]) -> tuple[Project, ...]:
    return tuple(p for p in projects if not p.archived)


def organisations(projects: Iterable[Project]) -> tuple[str, ...]:
    """The distinct organisations of the active projects, sorted (for the filter)."""
    return tuple(sorted({p.organisation for p in active_projects(projects)}, key=str.casefold))


def days_since(moment: dt.datetime, today: dt.date) -> int:
    """Whole days from ``moment`` to ``today``, both counted in the navigator's zone (stored
    moments are UTC; ``today`` is ``local_today``), so that a save made just after midnight in
    Amsterdam counts as today's; never negative."""
    return max(0, (today - local_date(moment)).days)


def portfolio_row(
    toolkaart: Toolkaart, project: Project, *, today: dt.date, stale_days: int
) -> PortfolioRow:
    status = project.status(toolkaart)
    phase = toolkaart.phase(status.current_phase_id)
    open_ids = set(project.assessment.open_items(toolkaart, phase.id))
    days = days_since(project.updated_at, today)
    # A decision on a phase since removed from the content no longer counts (as in route_status).
    last = next(
        (d for d in reversed(project.assessment.decisions) if toolkaart.has_phase(d.phase_id)),
        None,
    )
    return PortfolioRow(
        project=project,
        phase=phase,
        completed=status.completed,
        last_decision=last,
        awaiting=phase.key_question,
        open_items=tuple(item for item in phase.checklist if item.id in open_ids),
        days_since_change=days,
        stale=days > stale_days,
        next_review=status.next_review,
        review_due=status.review_due(today),
    )


def build_portfolio(
    toolkaart: Toolkaart,
    projects: Sequence[Project],
    *,
    today: dt.date,
    stale_days: int = DEFAULT_STALE_DAYS,
    organisation: str | None = None,
) -> Portfolio:
    """The portfolio of active projects, optionally of one organisation only.

    ``stale_days`` must not be negative: a project is stale when it has not changed for more days.
    """
    if stale_days < 0:
        raise ValueError("stale_days must not be negative")
    chosen = [
        p
        for p in active_projects(projects)
        if organisation is None or p.organisation == organisation
    ]
    rows = sorted(
        (portfolio_row(toolkaart, p, today=today, stale_days=stale_days) for p in chosen),
        key=lambda r: (toolkaart.position(r.phase.id), r.project.name.casefold(), r.project.id),
    )
    counts = tuple(
        PhaseCount(phase, sum(r.phase.id == phase.id for r in rows)) for phase in toolkaart.phases
    )
    return Portfolio(tuple(rows), counts, today, stale_days, organisation)
