"""Agenda composition, editing and drafts: projects and decisions in, agenda items out."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import REPO
from toolkaart.board.agenda import (
    BOARD_ACTOR_ID,
    MAX_DECISIONS,
    add_item,
    agenda_file_stem,
    compose_agenda,
    edit_item,
    move_item,
    project_brief,
    remove_item,
    with_details,
)
from toolkaart.board.agenda_model import (
    Agenda,
    agenda_from_dict,
    agenda_schema,
    agenda_to_dict,
)
from toolkaart.board.portfolio import build_portfolio
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Toolkaart
from toolkaart.content.schema import render
from toolkaart.errors import AgendaError, TextError
from toolkaart.i18n.catalog import t
from toolkaart.route.gates import Answer, Assessment
from toolkaart.route.project import Project

TODAY = dt.date(2027, 3, 1)
MEETING = dt.date(2027, 3, 11)


def walk(toolkaart: Toolkaart, passed: int) -> Assessment:
    """The first ``passed`` gates answered ja on consecutive days, open items accepted."""
    assessment = Assessment()
    for n, phase in enumerate(toolkaart.phases[:passed]):
        assessment = assessment.decide(
            toolkaart,
            phase.id,
            Answer.JA,
            rationale=f"Gate {phase.name} gehaald, één risico geaccepteerd",
            decided_by="Stuurgroep",
            decided_on=dt.date(2026, 1, 1 + n),
            accept_open_items=True,
            next_review=dt.date(2027, 6, 1) if phase is toolkaart.phases[-1] else None,
        )
    return assessment


def make(
    toolkaart: Toolkaart, pid: str, passed: int = 0, assessment: Assessment | None = None
) -> Project:
    return Project(
        id=pid,
        name=f"Project {pid}",
        organisation="Ziekenhuis Oost",
        contact="r.jansen@example.nl",
        assessment=assessment if assessment is not None else walk(toolkaart, passed),
        updated_at=dt.datetime(2027, 2, 1, tzinfo=dt.UTC),
    )


def compose(toolkaart: Toolkaart, graph: ToolkaartGraph, *chosen: Project) -> Agenda:
    portfolio = build_portfolio(toolkaart, chosen, today=TODAY)
    return compose_agenda(
        toolkaart, graph, meeting_date=MEETING, projects=chosen, portfolio=portfolio, today=TODAY
    )


# composition ------------------------------------------------------------------------------------


def test_overview_first_then_projects_in_the_users_order(
    toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    a, b, c = make(toolkaart, "a", 1), make(toolkaart, "b", 3), make(toolkaart, "c", 0)
    agenda = compose(toolkaart, graph, b, a, c, b)
    assert [i.id for i in agenda.items] == ["overview", "project:b", "project:a", "project:c"]
    assert [i.kind for i in agenda.items] == ["overview", "project", "project", "project"]
    assert [i.title for i in agenda.items[1:]] == ["Project b", "Project a", "Project c"]
    assert agenda.project_ids == ("b", "a", "c")
    assert agenda.meeting_date == MEETING
    assert agenda.title == "Agenda bestuursvergadering 11 maart 2027"
    assert agenda.content_version == toolkaart.meta.label


def test_overview_counts_the_portfolio_by_phase(
    toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    projects = [make(toolkaart, "a", 1), make(toolkaart, "b", 1), make(toolkaart, "c", 4)]
    portfolio = build_portfolio(toolkaart, projects, today=TODAY)
    agenda = compose_agenda(
        toolkaart,
        graph,
        meeting_date=MEETING,
        projects=projects[:1],
        portfolio=portfolio,
        today=TODAY,
    )
    overview = agenda.items[0].overview
    assert overview is not None
    assert overview.total == 3
    assert [p.phase_name for p in overview.phases] == [p.name for p in toolkaart.phases]
    tallies = {p.phase_id: (p.count, p.projects) for p in overview.phases}
    assert tallies[toolkaart.phases[1].id] == (2, ("Project a", "Project b"))
    assert tallies[toolkaart.phases[4].id] == (1, ("Project c",))
    assert tallies[toolkaart.phases[0].id] == (0, ())


def test_project_item_asks_the_current_gate_and_lists_open_items_as_risks(
    toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    phase = toolkaart.phases[1]
    ticked = {phase.checklist[0].id, phase.checklist[3].id}
    assessment = walk(toolkaart, 1).with_checked(toolkaart, phase.id, ticked)
    brief = project_brief(
        toolkaart, graph, make(toolkaart, "x", assessment=assessment), today=TODAY
    )
    assert (brief.phase_id, brief.phase_number, brief.phase_name) == (
        phase.id,
        phase.number,
        phase.name,
    )
    assert brief.key_question == phase.key_question
    assert brief.next_phase_name == toolkaart.phases[2].name
    assert brief.risks == tuple(i.text for i in phase.checklist if i.id not in ticked)
    assert (brief.organisation, brief.contact) == ("Ziekenhuis Oost", "r.jansen@example.nl")
    assert [t.id for t in brief.read] == list(phase.tools)
    assert [t.url for t in brief.read] == [toolkaart.tool(t).url for t in phase.tools]


def test_rationale_so_far_is_the_latest_decisions_newest_first(
    toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    first = toolkaart.phases[0]
    assessment = walk(toolkaart, 3).decide(
        toolkaart,
        first.id,
        Answer.NOG_NIET,
        rationale="Draagvlak bij zorgprofessionals ontbreekt; € 40.000 nodig",
        decided_by="Raad van Bestuur",
        decided_on=dt.date(2026, 2, 1),
    )
    brief = project_brief(
        toolkaart, graph, make(toolkaart, "x", assessment=assessment), today=TODAY
    )
    assert brief.phase_id == first.id  # went back
    assert len(brief.decisions) == MAX_DECISIONS
    newest = brief.decisions[0]
    assert (newest.phase_name, newest.answer, newest.decided_by) == (
        first.name,
        Answer.NOG_NIET,
        "Raad van Bestuur",
    )
    assert newest.rationale == "Draagvlak bij zorgprofessionals ontbreekt; € 40.000 nodig"
    assert [d.phase_id for d in brief.decisions[1:]] == [p.id for p in toolkaart.phases[2:0:-1]]
    assert [d.decided_on for d in brief.decisions] == [
        dt.date(2026, 2, 1),
        dt.date(2026, 1, 3),
        dt.date(2026, 1, 2),
    ]
    # the open items recorded with an accepted ja are counted
    assert brief.decisions[1].open_items == len(toolkaart.phases[2].checklist)


def test_invite_those_who_join_at_the_next_phase_then_those_named_on_open_items(
    toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    for passed in range(len(toolkaart.phases) - 1):
        phase, nxt = toolkaart.phases[passed], toolkaart.phases[passed + 1]
        brief = project_brief(toolkaart, graph, make(toolkaart, "x", passed), today=TODAY)
        joining = [a.id for a in graph.transition(nxt.id).joining if a.id != BOARD_ACTOR_ID]
        named: list[str] = []
        for item in phase.checklist:  # all items are open
            named += [a for a in item.actors if a not in named and a not in joining]
        expected = joining + [a for a in named if a != BOARD_ACTOR_ID]
        assert [i.actor_id for i in brief.invite] == expected, phase.id
        for invitee in brief.invite:
            assert invitee.name == toolkaart.actor(invitee.actor_id).name
            assert (invitee.joins_at == nxt.name) == (invitee.actor_id in joining)
            assert invitee.open_items == sum(invitee.actor_id in i.actors for i in phase.checklist)


def test_ticked_items_no_longer_bring_their_actors(
    toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    phase = toolkaart.phases[1]
    everything = {i.id for i in phase.checklist}
    assessment = walk(toolkaart, 1).with_checked(toolkaart, phase.id, everything)
    brief = project_brief(
        toolkaart, graph, make(toolkaart, "x", assessment=assessment), today=TODAY
    )
    assert brief.risks == ()
    joining = graph.transition(toolkaart.phases[2].id).joining
    assert [i.actor_id for i in brief.invite] == [a.id for a in joining]
    assert all(i.open_items == 0 for i in brief.invite)


def test_the_board_role_comes_from_the_content(toolkaart: Toolkaart, graph: ToolkaartGraph) -> None:
    board = toolkaart.actor(BOARD_ACTOR_ID)
    for passed, phase in enumerate(toolkaart.phases):
        brief = project_brief(toolkaart, graph, make(toolkaart, "x", passed), today=TODAY)
        role = brief.board_role
        assert role is not None
        assert (role.name, role.description) == (board.name, board.description)
        assert role.listed_now == (board.id in phase.actors)
        nxt = toolkaart.next_phase(phase.id)
        assert role.listed_next == (nxt is not None and board.id in nxt.actors)
        assert [x.text for x in role.tasks] == [
            i.text for i in phase.checklist if board.id in i.actors
        ]
        assert all(not x.done for x in role.tasks)
        assert BOARD_ACTOR_ID not in [i.actor_id for i in brief.invite]


def test_board_tasks_show_what_is_done(toolkaart: Toolkaart, graph: ToolkaartGraph) -> None:
    phase = next(
        p for p in toolkaart.phases if any(BOARD_ACTOR_ID in i.actors for i in p.checklist)
    )
    mine = [i for i in phase.checklist if BOARD_ACTOR_ID in i.actors]
    passed = toolkaart.position(phase.id)
    assessment = walk(toolkaart, passed).with_checked(toolkaart, phase.id, {mine[0].id})
    brief = project_brief(
        toolkaart, graph, make(toolkaart, "x", assessment=assessment), today=TODAY
    )
    assert brief.board_role is not None
    assert [x.done for x in brief.board_role.tasks] == [i is mine[0] for i in mine]


def test_without_a_zorgbestuurder_in_the_content_there_is_no_board_role(
    toolkaart: Toolkaart,
) -> None:
    data: dict[str, Any] = toolkaart.model_dump()
    data["actors"] = [a for a in data["actors"] if a["id"] != BOARD_ACTOR_ID]
    for phase in data["phases"]:
        phase["actors"] = [a for a in phase["actors"] if a != BOARD_ACTOR_ID]
        for item in phase["checklist"]:
            item["actors"] = [a for a in item["actors"] if a != BOARD_ACTOR_ID]
    other = Toolkaart.model_validate(data)
    brief = project_brief(other, ToolkaartGraph(other), make(other, "x", 2), today=TODAY)
    assert brief.board_role is None
    assert brief.key_question == other.phases[2].key_question


def test_a_project_past_every_gate_is_asked_for_its_review(
    toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    last = toolkaart.phases[-1]
    brief = project_brief(
        toolkaart, graph, make(toolkaart, "x", len(toolkaart.phases)), today=TODAY
    )
    assert brief.completed
    assert (brief.phase_id, brief.key_question) == (last.id, last.key_question)
    assert brief.next_phase_name is None
    assert brief.next_review == dt.date(2027, 6, 1)
    assert all(i.joins_at is None for i in brief.invite)
    assert brief.decisions[0].next_review == dt.date(2027, 6, 1)


def test_a_tool_without_an_address_is_listed_without_a_link(
    toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    phase = next(p for p in toolkaart.phases if any(toolkaart.tool(t).url is None for t in p.tools))
    brief = project_brief(
        toolkaart, graph, make(toolkaart, "x", toolkaart.position(phase.id)), today=TODAY
    )
    missing = [t for t in brief.read if t.url is None]
    assert missing
    assert all(toolkaart.tool(t.id).url is None for t in missing)


# editing ----------------------------------------------------------------------------------------


@pytest.fixture
def agenda(toolkaart: Toolkaart, graph: ToolkaartGraph) -> Agenda:
    return compose(toolkaart, graph, make(toolkaart, "a", 1), make(toolkaart, "b", 2))


def ids(agenda: Agenda) -> list[str]:
    return [i.id for i in agenda.items]


def test_move_up_and_down_stops_at_the_ends(agenda: Agenda) -> None:
    down = move_item(agenda, "overview", 1)
    assert ids(down) == ["project:a", "overview", "project:b"]
    assert ids(move_item(down, "project:b", -1)) == ["project:a", "project:b", "overview"]
    assert ids(move_item(agenda, "overview", -1)) == ids(agenda)
    assert ids(move_item(agenda, "project:b", 5)) == ids(agenda)
    assert ids(agenda) == ["overview", "project:a", "project:b"]  # unchanged: immutable


def test_add_free_items_with_new_ids(agenda: Agenda) -> None:
    one = add_item(agenda, "  Rondvraag ", "Wie heeft nog iets?\n")
    two = add_item(one, "Sluiting")
    assert ids(two)[-2:] == ["free-1", "free-2"]
    item = two.item("free-1")
    assert (item.kind, item.title, item.note) == ("free", "Rondvraag", "Wie heeft nog iets?")
    assert ids(add_item(remove_item(two, "free-1"), "Notulen"))[-2:] == ["free-2", "free-3"]


def test_edit_title_and_note_keeps_the_composed_project(agenda: Agenda) -> None:
    edited = edit_item(agenda, "project:a", title="Sepsis-AI: besluit", note="Kosten € 12.000")
    item = edited.item("project:a")
    assert (item.title, item.note) == ("Sepsis-AI: besluit", "Kosten € 12.000")
    assert item.project == agenda.item("project:a").project
    assert edit_item(edited, "project:a", note="").item("project:a").title == "Sepsis-AI: besluit"


def test_edits_that_make_no_sense_are_refused_in_dutch(agenda: Agenda) -> None:
    with pytest.raises(AgendaError, match="Geef het agendapunt een titel"):
        edit_item(agenda, "overview", title="   ")
    with pytest.raises(AgendaError, match="bestaat niet"):
        move_item(agenda, "free-9", 1)
    with pytest.raises(TextError) as too_long:
        add_item(agenda, "x" * 201)
    assert (too_long.value.code, too_long.value.params["limit"]) == ("too_long", 200)
    with pytest.raises(TextError) as long_note:
        edit_item(agenda, "overview", note="x" * 10_001)
    assert long_note.value.params["field"] == t("agenda.item.note")
    with pytest.raises(TextError, match="stuurteken"):
        add_item(agenda, "Rondvraag\ufffe")
    assert add_item(agenda, "Rond\nvraag").items[-1].title == "Rond vraag"  # one line


def test_remove_and_change_details(agenda: Agenda) -> None:
    assert ids(remove_item(agenda, "project:a")) == ["overview", "project:b"]
    changed = with_details(agenda, title="Extra vergadering", meeting_date=dt.date(2027, 4, 2))
    assert (changed.title, changed.meeting_date) == ("Extra vergadering", dt.date(2027, 4, 2))


@settings(deadline=None)  # a busy 2-core machine took 311 ms for one example (limit 200 ms)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(-3, 3)), max_size=20))
def test_moves_only_reorder(moves: list[tuple[int, int]]) -> None:
    agenda = Agenda(title="Agenda", meeting_date=MEETING)
    for title in "ABCD":
        agenda = add_item(agenda, title)
    for index, step in moves:
        before = agenda.items[index]
        agenda = move_item(agenda, before.id, step)
        assert agenda.items[min(max(index + step, 0), 3)] == before
    assert sorted(i.title for i in agenda.items) == list("ABCD")


# drafts -----------------------------------------------------------------------------------------


def test_a_draft_reopens_exactly(agenda: Agenda) -> None:
    edited = add_item(edit_item(agenda, "project:a", note="Zorg’en: één € post"), "Rondvraag")
    data = json.loads(json.dumps(agenda_to_dict(edited)))  # as the store keeps it: JSON
    assert (data["format"], data["version"]) == ("toolkaart-agenda", 1)
    assert data["meeting_date"] == "2027-03-11"
    assert agenda_from_dict(data) == edited


@pytest.mark.parametrize(
    ("mangle", "message"),
    [
        (lambda d: [d], "geen agenda-concept"),
        (lambda d: {**d, "format": "toolkaart-project"}, "geen agenda-concept"),
        (lambda d: {**d, "version": 2}, "formaatversie 2; deze navigator leest versie 1"),
        (lambda d: {k: v for k, v in d.items() if k != "meeting_date"}, "meeting_date"),
        (lambda d: {**d, "meeting_date": "11-03-2027"}, "meeting_date"),
        (lambda d: {**d, "items": [d["items"][0], d["items"][0]]}, "unique"),
        (lambda d: {**d, "items": [{**d["items"][1], "project": None}]}, "items.0"),
        (lambda d: {**d, "items": [{**d["items"][1], "kind": "vergadering"}]}, "items.0.kind"),
        (lambda d: {**d, "extra": 1}, "extra"),
    ],
)
def test_a_broken_draft_is_refused_with_a_dutch_message(
    agenda: Agenda, mangle: Any, message: str
) -> None:
    data = mangle(agenda_to_dict(agenda))
    with pytest.raises(AgendaError, match=message) as caught:
        agenda_from_dict(data)
    assert "concept" in str(caught.value)


def test_the_documented_schema_is_current_and_accepts_a_draft(agenda: Agenda) -> None:
    path = REPO / "docs" / "agenda-draft.schema.json"
    assert path.read_text(encoding="utf-8") == render(agenda_schema())
    schema = json.loads(path.read_text(encoding="utf-8"))
    draft = json.loads(json.dumps(agenda_to_dict(add_item(agenda, "Rondvraag"))))
    jsonschema.validate(draft, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**draft, "version": 2}, schema)


def test_the_file_name_says_the_meeting_date_once(agenda: Agenda) -> None:
    assert agenda.title == "Agenda bestuursvergadering 11 maart 2027"
    assert agenda_file_stem(agenda) == "agenda-bestuursvergadering-11-maart-2027"
    renamed = with_details(agenda, title="Extra vergadering")
    assert agenda_file_stem(renamed) == "extra-vergadering-2027-03-11"
