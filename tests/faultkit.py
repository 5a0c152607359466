"""Real faults for the store's tests: a full disk, a stopped PostgreSQL server, an unprivileged user.

Nothing here touches the shared PostgreSQL cluster: a stopped server is a private one, made with
initdb in a temporary folder, on a free port, as user postgres. A full disk is a 2 MB tmpfs. All
three need root (to mount, and to run something as another user); without root the tests skip,
and where CI requires them (TOOLKAART_REQUIRE_FAULTS=1) they fail instead.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO, unavailable

REQUIRE = "TOOLKAART_REQUIRE_FAULTS"


def require_root() -> None:
    if os.geteuid() != 0:
        unavailable("faults are made as root (mount a tmpfs, run as another user)", REQUIRE)


@contextmanager
def small_disk(size: str = "2m") -> Iterator[Path]:
    """A folder on its own tmpfs of ``size``, world-writable, unmounted afterwards."""
    require_root()
    folder = Path(tempfile.mkdtemp(prefix="toolkaart-disk-"))
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=1777", "tmpfs", folder], check=True
    )
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", folder], check=False)
        folder.rmdir()


def fill(folder: Path) -> Path:
    """Write zeros into ``folder`` until its disk is full; returns the file to remove again."""
    filler = folder / "vol"
    with filler.open("wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass
    return filler


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PrivateServer:
    """A PostgreSQL server of our own, to stop and start at will."""

    bindir: Path
    data: Path
    port: int

    @property
    def url(self) -> str:
        return self.url_of("postgres")

    def url_of(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _ctl(self, *args: str) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", str(self.bindir / "pg_ctl"), "-D", str(self.data),
             "-w", *args],
            check=True, capture_output=True,
        )  # fmt: skip

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._ctl("-l", str(self.data / "server.log"), "-o", options, "start")

    def stop(self) -> None:
        self._ctl("-m", "fast", "stop")

    def sql(self, statement: str) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", str(self.bindir / "psql"), "-h", str(self.data),
             "-p", str(self.port), "-v", "ON_ERROR_STOP=1", "-c", statement],
            check=True, capture_output=True,
        )  # fmt: skip


@contextmanager
def private_postgres() -> Iterator[PrivateServer]:
    """A fresh PostgreSQL server (initdb) in a temporary folder, removed afterwards."""
    require_root()
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        unavailable("no PostgreSQL server programs (initdb) on this machine", REQUIRE)
    bindir = Path(found[-1]).parent
    data = Path(tempfile.mkdtemp(prefix="toolkaart-pg-"))
    shutil.chown(data, "postgres", "postgres")
    server = PrivateServer(bindir, data, _free_port())
    subprocess.run(
        ["runuser", "-u", "postgres", "--", str(bindir / "initdb"), "-D", str(data), "-A", "trust",
         "-U", "postgres", "--no-sync"],
        check=True, capture_output=True,
    )  # fmt: skip
    server.start()
    try:
        yield server
    finally:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", str(bindir / "pg_ctl"), "-D", str(data),
             "-m", "immediate", "stop"],
            check=False, capture_output=True,
        )  # fmt: skip
        shutil.rmtree(data, ignore_errors=True)


def as_nobody(command: list[str], folder: Path) -> subprocess.CompletedProcess[str]:
    """Run ``command`` as user nobody (root writes every file whatever its modes), with
    ``folder`` as its own writable home.

    It keeps one capability, reading any file and folder, because the interpreter may live under
    a folder nobody cannot read (/root/.pyenv); writing stays as unprivileged as it gets.
    """
    require_root()
    shutil.chown(folder, "nobody")
    return subprocess.run(
        ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
         "--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search", "--", *command],
        env={"PATH": os.environ.get("PATH", ""), "HOME": str(folder),
             "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"},
        cwd=folder, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
