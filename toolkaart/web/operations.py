"""What the web server offers whoever runs it, beside the app: ``/ready``, the pages' own
addresses served ready to connect, and a log of page errors.

``/ready`` answers a load balancer or an orchestrator: 200 when this server's database is
reachable and at this version's newest migration, 503 otherwise, with a small JSON body (the
state and the schema revisions; nothing about any person or project). Streamlit's own
``/_stcore/health`` says only that the web server runs; a replica whose database is gone, or at
another version's schema, answers it all the same. The check is ``toolkaart db check``'s
(``toolkaart.store.readiness``): one short connection per request, nothing changed.

``toolkaart serve`` starts the app through ``asgi.py`` (Streamlit's ``st.App``), which mounts
these beside Streamlit's own routes (same server, same middleware, same settings).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route
from streamlit import file_util

from toolkaart.events import Event, log_event
from toolkaart.settings import settings
from toolkaart.store import readiness
from toolkaart.web.page_registry import PAGE_ADDRESSES

READY_PATH = "/ready"


def ready(request: Request) -> JSONResponse:
    """200 with the database ready for this version, else 503 (a plain function: Starlette runs
    it in a worker thread, so a slow database never holds up the server's event loop)."""
    del request  # the answer is the same for everyone
    found = readiness.check(settings().database_url)
    body = {
        "ready": found.ready,
        "database": found.state.value,
        "revision": found.revision,
        "expected": found.expected,
    }
    return JSONResponse(
        body, status_code=200 if found.ready else 503, headers={"Cache-Control": "no-store"}
    )


#: Where Streamlit's frontend looks for its server (``window.__streamlit.BACKEND_BASE_URL``, the
#: setting an embedding page gives it): the folder of this page's address, which is the app's
#: root (``/`` here, ``/toolkaart/`` behind a proxy that serves it there), since every page's
#: address is one name long. Set before Streamlit's scripts run.
_SERVER_HERE = (
    '<script>window.__streamlit = {BACKEND_BASE_URL: new URL(".", window.location.href).href};'
    "</script>"
)


@cache
def _page_document() -> str:
    index = Path(file_util.get_static_dir()) / "index.html"
    html = index.read_text(encoding="utf-8")
    head = html.index("<head>") + len("<head>")
    return html[:head] + _SERVER_HERE + html[head:]


def page_document(request: Request) -> HTMLResponse:
    """Streamlit's ``index.html`` for a page's own address (``/fase?fase=idee``), told that its
    server is at the folder of that address (``_SERVER_HERE``).

    Streamlit's frontend cannot tell a page's path from a path the app is served under, so on a
    page's address it first asks ``/fase/_stcore/health``, gets 404, waits 100 ms and only then
    asks ``/_stcore/health``: every page but the home page, opened from a link, a bookmark or a
    refresh, waited 100 ms before anything was drawn (docs/performance.md section 9). With the
    server's place given, its first question is the right one. Everything else (the home page,
    Streamlit's files, unknown paths) Streamlit serves as before; this answer carries the same
    ``no-cache`` so that a new version's page is never served from a cache.
    """
    del request  # the same document for every page address
    return HTMLResponse(_page_document(), headers={"Cache-Control": "no-cache"})


ROUTES = [
    Route(READY_PATH, ready, methods=["GET", "HEAD"]),
    *(Route(f"/{address}", page_document, methods=["GET", "HEAD"]) for address in PAGE_ADDRESSES),
]


def page_error(error: Exception) -> None:
    """Log an error no page handled as ``page.error`` (its class only: its message can quote what
    someone typed). Returns None: people see Streamlit's generic message, as before, and
    Streamlit logs the traceback itself."""
    log_event(Event.PAGE_ERROR, error=type(error))
