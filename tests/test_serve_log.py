"""``toolkaart serve`` as an operator starts it: JSON log lines when asked, and ``/ready``.

Two short server starts (a few seconds each): one on a PostgreSQL server that is not there, one
on a SQLite file. The test reads what the server process writes to standard error.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

import pytest

from benchmarks.measure import free_port
from tests.web.test_operations import NO_SERVER
from toolkaart.store.engine import head_revision

pytestmark = pytest.mark.slow  # two server starts: about 20 s on a shared 2-core machine

PYTHONPATH = str(Path(__file__).resolve().parent.parent)


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@contextmanager
def serving(database_url: str, tmp_path: Path) -> Iterator[tuple[str, BinaryIO]]:
    """``toolkaart serve`` with JSON logs on a free port until its health check answers; yields
    its address and its standard error (a file)."""
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": PYTHONPATH,
        "TOOLKAART_DATABASE_URL": database_url,
        "TOOLKAART_LOG_FORMAT": "json",
        "TOOLKAART_SECRETS": str(tmp_path / "no-secrets.toml"),  # local mode
    }
    with tempfile.TemporaryFile() as stderr:
        server = subprocess.Popen(
            [sys.executable, "-m", "toolkaart", "serve", "--port", str(port)],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if _get(f"{url}/_stcore/health")[0] == 200:
                        break
                except OSError:
                    pass
                assert server.poll() is None, "the server stopped"
                assert time.monotonic() < deadline, "the server did not become healthy"
                time.sleep(0.2)
            yield url, stderr
        finally:
            server.terminate()
            server.wait(timeout=20)


def json_lines(stderr: BinaryIO) -> list[dict[str, Any]]:
    """Our lines (the JSON objects) of the server's standard error; Streamlit's own lines are
    text, and stay so."""
    stderr.seek(0)
    lines = stderr.read().decode("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.startswith("{")]


def test_serve_writes_json_lines_and_is_not_ready_without_its_database(tmp_path: Path) -> None:
    with serving(NO_SERVER, tmp_path) as (url, stderr):
        code, body = _get(f"{url}/ready")
        lines = json_lines(stderr)
    assert code == 503
    assert json.loads(body) == {
        "ready": False,
        "database": "unreachable",
        "revision": None,
        "expected": head_revision(),
    }
    events = [(line["event"], line["fields"]) for line in lines if "event" in line]
    # the database could not be opened before the server started, and then the server started
    assert events[:2] == [("store.fault", {"fault": "unreachable"}), ("server.started", {})]
    assert "psycopg" in lines[0]["exception"]  # the driver's own words, for the operator
    assert "geheim" not in json.dumps(lines)
    for line in lines:
        assert line["ts"].endswith("Z") and line["host"] and isinstance(line["pid"], int)


def test_serve_is_ready_with_its_database(tmp_path: Path) -> None:
    with serving(f"sqlite:///{tmp_path / 'toolkaart.sqlite3'}", tmp_path) as (url, stderr):
        code, body = _get(f"{url}/ready")
        lines = json_lines(stderr)
        page, _html = _get(f"{url}/")
    assert (code, json.loads(body)["database"], page) == (200, "ready", 200)
    assert [line["event"] for line in lines] == ["server.started"]
