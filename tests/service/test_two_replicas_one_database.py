"""Two replicas on one database: starting one never disturbs the other.

A replica migrates the database when it first opens its store (``toolkaart/store/engine.py``: the
Alembic upgrade runs in one transaction that holds a PostgreSQL advisory lock). So a replica that
starts beside a running one migrates (a no-op on a current schema) while the other serves people,
and replicas that start at once on an empty database migrate one after the other (without the
lock, one of three such replicas failed its first run in 2 of 4 tries).
"""

from __future__ import annotations

import contextlib
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from benchmarks.measure import LoadFigures, drive_sessions
from tests.browser.conftest import goto, settle
from tests.service.conftest import fresh_database, postgres_admin_url_or_skip, start_replica
from toolkaart.access.permissions import LOCAL
from toolkaart.content.models import Toolkaart
from toolkaart.store.engine import Database
from toolkaart.store.project_store import Store

pytestmark = [pytest.mark.service, pytest.mark.timeout(180)]

CONNECTED = "[data-testid=stApp][data-test-connection-state=CONNECTED]"


def stored_in_time(store: Store, project_id: str, item_id: str, page: Any) -> None:
    """Wait up to 20 s for ``item_id`` to be among the project's stored ticks; fail with what
    the page says (its alerts) when it never is."""
    deadline = time.monotonic() + 20
    while item_id not in store.get(project_id).assessment.checked_in("idee"):
        if time.monotonic() > deadline:
            alerts = page.locator("[role=alert]").all_inner_texts()
            raise AssertionError(f"tick {item_id} shown, not stored; the page says: {alerts}")
        time.sleep(0.2)


def head_revision(url: str) -> str | None:
    database = Database(url)  # migrates too: a no-op when the replicas did it
    try:
        return database.schema_revision()
    finally:
        database.close()


def test_replicas_starting_at_once_on_an_empty_database_all_serve(tmp_path: Path) -> None:
    replicas = 3
    with fresh_database(postgres_admin_url_or_skip()) as url, contextlib.ExitStack() as stack:
        servers = [stack.enter_context(start_replica(url, tmp_path)) for _ in range(replicas)]
        # each replica opens its store (and migrates) at its first run: all at once
        barrier = threading.Barrier(replicas)

        def first_runs(server: Any) -> LoadFigures:
            barrier.wait()
            return drive_sessions(server, 2, 3, "projecten")

        with ThreadPoolExecutor(replicas) as pool:
            figures = list(pool.map(first_runs, servers))
        assert [f.error_messages for f in figures] == [()] * replicas
        assert [f.reruns for f in figures] == [6] * replicas
        for server in servers:
            assert "Traceback" not in server.output()
        engine = sa.create_engine(url)
        with engine.connect() as connection:
            revisions = connection.execute(sa.text("SELECT version_num FROM alembic_version"))
            assert len(revisions.all()) == 1
        engine.dispose()
        assert head_revision(url) is not None


@pytest.mark.browser
def test_a_replica_starting_beside_a_running_one_disturbs_nobody(
    tmp_path: Path, browser: Any, toolkaart: Toolkaart
) -> None:
    from playwright.sync_api import expect

    items = toolkaart.phase("idee").checklist
    with fresh_database(postgres_admin_url_or_skip()) as url, start_replica(url, tmp_path) as a:
        drive_sessions(a, 1, 1, "projecten")  # a migrates the empty database
        store = Store(url, acting=LOCAL)
        project = store.create("Naast elkaar", "Ziekenhuis West")
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        try:
            page = context.new_page()
            goto(page, f"{a.url}/zelfscan?project={project.id}")
            # people keep using a (ten sessions rerunning the Zelfscan, one ticking in Chromium)
            # while b starts on the same database and opens its store
            with ThreadPoolExecutor(1) as pool:
                load = pool.submit(drive_sessions, a, 10, 20, "zelfscan", f"project={project.id}")
                with start_replica(url, tmp_path) as b:
                    on_b = drive_sessions(b, 2, 3, "zelfscan", f"project={project.id}")
                    for item in items[:3]:
                        # a replica this busy may drop a websocket for a moment: the page then
                        # greys its controls until it is back, and a click there does nothing
                        page.wait_for_selector(CONNECTED)
                        page.locator("label").filter(has_text=item.text).first.click()
                        settle(page)
                        expect(page.get_by_role("checkbox", name=item.text).first).to_be_checked()
                        # shown ticked is stored: at once, or as soon as the busy replica gets
                        # to it (a settle can end before a rerun this slow has even begun)
                        stored_in_time(store, project.id, item.id, page)
                    during = load.result()
                    assert "Traceback" not in b.output()
            assert during.error_messages == () and during.reruns == 200
            assert on_b.error_messages == ()
            assert "Traceback" not in a.output()
            assert store.get(project.id).assessment.checked_in("idee") == {i.id for i in items[:3]}
        finally:
            context.close()
            store.close()
