"""Replies leave the server at once: TCP_NODELAY on its listening socket, as Tornado had it.

Streamlit 1.67's Starlette server binds its listening socket itself (``socket.socket(family=…)``,
protocol 0) and hands it to uvicorn. asyncio turns Nagle's algorithm off only on sockets whose
protocol is ``IPPROTO_TCP``, so on every connection it stayed on. A reply written in two parts
(headers, then body) then waited for the browser's delayed acknowledgement: on a kept-alive
connection every request after the first took 44 ms, even ``/_stcore/health``'s two bytes (0.5 ms
with the option set). A cold page load fetches 60 – 100 of Streamlit's files over six
connections, so that was most of the time before the page could connect (docs/performance.md
section 9), and a rerun's messages on the websocket waited the same way.

Linux gives a connection accepted on a listening socket the listener's TCP_NODELAY, so setting it
there once covers every connection, the websocket included. uvicorn receives the listening
sockets in ``Server.startup`` after it has imported ``asgi.py`` (where this is called), so the
option is set there: ``Server.startup`` is wrapped once per process.
"""

from __future__ import annotations

import socket
from collections.abc import Sequence
from functools import wraps

import uvicorn

#: Marks the wrapped ``startup``, so that a second call wraps nothing more.
_WRAPPED = "__toolkaart_nodelay__"


def set_nodelay(listeners: Sequence[socket.socket]) -> None:
    """TCP_NODELAY on each TCP socket of ``listeners`` (a Unix socket has no such option)."""
    for listener in listeners:
        if listener.family in (socket.AF_INET, socket.AF_INET6):
            listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def send_without_delay() -> None:
    """Wrap ``uvicorn.Server.startup`` so that the sockets it listens on have TCP_NODELAY."""
    original = uvicorn.Server.startup
    if getattr(original, _WRAPPED, False):
        return

    @wraps(original)
    async def startup(server: uvicorn.Server, sockets: list[socket.socket] | None = None) -> None:
        set_nodelay(sockets or ())
        await original(server, sockets=sockets)

    setattr(startup, _WRAPPED, True)
    uvicorn.Server.startup = startup  # type: ignore[assignment,method-assign]
