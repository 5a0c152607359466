"""In a real browser: the Portfolio page of a synthetic portfolio, its flow charts drawn with Dutch
axes at desktop and phone widths (screenshots), and its calendar downloaded and parsed back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import icalendar
import pytest

from benchmarks.synthetic import synthetic_portfolio
from tests.browser.conftest import goto, screenshot, settle, start_streamlit
from toolkaart.access.permissions import LOCAL
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.i18n.dates import local_today
from toolkaart.store.project_store import Store

pytestmark = pytest.mark.browser


def seed(url: str, toolkaart: Toolkaart) -> int:
    """Thirty synthetic projects of five hospitals; returns how many have a review date."""
    store = Store(url, acting=LOCAL)
    reviews = 0
    for project in synthetic_portfolio(toolkaart, 30, today=local_today(), seed=16):
        store.insert(project)
        reviews += project.status(toolkaart).next_review is not None
    store.close()
    return reviews


def test_the_portfolio_flow_at_desktop_and_phone_width_and_its_calendar(
    page: Any, tmp_path: Path, toolkaart: Toolkaart
) -> None:
    from playwright.sync_api import expect

    database = f"sqlite:///{tmp_path / 'flow.sqlite3'}"
    reviews = seed(database, toolkaart)
    assert reviews > 0  # the seed has a project in use, so the calendar has a date
    with start_streamlit(env={"TOOLKAART_DATABASE_URL": database}) as server:
        goto(page, f"{server.url}/portfolio")
        for heading in ("portfolio.flow.heading", "portfolio.flow.outcomes.heading"):
            expect(page.get_by_role("heading", name=t(heading))).to_be_visible()
        charts = page.locator("[data-testid=stVegaLiteChart]")
        expect(charts).to_have_count(3)
        # the axes speak Dutch (Vega draws their titles as SVG text)
        for title in (t("flow.axis.days"), t("flow.axis.decisions"), t("flow.col.answer")):
            expect(page.locator("svg text", has_text=title).first).to_be_attached()
        screenshot(page, "portfolio-flow-1280")

        with page.expect_download() as caught:
            page.get_by_role("button", name=t("portfolio.calendar.download")).click()
        download = caught.value
        assert download.suggested_filename == "toolkaart-alle-organisaties.ics"
        calendar = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
        uids = [str(event["UID"]) for event in calendar.walk("VEVENT")]
        assert len(uids) == reviews and all(uid.startswith("review-") for uid in uids)

        page.set_viewport_size({"width": 390, "height": 844})
        settle(page)
        expect(page.get_by_role("heading", name=t("portfolio.flow.heading"))).to_be_visible()
        for table in ("portfolio.flow.table", "portfolio.flow.outcomes.table"):
            page.get_by_text(t(table), exact=True).click()
        expect(page.get_by_role("columnheader", name=t("answer.nog niet"))).to_be_visible()
        screenshot(page, "portfolio-flow-390", max_height=12000)

        # the agenda's overview item carries the same flow
        page.set_viewport_size({"width": 1280, "height": 900})
        goto(page, f"{server.url}/agenda")
        page.get_by_role("button", name=t("agenda.compose")).click()
        settle(page)
        expect(page.get_by_text(t("agenda.doc.flow.outcomes"), exact=True)).to_be_visible()
        screenshot(page, "agenda-flow-1280")
