"""The organisation boundary in the store, person by person, on SQLite and PostgreSQL.

Two organisations, A and B, and the people of the issue: team A, bestuur A, team B, bestuur B,
redactie (held in A) and a signed-in person without an organisation, each the ``Acting`` value
the member store makes at their sign-in. Every read and write goes through ``Store.acting_as``
or the agenda store with that view, as the web app does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import pytest

from toolkaart.access.permissions import ANONYMOUS, LOCAL, Acting, Person, Role
from toolkaart.board.agenda import add_item, compose_agenda, edit_item
from toolkaart.board.agenda_model import Agenda
from toolkaart.board.portfolio import build_portfolio
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Toolkaart
from toolkaart.documents.project_exchange import export_json, import_project
from toolkaart.errors import AgendaError, ProjectNotFound, StoreError
from toolkaart.i18n.catalog import t
from toolkaart.route.gates import Answer
from toolkaart.route.project import Project, make_project
from toolkaart.store import member_store
from toolkaart.store.agenda_store import (
    DraftInfo,
    delete_draft,
    list_drafts,
    load_draft,
    save_draft,
)
from toolkaart.store.project_store import Store

A, B = "Ziekenhuis Amstel", "Beatrix Kliniek"
ISSUER = "https://idp.example.nl"
#: An id no project has: what "not found" says for it is what another organisation's id gets.
UNKNOWN = "0123456789abcdef"

#: (e-mail, name, organisation, role) of each signed-in person; None: no organisation.
PEOPLE: dict[str, tuple[str, str, str | None, Role | None]] = {
    "team_a": ("anouk@amstel.nl", "Anouk", A, Role.TEAM),
    "bestuur_a": ("bram@amstel.nl", "Bram", A, Role.BESTUUR),
    "team_b": ("carla@beatrix.nl", "Carla", B, Role.TEAM),
    "bestuur_b": ("fleur@beatrix.nl", "Fleur", B, Role.BESTUUR),
    "redactie": ("dirk@amstel.nl", "Dirk", A, Role.REDACTIE),
    "nobody": ("eva@elders.nl", "Eva", None, None),
}


@dataclass
class World:
    base: Store
    acting: dict[str, Acting]
    project_a: Project
    project_b: Project

    def view(self, who: str) -> Store:
        return self.base.acting_as(self.acting[who])

    def stored(self, project: Project) -> Project:
        return self.base.get(project.id)  # LOCAL: whatever anyone may see


@pytest.fixture
def world(database_url: str) -> Iterator[World]:
    base = Store(database_url, acting=LOCAL)
    acting: dict[str, Acting] = {"local": LOCAL, "anonymous": ANONYMOUS}
    for key, (email, name, organisation, role) in PEOPLE.items():
        if organisation is not None and role is not None:
            member_store.grant(base, LOCAL, email, organisation, role)
        acting[key] = member_store.acting_for(base, Person(ISSUER, f"sub-{key}", email, name))
    world = World(base, acting, project_a=make_project("x"), project_b=make_project("x"))
    world.project_a = world.view("team_a").create("Sepsis-signalering", A)
    world.project_b = world.view("team_b").create("Triage-assistent", B)
    yield world
    base.close()


def test_the_people_are_who_the_member_store_says(world: World) -> None:
    assert world.acting["team_a"].roles == {A: frozenset({Role.TEAM})}
    assert world.acting["bestuur_a"].roles == {A: frozenset({Role.BESTUUR})}
    assert world.acting["redactie"].roles == {A: frozenset({Role.REDACTIE})}
    assert world.acting["nobody"].roles == {} and world.acting["nobody"].signed_in


# reading


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("team_a", ["Sepsis-signalering"]),
        ("bestuur_a", ["Sepsis-signalering"]),
        ("team_b", ["Triage-assistent"]),
        ("bestuur_b", ["Triage-assistent"]),
        ("redactie", []),
        ("nobody", []),
        ("anonymous", []),
        ("local", ["Triage-assistent", "Sepsis-signalering"]),
    ],
)
def test_each_person_lists_only_their_organisations_projects(
    world: World, who: str, sees: list[str]
) -> None:
    assert [p.name for p in world.view(who).list_projects()] == sees
    assert [p.name for p in world.view(who).list_projects(include_archived=True)] == sees


def test_archived_projects_stay_inside_the_organisation(world: World) -> None:
    world.view("team_a").save(replace(world.project_a, archived=True))
    assert world.view("team_a").list_projects() == []
    assert [p.name for p in world.view("bestuur_a").list_projects(include_archived=True)] == [
        "Sepsis-signalering"
    ]
    assert [p.name for p in world.view("team_b").list_projects(include_archived=True)] == [
        "Triage-assistent"
    ]


@pytest.mark.parametrize("who", ["team_a", "bestuur_a"])
def test_the_organisation_reads_its_project_and_its_history(world: World, who: str) -> None:
    view = world.view(who)
    assert view.get(world.project_a.id) == world.project_a
    assert [v.project.version for v in view.history(world.project_a.id)] == [1]


def _not_found(call: Callable[[str], object], project_id: str) -> str:
    """What ``call(project_id)`` says, with the id itself left out."""
    with pytest.raises(ProjectNotFound) as raised:
        call(project_id)
    return str(raised.value).replace(project_id, "<id>")


OUTSIDERS = ["team_a", "bestuur_a", "redactie", "nobody", "anonymous"]


@pytest.mark.parametrize("who", OUTSIDERS)
def test_another_organisations_project_is_not_found_exactly_like_an_unknown_id(
    world: World, who: str
) -> None:
    view = world.view(who)
    theirs = _not_found(view.get, world.project_b.id)
    assert theirs == _not_found(view.get, UNKNOWN)
    assert theirs == t("store.error.not_found", id="<id>")


@pytest.mark.parametrize("who", OUTSIDERS)
def test_another_organisations_history_is_not_found_exactly_like_an_unknown_id(
    world: World, who: str
) -> None:
    view = world.view(who)
    assert _not_found(view.history, world.project_b.id) == _not_found(view.history, UNKNOWN)


# bestuur reads, writes nothing


def _tick(toolkaart: Toolkaart, project: Project) -> Project:
    first = toolkaart.phase("idee").checklist[0].id
    return project.with_assessment(project.assessment.with_checked(toolkaart, "idee", [first]))


def _decide(toolkaart: Toolkaart, project: Project, by: str) -> Project:
    walk = project.assessment.decide(
        toolkaart, "idee", Answer.NOG_NIET, rationale="eerst meer weten", decided_by=by
    )
    return project.with_assessment(walk)


CHANGES = ["rename", "archive", "tick", "decide"]


def _changed(toolkaart: Toolkaart, project: Project, change: str, by: str) -> Project:
    if change == "rename":
        return replace(project, name="Hernoemd door het bestuur")
    if change == "archive":
        return replace(project, archived=True)
    if change == "tick":
        return _tick(toolkaart, project)
    return _decide(toolkaart, project, by)


@pytest.mark.parametrize("change", CHANGES)
def test_bestuur_cannot_change_their_organisations_project(
    world: World, toolkaart: Toolkaart, change: str
) -> None:
    bestuur = world.view("bestuur_a")
    project = bestuur.get(world.project_a.id)
    with pytest.raises(StoreError) as raised:
        bestuur.save(_changed(toolkaart, project, change, bestuur.acting.label))
    assert raised.value.code == "no_write"
    assert str(raised.value) == t("store.error.no_write", organisation=A)
    assert world.stored(project) == world.project_a  # version 1, nothing written
    assert len(world.base.history(project.id)) == 1


@pytest.mark.parametrize("who", ["bestuur_a", "redactie", "nobody", "anonymous"])
def test_only_team_creates_projects(world: World, who: str) -> None:
    with pytest.raises(StoreError) as raised:
        world.view(who).create("Nieuw", A)
    assert str(raised.value) == t("store.error.no_write", organisation=A)
    assert len(world.base.list_projects()) == 2


# team A and organisation B


def test_team_a_cannot_create_or_insert_a_project_in_b(world: World) -> None:
    team_a = world.view("team_a")
    with pytest.raises(StoreError) as raised:
        team_a.create("Ingeschoven", B)
    assert str(raised.value) == t("store.error.no_write", organisation=B)
    with pytest.raises(StoreError):
        team_a.insert(make_project("Ingeschoven", B))
    with pytest.raises(StoreError) as raised:
        team_a.insert(make_project("Zonder organisatie"))
    assert str(raised.value) == t("store.error.no_write", organisation="-")
    assert len(world.base.list_projects(include_archived=True)) == 2


def test_team_a_cannot_move_their_project_to_b(world: World) -> None:
    team_a = world.view("team_a")
    with pytest.raises(StoreError) as raised:
        team_a.save(replace(world.project_a, organisation=B))
    assert str(raised.value) == t("store.error.no_write", organisation=B)
    assert world.stored(world.project_a) == world.project_a
    assert world.view("team_b").list_projects()[0].id == world.project_b.id


def test_team_a_cannot_save_over_bs_project_even_under_its_own_organisation(
    world: World,
) -> None:
    """A crafted save (B's id, A's organisation) finds nothing to update: "not found", like an
    unknown id, and B's project is untouched."""
    team_a = world.view("team_a")
    crafted = replace(world.project_b, organisation=A, name="Overgenomen")
    refused = _not_found(lambda pid: team_a.save(replace(crafted, id=pid)), world.project_b.id)
    assert refused == _not_found(team_a.get, UNKNOWN)
    assert world.stored(world.project_b) == world.project_b
    with pytest.raises(StoreError) as raised:  # under B's own organisation: not theirs to write
        team_a.save(replace(world.project_b, name="Overgenomen"))
    assert str(raised.value) == t("store.error.no_write", organisation=B)
    assert world.stored(world.project_b) == world.project_b


def test_a_team_member_with_bestuur_elsewhere_cannot_move_a_read_only_project(
    world: World,
) -> None:
    """Team in B and bestuur in A: A's project may be read, not saved into B."""
    member_store.grant(world.base, LOCAL, "carla@beatrix.nl", A, Role.BESTUUR)
    carla = world.base.acting_as(
        member_store.acting_for(
            world.base, Person(ISSUER, "sub-team_b", "carla@beatrix.nl", "Carla")
        )
    )
    project = carla.get(world.project_a.id)
    with pytest.raises(StoreError) as raised:
        carla.save(replace(project, organisation=B))
    assert str(raised.value) == t("store.error.no_write", organisation=A)
    assert world.stored(world.project_a) == world.project_a


# import


def test_an_import_lands_in_the_chosen_organisation(world: World, toolkaart: Toolkaart) -> None:
    raw = export_json(world.project_b, toolkaart)  # a file from elsewhere, naming B
    team_a = world.view("team_a")
    imported = import_project(team_a, raw, toolkaart, A)
    assert imported.organisation == A
    assert imported.id not in (world.project_a.id, world.project_b.id)
    assert team_a.get(imported.id).organisation == A
    assert [v.saved_by for v in team_a.history(imported.id)] == [team_a.acting.label]
    assert world.stored(world.project_b) == world.project_b


@pytest.mark.parametrize(
    ("who", "organisation", "refused_for"),
    [
        ("team_a", B, B),
        ("team_a", None, B),  # the file's own organisation, B
        ("bestuur_a", A, A),
        ("nobody", A, A),
        ("anonymous", A, A),
    ],
)
def test_an_import_into_an_organisation_they_may_not_write_is_refused(
    world: World, toolkaart: Toolkaart, who: str, organisation: str | None, refused_for: str
) -> None:
    raw = export_json(world.project_b, toolkaart)
    with pytest.raises(StoreError) as raised:
        import_project(world.view(who), raw, toolkaart, organisation)
    assert str(raised.value) == t("store.error.no_write", organisation=refused_for)
    assert len(world.base.list_projects(include_archived=True)) == 2


# who decided, who saved


def test_a_signed_in_decision_carries_their_label_and_history_names_who_saved(
    world: World, toolkaart: Toolkaart
) -> None:
    team_a = world.view("team_a")
    label = team_a.acting.label
    assert label == "Anouk <anouk@amstel.nl>"
    saved = team_a.save(_decide(toolkaart, _tick(toolkaart, world.project_a), label))
    assert saved.assessment.decisions[-1].decided_by == label
    assert team_a.get(saved.id).assessment.decisions[-1].decided_by == label
    history = team_a.history(saved.id)
    assert [(v.project.version, v.saved_by) for v in history] == [(1, label), (2, label)]
    assert history[0].saved_at <= history[1].saved_at


@pytest.mark.parametrize("by", ["Bram <bram@amstel.nl>", "Iemand anders", ""])
def test_a_decision_in_someone_elses_name_is_refused(
    world: World, toolkaart: Toolkaart, by: str
) -> None:
    team_a = world.view("team_a")
    with pytest.raises(StoreError) as raised:
        team_a.save(_decide(toolkaart, world.project_a, by))
    assert raised.value.code == "decided_by_other"
    assert str(raised.value) == t("store.error.decided_by_other", label=team_a.acting.label)
    assert world.stored(world.project_a) == world.project_a
    assert len(world.base.history(world.project_a.id)) == 1


def test_decisions_already_in_the_log_may_name_others(world: World, toolkaart: Toolkaart) -> None:
    """An imported walk keeps who decided then; only a new decision must be the signer's."""
    local = world.base.create("Met geschiedenis", A)
    local = world.base.save(_decide(toolkaart, local, "Vroegere projectleider"))
    team_a = world.view("team_a")
    ticked = team_a.save(_tick(toolkaart, team_a.get(local.id)))
    assert [d.decided_by for d in ticked.assessment.decisions] == ["Vroegere projectleider"]
    assert [v.saved_by for v in team_a.history(local.id)] == ["", "", team_a.acting.label]


def test_local_mode_records_no_name_and_decides_in_any(world: World, toolkaart: Toolkaart) -> None:
    saved = world.base.save(_decide(toolkaart, world.project_b, "Wie dan ook"))
    assert saved.assessment.decisions[-1].decided_by == "Wie dan ook"
    assert [v.saved_by for v in world.base.history(saved.id)] == [
        world.acting["team_b"].label,
        "",
    ]


# agenda drafts


@pytest.fixture
def agenda() -> Agenda:
    draft = Agenda(title="Bestuursvergadering april", meeting_date=dt.date(2027, 4, 8))
    return add_item(draft, "Rondvraag", "Begroting 2028")


@pytest.fixture
def draft_a(world: World, agenda: Agenda) -> DraftInfo:
    return save_draft(world.view("bestuur_a"), agenda, organisation=A)


def test_bestuur_a_saves_and_reopens_a_draft_for_a(
    world: World, agenda: Agenda, draft_a: DraftInfo
) -> None:
    bestuur_a = world.view("bestuur_a")
    assert draft_a.organisation == A
    assert list_drafts(bestuur_a) == [draft_a]
    assert load_draft(bestuur_a, draft_a.id) == (agenda, draft_a)
    again = save_draft(bestuur_a, edit_item(agenda, "free-1", note="bijgewerkt"), draft_a)
    assert (again.version, again.organisation) == (2, A)
    assert list_drafts(world.base) == [again]  # local mode sees every draft


DRAFT_OUTSIDERS = ["bestuur_b", "team_a", "team_b", "redactie", "nobody", "anonymous"]


@pytest.mark.parametrize("who", DRAFT_OUTSIDERS)
def test_others_do_not_list_or_load_as_draft(world: World, draft_a: DraftInfo, who: str) -> None:
    view = world.view(who)
    assert list_drafts(view) == []
    with pytest.raises(AgendaError) as theirs:
        load_draft(view, draft_a.id)
    with pytest.raises(AgendaError) as none:
        load_draft(view, UNKNOWN)
    assert str(theirs.value) == str(none.value) == t("agenda.error.draft_not_found")


@pytest.mark.parametrize("who", DRAFT_OUTSIDERS)
def test_others_cannot_delete_as_draft(world: World, draft_a: DraftInfo, who: str) -> None:
    delete_draft(world.view(who), draft_a.id)
    assert list_drafts(world.view("bestuur_a")) == [draft_a]


@pytest.mark.parametrize("who", DRAFT_OUTSIDERS)
def test_others_cannot_save_over_as_draft(
    world: World, agenda: Agenda, draft_a: DraftInfo, who: str
) -> None:
    changed = edit_item(agenda, "free-1", note="van een ander")
    with pytest.raises(AgendaError) as raised:
        save_draft(world.view(who), changed, draft_a)
    assert str(raised.value) == t("agenda.error.draft_not_allowed", organisation=A)
    # nor with a base that claims their own organisation for A's draft
    if who == "bestuur_b":
        claimed = replace(draft_a, organisation=B)
        with pytest.raises(AgendaError) as raised:
            save_draft(world.view(who), changed, claimed)
        assert raised.value.code == "draft_gone"
    assert load_draft(world.view("bestuur_a"), draft_a.id) == (agenda, draft_a)


@pytest.mark.parametrize("who", ["bestuur_b", "team_a", "nobody", "anonymous"])
def test_a_new_draft_for_a_is_refused_to_anyone_but_bestuur_a(
    world: World, agenda: Agenda, who: str
) -> None:
    with pytest.raises(AgendaError) as raised:
        save_draft(world.view(who), agenda, organisation=A)
    assert str(raised.value) == t("agenda.error.draft_not_allowed", organisation=A)
    assert list_drafts(world.base) == []


def test_bestuur_b_keeps_their_own_drafts_apart(
    world: World, agenda: Agenda, draft_a: DraftInfo
) -> None:
    draft_b = save_draft(world.view("bestuur_b"), agenda, organisation=B)
    assert list_drafts(world.view("bestuur_b")) == [draft_b]
    assert list_drafts(world.view("bestuur_a")) == [draft_a]
    with pytest.raises(AgendaError):
        save_draft(world.view("bestuur_a"), agenda, organisation=B)


def test_an_agenda_with_as_project_is_not_saved_for_b_by_someone_on_both_boards(
    world: World, agenda: Agenda, toolkaart: Toolkaart
) -> None:
    """Bram sits on both boards; he composed an agenda with Amstel's project and then chose
    Beatrix's board: saved there, its project's name and decisions would reach Beatrix's
    managers. The store refuses it; for Amstel's board it is saved."""
    member_store.grant(world.base, LOCAL, "bram@amstel.nl", B, Role.BESTUUR)
    bram = world.base.acting_as(
        member_store.acting_for(world.base, Person(ISSUER, "sub-bestuur_a", "bram@amstel.nl"))
    )
    chosen = [bram.get(world.project_a.id)]
    with_a = compose_agenda(
        toolkaart,
        ToolkaartGraph(toolkaart),
        meeting_date=dt.date(2027, 4, 8),
        projects=chosen,
        portfolio=build_portfolio(toolkaart, chosen, today=dt.date(2027, 4, 1)),
        today=dt.date(2027, 4, 1),
    )
    with pytest.raises(AgendaError) as refused:
        save_draft(bram, with_a, organisation=B)
    assert str(refused.value) == t("agenda.error.draft_other_organisation", organisation=B)
    assert list_drafts(world.view("bestuur_b")) == []
    assert save_draft(bram, with_a, organisation=A).organisation == A
