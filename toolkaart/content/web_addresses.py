"""Check the tools' web addresses: offline (present, well formed, https) and online (do they answer?).

The addresses are read from ``tools.yaml`` on their own, leniently, instead of through the full
loader: a mistake elsewhere in the content (a phase, an actor) must not stop a link check, and an
address that is not https is reported here at its ``path:line:col`` even though the loader would
reject the whole file for it.

Online, every address that passed the offline check is requested without following redirects (so
a moved page is reported with where it moved to, and nobody is silently sent elsewhere): first
with HEAD, which is cheap, then with GET when HEAD gets an error status, because some servers
refuse or mishandle HEAD. A few threads request in parallel, each request bounded by a timeout.
TLS certificates are verified with the system's trust store (``ssl.create_default_context``), or
with the ``context`` given by the caller.

The findings people read are Dutch, from the string catalog; a server's status line and the
operating system's reason for a failure are passed on as they come.
"""

from __future__ import annotations

import http.client
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urljoin

from toolkaart.content.diagnostics import Diagnostic
from toolkaart.content.loader import YamlFileError, read_yaml_file
from toolkaart.content.models import is_https_address
from toolkaart.content.yamlsource import Located, Position
from toolkaart.i18n.catalog import t

TOOLS_FILE = "tools.yaml"
DEFAULT_TIMEOUT = 10.0
DEFAULT_WORKERS = 4
USER_AGENT = "toolkaart-check-links/1"

Outcome = Literal["ok", "redirect", "failed"]


@dataclass(frozen=True)
class Address:
    """A tool's address (None when the tool has none) and where it is written."""

    tool_id: str
    url: str | None
    path: str
    line: int
    col: int


def read_addresses(directory: Path | str) -> tuple[tuple[Address, ...], tuple[Diagnostic, ...]]:
    """Every tool's address in ``directory/tools.yaml``, or diagnostics saying why it is unreadable."""
    path = Path(directory) / TOOLS_FILE
    start = Position(1, 1)

    def problem(
        position: Position, message: str
    ) -> tuple[tuple[Address, ...], tuple[Diagnostic, ...]]:
        return (), (Diagnostic(str(path), position.line, position.col, "error", message),)

    try:
        data, located = read_yaml_file(path)
    except YamlFileError as error:
        return problem(error.position, error.message)
    tools = data.get("tools") if isinstance(data, dict) else None
    if not isinstance(tools, list):
        return problem(start, t("content.diag.no_tools_list"))

    def at(loc: tuple[str | int, ...]) -> Position:
        return located.locate(loc)[0] if isinstance(located, Located) else start

    addresses = []
    for index, tool in enumerate(tools):
        entry: dict[str, Any] = tool if isinstance(tool, dict) else {}
        tool_id = entry.get("id")
        name = tool_id if isinstance(tool_id, str) else f"#{index + 1}"
        url = entry.get("url")
        position = at(("tools", index, "url") if url is not None else ("tools", index))
        addresses.append(
            Address(name, None if url is None else str(url), str(path), position.line, position.col)
        )
    return tuple(addresses), ()


def check_offline(addresses: Sequence[Address]) -> tuple[Diagnostic, ...]:
    """An error for each address that is not a well-formed https address, a warning for none."""
    found = []
    for address in addresses:
        if address.url is None:
            found.append(
                Diagnostic(
                    address.path,
                    address.line,
                    address.col,
                    "warning",
                    t("content.diag.no_address", id=address.tool_id),
                )
            )
        elif not is_https_address(address.url):
            found.append(
                Diagnostic(
                    address.path,
                    address.line,
                    address.col,
                    "error",
                    t("content.diag.bad_address", id=address.tool_id, url=address.url),
                )
            )
    return tuple(found)


def requestable(addresses: Sequence[Address]) -> tuple[Address, ...]:
    """The addresses that passed the offline check: the only ones worth requesting."""
    return tuple(a for a in addresses if a.url is not None and is_https_address(a.url))


@dataclass(frozen=True)
class LinkResult:
    """What one address did when requested.

    ``detail`` is the status line for ``ok``, the absolute target for ``redirect`` and the reason
    for ``failed``; ``method`` is the request that gave the outcome (HEAD, or GET after HEAD failed).
    """

    address: Address
    outcome: Outcome
    status: int | None
    detail: str
    method: str
    seconds: float


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Report redirects instead of following them: urllib then raises HTTPError with the 3xx."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _request(
    url: str, method: str, timeout: float, context: ssl.SSLContext | None
) -> tuple[int, str, str | None]:
    """Status, reason and Location header of one request; raises for network failures."""
    opener = urllib.request.build_opener(
        _NoRedirect(), urllib.request.HTTPSHandler(context=context)
    )
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(request, timeout=timeout) as response:
            return int(response.status), str(response.reason), None
    except urllib.error.HTTPError as error:
        try:
            return error.code, str(error.reason), error.headers.get("Location")
        finally:
            error.close()


def _why(error: BaseException, timeout: float) -> str:
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, TimeoutError):
        return t("content.link.timeout", seconds=f"{timeout:g}")
    if isinstance(reason, ssl.SSLCertVerificationError):
        return t("content.link.certificate", reason=reason.verify_message)
    text = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    return str(text)


def check_address(
    address: Address, *, timeout: float = DEFAULT_TIMEOUT, context: ssl.SSLContext | None = None
) -> LinkResult:
    """Request one address (it must have a url): HEAD, then GET when HEAD gets an error status."""
    if address.url is None:
        raise ValueError(f"tool '{address.tool_id}' has no address to request")
    url = address.url
    started = time.monotonic()
    method = "HEAD"
    try:
        status, reason, location = _request(url, method, timeout, context)
        if status >= 400:
            method = "GET"
            status, reason, location = _request(url, method, timeout, context)
    except (OSError, http.client.HTTPException, ValueError) as error:
        return LinkResult(
            address, "failed", None, _why(error, timeout), method, time.monotonic() - started
        )
    seconds = time.monotonic() - started
    if 300 <= status < 400 and location:
        return LinkResult(address, "redirect", status, urljoin(url, location), method, seconds)
    if 200 <= status < 300:
        return LinkResult(address, "ok", status, f"{status} {reason}", method, seconds)
    return LinkResult(address, "failed", status, f"HTTP {status} {reason}", method, seconds)


def check_online(
    addresses: Sequence[Address],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = DEFAULT_WORKERS,
    context: ssl.SSLContext | None = None,
) -> tuple[LinkResult, ...]:
    """Request every address that has a url, ``workers`` at a time; results in input order."""
    targets = [address for address in addresses if address.url is not None]
    if not targets:
        return ()
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(targets)))) as pool:
        return tuple(
            pool.map(lambda a: check_address(a, timeout=timeout, context=context), targets)
        )


__all__ = [
    "DEFAULT_TIMEOUT",
    "Address",
    "LinkResult",
    "Outcome",
    "check_address",
    "check_offline",
    "check_online",
    "read_addresses",
    "requestable",
]
