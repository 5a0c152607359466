"""The navigator's settings: one object, read once per process from the environment.

Why one place: the content directory, the database and the data directory used to be found by
each module on its own, from ``os.environ`` and from paths next to the source files, so an
installed package looked for its content and database inside the git checkout. Here each setting
has one name, one default and one line in the README's table; nothing else reads the environment.

Defaults are for one person on their own machine: the content shipped inside the package, and a
SQLite file in the user's data directory (platformdirs), never beside the installed code.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

import platformdirs

#: Environment variables, each documented in the README's settings table.
ENV_CONTENT_DIR = "TOOLKAART_CONTENT"
ENV_DATABASE_URL = "TOOLKAART_DATABASE_URL"
ENV_DATA_DIR = "TOOLKAART_DATA_DIR"
ENV_SECRETS = "TOOLKAART_SECRETS"
ENV_SUPPORT = "TOOLKAART_SUPPORT"
ENV_LOG_FORMAT = "TOOLKAART_LOG_FORMAT"
ENV_LOG_LEVEL = "TOOLKAART_LOG_LEVEL"

#: How the log is written: ``text`` for a person reading a terminal, ``json`` (one object per
#: line) for a log collector.
LOG_FORMATS = ("text", "json")
#: The levels ``TOOLKAART_LOG_LEVEL`` takes (Python's own names).
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

#: The content that travels with the package (package data), used unless another is named.
SHIPPED_CONTENT_DIR = Path(str(files("toolkaart.content") / "shipped"))
#: The file name of the default SQLite database inside the data directory.
DATABASE_FILE = "toolkaart.sqlite3"


def streamlit_secrets_files() -> tuple[Path, ...]:
    """Where Streamlit looks for secrets when it is not told (its ``secrets.files`` default):
    the user's ``~/.streamlit`` and the working directory's ``.streamlit``."""
    return (
        Path("~/.streamlit/secrets.toml").expanduser(),
        Path(".streamlit/secrets.toml").absolute(),
    )


@dataclass(frozen=True)
class Settings:
    """Where the navigator reads its content and keeps its data."""

    content_dir: Path
    data_dir: Path
    database_url: str
    #: The Streamlit secrets files, in Streamlit's order (a later file wins): an ``[auth]`` section
    #: in them makes the app a service with sign-in (``toolkaart.access.service``).
    secrets_files: tuple[Path, ...] = ()
    #: Whom a signed-in person without an organisation should ask (shown on that page).
    support: str = ""
    #: The log's form (one of ``LOG_FORMATS``) and its least level (one of ``LOG_LEVELS``).
    log_format: str = "text"
    log_level: str = "INFO"


class SettingsError(ValueError):
    """A setting the environment gives a value it cannot have (the CLI stops with exit 2)."""


def normalised_database_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` (as hosting platforms write them) mean psycopg 3."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _choice(environ: Mapping[str, str], name: str, choices: tuple[str, ...], default: str) -> str:
    """``environ[name]`` when it is one of ``choices`` (any case), else SettingsError; an
    absent or empty value is ``default``."""
    value = environ.get(name, "").strip()
    if not value:
        return default
    for choice in choices:
        if value.casefold() == choice.casefold():
            return choice
    raise SettingsError(f"{name}={value!r} is not one of: {', '.join(choices)}")


#: Streamlit's own variable for ``server.baseUrlPath``, the path everything is served under (the
#: README's section on running behind a proxy); Streamlit reads it itself, the health check here.
ENV_BASE_URL_PATH = "STREAMLIT_SERVER_BASE_URL_PATH"


def served_path(environ: Mapping[str, str] | None = None) -> str:
    """The path the server is served under, without slashes: '' at the root, 'toolkaart' for
    ``/toolkaart/``."""
    source = os.environ if environ is None else environ
    return source.get(ENV_BASE_URL_PATH, "").strip().strip("/")


def read_settings(environ: Mapping[str, str]) -> Settings:
    """The settings that ``environ`` describes, with the defaults for what it leaves out;
    SettingsError for a value a setting cannot have."""
    content = environ.get(ENV_CONTENT_DIR, "").strip()
    data = environ.get(ENV_DATA_DIR, "").strip()
    data_dir = (
        Path(data) if data else Path(platformdirs.user_data_dir("toolkaart", appauthor=False))
    )
    url = environ.get(ENV_DATABASE_URL, "").strip()
    secrets = environ.get(ENV_SECRETS, "").strip()
    return Settings(
        content_dir=Path(content) if content else SHIPPED_CONTENT_DIR,
        data_dir=data_dir,
        database_url=normalised_database_url(url)
        if url
        else f"sqlite:///{data_dir / DATABASE_FILE}",
        secrets_files=(Path(secrets),) if secrets else streamlit_secrets_files(),
        support=environ.get(ENV_SUPPORT, "").strip(),
        log_format=_choice(environ, ENV_LOG_FORMAT, LOG_FORMATS, "text"),
        log_level=_choice(environ, ENV_LOG_LEVEL, LOG_LEVELS, "INFO"),
    )


@cache
def settings() -> Settings:
    """This process's settings, read from the environment on first use.

    Tests that change the environment call ``settings.cache_clear()`` (``tests/conftest.py`` does
    so around every test).
    """
    return read_settings(os.environ)
