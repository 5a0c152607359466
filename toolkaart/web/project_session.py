"""The open project for the pages: the store, the project named in the URL, saving, messages.

The project is always in the URL (``?project=<id>``), so a refresh or a shared link opens the same
project. A session reads the project once and keeps the version it works on in its session state
(no database read per rerun); each save writes that version's successor. When another session
saved in between, the store refuses the save, the page says what changed on both sides, and the
session continues on the stored version: nothing is overwritten, nothing is silently dropped.
When the database itself fails (full disk, unreachable server), the page says so next to the action
and the session keeps the version it works on, so the person's input stays for a retry.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from toolkaart.access.permissions import Permission
from toolkaart.content.models import Toolkaart
from toolkaart.documents import project_exchange
from toolkaart.errors import (
    ImportRejected,
    ProjectConflict,
    ProjectNotFound,
    StoreError,
    StoreFault,
)
from toolkaart.i18n.catalog import t
from toolkaart.route.content_changes import outline
from toolkaart.route.project import Project, conflict_message
from toolkaart.store.project_store import Store
from toolkaart.web import identity
from toolkaart.web.feedback import Kind, say, tell
from toolkaart.web.literal import literal
from toolkaart.web.page_registry import app_pages

PROJECT_PARAM = "project"
_FLASH = "projects.flash"
_OPEN = "projects.open"
#: The import upload's size limit in MB (the server's maxUploadSize in web/streamlit.toml matches).
UPLOAD_LIMIT_MB = 2


def store() -> Store:
    """The process's store for the configured database, on behalf of the person acting on this
    click: it shows and saves only what their organisations and roles allow."""
    return identity.base_store().acting_as(identity.acting())


def open_project_id() -> str | None:
    value = st.query_params.get(PROJECT_PARAM)
    return value or None


def open_project() -> Project | None:
    """The project named in the URL, as this session holds it; None (with a message) if none."""
    project_id = open_project_id()
    if project_id is None:
        return None
    held = st.session_state.get(_OPEN)
    if (
        isinstance(held, Project)
        and held.id == project_id
        and identity.acting().may(Permission.READ_PROJECTS, held.organisation)
    ):  # kept from an earlier click, still theirs to read (roles are read on every click)
        return held
    try:
        project = store().get(project_id)
    except ProjectNotFound as error:  # the id comes from the URL: a link may have been crafted
        say("error", str(error))
        return None
    st.session_state[_OPEN] = project
    return project


def flash(kind: Kind, message: str) -> None:
    """A message to show at the top of the next page run (after ``st.rerun`` or a page switch)."""
    st.session_state[_FLASH] = (kind, message)


def show_flash() -> None:
    """Draw the message queued by ``flash`` (it can name a project or a draft: shown as written)."""
    queued = st.session_state.pop(_FLASH, None)
    if queued is not None:
        say(*queued)


@dataclass(frozen=True)
class SaveRefused:
    """Why the store refused a save: the Dutch reason, and on a conflict both sides of it (so the
    page can offer to apply the refused change again on top of the stored version)."""

    message: str
    conflict: ProjectConflict | None = None


def save_quietly(project: Project, toolkaart: Toolkaart) -> SaveRefused | None:
    """Save; None when saved, else why not (on a conflict: what changed on both sides).

    The project rests on the serving content from its first save and from each decision on
    (``Project.decided_with``, over the version this session holds), and the store records that
    content's outline, so that a later content can say what changed since. Either way the
    session then holds the stored version. A database fault is raised as ``StoreFault``: nothing
    changed, and the session keeps the version the input was based on.
    """
    held = st.session_state.get(_OPEN)
    before = (
        held
        if isinstance(held, Project) and (held.id, held.version) == (project.id, project.version)
        else project  # not the version this session holds (e.g. from the list): no new decision
    )
    try:
        saved = store().save(project.decided_with(toolkaart, before), content=outline(toolkaart))
    except StoreFault:
        raise
    except ProjectConflict as conflict:
        st.session_state[_OPEN] = conflict.current
        return SaveRefused(conflict_message(conflict, toolkaart), conflict)
    except StoreError as error:
        st.session_state.pop(_OPEN, None)
        return SaveRefused(str(error))
    st.session_state[_OPEN] = saved
    return None


def save(project: Project, toolkaart: Toolkaart, success: str, where: str) -> bool:
    """Save; ``success`` is queued for the top of the page (the row saved may not be shown any
    more, e.g. once archived), a refusal for the control at ``where``, with the input kept."""
    try:
        refused = save_quietly(project, toolkaart)
    except StoreFault as fault:
        tell(where, "error", str(fault))
        return False
    if refused is not None:
        tell(where, "error", refused.message)
        return False
    flash("success", success)
    return True


#: The import drawer's state (open or closed), one for every page that has it.
IMPORT_DRAWER_KEY = "projects.import.open"


def import_drawer(toolkaart: Toolkaart) -> None:
    """The import, in a drawer whose form is drawn only while it is open (as the records'
    drawers): a page that has it sends no file uploader in its runs until a person asks for one,
    and its first load in a browser draws and loads less (docs/performance.md, section 9)."""
    drawer = st.expander(t("projects.import.title"), key=IMPORT_DRAWER_KEY, on_change="rerun")
    with drawer:
        if drawer.open:
            st.caption(t("projects.import.help"))
            import_form(toolkaart)


def import_form(toolkaart: Toolkaart) -> None:
    """Upload an exchange file; an accepted one opens in the Zelfscan, a refused one says why.
    In a service it lands in an organisation the person may write to (their choice)."""
    who = identity.acting()
    if not who.may_somewhere(Permission.WRITE_PROJECTS):
        st.caption(t("projects.import.not_allowed"))
        return
    organisation: str | None = None
    # not cleared on submit: a file the database could not take stays chosen for a retry
    with st.form("projects.import"):
        if not who.local:
            organisation = st.selectbox(
                t("projects.import.organisation"),
                who.choosable(Permission.WRITE_PROJECTS),
                key="projects.import.organisation",
                placeholder=t("ui.select.placeholder"),
            )
        # Streamlit refuses larger files before they reach the server (its own message); files
        # up to this size get the import's Dutch one ("te groot (1,5 MB); hoogstens 1 MB").
        upload = st.file_uploader(
            t("projects.import.file"), type=["json"], max_upload_size=UPLOAD_LIMIT_MB
        )
        answer = st.container()  # a refusal shows right above the button (see feedback.py)
        submitted = st.form_submit_button(t("projects.import.submit"))
    if not submitted:
        return
    if upload is None:
        with answer:
            say("error", t("projects.import.none"))
        return
    raw = upload.getvalue()  # all of it, so a refusal names its size (at most UPLOAD_LIMIT_MB)
    try:
        project = project_exchange.import_project(store(), raw, toolkaart, organisation)
    except (ImportRejected, StoreError) as error:
        with answer:
            say("error", str(error))
        return
    flash("success", t("projects.import.done", name=project.name))
    st.switch_page(app_pages().scan, query_params={PROJECT_PARAM: project.id})


def project_banner() -> None:
    """On the navigator pages: which project the walk belongs to, with a way back to it."""
    project = open_project() if open_project_id() is not None else None
    if project is None:
        return
    name = literal(project.name)
    st.info(t("projects.banner", name=name), icon=":material/folder_open:")
    scan_link(project, t("projects.banner.link", name=name))


def with_project(query: dict[str, str]) -> dict[str, str]:
    """``query`` plus the open project, for links that must keep working on it."""
    project_id = open_project_id()
    return {**query, PROJECT_PARAM: project_id} if project_id else query


def scan_link(project: Project, label: str) -> None:
    st.page_link(app_pages().scan, label=label, query_params={PROJECT_PARAM: project.id})
