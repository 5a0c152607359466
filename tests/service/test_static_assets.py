"""Streamlit's static files reach a browser compressed and cacheable through the compose set-up's
proxy, and cacheable (not compressed) from plain ``toolkaart serve``.

The proxy is HAProxy with ``deploy/haproxy.cfg`` itself, moved onto loopback
(``benchmarks.topology.compose_haproxy_config``), in front of one server started as ``toolkaart
serve`` starts it. What plain ``toolkaart serve`` does is Streamlit 1.67's own: its Starlette
server sends the hashed files with a year's cache and never compresses them (nor the root
document): ``streamlit/web/server/starlette/starlette_gzip_middleware.py`` says why. If a later
Streamlit changes that, the first test says so, and README ("Containers") must follow.
"""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import pytest

from benchmarks.measure import Server, streamlit_server
from benchmarks.topology import Proxy, compose_haproxy_config, start_proxy
from tests.conftest import REPO
from tests.service.conftest import haproxy_or_skip
from toolkaart.serve import APP

pytestmark = [pytest.mark.service, pytest.mark.timeout(120)]

A_YEAR = "max-age=31536000"
#: The sticky cookie of deploy/haproxy.cfg, which a browser sends after its first response.
REPLICA_COOKIE = "TOOLKAART_REPLICA=app1"


@dataclass(frozen=True)
class Answer:
    status: int
    headers: Message
    body: bytes

    def cache_control(self) -> str:
        return ", ".join(self.headers.get_all("Cache-Control") or [])


def fetch(url: str, *, gzip_ok: bool = True, cookie: str | None = REPLICA_COOKIE) -> Answer:
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    if cookie:
        headers["Cookie"] = cookie
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as r:
        return Answer(r.status, r.headers, r.read())


@dataclass(frozen=True)
class Running:
    server: Server
    proxy: Proxy
    #: The hashed files the app's page loads first: its main script and its style sheet.
    assets: tuple[str, str]


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    haproxy = haproxy_or_skip()
    data = tmp_path_factory.mktemp("static-assets")
    env = {
        "TOOLKAART_DATABASE_URL": f"sqlite:///{data / 'toolkaart.sqlite3'}",
        "TOOLKAART_DATA_DIR": str(data),
    }
    with (
        streamlit_server(APP, env=env, cwd=REPO) as server,
        start_proxy({"app1": server.port}, haproxy, compose_haproxy_config) as proxy,
    ):
        page = fetch(server.url + "/", gzip_ok=False).body.decode()
        script = re.search(r'src="\./(static/js/index\.[^"]+\.js)"', page)
        style = re.search(r'href="\./(static/css/index\.[^"]+\.css)"', page)
        assert script and style, page
        yield Running(server, proxy, (script.group(1), style.group(1)))


def test_plain_serve_sends_hashed_files_cacheable_for_a_year_and_uncompressed(
    running: Running,
) -> None:
    for asset in running.assets:
        answer = fetch(f"{running.server.url}/{asset}")
        assert answer.status == 200
        assert A_YEAR in answer.cache_control() and "immutable" in answer.cache_control()
        assert answer.headers.get("Content-Encoding") is None, asset
    root = fetch(running.server.url + "/")
    assert root.cache_control() == "no-cache"
    assert root.headers.get("Content-Encoding") is None


@pytest.mark.parametrize(
    "cookie", [REPLICA_COOKIE, None], ids=["with-sticky-cookie", "first-visit"]
)
def test_the_compose_proxy_sends_hashed_files_gzipped_and_cacheable_for_a_year(
    running: Running, cookie: str | None
) -> None:
    for asset in running.assets:
        original = fetch(f"{running.server.url}/{asset}", gzip_ok=False).body
        answer = fetch(f"{running.proxy.url}/{asset}", cookie=cookie)
        assert answer.status == 200
        assert answer.headers.get("Content-Encoding") == "gzip", asset
        assert "Accept-Encoding" in (answer.headers.get("Vary") or "")
        assert gzip.decompress(answer.body) == original
        assert len(answer.body) < len(original) / 2, (asset, len(answer.body), len(original))
        assert A_YEAR in answer.cache_control() and "immutable" in answer.cache_control()


def test_the_compose_proxy_gzips_the_page_and_keeps_it_uncached(running: Running) -> None:
    for path in ("/", "/fase?fase=idee"):
        answer = fetch(running.proxy.url + path)
        assert answer.headers.get("Content-Encoding") == "gzip", path
        assert b"<!doctype html>" in gzip.decompress(answer.body).lower()
        assert answer.cache_control() == "no-cache", path


def test_the_compose_proxy_sends_plain_bytes_to_a_client_that_does_not_ask_for_gzip(
    running: Running,
) -> None:
    asset = running.assets[0]
    answer = fetch(f"{running.proxy.url}/{asset}", gzip_ok=False)
    assert answer.headers.get("Content-Encoding") is None
    assert answer.body == fetch(f"{running.server.url}/{asset}", gzip_ok=False).body


def test_a_static_name_streamlit_lacks_is_not_cached_a_year_through_the_proxy(
    running: Running,
) -> None:
    """Streamlit answers an unknown name with its index.html (200, no-cache): during an upgrade
    a page of the other version asks for such names, and a year's cache would keep the HTML in
    the browser as that script."""
    answer = fetch(f"{running.proxy.url}/static/js/gone.Abc123.js")
    assert answer.headers.get("Content-Type", "").startswith("text/html")
    assert A_YEAR not in answer.cache_control()
    assert "no-cache" in answer.cache_control()


def test_the_health_check_answers_through_the_compose_proxy(running: Running) -> None:
    assert fetch(running.proxy.url + "/_stcore/health").status == 200
    with pytest.raises(urllib.error.HTTPError) as denied:
        fetch(running.proxy.url + "/_stcore/metrics")
    assert denied.value.code == 404


def test_the_loopback_config_is_the_compose_file_moved(running: Running) -> None:
    """What runs here differs from deploy/haproxy.cfg only in where it listens and connects."""
    compose = (REPO / "deploy" / "haproxy.cfg").read_text(encoding="utf-8").splitlines()
    ran = Path(running.proxy.config).read_text(encoding="utf-8").splitlines()
    changed = {line.split()[0] for line in set(compose) ^ set(ran) if line.strip()}
    assert changed == {"bind", "server", "stats"}, changed
