"""A writer process for the crash tests: ``python -m tests.store_writer URL PROJECT SAVES [hang]``.

Saves the project SAVES times (each save ticks or unticks an item and appends a *nog niet* on the
first gate) and prints ``acked <version>`` after each save returned. With ``hang`` it then starts
one more save, prints ``mid-save`` once that save's rows are written but not committed, and waits
to be killed.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from toolkaart.access.permissions import LOCAL
from toolkaart.content.loader import load_toolkaart
from toolkaart.route.gates import Answer
from toolkaart.route.project import Project
from toolkaart.store.project_store import Store


def next_version(store: Store, project_id: str) -> Project:
    toolkaart = load_toolkaart()
    project = store.get(project_id)
    items = [item.id for item in toolkaart.phase("idee").checklist]
    ticked = items[: project.version % len(items)]
    walk = project.assessment.with_checked(toolkaart, "idee", ticked)
    walk = walk.decide(toolkaart, "idee", Answer.NOG_NIET, rationale=f"save {project.version}")
    return project.with_assessment(walk)


def main(url: str, project_id: str, saves: int, hang: bool) -> None:
    store = Store(url, acting=LOCAL)
    for _ in range(saves):
        saved = store.save(next_version(store, project_id))
        print(f"acked {saved.version}", flush=True)
    if hang:
        original = Store._write_walk

        def write_then_hang(self: Store, *args: Any) -> None:
            original(self, *args)
            print("mid-save", flush=True)
            time.sleep(600)

        Store._write_walk = write_then_hang  # type: ignore[method-assign,assignment]
        store.save(next_version(store, project_id))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:] == ["hang"])
