"""The app's pages, declared once per session: app.py navigates over them, links point at them.

Links name their target by ``st.Page`` object, not by file path: for a path, ``st.page_link``
resolves the file on disk (``os.path.realpath``) and searches every page, on every rerun, and on
the phase page that was the largest single cost of a server rerun. ``st.Page`` needs a script run
to be created, so the objects are made in a session's first run and kept in that session.

Not shared between sessions: ``st.navigation`` marks the chosen page object callable for one run
and ``.run()`` consumes the mark, so with shared objects one session's run consumed another's and
that session got "This page cannot be called directly" (89 of 600 reruns with 40 sessions at once;
``tests/web/test_concurrent_sessions.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from toolkaart.i18n.catalog import t

APP_PAGES = Path(str(files("toolkaart.web") / "app_pages"))


@dataclass(frozen=True)
class AppPages:
    home: StreamlitPage
    phase: StreamlitPage
    actors: StreamlitPage
    tools: StreamlitPage
    projects: StreamlitPage
    scan: StreamlitPage
    portfolio: StreamlitPage
    agenda: StreamlitPage
    beheer: StreamlitPage
    members: StreamlitPage
    accessibility: StreamlitPage

    def sections(self) -> dict[str, list[StreamlitPage]]:
        """The pages grouped per kind of user, as the sidebar shows them."""
        return {
            t("nav.section.route"): [self.home, self.phase, self.actors, self.tools],
            t("nav.section.projects"): [self.projects, self.scan],
            t("nav.section.board"): [self.portfolio, self.agenda],
            t("nav.section.content"): [self.beheer, self.members, self.accessibility],
        }


_SESSION_KEY = "toolkaart.app_pages"


def app_pages() -> AppPages:
    """This session's page objects (made in its first run)."""
    pages = st.session_state.get(_SESSION_KEY)
    if not isinstance(pages, AppPages):
        pages = _make_pages()
        st.session_state[_SESSION_KEY] = pages
    return pages


def _make_pages() -> AppPages:
    def page(file: str, title: str, url_path: str, default: bool = False) -> StreamlitPage:
        return st.Page(APP_PAGES / file, title=t(title), url_path=url_path, default=default)

    return AppPages(
        home=page("home.py", "nav.home", "", default=True),
        phase=page("fase.py", "nav.phase", "fase"),
        actors=page("actoren.py", "nav.actors", "actoren"),
        tools=page("hulpmiddelen.py", "nav.tools", "hulpmiddelen"),
        projects=page("projecten.py", "nav.projects", "projecten"),
        scan=page("zelfscan.py", "nav.scan", "zelfscan"),
        portfolio=page("portfolio.py", "nav.portfolio", "portfolio"),
        agenda=page("agenda.py", "nav.agenda", "agenda"),
        beheer=page("beheer.py", "nav.beheer", "beheer"),
        members=page("leden.py", "nav.members", "leden"),
        accessibility=page("toegankelijkheid.py", "nav.accessibility", "toegankelijkheid"),
    )
