"""Export and import of a project whose walk holds items the content removed since (issue 16,
point 6): kept where this navigator knows an earlier version that had them, else refused with a
located Dutch message."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.contentedit import edit_yaml
from toolkaart.access.permissions import LOCAL
from toolkaart.content.loader import load_toolkaart
from toolkaart.content.models import Toolkaart
from toolkaart.documents.project_exchange import export_json, import_project
from toolkaart.errors import ImportRejected
from toolkaart.i18n.catalog import t
from toolkaart.route.content_changes import outline
from toolkaart.route.gates import Answer, today
from toolkaart.route.project import Project
from toolkaart.route.records import new_evidence
from toolkaart.store.project_store import Store

TICKED = "idee-bestaande-toepassingen"  # ticked, with evidence, then removed
OPEN = "idee-ambassadeur"  # open at the decision, then removed


def without_two_items(content: Path) -> Toolkaart:
    def phases(data: Any) -> None:
        idee = data["phases"][0]
        idee["checklist"] = [i for i in idee["checklist"] if i["id"] not in (TICKED, OPEN)]

    edit_yaml(content / "phases.yaml", phases)
    edit_yaml(content / "meta.yaml", lambda data: data.update(version="1.2.0"))
    return load_toolkaart(content)


def walked(store: Store, toolkaart: Toolkaart) -> Project:
    """Saved under the shipped content: two items ticked, evidence, a decision with open items."""
    project = store.create("Valdetectie")
    walk = project.assessment.with_checked(toolkaart, "idee", ["idee-zorgvraag", TICKED])
    walk = walk.decide(toolkaart, "idee", Answer.NOG_NIET, decided_on=today())
    assert OPEN in walk.decisions[-1].open_items
    evidence = new_evidence(toolkaart, "idee", TICKED, note="Overzicht gemaakt")
    changed = project.with_assessment(walk).with_evidence(evidence)
    return store.save(changed.decided_with(toolkaart, project), content=outline(toolkaart))


def test_a_walk_with_removed_items_exports_and_imports_where_they_are_known(
    content_copy: Path, toolkaart: Toolkaart
) -> None:
    store = Store(acting=LOCAL)
    saved = walked(store, toolkaart)  # records the 1.1.0 outline here
    later = without_two_items(content_copy)
    raw = export_json(saved, later)  # exported by the navigator serving 1.2.0
    back = store.get(import_project(store, raw, later).id)
    assert back.assessment.checked_in("idee") == {"idee-zorgvraag", TICKED}
    assert back.assessment.decisions == saved.assessment.decisions
    assert [e.item_id for e in back.evidence] == [TICKED]
    assert back.content_version == "1.2.0"  # imported here, under 1.2.0
    assert store.lookback(back, later).name("idee", TICKED) == next(
        i.text for i in toolkaart.phase("idee").checklist if i.id == TICKED
    )


def test_an_item_no_known_version_had_is_refused_in_dutch(
    content_copy: Path, toolkaart: Toolkaart, tmp_path: Path
) -> None:
    """Another database knows no 1.1.0 outline, but the shipped 1.0.0 one had both removed
    items: they are kept there too. An id no known version had is refused, where it stands."""
    data = json.loads(export_json(walked(Store(acting=LOCAL), toolkaart), toolkaart))
    later = without_two_items(content_copy)
    elsewhere = Store(f"sqlite:///{tmp_path / 'elders.sqlite3'}", acting=LOCAL)
    assert import_project(elsewhere, json.dumps(data), later).assessment.checked_in("idee") == {
        "idee-zorgvraag",
        TICKED,
    }
    data["project"]["checklist"]["idee"].append("idee-verzonnen")
    data["project"]["decisions"][0]["open_items"].append("idee-verzonnen")
    with pytest.raises(ImportRejected) as refused:
        import_project(elsewhere, json.dumps(data), later)
    assert refused.value.problems == (
        t("exchange.unknown_item", where="project.checklist.idee", item="idee-verzonnen",
          phase="idee"),
        t("exchange.unknown_item", where="project.decisions[1].open_items",
          item="idee-verzonnen", phase="idee"),
    )  # fmt: skip
    assert len(elsewhere.list_projects()) == 1
