"""The app's pages, declared once per process: app.py navigates over them, links point at them.

Links name their target by ``st.Page`` object, not by file path: for a path, ``st.page_link``
resolves the file on disk (``os.path.realpath``) and searches every page, on every rerun, and on
the phase page that was the largest single cost of a server rerun. ``st.Page`` needs a script run
to be created, so the objects are made in the first run of the process and kept for every session
after it: made per session they held 5.3 KiB of each idle session's memory (tracemalloc), and a
closed session's memory is mostly kept by the allocator (docs/performance.md section 8).

Shared, they must not carry Streamlit's mark of the page chosen for one run: ``st.navigation``
marks the chosen page object callable and ``.run()`` consumes the mark, so one session's run
consumed another's and that session got "This page cannot be called directly" (89 of 600 reruns
with 40 sessions at once; ``tests/web/test_concurrent_sessions.py``). ``SharedPage`` is always
callable: the app runs only the page ``st.navigation`` returned (app.py), which is what the mark
guards.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from streamlit.navigation.page import StreamlitPage
from streamlit.runtime.scriptrunner import get_script_run_ctx

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


class SharedPage(StreamlitPage):
    """A page object that every session may run: without the one-run mark (module docstring)."""

    @property
    def _can_be_called(self) -> bool:
        return True

    @_can_be_called.setter
    def _can_be_called(self, _marked: bool) -> None:
        """Streamlit sets and clears the mark per run; for a shared object it means nothing."""


_made: list[AppPages] = []
_making = threading.Lock()


def app_pages() -> AppPages:
    """The process's page objects (made in the first script run that asks)."""
    if not _made:
        if get_script_run_ctx() is None:  # st.Page would make an empty object, kept for good
            raise RuntimeError("the app's pages are made in a script run")
        with _making:  # two sessions' first runs at once make them once
            if not _made:
                _made.append(_make_pages())
    return _made[0]


def _make_pages() -> AppPages:
    def page(address: str, title: str) -> StreamlitPage:
        """The page in ``app_pages/<address>.py``, at ``/<address>``."""
        return SharedPage(APP_PAGES / f"{address}.py", title=t(title), url_path=address)

    return AppPages(
        home=SharedPage(APP_PAGES / "home.py", title=t("nav.home"), url_path="", default=True),
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
