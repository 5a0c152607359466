"""The content-health summary: diagnostics, items on no phase, missing addresses and sources."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.contentedit import edit_yaml, replace_text
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.health import content_health, link_table
from toolkaart.content.loader import load_content
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import t


def test_shipped_content(content_copy: Path) -> None:
    health = content_health(load_content(content_copy))
    assert health.is_valid
    assert health.errors == ()
    assert [str(d).split("/")[-1] for d in health.warnings] == [
        f"tools.yaml:49:5: warning: {t('content.diag.no_address', id='begeleidingsethiek')}"
    ]
    assert [t.id for t in health.tools_without_address] == ["begeleidingsethiek"]
    assert [t.id for t in health.unlinked_tools] == [
        "manifest-nl-aic",
        "routekaart-databeschikbaarheid",
        "datavoorgezondheid",
    ]
    assert health.unlinked_actors == ()
    assert health.checklist_without_source == ()


def test_missing_source_and_an_actor_on_no_phase_are_listed(content_copy: Path) -> None:
    dropped: list[tuple[str, str]] = []

    def drop_source(data: Any) -> None:
        phase = data["phases"][2]
        del phase["checklist"][1]["source"]
        dropped.append((phase["id"], phase["checklist"][1]["id"]))

    def add_actor(data: Any) -> None:
        data["actors"].append(
            {"id": "mantelzorger", "number": 11, "name": "De mantelzorger", "description": "Zorgt."}
        )

    edit_yaml(content_copy / "phases.yaml", drop_source)
    edit_yaml(content_copy / "actors.yaml", add_actor)

    health = content_health(load_content(content_copy))

    assert health.is_valid
    assert [a.id for a in health.unlinked_actors] == ["mantelzorger"]
    assert len(health.checklist_without_source) == 1
    phase, item = health.checklist_without_source[0]
    assert [(phase.id, item.id)] == dropped
    assert t("content.diag.no_source", item=item.id) in [d.message for d in health.warnings]


def test_broken_content_still_reports_every_diagnostic(content_copy: Path) -> None:
    replace_text(content_copy / "phases.yaml", "actors: [ontwikkelaar,", "actors: [ontwikkelaarr,")
    health = content_health(load_content(content_copy))
    assert not health.is_valid
    assert [f"{Path(d.path).name}:{d.line}: {d.message}" for d in health.errors] == [
        f"phases.yaml:15: {t('content.diag.unknown_id.actor', id='ontwikkelaarr')}"
    ]
    assert len(health.warnings) == 1  # the missing address is still reported
    assert health.unlinked_tools == health.tools_without_address == ()


def test_link_tables_follow_the_phases_lists(toolkaart: Toolkaart, graph: ToolkaartGraph) -> None:
    actors = link_table(graph, "actor")
    assert actors.phases == toolkaart.phases
    assert [item.id for item, _ in actors.rows] == [a.id for a in toolkaart.actors]
    for item, marks in actors.rows:
        assert marks == tuple(item.id in phase.actors for phase in toolkaart.phases)
    tools = link_table(graph, "tool")
    unlinked = {t.id for t in graph.unlinked_tools()}
    assert {item.id for item, marks in tools.rows if not any(marks)} == unlinked
