"""Content for the pages: loaded once per process, reloaded when a content file changes.

The cache is keyed on the content files' modification times, so editing a YAML file shows up on
the next rerun without a restart, while an unchanged file costs four ``stat`` calls per rerun.
``st.cache_resource`` (not ``cache_data``) hands every session the same frozen objects, no copies.
Pages show the newest *valid* load (``toolkaart.content.live``): a broken file leaves the
navigator serving the previous content; only Beheer shows what the files on disk say.

A load that removes phases, actors or tools is held back until staff confirm it on Beheer. The
confirmation is recorded in the database, and a replica that holds a change back asks there every
``CONFIRMATION_POLL`` seconds (one small query, only while something is held back), so that with
several replicas behind a proxy they all serve it, not only the one that drew the Beheer page.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast
from weakref import WeakKeyDictionary

import streamlit as st

from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.live import ContentState, LiveContent, ValidContent, content_digest
from toolkaart.content.loader import LoadResult, load_content
from toolkaart.content.models import CONTENT_FILES, Toolkaart
from toolkaart.errors import StoreFault
from toolkaart.events import Event, log_event
from toolkaart.i18n.catalog import t
from toolkaart.settings import settings
from toolkaart.store.project_store import Store
from toolkaart.web import identity
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
    if latest is not None and latest[0] == key:
        state = latest[1]
    else:
        loaded = _load(*key)
        state = _LIVE.setdefault(key[0], LiveContent()).observe(loaded.result, loaded.graph)
        _latest = (key, state)
    if state.held_back is not None:
        return _confirmed_elsewhere(key[0], state) or state
    return state


#: Seconds between a holding replica's questions to the database (``_confirmed_elsewhere``).
CONFIRMATION_POLL = 5.0
_next_poll = 0.0


def _digest(valid: ValidContent) -> str:
    return once_per_content(valid.graph, "digest", lambda: content_digest(valid.toolkaart))


def _confirmed_elsewhere(directory: str, state: ContentState) -> ContentState | None:
    """The state with the held-back load served, once staff confirmed it on another replica;
    None while they have not (or it was not asked: once per ``CONFIRMATION_POLL`` seconds)."""
    global _latest, _next_poll
    served, held, removals = state.serving, state.held_back, state.removals
    if served is None or held is None:
        return None
    now = time.monotonic()
    if now < _next_poll:
        return None
    _next_poll = now + CONFIRMATION_POLL
    try:
        confirmed = identity.base_store().content_change_confirmed(_digest(served), _digest(held))
    except StoreFault:  # the database is out of reach: held back as before, asked again later
        return None
    if not confirmed:
        return None
    _LIVE[directory].confirm(held.toolkaart)
    _latest = None
    log_event(Event.CONTENT_CONFIRMED, count=len(removals))
    return loaded_content()


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


def confirm_held_back(toolkaart: Toolkaart, store: Store) -> ContentState:
    """Serve the held-back content ``toolkaart`` (staff confirmed what it removes, on behalf of
    ``store``'s acting person): here from now on, on the other replicas within
    ``CONFIRMATION_POLL`` seconds. Recorded first, so that a database fault (StoreFault, said on
    the page) confirms nothing anywhere."""
    global _latest
    state = loaded_content()
    held, served = state.held_back, state.serving
    if held is not None and served is not None and held.toolkaart is toolkaart:
        store.confirm_content_change(_digest(served), _digest(held))
        _LIVE[str(settings().content_dir)].confirm(toolkaart)
        log_event(Event.CONTENT_CONFIRMED, count=len(state.removals), person=store.acting.person_id)
    _latest = None
    return loaded_content()


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
