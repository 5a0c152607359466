"""Content for the pages: loaded once per process, reloaded when a content file changes.

The cache is keyed on the content files' modification times, so editing a YAML file shows up on
the next rerun without a restart, while an unchanged file costs four ``stat`` calls per rerun.
``st.cache_resource`` (not ``cache_data``) hands every session the same frozen objects, no copies.
Pages show the newest *valid* load (``toolkaart.content.live``): a broken file leaves the
navigator serving the previous content; only Beheer shows what the files on disk say.

A load that removes phases, actors or tools is held back until staff confirm it on Beheer. The
confirmation is recorded in the database, and while a process holds a change back a thread of its
own asks there every ``CONFIRMATION_POLL`` seconds (one small query), so that with several
replicas behind a proxy they all serve it, not only the one that drew the Beheer page. Pages never
wait for that question: the public pages need no database.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast
from weakref import WeakKeyDictionary

import streamlit as st

from toolkaart.access.permissions import ANONYMOUS
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.live import ContentState, LiveContent, ValidContent, content_digest
from toolkaart.content.loader import LoadResult, load_content
from toolkaart.content.models import CONTENT_FILES, Toolkaart
from toolkaart.errors import StoreFault
from toolkaart.events import Event, log_event
from toolkaart.i18n.catalog import t
from toolkaart.settings import settings
from toolkaart.store.project_store import Store
from toolkaart.web.page_end import end_page

T = TypeVar("T")


@dataclass(frozen=True)
class LoadedContent:
    result: LoadResult
    graph: ToolkaartGraph | None


#: Per content directory, the newest valid content of this process, served while its files on disk
#: are broken (another directory's content is never served in its place).
_LIVE: dict[str, LiveContent] = {}
Signature = tuple[tuple[str, int], ...]


def _signature(directory: Path) -> Signature:
    stamps = []
    for name in CONTENT_FILES:
        try:
            stamps.append((name, (directory / name).stat().st_mtime_ns))
        except OSError:
            stamps.append((name, -1))
    return tuple(stamps)


@st.cache_resource(max_entries=2, show_spinner=False)
def _load(directory: str, signature: Signature) -> LoadedContent:
    del signature  # part of the cache key only
    result = load_content(directory)
    if result.toolkaart is None:  # once per version of the files: this load is cached
        log_event(Event.CONTENT_INVALID, level=logging.WARNING, errors=len(result.errors))
    graph = ToolkaartGraph(result.toolkaart) if result.toolkaart is not None else None
    return LoadedContent(result, graph)


# The last state handed out, with its key. Every rerun asks for the content (the page and the
# footer), and nearly always for the same: comparing the key here skips st.cache_resource's
# hashing of the arguments, which cost more than the four ``stat`` calls.
_latest: tuple[tuple[str, Signature], ContentState] | None = None


def loaded_content() -> ContentState:
    """What the files say and what is served (cached; reloaded when a file changes)."""
    global _latest
    directory = settings().content_dir
    key = (str(directory), _signature(directory))
    latest = _latest  # one read: another session's thread may replace it meanwhile
    live = _LIVE.setdefault(key[0], LiveContent())
    if latest is not None and latest[0] == key and latest[1].generation == live.generation:
        state = latest[1]
    else:  # the files changed, or what is served did (a confirmation): taken anew
        loaded = _load(*key)
        state = live.observe(loaded.result, loaded.graph)
        _latest = (key, state)
    if state.held_back is not None:
        _watch_confirmation(live, settings().database_url)
    return state


#: Seconds between a holding process's questions to the database (``_watch``), and after a fault.
CONFIRMATION_POLL = 5.0
FAULT_WAIT = 60.0
#: The content (one per directory) a thread is watching for a confirmation.
_watched: set[LiveContent] = set()
_watched_lock = threading.Lock()
_LOGGER = logging.getLogger(__name__)


def digest_of(valid: ValidContent) -> str:
    """``content_digest`` of a load, computed once per load."""
    return once_per_content(valid.graph, "digest", lambda: content_digest(valid.toolkaart))


def _watch_confirmation(live: LiveContent, database_url: str) -> None:
    """Start the thread that waits for staff to confirm what ``live`` holds back (on any
    replica), unless one is waiting already."""
    with _watched_lock:
        if live in _watched:
            return
        _watched.add(live)
    threading.Thread(
        target=_watch,
        args=(live, database_url),
        name="toolkaart-content-confirmation",
        daemon=True,
    ).start()


def _watch(live: LiveContent, database_url: str) -> None:
    """While ``live`` holds a content change back, ask the database every
    ``CONFIRMATION_POLL`` seconds whether staff confirmed it, and serve it once they have; end
    when nothing is held back (a later hold starts another). A fault waits ``FAULT_WAIT``
    seconds before the next try (a database fault has its own ``store.fault`` line; anything
    else is logged here). It reads nothing but ``live`` and the database: no settings, no
    session."""
    store: Store | None = None
    try:
        while (held := live.held()) is not None:
            try:
                store = store or Store(database_url, acting=ANONYMOUS)
                confirmed = store.content_confirmed(digest_of(held[0]))
            except Exception as fault:  # never a thread that dies: asked again later
                if not isinstance(fault, StoreFault):
                    _LOGGER.exception("content confirmation: the database could not be asked")
                time.sleep(FAULT_WAIT)
                continue
            removals = live.confirm(lambda load: load is held[0]) if confirmed else None
            if removals is not None:  # every session's next run sees it (its generation moved)
                log_event(Event.CONTENT_CONFIRMED, count=len(removals))
            elif not confirmed:
                time.sleep(CONFIRMATION_POLL)
    finally:
        with _watched_lock:
            _watched.discard(live)
        if store is not None:
            store.close()


def reload_content() -> ContentState:
    """Forget every cached load and read the content from disk now.

    The cache key (modification times) already catches ordinary edits; this is for the edits it
    cannot see (a file replaced by a copy that keeps its old time stamp, a file system with coarse
    time stamps) and for staff who want to be sure what they see is what is on disk. It clears the
    cache for every session in this process, which is right: they all read the same files.
    """
    global _latest
    _latest = None
    _load.clear()
    state = loaded_content()
    log_event(Event.CONTENT_RELOADED, errors=len(state.on_disk.errors))
    return state


def confirm_held_back(digest: str, store: Store) -> bool:
    """Serve the held-back content whose digest is ``digest`` (what staff were shown and
    confirmed, on behalf of ``store``'s acting person): here from now on, on the other replicas
    within ``CONFIRMATION_POLL`` seconds. Checked, recorded and served in one step
    (``LiveContent.confirm``), so that a database fault (StoreFault, StoreError) confirms
    nothing anywhere. False when that is no longer what is held back (the files changed since
    they looked): nothing is confirmed."""

    def record(load: ValidContent) -> bool:
        if digest_of(load) != digest:
            return False
        store.confirm_content(digest)
        return True

    removals = _LIVE[str(settings().content_dir)].confirm(record)
    if removals is None:
        return False
    log_event(Event.CONTENT_CONFIRMED, count=len(removals), person=store.acting.person_id)
    return True


def require_content() -> tuple[Toolkaart, ToolkaartGraph]:
    """The content being served; with none valid since the start, a short Dutch page (no paths,
    no diagnostics: those are for staff, on Beheer) and the run stops."""
    serving = loaded_content().serving
    if serving is None:
        st.title(t("content.unavailable.title"), anchor=False)
        st.info(t("content.unavailable.body"))
        end_page()
    return serving.toolkaart, serving.graph


# Keyed on the graph object: every load makes a new graph, so what was derived from old content
# goes with it, and nothing derived from one load is ever shown for another.
_DERIVED: WeakKeyDictionary[ToolkaartGraph, dict[Hashable, Any]] = WeakKeyDictionary()


def once_per_content(graph: ToolkaartGraph, key: Hashable, build: Callable[[], T]) -> T:
    """``build()``, computed once per loaded content (identified by its ``graph``) and ``key``.

    For what a page would otherwise derive from the frozen content on every rerun, for every
    session: maps, tables, lists. ``key`` names the thing and every input besides the content
    (e.g. the UI strings it contains). Two sessions asking at once may both build it; both get
    an equal value, so no lock is held while building.
    """
    derived = _DERIVED.setdefault(graph, {})
    if key not in derived:
        derived[key] = build()
    return cast(T, derived[key])
