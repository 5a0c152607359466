"""Run by tests/store/test_store_faults.py as an unprivileged user: a read-only SQLite database.

Steps (one process stands for each start of the navigator), printed as one JSON object:

1. a project is saved; the database file is made read-only (``chmod 444``);
2. a restart: opening the store is refused in Dutch, with what to fix, and no side file appears;
   ``toolkaart serve`` says what to fix before it starts the server;
3. the file is writable again: the same start-up works and saves;
4. the aftermath the issue saw: a ``-wal`` holding a committed save, and a ``-shm``, left read-only
   (``chmod 444``) by an earlier start; opening repairs them and the committed save is there.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from toolkaart import cli, serve
from toolkaart.access.permissions import LOCAL
from toolkaart.errors import StoreFault
from toolkaart.store.project_store import Store


def main(folder: Path) -> dict[str, object]:
    database = folder / "data" / "toolkaart.sqlite3"
    url = f"sqlite:///{database}"
    seen: dict[str, object] = {}
    store = Store(url, acting=LOCAL)
    project = store.create("Sepsis")
    store.close()

    database.chmod(0o444)
    try:
        Store(url, acting=LOCAL)
    except StoreFault as fault:
        seen["refused"] = {"code": fault.code, "message": str(fault), "advice": fault.advice}
    seen["side_files_after_refusal"] = sorted(p.name for p in database.parent.iterdir())
    seen["serve_output"] = serve_output(url)

    database.chmod(0o644)
    store = Store(url, acting=LOCAL)
    project = store.save(replace(store.get(project.id), description="na herstel"))
    store.close()
    seen["saved_after_fix"] = project.version

    # a start that saves and then dies without closing: its -wal keeps the committed save
    subprocess.run(
        [sys.executable, __file__, str(folder), "--save-and-die", project.id], check=True
    )
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).chmod(0o444)
    seen["wal_bytes"] = database.with_name(database.name + "-wal").stat().st_size
    store = Store(url, acting=LOCAL)
    seen["description_after_repair"] = store.get(project.id).description
    seen["saved_after_repair"] = store.save(store.get(project.id)).version
    store.close()
    return seen


def serve_output(url: str) -> str:
    """What ``toolkaart serve`` prints before it would start Streamlit (not started here)."""
    os.environ["TOOLKAART_DATABASE_URL"] = url
    serve.serve = lambda *_args: None
    said = io.StringIO()
    with contextlib.redirect_stderr(said):
        cli.main(["serve"])
    return said.getvalue()


def save_and_die(folder: Path, project_id: str) -> None:
    store = Store(f"sqlite:///{folder / 'data' / 'toolkaart.sqlite3'}", acting=LOCAL)
    store.save(replace(store.get(project_id), description="alleen in de wal"))
    os._exit(0)  # no close: SQLite does not checkpoint, the -wal stays with the save in it


if __name__ == "__main__":
    if sys.argv[2:3] == ["--save-and-die"]:
        save_and_die(Path(sys.argv[1]), sys.argv[3])
    print(json.dumps(main(Path(sys.argv[1]))))
