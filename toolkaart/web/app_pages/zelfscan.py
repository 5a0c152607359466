"""Zelfscan: a project's walk along the route: tick, answer the gates, see the log, export.

Ticking and deciding are the phase page's own checklist and gate form (``gate_form``), on the
project in the URL; this page adds the route at a glance, the phase choice, the log and the files.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from toolkaart.access.permissions import Permission
from toolkaart.content.models import Phase
from toolkaart.documents import ics_calendar, project_exchange, project_report
from toolkaart.i18n.catalog import t
from toolkaart.i18n.dates import date_label, file_stem, local_time_label, local_today
from toolkaart.route.project import diff_projects
from toolkaart.web.content_cache import require_content
from toolkaart.web.content_notice import notice, open_lookback
from toolkaart.web.downloads import download_buttons
from toolkaart.web.gate_form import checklist, gate
from toolkaart.web.html_tables import plain_table
from toolkaart.web.identity import require
from toolkaart.web.literal import content_literal, literal
from toolkaart.web.page_end import end_page
from toolkaart.web.page_registry import app_pages
from toolkaart.web.project_session import import_drawer, open_project, show_flash, store
from toolkaart.web.records_form import actor_people, phase_notes, recording

PHASE_PARAM = "fase"
#: Decisions per page of the log: the rows the browser draws at once.
LOG_PAGE = 50
#: Saved versions the history shows (the newest): each is compared with the one before it.
HISTORY_SHOWN = 30

acting = require(Permission.READ_PROJECTS)
toolkaart, _graph = require_content()
project = open_project()
if project is None:
    st.title(t("scan.title.none"), anchor=False)
    st.info(t("scan.no_project"))
    st.page_link(app_pages().projects, label=t("scan.to_projects"))
    import_drawer(toolkaart)
    end_page()

status = project.status(toolkaart)
current = toolkaart.phase(status.current_phase_id)
st.title(t("scan.title", name=literal(project.name)), anchor=False)
if project.organisation:
    st.caption(literal(project.organisation))
looking_back = open_lookback(toolkaart)
if project.content_version:
    decided = bool(project.assessment.decisions)
    key = "scan.content_version" if decided else "scan.content_version.undecided"
    st.caption(t(key, version=literal(project.content_version)))
if project.archived:
    st.warning(t("scan.archived"))
show_flash()
notice(looking_back, decided=bool(project.assessment.decisions))

if status.completed:
    review = date_label(status.next_review) if status.next_review else "-"
    st.success(t("scan.completed", review=review))
    if status.review_due(local_today()):
        st.warning(t("scan.review_due"))
else:
    st.info(
        t(
            "scan.current",
            number=current.number,
            phase=content_literal(current.name),
            passed=status.passed_count(),
            total=len(toolkaart.phases),
        )
    )
st.markdown(
    "\n".join(
        t(
            "scan.route_line",
            number=phase.number,
            phase=content_literal(phase.name),
            state=t(f"state.{status.state(phase.id).value}"),
        )
        for phase in toolkaart.phases
    )
)

# which phase to work on: from the URL at first, else the current phase; then the choice
select_key = f"scan.phase.{project.id}"
phase_ids = [phase.id for phase in toolkaart.phases]
if st.session_state.get(select_key) not in phase_ids:
    wanted = st.query_params.get(PHASE_PARAM, current.id)
    st.session_state[select_key] = wanted if wanted in phase_ids else current.id
chosen = st.selectbox(
    t("scan.phase_select"),
    phase_ids,
    format_func=lambda pid: f"{toolkaart.phase(pid).number}. {toolkaart.phase(pid).name}",
    key=select_key,
    placeholder=t("ui.select.placeholder"),
)
st.query_params[PHASE_PARAM] = chosen
phase = toolkaart.phase(chosen)
walk = project.assessment


def _show_phase(target: Phase, label: str) -> None:
    """The gate form's way to another phase: the Zelfscan shows it, on this project."""
    st.button(
        label,
        key=f"scan.go.{target.id}",
        type="tertiary",
        icon=":material/arrow_forward:",
        on_click=_choose,
        args=(target.id,),
    )


def _choose(phase_id: str) -> None:
    st.session_state[select_key] = phase_id


st.header(
    t("scan.phase_header", number=phase.number, phase=content_literal(phase.name)), anchor=False
)
st.markdown(t("scan.key_question", question=content_literal(phase.key_question)))
st.caption(t("scan.goal", goal=content_literal(phase.goal)))
st.page_link(
    app_pages().phase,
    label=t("scan.phase_page", number=phase.number, phase=content_literal(phase.name)),
    query_params={PHASE_PARAM: phase.id, "project": project.id},
)

# the same checklist and gate form as on the phase page: a tick is saved at once
st.subheader(t("scan.checklist"), anchor=False)
checklist(toolkaart, phase)
st.subheader(t("scan.gate"), anchor=False)
gate(toolkaart, phase, _show_phase)
recorded = recording()
st.subheader(t("scan.notes"), anchor=False)
phase_notes(toolkaart, phase, recorded)
st.subheader(t("scan.people"), anchor=False)
for actor_id in phase.actors:
    actor_people(toolkaart, toolkaart.actor(actor_id), recorded, named=True)

st.header(t("scan.log"), anchor=False)
if not walk.decisions:
    st.caption(t("scan.log.empty"))
else:
    # paged: 2,000 rows of st.table's Markdown cells took the browser ~10 s to draw; a page
    # of the log is what a person reads at once
    total = len(walk.decisions)
    pages = -(-total // LOG_PAGE)
    page = 1
    if pages > 1:  # a choice, not a number field: its steppers are named "Increment" in English
        page = st.selectbox(
            t("scan.log.page", pages=pages),
            range(1, pages + 1),
            index=pages - 1,  # the latest decisions first
            format_func=lambda number: t(
                "scan.log.page.option",
                number=number,
                first=(number - 1) * LOG_PAGE + 1,
                last=min(number * LOG_PAGE, total),
            ),
            key=f"scan.log.page.{project.id}",
            placeholder=t("ui.select.placeholder"),
        )
    first = (page - 1) * LOG_PAGE
    shown = walk.decisions[first : first + LOG_PAGE]
    if pages > 1:
        st.caption(t("scan.log.range", first=first + 1, last=first + len(shown), total=total))
    columns = ("number", "date", "phase", "answer", "by", "rationale", "open")
    plain_table(
        t("scan.log"),
        [t(f"scan.log.{column}") for column in columns],
        [
            [
                number,
                date_label(d.decided_on),
                toolkaart.phase(d.phase_id).name if toolkaart.has_phase(d.phase_id) else d.phase_id,
                t(f"answer.{d.answer.value}"),
                d.decided_by,
                d.rationale,
                len(d.open_items),
            ]
            for number, d in enumerate(shown, start=first + 1)
        ],
        row_headers=True,
    )

st.header(t("scan.history"), anchor=False)
# who changed what, when: read only when asked (a database read; the rest of the page needs none)
if st.toggle(t("scan.history.open"), key=f"scan.history.{project.id}"):
    versions = store().history(project.id)
    shown_versions = list(zip([None, *versions], versions, strict=False))[-HISTORY_SHOWN:]
    parts: list[str] = []
    for before, after in reversed(shown_versions):
        who = after.saved_by or t("scan.history.nobody")
        when = local_time_label(after.saved_at)
        parts.append(
            "- "
            + t("scan.history.line", version=after.project.version, when=when, who=literal(who))
        )
        changes = (
            diff_projects(before.project, after.project, toolkaart)
            if before is not None
            else (t("scan.history.created"),)
        )
        parts += [f"    - {literal(change)}" for change in changes]
    st.markdown("\n".join(parts))
    if len(versions) > HISTORY_SHOWN:
        st.caption(t("scan.history.more", count=len(versions) - HISTORY_SHOWN))

st.header(t("scan.export"), anchor=False)
st.caption(t("scan.export.help"))
stem = file_stem(project.name, local_today().isoformat())
writers: dict[str, Callable[[], str | bytes]] = {
    "json": partial(project_exchange.export_json, project, toolkaart),
    "md": partial(project_report.to_markdown, project, toolkaart, looking_back=looking_back),
    "docx": partial(project_report.to_docx, project, toolkaart, looking_back=looking_back),
    "pdf": partial(project_report.to_pdf, project, toolkaart, looking_back=looking_back),
    # the next re-review and the board meetings it is on (read when clicked)
    "ics": partial(ics_calendar.project_calendar, store(), toolkaart, project),
}
if not acting.may(Permission.EXPORT_PROJECTS, project.organisation):
    del writers["json"]  # the exchange file carries the whole walk elsewhere: team only
download_buttons(stem, writers, "scan.export", project=project.id, person=acting.person_id)

import_drawer(toolkaart)
st.page_link(app_pages().projects, label=t("scan.to_projects"))
