"""In a real browser: a member of staff opens Beheer, edits a YAML file, reloads, sees the change.

Serves a copy of the content with ``streamlit run`` and drives Debian's Chromium (fixtures in
tests/browser/conftest.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import goto, screenshot, settle, start_streamlit
from tests.contentedit import replace_text
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import counted, t

pytestmark = pytest.mark.browser


def test_staff_reload_the_content_and_see_what_changed(
    page: Any, content_copy: Path, toolkaart: Toolkaart
) -> None:
    idee = toolkaart.phase("idee")
    with start_streamlit(env={"TOOLKAART_CONTENT": str(content_copy)}) as server:
        page.set_viewport_size({"width": 1400, "height": 1000})
        goto(page, server.url)
        page.get_by_role("link", name=t("nav.beheer")).click()
        expect(page.get_by_role("heading", name=t("beheer.title"))).to_be_visible()
        expect(page).to_have_url(f"{server.url}/beheer")
        valid = t("beheer.validation.warnings", warnings=counted("warning", 1))
        expect(page.get_by_text(valid)).to_be_visible()
        header = f"{idee.number}. {idee.name}"
        expect(page.get_by_role("columnheader", name=header).first).to_be_visible()

        replace_text(content_copy / "phases.yaml", "name: Idee\n", "name: Ideefase\n")
        page.get_by_role("button", name=t("beheer.reload.button")).click()
        changed = t("beheer.reload.changed", added=0, removed=0, changed=1)
        expect(page.get_by_text(changed)).to_be_visible()
        changes = page.get_by_role("region", name=t("beheer.diff.title"))
        expect(changes).to_contain_text("Ideefase")
        expect(changes).to_contain_text("name")
        settle(page)
        page.mouse.move(0, 0)  # no tooltip over the screenshot
        screenshot(page, "beheer-reload")


def test_a_slip_in_the_files_takes_nothing_down(page: Any, content_copy: Path) -> None:
    """A project team keeps working on the last valid content; staff see the errors and which
    version is live; nobody else sees a path or an error."""
    with start_streamlit(env={"TOOLKAART_CONTENT": str(content_copy)}) as server:
        goto(page, f"{server.url}/fase?fase=pilot-a")
        expect(page.get_by_role("heading", name="Pilot A", exact=False).first).to_be_visible()

        replace_text(
            content_copy / "phases.yaml",
            "tools: [mkba, handelingsruimte,",
            "tools: [mkba, bestaat-niet,",
        )
        goto(page, f"{server.url}/fase?fase=pilot-b")  # the next page the team opens
        expect(page.get_by_role("heading", name="Pilot B", exact=False).first).to_be_visible()
        body = page.locator("body").inner_text()
        assert t("content.unavailable.title") not in body
        assert str(content_copy) not in body and "bestaat-niet" not in body
        screenshot(page, "content-slip-team")

        goto(page, f"{server.url}/beheer")
        expect(page.get_by_text("vorige geldige inhoud", exact=False)).to_be_visible()
        expect(page.get_by_text("bestaat-niet", exact=False).first).to_be_visible()
        screenshot(page, "content-slip-beheer")
