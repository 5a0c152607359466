"""``toolkaart serve``: start the navigator's web app from wherever the package is installed.

Why a command of our own rather than ``streamlit run app.py``: the app and its pages travel inside
the package, and Streamlit reads its settings file only from the working directory, so an
installed product would run without them. This module finds the app in the package and passes
the settings of ``toolkaart/web/streamlit.toml`` as command-line options. It does not import
Streamlit: it starts it.
"""

from __future__ import annotations

import os
import sys
import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

from toolkaart.settings import Settings

#: The Streamlit entry point inside the package.
APP = Path(str(files("toolkaart.web") / "app.py"))
#: What ``toolkaart serve`` runs: ``APP`` on a server that also answers ``/ready``.
SERVER = Path(str(files("toolkaart.web") / "asgi.py"))
#: Local mode listens on the loopback interface only: nobody else on the network reaches it.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8501


def streamlit_settings() -> dict[str, Any]:
    """The app's Streamlit settings as ``section.option`` → value, from the packaged TOML."""
    table = tomllib.loads((files("toolkaart.web") / "streamlit.toml").read_text(encoding="utf-8"))
    return {
        f"{section}.{name}": value
        for section, values in table.items()
        for name, value in values.items()
    }


def _option_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def streamlit_command(
    host: str, port: int, app: Path = APP, secrets_files: tuple[Path, ...] = ()
) -> list[str]:
    """The command line that runs ``app`` with the navigator's settings on ``host:port``, reading
    its secrets (the sign-in configuration) from ``secrets_files``, the files the navigator
    checked (``toolkaart.access.service``), so that Streamlit and the check read the same."""
    options = {
        **{name: _option_text(value) for name, value in streamlit_settings().items()},
        "server.address": host,
        "server.port": str(port),
    }
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        *(f"--{name}={value}" for name, value in options.items()),
        *(f"--secrets.files={path}" for path in secrets_files),
    ]


def describe(settings: Settings, host: str, port: int, service: bool = False) -> list[str]:
    """What a person starting the app needs to know: where it listens, in which mode, and
    where the data is."""
    from sqlalchemy.engine import make_url  # only here: ``toolkaart validate`` need not load it

    mode = (
        "dienst: aanmelden met OpenID Connect"
        if service
        else "lokaal: zonder aanmelden, alleen voor wie deze computer gebruikt"
    )
    return [
        f"Toolkaart-navigator op http://{host}:{port}",
        f"modus: {mode}",
        f"content: {settings.content_dir}",
        f"database: {make_url(settings.database_url).render_as_string(hide_password=True)}",
    ]


def serve(settings: Settings, host: str, port: int, service: bool = False) -> None:
    """Replace this process by the Streamlit server (signals then reach it directly)."""
    for line in describe(settings, host, port, service):
        print(line, flush=True)
    command = streamlit_command(host, port, SERVER, settings.secrets_files)
    os.execv(command[0], command)
