"""What the server offers whoever runs it: ``/ready`` with the database, page errors and content
events in the log (the server itself, started by ``toolkaart serve``: tests/test_serve_log.py)."""

from __future__ import annotations

import asyncio
import logging
import re
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from starlette.applications import Starlette
from streamlit import file_util

from tests.store.test_store_events import logged
from toolkaart.access.permissions import LOCAL
from toolkaart.i18n.catalog import t
from toolkaart.settings import settings
from toolkaart.store.engine import head_revision
from toolkaart.store.project_store import Store
from toolkaart.web import content_cache
from toolkaart.web.operations import page_error, routes, show_page_error
from toolkaart.web.page_registry import APP_PAGES, PAGE_ADDRESSES

#: Nothing listens on port 1: a PostgreSQL server that is not there.
NO_SERVER = "postgresql+psycopg://toolkaart:geheim@127.0.0.1:1/toolkaart"


async def _get(path: str, base_url_path: str = "") -> httpx.Response:
    transport = httpx.ASGITransport(app=Starlette(routes=routes(base_url_path)))
    async with httpx.AsyncClient(transport=transport, base_url="http://toolkaart") as client:
        return await client.get(path)


def ready() -> tuple[int, dict[str, object]]:
    """``/ready``'s status and body, as the server's route answers them (without a server)."""
    settings.cache_clear()
    answer = asyncio.run(_get("/ready"))
    assert answer.headers["cache-control"] == "no-store"
    return answer.status_code, answer.json()


def test_ready_answers_200_with_the_database_at_the_newest_revision() -> None:
    Store(settings().database_url, acting=LOCAL).close()  # created and migrated
    head = head_revision()
    assert ready() == (
        200,
        {"ready": True, "database": "ready", "revision": head, "expected": head},
    )


def test_ready_answers_503_when_the_database_is_unreachable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TOOLKAART_DATABASE_URL", NO_SERVER)
    code, body = ready()
    assert (code, body["ready"], body["database"], body["revision"]) == (
        503,
        False,
        "unreachable",
        None,
    )
    assert "geheim" not in str(body) and "127.0.0.1" not in str(body)


def test_ready_answers_503_before_the_migrations_and_at_another_revision() -> None:
    assert ready()[0:2] == (503, {"ready": False, "database": "empty", "revision": None,
                                  "expected": head_revision()})  # fmt: skip
    store = Store(settings().database_url, acting=LOCAL)
    with store.write() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '0003'"))
    code, body = ready()
    assert (code, body["database"], body["revision"]) == (503, "other_revision", "0003")


def test_an_error_no_page_handled_is_logged_by_its_class_and_the_reference_shown(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="toolkaart")
    assert page_error(KeyError("anouk@amstel.nl")) is True  # ours drawn: Streamlit's suppressed
    assert [r.levelno for r in caplog.records if r.name == "toolkaart.events"] == [logging.ERROR]
    [(event, fields)] = logged(caplog)
    assert event == "page.error" and set(fields) == {"error", "reference"}
    assert fields["error"] == "KeyError" and re.fullmatch(r"[0-9a-f]{8}", fields["reference"])
    assert "anouk" not in caplog.text


def test_a_page_error_shown_where_the_page_stopped_is_logged_with_the_same_reference(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="toolkaart")
    error = RuntimeError("kapot")
    reference = show_page_error(error)  # app.py, before the frame; then raised on
    assert error.__notes__ == [f"toolkaart-kenmerk: {reference}"]  # in Streamlit's traceback
    assert page_error(error) is True
    assert logged(caplog) == [("page.error", {"error": "RuntimeError", "reference": reference})]


def test_an_error_while_a_page_error_is_shown_keeps_the_one_reference_shown(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The frame failing after a page's error was shown: no second message; the log names the
    reference the person read."""
    caplog.set_level(logging.INFO, logger="toolkaart")
    page = RuntimeError("kapot")
    reference = show_page_error(page)
    try:
        try:
            raise page
        except RuntimeError:
            raise KeyError("frame")  # noqa: B904 - raised while handling it, as frame() would
    except KeyError as frame_error:
        assert frame_error.__context__ is page
        assert page_error(frame_error) is True  # nothing drawn: the one message stands
    assert logged(caplog) == [("page.error", {"error": "KeyError", "reference": reference})]


def test_broken_content_is_logged_once_and_a_reload_each_time(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("TOOLKAART_CONTENT", str(content_copy))
    settings.cache_clear()
    caplog.set_level(logging.INFO, logger="toolkaart")
    content_cache.reload_content()
    phases = content_copy / "phases.yaml"
    phases.write_text(phases.read_text(encoding="utf-8") + "\n  - id: [\n", encoding="utf-8")
    for _ in range(3):  # every rerun asks: the broken files are loaded and logged once
        assert content_cache.loaded_content().on_disk.toolkaart is None
    content_cache.reload_content()
    events = logged(caplog)
    assert [event for event, _fields in events] == [
        "content.reloaded",
        "content.invalid",
        "content.invalid",  # the reload read the files again
        "content.reloaded",
    ]
    assert events[0][1] == {"errors": 0}
    assert events[1][1]["errors"] >= 1


def test_a_page_address_is_streamlits_document_told_that_its_server_is_here() -> None:
    """Opened at ``/fase``, Streamlit's frontend would first look for its server at ``/fase``
    (404, then 100 ms of waiting): the document says where it is before Streamlit's code runs."""
    streamlits = (Path(file_util.get_static_dir()) / "index.html").read_text(encoding="utf-8")
    for address in PAGE_ADDRESSES:
        answer = asyncio.run(_get(f"/{address}?project=p-1"))
        assert answer.status_code == 200
        assert answer.headers["cache-control"] == "no-cache"  # a new version is never stale
        document = answer.text
        told = (
            "<script>window.__streamlit = "
            '{BACKEND_BASE_URL: new URL(".", window.location.href).href};</script>'
        )
        assert document.index(told) < document.index('<script type="module"')  # before Streamlit
        assert document.replace(told, "") == streamlits  # otherwise Streamlit's own document


def test_the_served_page_addresses_are_the_apps_pages_but_home() -> None:
    """Each page is at its file's name (page_registry._make_pages); the home page is at ``/``,
    which Streamlit serves itself, as it does any address that is not a page."""
    files = {script.stem for script in APP_PAGES.glob("*.py")}
    assert set(PAGE_ADDRESSES) == files - {"home"}
    assert len(PAGE_ADDRESSES) == len(set(PAGE_ADDRESSES)) == 10
    assert asyncio.run(_get("/")).status_code == 404  # not ours: Streamlit's
    assert asyncio.run(_get("/fase/_stcore/health")).status_code == 404


def test_an_address_under_a_page_is_a_dutch_not_found_page_with_the_way_home() -> None:
    """``/fase/x`` (a link cut short or mistyped) was Streamlit's document, whose scripts could
    not load there: a white page that never loaded. Now a small Dutch page says so (404)."""
    cases = (("/fase/x", "../"), ("/actoren/a/b", "../../"), ("/zelfscan/x/", "../../"),
             ("/fase/a%2Fb", "../"))  # an encoded slash is no step up  # fmt: skip
    for path, up in cases:
        answer = asyncio.run(_get(path))
        assert answer.status_code == 404
        assert '<html lang="nl">' in answer.text
        assert f"<h1>{t('page.missing.title')}</h1>" in answer.text
        assert f'<a href="{up}">{t("page.missing.home")}</a>' in answer.text
        assert "<script" not in answer.text


def test_a_page_address_with_a_trailing_slash_goes_to_the_page_as_before() -> None:
    answer = asyncio.run(_get("/fase/?fase=pilot-a&project=p-1"))
    assert answer.headers["cache-control"] == "no-cache"  # a browser keeps a 301 otherwise
    assert (answer.status_code, answer.headers["location"]) == (
        301,
        "../fase?fase=pilot-a&project=p-1",
    )
    answer = asyncio.run(_get("/hulpmiddelen/"))
    assert (answer.status_code, answer.headers["location"]) == (301, "../hulpmiddelen")


@pytest.mark.parametrize("configured", ["toolkaart", "/toolkaart/", "toolkaart/"])
def test_under_a_path_prefix_every_address_of_ours_moves_with_the_app(configured: str) -> None:
    """Served at ``/toolkaart/`` (``server.baseUrlPath``, where Streamlit then puts its own
    routes), ``/ready``, the page addresses and the Dutch "not found" are there too, and the way
    home from under a page stops at the app's root."""
    settings.cache_clear()
    Store(settings().database_url, acting=LOCAL).close()

    def get(path: str) -> httpx.Response:
        return asyncio.run(_get(path, configured))

    assert get("/toolkaart/ready").status_code == 200
    assert "BACKEND_BASE_URL" in get("/toolkaart/fase?fase=idee").text
    cases = (("/toolkaart/fase/x", "../"), ("/toolkaart/actoren/a/b", "../../"),
             ("/toolkaart%2Ffase/x", "/toolkaart/"))  # spelt otherwise: from the root  # fmt: skip
    for path, up in cases:
        answer = get(path)
        assert answer.status_code == 404
        assert f'<a href="{up}">{t("page.missing.home")}</a>' in answer.text
    answer = get("/toolkaart/fase/?fase=idee")
    assert (answer.status_code, answer.headers["location"]) == (301, "../fase?fase=idee")
    assert {get(path).status_code for path in ("/ready", "/fase", "/fase/x")} == {404}
