"""When the server is out of reach (a restart, a failover with no replica left, the network), the
page says so in Dutch: the dialog Streamlit opens was English and spoke to a developer ("Is
Streamlit still running? ... streamlit run yourscript.py"). The frame's script rewrites it as it
appears (``frontend_fixes._connection_rules``); axe-core finds nothing against WCAG 2.1 A and AA
while it shows, and once the server is back the page is connected again without a word left over.

One server; after it is killed, a small HTTP server on its port answers as a proxy would with no
replica behind it (503) and as a server that refuses the page (403); then the app starts again on
the same port.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from benchmarks.measure import streamlit_server
from tests.browser.conftest import REQUIRE_FLAG, goto, screenshot, settle, start_streamlit
from tests.browser.test_every_page import (
    AXE,
    AXE_TAGS,
    ENGLISH_ANY_CASE,
    ENGLISH_CASED,
    FIND_ENGLISH,
    RUN_AXE,
)
from tests.conftest import REPO, unavailable
from toolkaart.i18n.catalog import t
from toolkaart.serve import SERVER

pytestmark = pytest.mark.browser

DIALOG = '[data-testid="stDialog"] [role=dialog]'
SAYS = """([selector, text]) => {
    const element = document.querySelector(selector);
    return element !== null && element.textContent.includes(text);
}"""


@contextmanager
def answering(port: int, status: int) -> Iterator[None]:
    """Every request on ``port`` answered with ``status`` and a proxy's small HTML page."""

    class Answer(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = f"<html><body><h1>{status}</h1>No server is available.</body></html>".encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the test's output is what the page shows."""

    server = ThreadingHTTPServer(("127.0.0.1", port), Answer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def wait_until_said(page: Any, selector: str, text: str) -> None:
    """Streamlit asks the server again every 4 s at most, and shows what it found."""
    page.wait_for_function(SAYS, arg=[selector, text], timeout=20_000)


def english_on(page: Any) -> list[str]:
    found: list[str] = page.evaluate(FIND_ENGLISH, [ENGLISH_ANY_CASE, ENGLISH_CASED, ""])
    return found


def test_a_lost_connection_is_said_in_dutch_and_mends_itself(browser: Any, tmp_path: Path) -> None:
    if not AXE.exists():
        unavailable(
            f"axe-core is not installed at {AXE} (npm ci --prefix tests/node)", REQUIRE_FLAG
        )
    env = {
        "TOOLKAART_DATABASE_URL": f"sqlite:///{tmp_path / 't.sqlite3'}",
        "TOOLKAART_DATA_DIR": str(tmp_path),
    }
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page, local = context.new_page(), context.new_page()
    try:
        with start_streamlit(env=env) as server:
            port = server.port
            goto(page, f"{server.url}/fase?fase=idee")
            goto(local, f"http://localhost:{port}/fase?fase=idee")  # Streamlit's local wording
            page.add_script_tag(path=str(AXE))
            server.process.kill()
            server.process.wait()

            wait_until_said(page, f"{DIALOG} h2", t("ui.connection.title"))
            wait_until_said(page, DIALOG, t("ui.connection.no_answer"))
            assert page.locator(f"{DIALOG} button").get_attribute("aria-label") == t("ui.close")
            assert page.evaluate("document.documentElement.lang") == "nl"
            assert english_on(page) == []
            assert page.evaluate(RUN_AXE, [AXE_TAGS, []]) == []
            screenshot(page, "connection-lost")
            wait_until_said(local, DIALOG, t("ui.connection.local"))
            assert not local.locator(f"{DIALOG} pre").is_visible()  # "streamlit run yourscript.py"
            assert english_on(local) == []

        for status, said in (
            (503, t("ui.connection.status", status=503)),
            (403, t("ui.connection.refused")),
        ):
            with answering(port, status):
                wait_until_said(page, DIALOG, said)
                assert english_on(page) == [], status
                screenshot(page, f"connection-{status}")

        with streamlit_server(SERVER, env=env, cwd=REPO, port=port):
            page.locator(DIALOG).wait_for(state="detached", timeout=30_000)
            settle(page)
            assert page.locator("h1").inner_text() == t("phase.title", number=1, name="Idee")
            assert english_on(page) == []
    finally:
        context.close()
