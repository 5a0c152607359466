"""Each page's document names the code of exactly the kinds of element the page draws when it is
opened (``page_registry.FIRST_ELEMENTS``, ``toolkaart.web.element_code``), so that Chromium asks
for none of it after the websocket has opened.

Opened in a fresh context (empty cache), as the cold-load bench opens them (local mode, the
Zelfscan with a project): once with the named code taken out of the document, to see what the
page loads by itself (it must be what is named: nothing missing, which would cost a wait, and
nothing more, which would cost bytes), and once as served.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from streamlit import file_util

from benchmarks.cold_load import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DRAWN_JS,
    VISIBLE_JS,
    Target,
    _until,
    page_targets,
    seed,
)
from tests.browser.conftest import start_streamlit
from toolkaart.content.loader import load_toolkaart
from toolkaart.settings import SHIPPED_CONTENT_DIR
from toolkaart.web import element_code
from toolkaart.web.page_registry import FIRST_ELEMENTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

MODULE_LINK = re.compile(r'<link rel="modulepreload"[^>]*>')
STREAMLITS_DOCUMENT = (Path(file_util.get_static_dir()) / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[Target]]]:
    data = tmp_path_factory.mktemp("element-code")
    database = f"sqlite:///{data / 'toolkaart.sqlite3'}"
    project_id = seed(database)
    env = {"TOOLKAART_DATABASE_URL": database, "TOOLKAART_DATA_DIR": str(data)}
    with start_streamlit(env=env) as server:
        yield server.url, page_targets(load_toolkaart(SHIPPED_CONTENT_DIR), project_id)


@pytest.fixture(scope="module")
def browser_for_changed_documents(browser: Any) -> Iterator[Any]:
    """Chromium that lets a page whose document the test changed (``route.fulfill``) connect to
    the server: such a document counts as from the public internet, and Chromium refuses it a
    websocket to 127.0.0.1 (local network access checks)."""
    changed = browser.browser_type.launch(
        executable_path=str(CHROMIUM),
        args=[*CHROMIUM_ARGS, "--disable-features=LocalNetworkAccessChecks"],
    )
    yield changed
    changed.close()


def _without_named_code(route: Any) -> None:
    """The page's document as served, less every module link Streamlit's own does not have."""
    response = route.fetch()
    body = MODULE_LINK.sub(
        lambda link: link[0] if link[0] in STREAMLITS_DOCUMENT else "", response.text()
    )
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
    route.fulfill(status=response.status, headers=headers, body=body)


def _open(browser: Any, url: str, target: Target, *, named: bool) -> tuple[set[str], set[str]]:
    """Open ``target`` cold: the kinds of element whose code was asked for, before and after
    the websocket opened."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    try:
        page = context.new_page()
        path = urlparse(url + target.path).path
        if not named:
            context.route(lambda address: urlparse(address).path == path, _without_named_code)
        # kinds of element are named like components (``Checkbox``); the rest are libraries
        # Streamlit loads for other reasons (``lib``: the emoji of a page's icon)
        own_files = {
            files[0]: kind
            for kind, files in element_code._streamlits_element_files().items()
            if kind[0].isupper()
        }
        before: set[str] = set()
        after: set[str] = set()
        opened: list[bool] = []
        page.on("websocket", lambda _socket: opened.append(True))

        def asked(request: Any) -> None:
            kind = own_files.get(request.url.rsplit("/", 1)[-1])
            if kind:
                (after if opened else before).add(kind)

        page.on("request", asked)
        page.goto(url + target.path, wait_until="commit")
        _until(page, VISIBLE_JS, [target.selector, target.text])
        _until(page, DRAWN_JS)
        page.wait_for_load_state("networkidle")
        return before, after
    finally:
        context.close()


def test_each_page_names_the_code_of_the_elements_it_draws_nothing_less_nothing_more(
    browser_for_changed_documents: Any, served: tuple[str, list[Target]]
) -> None:
    url, targets = served
    found = {}
    for target in targets:
        before, after = _open(browser_for_changed_documents, url, target, named=False)
        assert not before, (target.name, before)  # nothing of it named any more
        found[target.name] = after
    expected = {
        target.name: set(FIRST_ELEMENTS[urlparse(target.path).path.strip("/")])
        for target in targets
    }
    assert found == expected


def test_as_served_no_page_asks_for_element_code_after_its_websocket_opened(
    browser: Any, served: tuple[str, list[Target]]
) -> None:
    url, targets = served
    late = {}
    for target in targets:
        before, after = _open(browser, url, target, named=True)
        late[target.name] = after
        assert before == set(FIRST_ELEMENTS[urlparse(target.path).path.strip("/")]), target.name
    assert late == {target.name: set() for target in targets}
