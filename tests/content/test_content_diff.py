"""Comparing two versions of the content: added, removed and changed items, matched by id."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.contentedit import edit_yaml, replace_text
from toolkaart.content.diff import ItemRef, diff_toolkaarts
from toolkaart.content.loader import load_toolkaart
from toolkaart.content.models import Tool, Toolkaart


def test_identical_content_has_no_differences(toolkaart: Toolkaart) -> None:
    diff = diff_toolkaarts(toolkaart, load_toolkaart())
    assert diff.is_empty
    assert (diff.added, diff.removed, diff.changed) == ((), (), ())


def test_an_edited_yaml_file_shows_as_changed_fields(
    toolkaart: Toolkaart, content_copy: Path
) -> None:
    replace_text(content_copy / "phases.yaml", "name: Idee\n", "name: Ideefase\n")
    replace_text(content_copy / "meta.yaml", 'version: "1.1.0"', 'version: "1.2.0"')

    diff = diff_toolkaarts(toolkaart, load_toolkaart(content_copy))

    assert diff.added == diff.removed == ()
    assert [(c.item.kind, c.item.id, c.fields) for c in diff.changed] == [
        ("meta", "meta", ("version",)),
        ("phase", "idee", ("name",)),
    ]
    assert diff.changed[1].item.name == "Ideefase"


def test_added_and_removed_items_are_listed_by_kind(
    toolkaart: Toolkaart, content_copy: Path
) -> None:
    def add_actor(data: Any) -> None:
        data["actors"].append(
            {"id": "mantelzorger", "number": 11, "name": "De mantelzorger", "description": "Zorgt."}
        )

    def rename_item(data: Any) -> None:
        data["phases"][0]["checklist"][0]["id"] = "idee-vraag-uit-de-zorg"

    edit_yaml(content_copy / "actors.yaml", add_actor)
    edit_yaml(content_copy / "phases.yaml", rename_item)

    diff = diff_toolkaarts(toolkaart, load_toolkaart(content_copy))

    assert [(r.kind, r.id) for r in diff.added] == [
        ("actor", "mantelzorger"),
        ("checklist", "idee-vraag-uit-de-zorg"),
    ]
    assert [(r.kind, r.id) for r in diff.removed] == [("checklist", "idee-zorgvraag")]
    assert diff.changed == ()  # the phase itself did not change: its items are compared one by one
    assert diff.added[0] == ItemRef("actor", "mantelzorger", "De mantelzorger")


def test_a_checklist_item_moved_to_another_phase_changes_its_phase(toolkaart: Toolkaart) -> None:
    first, second = toolkaart.phases[0], toolkaart.phases[1]
    moved = first.checklist[-1]
    new = toolkaart.model_copy(
        update={
            "phases": (
                first.model_copy(update={"checklist": first.checklist[:-1]}),
                second.model_copy(update={"checklist": (*second.checklist, moved)}),
                *toolkaart.phases[2:],
            )
        }
    )
    diff = diff_toolkaarts(toolkaart, new)
    assert [(c.item.kind, c.item.id, c.fields) for c in diff.changed] == [
        ("checklist", moved.id, ("phase",))
    ]


def test_a_tool_losing_its_address_and_one_removed(toolkaart: Toolkaart) -> None:
    kept: list[Tool] = [toolkaart.tools[0].model_copy(update={"url": None})]
    new = toolkaart.model_copy(update={"tools": (*kept, *toolkaart.tools[2:])})
    diff = diff_toolkaarts(toolkaart, new)
    assert [(r.kind, r.id) for r in diff.removed] == [("tool", toolkaart.tools[1].id)]
    assert [(c.item.id, c.fields) for c in diff.changed] == [(toolkaart.tools[0].id, ("url",))]
