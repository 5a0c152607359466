"""The installable product: a built wheel, installed into a fresh virtual environment outside the
checkout, validates and exports its shipped content and serves the app, keeping its database in
the user's data directory (never beside site-packages)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.measure import free_port
from tests.conftest import APP_DIR, REPO

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]
NOT_SOURCE = (
    ".git",
    ".venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".*_cache",
    "test-artifacts",
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str]]]:
    """A venv with only the wheel (and its dependencies) installed; the environment to run it in."""
    root = tmp_path_factory.mktemp("installed")
    wheels = root / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(wheels),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("toolkaart-*.whl")
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    home = root / "home"
    home.mkdir()
    keep = ("PATH", "LANG", "LC_ALL", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL")
    env = {name: os.environ[name] for name in keep if name in os.environ}
    env |= {"HOME": str(home), "PATH": f"{venv / 'bin'}:{env.get('PATH', '')}"}
    yield venv, env


def _run(installed: tuple[Path, dict[str, str]], *args: str) -> subprocess.CompletedProcess[str]:
    venv, env = installed
    return subprocess.run(
        [str(venv / "bin" / "toolkaart"), *args],
        cwd=env["HOME"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_wheel_carries_the_product_and_not_the_benchmarks(
    installed: tuple[Path, dict[str, str]],
) -> None:
    venv, _ = installed
    (site,) = (venv / "lib").glob("python3.*/site-packages")
    package = site / "toolkaart"
    for shipped in (
        "content/shipped/phases.yaml",
        "content/schemas/phases.schema.json",
        "web/app.py",
        "web/app_pages/fase.py",
        "web/streamlit.toml",
        "store/migrations/versions/v0001_initial.py",
        "documents/fonts/DejaVuSans.ttf",
    ):
        assert (package / shipped).is_file(), shipped
    assert not (site / "benchmarks").exists()
    assert not (site / "tests").exists()


def test_validate_and_export_work_on_the_shipped_content(
    installed: tuple[Path, dict[str, str]],
) -> None:
    validated = _run(installed, "validate")
    assert validated.returncode == 0, validated.stderr
    assert "7 phases, 10 actors, 14 tools" in validated.stdout
    exported = _run(installed, "export", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    data = json.loads(exported.stdout)
    assert [phase["number"] for phase in data["phases"]] == [1, 2, 3, 4, 5, 6, 7]


def test_serve_starts_the_app_and_says_where_the_data_is(
    installed: tuple[Path, dict[str, str]],
) -> None:
    venv, env = installed
    port = free_port()
    server = subprocess.Popen(
        [str(venv / "bin" / "toolkaart"), "serve", "--port", str(port)],
        cwd=env["HOME"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert server.stdout is not None
        said = [server.stdout.readline() for _ in range(4)]
        data_dir = Path(env["HOME"]) / ".local" / "share" / "toolkaart"
        assert said[0].strip() == f"Toolkaart-navigator op http://127.0.0.1:{port}"
        assert said[1].strip().startswith("modus: lokaal")  # no [auth] secrets: local mode
        assert said[3].strip() == f"database: sqlite:///{data_dir / 'toolkaart.sqlite3'}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health") as answer:
                    assert answer.read() == b"ok"
                    break
            except OSError:
                assert server.poll() is None, "the server stopped"
                assert time.monotonic() < deadline, "the server did not become healthy"
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_the_installed_pages_run_and_keep_projects_in_the_data_directory(
    installed: tuple[Path, dict[str, str]],
) -> None:
    """Every page of the installed app runs (AppTest inside the venv); opening the projects page
    creates the SQLite file in the user's data directory."""
    venv, env = installed
    script = (
        "from streamlit.testing.v1 import AppTest\n"
        "from toolkaart.serve import APP\n"
        "pages = sorted(p.name for p in (APP.parent / 'app_pages').glob('*.py'))\n"
        "app = AppTest.from_file(str(APP), default_timeout=60).run()\n"
        "for page in pages:\n"
        "    app.switch_page(f'app_pages/{page}').run()\n"
        "    assert not app.exception, (page, app.exception)\n"
        "print(len(pages), APP)\n"
    )
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-c", script],
        cwd=env["HOME"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    count, app = done.stdout.split()
    assert int(count) == len(list((APP_DIR / "app_pages").glob("*.py")))  # every page shipped
    assert Path(app).is_relative_to(venv)
    database = Path(env["HOME"]) / ".local" / "share" / "toolkaart" / "toolkaart.sqlite3"
    assert database.is_file()
