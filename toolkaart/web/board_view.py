"""Streamlit helpers for the board pages (Portfolio, Agenda): table rows, the flow's charts and the
agenda in session.

The rules (which phase, which items, who to invite) are in ``toolkaart.board.portfolio`` and
``toolkaart.board.agenda``; this module only lays their results out for ``st.table`` and keeps the
agenda being edited in ``st.session_state``.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from toolkaart.board.agenda_model import Agenda
from toolkaart.board.flow import Flow, spread_labels
from toolkaart.board.portfolio import Portfolio
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.i18n.dates import date_label, local_time_label
from toolkaart.route.gates import Answer
from toolkaart.route.project import Project
from toolkaart.store import agenda_store
from toolkaart.store.agenda_store import DraftInfo
from toolkaart.web import project_session
from toolkaart.web.layout import UNSAVED_WORK
from toolkaart.web.literal import content_literal, literal

#: session_state keys of the Agenda page: the agenda being edited and the saved draft it came from
DRAFT = "agenda.draft"
SAVED = "agenda.saved_as"
#: The agenda as last stored (saved or reopened), to tell unsaved changes apart.
STORED = "agenda.stored_copy"
GENERATION = "agenda.generation"


def stored_projects() -> list[Project]:
    """The active projects, read fresh on every run (others may have saved meanwhile)."""
    return project_session.store().list_projects()


def project_label(project: Project) -> str:
    if not project.organisation:
        return project.name
    return t("agenda.project_label", name=project.name, organisation=project.organisation)


def list_drafts() -> list[DraftInfo]:
    return agenda_store.list_drafts(project_session.store())


def draft_label(draft: DraftInfo) -> str:
    return t(
        "agenda.draft_label",
        title=draft.title,
        date=date_label(draft.meeting_date),
        saved=local_time_label(draft.saved_at),
    )


def count_rows(portfolio: Portfolio) -> list[dict[str, object]]:
    """Phase and number of projects, in route order: the chart's data (the names as they are;
    ``st.table``, whose cells are Markdown, gets them ``content_literal``)."""
    return [
        {t("portfolio.col.phase"): c.phase.name, t("portfolio.col.count"): c.count}
        for c in portfolio.counts
    ]


#: The choices for "not changed for longer than": a choice list, not a number field (whose
#: steppers are named "Increment" and "Decrement" in English).
STALE_CHOICES = (14, 30, 60, 90, 180, 365)


def portfolio_rows(toolkaart: Toolkaart, portfolio: Portfolio) -> list[dict[str, object]]:
    """One row per project, with Dutch column names, for ``st.table``: seven columns whose text
    wraps, so the board reads every decision column at 1280 px without scrolling sideways. The
    date goes with the last decision, the review with the question awaiting it, the flag with
    the days. Cells are Markdown: the project's name and organisation are shown as written."""
    rows: list[dict[str, object]] = []
    for row in portfolio.rows:
        last = row.last_decision
        awaiting = content_literal(row.awaiting)
        if row.next_review is not None:
            review = "portfolio.review.due" if row.review_due else "portfolio.review"
            awaiting += " " + t(review, date=date_label(row.next_review))
        rows.append(
            {
                t("portfolio.col.project"): literal(row.project.name),
                t("portfolio.col.organisation"): literal(row.project.organisation),
                # as written: "2. Verkenning" at the start of a cell is a numbered list in Markdown
                t("portfolio.col.phase"): literal(f"{row.phase.number}. {row.phase.name}"),
                t("portfolio.col.awaiting"): awaiting,
                t("portfolio.col.last_decision"): (
                    t(
                        "portfolio.last_decision",
                        answer=t(f"answer.{last.answer.value}"),
                        phase=content_literal(toolkaart.phase(last.phase_id).name),
                        date=date_label(last.decided_on),
                    )
                    if last is not None
                    else t("portfolio.none")
                ),
                t("portfolio.col.open_items"): len(row.open_items),
                t("portfolio.col.days"): (
                    t("portfolio.stale", days=row.days_since_change)
                    if row.stale
                    else str(row.days_since_change)
                ),
            }
        )
    return rows


def flow_day_rows(flow: Flow) -> list[dict[str, object]]:
    """The days per phase as the table beside the chart: the same numbers, Dutch columns."""
    rows: list[dict[str, object]] = []
    for row in flow.phases:
        days = row.days
        labels = spread_labels(days) if days is not None else None
        rows.append(
            {
                t("flow.col.phase"): content_literal(row.phase.name),
                t("flow.col.finished"): row.finished,
                t("flow.col.median"): labels["median"] if labels else "—",
                t("flow.col.quartiles"): t("flow.range", low=labels["q1"], high=labels["q3"])
                if labels
                else "—",
                t("flow.col.range"): t("flow.range", low=labels["min"], high=labels["max"])
                if labels
                else "—",
                t("flow.col.in_phase"): row.in_phase,
                t("flow.col.returns"): row.returns,
            }
        )
    return rows


def flow_outcome_rows(flow: Flow) -> list[dict[str, object]]:
    """The answers per gate as a table: a column per answer."""
    return [
        {
            t("flow.col.phase"): content_literal(row.phase.name),
            **{t(f"answer.{answer.value}"): row.outcomes.of(answer) for answer in Answer},
        }
        for row in flow.phases
    ]


def stuck_rows(flow: Flow) -> list[dict[str, object]]:
    """The projects standing still, longest first, for ``st.table``, whose cells are Markdown:
    the names are shown as written (``literal``)."""
    return [
        {
            t("flow.col.project"): literal(item.project.name),
            # the days first after the name: the table is wider than a phone's screen
            t("flow.col.days"): item.days,
            t("flow.col.phase"): content_literal(item.phase.name),
            t("flow.col.since"): date_label(item.since),
        }
        for item in flow.stuck
    ]


#: Colours of the flow charts: each at least 3:1 against a white background (WCAG 1.4.11) and
#: told apart in every common colour-vision deficiency (the Okabe–Ito palette, darkened).
BOX_COLOUR, RANGE_COLOUR, MEDIAN_COLOUR = "#0072B2", "#888888", "#111111"
ANSWER_COLOURS = {Answer.JA: "#0072B2", Answer.NOG_NIET: "#B36B00", Answer.NEE: "#CC79A7"}


def _phase_axis(flow: Flow) -> alt.Y:
    """Phases down the side, in route order, every phase shown even without data."""
    order = [row.phase.name for row in flow.phases]
    return alt.Y(
        "phase:N",
        title=t("flow.col.phase"),
        sort=order,
        scale=alt.Scale(domain=order),
        axis=alt.Axis(labelLimit=240),
    )


def flow_days_chart(flow: Flow) -> alt.LayerChart:
    """Days per phase of the projects that finished it: a line from shortest to longest, a box
    over the middle half and a stroke at the median (horizontal: phase names read across)."""
    values = []
    for row in flow.phases:
        if row.days is None:
            continue
        labels = spread_labels(row.days)
        values.append(
            {
                "phase": row.phase.name,
                "min": row.days.minimum,
                "q1": row.days.lower_quartile,
                "median": row.days.median,
                "q3": row.days.upper_quartile,
                "max": row.days.maximum,
                "finished": row.finished,
                "median_text": labels["median"],
                "middle_text": t("flow.range", low=labels["q1"], high=labels["q3"]),
                "range_text": t("flow.range", low=labels["min"], high=labels["max"]),
            }
        )
    tooltip = [
        alt.Tooltip("phase:N", title=t("flow.col.phase")),
        alt.Tooltip("median_text:N", title=t("flow.col.median")),
        alt.Tooltip("middle_text:N", title=t("flow.col.quartiles")),
        alt.Tooltip("range_text:N", title=t("flow.col.range")),
        alt.Tooltip("finished:Q", title=t("flow.col.finished")),
    ]
    days = t("flow.axis.days")
    base = alt.Chart(pd.DataFrame(values)).encode(y=_phase_axis(flow), tooltip=tooltip)
    spread_line = base.mark_rule(color=RANGE_COLOUR, strokeWidth=2).encode(
        x=alt.X("min:Q", title=days, axis=alt.Axis(format="d", tickMinStep=1)),
        x2="max:Q",
    )
    box = base.mark_bar(color=BOX_COLOUR, size=16).encode(x="q1:Q", x2="q3:Q")
    median = base.mark_tick(color=MEDIAN_COLOUR, thickness=3, size=22).encode(x="median:Q")
    return alt.LayerChart(layer=[spread_line, box, median], height=alt.Step(34))


def flow_outcomes_chart(flow: Flow) -> alt.Chart:
    """The answers given at each gate, stacked per phase; white seams between the answers."""
    answer_title = t("flow.col.answer")
    names = [t(f"answer.{answer.value}") for answer in Answer]
    values = [
        {
            "phase": row.phase.name,
            "answer": t(f"answer.{answer.value}"),
            "order": index,
            "count": row.outcomes.of(answer),
        }
        for row in flow.phases
        for index, answer in enumerate(Answer)
        if row.outcomes.of(answer)
    ]
    chart: alt.Chart = (
        alt.Chart(pd.DataFrame(values))
        .mark_bar(size=18, stroke="white", strokeWidth=1.5)
        .encode(
            y=_phase_axis(flow),
            x=alt.X(
                "sum(count):Q",
                title=t("flow.axis.decisions"),
                axis=alt.Axis(format="d", tickMinStep=1),
            ),
            color=alt.Color(
                "answer:N",
                title=answer_title,
                scale=alt.Scale(domain=names, range=list(ANSWER_COLOURS.values())),
                legend=alt.Legend(orient="bottom"),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("phase:N", title=t("flow.col.phase")),
                alt.Tooltip("answer:N", title=answer_title),
                alt.Tooltip("count:Q", title=t("flow.col.count")),
            ],
        )
        .properties(height=alt.Step(34))
    )
    return chart


def current_agenda() -> Agenda | None:
    agenda = st.session_state.get(DRAFT)
    return agenda if isinstance(agenda, Agenda) else None


def generation() -> int:
    """Part of every item widget's key: a new or reopened agenda gets fresh widgets."""
    return int(st.session_state.get(GENERATION, 0))


def saved_as() -> DraftInfo | None:
    """The saved draft the agenda in session was opened from or last saved as."""
    info = st.session_state.get(SAVED)
    return info if isinstance(info, DraftInfo) else None


def replace_agenda(agenda: Agenda, saved: DraftInfo | None) -> None:
    """Start editing another agenda (newly composed or reopened)."""
    st.session_state[DRAFT] = agenda
    st.session_state[SAVED] = saved
    st.session_state[STORED] = agenda if saved is not None else None
    st.session_state[GENERATION] = generation() + 1
    _note_unsaved()


def mark_saved(info: DraftInfo) -> None:
    """The agenda in session is now stored as ``info``."""
    st.session_state[SAVED] = info
    st.session_state[STORED] = current_agenda()
    _note_unsaved()


def forget_saved() -> None:
    """The stored draft of the agenda in session was deleted: it is unsaved again."""
    st.session_state[SAVED] = None
    st.session_state[STORED] = None
    _note_unsaved()


def is_unsaved() -> bool:
    """Whether the agenda in session differs from what is stored (or was never stored): it lives
    only in this browser session and is lost when the session ends."""
    agenda = current_agenda()
    return agenda is not None and agenda != st.session_state.get(STORED)


def set_agenda(agenda: Agenda) -> None:
    st.session_state[DRAFT] = agenda
    _note_unsaved()


def _note_unsaved() -> None:
    """After every change of the agenda in session or of what is stored: whether the frame guards
    it against leaving the page (``layout.UNSAVED_WORK``)."""
    st.session_state[UNSAVED_WORK] = is_unsaved()
