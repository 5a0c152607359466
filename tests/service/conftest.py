"""The navigator as a service: two replicas behind HAProxy on one PostgreSQL database, on loopback.

Reuse in any test under tests/service/ (mark it ``@pytest.mark.service``, and
``@pytest.mark.browser`` where Chromium drives it):

- ``service_database``: a fresh PostgreSQL database for the whole session
  (``toolkaart_service_<random>``, owned by the test role), dropped at the end.
- ``topology``: two ``toolkaart serve`` replicas (``benchmarks.measure.streamlit_server``) on that
  database and HAProxy in front of them (``Topology``: ``.url``, ``.replicas``, ``.kill(name)``,
  ``.proxy``: its log and runtime API), stopped at the end of the test (terminate, then kill),
  also when it fails.
- ``fresh_database(admin_url)``: another empty database, for a test that needs one of its own;
  ``start_replica(url, data_dir)``: one replica, for a test that starts them in its own order.
- ``browser`` / ``page`` come from ``tests/browser/conftest.py``.

The proxy's configuration, and the parts the capacity bench shares with these tests, are in
``benchmarks/topology.py``: round robin, sticky sessions by an inserted ``SERVERID`` cookie,
websockets, health checks on ``/_stcore/health`` every 250 ms, ``option redispatch``; every
response names its replica (``X-Replica``) and so does the log, with the client's ``test-client``
cookie.

Without HAProxy or a PostgreSQL server the tests are skipped with the reason, unless
``TOOLKAART_REQUIRE_SERVICE=1`` (CI), where they fail.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import pytest
import sqlalchemy as sa

from benchmarks.measure import Server
from benchmarks.topology import (
    CLIENT_COOKIE,
    REPLICA_HEADER,
    STICKY_COOKIE,
    Proxy,
    find_haproxy,
    start_proxy,
)
from benchmarks.topology import start_replica as start_app_replica
from tests.browser import conftest as browser_fixtures
from tests.conftest import REPO, unavailable

__all__ = ["CLIENT_COOKIE", "REPLICA_HEADER", "STICKY_COOKIE"]

# Chromium for this folder's tests too (a package-scoped fixture: one browser per folder).
browser = browser_fixtures.browser
page = browser_fixtures.page

REQUIRE_FLAG: Final = "TOOLKAART_REQUIRE_SERVICE"
#: The database server the test role may create databases on (``.ci/run`` starts it).
POSTGRES_ENV: Final = "TOOLKAART_TEST_POSTGRES_URL"
REPLICAS: Final = ("a", "b")


def haproxy_or_skip() -> str:
    haproxy = find_haproxy()
    if haproxy is None:
        unavailable("HAProxy is not installed (apt-get install haproxy)", REQUIRE_FLAG)
    return haproxy


def postgres_admin_url_or_skip() -> str:
    """The test server's URL, once it answers; skips (or fails under the flag) otherwise."""
    url = os.environ.get(POSTGRES_ENV, "").strip()
    if not url:
        unavailable(f"no PostgreSQL server configured (set {POSTGRES_ENV})", REQUIRE_FLAG)
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except sa.exc.OperationalError as error:
        unavailable(f"PostgreSQL at {POSTGRES_ENV} does not answer: {error}", REQUIRE_FLAG)
    finally:
        engine.dispose()
    return url


def start_replica(database_url: str, data_dir: Path) -> contextlib.AbstractContextManager[Server]:
    """One replica of the app in this checkout, on ``database_url`` (settings as ``toolkaart
    serve`` passes them, local mode)."""
    return start_app_replica(database_url, data_dir, cwd=REPO)


@contextlib.contextmanager
def fresh_database(admin_url: str) -> Iterator[str]:
    """A new, empty database on the test server (``toolkaart_service_<random>``), owned by the
    test role; dropped afterwards, with any connection still open to it."""
    name = f"toolkaart_service_{secrets.token_hex(6)}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
        yield sa.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def service_database() -> Iterator[str]:
    """One fresh database for the session's service tests (the replicas migrate it)."""
    haproxy_or_skip()
    with fresh_database(postgres_admin_url_or_skip()) as url:
        yield url


@dataclass
class Topology:
    """Two replicas behind the proxy, on one database."""

    database_url: str
    replicas: dict[str, Server]
    proxy: Proxy
    killed: dict[str, float] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return self.proxy.url

    def kill(self, name: str) -> float:
        """SIGKILL replica ``name`` (no goodbye to its sessions); returns when (monotonic)."""
        process = self.replicas[name].process
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        self.killed[name] = time.monotonic()
        return self.killed[name]


@contextlib.contextmanager
def start_topology(
    database_url: str, data_dir: Path, names: Sequence[str] = REPLICAS
) -> Iterator[Topology]:
    haproxy = haproxy_or_skip()
    with contextlib.ExitStack() as stack:
        replicas = {
            name: stack.enter_context(start_replica(database_url, data_dir)) for name in names
        }
        proxy = stack.enter_context(start_proxy({n: r.port for n, r in replicas.items()}, haproxy))
        yield Topology(database_url, replicas, proxy)


@pytest.fixture
def topology(service_database: str, tmp_path: Path) -> Iterator[Topology]:
    """Two replicas and the proxy, for one test (a test may kill a replica)."""
    with start_topology(service_database, tmp_path / "data") as running:
        yield running
