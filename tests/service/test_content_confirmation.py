"""Two replicas read the same content folder: an edit that removes a phase is held back by both,
and once staff confirm it on the Beheer page one of them drew, the other serves it too, within
seconds (``toolkaart/web/content_cache.py``: the confirmation is in the database, and a replica
that holds a change back has a thread ask there every 5 s). Before, the other replica went on
serving the old route until it was restarted. The replicas need not have seen the same edits on
the way: here only one saw an earlier rename (nobody opened a page on the other meanwhile).
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import Any

import pytest

from benchmarks.measure import streamlit_server
from benchmarks.topology import replica_env
from tests.browser.conftest import goto
from tests.conftest import REPO
from tests.contentedit import drop_last_phase, replace_text
from tests.service.conftest import fresh_database, postgres_admin_url_or_skip
from toolkaart.i18n.catalog import t
from toolkaart.serve import SERVER

pytestmark = [pytest.mark.service, pytest.mark.browser, pytest.mark.timeout(180)]


def route_of(page: Any, url: str) -> str:
    """The home page's line on the walk, which names how many phases the route has."""
    goto(page, url)
    return str(page.locator('[data-testid="stProgress"] p').first.inner_text())


def test_a_removal_confirmed_on_one_replica_is_served_by_the_other(
    browser: Any, content_copy: Path, tmp_path: Path
) -> None:
    seven = t("home.progress", passed=0, total=7, current="Idee")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    with contextlib.ExitStack() as stack:
        stack.callback(context.close)
        url = stack.enter_context(fresh_database(postgres_admin_url_or_skip()))
        env = {**replica_env(url, tmp_path / "data"), "TOOLKAART_CONTENT": str(content_copy)}
        a, b = (stack.enter_context(streamlit_server(SERVER, env=env, cwd=REPO)) for _ in "ab")
        on_a, on_b = context.new_page(), context.new_page()
        assert route_of(on_a, a.url) == route_of(on_b, b.url) == seven

        replace_text(content_copy / "phases.yaml", "name: Idee", "name: Idee en vraag")
        renamed = t("home.progress", passed=0, total=7, current="Idee en vraag")
        assert route_of(on_a, a.url) == renamed  # a serves the rename; b had no visitor
        drop_last_phase(content_copy)  # b sees both edits at once, a only this one
        assert route_of(on_a, a.url) == renamed  # held back by a ...
        assert route_of(on_b, b.url) == seven  # ... and by b, with the rename it came with
        six = t("home.progress", passed=0, total=6, current="Idee en vraag")
        goto(on_a, f"{a.url}/beheer")
        on_a.get_by_role("button", name=t("beheer.held_back.confirm")).click()
        on_a.get_by_text(t("beheer.held_back.done")).wait_for()
        confirmed = time.monotonic()
        assert route_of(on_a, a.url) == six

        while (shown := route_of(on_b, b.url)) != six:  # a person opening a page on b
            assert shown == seven, shown
            assert time.monotonic() - confirmed < 20, "replica b still serves the old route"
            on_b.wait_for_timeout(500)
        waited = time.monotonic() - confirmed
        print(f"replica b served the confirmed change {waited:.1f} s after the press")
        assert waited < 12  # its 5 s between questions, and a page load or two
