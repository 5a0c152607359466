"""Each event is logged once, where it happens in the store, with ids and never names or text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa

from tests.store.test_store import items
from toolkaart.access.permissions import LOCAL, Acting, Person, Role
from toolkaart.board.agenda_model import Agenda
from toolkaart.content.models import Toolkaart
from toolkaart.documents import project_exchange
from toolkaart.events import organisation_ref
from toolkaart.route.gates import Answer
from toolkaart.store import member_store
from toolkaart.store.agenda_store import delete_draft, save_draft
from toolkaart.store.project_store import Store
from toolkaart.store.tables import people

NAME = "Sepsis-signalering Anouk de Vries"
ORGANISATION = "Huisartsenpraktijk Jansen"
EMAIL = "anouk@jansen.nl"
RATIONALE = "Wenselijk volgens dr. Jansen"


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = Store(database_url, acting=LOCAL)
    yield opened
    opened.close()


def logged(caplog: pytest.LogCaptureFixture) -> list[tuple[str, dict[str, Any]]]:
    """The events logged since the last call, in order, with their fields; then forgets them."""
    found = [
        (record.event, record.__dict__["fields"])  # both set by log_event's ``extra``
        for record in caplog.records
        if hasattr(record, "event")
    ]
    caplog.clear()
    return found


def never_named(caplog: pytest.LogCaptureFixture, *texts: str) -> None:
    for text in texts:
        assert text not in caplog.text


def test_a_project_save_logs_its_id_and_not_its_name(
    store: Store, toolkaart: Toolkaart, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO", logger="toolkaart")
    project = store.create(NAME, ORGANISATION, "Vroeg sepsis herkennen", EMAIL)
    org = organisation_ref(ORGANISATION).digest  # type: ignore[union-attr]
    assert logged(caplog) == [
        ("project.created", {"project": project.id, "version": 1, "organisation": org})
    ]
    ticked = project.with_assessment(
        project.assessment.with_checked(toolkaart, "idee", items(toolkaart, "idee"))
    )
    saved = store.save(ticked)
    text = caplog.text
    assert logged(caplog) == [
        ("project.saved", {"project": project.id, "version": 2, "organisation": org})
    ]
    walk = saved.assessment.decide(
        toolkaart, "idee", Answer.JA, rationale=RATIONALE, decided_by="Anouk de Vries"
    )
    store.save(saved.with_assessment(walk))
    text += caplog.text
    assert logged(caplog) == [  # instead of project.saved: one line per save
        (
            "gate.decided",
            {
                "project": project.id,
                "version": 3,
                "organisation": org,
                "phase": "idee",
                "answer": "ja",
            },
        )
    ]
    for secret in (NAME, "Anouk", ORGANISATION, "Jansen", EMAIL, RATIONALE, "sepsis"):
        assert secret not in text


def test_a_signed_in_person_is_logged_by_their_id(
    store: Store, toolkaart: Toolkaart, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO", logger="toolkaart")
    member_store.grant(store, LOCAL, EMAIL, ORGANISATION, Role.TEAM)
    with store.read() as connection:
        person_id = connection.execute(sa.select(people.c.id)).scalar_one()
    anouk = Person("https://id.example", "sub-anouk", EMAIL, "Anouk de Vries")
    logged(caplog)
    acting = member_store.acting_for(store, anouk)
    assert logged(caplog) == [("signin.bound", {"person": person_id})]
    assert member_store.acting_for(store, anouk) == acting  # the next click: bound already
    assert logged(caplog) == []
    assert acting.person_id == person_id
    project = store.acting_as(acting).create(NAME, ORGANISATION)
    ((event, fields),) = logged(caplog)
    assert (event, fields["person"]) == ("project.created", person_id)
    never_named(caplog, "Anouk", EMAIL, "Jansen")
    assert project.id == fields["project"]


def test_an_import_is_logged_as_imported_only(
    store: Store, toolkaart: Toolkaart, caplog: pytest.LogCaptureFixture
) -> None:
    original = store.create(NAME)
    raw = project_exchange.export_json(original, toolkaart)
    caplog.set_level("INFO", logger="toolkaart")
    caplog.clear()  # the original's creation: logged too when an earlier test set the level
    copy = project_exchange.import_project(store, raw, toolkaart)
    assert logged(caplog) == [("project.imported", {"project": copy.id, "version": 1})]
    never_named(caplog, "Sepsis", "Anouk")


def test_agenda_drafts_are_logged_saved_and_deleted(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO", logger="toolkaart")
    agenda = Agenda(title="Bestuur over dr. Jansen", meeting_date=dt.date(2027, 3, 11))
    first = save_draft(store, agenda, organisation=ORGANISATION)
    second = save_draft(store, agenda, base=first)
    delete_draft(store, first.id)
    delete_draft(store, first.id)  # gone already: nothing happened, nothing logged
    org = organisation_ref(ORGANISATION).digest  # type: ignore[union-attr]
    assert logged(caplog) == [
        ("agenda.saved", {"draft": first.id, "version": 1, "organisation": org}),
        ("agenda.saved", {"draft": second.id, "version": 2, "organisation": org}),
        ("agenda.deleted", {"draft": first.id}),
    ]
    never_named(caplog, "Jansen", "Bestuur")


def test_roles_granted_and_revoked_are_logged_by_the_member_id(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO", logger="toolkaart")
    member_store.grant(store, LOCAL, EMAIL, ORGANISATION, Role.TEAM)
    member_store.grant(store, LOCAL, EMAIL, ORGANISATION, Role.TEAM)  # held already: no event
    member_store.grant(store, LOCAL, EMAIL, ORGANISATION, Role.BESTUUR)
    member_store.revoke(store, LOCAL, EMAIL, ORGANISATION)
    with store.read() as connection:
        member = connection.execute(sa.select(people.c.id)).scalar_one()
    org = organisation_ref(ORGANISATION).digest  # type: ignore[union-attr]
    assert logged(caplog) == [
        ("member.granted", {"member": member, "organisation": org, "role": "team"}),
        ("member.granted", {"member": member, "organisation": org, "role": "bestuur"}),
        ("member.revoked", {"member": member, "organisation": org, "count": 2}),
    ]
    never_named(caplog, EMAIL, "Jansen")


def test_a_refused_action_logs_nothing(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO", logger="toolkaart")
    nobody = Acting(Person("https://id.example", "sub-x", "x@elders.nl"))
    with pytest.raises(ValueError):
        store.acting_as(nobody).create(NAME, ORGANISATION)
    with pytest.raises(ValueError):
        member_store.grant(store, nobody, EMAIL, ORGANISATION, Role.TEAM)
    assert logged(caplog) == []
