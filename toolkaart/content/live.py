"""The content the navigator serves: the newest valid load, kept while the files on disk are broken.

Why: programme staff edit the YAML on a running server. A slip in a file used to take every page
down for every user at once (and showed server paths to project teams). Now a broken load is only
what the files say; the navigator keeps serving the last valid content, staff see the errors on
Beheer with a notice that the previous version is live, and nobody else notices anything.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass

from toolkaart.content.diff import ItemRef, diff_toolkaarts
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
    #: A valid load that would remove phases, actors or tools, held back until staff confirm it.
    held_back: ValidContent | None = None
    #: What ``held_back`` would remove.
    removals: tuple[ItemRef, ...] = ()
    #: ``LiveContent.generation`` when this state was taken: a cache of it is stale once that moved.
    generation: int = 0

    @property
    def on_disk_graph(self) -> ToolkaartGraph | None:
        """The graph of what the files say (served or held back), None when they are broken."""
        for valid in (self.serving, self.held_back):
            if valid is not None and valid.toolkaart is self.on_disk.toolkaart:
                return valid.graph
        return None

    @property
    def serves_previous(self) -> bool:
        """People see an earlier version than the files hold (broken, or removals unconfirmed)."""
        broken = self.on_disk.toolkaart is None and self.serving is not None
        return broken or self.held_back is not None


def content_digest(toolkaart: Toolkaart) -> str:
    """What identifies a loaded content across processes: replicas of one version of the
    navigator that read the same files get the same digest, so a confirmation recorded by one
    (``Store.confirm_content``) names the load the others hold back too."""
    return hashlib.sha256(toolkaart.model_dump_json().encode("utf-8")).hexdigest()


#: Removing these from the route takes a person's confirmation; checklist items and text do not.
GUARDED_KINDS = frozenset({"phase", "actor", "tool"})


class LiveContent:
    """Remembers the newest valid load of one process; safe to share between sessions' threads.

    A valid load that removes a phase, an actor or a tool is not served at once: a file cut short
    by an editor can still be valid (a whole phase, actor or tool gone), and projects and agendas
    refer to them. Staff confirm such a removal on Beheer (``confirm``).
    """

    def __init__(self) -> None:
        self._valid: ValidContent | None = None
        self._held: tuple[ValidContent, tuple[ItemRef, ...]] | None = None
        self._lock = threading.Lock()
        #: Moves on every change of what is served or held back.
        self.generation = 0

    def observe(
        self, result: LoadResult, graph: ToolkaartGraph | None, now: dt.datetime | None = None
    ) -> ContentState:
        """Take a new load: a valid one becomes what is served unless it removes guarded items;
        a broken one leaves what is served as it was."""
        with self._lock:
            valid, held = self._valid, self._held
            if result.toolkaart is not None and graph is not None:
                self._take(ValidContent(result.toolkaart, graph, now or dt.datetime.now(dt.UTC)))
            elif result.toolkaart is None:
                self._held = None
            if self._valid is not valid or self._held is not held:
                self.generation += 1
            now_held, removals = self._held or (None, ())
            return ContentState(result, self._valid, now_held, removals, self.generation)

    def _take(self, new: ValidContent) -> None:
        current = self._valid
        if current is not None and current.toolkaart is new.toolkaart:
            return
        if self._held is not None and self._held[0].toolkaart is new.toolkaart:
            return
        removals: tuple[ItemRef, ...] = ()
        if current is not None:
            diff = diff_toolkaarts(current.toolkaart, new.toolkaart)
            removals = tuple(ref for ref in diff.removed if ref.kind in GUARDED_KINDS)
        if removals:
            self._held = (new, removals)
        else:
            self._valid, self._held = new, None

    def held(self) -> tuple[ValidContent, tuple[ItemRef, ...]] | None:
        """The load held back and what it would remove; None when nothing is."""
        with self._lock:
            return self._held

    def confirm(self, record: Callable[[ValidContent], bool]) -> tuple[ItemRef, ...] | None:
        """Serve the held-back load once ``record`` accepts it (it checks that the load is what
        staff looked at and records the confirmation), in one step: nothing else is taken or
        confirmed meanwhile, so what is recorded is what is served. What it removes; None when
        nothing is held back or ``record`` refused (an exception from it changes nothing)."""
        with self._lock:
            if self._held is None or not record(self._held[0]):
                return None
            (self._valid, removals), self._held = self._held, None
            self.generation += 1
            return removals
