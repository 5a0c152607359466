"""The container's health check asks ``/ready`` where the server serves it, prefix included."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from toolkaart import ready_probe
from toolkaart.settings import ENV_BASE_URL_PATH, served_path


@pytest.mark.parametrize(
    ("variable", "url"),
    [
        (None, "http://127.0.0.1:8501/ready"),
        ("", "http://127.0.0.1:8501/ready"),
        ("toolkaart", "http://127.0.0.1:8501/toolkaart/ready"),
        (" /toolkaart/ ", "http://127.0.0.1:8501/toolkaart/ready"),
        ("zorg/toolkaart", "http://127.0.0.1:8501/zorg/toolkaart/ready"),
    ],
)
def test_the_probe_asks_ready_under_the_base_path(variable: str | None, url: str) -> None:
    environ = {} if variable is None else {ENV_BASE_URL_PATH: variable}
    assert ready_probe.ready_url(served_path(environ)) == url


@pytest.fixture
def server() -> Iterator[tuple[int, list[str]]]:
    """A server that is ready only at ``/toolkaart/ready``, and one ``/busy/ready`` that is not
    (503, as the app's answers while its database is out of reach); the paths asked."""
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            status = {"/toolkaart/ready": 200, "/busy/ready": 503}.get(self.path, 404)
            self.send_response(status)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd.server_address[1], asked
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_ready_under_its_prefix_is_healthy_and_the_root_is_not_asked(
    server: tuple[int, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    port, asked = server
    assert ready_probe.main("toolkaart", port) == 0
    assert asked == ["/toolkaart/ready"]
    assert ready_probe.main("", port) == 1  # the root's /ready: 404 on a server under a prefix
    assert ready_probe.main("busy", port) == 1
    assert asked[1:] == ["/ready", "/busy/ready"]
    err = capsys.readouterr().err
    assert f"http://127.0.0.1:{port}/ready: HTTP 404" in err
    assert "busy/ready: HTTP 503" in err


def test_the_probe_reads_the_path_from_the_environment(
    server: tuple[int, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    port, asked = server
    monkeypatch.setenv(ENV_BASE_URL_PATH, "toolkaart")
    assert ready_probe.main(port=port) == 0
    assert asked == ["/toolkaart/ready"]


def test_no_server_is_unhealthy_with_the_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert ready_probe.main("", port=9, timeout=1.0) == 1  # port 9 (discard): nobody listens
    assert "http://127.0.0.1:9/ready" in capsys.readouterr().err
