"""What the web server offers whoever runs it, beside the app: ``/ready`` and a log of page errors.

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

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from toolkaart.events import Event, log_event
from toolkaart.settings import settings
from toolkaart.store import readiness

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


ROUTES = [Route(READY_PATH, ready, methods=["GET", "HEAD"])]


def page_error(error: Exception) -> None:
    """Log an error no page handled as ``page.error`` (its class only: its message can quote what
    someone typed). Returns None: people see Streamlit's generic message, as before, and
    Streamlit logs the traceback itself."""
    log_event(Event.PAGE_ERROR, error=type(error))
