"""Local mode or service: the app is a service with sign-in exactly when sign-in is configured.

Sign-in is Streamlit's own (``st.login``, OpenID Connect through Authlib), configured in the
``[auth]`` section of Streamlit's secrets file. This module reads the same files Streamlit reads
(``Settings.secrets_files``) to decide the mode before anything is served, and refuses a
configuration that is incomplete: a service that started without working sign-in would be open to
everyone, so it must not start at all (``toolkaart serve`` exits, every page says why).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from toolkaart.errors import MessageError
from toolkaart.i18n.catalog import t

#: What Streamlit needs in ``[auth]`` for one OpenID Connect provider.
REQUIRED = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")
#: Shorter cookie secrets can be guessed; Streamlit signs its sign-in cookie with this one.
MIN_COOKIE_SECRET = 32
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class ServiceConfigError(MessageError):
    """A service configuration that cannot be used; the message lists every problem."""

    prefix = "service.error"

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("incomplete", problems="\n".join(f"- {p}" for p in problems))


@dataclass(frozen=True)
class ServiceConfig:
    """The parts of the sign-in configuration the navigator itself uses (not the secrets)."""

    redirect_uri: str
    server_metadata_url: str
    client_id: str


def _read(files: Sequence[Path]) -> tuple[dict[str, Any], list[str]]:
    merged: dict[str, Any] = {}
    problems: list[str] = []
    for path in files:
        if not path.is_file():
            continue
        try:
            merged.update(tomllib.loads(path.read_text(encoding="utf-8")))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as error:
            problems.append(t("service.problem.unreadable", path=path, error=error))
    return merged, problems


def _secure(url: str) -> bool:
    """https, or http on this machine only (a provider on loopback, as the tests run one)."""
    parts = urlsplit(url)
    return parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in _LOOPBACK)


def check_auth(auth: Mapping[str, Any]) -> list[str]:
    """Every problem of an ``[auth]`` section, in Dutch, naming the key."""
    problems = [
        t("service.problem.missing", key=key)
        for key in REQUIRED
        if not str(auth.get(key, "")).strip()
    ]
    if problems:
        return problems
    if len(str(auth["cookie_secret"])) < MIN_COOKIE_SECRET:
        problems.append(t("service.problem.cookie_secret", minimum=MIN_COOKIE_SECRET))
    redirect = str(auth["redirect_uri"])
    if not redirect.endswith("/oauth2callback") or not _secure(redirect):
        problems.append(t("service.problem.redirect_uri", value=redirect))
    if not _secure(str(auth["server_metadata_url"])):
        problems.append(t("service.problem.metadata_url", value=auth["server_metadata_url"]))
    return problems


def service_config(files: Sequence[Path]) -> ServiceConfig | None:
    """The sign-in configuration in ``files``; None when there is none (local mode).

    Raises ServiceConfigError when the files cannot be read or their ``[auth]`` section is
    incomplete: never local mode by accident when a service was meant.
    """
    merged, problems = _read(files)
    auth = merged.get("auth")
    if auth is None and not problems:
        return None
    if auth is not None and not isinstance(auth, dict):
        problems.append(t("service.problem.not_a_table"))
    elif auth is not None:
        problems += check_auth(auth)
    if problems:
        raise ServiceConfigError(problems)
    assert isinstance(auth, dict)
    return ServiceConfig(
        redirect_uri=str(auth["redirect_uri"]),
        server_metadata_url=str(auth["server_metadata_url"]),
        client_id=str(auth["client_id"]),
    )
