"""The content the navigator serves: the newest valid load, kept while the files on disk are broken.

Why: programme staff edit the YAML on a running server. A slip in a file used to take every page
down for every user at once (and showed server paths to project teams). Now a broken load is only
what the files say; the navigator keeps serving the last valid content, staff see the errors on
Beheer with a notice that the previous version is live, and nobody else notices anything.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.loader import LoadResult
from toolkaart.content.models import Toolkaart


@dataclass(frozen=True)
class ValidContent:
    """A load without errors, and when it was loaded."""

    toolkaart: Toolkaart
    graph: ToolkaartGraph
    loaded_at: dt.datetime


@dataclass(frozen=True)
class ContentState:
    """What the files on disk say, and what the navigator serves meanwhile."""

    on_disk: LoadResult
    serving: ValidContent | None

    @property
    def on_disk_graph(self) -> ToolkaartGraph | None:
        """The graph of what the files say: the served one exactly when the files are valid."""
        if self.serving is not None and self.serving.toolkaart is self.on_disk.toolkaart:
            return self.serving.graph
        return None

    @property
    def serves_previous(self) -> bool:
        """The files are broken and an earlier valid version is what people see."""
        return self.on_disk.toolkaart is None and self.serving is not None


class LiveContent:
    """Remembers the newest valid load of one process; safe to share between sessions' threads."""

    def __init__(self) -> None:
        self._valid: ValidContent | None = None
        self._lock = threading.Lock()

    def observe(
        self, result: LoadResult, graph: ToolkaartGraph | None, now: dt.datetime | None = None
    ) -> ContentState:
        """Take a new load: a valid one becomes what is served, a broken one leaves it as it was."""
        with self._lock:
            if result.toolkaart is not None and graph is not None:
                current = self._valid
                if current is None or current.toolkaart is not result.toolkaart:
                    loaded_at = now or dt.datetime.now(dt.UTC)
                    self._valid = ValidContent(result.toolkaart, graph, loaded_at)
            return ContentState(result, self._valid)
