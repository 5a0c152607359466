"""Projecten: list, create, open, archive and import projects."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from toolkaart.access.permissions import Permission
from toolkaart.errors import ProjectError, StoreError, TextError
from toolkaart.i18n.catalog import t
from toolkaart.i18n.dates import local_time_label
from toolkaart.route.project import FIELD_LIMITS
from toolkaart.web.content_cache import require_content
from toolkaart.web.feedback import answer_at
from toolkaart.web.identity import require
from toolkaart.web.literal import content_literal, literal
from toolkaart.web.page_end import end_page
from toolkaart.web.page_registry import app_pages
from toolkaart.web.project_session import (
    PROJECT_PARAM,
    flash,
    import_drawer,
    save,
    scan_link,
    show_flash,
    store,
)

acting = require(Permission.READ_PROJECTS)
toolkaart, _graph = require_content()
st.title(t("projects.title"), anchor=False)
st.write(t("projects.intro"))
show_flash()

st.header(t("projects.list.title"), anchor=False)
show_archived = st.toggle(t("projects.list.show_archived"), key="projects.show_archived")
projects = store().list_projects(include_archived=show_archived)
if not projects:
    st.info(t("projects.list.empty"))
for project in projects:
    name = literal(project.name)
    status = project.status(toolkaart)
    phase = toolkaart.phase(status.current_phase_id)
    with st.container(border=True):
        heading = t("projects.list.name", name=name)
        if project.organisation:
            heading += t("projects.list.organisation", organisation=literal(project.organisation))
        st.markdown(heading)
        where = (
            t("projects.list.completed")
            if status.completed
            else t("projects.list.phase", number=phase.number, phase=content_literal(phase.name))
        )
        st.caption(
            t(
                "projects.list.summary",
                where=where,
                passed=status.passed_count(),
                total=len(toolkaart.phases),
                updated=local_time_label(project.updated_at),
                archived=t("projects.list.archived") if project.archived else "",
            )
        )
        left, right = st.columns([3, 1])
        with left:
            scan_link(project, t("projects.list.open", name=name))
        with right:
            if not acting.may(Permission.WRITE_PROJECTS, project.organisation):
                continue
            label = "projects.list.restore" if project.archived else "projects.list.archive"
            archive_key = f"projects.archive.{project.id}"
            answer_at(archive_key)  # a refused archive says why here, at its button
            if st.button(t(label, name=name), key=archive_key):
                done = (
                    "projects.list.restored" if project.archived else "projects.list.archived_done"
                )
                save(
                    replace(project, archived=not project.archived),
                    toolkaart,
                    t(done, name=project.name),
                    archive_key,
                )
                st.rerun()

if not acting.may_somewhere(Permission.WRITE_PROJECTS):  # bestuur: reads, creates nothing
    end_page()

with st.expander(t("projects.create.title"), expanded=not projects), st.form("projects.create"):
    name = st.text_input(
        t("project.field.name"), max_chars=FIELD_LIMITS["name"], key="projects.create.name"
    )
    if acting.local:
        organisation = st.text_input(
            t("project.field.organisation"),
            max_chars=FIELD_LIMITS["organisation"],
            key="projects.create.organisation",
        )
    else:  # a service: one of the organisations whose projects they may write
        organisation = st.selectbox(
            t("project.field.organisation"),
            acting.choosable(Permission.WRITE_PROJECTS),
            key="projects.create.organisation",
            placeholder=t("ui.select.placeholder"),
        )
    description = st.text_area(
        t("project.field.description"),
        max_chars=FIELD_LIMITS["description"],
        key="projects.create.description",
    )
    contact = st.text_input(
        t("project.field.contact"), max_chars=FIELD_LIMITS["contact"], key="projects.create.contact"
    )
    if st.form_submit_button(
        t("projects.create.submit"), type="primary", key="projects.create.submit"
    ):
        try:
            project = store().create(name, organisation, description, contact, toolkaart=toolkaart)
        except (ProjectError, StoreError, TextError) as error:  # the form keeps what was typed
            st.error(str(error))
        else:
            flash("success", t("projects.create.done", name=project.name))
            st.switch_page(app_pages().scan, query_params={PROJECT_PARAM: project.id})

import_drawer(toolkaart)
