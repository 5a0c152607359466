"""What the web server offers whoever runs it, beside the app: ``/ready``, the pages' own
addresses served ready to connect (and a Dutch "not found" under them), and for an error no page
handled a Dutch message and a log line.

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

import html
import logging
import secrets
from collections.abc import Callable
from functools import cache
from pathlib import Path

import streamlit as st
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route
from streamlit import file_util

from toolkaart.events import Event, log_event
from toolkaart.i18n.catalog import t
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


#: How the reference a person was shown travels with the error (an exception note), so that the
#: traceback Streamlit logs and the ``page.error`` line both carry it.
_REFERENCE_NOTE = "toolkaart-kenmerk: "


def show_page_error(error: Exception) -> str:
    """Say in Dutch, where the page stopped, that something went wrong, with a short reference
    the person can quote; the reference is noted on ``error`` and returned."""
    reference = secrets.token_hex(4)
    error.add_note(f"{_REFERENCE_NOTE}{reference}")
    st.error(t("page.unexpected", reference=reference))
    return reference


def _shown_reference(error: BaseException) -> str | None:
    """The reference already shown for ``error``, or for the error it arose from (the frame
    failing while a page's error was being shown: one message on the page, one reference)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        for note in reversed(getattr(current, "__notes__", [])):
            if note.startswith(_REFERENCE_NOTE):
                return str(note.removeprefix(_REFERENCE_NOTE))
        current = current.__cause__ or current.__context__
    return None


def page_error(error: Exception) -> bool:
    """Streamlit's handler of an error no script caught, called after Streamlit logged its
    traceback: ``page.error`` in our log with the error's class (never its message, which can
    quote what someone typed) and the reference the person read. ``app.py`` shows a page's own
    error where the page stopped (``show_page_error``) before its frame; an error elsewhere (the
    frame, a fragment, a widget's callback) gets its message here.

    Returns True, which tells Streamlit not to draw its own message, an English text ("This app
    has encountered an error ...") that no setting translates. Should drawing ours fail, it
    returns False, so that Streamlit's message is shown rather than none.
    """
    reference = _shown_reference(error)
    drawn = True
    if reference is None:
        try:
            reference = show_page_error(error)
        except Exception:  # whatever stops our message, Streamlit's shows instead
            reference, drawn = None, False
    log_event(Event.PAGE_ERROR, level=logging.ERROR, error=type(error), reference=reference)
    return drawn


def _no_page_document(up: str) -> str:
    """A small Dutch page of its own (Streamlit's scripts cannot load at such an address), with
    the way to the home page relative to the address asked, so it works under a path prefix."""
    title, body, home = (
        html.escape(t(key))
        for key in ("page.missing.title", "page.missing.body", "page.missing.home")
    )
    return (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title} - {html.escape(t('app.title'))}</title>"
        "<style>body{font-family:sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;"
        "line-height:1.5;color:#262730}a{color:#0B4F9C}"
        ":focus-visible{outline:3px solid #0B4F9C;outline-offset:2px}</style></head>"
        f'<body><main><h1>{title}</h1><p>{body}</p><p><a href="{up}">{home}</a></p></main>'
        "</body></html>"
    )


def _beyond_page(address: str, base: str) -> Callable[[Request], Response]:
    """The answer to an address under a page's own (``/fase/x``): a page of its own, 404.

    Streamlit answers every unknown address with its ``index.html``; under ``/fase/`` its
    scripts' relative addresses (``./static/...``) then name no file, and the person saw a white
    page that never loaded. ``/fase/`` (a trailing slash) goes to ``/fase`` as before. ``base``:
    the path the app is served under (``routes``), which the way home does not climb."""

    def endpoint(request: Request) -> Response:
        rest = request.path_params["rest"]
        if not rest:
            query = f"?{request.url.query}" if request.url.query else ""
            return RedirectResponse(
                f"../{address}{query}", status_code=301, headers={"Cache-Control": "no-cache"}
            )
        # counted in the path as sent: an encoded slash (%2F) is no step up for the browser; a
        # path that spells the app's own part otherwise than plainly gets the way from the root
        sent = request.scope.get("raw_path", b"").split(b"?", 1)[0].decode("latin-1")
        page = f"{base}/{address}/"
        up = "../" * (1 + sent[len(page) :].count("/")) if sent.startswith(page) else f"{base}/"
        return HTMLResponse(
            _no_page_document(up), status_code=404, headers={"Cache-Control": "no-cache"}
        )

    return endpoint


def routes(base_url_path: str = "") -> list[Route]:
    """``/ready`` and the page addresses (with the Dutch "not found" under them), under the path
    the app is served at (Streamlit's ``server.baseUrlPath``, e.g. ``toolkaart`` behind a
    hospital's proxy that serves the navigator at ``/toolkaart/``), where Streamlit puts its own
    routes: at the root they would never be asked, and ``/toolkaart/fase/x`` got Streamlit's
    page again, white and never connecting."""
    trimmed = base_url_path.strip("/")
    base = f"/{trimmed}" if trimmed else ""
    return [
        Route(f"{base}{READY_PATH}", ready, methods=["GET", "HEAD"]),
        *(
            Route(f"{base}/{address}", page_document, methods=["GET", "HEAD"])
            for address in PAGE_ADDRESSES
        ),
        *(
            Route(
                f"{base}/{address}/{{rest:path}}",
                _beyond_page(address, base),
                methods=["GET", "HEAD"],
            )
            for address in PAGE_ADDRESSES
        ),
    ]
