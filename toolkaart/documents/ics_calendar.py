"""The dates of a project or an organisation as an iCalendar file (RFC 5545), for Outlook and
other calendars.

Two kinds of date, each an all-day event (``DTSTART;VALUE=DATE``, ending the next day, shown as
free time):

- a **re-review** of a project in use: the ``next_review`` that its latest Productie decision set
  (``RouteStatus.next_review``: only while every gate has passed; a project that went back has no
  review due);
- a **board meeting**: the meeting date of a saved agenda draft.

Each event has a UID that stays the same for the same item (the project's review, the draft's
meeting), so importing a newer file moves the date rather than adding a second event; SEQUENCE
grows with every change (the Productie decision's place in the append-only log, the draft's
version). User text (names, titles) is plain text in the file: the ``icalendar`` library escapes
what RFC 5545 asks (commas, semicolons, backslashes, line breaks) and folds long lines.

Everything is read through the store on behalf of its acting person (``list_projects``,
``list_drafts``, ``load_draft`` filter by what they may read), so a calendar holds only the
projects and drafts that person may see.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from icalendar import Calendar, Event, vText

from toolkaart.board.agenda_model import Agenda
from toolkaart.content.models import Toolkaart
from toolkaart.errors import AgendaError
from toolkaart.i18n.catalog import t
from toolkaart.i18n.dates import date_label, local_time_label
from toolkaart.route.project import Project
from toolkaart.store import agenda_store
from toolkaart.store.agenda_store import DraftInfo
from toolkaart.store.project_store import Store
from toolkaart.user_text import printable

PRODID = "-//Toolkaart Waardevolle AI voor gezondheid//Toolkaart-navigator//NL"
#: The right-hand side of every UID: these ids are the navigator's own.
UID_DOMAIN = "toolkaart-navigator"


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day date in the calendar."""

    uid: str
    day: dt.date
    summary: str
    description: str
    sequence: int = 0
    modified: dt.datetime | None = None


def review_event(toolkaart: Toolkaart, project: Project) -> CalendarEvent | None:
    """The project's next re-review, when it is in use and its latest Productie *ja* set one."""
    status = project.status(toolkaart)
    if status.next_review is None:
        return None
    last = toolkaart.phases[-1]
    place, decision = next(
        (i, d)
        for i, d in reversed(list(enumerate(project.assessment.decisions)))
        if d.phase_id == last.id
    )
    lines = [
        t(
            "ics.review.description",
            phase=last.name,
            question=last.key_question,
            date=date_label(decision.decided_on),
        )
    ]
    if decision.decided_by:
        lines.append(t("ics.review.decided_by", who=decision.decided_by))
    if project.organisation:
        lines.append(t("ics.organisation", organisation=project.organisation))
    return CalendarEvent(
        uid=f"review-{project.id}@{UID_DOMAIN}",
        day=status.next_review,
        summary=t("ics.review.summary", name=project.name),
        description="\n".join(lines),
        sequence=place,
    )


def meeting_event(info: DraftInfo, agenda: Agenda | None) -> CalendarEvent:
    """The board meeting of a saved draft; ``agenda`` (None when the draft cannot be read any
    more) names the projects on it."""
    lines = [
        t("ics.meeting.description", version=info.version, saved=local_time_label(info.saved_at))
    ]
    if agenda is not None:
        names = [i.project.project_name for i in agenda.items if i.project is not None]
        if names:
            lines.append(t("ics.meeting.projects", projects=", ".join(names)))
    if info.organisation:
        lines.append(t("ics.organisation", organisation=info.organisation))
    return CalendarEvent(
        uid=f"meeting-{info.id}@{UID_DOMAIN}",
        day=info.meeting_date,
        summary=t("ics.meeting.summary", title=info.title),
        description="\n".join(lines),
        sequence=max(0, info.version - 1),
        modified=info.saved_at,
    )


def to_ics(name: str, events: Iterable[CalendarEvent], stamp: dt.datetime | None = None) -> bytes:
    """The calendar file: VCALENDAR (PRODID, VERSION 2.0, PUBLISH) with a VEVENT per event, in
    date order; ``stamp`` (default: now) is every event's DTSTAMP."""
    moment = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    for field in ("name", "x-wr-calname"):  # RFC 7986's, and the one Outlook reads
        calendar.add(field, vText(printable(name)))  # TEXT: escaped like the events' texts
    for item in sorted(events, key=lambda e: (e.day, e.uid)):
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", moment)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + dt.timedelta(days=1))
        event.add("summary", printable(item.summary))
        event.add("description", printable(item.description))
        event.add("sequence", item.sequence)
        event.add("transp", "TRANSPARENT")
        if item.modified is not None:
            event.add("last-modified", item.modified.astimezone(dt.UTC))
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def _drafts(store: Store) -> list[tuple[DraftInfo, Agenda | None]]:
    """The drafts the acting person may see, each with its agenda when it can still be read."""
    drafts: list[tuple[DraftInfo, Agenda | None]] = []
    for info in agenda_store.list_drafts(store):
        try:
            agenda, _ = agenda_store.load_draft(store, info.id)
        except AgendaError:  # deleted meanwhile, or no longer readable: its date still stands
            agenda = None
        drafts.append((info, agenda))
    return drafts


def project_calendar(
    store: Store, toolkaart: Toolkaart, project: Project, stamp: dt.datetime | None = None
) -> bytes:
    """One project's dates: its next re-review, and the board meetings of the saved agendas
    (that the acting person may see) with the project on them."""
    events = [e for e in (review_event(toolkaart, project),) if e is not None]
    for info, agenda in _drafts(store):
        if agenda is not None and project.id in agenda.project_ids:
            events.append(meeting_event(info, agenda))
    return to_ics(t("ics.name.project", name=project.name), events, stamp)


def may_have_dates(
    reviews: Iterable[dt.date | None],
    drafts: Callable[[], Iterable[DraftInfo]],
    organisation: str | None,
) -> bool:
    """Whether ``organisation``'s calendar (``organisation_events``; every organisation's when
    None) can hold a date: one of its active projects' re-reviews (``reviews``), or a draft of
    its board or one saved without an organisation (which may put its projects on the agenda).
    Read without opening the drafts, so a page can say there is nothing to put in a calendar
    instead of offering a file without events, which RFC 5545 does not allow. The drafts are
    listed (``drafts()``, a query) only when no review already gives a date."""
    return any(day is not None for day in reviews) or any(
        organisation is None or not info.organisation or info.organisation == organisation
        for info in drafts()
    )


def organisation_events(
    toolkaart: Toolkaart,
    projects: Sequence[Project],
    drafts: Sequence[tuple[DraftInfo, Agenda | None]],
    organisation: str | None,
) -> list[CalendarEvent]:
    """The re-reviews of ``organisation``'s active projects (every organisation's when None) and
    the meetings of its boards' drafts. A draft saved without an organisation (local mode: one
    board for all) belongs to an organisation whose project it puts on the agenda."""
    mine = [
        p
        for p in projects
        if not p.archived and (organisation is None or p.organisation == organisation)
    ]
    ids = {p.id for p in mine}
    events = [e for e in (review_event(toolkaart, p) for p in mine) if e is not None]
    for info, agenda in drafts:
        if (
            organisation is None
            or info.organisation == organisation
            or (
                not info.organisation
                and agenda is not None
                and any(pid in ids for pid in agenda.project_ids)
            )
        ):
            events.append(meeting_event(info, agenda))
    return events


def organisation_calendar(
    store: Store,
    toolkaart: Toolkaart,
    organisation: str | None,
    stamp: dt.datetime | None = None,
) -> bytes:
    """An organisation's dates (every organisation the acting person may see when None)."""
    events = organisation_events(toolkaart, store.list_projects(), _drafts(store), organisation)
    name = (
        t("ics.name.all")
        if organisation is None
        else t("ics.name.organisation", organisation=organisation)
    )
    return to_ics(name, events, stamp)
