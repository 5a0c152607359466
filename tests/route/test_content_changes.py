"""Content changes reach the projects (issue 16, point 6): outlines, what changed, the baseline."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from toolkaart.content.models import Toolkaart
from toolkaart.errors import GateError
from toolkaart.i18n.catalog import t
from toolkaart.route.content_changes import (
    ChangeKind,
    Named,
    Outline,
    OutlinePhase,
    describe,
    item_texts,
    lookback,
    outline,
    project_changes,
    retired_items,
    retired_ticks,
    shipped_outline,
    shipped_outlines,
    walk_changes,
)
from toolkaart.route.gates import Answer, Assessment
from toolkaart.route.project import make_project

DAY = dt.date(2026, 12, 1)


def named(*pairs: str) -> tuple[Named, ...]:
    return tuple(Named(id=pair.split("=")[0], name=pair.split("=")[1]) for pair in pairs)


def phase(
    phase_id: str, items: tuple[str, ...], tools: tuple[str, ...] = (), actors: tuple[str, ...] = ()
) -> OutlinePhase:
    return OutlinePhase(
        id=phase_id,
        name=phase_id.title(),
        items=named(*items),
        tools=named(*tools),
        actors=named(*actors),
    )


OLD = Outline(
    version="1",
    phases=(
        phase("idee", ("a=Punt A", "b=Punt B", "c=Punt C"), ("gids=Gids",), ("arts=Arts",)),
        phase("pilot", ("p=Punt P",), (), ("arts=Arts",)),
    ),
)
NEW = Outline(
    version="2",
    phases=(
        phase(
            "idee",
            ("a=Punt A", "c=Punt C, anders gezegd", "d=Punt D"),
            ("gids=Gids", "kader=Kader"),
            (),
        ),
        phase("pilot", ("p=Punt P",), (), ("arts=Arts", "cio=CIO")),
    ),
)


def test_walk_changes_names_each_change_with_its_phase() -> None:
    changes = walk_changes(OLD, NEW)
    assert [(c.kind, c.phase_id, c.id, c.name, c.old_name) for c in changes] == [
        (ChangeKind.ITEM_ADDED, "idee", "d", "Punt D", ""),
        (ChangeKind.ITEM_REWORDED, "idee", "c", "Punt C, anders gezegd", "Punt C"),
        (ChangeKind.ITEM_REMOVED, "idee", "b", "Punt B", ""),
        (ChangeKind.TOOL_ADDED, "idee", "kader", "Kader", ""),
        (ChangeKind.ACTOR_REMOVED, "idee", "arts", "Arts", ""),
        (ChangeKind.ACTOR_ADDED, "pilot", "cio", "CIO", ""),
    ]
    assert walk_changes(NEW, NEW) == ()


def test_a_phase_added_or_removed_shows_as_all_its_parts() -> None:
    only_idee = Outline(version="3", phases=OLD.phases[:1])
    gone = walk_changes(OLD, only_idee)
    assert [(c.kind, c.phase_id, c.id) for c in gone] == [
        (ChangeKind.ITEM_REMOVED, "pilot", "p"),
        (ChangeKind.ACTOR_REMOVED, "pilot", "arts"),
    ]
    assert gone[0].phase_name == "Pilot"  # named as the old version named it
    back = walk_changes(only_idee, OLD)
    assert [(c.kind, c.id) for c in back] == [
        (ChangeKind.ITEM_ADDED, "p"),
        (ChangeKind.ACTOR_ADDED, "arts"),
    ]


def test_the_outline_reads_back_from_json_and_an_unknown_shape_is_not_guessed(
    toolkaart: Toolkaart,
) -> None:
    made = outline(toolkaart)
    assert made.version == toolkaart.meta.version
    assert [p.id for p in made.phases] == [p.id for p in toolkaart.phases]
    assert made.phases[0].items[0].name == toolkaart.phases[0].checklist[0].text
    assert Outline.from_json(made.to_json()) == made
    assert made.to_json()["shape"] == 1
    assert Outline.from_json({**made.to_json(), "shape": 2}) is None
    assert Outline.from_json({"version": "1"}) is None


def test_the_shipped_1_0_0_outline_differs_from_1_1_0_as_its_changelog_says(
    toolkaart: Toolkaart,
) -> None:
    """The 1.0.0 outline was made once from the content before the issue 16.7 commits (git
    f0aa582^); the 1.1.0 changelog names the five new items and the reworded ones."""
    old = shipped_outline("1.0.0")
    assert old is not None and old.version == "1.0.0"
    assert shipped_outlines() == (old,)
    assert shipped_outline("9.9.9") is None and shipped_outline("../meta") is None
    changes = walk_changes(old, outline(toolkaart))
    added = {c.id for c in changes if c.kind is ChangeKind.ITEM_ADDED}
    reworded = {c.id for c in changes if c.kind is ChangeKind.ITEM_REWORDED}
    assert added == {
        "verkenning-ivdr",
        "verkenning-ai-act",
        "implementatie-randvoorwaarden-mkba",
        "pilot-a-privacy-security",
        "pilot-a-netwerk-opslagcapaciteit",
    }
    assert reworded == {
        "pilot-b-bekostiging-zorgverzekeraar",
        "ontwikkeling-financiering",
        "ontwikkeling-data-representatief",
        "verkenning-mdr-route",
    }
    assert len(changes) == 9  # nothing removed, no tool or actor moved
    changelog = " ".join(toolkaart.meta.changelog[0].changes)
    assert all(item in changelog for item in added | reworded)
    assert sum(len(p.items) for p in old.phases) + 5 == sum(
        len(p.checklist) for p in toolkaart.phases
    )


# a project's walk when the content changes --------------------------------------------------


@pytest.fixture
def older(toolkaart: Toolkaart) -> Outline:
    """The serving content's outline as it was before: one more item on Idee, one worded
    otherwise, no second actor."""
    now = outline(toolkaart)
    idee = now.phases[0]
    extra = Named(id="idee-vervallen", name="Een punt dat verviel")
    first = idee.items[0].model_copy(update={"name": "Oude tekst"})
    then = idee.model_copy(update={"items": (first, *idee.items[1:], extra)})
    return Outline(version="0.9.0", phases=(then, *now.phases[1:]))


def test_project_changes_say_which_removed_items_were_ticked(
    toolkaart: Toolkaart, older: Outline
) -> None:
    walk = Assessment(checked={"idee": frozenset({"idee-vervallen"})})
    changes = project_changes("0.9.0", walk, older, toolkaart)
    assert changes is not None and changes.changes is not None
    assert (changes.since, changes.serving) == ("0.9.0", toolkaart.meta.version)
    removed = next(c for c in changes.changes if c.kind is ChangeKind.ITEM_REMOVED)
    assert changes.was_ticked(removed) and changes.ticked == {("idee", "idee-vervallen")}
    assert describe(removed, changes) == t(
        "changes.kind.item_removed.ticked", name="Een punt dat verviel"
    )
    reworded = changes.in_phase("idee")[0]
    assert (reworded.kind, reworded.old_name) == (ChangeKind.ITEM_REWORDED, "Oude tekst")
    unticked = project_changes("0.9.0", Assessment(), older, toolkaart)
    assert unticked is not None and not unticked.was_ticked(removed)
    # nothing to say on the serving version or without one; unknown when no outline is known
    assert project_changes(toolkaart.meta.version, walk, older, toolkaart) is None
    assert project_changes("", walk, older, toolkaart) is None
    unknown = project_changes("0.8", walk, None, toolkaart)
    assert unknown is not None and unknown.changes is None and unknown.in_phase("idee") == ()


def test_new_items_are_the_ones_added_since(toolkaart: Toolkaart, older: Outline) -> None:
    without = older.phases[1].model_copy(update={"items": older.phases[1].items[1:]})
    earlier = older.model_copy(update={"phases": (older.phases[0], without, *older.phases[2:])})
    changes = project_changes("0.9.0", Assessment(), earlier, toolkaart)
    assert changes is not None
    assert changes.new_items(toolkaart.phases[1].id) == {toolkaart.phases[1].checklist[0].id}
    assert changes.new_items("idee") == frozenset()


# the rules: removed items stay ticked, the baseline moves at a decision ---------------------


def test_a_ticked_item_removed_from_the_content_stays_ticked(toolkaart: Toolkaart) -> None:
    items = [item.id for item in toolkaart.phase("idee").checklist]
    walk = Assessment(checked={"idee": frozenset({"idee-vervallen", items[0]})})
    # the page ticks from the current checklist only: the removed item is kept whatever it says
    ticked = walk.with_checked(toolkaart, "idee", [items[1]])
    assert ticked.checked_in("idee") == {"idee-vervallen", items[1]}
    assert walk.with_checked(toolkaart, "idee", []).checked_in("idee") == {"idee-vervallen"}
    assert retired_ticks(ticked, toolkaart, "idee") == ("idee-vervallen",)
    with pytest.raises(GateError):  # an id neither in the content nor ticked is refused
        walk.with_checked(toolkaart, "idee", ["verzonnen"])
    # it is no open item, and a decision goes on without it
    assert "idee-vervallen" not in ticked.open_items(toolkaart, "idee")
    decided = ticked.decide(toolkaart, "idee", Answer.NOG_NIET, decided_on=DAY, rationale="Later")
    assert decided.checked_in("idee") == ticked.checked_in("idee")


def test_the_content_version_moves_at_creation_and_at_a_decision_only(
    toolkaart: Toolkaart,
) -> None:
    serving = toolkaart.meta.version
    created = make_project("Triage").decided_with(toolkaart, None)
    assert created.content_version == serving
    old = replace(created, content_version="1.0.0")
    item = toolkaart.phase("idee").checklist[0].id
    ticked = old.with_assessment(old.assessment.with_checked(toolkaart, "idee", [item]))
    assert ticked.decided_with(toolkaart, old).content_version == "1.0.0"  # a tick: kept
    walk = ticked.assessment.decide(toolkaart, "idee", Answer.NOG_NIET, decided_on=DAY)
    decided = ticked.with_assessment(walk)
    assert decided.decided_with(toolkaart, ticked).content_version == serving  # a decision
    never = replace(old, content_version="")
    assert never.decided_with(toolkaart, never).content_version == serving  # none yet: now


def test_lookback_names_removed_ticks_from_any_known_outline(
    toolkaart: Toolkaart, older: Outline
) -> None:
    project = replace(
        make_project("Triage"),
        content_version=toolkaart.meta.version,  # decided since the item was removed
        assessment=Assessment(checked={"idee": frozenset({"idee-vervallen"})}),
    )
    asked: list[str] = []

    def outline_of(version: str) -> Outline | None:
        asked.append(version)
        return None

    seen = lookback(project, toolkaart, outline_of, lambda: [older])
    assert seen.changes is None and asked == []  # on the serving version: no outline asked
    assert seen.name("idee", "idee-vervallen") == "Een punt dat verviel"
    assert seen.name("idee", "elders") == "elders"
    calm = lookback(make_project("Leeg"), toolkaart, outline_of, lambda: pytest.fail("asked"))
    assert calm.changes is None and calm.names == {}


def test_retired_items_are_what_known_outlines_had_and_the_content_lost(
    toolkaart: Toolkaart, older: Outline
) -> None:
    assert retired_items([older, outline(toolkaart)], toolkaart) == {
        "idee": frozenset({"idee-vervallen"})
    }
    assert retired_items([outline(toolkaart)], toolkaart) == {}
    assert item_texts([older])[("idee", "idee-vervallen")] == "Een punt dat verviel"
