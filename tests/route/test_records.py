"""What a team records beside its walk: evidence per checklist item, people per role, phase notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from toolkaart.content.models import Toolkaart
from toolkaart.errors import ProjectError, TextError
from toolkaart.i18n.catalog import t
from toolkaart.route import records
from toolkaart.route.project import diff_projects, make_project
from toolkaart.route.records import (
    MAX_PEOPLE_PER_ROLE,
    Evidence,
    Person,
    evidence_tally,
    new_evidence,
    new_note,
    new_person,
)
from toolkaart.route.snapshot import ADDED_IN_2, ProjectSnapshot, upgraded

MOMENT = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)


def idee_items(toolkaart: Toolkaart) -> list[str]:
    return [item.id for item in toolkaart.phase("idee").checklist]


# evidence ----------------------------------------------------------------------------------------


def test_evidence_is_a_note_an_address_or_both_with_who_and_when(toolkaart: Toolkaart) -> None:
    item = idee_items(toolkaart)[0]
    note = new_evidence(toolkaart, "idee", item, note=" Zie verslag \r\nvan 3 mei ", added_by="An")
    assert (note.note, note.url, note.added_by) == ("Zie verslag \nvan 3 mei", "", "An")
    assert note.added_at.tzinfo is not None
    link = new_evidence(
        toolkaart, "idee", item, url=" https://intranet.example.nl/verslag?id=3 ", added_at=MOMENT
    )
    assert (link.note, link.url, link.added_by, link.added_at) == (
        "",
        "https://intranet.example.nl/verslag?id=3",
        "",
        MOMENT,
    )
    both = new_evidence(toolkaart, "idee", item, note="Verslag", url="https://x.example.nl/")
    assert (both.note, both.url) == ("Verslag", "https://x.example.nl/")


@pytest.mark.parametrize(
    "url",
    [
        "http://intranet.example.nl/verslag",
        "javascript:alert(1)",
        "https://",
        "https://localhost/verslag",
        "https://user:secret@example.nl/",
        "ftp://example.nl/bestand",
        "www.example.nl/verslag",
    ],
)
def test_an_evidence_address_is_https_as_the_tools_addresses_are(
    toolkaart: Toolkaart, url: str
) -> None:
    with pytest.raises(ProjectError) as refused:
        new_evidence(toolkaart, "idee", idee_items(toolkaart)[0], url=url)
    assert str(refused.value) == t("project.error.not_https", url=url)


def test_evidence_without_a_note_or_an_address_is_refused(toolkaart: Toolkaart) -> None:
    with pytest.raises(ProjectError) as refused:
        new_evidence(toolkaart, "idee", idee_items(toolkaart)[0], note=" \n ", url=" ")
    assert str(refused.value) == t("project.error.evidence_empty")


def test_evidence_names_an_item_of_the_phase(toolkaart: Toolkaart) -> None:
    verkenning_item = toolkaart.phase("verkenning").checklist[0].id
    with pytest.raises(ProjectError) as refused:
        new_evidence(toolkaart, "idee", verkenning_item, note="x")
    assert refused.value.code == "unknown_item"
    with pytest.raises(ProjectError) as refused:
        new_evidence(toolkaart, "geen-fase", verkenning_item, note="x")
    assert str(refused.value) == t("project.error.unknown_phase", phase="geen-fase")


def test_evidence_texts_follow_the_one_text_rule(toolkaart: Toolkaart) -> None:
    item = idee_items(toolkaart)[0]
    with pytest.raises(TextError):
        new_evidence(toolkaart, "idee", item, note="a\x00b")
    with pytest.raises(TextError) as refused:
        new_evidence(toolkaart, "idee", item, note="x" * (records.MAX_EVIDENCE_NOTE + 1))
    assert refused.value.code == "too_long"
    with pytest.raises(TextError):
        new_evidence(toolkaart, "idee", item, note="x", added_by="x" * (records.MAX_AUTHOR + 1))
    assert new_evidence(toolkaart, "idee", item, note="x", added_by="An\nJansen").added_by == (
        "An Jansen"
    )


def test_a_project_gains_evidence_per_item_in_the_order_added(toolkaart: Toolkaart) -> None:
    first, second = idee_items(toolkaart)[:2]
    project = make_project("Sepsis")
    one = new_evidence(toolkaart, "idee", first, note="een")
    two = new_evidence(toolkaart, "idee", second, note="twee")
    three = new_evidence(toolkaart, "idee", first, url="https://drie.example.nl/")
    for evidence in (one, two, three):
        project = project.with_evidence(evidence)
    assert project.evidence_for("idee", first) == (one, three)
    assert project.evidence_for("idee", second) == (two,)
    assert project.evidence_for("verkenning", first) == ()


def test_a_project_holds_at_most_max_evidence(
    toolkaart: Toolkaart, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("toolkaart.route.project.MAX_EVIDENCE", 2)
    evidence = new_evidence(toolkaart, "idee", idee_items(toolkaart)[0], note="x")
    project = make_project("Vol").with_evidence(evidence).with_evidence(evidence)
    with pytest.raises(ProjectError) as refused:
        project.with_evidence(evidence)
    assert str(refused.value) == t("project.error.too_many", limit=2)


def test_the_tally_counts_ticked_items_with_and_without_evidence(toolkaart: Toolkaart) -> None:
    a, b, c, d = idee_items(toolkaart)[:4]
    evidence = (
        new_evidence(toolkaart, "idee", a, note="a"),
        new_evidence(toolkaart, "idee", a, note="nog een"),
        new_evidence(toolkaart, "idee", d, note="d is niet afgevinkt"),
        Evidence("idee", "verdwenen-punt", note="uit oudere inhoud"),
    )
    tally = evidence_tally(toolkaart, "idee", frozenset({a, b, c, "verdwenen-punt"}), evidence)
    assert (tally.with_evidence, tally.without) == (1, 2)
    assert evidence_tally(toolkaart, "verkenning", frozenset(), evidence).without == 0


# people ------------------------------------------------------------------------------------------


def test_a_person_plays_an_actor_role_with_a_name(toolkaart: Toolkaart) -> None:
    actor = toolkaart.actors[0].id
    person = new_person(
        toolkaart, actor, name="  Dr. A.\tJansen ", function="SEH-arts", contact="a@zh.nl"
    )
    assert person == Person(actor, "Dr. A. Jansen", "SEH-arts", "a@zh.nl")
    with pytest.raises(ProjectError) as refused:
        new_person(toolkaart, actor, name=" ")
    assert str(refused.value) == t("project.error.person_name_required")
    with pytest.raises(ProjectError) as refused:
        new_person(toolkaart, "geen-actor", name="Iemand")
    assert str(refused.value) == t("project.error.unknown_actor", actor="geen-actor")
    with pytest.raises(TextError):
        new_person(toolkaart, actor, name="x" * (records.MAX_PERSON_FIELD + 1))


def test_several_people_per_role_and_removing_one(toolkaart: Toolkaart) -> None:
    first, second = toolkaart.actors[0].id, toolkaart.actors[1].id
    an = new_person(toolkaart, first, name="An")
    bo = new_person(toolkaart, first, name="Bo", function="verpleegkundige")
    cy = new_person(toolkaart, second, name="Cy")
    project = make_project("Team").with_person(an).with_person(cy).with_person(bo)
    assert project.people_in(first) == (an, bo)
    assert project.people_in(second) == (cy,)
    assert project.without_person(an).people_in(first) == (bo,)
    assert project.without_person(new_person(toolkaart, first, name="Niemand")) == project
    twice = project.with_person(an)
    assert twice.without_person(an).people_in(first) == (bo, an)  # the first of two equal ones


def test_a_role_names_at_most_max_people(toolkaart: Toolkaart) -> None:
    actor = toolkaart.actors[0].id
    project = make_project("Groot")
    for number in range(MAX_PEOPLE_PER_ROLE):
        project = project.with_person(new_person(toolkaart, actor, name=f"Persoon {number}"))
    with pytest.raises(ProjectError) as refused:
        project.with_person(new_person(toolkaart, actor, name="Eén te veel"))
    assert str(refused.value) == t("project.error.too_many_in_role", limit=MAX_PEOPLE_PER_ROLE)
    other = new_person(toolkaart, toolkaart.actors[1].id, name="Ander")
    assert project.with_person(other).people_in(other.actor_id) == (other,)


# notes -------------------------------------------------------------------------------------------


def test_a_phase_has_a_thread_of_notes(toolkaart: Toolkaart) -> None:
    first = new_note(toolkaart, "idee", " Gesprek met IC \r\n gepland ", author="An")
    assert (first.text, first.author) == ("Gesprek met IC \n gepland", "An")
    second = new_note(toolkaart, "verkenning", "Data aangevraagd", written_at=MOMENT)
    third = new_note(toolkaart, "idee", "Gesprek gevoerd")
    project = make_project("Notities")
    for note in (first, second, third):
        project = project.with_note(note)
    assert project.notes_in("idee") == (first, third)
    assert project.notes_in("verkenning") == (second,)
    with pytest.raises(ProjectError) as refused:
        new_note(toolkaart, "idee", " \n")
    assert str(refused.value) == t("project.error.note_empty")
    with pytest.raises(ProjectError):
        new_note(toolkaart, "geen-fase", "tekst")
    with pytest.raises(TextError):
        new_note(toolkaart, "idee", "x" * (records.MAX_NOTE + 1))


def test_evidence_and_notes_have_no_way_to_be_removed() -> None:
    """Append-only: a project gains them; only people can be taken away."""
    from toolkaart.route.project import Project

    changes = {name for name in dir(Project) if name.startswith(("with", "without"))}
    assert changes == {
        "with_assessment",
        "with_evidence",
        "with_note",
        "with_person",
        "without_person",
    }


# the project's content version, what changed, and the one shape ----------------------------------


def test_a_save_records_the_content_version_it_was_made_with(toolkaart: Toolkaart) -> None:
    project = make_project("Versie")
    assert project.content_version == ""
    assert project.decided_with(toolkaart, None).content_version == toolkaart.meta.version


def test_a_diff_names_added_evidence_notes_and_people(toolkaart: Toolkaart) -> None:
    idee = toolkaart.phase("idee")
    item = idee.checklist[0]
    actor = toolkaart.actors[0]
    person = new_person(toolkaart, actor.id, name="An")
    before = make_project("Verschil").with_person(person)
    after = (
        before.with_evidence(new_evidence(toolkaart, "idee", item.id, note="x"))
        .with_note(new_note(toolkaart, "idee", "y"))
        .without_person(person)
        .with_person(new_person(toolkaart, actor.id, name="Bo"))
    )
    assert diff_projects(before, after, toolkaart) == (
        t("project.diff.evidence", phase=idee.name, item=item.text),
        t("project.diff.note", phase=idee.name),
        t("project.diff.person_added", actor=actor.name, name="Bo"),
        t("project.diff.person_removed", actor=actor.name, name="An"),
    )


def test_the_snapshot_carries_evidence_people_notes_and_content_version(
    toolkaart: Toolkaart,
) -> None:
    item = idee_items(toolkaart)[0]
    project = (
        replace(make_project("Vorm"), version=3)
        .decided_with(toolkaart, None)
        .with_person(new_person(toolkaart, toolkaart.actors[0].id, name="An", function="arts"))
        .with_evidence(new_evidence(toolkaart, "idee", item, url="https://e.example.nl/", added_at=MOMENT))
        .with_note(new_note(toolkaart, "idee", "Notitie", author="Bo", written_at=MOMENT))
    )  # fmt: skip
    data = ProjectSnapshot.of(project).model_dump(mode="json")
    assert data["content_version"] == toolkaart.meta.version
    assert data["people"] == [
        {"actor": toolkaart.actors[0].id, "name": "An", "function": "arts", "contact": ""}
    ]
    assert data["evidence"] == [
        {
            "phase": "idee",
            "item": item,
            "note": "",
            "url": "https://e.example.nl/",
            "added_by": "",
            "added_at": "2026-12-01T09:30:00+00:00",
        }
    ]
    assert data["notes"] == [
        {"phase": "idee", "text": "Notitie", "author": "Bo", "written_at": "2026-12-01T09:30:00+00:00"}
    ]  # fmt: skip
    back = ProjectSnapshot.model_validate(data, strict=False).to_project()
    assert back == project


def test_a_snapshot_written_before_version_2_reads_with_the_new_fields_empty(
    toolkaart: Toolkaart,
) -> None:
    data = ProjectSnapshot.of(replace(make_project("Oud"), version=1)).model_dump(mode="json")
    old = {key: value for key, value in data.items() if key not in ADDED_IN_2}
    project = ProjectSnapshot.model_validate(upgraded(old), strict=False).to_project()
    assert (project.content_version, project.people, project.evidence, project.notes) == (
        "",
        (),
        (),
        (),
    )
    kept = upgraded({**old, "content_version": "0.9"})
    assert kept["content_version"] == "0.9"  # what a snapshot has is kept
