"""What a team records beside its walk, on the phase page and the Zelfscan alike: evidence under
each checklist item, the people per actor role, and the phase's notes.

Only with a project open (``?project=<id>``): evidence, people and notes belong to a project, and a
walk without one is not saved anywhere. The rules are ``toolkaart.route.records``' (https only,
limits, append-only); these widgets collect input and show the Dutch refusals as they are.

Tab stops stay few: evidence is a caption under its item, and adding it is one compact expander
per item ("Onderbouwing toevoegen"), drawn lazily (its form exists only while it is open, so twenty
items cost no twenty forms per rerun). People are one expander per actor. Expanders, not popovers:
an open expander's form follows its toggle in the tab order, where Streamlit 1.67 puts a popover's
content at the end of the page (a keyboard user would tab through the whole page to reach it). Every change is saved at once
through ``save_quietly``; a refused save keeps what was typed, and adding again adds it to the
version now stored (records are only appended, so nothing of the other session is lost).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from toolkaart.content.models import Actor, ChecklistItem, Phase, Toolkaart
from toolkaart.errors import ProjectError, StoreFault, TextError
from toolkaart.i18n.catalog import counted, t
from toolkaart.route.project import Project
from toolkaart.route.records import (
    MAX_EVIDENCE_NOTE,
    MAX_NOTE,
    MAX_PERSON_FIELD,
    MAX_URL,
    Person,
    evidence_line,
    evidence_tally,
    new_evidence,
    new_note,
    new_person,
    note_line,
)
from toolkaart.web.feedback import answer_at, tell
from toolkaart.web.literal import content_literal, literal
from toolkaart.web.project_session import open_project, open_project_id, save_quietly
from toolkaart.web.reconnect import missed_click
from toolkaart.web.walk import may_change, signed_in_label

#: The newest evidence shown under an item, and notes under a phase; the report has them all.
EVIDENCE_SHOWN = 5
NOTES_SHOWN = 10
#: The name typed last in local mode, offered again in the next form.
_AUTHOR = "records.author"


@dataclass(frozen=True)
class Recording:
    """The open project records are shown for, and whether the acting person may add to it.
    A page reads it once (``recording()``) and hands it to each drawing function."""

    project: Project
    writable: bool


def _open() -> Project | None:
    return open_project() if open_project_id() is not None else None


def recording() -> Recording | None:
    """The open project and the right to change it; None for a walk without a project (nothing
    is recorded then)."""
    project = _open()
    return None if project is None else Recording(project, may_change())


def _save(toolkaart: Toolkaart, place: str, change: Callable[[Project], Project]) -> bool:
    """Apply ``change`` to the open project and save; the answer goes to ``place``. True when
    saved. A refusal (a rule, a conflict, the database) keeps the input for another try."""
    project = _open()
    if project is None:
        return False
    try:
        changed = change(project)
    except (ProjectError, TextError) as error:
        tell(place, "error", str(error))
        return False
    try:
        refused = save_quietly(changed, toolkaart)
    except StoreFault as fault:
        tell(place, "error", str(fault))
        return False
    if refused is not None:
        tell(place, "error", f"{refused.message}\n\n{t('records.conflict')}")
        return False
    return True


def _author(key: str) -> str:
    """Who adds it: the signed-in person, or the name typed in (remembered for the next form)."""
    label = signed_in_label()
    if label:
        return label
    typed = str(st.session_state.get(key, ""))
    st.session_state[_AUTHOR] = typed
    return typed


def _author_field(key: str) -> None:
    """In local mode a name may be typed in (or left empty); signed in, it is who is signed in."""
    label = signed_in_label()
    if label:
        st.caption(t("records.author_signed_in", name=literal(label)))
        return
    if not st.session_state.get(key):  # the name typed last, in any form, is offered again
        st.session_state[key] = st.session_state.get(_AUTHOR, "")
    st.text_input(t("records.author"), key=key, max_chars=MAX_PERSON_FIELD)


# evidence ----------------------------------------------------------------------------------------


def tally_caption(toolkaart: Toolkaart, phase: Phase, shown: Recording | None) -> None:
    """'2 afgevinkt met onderbouwing, 1 zonder' for the phase, with a project open."""
    if shown is None:
        return
    project = shown.project
    tally = evidence_tally(
        toolkaart, phase.id, project.assessment.checked_in(phase.id), project.evidence
    )
    st.caption(t("records.tally", supported=tally.with_evidence, unsupported=tally.without))


def _evidence_key(phase: Phase, item: ChecklistItem, name: str) -> str:
    return f"records.evidence.{phase.id}.{item.id}.{name}"


def _add_evidence(toolkaart: Toolkaart, phase: Phase, item: ChecklistItem) -> None:
    state = st.session_state
    place = _evidence_key(phase, item, "answer")
    fields = {name: _evidence_key(phase, item, name) for name in ("note", "url", "author")}
    author = _author(fields["author"])
    saved = _save(
        toolkaart,
        place,
        lambda project: project.with_evidence(
            new_evidence(
                toolkaart,
                phase.id,
                item.id,
                note=str(state.get(fields["note"], "")),
                url=str(state.get(fields["url"], "")),
                added_by=author,
            )
        ),
    )
    if saved:
        tell(place, "success", t("records.evidence.added"))
        state[fields["note"]] = ""
        state[fields["url"]] = ""
        state[_evidence_key(phase, item, "open")] = False


def item_evidence(
    toolkaart: Toolkaart, phase: Phase, item: ChecklistItem, shown: Recording | None
) -> None:
    """Under a checklist item: its evidence as captions, and one control to add more."""
    if shown is None:
        return
    evidence = shown.project.evidence_for(phase.id, item.id)
    latest = evidence[-EVIDENCE_SHOWN:]
    if latest:  # an icon tells them from the item's source, in the item's label above
        lines = (f":material/attach_file: {literal(evidence_line(e))}" for e in latest)
        st.caption("  \n".join(lines))
    if len(evidence) > len(latest):
        st.caption(t("records.evidence.more", count=len(evidence) - len(latest)))
    # evidence backs a tick: the control is under ticked items only, which also keeps the way
    # from the checklist to the gate short by keyboard (one tab stop per open item)
    ticked = item.id in shown.project.assessment.checked_in(phase.id)
    if not shown.writable or not ticked:
        return
    answer_at(_evidence_key(phase, item, "answer"))
    drawer = st.expander(
        t("records.evidence.add"),
        icon=":material/add_notes:",
        type="compact",
        key=_evidence_key(phase, item, "open"),
        on_change="rerun",
    )
    with drawer:
        if not drawer.open:
            return
        # Enter does not submit: Streamlit would say so in English inside every field
        with st.form(_evidence_key(phase, item, "form"), border=False, enter_to_submit=False):
            st.text_area(
                t("records.evidence.note"),
                key=_evidence_key(phase, item, "note"),
                max_chars=MAX_EVIDENCE_NOTE,
                height=80,
            )
            st.text_input(
                t("records.evidence.url"),
                key=_evidence_key(phase, item, "url"),
                max_chars=MAX_URL,
                placeholder="https://",
            )
            _author_field(_evidence_key(phase, item, "author"))
            pressed = st.form_submit_button(
                t("records.evidence.submit"),
                type="primary",
                key=_evidence_key(phase, item, "submit"),
                on_click=_add_evidence,
                args=(toolkaart, phase, item),
            )
        missed_click(pressed, _evidence_key(phase, item, "answer"))


# people ------------------------------------------------------------------------------------------


def _people_key(actor: Actor, name: str) -> str:
    return f"records.people.{actor.id}.{name}"


def names_of(project: Project | None, actor: Actor) -> str:
    """'De zorgprofessional (Zoë de Vries, Bram)': an actor with the names of who plays the role,
    names shown as written; the actor's name alone when nobody is named (or no project is open)."""
    people = project.people_in(actor.id) if project is not None else ()
    if not people:
        return content_literal(actor.name)
    return t(
        "records.people.named",
        actor=content_literal(actor.name),
        names=", ".join(literal(p.name) for p in people),
    )


def _add_person(toolkaart: Toolkaart, actor: Actor) -> None:
    state = st.session_state
    fields = {name: _people_key(actor, name) for name in ("name", "function", "contact")}
    place = _people_key(actor, "answer")
    try:
        person = new_person(
            toolkaart,
            actor.id,
            name=str(state.get(fields["name"], "")),
            function=str(state.get(fields["function"], "")),
            contact=str(state.get(fields["contact"], "")),
        )
    except (ProjectError, TextError) as error:
        tell(place, "error", str(error))
        return
    if _save(toolkaart, place, lambda project: project.with_person(person)):
        tell(place, "success", t("records.people.added", name=person.name))
        for key in fields.values():
            state[key] = ""


def _remove_person(toolkaart: Toolkaart, actor: Actor, person: Person) -> None:
    place = _people_key(actor, "answer")
    if _save(toolkaart, place, lambda project: project.without_person(person)):
        tell(place, "success", t("records.people.removed", name=person.name))


def actor_people(
    toolkaart: Toolkaart, actor: Actor, shown: Recording | None, *, named: bool = False
) -> None:
    """Under an actor: who plays the role in this project ('nog niemand'), and one control to
    name or remove people. ``named``: the actor's name leads the line (where no heading says it)."""
    if shown is None:
        return
    people = shown.project.people_in(actor.id)
    names = "; ".join(literal(p.label) for p in people)
    line = t("records.people.list", names=names) if people else t("records.people.nobody")
    if named:
        st.markdown(t("records.people.of", actor=content_literal(actor.name), line=line))
    else:
        st.caption(line)
    if not shown.writable:
        return
    answer_at(_people_key(actor, "answer"))
    drawer = st.expander(
        t("records.people.edit", actor=content_literal(actor.name)),
        icon=":material/group_add:",
        type="compact",
        key=_people_key(actor, "open"),
        on_change="rerun",
    )
    with drawer:
        if not drawer.open:
            return
        for number, person in enumerate(people):
            removed = st.button(
                t("records.people.remove", name=literal(person.label)),
                key=_people_key(actor, f"remove.{number}"),
                icon=":material/person_remove:",
                type="tertiary",
                on_click=_remove_person,
                args=(toolkaart, actor, person),
            )
            missed_click(removed, _people_key(actor, "answer"))
        with st.form(_people_key(actor, "form"), border=False, enter_to_submit=False):
            st.text_input(
                t("records.people.name"), key=_people_key(actor, "name"), max_chars=MAX_PERSON_FIELD
            )
            st.text_input(
                t("records.people.function"),
                key=_people_key(actor, "function"),
                max_chars=MAX_PERSON_FIELD,
                placeholder=t("records.people.function_example"),
            )
            st.text_input(
                t("records.people.contact"),
                key=_people_key(actor, "contact"),
                max_chars=MAX_PERSON_FIELD,
            )
            added = st.form_submit_button(
                t("records.people.submit"),
                type="primary",
                key=_people_key(actor, "submit"),
                on_click=_add_person,
                args=(toolkaart, actor),
            )
        missed_click(added, _people_key(actor, "answer"))


# notes -------------------------------------------------------------------------------------------


def _notes_key(phase: Phase, name: str) -> str:
    return f"records.notes.{phase.id}.{name}"


def _add_note(toolkaart: Toolkaart, phase: Phase) -> None:
    state = st.session_state
    place = _notes_key(phase, "answer")
    author = _author(_notes_key(phase, "author"))
    text = str(state.get(_notes_key(phase, "text"), ""))
    if _save(
        toolkaart,
        place,
        lambda project: project.with_note(new_note(toolkaart, phase.id, text, author=author)),
    ):
        tell(place, "success", t("records.notes.added"))
        state[_notes_key(phase, "text")] = ""


def phase_notes(toolkaart: Toolkaart, phase: Phase, shown: Recording | None) -> None:
    """The phase's thread (the latest notes, oldest first) and a form to add one."""
    if shown is None:
        st.caption(t("records.need_project"))
        return
    notes = shown.project.notes_in(phase.id)
    latest = notes[-NOTES_SHOWN:]
    if len(notes) > len(latest):
        st.caption(t("records.notes.more", notes=counted("note", len(notes) - len(latest))))
    if latest:
        st.markdown("\n".join(f"- {literal(note_line(note))}" for note in latest))
    else:
        st.caption(t("records.notes.none"))
    if not shown.writable:
        return
    with st.form(_notes_key(phase, "form"), border=False, enter_to_submit=False):
        st.text_area(
            t("records.notes.text"), key=_notes_key(phase, "text"), max_chars=MAX_NOTE, height=80
        )
        _author_field(_notes_key(phase, "author"))
        answer_at(_notes_key(phase, "answer"))
        added = st.form_submit_button(
            t("records.notes.submit"),
            key=_notes_key(phase, "submit"),
            on_click=_add_note,
            args=(toolkaart, phase),
        )
    missed_click(added, _notes_key(phase, "answer"))
