"""In a real browser: a project whose name is a Markdown image and whose other fields are a link
makes no viewer's browser fetch anything and shows no link, on any page that shows it.

An AppTest cannot see what the browser's own Markdown does (remark-gfm makes links of bare
addresses after escapes are resolved); this test counts the requests a tiny loopback server gets.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import goto, start_streamlit
from toolkaart.access.permissions import LOCAL
from toolkaart.content.models import Toolkaart
from toolkaart.route.gates import Answer
from toolkaart.store.project_store import Store
from toolkaart.web.literal import JOINER

pytestmark = pytest.mark.browser

LINK = "[Log opnieuw in](https://evil.example/login)"


class BeaconServer(ThreadingHTTPServer):
    """A server on a free loopback port that counts the requests for /beacon in ``hits``."""

    hits = 0


class _Beacon(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        assert isinstance(self.server, BeaconServer)
        if self.path.startswith("/beacon"):
            self.server.hits += 1
        self.send_error(404)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the count is what matters."""


@pytest.fixture
def beacon() -> Iterator[BeaconServer]:
    server = BeaconServer(("127.0.0.1", 0), _Beacon)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def test_a_hostile_project_fetches_nothing_and_links_nowhere(
    page: Any, tmp_path: Path, toolkaart: Toolkaart, beacon: BeaconServer
) -> None:
    name = f"![b](http://127.0.0.1:{beacon.server_port}/beacon)"
    database = f"sqlite:///{tmp_path / 'browser.sqlite3'}"
    store = Store(database, acting=LOCAL)
    project = store.create(name, LINK, f"{LINK}\n{name}", LINK)
    first = toolkaart.phases[0].id
    store.save(
        project.with_assessment(
            project.assessment.decide(
                toolkaart,
                first,
                Answer.JA,
                rationale=f"{LINK}\n{name}",
                decided_by=LINK,
                decided_on=dt.date(2026, 10, 1),
                accept_open_items=True,
            )
        )
    )
    store.close()
    with start_streamlit(env={"TOOLKAART_DATABASE_URL": database}) as server:
        for path in (
            "/projecten",
            f"/zelfscan?project={project.id}&fase={first}",
            "/portfolio",
            f"/fase?fase={first}&project={project.id}",
            f"/?project={project.id}",
        ):
            goto(page, server.url + path)
            page.wait_for_timeout(500)  # time for an image to be requested
            shown = page.locator("[data-testid=stMain]").inner_text().replace(JOINER, "")
            assert name in shown, path  # still there as written
            assert page.locator("a[href^='https://evil.example']").count() == 0, path
            # (a heading's own anchor, '#zelfscan-b-http-…-beacon', stays in the page)
            assert page.locator("a[href*='beacon']:not([href^='#'])").count() == 0, path
            assert page.locator("img[src*='beacon']").count() == 0, path
            assert beacon.hits == 0, path
