"""A content slip takes nothing down: the last valid load keeps being served."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.contentedit import drop_last_phase
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.live import LiveContent
from toolkaart.content.loader import load_content

MORNING = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)
NOON = dt.datetime(2027, 3, 1, 12, 0, tzinfo=dt.UTC)


def test_a_broken_file_keeps_the_last_valid_content_and_says_so(content_copy: Path) -> None:
    live = LiveContent()
    valid = load_content(content_copy)
    assert valid.toolkaart is not None
    first = live.observe(valid, ToolkaartGraph(valid.toolkaart), MORNING)
    assert first.serving is not None and first.serving.toolkaart is valid.toolkaart
    assert not first.serves_previous

    phases = content_copy / "phases.yaml"
    phases.write_text(phases.read_text(encoding="utf-8") + "\n  - id: [\n", encoding="utf-8")
    broken = load_content(content_copy)
    assert broken.toolkaart is None and broken.errors
    state = live.observe(broken, None, NOON)
    assert state.serves_previous
    assert state.on_disk is broken  # staff see what the files say
    assert state.serving is not None
    assert state.serving.toolkaart is valid.toolkaart
    assert state.serving.loaded_at == MORNING


def test_a_new_valid_load_replaces_the_served_content_and_the_same_load_keeps_its_time(
    content_copy: Path,
) -> None:
    live = LiveContent()
    old = load_content(content_copy)
    assert old.toolkaart is not None
    graph = ToolkaartGraph(old.toolkaart)
    live.observe(old, graph, MORNING)
    assert live.observe(old, graph, NOON).serving.loaded_at == MORNING  # type: ignore[union-attr]
    new = load_content(content_copy)
    assert new.toolkaart is not None
    state = live.observe(new, ToolkaartGraph(new.toolkaart), NOON)
    assert state.serving is not None and state.serving.toolkaart is new.toolkaart
    assert state.serving.loaded_at == NOON


def test_broken_from_the_start_serves_nothing(content_copy: Path) -> None:
    (content_copy / "tools.yaml").write_text("tools: [\n", encoding="utf-8")
    state = LiveContent().observe(load_content(content_copy), None)
    assert state.serving is None and not state.serves_previous


def test_a_valid_load_that_removes_a_phase_is_held_back_until_confirmed(
    content_copy: Path,
) -> None:
    live = LiveContent()
    old = load_content(content_copy)
    assert old.toolkaart is not None
    live.observe(old, ToolkaartGraph(old.toolkaart), MORNING)
    drop_last_phase(content_copy)
    new = load_content(content_copy)
    assert new.toolkaart is not None and len(new.toolkaart.phases) == 6
    state = live.observe(new, ToolkaartGraph(new.toolkaart), NOON)
    assert state.serving is not None and state.serving.toolkaart is old.toolkaart
    assert state.serves_previous and state.held_back is not None
    assert [(ref.kind, ref.id) for ref in state.removals] == [("phase", "productie")]
    assert state.on_disk_graph is state.held_back.graph  # staff see what the files say

    assert live.confirm(lambda load: False) is None  # not what staff looked at: nothing
    assert live.observe(new, ToolkaartGraph(new.toolkaart), NOON).held_back is state.held_back
    generation = live.generation
    removals = live.confirm(lambda load: load is state.held_back)
    assert removals == state.removals and live.generation > generation
    after = live.observe(new, ToolkaartGraph(new.toolkaart), NOON)
    assert after.serving is not None and after.serving.toolkaart is new.toolkaart
    assert not after.serves_previous and after.removals == ()
