"""The server's listening sockets get TCP_NODELAY before uvicorn serves on them (``nodelay``)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator

import pytest
import uvicorn

from toolkaart.web import nodelay


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A listening TCP socket made as Streamlit 1.67 makes its own: protocol 0, no options."""
    sock = socket.socket(family=socket.AF_INET)
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    yield sock
    sock.close()


@pytest.fixture
def recorded_startup(monkeypatch: pytest.MonkeyPatch) -> list[list[socket.socket] | None]:
    """``uvicorn.Server.startup`` replaced by one that records the sockets it was given (the
    monkeypatch puts the real one back, wrapped or not, after the test)."""
    seen: list[list[socket.socket] | None] = []

    async def startup(server: uvicorn.Server, sockets: list[socket.socket] | None = None) -> None:
        del server
        seen.append(sockets)

    monkeypatch.setattr(uvicorn.Server, "startup", startup)
    return seen


def _nodelay(sock: socket.socket) -> int:
    return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


def test_a_listener_made_like_streamlits_has_nagle_on_and_passes_the_setting_on(
    listener: socket.socket,
) -> None:
    """Why setting the listener is enough: what it accepts inherits the option (Linux)."""
    before = socket.create_connection(listener.getsockname())
    accepted_before, _ = listener.accept()
    nodelay.set_nodelay([listener])
    after = socket.create_connection(listener.getsockname())
    accepted_after, _ = listener.accept()
    try:
        assert _nodelay(accepted_before) == 0
        assert _nodelay(accepted_after) == 1
    finally:
        for sock in (before, accepted_before, after, accepted_after):
            sock.close()


def test_the_wrapped_startup_sets_the_option_then_starts_as_before(
    listener: socket.socket, recorded_startup: list[list[socket.socket] | None]
) -> None:
    nodelay.send_without_delay()
    wrapped = uvicorn.Server.startup
    nodelay.send_without_delay()
    assert uvicorn.Server.startup is wrapped  # a second call wraps nothing more
    server = uvicorn.Server(uvicorn.Config(app="unused:app"))
    asyncio.run(server.startup(sockets=[listener]))
    assert recorded_startup == [[listener]]
    assert _nodelay(listener) == 1
    asyncio.run(server.startup())
    assert recorded_startup == [[listener], None]


def test_a_unix_socket_is_left_alone() -> None:
    sock = socket.socket(socket.AF_UNIX)
    try:
        nodelay.set_nodelay([sock])  # no TCP option to set, and no error
    finally:
        sock.close()
