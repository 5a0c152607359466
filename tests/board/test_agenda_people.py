"""The agenda's invitees name the people the project team named for each role (issue 16)."""

from __future__ import annotations

import datetime as dt

from toolkaart.board.agenda import compose_agenda, project_brief
from toolkaart.board.agenda_model import agenda_from_dict, agenda_to_dict
from toolkaart.board.portfolio import build_portfolio
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Toolkaart
from toolkaart.documents import agenda_document
from toolkaart.i18n.catalog import t
from toolkaart.route.project import make_project
from toolkaart.route.records import new_person

TODAY = dt.date(2027, 3, 1)


def test_an_invitee_names_who_plays_the_role(toolkaart: Toolkaart, graph: ToolkaartGraph) -> None:
    invited = project_brief(toolkaart, graph, make_project("Sepsis"), today=TODAY).invite
    first, second = (toolkaart.actor(i.actor_id) for i in invited[:2])
    project = (
        make_project("Sepsis")
        .with_person(new_person(toolkaart, first.id, name="Zoë de Vries", function="SEH-arts"))
        .with_person(new_person(toolkaart, first.id, name="Bram", contact="bram@zorg.nl"))
    )
    brief = project_brief(toolkaart, graph, project, today=TODAY)
    invitees = {i.actor_id: i for i in brief.invite}
    assert invitees[first.id].people == ("Zoë de Vries (SEH-arts)", "Bram (bram@zorg.nl)")
    assert invitees[second.id].people == ()

    portfolio = build_portfolio(toolkaart, [project], today=TODAY)
    agenda = compose_agenda(
        toolkaart,
        graph,
        meeting_date=dt.date(2027, 3, 11),
        projects=[project],
        portfolio=portfolio,
        today=TODAY,
    )
    text = agenda_document.to_markdown(agenda)
    named = t(
        "agenda.doc.invitee_people",
        actor=first.name,
        people="Zoë de Vries (SEH-arts); Bram (bram@zorg.nl)",
    )
    assert named.replace("(", "") in text.replace("\\", "").replace("(", "")
    assert agenda_from_dict(agenda_to_dict(agenda)) == agenda


def test_a_draft_saved_before_people_were_named_still_opens(
    toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    project = make_project("Ouder concept")
    agenda = compose_agenda(
        toolkaart,
        graph,
        meeting_date=dt.date(2027, 3, 11),
        projects=[project],
        portfolio=build_portfolio(toolkaart, [project], today=TODAY),
        today=TODAY,
    )
    data = agenda_to_dict(agenda)
    for item in data["items"]:
        for invitee in (item.get("project") or {}).get("invite", []):
            del invitee["people"]
    assert agenda_from_dict(data) == agenda
