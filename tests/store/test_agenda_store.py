"""Agenda drafts saved in the store's database and reopened, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from toolkaart.access.permissions import LOCAL
from toolkaart.board.agenda import add_item, edit_item
from toolkaart.board.agenda_model import Agenda
from toolkaart.errors import AgendaError
from toolkaart.store.agenda_store import delete_draft, list_drafts, load_draft, save_draft
from toolkaart.store.project_store import Store
from toolkaart.store.tables import agenda_drafts


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = Store(database_url, acting=LOCAL)
    yield opened
    opened.close()


@pytest.fixture
def agenda() -> Agenda:
    draft = Agenda(title="Bestuursvergadering maart", meeting_date=dt.date(2027, 3, 11))
    return add_item(draft, "Rondvraag", "Zoë’s vraag over het café-budget (€ 250)")


def test_the_migration_creates_the_drafts_table(store: Store) -> None:
    assert "agenda_drafts" in sa.inspect(store.engine).get_table_names()
    assert list_drafts(store) == []


def test_a_saved_draft_reopens_exactly_and_is_listed(store: Store, agenda: Agenda) -> None:
    info = save_draft(store, agenda)
    assert (info.title, info.meeting_date, info.version) == (agenda.title, agenda.meeting_date, 1)
    reopened, listed = load_draft(store, info.id)
    assert reopened == agenda
    assert listed == info
    assert list_drafts(store) == [info]


def test_saving_again_makes_a_new_version_of_the_same_draft(store: Store, agenda: Agenda) -> None:
    first = save_draft(store, agenda)
    edited = edit_item(agenda, "free-1", note="Beantwoord")
    second = save_draft(store, edited, first)
    assert (second.id, second.version) == (first.id, 2)
    assert load_draft(store, first.id)[0] == edited
    assert len(list_drafts(store)) == 1


def test_saving_over_a_draft_saved_meanwhile_is_refused(store: Store, agenda: Agenda) -> None:
    base = save_draft(store, agenda)
    theirs = save_draft(store, edit_item(agenda, "free-1", note="van hen"), base)
    with pytest.raises(AgendaError, match="intussen door iemand anders opgeslagen"):
        save_draft(store, edit_item(agenda, "free-1", note="van mij"), base)
    assert load_draft(store, base.id)[0].item("free-1").note == "van hen"
    assert list_drafts(store) == [theirs]
    mine = save_draft(store, edit_item(agenda, "free-1", note="van mij"))  # as a new draft
    assert {d.id for d in list_drafts(store)} == {base.id, mine.id}


def test_saving_over_a_deleted_draft_is_refused(store: Store, agenda: Agenda) -> None:
    base = save_draft(store, agenda)
    delete_draft(store, base.id)
    with pytest.raises(AgendaError, match="intussen verwijderd"):
        save_draft(store, agenda, base)
    assert list_drafts(store) == []
    with pytest.raises(AgendaError, match="niet gevonden of geen toegang"):
        load_draft(store, base.id)


def test_the_newest_saved_draft_is_listed_first(store: Store, agenda: Agenda) -> None:
    older = save_draft(store, agenda)
    newer = save_draft(store, agenda.model_copy(update={"title": "Extra vergadering"}))
    assert [d.id for d in list_drafts(store)] == [newer.id, older.id]


def test_a_damaged_draft_in_the_database_is_refused_in_dutch(store: Store, agenda: Agenda) -> None:
    info = save_draft(store, agenda)
    with store.write() as connection:
        connection.execute(
            sa.update(agenda_drafts)
            .where(agenda_drafts.c.id == info.id)
            .values(data={"format": "toolkaart-agenda", "version": 1, "items": []})
        )
    with pytest.raises(AgendaError, match="onvolledig of beschadigd"):
        load_draft(store, info.id)


def test_a_delete_for_a_version_keeps_a_draft_saved_again_since(
    store: Store, agenda: Agenda
) -> None:
    first = save_draft(store, agenda)
    again = save_draft(store, edit_item(agenda, "free-1", note="nieuwer"), first)
    assert delete_draft(store, first.id, first.version) is False  # asked about version 1
    assert list_drafts(store) == [again]
    assert delete_draft(store, again.id, again.version) is True
    assert list_drafts(store) == []
