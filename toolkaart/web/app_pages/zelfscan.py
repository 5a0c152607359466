"""Zelfscan: a project's walk along the route: tick, answer the gates, see the log, export."""

from __future__ import annotations

import datetime as dt
from functools import partial

import streamlit as st

from toolkaart.documents import project_exchange, project_report
from toolkaart.errors import GateError, TextError
from toolkaart.i18n.catalog import t
from toolkaart.i18n.dates import date_label, file_stem
from toolkaart.route.gates import MAX_DECIDED_BY, MAX_RATIONALE, Answer, GateState
from toolkaart.web.content_cache import require_content
from toolkaart.web.downloads import download_buttons
from toolkaart.web.page_registry import app_pages
from toolkaart.web.project_session import (
    import_form,
    open_project,
    save,
    show_flash,
    show_problem,
)

PHASE_PARAM = "fase"

toolkaart, _graph = require_content()
project = open_project()
if project is None:
    st.title(t("scan.title.none"))
    st.info(t("scan.no_project"))
    st.page_link(app_pages().projects, label=t("scan.to_projects"))
    with st.expander(t("projects.import.title")):
        import_form(toolkaart)
    st.stop()

status = project.status(toolkaart)
current = toolkaart.phase(status.current_phase_id)
st.title(t("scan.title", name=project.name))
if project.organisation:
    st.caption(project.organisation)
if project.archived:
    st.warning(t("scan.archived"))
show_flash()

if status.completed:
    review = date_label(status.next_review) if status.next_review else "-"
    st.success(t("scan.completed", review=review))
    if status.review_due(dt.date.today()):
        st.warning(t("scan.review_due"))
else:
    st.info(
        t(
            "scan.current",
            number=current.number,
            phase=current.name,
            passed=status.passed_count(),
            total=len(toolkaart.phases),
        )
    )
st.markdown(
    "\n".join(
        t(
            "scan.route_line",
            number=phase.number,
            phase=phase.name,
            state=t(f"state.{status.state(phase.id).value}"),
        )
        for phase in toolkaart.phases
    )
)

# which phase to work on: from the URL, else the current phase
phase_ids = [phase.id for phase in toolkaart.phases]
wanted = st.query_params.get(PHASE_PARAM, current.id)
chosen = st.selectbox(
    t("scan.phase_select"),
    phase_ids,
    index=phase_ids.index(wanted) if wanted in phase_ids else phase_ids.index(current.id),
    format_func=lambda pid: f"{toolkaart.phase(pid).number}. {toolkaart.phase(pid).name}",
    # the version in the key: after a save the choice follows the URL (where the route now stands)
    key=f"scan.phase.{project.id}.{project.version}",
)
st.query_params[PHASE_PARAM] = chosen
phase = toolkaart.phase(chosen)
state = status.state(phase.id)
walk = project.assessment

st.header(t("scan.phase_header", number=phase.number, phase=phase.name))
st.markdown(t("scan.key_question", question=phase.key_question))
st.caption(t("scan.goal", goal=phase.goal))
st.page_link(
    app_pages().phase,
    label=t("scan.phase_page", number=phase.number, phase=phase.name),
    query_params={PHASE_PARAM: phase.id, "project": project.id},
)

# widget keys carry the version: after a save the widgets show the stored state again
version_key = f"{project.id}.{project.version}.{phase.id}"
st.subheader(t("scan.checklist"))
with st.form(f"scan.checklist.{version_key}"):
    ticks = {
        item.id: st.checkbox(
            item.text, value=item.id in walk.checked_in(phase.id), key=f"c.{version_key}.{item.id}"
        )
        for item in phase.checklist
    }
    if st.form_submit_button(t("scan.checklist.save"), key=f"scan.checklist.save.{version_key}"):
        ticked = [item_id for item_id, on in ticks.items() if on]
        updated = walk.with_checked(toolkaart, phase.id, ticked)
        save(
            project.with_assessment(updated),
            toolkaart,
            t("scan.checklist.saved", phase=phase.name),
            "scan.checklist",
        )
        st.rerun()
show_problem("scan.checklist")

st.subheader(t("scan.gate"))
if state is GateState.LOCKED:
    st.info(t("scan.gate.locked", phase=phase.name, current=current.name))
else:
    # a form submits at once, so it asks up front what a 'ja' would need
    if_yes = walk.needs(toolkaart, phase.id, Answer.JA)
    with st.form(f"scan.gate.{version_key}"):
        answer = st.radio(
            phase.key_question,
            list(Answer),
            format_func=lambda a: t(f"answer.{a.value}"),
            horizontal=True,
            index=None,
            key=f"scan.answer.{version_key}",
        )
        rationale = st.text_area(
            t("gate.form.rationale"),
            max_chars=MAX_RATIONALE,
            key=f"scan.rationale.{version_key}",
        )
        decided_by = st.text_input(
            t("gate.form.decided_by"),
            max_chars=MAX_DECIDED_BY,
            key=f"scan.decided_by.{version_key}",
        )
        decided_on = st.date_input(
            t("gate.form.decided_on"),
            value=dt.date.today(),
            max_value=dt.date.today(),  # the log is in date order: a future date would block it
            format="DD-MM-YYYY",
        )
        next_review = (
            st.date_input(
                t("gate.form.next_review.if_yes"),
                value=dt.date.today() + dt.timedelta(days=365),
                format="DD-MM-YYYY",
            )
            if if_yes.next_review
            else None
        )
        accept = False
        if if_yes.confirm_open_items:
            st.warning(t("scan.gate.open_items", count=len(if_yes.open_items)))
            accept = st.checkbox(
                t("gate.form.confirm", count=len(if_yes.open_items)),
                key=f"scan.confirm.{version_key}",
            )
        submitted = st.form_submit_button(
            t("gate.form.submit"), type="primary", key=f"scan.decide.{version_key}"
        )
    if submitted and answer is None:
        st.error(t("gate.form.no_answer"))
    elif submitted and answer is not None:
        try:
            updated = walk.decide(
                toolkaart,
                phase.id,
                answer,
                rationale=rationale,
                decided_by=decided_by,
                decided_on=decided_on,
                accept_open_items=accept,
                next_review=next_review if answer is Answer.JA else None,
            )
        except (GateError, TextError) as error:
            st.error(str(error))
        else:
            said = t(f"answer.{answer.value}")
            if save(
                project.with_assessment(updated),
                toolkaart,
                t("scan.gate.saved", phase=phase.name, answer=said),
                "scan.gate",
            ):  # continue where the route now stands
                st.query_params[PHASE_PARAM] = updated.status(toolkaart).current_phase_id
            st.rerun()
    show_problem("scan.gate")

st.header(t("scan.log"))
if not walk.decisions:
    st.caption(t("scan.log.empty"))
else:
    st.table(
        [
            {
                t("scan.log.number"): number,
                t("scan.log.date"): date_label(d.decided_on),
                t("scan.log.phase"): toolkaart.phase(d.phase_id).name
                if toolkaart.has_phase(d.phase_id)
                else d.phase_id,
                t("scan.log.answer"): t(f"answer.{d.answer.value}"),
                t("scan.log.by"): d.decided_by,
                t("scan.log.rationale"): d.rationale,
                t("scan.log.open"): len(d.open_items),
            }
            for number, d in enumerate(walk.decisions, start=1)
        ]
    )

st.header(t("scan.export"))
st.caption(t("scan.export.help"))
stem = file_stem(project.name, dt.date.today().isoformat())
download_buttons(
    stem,
    {
        "json": partial(project_exchange.export_json, project, toolkaart),
        "md": partial(project_report.to_markdown, project, toolkaart),
        "docx": partial(project_report.to_docx, project, toolkaart),
        "pdf": partial(project_report.to_pdf, project, toolkaart),
    },
    "scan.export",
)

with st.expander(t("projects.import.title")):
    st.caption(t("projects.import.help"))
    import_form(toolkaart)
st.page_link(app_pages().projects, label=t("scan.to_projects"))
