"""Through the proxy: each browser session stays on the replica it was given, and works end to end.

Four people open their own project in the Zelfscan through HAProxy, tick an item and pass the
gate. The proxy hands new visitors out in turn (round robin) and pins each to its replica with the
``SERVERID`` cookie it inserts; every response of a person's session, the websocket's included,
must come from that replica, and the database must hold their work.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.appkit import opening
from tests.browser.conftest import goto, settle
from tests.browser.test_feedback_walk import answer_label
from tests.service.conftest import CLIENT_COOKIE, REPLICA_HEADER, STICKY_COOKIE, Topology
from toolkaart.access.permissions import LOCAL
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.route.gates import Answer
from toolkaart.store.project_store import Store

pytestmark = [pytest.mark.service, pytest.mark.browser, pytest.mark.timeout(180)]

PEOPLE = 4


def test_browser_sessions_stay_on_their_replica_and_their_work_is_stored(
    topology: Topology, browser: Any, toolkaart: Toolkaart
) -> None:
    from playwright.sync_api import expect

    idee, verkenning = toolkaart.phase("idee"), toolkaart.phase("verkenning")
    store = Store(topology.database_url, acting=LOCAL)
    contexts = []
    try:
        sessions = []
        for number in range(PEOPLE):
            name = f"sticky-{number}"
            project = store.create(f"Plakkerig {number}", "Ziekenhuis Zuid")
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
            context.set_default_timeout(30_000)
            context.add_cookies([{"name": CLIENT_COOKIE, "value": name, "url": topology.url}])
            contexts.append(context)
            page = context.new_page()
            answered_by: list[str] = []
            page.on(
                "response",
                lambda response, seen=answered_by: seen.append(
                    response.headers.get(REPLICA_HEADER.lower(), "")
                ),
            )
            goto(page, f"{topology.url}/zelfscan?project={project.id}")
            sessions.append((name, project.id, context, page, answered_by))

        for _name, _project_id, _context, page, _seen in sessions:
            page.locator("label").filter(has_text=idee.checklist[0].text).first.click()
            settle(page)
            answer_label(page, "ja").click()
            settle(page)
            page.get_by_label(t("gate.form.decided_by")).fill("Stuurgroep")
            page.locator("label").filter(has_text=opening("gate.form.confirm").rstrip()).click()
            settle(page)
            page.get_by_role("button", name=t("gate.form.submit")).click()
            settle(page)
            passed = t("phase.gate.passed", phase=idee.name, next=verkenning.name)
            expect(page.get_by_role("status").filter(has_text=passed)).to_be_visible()

        given: dict[str, str] = {}
        for name, project_id, context, _page, answered_by in sessions:
            cookie = {c["name"]: c["value"] for c in context.cookies(topology.url)}
            replica = cookie[STICKY_COOKIE]
            given[name] = replica
            # every response the browser saw came from its replica
            assert set(answered_by) == {replica}, (name, replica, set(answered_by))
            # and so did every request the proxy logged for it: one websocket, on that replica
            lines = [line for line in topology.proxy.log_lines() if f'"{name}"' in line]
            assert {line.split()[2] for line in lines} == {replica}, lines
            assert sum(line.endswith("/_stcore/stream") for line in lines) == 1, lines
            # the work is in the database
            walk = store.get(project_id).assessment
            assert walk.checked_in("idee") == {idee.checklist[0].id}
            assert [d.answer for d in walk.decisions] == [Answer.JA]
        # new visitors were handed out in turn
        assert sorted(given.values()) == ["a", "a", "b", "b"], given
    finally:
        for context in contexts:
            context.close()
        store.close()
