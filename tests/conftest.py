"""Shared fixtures: the shipped content, and writable copies of it to break."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest
import streamlit.config

from benchmarks.measure import postgres_schema
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.loader import load_toolkaart
from toolkaart.content.models import Toolkaart
from toolkaart.route import gates
from toolkaart.route.gates import Answer, Assessment
from toolkaart.serve import streamlit_settings
from toolkaart.settings import SHIPPED_CONTENT_DIR, settings

REPO = Path(__file__).resolve().parent.parent

# AppTest runs the app in this process: give it the settings `toolkaart serve` passes a server.
for _name, _value in streamlit_settings().items():
    streamlit.config.set_option(_name, _value)
CONTENT = SHIPPED_CONTENT_DIR
#: The Streamlit entry point and its pages, inside the package.
APP_DIR = REPO / "toolkaart" / "web"


def unavailable(reason: str, require_flag: str) -> NoReturn:
    """Skip a test that needs something this machine lacks, or fail it where ``require_flag`` is
    set to 1 (CI sets it: there, a skip would hide a test that never ran)."""
    if os.environ.get(require_flag) == "1":
        pytest.fail(f"{require_flag}=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def toolkaart() -> Toolkaart:
    return load_toolkaart(CONTENT)


@pytest.fixture(scope="session")
def graph(toolkaart: Toolkaart) -> ToolkaartGraph:
    return ToolkaartGraph(toolkaart)


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped content directory."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture(autouse=True)
def _private_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the default database: each gets its own SQLite file unless it says else."""
    monkeypatch.setenv("TOOLKAART_DATABASE_URL", f"sqlite:///{tmp_path / 'toolkaart.sqlite3'}")
    monkeypatch.setenv("TOOLKAART_DATA_DIR", str(tmp_path / "data"))


#: The day the domain judges decisions on in tests: the examples are dated up to early 2028.
TODAY = dt.date(2028, 12, 31)


def in_use(toolkaart: Toolkaart, review: dt.date = dt.date(2027, 2, 1)) -> Assessment:
    """A walk through every gate, each answered ja on 1 February 2026 with its open items
    accepted, Productie's with its next ``review``: a project in use."""
    walk = Assessment()
    for phase in toolkaart.phases:
        walk = walk.decide(
            toolkaart,
            phase.id,
            Answer.JA,
            decided_on=dt.date(2026, 2, 1),
            accept_open_items=True,
            next_review=review if phase is toolkaart.phases[-1] else None,
        )
    return walk


@pytest.fixture(autouse=True, scope="session")
def _a_fixed_today() -> Iterator[None]:
    """Decisions may not lie in the future (``gates.today``); the tests' dated examples are judged
    on one fixed day, so they mean the same whenever the suite runs (session-wide: module
    fixtures decide too)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(gates, "today", lambda: TODAY)
        yield


@pytest.fixture(autouse=True)
def _settings_read_afresh() -> Iterator[None]:
    """Settings are read once per process; each test reads them from its own environment."""
    settings.cache_clear()
    yield
    settings.cache_clear()


def postgres_url_or_skip() -> str:
    """The test server's URL; skips with a reason without one, FAILS where CI requires one."""
    url = os.environ.get("TOOLKAART_TEST_POSTGRES_URL", "").strip()
    if not url:
        reason = "no PostgreSQL server configured (set TOOLKAART_TEST_POSTGRES_URL)"
        if os.environ.get("TOOLKAART_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"TOOLKAART_REQUIRE_POSTGRES=1 but {reason}")
        pytest.skip(reason)
    return url


@pytest.fixture(
    params=[
        pytest.param("sqlite"),
        pytest.param("postgresql", marks=pytest.mark.postgres),
    ]
)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on each backend: a SQLite file, and a schema on the PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite3'}"
        return
    with postgres_schema(postgres_url_or_skip(), prefix="test") as url:
        yield url
