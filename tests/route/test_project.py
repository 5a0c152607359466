"""What changed between two versions of a project, told by the checklist, and applying it again."""

from __future__ import annotations

from dataclasses import replace

from toolkaart.content.models import Toolkaart
from toolkaart.errors import ProjectConflict
from toolkaart.i18n.catalog import t
from toolkaart.route.project import diff_projects, make_project, reapply_ticks


def test_a_diff_names_checklist_items_by_their_text_not_their_id(toolkaart: Toolkaart) -> None:
    project = make_project("Sepsis")
    verkenning = toolkaart.phase("verkenning")
    first, second = verkenning.checklist[:2]
    walk = project.assessment.with_checked(toolkaart, "verkenning", [first.id])
    ticked = project.with_assessment(walk)
    lines = diff_projects(project, ticked, toolkaart)
    assert lines == (t("project.diff.ticked", phase=verkenning.name, item=first.text),)
    walk = walk.with_checked(toolkaart, "verkenning", [second.id])
    lines = diff_projects(ticked, project.with_assessment(walk), toolkaart)
    assert lines == (
        t("project.diff.ticked", phase=verkenning.name, item=second.text),
        t("project.diff.unticked", phase=verkenning.name, item=first.text),
    )
    assert not any(item.id in line for line in lines for item in (first, second))


def test_reapplying_puts_my_ticks_on_top_of_the_stored_version(toolkaart: Toolkaart) -> None:
    a, b, c = (item.id for item in toolkaart.phase("idee").checklist[:3])
    base = make_project("Gedeeld")
    base = base.with_assessment(base.assessment.with_checked(toolkaart, "idee", [a]))
    theirs = base.with_assessment(base.assessment.with_checked(toolkaart, "idee", [a, b]))
    theirs = replace(theirs, contact="Iemand anders", version=1)
    mine = base.with_assessment(base.assessment.with_checked(toolkaart, "idee", [c]))
    again = reapply_ticks(ProjectConflict(theirs, mine, base), toolkaart)
    # I unticked a and ticked c; they ticked b and set a contact: both stay
    assert again.assessment.checked_in("idee") == {b, c}
    assert (again.contact, again.version) == ("Iemand anders", 1)
