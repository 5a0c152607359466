"""Content outlines in the store and the projects each content change touches, on SQLite and
PostgreSQL (issue 16, point 6)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
import sqlalchemy as sa

from toolkaart.access.permissions import LOCAL, Acting, Person, Role
from toolkaart.content.models import Toolkaart
from toolkaart.errors import StoreError
from toolkaart.i18n.catalog import t
from toolkaart.route.content_changes import ChangeKind, Named, Outline, outline, shipped_outline
from toolkaart.store import project_store
from toolkaart.store.project_store import Store
from toolkaart.store.tables import content_confirmations, content_outlines


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    project_store._OUTLINES.clear()  # a fresh process: nothing remembered
    opened = Store(database_url, acting=LOCAL)
    yield opened
    opened.close()


def rows(store: Store) -> list[Any]:
    with store.read() as connection:
        return list(connection.execute(sa.select(content_outlines)).all())


def outline_queries(store: Store) -> list[str]:
    """The statements this store's engine runs on ``content_outlines`` from now on."""
    seen: list[str] = []

    @sa.event.listens_for(store.engine, "before_cursor_execute")
    def _count(_c: Any, _cur: Any, statement: str, *_args: Any) -> None:
        if "content_outlines" in statement:
            seen.append(statement)

    return seen


def test_a_save_records_the_outline_it_rests_on_once_per_process(
    store: Store, toolkaart: Toolkaart
) -> None:
    serving = outline(toolkaart)
    first = store.create("Sepsis")
    assert rows(store) == []  # created without content: nothing to record
    saved = store.save(first.decided_with(toolkaart, None), content=serving)
    assert saved.content_version == serving.version
    assert [(row.version, Outline.from_json(row.outline)) for row in rows(store)] == [
        (serving.version, serving)
    ]
    assert store.outline(serving.version) == serving
    queries = outline_queries(store)
    for name in ("Valdetectie", "Triage", "Decubitus"):
        created = store.create(name)
        store.save(created.decided_with(toolkaart, None), content=serving)
    assert store.outline(serving.version) == serving
    assert queries == []  # remembered: no query per save or read
    assert len(rows(store)) == 1


def test_a_project_on_another_version_records_nothing(store: Store, toolkaart: Toolkaart) -> None:
    project = replace(store.create("Sepsis"), content_version="1.0.0")
    store.save(project, content=outline(toolkaart))
    assert rows(store) == []


def test_the_first_outline_recorded_under_a_version_is_kept(
    store: Store, database_url: str, toolkaart: Toolkaart
) -> None:
    first = outline(toolkaart)
    store.save(store.create("Sepsis").decided_with(toolkaart, None), content=first)
    idee = first.phases[0]
    extra = Named(id="idee-extra", name="Zonder nieuw versienummer toegevoegd")
    changed = first.model_copy(
        update={"phases": (idee.model_copy(update={"items": (*idee.items, extra)}),)}
    )
    project_store._OUTLINES.clear()  # another process, serving the changed content
    other = Store(database_url, acting=LOCAL)
    try:
        other.save(other.create("Triage").decided_with(toolkaart, None), content=changed)
        assert other.outline(first.version) == first != changed
        assert len(rows(other)) == 1
    finally:
        other.close()


def test_an_outline_not_recorded_is_the_shipped_one_or_unknown(store: Store) -> None:
    shipped = shipped_outline("1.0.0")
    assert shipped is not None
    assert store.outline("1.0.0") == shipped
    assert store.outline("0.1.0") is None
    assert store.outline("") is None
    assert store.known_outlines() == (shipped,)


# how many projects a change touches -------------------------------------------------------------


def redactie() -> Acting:
    person = Person("https://id.example.nl", "r-1", "redactie@zorg.example.nl", "Rik")
    return Acting(person, {"Redactiebureau": frozenset({Role.REDACTIE})})


def team() -> Acting:
    person = Person("https://id.example.nl", "t-1", "team@zorg.example.nl", "Tess")
    return Acting(person, {"Ziekenhuis Amstel": frozenset({Role.TEAM})})


def on(store: Store, name: str, organisation: str, version: str, archived: bool = False) -> None:
    project = store.create(name, organisation)
    store.save(replace(project, content_version=version, archived=archived))


def test_change_reach_counts_projects_per_change_across_organisations_for_staff(
    store: Store, toolkaart: Toolkaart
) -> None:
    serving = outline(toolkaart)
    on(store, "A", "Ziekenhuis Amstel", "1.0.0")
    on(store, "B", "Ziekenhuis Dijk", "1.0.0")
    on(store, "C", "Ziekenhuis Dijk", "1.0.0", archived=True)  # archived: not counted
    on(store, "D", "Ziekenhuis Amstel", serving.version)
    on(store, "E", "Ziekenhuis Amstel", "0.5.0")  # an outline known nowhere
    store.create("F", "Ziekenhuis Amstel")  # never saved with content
    for acting in (LOCAL, redactie()):  # redactie reads no organisation, yet sees the counts
        reach = store.acting_as(acting).change_reach(serving)
        assert reach.serving == serving.version and reach.current == 1
        assert reach.versions == (("1.0.0", 2),)
        assert reach.unknown == (("", 1), ("0.5.0", 1))
        assert len(reach.changes) == 9
        assert {count for _change, count in reach.changes} == {2}
        kinds = {change.kind for change, _count in reach.changes}
        assert kinds == {ChangeKind.ITEM_ADDED, ChangeKind.ITEM_REWORDED}
    with pytest.raises(StoreError) as refused:
        store.acting_as(team()).change_reach(serving)
    assert str(refused.value) == t("store.error.no_content_permission")


def test_a_change_from_two_earlier_versions_counts_the_projects_of_both(
    store: Store, toolkaart: Toolkaart
) -> None:
    serving = outline(toolkaart)
    idee = serving.phases[0]
    older = serving.model_copy(
        update={
            "version": "1.0.5",
            "phases": (idee.model_copy(update={"items": idee.items[1:]}), *serving.phases[1:]),
        }
    )
    recorder = store.create("Opname")  # an older navigator saved under 1.0.5
    store.save(replace(recorder, content_version="1.0.5"), content=older)
    on(store, "A", "", "1.0.0")
    reach = store.change_reach(serving)
    assert reach.versions == (("1.0.0", 1), ("1.0.5", 1))
    counts = {(change.kind, change.id): count for change, count in reach.changes}
    assert counts[(ChangeKind.ITEM_ADDED, idee.items[0].id)] == 1  # only 1.0.5 lacked it
    assert counts[(ChangeKind.ITEM_ADDED, "verkenning-ivdr")] == 1  # only 1.0.0 lacked it


def test_lookback_reads_the_outline_of_the_projects_version(
    store: Store, toolkaart: Toolkaart
) -> None:
    project = replace(store.create("Sepsis"), content_version="1.0.0")
    seen = store.lookback(project, toolkaart)
    assert seen.changes is not None and seen.changes.changes is not None
    assert seen.changes.new_items("verkenning") == {"verkenning-ivdr", "verkenning-ai-act"}
    current = store.lookback(replace(project, content_version=toolkaart.meta.version), toolkaart)
    assert current.changes is None


def test_earlier_versions_are_listed_in_version_order_not_as_text(
    store: Store, toolkaart: Toolkaart
) -> None:
    serving = outline(toolkaart)
    for name, version in (("Tien", "1.0.10"), ("Negen", "1.0.9")):
        project = store.create(name)
        store.save(
            replace(project, content_version=version),
            content=serving.model_copy(update={"version": version}),
        )
    on(store, "A", "", "1.0.0")
    reach = store.change_reach(serving)
    assert [version for version, _count in reach.versions] == ["1.0.0", "1.0.9", "1.0.10"]


# a held-back content change, confirmed once for every replica -------------------------------------


def test_confirmed_content_is_recorded_once_for_every_replica_by_staff_only(
    store: Store,
) -> None:
    held = "b" * 64
    assert not store.content_confirmed(held)
    with pytest.raises(StoreError):
        store.acting_as(team()).confirm_content(held)
    assert not store.content_confirmed(held)
    editor = store.acting_as(redactie())
    editor.confirm_content(held)
    editor.confirm_content(held)  # a second press, on another replica: the same
    other_replica = Store(store.url, acting=LOCAL)
    try:
        assert other_replica.acting_as(team()).content_confirmed(held)
        assert not other_replica.content_confirmed("a" * 64)
    finally:
        other_replica.close()
    with store.read() as connection:
        recorded = connection.execute(sa.select(content_confirmations)).all()
    assert [(row.confirmed_by, row.digest) for row in recorded] == [
        ("Rik <redactie@zorg.example.nl>", held)
    ]
