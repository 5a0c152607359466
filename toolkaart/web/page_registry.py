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


#: The address of every page but the home page (``/fase``): each is its file's name in
#: ``app_pages/`` (``_make_pages``); the web server serves these ready to connect
#: (``operations.page_document``).
PAGE_ADDRESSES = (
    "fase",
    "actoren",
    "hulpmiddelen",
    "projecten",
    "zelfscan",
    "portfolio",
    "agenda",
    "beheer",
    "leden",
    "toegankelijkheid",
)

_SESSION_KEY = "toolkaart.app_pages"


def app_pages() -> AppPages:
    """This session's page objects (made in its first run)."""
    pages = st.session_state.get(_SESSION_KEY)
    if not isinstance(pages, AppPages):
        pages = _make_pages()
        st.session_state[_SESSION_KEY] = pages
    return pages


def _make_pages() -> AppPages:
    def page(address: str, title: str) -> StreamlitPage:
        """The page in ``app_pages/<address>.py``, at ``/<address>``."""
        return st.Page(APP_PAGES / f"{address}.py", title=t(title), url_path=address)

    return AppPages(
        home=st.Page(APP_PAGES / "home.py", title=t("nav.home"), url_path="", default=True),
        phase=page("fase", "nav.phase"),
        actors=page("actoren", "nav.actors"),
        tools=page("hulpmiddelen", "nav.tools"),
        projects=page("projecten", "nav.projects"),
        scan=page("zelfscan", "nav.scan"),
        portfolio=page("portfolio", "nav.portfolio"),
        agenda=page("agenda", "nav.agenda"),
        beheer=page("beheer", "nav.beheer"),
        members=page("leden", "nav.members"),
        accessibility=page("toegankelijkheid", "nav.accessibility"),
    )
