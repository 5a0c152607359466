"""The calendar files (iCalendar, RFC 5545), parsed back with ``icalendar``: re-reviews and board
meetings, stable UIDs, user text as text, and only what the acting person may read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest
import sqlalchemy as sa

from toolkaart.access.permissions import LOCAL, Acting, Person, Role
from toolkaart.board.agenda import compose_agenda
from toolkaart.board.agenda_model import Agenda
from toolkaart.board.portfolio import build_portfolio
from toolkaart.cli import main
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Toolkaart
from toolkaart.documents.ics_calendar import (
    PRODID,
    may_have_dates,
    organisation_calendar,
    project_calendar,
)
from toolkaart.i18n.catalog import t
from toolkaart.i18n.dates import date_label
from toolkaart.route.gates import Answer
from toolkaart.route.project import Project
from toolkaart.store.agenda_store import DraftInfo, save_draft
from toolkaart.store.project_store import Store
from toolkaart.store.tables import agenda_drafts

A, B = "Ziekenhuis Amstel", "Beatrix Kliniek"
STAMP = dt.datetime(2027, 1, 4, 8, 30, tzinfo=dt.UTC)
REVIEW = dt.date(2027, 6, 1)
MEETING = dt.date(2027, 3, 11)
#: What a name may hold and an ICS line may not, unescaped: , ; \ and a line-like "END:VEVENT".
ODD = 'Zoë’s triage, "A;B" \\ END:VEVENT'


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = Store(database_url, acting=LOCAL)
    yield opened
    opened.close()


def through_every_gate(
    store: Store, toolkaart: Toolkaart, project: Project, review: dt.date = REVIEW
) -> Project:
    walk = project.assessment
    for phase in toolkaart.phases:
        walk = walk.decide(
            toolkaart,
            phase.id,
            Answer.JA,
            decided_by="Raad van Bestuur",
            decided_on=dt.date(2026, 6, 1),
            accept_open_items=True,
            next_review=review if phase is toolkaart.phases[-1] else None,
        )
    return store.save(project.with_assessment(walk))


def agenda_with(
    toolkaart: Toolkaart, graph: ToolkaartGraph, projects: list[Project], title: str
) -> Agenda:
    today = dt.date(2027, 3, 1)
    return compose_agenda(
        toolkaart,
        graph,
        meeting_date=MEETING,
        projects=projects,
        portfolio=build_portfolio(toolkaart, projects, today=today),
        today=today,
        title=title,
    )


def events(data: bytes) -> dict[str, icalendar.Component]:
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["PRODID"]) == PRODID
    assert str(calendar["VERSION"]) == "2.0"
    found = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(found) == len(calendar.walk("VEVENT"))  # one event per UID
    return found


def test_a_project_calendar_has_its_review_and_its_meetings(
    store: Store, toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    project = through_every_gate(store, toolkaart, store.create(ODD, A))
    other = store.create("Ander project", A)
    save_draft(store, agenda_with(toolkaart, graph, [project], "Vergadering, maart"), None, A)
    save_draft(store, agenda_with(toolkaart, graph, [other], "Zonder dit project"), None, A)
    data = project_calendar(store, toolkaart, project, STAMP)
    assert b"\r\n" in data and data.startswith(b"BEGIN:VCALENDAR\r\n")
    found = events(data)
    review = found[f"review-{project.id}@toolkaart-navigator"]
    (meeting_uid,) = [uid for uid in found if uid.startswith("meeting-")]
    assert len(found) == 2
    assert review.decoded("DTSTART") == REVIEW
    assert review["DTSTART"].params.get("VALUE") == "DATE"  # all day
    assert review.decoded("DTEND") == REVIEW + dt.timedelta(days=1)
    assert review.decoded("DTSTAMP") == STAMP
    assert str(review["SUMMARY"]) == t("ics.review.summary", name=ODD)
    last = toolkaart.phases[-1]
    description = str(review["DESCRIPTION"])
    assert description.splitlines() == [
        t(
            "ics.review.description",
            phase=last.name,
            question=last.key_question,
            date=date_label(dt.date(2026, 6, 1)),
        ).splitlines()[0],
        t(
            "ics.review.description", phase="", question="", date=date_label(dt.date(2026, 6, 1))
        ).splitlines()[1],
        t("ics.review.decided_by", who="Raad van Bestuur"),
        t("ics.organisation", organisation=A),
    ]
    assert review.decoded("SEQUENCE") == len(toolkaart.phases) - 1  # its place in the log
    meeting = found[meeting_uid]
    assert meeting.decoded("DTSTART") == MEETING
    assert str(meeting["SUMMARY"]) == t("ics.meeting.summary", title="Vergadering, maart")
    assert t("ics.meeting.projects", projects=ODD) in str(meeting["DESCRIPTION"])
    assert str(meeting["TRANSP"]) == "TRANSPARENT"


def test_user_text_stays_text_in_the_file(store: Store, toolkaart: Toolkaart) -> None:
    project = through_every_gate(store, toolkaart, store.create(ODD, A))
    data = project_calendar(store, toolkaart, project, STAMP)
    assert b"END:VEVENT\r\n" in data and data.count(b"BEGIN:VEVENT") == 1
    assert 'Zoë’s triage\\, "A\\;B" \\\\ END:VEVENT'.encode() in data.replace(b"\r\n ", b"")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded, as RFC 5545 asks


def test_uids_stay_and_sequence_grows_when_the_review_moves(
    store: Store, toolkaart: Toolkaart
) -> None:
    project = through_every_gate(store, toolkaart, store.create("Spraak", A))
    first = events(project_calendar(store, toolkaart, project, STAMP))
    later = events(project_calendar(store, toolkaart, project, STAMP + dt.timedelta(days=3)))
    assert first.keys() == later.keys()
    reviewed = project.assessment.decide(
        toolkaart,
        toolkaart.phases[-1].id,
        Answer.JA,
        decided_on=dt.date(2027, 6, 1),
        accept_open_items=True,
        next_review=dt.date(2028, 6, 1),
    )
    project = store.save(project.with_assessment(reviewed))
    moved = events(project_calendar(store, toolkaart, project, STAMP))
    assert moved.keys() == first.keys()
    (uid,) = moved
    assert moved[uid].decoded("DTSTART") == dt.date(2028, 6, 1)
    assert moved[uid].decoded("SEQUENCE") > first[uid].decoded("SEQUENCE")


def test_no_review_without_a_project_in_use(store: Store, toolkaart: Toolkaart) -> None:
    new = store.create("Nieuw", A)
    assert events(project_calendar(store, toolkaart, new, STAMP)) == {}
    gone_back = through_every_gate(store, toolkaart, store.create("Terug", A))
    back = gone_back.assessment.decide(
        toolkaart, toolkaart.phases[2].id, Answer.NEE, decided_on=dt.date(2026, 7, 1)
    )
    gone_back = store.save(gone_back.with_assessment(back))
    assert events(project_calendar(store, toolkaart, gone_back, STAMP)) == {}


def test_an_organisation_calendar_holds_its_reviews_and_meetings(
    store: Store, toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    in_a = through_every_gate(store, toolkaart, store.create("Amstel in gebruik", A))
    in_b = through_every_gate(store, toolkaart, store.create("Beatrix in gebruik", B))
    save_draft(store, agenda_with(toolkaart, graph, [in_a], "Bestuur Amstel"), None, A)
    save_draft(store, agenda_with(toolkaart, graph, [in_b], "Bestuur Beatrix"), None, B)
    # local mode saves drafts without an organisation: one belongs where its projects are
    save_draft(store, agenda_with(toolkaart, graph, [in_b], "Lokaal, over Beatrix"), None, "")
    amstel = events(organisation_calendar(store, toolkaart, A, STAMP))
    assert sorted(str(e["SUMMARY"]) for e in amstel.values()) == [
        t("ics.meeting.summary", title="Bestuur Amstel"),
        t("ics.review.summary", name="Amstel in gebruik"),
    ]
    beatrix = events(organisation_calendar(store, toolkaart, B, STAMP))
    assert len(beatrix) == 3
    everyone = events(organisation_calendar(store, toolkaart, None, STAMP))
    assert len(everyone) == 5
    calendar = icalendar.Calendar.from_ical(organisation_calendar(store, toolkaart, A, STAMP))
    assert str(calendar["X-WR-CALNAME"]) == t("ics.name.organisation", organisation=A)
    days = [e.decoded("DTSTART") for e in calendar.walk("VEVENT")]
    assert days == sorted(days)


def test_the_calendar_holds_only_what_the_acting_person_may_read(
    store: Store, toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    in_a = through_every_gate(store, toolkaart, store.create("Amstel in gebruik", A))
    in_b = through_every_gate(store, toolkaart, store.create("Beatrix in gebruik", B))
    save_draft(store, agenda_with(toolkaart, graph, [in_a], "Bestuur Amstel"), None, A)
    save_draft(store, agenda_with(toolkaart, graph, [in_b], "Bestuur Beatrix"), None, B)

    def person(role: Role) -> Acting:
        who = Person("https://idp.example.nl", f"{role}-a", f"{role}@amstel.nl", "Bram")
        return Acting(person=who, roles={A: frozenset({role})})

    board_a = store.acting_as(person(Role.BESTUUR))
    seen = events(organisation_calendar(board_a, toolkaart, None, STAMP))
    assert sorted(str(e["SUMMARY"]) for e in seen.values()) == [
        t("ics.meeting.summary", title="Bestuur Amstel"),
        t("ics.review.summary", name="Amstel in gebruik"),
    ]
    assert events(organisation_calendar(board_a, toolkaart, B, STAMP)) == {}
    team_a = store.acting_as(person(Role.TEAM))  # reads projects, manages no agenda
    only_review = events(project_calendar(team_a, toolkaart, in_a, STAMP))
    assert [uid.split("-")[0] for uid in only_review] == ["review"]


def test_the_command_line_exports_a_projects_calendar(
    capsys: pytest.CaptureFixture[str], toolkaart: Toolkaart, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    store = Store(url, acting=LOCAL)
    project = through_every_gate(store, toolkaart, store.create("Via de opdrachtregel", A))
    store.close()
    target = tmp_path / "kalender.ics"
    args = ["project", "--database", url, "export", project.id, "-f", "ics", "-o", str(target)]
    assert main(args) == 0
    (review,) = events(target.read_bytes()).values()
    assert review.decoded("DTSTART") == REVIEW
    assert main(["project", "--database", url, "export", project.id, "-f", "ics"]) == 0
    assert capsys.readouterr().out.startswith("BEGIN:VCALENDAR")


def test_a_draft_that_no_longer_reads_keeps_its_meeting_date(
    store: Store, toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    project = store.create("Beschadigd", A)
    info = save_draft(store, agenda_with(toolkaart, graph, [project], "Oud concept"), None, A)
    with store.write() as connection:
        connection.execute(
            sa.update(agenda_drafts)
            .where(agenda_drafts.c.id == info.id)
            .values(data={"format": "toolkaart-agenda", "version": 1, "items": []})
        )
    (meeting,) = events(organisation_calendar(store, toolkaart, A, STAMP)).values()
    assert meeting.decoded("DTSTART") == MEETING
    assert str(meeting["SUMMARY"]) == t("ics.meeting.summary", title="Oud concept")
    assert t("ics.meeting.projects", projects="") not in str(meeting["DESCRIPTION"])


def test_a_calendar_has_dates_from_a_review_or_a_draft_the_organisation_may_own() -> None:
    saved = dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)

    def draft(organisation: str) -> DraftInfo:
        return DraftInfo("d", "Agenda", dt.date(2027, 1, 14), 1, saved, organisation)

    def never() -> list[DraftInfo]:
        raise AssertionError("a review gives a date: no drafts listed")

    assert not may_have_dates([None, None], list, None)
    assert may_have_dates([None, dt.date(2027, 2, 1)], never, "Oost")
    assert may_have_dates([], lambda: [draft("Zuid")], None)  # every organisation's calendar
    assert not may_have_dates([], lambda: [draft("Zuid")], "Oost")
    assert may_have_dates(
        [], lambda: [draft("")], "Oost"
    )  # saved without one: may be Oost's projects
