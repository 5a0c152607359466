"""A kept-alive connection answers at once, plain and through the compose proxy
(``toolkaart.web.nodelay``).

A browser loads a page's 60 – 100 static files over six kept-alive connections. With Nagle's
algorithm on the server's sockets (Streamlit 1.67's own listening socket), every request after
the first on a connection waited for the client's delayed acknowledgement: 44 ms each, even for
``/_stcore/health``. The server here is a replica as ``toolkaart serve`` starts it (``asgi.py``).
"""

from __future__ import annotations

import http.client
import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from benchmarks.measure import Server
from benchmarks.topology import Proxy, compose_haproxy_config, start_proxy
from tests.service.conftest import haproxy_or_skip, start_replica
from toolkaart.store.engine import Database

pytestmark = [pytest.mark.service, pytest.mark.timeout(120)]

#: Each request after the first on one connection, in the median: 44 ms with the delay, about
#: 1 ms without it on this machine; the bound leaves room for a busy CI machine.
QUICK_MS = 15.0


@dataclass(frozen=True)
class Running:
    server: Server
    proxy: Proxy


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    haproxy = haproxy_or_skip()
    data = tmp_path_factory.mktemp("kept-alive")
    database = f"sqlite:///{data / 'toolkaart.sqlite3'}"
    Database(database).close()  # migrated, as `toolkaart db upgrade` leaves it: /ready says yes
    with (
        start_replica(database, data) as server,
        start_proxy({"app1": server.port}, haproxy, compose_haproxy_config) as proxy,
    ):
        yield Running(server, proxy)


def _times_on_one_connection(url: str, path: str, count: int = 8) -> list[float]:
    """Milliseconds of each of ``count`` requests for ``path``, one after another on one
    kept-alive connection (as a browser's connection fetches a page's files)."""
    host, port = url.removeprefix("http://").rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    times = []
    try:
        for _ in range(count):
            start = time.perf_counter()
            connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
            answer = connection.getresponse()
            answer.read()
            assert answer.status == 200, (path, answer.status)
            assert answer.getheader("Connection", "").lower() != "close"
            times.append((time.perf_counter() - start) * 1000)
    finally:
        connection.close()
    return times


@pytest.mark.parametrize("path", ["/_stcore/health", "/fase?fase=idee", "/favicon.png"])
def test_requests_after_the_first_on_a_connection_are_answered_at_once(
    running: Running, path: str
) -> None:
    for url in (running.server.url, running.proxy.url):
        later = _times_on_one_connection(url, path)[1:]
        assert statistics.median(later) < QUICK_MS, (url, path, [round(t, 1) for t in later])
