"""A page opened at its own address (a link, a bookmark, a refresh) finds its server at once.

Streamlit's frontend, opened at ``/toegankelijkheid``, first looked for its server at
``/toegankelijkheid/_stcore/health``, got 404 and waited 100 ms before it asked ``/_stcore/health``
(``toolkaart.web.operations.page_document`` serves the page addresses told where the server is).
These walks check that it now asks the right place first, and that everything a person does
after that is as before: the page in Dutch, moving between pages, a refresh (the projects walk
keeps a project across the pages).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from tests.browser.conftest import REQUIRE_FLAG, SCREENSHOTS, goto, settle, start_streamlit
from tests.browser.test_every_page import AXE, AXE_TAGS, RUN_AXE
from tests.conftest import unavailable
from toolkaart.access.permissions import LOCAL
from toolkaart.i18n.catalog import t
from toolkaart.store.project_store import Store

pytestmark = pytest.mark.browser


def _server_requests(page: Any) -> list[str]:
    """The paths of the requests the page makes to Streamlit's server endpoints, in order."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(urlparse(request.url).path))
    page.on("websocket", lambda socket: seen.append(urlparse(socket.url).path))
    return seen


def test_a_page_opened_at_its_address_asks_for_its_server_once_at_the_root(
    page: Any, app_url: str
) -> None:
    seen = _server_requests(page)
    goto(page, f"{app_url}/toegankelijkheid")
    asked = [path for path in seen if "/_stcore/" in path]
    assert not [path for path in asked if path.startswith("/toegankelijkheid/")], asked
    assert asked.count("/_stcore/health") == 1, asked
    assert "/_stcore/stream" in asked, asked
    assert page.locator("h1").inner_text() == "Toegankelijkheidsverklaring"
    assert page.evaluate("document.documentElement.lang") == "nl"


def test_after_a_page_address_the_pages_links_and_a_refresh_work_as_before(
    page: Any, app_url: str
) -> None:
    goto(page, f"{app_url}/fase?fase=pilot-a")
    assert page.locator("h1").inner_text() == "Fase 4: Pilot A"
    page.locator('[data-testid="stSidebar"] a', has_text="Actoren").click()
    page.wait_for_url(f"{app_url}/actoren")
    settle(page)
    assert page.locator("h1").inner_text() == "Actoren"
    page.locator('[data-testid="stSidebar"] a', has_text="Toolkaart").first.click()
    page.wait_for_url(f"{app_url}/")
    settle(page)
    assert page.locator("h1").inner_text().startswith("Toolkaart")
    goto(page, f"{app_url}/hulpmiddelen")
    page.reload()
    settle(page)
    assert urlparse(page.url).path == "/hulpmiddelen"
    assert page.locator("h1").inner_text() == "Hulpmiddelen"


def test_an_address_under_a_page_says_so_in_dutch_and_leads_home(page: Any, app_url: str) -> None:
    """``/fase/x`` (a link cut short or mistyped) was a white page that never loaded."""
    if not AXE.exists():
        unavailable(
            f"axe-core is not installed at {AXE} (npm ci --prefix tests/node)", REQUIRE_FLAG
        )
    answer = page.goto(f"{app_url}/fase/pilot-a")
    assert answer is not None and answer.status == 404
    assert page.locator("h1").inner_text() == t("page.missing.title")
    assert page.evaluate("document.documentElement.lang") == "nl"
    page.add_script_tag(path=str(AXE))
    assert page.evaluate(RUN_AXE, [AXE_TAGS, []]) == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=str(SCREENSHOTS / "page-missing.png")
    )  # not Streamlit's: no run to wait for
    page.get_by_role("link", name=t("page.missing.home")).click()
    page.wait_for_url(f"{app_url}/")
    settle(page)
    assert page.locator("h1").inner_text().startswith("Toolkaart")


def test_under_a_path_prefix_pages_links_a_refresh_and_not_found_work(
    page: Any, tmp_path: Path
) -> None:
    """A hospital's proxy serves the navigator at ``/toolkaart/`` (``server.baseUrlPath``): a
    page's own address finds its server at once there too, links and a refresh stay under the
    prefix, an address under a page is the Dutch "not found" whose way home stops at the app's
    root, and ``/ready`` is there as well."""
    env = {
        "STREAMLIT_SERVER_BASE_URL_PATH": "toolkaart",
        "TOOLKAART_DATABASE_URL": f"sqlite:///{tmp_path / 't.sqlite3'}",
        "TOOLKAART_DATA_DIR": str(tmp_path),
    }
    Store(env["TOOLKAART_DATABASE_URL"], acting=LOCAL).close()  # migrated: /ready says 200
    with start_streamlit(env=env) as server:
        root = f"{server.url}/toolkaart"
        seen = _server_requests(page)
        goto(page, f"{root}/fase?fase=pilot-a")
        assert page.locator("h1").inner_text() == "Fase 4: Pilot A"
        asked = [path for path in seen if "/_stcore/" in path]
        assert asked.count("/toolkaart/_stcore/health") == 1, asked
        assert [path for path in asked if not path.startswith("/toolkaart/_stcore/")] == []
        page.locator('[data-testid="stSidebar"] a', has_text="Actoren").click()
        page.wait_for_url(f"{root}/actoren")
        settle(page)
        assert page.locator("h1").inner_text() == "Actoren"
        page.reload()
        settle(page)
        assert page.locator("h1").inner_text() == "Actoren"

        answer = page.goto(f"{root}/fase/pilot-a")
        assert answer is not None and answer.status == 404
        assert page.locator("h1").inner_text() == t("page.missing.title")
        page.get_by_role("link", name=t("page.missing.home")).click()
        page.wait_for_url(f"{root}/")
        settle(page)
        assert page.locator("h1").inner_text().startswith("Toolkaart")

        ready = page.request.get(f"{root}/ready")
        assert (ready.status, ready.json()["ready"]) == (200, True)
