"""Sign-in with a real OpenID Connect provider: oidc-provider under node, the app in service mode
(Streamlit's own ``st.login``), and helpers that sign a person in and out in Chromium.

Reuse in a test (mark it ``@pytest.mark.signin``, and ``@pytest.mark.browser`` with a browser):

- ``PEOPLE``: the five test people by login (``Person``: ``login``, ``name``, ``email``, ``sub``).
- ``oidc_provider``: the provider, one for the whole session (``OidcProvider``). Without node or
  ``tests/node/node_modules`` (``npm ci --prefix tests/node``) the test is skipped with the reason,
  unless ``TOOLKAART_REQUIRE_SIGNIN=1`` (CI), where it fails.
- ``signed_in_app(env=..., app=..., extra_secrets=...)``: a context manager for an app server whose
  ``[auth]`` secrets name the provider; yields a ``benchmarks.measure.Server``.
- ``sign_in(page, app_url, login)`` / ``sign_out(page)``: through the provider's own pages; both
  return the seconds from the click to the app drawn again.
- ``browser`` / ``page`` come from ``tests/browser/conftest.py``.

Walks as signed-in people belong in this folder, where all of these are at hand. A folder of its
own can import them into its conftest (``from tests.signin import conftest as signin`` and
``oidc_provider = signin.oidc_provider`` ...); not ``tests/browser``, which this module imports.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import secrets
import shutil
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, Protocol
from urllib.parse import urlsplit

import pytest

from benchmarks.measure import Server, free_port, streamlit_server
from tests.browser import conftest as browser_fixtures
from tests.browser.conftest import APP_IDLE
from tests.browser.conftest import _drawn as app_drawn
from tests.conftest import REPO, unavailable
from toolkaart.serve import SERVER

# Chromium for this folder's tests too (a package-scoped fixture: one browser per folder).
browser = browser_fixtures.browser
page = browser_fixtures.page

REQUIRE_FLAG: Final = "TOOLKAART_REQUIRE_SIGNIN"
NODE_MODULES: Final = REPO / "tests" / "node" / "node_modules"
PROVIDER_SCRIPT: Final = Path(__file__).with_name("provider.mjs")
CLIENT_ID: Final = "toolkaart-navigator"
#: Where the provider sends the browser back. Registered without a port for a "native" client:
#: oidc-provider then accepts any loopback port (RFC 8252, 7.3), so one provider serves every app
#: server of the session, each on its own free port.
LOOPBACK_CALLBACK: Final = "http://127.0.0.1/oauth2callback"
START_TIMEOUT: Final = 60.0
READY: Final = re.compile(r"^oidc-provider ready at (\S+)$", re.MULTILINE)
#: oidc-provider 9 calls ``URL.parse`` (Node 20.18 and later). Debian bookworm's nodejs is 18.
NODE_MINIMUM: Final = (20, 18)

#: Streamlit's identity cookie: present after a sign-in, gone after a sign-out.
IDENTITY_COOKIE: Final = "_streamlit_user"
SIGN_IN_BUTTON: Final = "Aanmelden"
SIGN_OUT_BUTTON: Final = "Afmelden"
# The provider's own pages (provider.mjs).
LOGIN_FIELD: Final = "Gebruikersnaam"
PASSWORD_FIELD: Final = "Wachtwoord"
LOGIN_SUBMIT: Final = "Inloggen"
CONSENT_BUTTON: Final = "Toestaan"
LOGOUT_CONFIRM: Final = "Ja, uitloggen"


def subject(login: str) -> str:
    """The ``sub`` the provider gives a login (provider.mjs ``subject``): stable across runs and
    opaque, as a real provider's is, so no test comes to rely on ``sub`` being the login."""
    return hashlib.sha256(f"toolkaart-test:{login}".encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Person:
    """A test account at the provider."""

    login: str
    name: str
    email: str

    @property
    def sub(self) -> str:
        return subject(self.login)


#: The five test people, by login. Meant as: a project team member and a board member of
#: hospital A, a team member of hospital B, the programme's editor, and someone who can sign in
#: but belongs to none of them.
PEOPLE: Final[Mapping[str, Person]] = MappingProxyType(
    {
        person.login: person
        for person in (
            Person("team-a", "Tess Team", "tess@ziekenhuis-a.test"),
            Person("bestuur-a", "Bram Bestuur", "bram@ziekenhuis-a.test"),
            Person("team-b", "Tom Team", "tom@ziekenhuis-b.test"),
            Person("redactie", "Rosa Redactie", "rosa@programma.test"),
            Person("nobody", "Nina Niemand", "nina@elders.test"),
        )
    }
)


@dataclass(frozen=True)
class OidcProvider:
    """A running provider.mjs and the one client it knows (the app)."""

    issuer: str
    client_id: str
    client_secret: str
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def metadata_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    def output(self) -> str:
        """What the provider printed so far (for failure messages)."""
        return self.log.read_text(encoding="utf-8", errors="replace")


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as answer:
            return bool(answer.status == 200)
    except OSError:
        return False


def _node_version(node: str) -> tuple[int, ...]:
    text = subprocess.run([node, "--version"], capture_output=True, text=True, check=True).stdout
    return tuple(int(part) for part in text.strip().lstrip("v").split(".")[:2])


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _started(process: subprocess.Popen[bytes], log: Path, client_secret: str) -> OidcProvider:
    """Wait for the ready line and for the discovery document it promises."""
    start = time.perf_counter()
    provider: OidcProvider | None = None
    while provider is None or not _answers(provider.metadata_url):
        if provider is None and (ready := READY.search(log.read_text(errors="replace"))):
            provider = OidcProvider(ready[1], CLIENT_ID, client_secret, process, log)
        elapsed = time.perf_counter() - start
        if process.poll() is not None or elapsed > START_TIMEOUT:
            pytest.fail(
                f"oidc-provider did not answer in {elapsed:.1f} s (exit code {process.poll()}, "
                f"issuer {provider and provider.issuer}); its output:\n"
                + log.read_text(errors="replace")
            )
        time.sleep(0.05)
    return provider


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OidcProvider]:
    """provider.mjs on a free loopback port with the five test people, for the whole session."""
    node = shutil.which("node")
    if node is None:
        unavailable("node is not installed (Node 20.18 or later, with npm)", REQUIRE_FLAG)
    version = _node_version(node)
    if version < NODE_MINIMUM:
        unavailable(
            f"node {'.'.join(map(str, version))} is too old for oidc-provider 9 (it needs "
            f"{'.'.join(map(str, NODE_MINIMUM))} or later; Debian bookworm ships 18)",
            REQUIRE_FLAG,
        )
    if not (NODE_MODULES / "oidc-provider" / "package.json").exists():
        unavailable(
            "oidc-provider is not installed (npm ci --prefix tests/node --no-audit --no-fund)",
            REQUIRE_FLAG,
        )
    folder = tmp_path_factory.mktemp("oidc-provider")
    client_secret = secrets.token_urlsafe(24)
    config = {
        # port 0: the provider takes a free port when it listens and names it in its ready line
        # (a port picked here could be taken by another server before node binds it).
        "port": 0,
        "client": {
            "client_id": CLIENT_ID,
            "client_secret": client_secret,
            "application_type": "native",
            "redirect_uris": [LOOPBACK_CALLBACK],
            # Streamlit's st.logout sends /oauth2callback as the post-logout redirect.
            "post_logout_redirect_uris": [LOOPBACK_CALLBACK],
        },
        "accounts": {p.login: {"email": p.email, "name": p.name} for p in PEOPLE.values()},
    }
    config_file = folder / "config.json"
    config_file.write_text(json.dumps(config, indent=2), encoding="utf-8")
    log = folder / "provider.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [node, str(PROVIDER_SCRIPT), str(config_file)],
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=REPO,
        )
    try:
        yield _started(process, log, client_secret)
    finally:
        _stop(process)


def _toml_string(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value)


def secrets_toml(provider: OidcProvider, port: int, cookie_secret: str) -> str:
    """The ``[auth]`` section for an app on ``port`` signing in at ``provider``.

    ``prompt = "login"``: Streamlit asks for ``select_account`` by default, which oidc-provider
    refuses ("unsupported prompt value requested"); ``login`` also makes every sign-in show the
    login form, whoever was signed in before.
    """
    values = {
        "redirect_uri": f"http://127.0.0.1:{port}/oauth2callback",
        "cookie_secret": cookie_secret,
        "client_id": provider.client_id,
        "client_secret": provider.client_secret,
        "server_metadata_url": provider.metadata_url,
    }
    lines = ["[auth]", *(f"{key} = {_toml_string(value)}" for key, value in values.items())]
    lines.append('client_kwargs = { prompt = "login" }')
    return "\n".join(lines) + "\n"


@contextlib.contextmanager
def start_signed_in_app(
    provider: OidcProvider,
    env: Mapping[str, str] | None = None,
    app: Path = SERVER,
    extra_secrets: str = "",
) -> Iterator[Server]:
    """The app in service mode: ``streamlit run`` with a secrets file whose ``[auth]`` names the
    provider and this server's own port (and a fresh cookie secret); ``TOOLKAART_SECRETS`` names
    the same file, from which the app learns it serves signed-in people. ``extra_secrets`` is
    TOML appended to the file, for the app's own sections."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="toolkaart-secrets-") as folder:
        secrets_file = Path(folder) / "secrets.toml"
        text = secrets_toml(provider, port, secrets.token_hex(32))
        secrets_file.write_text(text + extra_secrets, encoding="utf-8")
        with streamlit_server(
            app,
            env={**(env or {}), "TOOLKAART_SECRETS": str(secrets_file)},
            cwd=REPO,
            port=port,
            extra_args=[f"--secrets.files={secrets_file}"],
        ) as server:
            yield server


class StartSignedInApp(Protocol):
    def __call__(
        self,
        env: Mapping[str, str] | None = None,
        app: Path = ...,
        extra_secrets: str = "",
    ) -> contextlib.AbstractContextManager[Server]: ...


@pytest.fixture(scope="session")
def signed_in_app(oidc_provider: OidcProvider) -> StartSignedInApp:
    """``start_signed_in_app`` bound to the session's provider (session scope, so module and
    session fixtures can start their servers with it too)."""

    def start(
        env: Mapping[str, str] | None = None,
        app: Path = SERVER,
        extra_secrets: str = "",
    ) -> contextlib.AbstractContextManager[Server]:
        return start_signed_in_app(oidc_provider, env=env, app=app, extra_secrets=extra_secrets)

    return start


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _has_identity_cookie(page: Any, app_url: str) -> bool:
    return any(cookie["name"] == IDENTITY_COOKIE for cookie in page.context.cookies(app_url))


def sign_in(page: Any, app_url: str, login: str, password: str = "geheim") -> float:
    """Sign ``login`` in as a person would: the app's ``Aanmelden`` button, the provider's login
    form, its consent screen if it shows one, and back to the app until Streamlit is idle.

    Opens ``app_url`` first if the page is elsewhere. Returns the seconds from the click to the
    signed-in page drawn. Fails with the provider's message when it refuses the login, and when
    the app comes back without Streamlit's identity cookie (the code exchange failed: see the
    app server's output).
    """
    app_url = _origin(app_url)
    if _origin(page.url) != app_url:
        page.goto(app_url)
        app_drawn(page)
    start = time.perf_counter()
    page.get_by_role("button", name=SIGN_IN_BUTTON, exact=True).click()
    page.get_by_label(LOGIN_FIELD, exact=True).fill(login)
    page.get_by_label(PASSWORD_FIELD, exact=True).fill(password)
    page.get_by_role("button", name=LOGIN_SUBMIT, exact=True).click()
    consent = page.get_by_role("button", name=CONSENT_BUTTON, exact=True)
    refused = page.get_by_role("alert")
    page.locator(APP_IDLE).or_(consent).or_(refused).first.wait_for()
    if refused.count():
        pytest.fail(f"the provider refused {login!r}: {refused.first.inner_text()}")
    if consent.count():
        consent.click()
    page.wait_for_url(f"{app_url}/**")
    app_drawn(page)
    seconds = time.perf_counter() - start
    if not _has_identity_cookie(page, app_url):
        pytest.fail(f"back at {page.url} without Streamlit's identity cookie: sign-in failed")
    return seconds


def sign_out(page: Any) -> float:
    """Sign out as a person would: the app's ``Afmelden`` button, then the provider's question
    whether to end the session there too (Streamlit's st.logout sends the browser to the
    provider's end_session_endpoint), and back to the app until Streamlit is idle.

    Returns the seconds from the click to the app drawn again.
    """
    app_url = _origin(page.url)
    start = time.perf_counter()
    page.get_by_role("button", name=SIGN_OUT_BUTTON, exact=True).click()
    page.get_by_role("button", name=LOGOUT_CONFIRM, exact=True).click()
    page.wait_for_url(f"{app_url}/**")
    app_drawn(page)
    seconds = time.perf_counter() - start
    if _has_identity_cookie(page, app_url):
        pytest.fail(f"back at {page.url} still with Streamlit's identity cookie: sign-out failed")
    return seconds
