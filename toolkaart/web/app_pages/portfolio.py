"""Portfolio (/portfolio): every active project by phase, for the board."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from toolkaart.board.portfolio import DEFAULT_STALE_DAYS, build_portfolio, organisations
from toolkaart.i18n.catalog import t
from toolkaart.web import project_session
from toolkaart.web.board_view import STALE_CHOICES, count_rows, portfolio_rows, stored_projects
from toolkaart.web.content_cache import require_content
from toolkaart.web.literal import literal
from toolkaart.web.page_registry import app_pages

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
portfolio = build_portfolio(
    toolkaart,
    stored,
    today=dt.date.today(),
    stale_days=stale_days,
    organisation=None if organisation == everyone else organisation,
)

if not portfolio.rows:
    st.info(t("portfolio.empty"))
    st.stop()

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
st.markdown(portfolio.count_sentence())
with st.expander(t("portfolio.chart.table")):
    st.table(counts)

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

st.page_link(app_pages().agenda, label=t("portfolio.to_agenda"))
