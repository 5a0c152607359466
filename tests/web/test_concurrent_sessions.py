"""Many people on the same page at once: no session ever gets an error page instead of the page.

Streamlit marks the page object that ``st.navigation`` chose as callable for one run; page objects
shared between sessions, as the app's are (``page_registry.SharedPage``), let one session's run
consume another's mark ("This page cannot be called directly") unless the mark is taken out. A
real server, many websocket sessions rerunning the phase page without pause.
"""

from __future__ import annotations

import pytest

from benchmarks.measure import drive_sessions, streamlit_server
from tests.conftest import APP_DIR

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


def test_concurrent_sessions_on_one_page_never_see_an_error_page() -> None:
    with streamlit_server(APP_DIR / "app.py") as server:
        figures = drive_sessions(
            server, sessions=40, reruns_each=15, page="fase", query="fase=pilot-a"
        )
    assert figures.reruns == 40 * 15
    assert figures.error_messages == ()
