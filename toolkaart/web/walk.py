"""The walk in progress, behind two functions: ``current_assessment()`` and ``store_assessment()``.

With a project open (``?project=<id>`` in the URL) the walk is that project's assessment: it is read
from the store and every change is saved there, in one transaction, so the phase pages work on the
project and a refresh or a shared link shows it again. Without a project the walk lives in
``st.session_state`` only (it survives page switches, not a new session). Pages never see which.
"""

from __future__ import annotations

import streamlit as st

from toolkaart.access.permissions import Permission
from toolkaart.content.models import Toolkaart
from toolkaart.errors import ProjectConflict, StoreFault
from toolkaart.route.gates import Assessment
from toolkaart.web import identity
from toolkaart.web.content_cache import require_content
from toolkaart.web.project_session import (
    open_project,
    open_project_id,
    save_quietly,
)

_KEY = "walk.assessment"


class WalkNotSaved(ValueError):
    """The open project's store refused the change; Dutch text.

    ``conflict``: someone else saved first; both sides, to apply the change again (the session
    then holds the stored walk). ``input_kept``: the database failed and the session still holds
    the walk the change was made on, so the page keeps what the person entered for a retry.
    """

    def __init__(
        self, message: str, *, conflict: ProjectConflict | None = None, input_kept: bool = False
    ) -> None:
        super().__init__(message)
        self.conflict = conflict
        self.input_kept = input_kept


def current_assessment() -> Assessment:
    """The open project's walk, or the session's walk so far (an empty walk at first)."""
    if open_project_id() is not None:
        project = open_project()
        if project is not None:
            return project.assessment
    assessment = st.session_state.get(_KEY)
    return assessment if isinstance(assessment, Assessment) else Assessment()


def may_change() -> bool:
    """May the acting person change this walk? Their own session's walk always; an open
    project's only where their roles let them write (a *bestuur* member reads it). Not when the
    database cannot say: a click's callback asks before the page's run, which then shows the
    database's message."""
    if open_project_id() is None:
        return True
    try:
        project = open_project()
        return project is not None and identity.acting().may(
            Permission.WRITE_PROJECTS, project.organisation
        )
    except StoreFault:
        return False


def signed_in_label() -> str:
    """Who decides, when someone is signed in ('Naam <e-mail>'); empty in local mode, where the
    form asks for it. The store refuses a decision in another signed-in person's name."""
    return identity.acting().label


def store_assessment(assessment: Assessment) -> None:
    """Replace the walk (assessments are immutable: always store the new one).

    With a project open this saves the project; WalkNotSaved says why when the store refuses, and
    the session then holds the stored version.
    """
    project = open_project() if open_project_id() is not None else None
    if project is None:
        st.session_state[_KEY] = assessment
        return
    toolkaart: Toolkaart = require_content()[0]
    try:
        refused = save_quietly(project.with_assessment(assessment), toolkaart)
    except StoreFault as fault:
        raise WalkNotSaved(str(fault), input_kept=True) from fault
    if refused is not None:
        raise WalkNotSaved(refused.message, conflict=refused.conflict)
