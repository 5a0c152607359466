"""Agenda (/agenda): compose the board's agenda from the projects, edit it, export it, save it."""

from __future__ import annotations

import datetime as dt
from functools import partial

import streamlit as st

from toolkaart.access.permissions import Permission
from toolkaart.board.agenda import (
    add_item,
    agenda_file_stem,
    compose_agenda,
    edit_item,
    move_item,
    remove_item,
    with_details,
)
from toolkaart.board.agenda_model import MAX_NOTE, MAX_TITLE, Agenda
from toolkaart.board.portfolio import build_portfolio
from toolkaart.documents.agenda_document import (
    blocks_markdown,
    item_blocks,
    to_docx,
    to_markdown,
    to_pdf,
)
from toolkaart.errors import AgendaError, StoreError, StoreFault, TextError
from toolkaart.i18n.catalog import counted, t
from toolkaart.i18n.dates import date_label, local_today
from toolkaart.route.project import Project
from toolkaart.store import agenda_store
from toolkaart.store.agenda_store import DraftInfo
from toolkaart.web import board_view, identity, project_session
from toolkaart.web.content_cache import require_content
from toolkaart.web.downloads import download_buttons
from toolkaart.web.feedback import answer_at, tell
from toolkaart.web.frontend_fixes import THEN
from toolkaart.web.identity import require
from toolkaart.web.literal import literal, unlink
from toolkaart.web.page_end import end_page
from toolkaart.web.reconnect import missed_click

#: The draft whose deletion was asked and awaits a yes.
_DELETE_ASKED = "agenda.delete.asked"

acting = require(Permission.MANAGE_AGENDA)
toolkaart, graph = require_content()
st.title(t("agenda.title"), anchor=False)
st.write(t("agenda.intro"))
project_session.show_flash()

#: In a service the agenda is one board's: of an organisation whose agenda they manage.
board: str | None = None
if not acting.local:
    board = st.selectbox(
        t("agenda.organisation"),
        acting.choosable(Permission.MANAGE_AGENDA),
        key="agenda.organisation",
        placeholder=t("ui.select.placeholder"),
    )


def _board_projects() -> dict[str, Project]:
    """The active projects on this board's agenda, as the acting person may read them now."""
    return {
        p.id: p for p in board_view.stored_projects() if board is None or p.organisation == board
    }


try:
    active = _board_projects()
    drafts = [d for d in board_view.list_drafts() if board is None or d.organisation == board]
except StoreFault as fault:  # the agenda being edited lives in the session: it stays, to save later
    st.error(str(fault))
    active, drafts = {}, []


# compose or reopen ------------------------------------------------------------------------------


def _compose() -> None:
    # a callback runs before this run's page: the projects as the person may read them now and
    # their right to the board's agenda now, not as the run that drew the form knew them
    if board is not None and not identity.acting().may(Permission.MANAGE_AGENDA, board):
        return  # this run's page says what is left to them
    try:
        readable = _board_projects()
    except StoreFault as fault:
        tell("agenda.compose", "error", str(fault))
        return
    today = local_today()
    chosen = [readable[pid] for pid in st.session_state["agenda.choose"] if pid in readable]
    agenda = compose_agenda(
        toolkaart,
        graph,
        meeting_date=st.session_state["agenda.meeting"],
        projects=chosen,
        portfolio=build_portfolio(toolkaart, list(readable.values()), today=today),
        today=today,
    )
    board_view.replace_agenda(agenda, None)
    project_session.flash("success", t("agenda.composed", projects=counted("project", len(chosen))))


def _reopen() -> None:
    st.session_state.pop(_DELETE_ASKED, None)
    draft_id = st.session_state.get("agenda.reopen")
    if draft_id is None:
        return
    try:
        agenda, info = agenda_store.load_draft(project_session.store(), draft_id)
    except (AgendaError, StoreError, TextError) as error:
        tell("agenda.reopen", "error", str(error))
    else:
        board_view.replace_agenda(agenda, info)
        project_session.flash("success", t("agenda.reopened", title=info.title))


def _ask_delete(draft: DraftInfo) -> None:
    """A deleted draft cannot be brought back: the first click asks, naming the draft as listed
    (its id and version: what the person saw is what a yes deletes)."""
    st.session_state[_DELETE_ASKED] = (draft.id, draft.version)


def _forget_question() -> None:
    """Another draft chosen: a question asked about the one before does not come back."""
    st.session_state.pop(_DELETE_ASKED, None)


def _keep() -> None:
    _forget_question()
    tell("agenda.reopen", "info", t("agenda.delete.kept"))  # and the keyboard's focus goes here


def _delete() -> None:
    """Delete the draft the person confirmed, while it is the version they were asked about."""
    asked = st.session_state.pop(_DELETE_ASKED, None)
    if asked is None:
        return
    draft_id, version = asked
    try:
        deleted = agenda_store.delete_draft(project_session.store(), draft_id, version)
    except StoreError as error:
        tell("agenda.reopen", "error", str(error))
        return
    if not deleted:  # saved again or deleted by someone else since the question
        tell("agenda.reopen", "warning", t("agenda.delete.changed"))
        return
    saved = board_view.saved_as()
    if saved is not None and saved.id == draft_id:
        board_view.forget_saved()
    tell("agenda.reopen", "success", t("agenda.deleted"))  # where the person is


with st.container(border=True):
    st.subheader(t("agenda.compose.heading"), anchor=False)
    st.date_input(
        t("agenda.meeting_date"),
        value=local_today() + dt.timedelta(days=7),
        key="agenda.meeting",
        format="DD-MM-YYYY",
    )
    st.multiselect(
        t("agenda.choose"),
        list(active),
        key="agenda.choose",
        format_func=lambda pid: board_view.project_label(active[pid]),
        placeholder=t("agenda.choose.placeholder"),
        select_all=False,  # an option named "Select all" in English
    )
    # under the field, not as its help: a help icon is a tab stop named "Help for …" in English
    st.caption(t("agenda.choose.help"))
    answer_at("agenda.compose")
    missed_click(
        st.button(t("agenda.compose"), on_click=_compose, type="primary", key="agenda.compose"),
        "agenda.compose",
    )
    if board_view.current_agenda() is not None:
        st.caption(t("agenda.compose.replaces"))

    if drafts:
        chosen_id = st.selectbox(
            t("agenda.reopen.choose"),
            [d.id for d in drafts],
            key="agenda.reopen",
            format_func=lambda did: board_view.draft_label(next(d for d in drafts if d.id == did)),
            placeholder=t("ui.select.placeholder"),
            on_change=_forget_question,
        )
        chosen = next(d for d in drafts if d.id == chosen_id)  # a list without empty choice
        reopen, delete = st.columns(2)
        reopened = reopen.button(t("agenda.reopen"), on_click=_reopen, key="agenda.reopen.button")
        if st.session_state.get(_DELETE_ASKED) == (chosen.id, chosen.version):
            st.warning(t("agenda.delete.confirm", label=literal(board_view.draft_label(chosen))))
            yes, no = st.columns(2)
            pressed = yes.button(
                t("agenda.delete.yes"), on_click=_delete, key="agenda.delete.yes", type="primary"
            )
            # the keyboard's focus goes from the first click to the safe answer (THEN): a
            # second Enter keeps the draft
            pressed |= no.button(
                t("agenda.delete.no"), on_click=_keep, key=f"agenda.delete.button{THEN}"
            )
        else:
            pressed = delete.button(
                t("agenda.delete"),
                on_click=_ask_delete,
                args=(chosen,),
                key="agenda.delete.button",
            )
        missed_click(reopened or pressed, "agenda.reopen")
    answer_at("agenda.reopen")  # also when the last draft is gone: where its controls were

agenda = board_view.current_agenda()
if agenda is None:
    end_page()


# edit -------------------------------------------------------------------------------------------


def _apply(change: partial[Agenda]) -> None:
    """Apply one edit to the agenda in session; a refused edit keeps the agenda as it was."""
    try:
        board_view.set_agenda(change())
    except (AgendaError, TextError) as error:
        project_session.flash("error", str(error))


gen = board_view.generation()
st.header(literal(agenda.title), anchor=False)
st.caption(t("agenda.meeting_line", date=date_label(agenda.meeting_date)))

with st.form(f"agenda.details.{gen}"):
    st.subheader(t("agenda.details.heading"), anchor=False)
    new_title = st.text_input(t("agenda.details.title"), value=agenda.title, max_chars=MAX_TITLE)
    new_date = st.date_input(
        t("agenda.meeting_date"), value=agenda.meeting_date, format="DD-MM-YYYY"
    )
    if st.form_submit_button(t("agenda.details.save")):
        _apply(partial(with_details, agenda, title=new_title, meeting_date=new_date))
        st.rerun()

last = len(agenda.items) - 1
for index, item in enumerate(agenda.items):
    with st.container(border=True):
        title = literal(item.title)
        st.subheader(f"{index + 1}. {title}", anchor=False)
        body = blocks_markdown(item_blocks(item), unlink, bold_headings=True).strip()
        if body:
            st.markdown(body)
        if item.project is not None and item.project.project_id in active:
            project_session.scan_link(
                active[item.project.project_id],
                t("agenda.item.open_project", name=literal(item.project.project_name)),
            )
        answer_at(f"agenda.item.{item.id}")
        up, down, remove = st.columns(3)
        moved_up = up.button(
            t("agenda.item.up"),
            key=f"agenda.up.{gen}.{item.id}",
            disabled=index == 0,
            on_click=_apply,
            args=(partial(move_item, agenda, item.id, -1),),
            help=t("agenda.item.up.help", title=title),
        )
        moved_down = down.button(
            t("agenda.item.down"),
            key=f"agenda.down.{gen}.{item.id}",
            disabled=index == last,
            on_click=_apply,
            args=(partial(move_item, agenda, item.id, 1),),
            help=t("agenda.item.down.help", title=title),
        )
        removed = remove.button(
            t("agenda.item.remove"),
            key=f"agenda.remove.{gen}.{item.id}",
            on_click=_apply,
            args=(partial(remove_item, agenda, item.id),),
            help=t("agenda.item.remove.help", title=title),
        )
        missed_click(moved_up or moved_down or removed, f"agenda.item.{item.id}")
        with (
            st.expander(t("agenda.item.edit", title=title)),
            st.form(f"agenda.edit.{gen}.{item.id}"),
        ):
            new_item_title = st.text_input(
                t("agenda.item.title"),
                value=item.title,
                max_chars=MAX_TITLE,
                key=f"agenda.item.title.{gen}.{item.id}",
            )
            note = st.text_area(
                t("agenda.item.note"),
                value=item.note,
                max_chars=MAX_NOTE,
                key=f"agenda.item.note.{gen}.{item.id}",
            )
            if st.form_submit_button(
                t("agenda.item.save"), key=f"agenda.item.save.{gen}.{item.id}"
            ):
                _apply(partial(edit_item, agenda, item.id, title=new_item_title, note=note))
                st.rerun()

with st.form(f"agenda.add.{gen}", clear_on_submit=True):
    st.subheader(t("agenda.add.heading"), anchor=False)
    free_title = st.text_input(
        t("agenda.add.title"), max_chars=MAX_TITLE, key=f"agenda.add.title.{gen}"
    )
    free_note = st.text_area(t("agenda.add.note"), max_chars=MAX_NOTE, key=f"agenda.add.note.{gen}")
    if st.form_submit_button(t("agenda.add.submit"), key=f"agenda.add.submit.{gen}"):
        _apply(partial(add_item, agenda, free_title, free_note))
        st.rerun()


# export and save --------------------------------------------------------------------------------

st.subheader(t("agenda.export.heading"), anchor=False)
stem = agenda_file_stem(agenda)
download_buttons(
    stem,
    {
        "docx": partial(to_docx, agenda),
        "pdf": partial(to_pdf, agenda),
        "md": partial(to_markdown, agenda),
    },
    "agenda.export",
)


def _save(as_new: bool) -> None:
    current = board_view.current_agenda()
    if current is None:
        return
    base = None if as_new else board_view.saved_as()
    try:
        info = agenda_store.save_draft(
            project_session.store(), current, base, organisation=board or ""
        )
    except (AgendaError, StoreError, TextError) as error:  # the agenda stays in session for a retry
        tell("agenda.save", "error", str(error))
    else:
        board_view.mark_saved(info)
        tell("agenda.save", "success", t("agenda.saved", title=info.title))


saved = board_view.saved_as()
if saved is not None:
    st.caption(t("agenda.saved_as", label=literal(board_view.draft_label(saved))))
answer_at("agenda.save")  # at the save buttons, where the person is (not at the page's top)
if board_view.is_unsaved():
    st.warning(t("agenda.unsaved"), icon=":material/warning:")
save, save_new = st.columns(2)
pressed = save.button(
    t("agenda.save"), on_click=_save, args=(False,), key="agenda.save", type="primary"
)
if saved is not None:
    pressed |= save_new.button(
        t("agenda.save_new"), on_click=_save, args=(True,), key="agenda.save_new"
    )
missed_click(pressed, "agenda.save")
