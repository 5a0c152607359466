"""The container files, linted without a container runtime: Containerfile, compose.yaml and
deploy/haproxy.cfg (checked by HAProxy itself where it is installed; .ci/run installs it).

No image is built here: the base image cannot be pulled on a machine without the registry's
network (see README, "Containers").
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from benchmarks.topology import containerfile_env
from tests.conftest import REPO, unavailable
from toolkaart import settings as settings_module
from toolkaart.serve import streamlit_command

COMPOSE = REPO / "compose.yaml"
CONTAINERFILE = REPO / "Containerfile"
HAPROXY_CFG = REPO / "deploy" / "haproxy.cfg"
SERVICES = {"postgres", "migrate", "app1", "app2", "proxy"}
#: Every setting the navigator reads (toolkaart/settings.py): nothing else may configure it.
SETTINGS = {
    value
    for name, value in vars(settings_module).items()
    if name.startswith("ENV_") and isinstance(value, str)
}


def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def instructions() -> list[tuple[str, str]]:
    """The Containerfile's instructions (continuation lines joined, comments dropped)."""
    text = re.sub(r"\\\n", " ", CONTAINERFILE.read_text(encoding="utf-8"))
    found = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            found.append((keyword.upper(), rest.strip()))
    return found


def test_compose_names_the_services_and_their_order() -> None:
    services = compose()["services"]
    assert set(services) == SERVICES
    assert "postgres-data" in compose()["volumes"]
    assert "postgres-data:/var/lib/postgresql/data" in services["postgres"]["volumes"]
    assert "healthcheck" in services["postgres"]
    migrate = services["migrate"]
    assert migrate["command"] == ["toolkaart", "db", "upgrade"]
    assert migrate["depends_on"] == {"postgres": {"condition": "service_healthy"}}
    for name in ("app1", "app2"):
        app = services[name]
        assert app["command"][:4] == ["toolkaart", "serve", "--host", "0.0.0.0"]
        assert app["depends_on"] == {"migrate": {"condition": "service_completed_successfully"}}
        # the web server and its database, under the path it is served at (test_ready_probe.py)
        assert app["healthcheck"]["test"] == ["CMD", "python", "-m", "toolkaart.ready_probe"]
        assert app["image"] == migrate["image"]
    proxy = services["proxy"]
    assert "./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro" in proxy["volumes"]
    assert set(proxy["depends_on"]) == {"app1", "app2"}


def test_compose_configures_the_app_by_its_settings_and_a_mounted_secrets_file() -> None:
    data = compose()
    for name in ("migrate", "app1", "app2"):
        environment = data["services"][name]["environment"]
        assert set(environment) <= SETTINGS, set(environment) - SETTINGS
        assert environment["TOOLKAART_DATABASE_URL"].startswith("postgresql+psycopg://")
        assert "${POSTGRES_PASSWORD" in environment["TOOLKAART_DATABASE_URL"]
        assert environment["TOOLKAART_SECRETS"] == "/run/secrets/toolkaart_secrets"
        assert data["services"][name]["secrets"] == ["toolkaart_secrets"]
    assert data["secrets"]["toolkaart_secrets"]["file"] == "./.streamlit/secrets.toml"
    assert ".streamlit/secrets.toml" in (REPO / ".gitignore").read_text(encoding="utf-8")
    ignored = (REPO / ".dockerignore").read_text(encoding="utf-8").splitlines()
    assert {".streamlit/secrets.toml", ".venv", ".git", "*.sqlite3"} <= set(ignored)


def test_the_containerfile_installs_runtime_dependencies_only_and_runs_unprivileged() -> None:
    found = instructions()
    keywords = [keyword for keyword, _ in found]
    args = dict(rest.split("=", 1) for keyword, rest in found if keyword == "ARG")
    assert args["PYTHON_IMAGE"] == "docker.io/library/python:3.11-slim"
    assert [rest.split()[0] for keyword, rest in found if keyword == "FROM"] == [
        "${PYTHON_IMAGE}",
        "${PYTHON_IMAGE}",
    ]
    runs = " ".join(rest for keyword, rest in found if keyword == "RUN")
    assert "[postgres]" in runs and "toolkaart validate" in runs
    assert "[dev]" not in runs and "pip install -e" not in runs
    copied = " ".join(rest for keyword, rest in found if keyword == "COPY")
    assert "tests" not in copied and ".streamlit" not in copied
    user = [rest for keyword, rest in found if keyword == "USER"]
    assert user and user[-1].split(":")[0] not in ("root", "0")
    assert keywords.index("USER") > max(i for i, k in enumerate(keywords) if k == "RUN")
    healthcheck = next(rest for keyword, rest in found if keyword == "HEALTHCHECK")
    assert healthcheck.split("CMD", 1)[1].strip() == '["python", "-m", "toolkaart.ready_probe"]'
    command = json.loads(next(rest for keyword, rest in found if keyword == "CMD"))
    assert command[:4] == ["toolkaart", "serve", "--host", "0.0.0.0"]


def test_the_image_runs_pythons_objects_on_jemalloc() -> None:
    # Python's own allocator keeps the memory of closed sessions (docs/performance.md, section
    # 8): the image installs jemalloc and has Python use it, through the environment
    found = instructions()
    install = next(i for i, (k, rest) in enumerate(found) if k == "RUN" and "libjemalloc2" in rest)
    assert "--no-install-recommends" in found[install][1]
    assert "rm -rf /var/lib/apt/lists" in found[install][1]
    preload = next(i for i, (k, rest) in enumerate(found) if k == "ENV" and "LD_PRELOAD" in rest)
    assert install < preload  # the library is there before any process preloads it
    env = containerfile_env(CONTAINERFILE)
    assert env["PYTHONMALLOC"] == "malloc"
    assert env["LD_PRELOAD"] == "libjemalloc.so.2"  # found by the loader on any architecture
    settings = dict(part.split(":") for part in env["MALLOC_CONF"].split(","))
    assert settings == {
        "background_thread": "true",
        "dirty_decay_ms": "1000",
        "muzzy_decay_ms": "0",
    }


def test_haproxy_sets_the_proxy_headers_sticky_sessions_and_websockets() -> None:
    text = HAPROXY_CFG.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if not line.strip().startswith("#")]
    for needed in (
        "http-request deny deny_status 404 if { path_beg /_stcore/metrics }",
        "http-response set-header Content-Security-Policy \"frame-ancestors 'none'\"",
        "http-response set-header X-Frame-Options DENY",
        "http-response set-header Referrer-Policy same-origin",
        "compression algo gzip",
        "timeout tunnel 1h",
        "option httpchk GET /ready",
        "server app1 app1:8501 cookie app1",
        "server app2 app2:8501 cookie app2",
    ):
        assert needed in lines, needed
    # with no replica ready, the live ones still serve (the public pages need no database)
    assert "use_backend streamlit_alive if { nbsrv(streamlit) eq 0 }" in lines
    alive = text[text.index("backend streamlit_alive") :]
    assert "option httpchk GET /_stcore/health" in alive
    assert "server app1 app1:8501 cookie app1" in alive
    assert any(line.startswith("cookie TOOLKAART_REPLICA insert") for line in lines)
    # a year's cache for Streamlit's hashed files only (tests/service/test_static_assets.py)
    assert "acl static_file var(txn.path) -m beg /static/" in lines
    assert any(
        line.startswith("http-response set-header Cache-Control") and "if static_file" in line
        for line in lines
    )
    assert "# TLS: bind :8443 ssl crt" in text


def test_haproxy_accepts_the_configuration(tmp_path: Path) -> None:
    haproxy = shutil.which("haproxy") or next(
        (p for p in ("/usr/sbin/haproxy",) if Path(p).is_file()), None
    )
    if haproxy is None:
        unavailable("haproxy is not installed", "TOOLKAART_REQUIRE_HAPROXY")
    checked = subprocess.run(
        [haproxy, "-c", "-f", str(HAPROXY_CFG)], capture_output=True, text=True, timeout=30
    )
    assert checked.returncode == 0, checked.stderr
    warnings = [line for line in checked.stderr.splitlines() if "[WARNING]" in line]
    # app1 and app2 resolve inside the compose network only; anything else is a real warning
    assert all("could not resolve address 'app" in line for line in warnings), warnings


@pytest.mark.parametrize("section", ["Containers", "Backups and moving to PostgreSQL"])
def test_the_readme_explains_the_containers_and_backups(section: str) -> None:
    assert f"## {section}" in (REPO / "README.md").read_text(encoding="utf-8")


def test_the_service_protections_are_passed_on_the_command_line() -> None:
    """Command-line options outrank Streamlit's environment variables and config files: what
    ``toolkaart serve`` passes cannot be switched off by a STREAMLIT_* variable in a container."""
    command = streamlit_command("0.0.0.0", 8501)
    for option in (
        "--server.enableXsrfProtection=true",
        "--server.enableCORS=true",
        "--server.maxUploadSize=2",
        "--client.showErrorDetails=none",
        "--browser.gatherUsageStats=false",
    ):
        assert option in command, option
