"""The cycle collector is told once, at the end of a process's first run, to leave alone what then
exists (modules, content, graph) and to collect the young generation less often; sessions' objects
made later are still collected."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from tests.appkit import open_page
from toolkaart.web import collector


class _Node:
    """A cycle: only the collector frees it, not reference counting."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def first_run(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A process that has not frozen anything yet; unfrozen again afterwards."""
    gc.unfreeze()
    monkeypatch.setattr(collector._Once, "done", False)
    thresholds = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


@pytest.mark.usefixtures("first_run")
def test_what_exists_at_the_first_run_is_frozen_and_later_cycles_are_still_collected() -> None:
    shared = _Node()
    shared_alive = weakref.ref(shared)
    collector.settle_after_first_run()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    assert gc.get_threshold() == (collector.YOUNG_GENERATION, 10, 10)

    session = _Node()  # made after the first run: a session's object
    session_alive = weakref.ref(session)
    collector.settle_after_first_run()  # a later run freezes nothing more
    assert gc.get_freeze_count() <= frozen

    del shared, session
    gc.collect()
    assert session_alive() is None  # a session's cycle is freed
    assert shared_alive() is not None  # frozen: never walked, never freed (hence only once)


@pytest.mark.usefixtures("first_run")
def test_the_app_freezes_at_the_end_of_its_first_run_only() -> None:
    app = open_page("app_pages/fase.py")
    assert not app.exception
    frozen = gc.get_freeze_count()
    assert frozen > 0
    app.run()
    assert gc.get_freeze_count() <= frozen  # nothing more (a frozen object freed lowers it)
