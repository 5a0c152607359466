"""Portfolio (/portfolio): every active project by phase and the portfolio's flow, for the board;
the organisation's dates as a calendar file."""

from __future__ import annotations

from functools import partial

import streamlit as st

from toolkaart.access.permissions import Permission
from toolkaart.board.flow import DEFAULT_STUCK_DAYS, build_flow
from toolkaart.board.portfolio import DEFAULT_STALE_DAYS, build_portfolio, organisations
from toolkaart.documents import ics_calendar
from toolkaart.i18n.catalog import t
from toolkaart.i18n.dates import file_stem, local_today
from toolkaart.web import board_view, project_session
from toolkaart.web.board_view import (
    STALE_CHOICES,
    count_rows,
    flow_day_rows,
    flow_days_chart,
    flow_outcome_rows,
    flow_outcomes_chart,
    portfolio_rows,
    stored_projects,
    stuck_rows,
)
from toolkaart.web.content_cache import require_content
from toolkaart.web.downloads import MIME_TYPES
from toolkaart.web.identity import require
from toolkaart.web.literal import content_literal, literal
from toolkaart.web.page_end import end_page
from toolkaart.web.page_registry import app_pages

require(Permission.VIEW_PORTFOLIO)  # and the store shows only their organisations' projects
toolkaart, graph = require_content()
st.title(t("portfolio.title"), anchor=False)
st.write(t("portfolio.intro"))

stored = stored_projects()
everyone = t("portfolio.filter.all")
left, right = st.columns(2)
organisation = left.selectbox(
    t("portfolio.filter.organisation"),
    [everyone, *organisations(stored)],
    key="portfolio.organisation",
    format_func=lambda o: o or t("portfolio.no_organisation"),
    placeholder=t("ui.select.placeholder"),
)
stale_days = right.selectbox(
    t("portfolio.stale_days"),
    STALE_CHOICES,
    index=STALE_CHOICES.index(DEFAULT_STALE_DAYS),
    key="portfolio.stale_days",
    format_func=lambda days: t("portfolio.stale_days.option", days=days),
    placeholder=t("ui.select.placeholder"),
)
today = local_today()
portfolio = build_portfolio(
    toolkaart,
    stored,
    today=today,
    stale_days=stale_days,
    organisation=None if organisation == everyone else organisation,
)

if not portfolio.rows:
    st.info(t("portfolio.empty"))
    end_page()

total, stale = st.columns(2)
total.metric(t("portfolio.metric.total"), portfolio.total)
stale.metric(t("portfolio.metric.stale", days=stale_days), portfolio.stale_count)

st.subheader(t("portfolio.by_phase"), anchor=False)
counts = count_rows(portfolio)
phase_col, count_col = t("portfolio.col.phase"), t("portfolio.col.count")
st.bar_chart(
    {phase_col: [c[phase_col] for c in counts], count_col: [c[count_col] for c in counts]},
    x=phase_col,
    y=count_col,
    sort=False,  # route order, not alphabetical
    horizontal=True,  # phase names read left to right, not turned sideways
    alt=t("portfolio.chart.title"),
)
# The chart's text alternative: the same numbers as a sentence and as a table.
# the sentences hold the content's phase names: shown as written
st.markdown(literal(portfolio.count_sentence()))
with st.expander(t("portfolio.chart.table")):
    st.table(
        [{phase_col: content_literal(str(c[phase_col])), count_col: c[count_col]} for c in counts]
    )

# the flow: days per phase, gate outcomes, projects standing still (toolkaart.board.flow); its
# charts come first on the page, the number of days for "standing still" with its list after them
charts = st.container()
st.subheader(t("portfolio.flow.stuck.heading"), anchor=False)
# a choice, not a number input: its steppers are named "Increment"/"Decrement" in English
stuck_days = st.selectbox(
    t("portfolio.flow.stuck_days"),
    STALE_CHOICES,
    index=STALE_CHOICES.index(DEFAULT_STUCK_DAYS),
    key="portfolio.stuck_days",
    format_func=lambda days: t("portfolio.stale_days.option", days=days),
    placeholder=t("ui.select.placeholder"),
)
st.caption(t("portfolio.flow.stuck_days.help"))
flow = build_flow(
    toolkaart, [row.project for row in portfolio.rows], today=today, stuck_days=stuck_days
)
st.markdown(literal(flow.stuck_sentence()))
if flow.stuck:  # tables, not grids: no toolbar named in English; wide ones scroll by keyboard
    st.table(stuck_rows(flow), hide_index=True)

with charts:
    st.subheader(t("portfolio.flow.heading"), anchor=False)
    st.caption(t("portfolio.flow.intro"))
    if any(row.days is not None for row in flow.phases):
        st.altair_chart(flow_days_chart(flow), alt=t("portfolio.flow.chart.title"), width="stretch")
    # the chart's text alternative; the table has the same
    st.markdown(literal(flow.days_sentence()))
    if flow.in_use:
        st.markdown(literal(flow.in_use_sentence()))
    with st.expander(t("portfolio.flow.table")):
        # seven columns scroll sideways on a phone: frontend_fixes gives the table a tab stop
        st.table(flow_day_rows(flow), hide_index=True)
    st.subheader(t("portfolio.flow.outcomes.heading"), anchor=False)
    if any(row.outcomes.total for row in flow.phases):
        st.altair_chart(
            flow_outcomes_chart(flow),
            alt=t("portfolio.flow.outcomes.chart.title"),
            width="stretch",
        )
    st.markdown(literal(flow.outcomes_sentence()))
    with st.expander(t("portfolio.flow.outcomes.table")):
        st.table(flow_outcome_rows(flow))

st.subheader(t("portfolio.projects"), anchor=False)
# a table, not st.dataframe: its text wraps (every column fits at 1280 px) and it has no toolbar
# named in English ("Download as CSV", "Search", "Show/hide columns", "Fullscreen")
st.table(portfolio_rows(toolkaart, portfolio), hide_index=True)
for row in portfolio.rows:
    name = literal(row.project.name)
    with st.expander(t("portfolio.details", name=name, count=len(row.open_items))):
        if row.open_items:
            st.markdown("\n".join(f"- {literal(item.text)}" for item in row.open_items))
        project_session.scan_link(row.project, t("portfolio.open_project", name=name))

st.subheader(t("portfolio.calendar.heading"), anchor=False)
chosen = None if organisation == everyone else organisation
whose = t("portfolio.calendar.all") if chosen is None else chosen or t("portfolio.no_organisation")
st.caption(t("portfolio.calendar.help", organisation=literal(whose)))
reviews = (row.next_review for row in portfolio.rows)
if ics_calendar.may_have_dates(reviews, board_view.list_drafts, chosen):
    st.download_button(
        t("portfolio.calendar.download"),
        data=partial(
            ics_calendar.organisation_calendar, project_session.store(), toolkaart, chosen
        ),
        file_name=f"{file_stem('toolkaart', whose)}.ics",
        mime=MIME_TYPES["ics"],
        on_click="ignore",
        key="portfolio.calendar",
    )
else:
    st.info(t("portfolio.calendar.none", organisation=literal(whose)))

st.page_link(app_pages().agenda, label=t("portfolio.to_agenda"))
