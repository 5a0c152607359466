"""`toolkaart check-links`: offline (well formed, https) and online against a loopback TLS server.

The online check is tested over real HTTPS, not plain HTTP: the content only allows https
addresses, so the honest test exercises what production does (TLS handshake, certificate
verification, no redirects followed). A self-signed certificate for 127.0.0.1 is made with the
``openssl`` command for each test session; the checker trusts it either through its ``context``
parameter or, for the command line, through ``SSL_CERT_FILE`` (read by OpenSSL's default trust
store, exactly as a company CA bundle would be). Nothing here touches the internet.
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import unavailable
from tests.contentedit import edit_yaml, replace_text
from toolkaart.cli import main
from toolkaart.content import web_addresses
from toolkaart.content.web_addresses import Address, check_online
from toolkaart.i18n.catalog import t

SLOW_SECONDS = 3.0
TIMEOUT = 0.5


class _Handler(BaseHTTPRequestHandler):
    """good → 200; moved → 301 to good; missing → 404; slow → answers too late; get-only → 405
    for HEAD and 200 for GET (a server that refuses HEAD)."""

    def _answer(self, head: bool) -> None:
        path = self.path
        if path == "/slow":
            time.sleep(SLOW_SECONDS)
        if path in ("/good", "/slow") or (path == "/get-only" and not head):
            status, headers = 200, {}
        elif path == "/moved":
            status, headers = 301, {"Location": "/good"}
        elif path == "/get-only":
            status, headers = 405, {"Allow": "GET"}
        else:
            status, headers = 404, {}
        body = b"" if head else b"toolkaart test page\n"
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_GET(self) -> None:
        self._answer(head=False)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass(frozen=True)
class Server:
    base: str  # https://127.0.0.1:PORT
    cert: Path

    def address(self, path: str, tool_id: str | None = None) -> Address:
        return Address(tool_id or path.strip("/"), f"{self.base}{path}", "tools.yaml", 1, 1)

    def trusting(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.cert))


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    openssl = shutil.which("openssl")
    if openssl is None:
        unavailable(
            "the openssl command is needed to make a test certificate", "TOOLKAART_REQUIRE_OPENSSL"
        )
    directory = tmp_path_factory.mktemp("tls")
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture(scope="module")
def server(certificate: tuple[Path, Path]) -> Iterator[Server]:
    cert, key = certificate
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield Server(f"https://127.0.0.1:{httpd.server_address[1]}", cert)
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loopback requests must never be sent to a proxy configured on the machine."""
    for name in ("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


# offline


def test_shipped_content_offline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-links"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith(
        f"tools.yaml:49:5: warning: {t('content.diag.no_address', id='begeleidingsethiek')}"
    )
    assert out[1] == "Offline: 13 https addresses, 0 malformed, 1 tools without an address"


def test_malformed_and_plain_http_addresses_are_errors_at_their_line(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tools = content_copy / "tools.yaml"
    replace_text(tools, "url: https://www.datavoorgezondheid.nl/actueel/nieuws/2020/09", "url: http://www.datavoorgezondheid.nl/actueel/nieuws/2020/09")  # fmt: skip
    replace_text(tools, "url: https://www.datavoorgezondheid.nl/actueel/nieuws/2020/11/6/resultaten-onderzoek-naar-databeschikbaarheid-voor-artificiele-intelligentie-in-de-zorg-bekend", "url: https://www.datavoor gezondheid.nl/x")  # fmt: skip
    # a mistake elsewhere in the content does not stop the link check
    replace_text(content_copy / "phases.yaml", "number: 1\n", "number: een\n")

    assert main(["check-links", str(content_copy)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [
        f"{tools}:12:10: error: "
        + t(
            "content.diag.bad_address",
            id="inventarisatie-ai",
            url="http://www.datavoorgezondheid.nl/actueel/nieuws/2020/09/24/"
            "resultaten-inventarisatie-ai-in-gezondheid-en-zorg-bekend",
        ),
        f"{tools}:21:10: error: "
        + t(
            "content.diag.bad_address",
            id="nulmeting-databeschikbaarheid",
            url="https://www.datavoor gezondheid.nl/x",
        ),
    ]
    assert out[-1] == "Offline: 11 https addresses, 2 malformed, 1 tools without an address"


def test_unreadable_tools_file_is_reported_where_it_breaks(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replace_text(content_copy / "tools.yaml", "  - id: mkba\n", "  - id: [mkba\n")
    assert main(["check-links", str(content_copy)]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"{content_copy / 'tools.yaml'}:")
    assert ": error: " in first


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert main(["check-links", str(tmp_path / "nowhere")]) == 2
    for timeout in ("0", "-1", "soon", "301"):
        with pytest.raises(SystemExit) as stopped:
            main(["check-links", "--online", "--timeout", timeout])
        assert stopped.value.code == 2


# online, against the loopback server


def test_online_outcomes(server: Server) -> None:
    paths = ["/good", "/moved", "/missing", "/slow", "/get-only"]
    started = time.monotonic()
    results = check_online(
        [server.address(p) for p in paths], timeout=TIMEOUT, context=server.trusting()
    )
    elapsed = time.monotonic() - started

    summary = [(r.address.tool_id, r.outcome, r.status, r.detail, r.method) for r in results]
    assert summary == [
        ("good", "ok", 200, "200 OK", "HEAD"),
        ("moved", "redirect", 301, f"{server.base}/good", "HEAD"),
        ("missing", "failed", 404, "HTTP 404 Not Found", "GET"),
        ("slow", "failed", None, t("content.link.timeout", seconds=f"{TIMEOUT:g}"), "HEAD"),
        ("get-only", "ok", 200, "200 OK", "GET"),
    ]
    assert elapsed < SLOW_SECONDS  # the slow address was abandoned at the timeout
    assert results[3].seconds < TIMEOUT + 0.5


def test_online_requests_run_in_parallel(server: Server) -> None:
    slow = [server.address("/slow", f"slow-{n}") for n in range(4)]
    started = time.monotonic()
    results = check_online(slow, timeout=1.0, workers=4, context=server.trusting())
    elapsed = time.monotonic() - started
    assert [r.outcome for r in results] == ["failed"] * 4
    assert elapsed < 2.5  # one after another would take at least 4 s


def test_an_untrusted_certificate_fails(server: Server) -> None:
    (result,) = check_online([server.address("/good")], timeout=TIMEOUT)  # system trust store
    assert result.outcome == "failed"
    assert result.detail.startswith(t("content.link.certificate", reason=""))


def test_check_links_online_command(
    server: Server,
    content_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = iter(["/good", "/moved", "/missing", "/slow", "/get-only"])

    def point_at_server(data: Any) -> None:
        for tool in data["tools"]:
            if "url" in tool:
                tool["url"] = server.base + next(paths, "/good")

    edit_yaml(content_copy / "tools.yaml", point_at_server)
    monkeypatch.setenv("SSL_CERT_FILE", str(server.cert))

    assert main(["check-links", str(content_copy), "--online", "--timeout", str(TIMEOUT)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "Online: 10 answered, 1 redirected, 2 failed"
    moved = next(line for line in out if line.startswith("redirect"))
    assert f"{server.base}/moved -> {server.base}/good" in moved
    assert any(line.startswith("failed   404") for line in out)
    timeout = t("content.link.timeout", seconds="0.5")
    assert any(f"{server.base}/slow {timeout}" in line for line in out)


def test_check_links_online_all_fine_exits_0(
    server: Server,
    content_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def point_at_server(data: Any) -> None:
        for index, tool in enumerate(data["tools"]):
            if "url" in tool:
                tool["url"] = server.base + ("/moved" if index == 0 else "/good")

    edit_yaml(content_copy / "tools.yaml", point_at_server)
    monkeypatch.setenv("SSL_CERT_FILE", str(server.cert))
    assert main(["check-links", str(content_copy), "--online", "--timeout", "2"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Online: 12 answered, 1 redirected, 0 failed"


def test_requestable_skips_missing_and_malformed() -> None:
    addresses = [
        Address("a", "https://example.org/", "t", 1, 1),
        Address("b", None, "t", 2, 1),
        Address("c", "http://example.org/", "t", 3, 1),
    ]
    assert [a.tool_id for a in web_addresses.requestable(addresses)] == ["a"]
