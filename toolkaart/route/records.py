"""What a project team records beside its walk: evidence per checklist item, the people who play
each actor role, and notes per phase.

- **Evidence** (*onderbouwing*) supports a checklist item: a note, a web address, or both, with who
  added it and when. Several per item; an address is https only, checked as the tools' addresses
  are (``toolkaart.content.models.is_https_address``).
- **People** per actor role: who in this project is the *zorgprofessional*, the *ambassadeur*, …
  (name, function such as "SEH-arts", contact); several per role, and changed as the team changes.
- **Notes** per phase: a short thread (author, time, text).

Evidence and notes are records of what was known when: a project only ever gains them (no
function here removes or edits one, and the store refuses a save that would), like the gate
decisions. People are the team as it is now: added and removed.

Every text passes the one text rule (``toolkaart.user_text``), every id must exist in the content
when a record is made; the ``new_*`` functions are the one check behind the forms and the import.
The counts a project may hold are bounded, so a page, a report and an exchange file stay bounded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from toolkaart.content.models import Phase, Toolkaart, is_https_address
from toolkaart.errors import ProjectError
from toolkaart.i18n.catalog import t
from toolkaart.i18n.dates import local_time_label
from toolkaart.user_text import one_line, paragraph

#: Most evidence entries a project holds (all items, all phases).
MAX_EVIDENCE = 2_000
#: Longest note of an evidence entry.
MAX_EVIDENCE_NOTE = 2_000
#: Longest web address of an evidence entry.
MAX_URL = 2_000
#: Longest "who": a signed-in person's "Naam <e-mail>" (as the history's ``saved_by``).
MAX_AUTHOR = 600
#: Most notes a project holds (all phases).
MAX_NOTES = 2_000
#: Longest note in a phase's thread.
MAX_NOTE = 4_000
#: Most people a project names, and per actor role.
MAX_PEOPLE = 200
MAX_PEOPLE_PER_ROLE = 20
#: Longest name, function and contact of a person.
MAX_PERSON_FIELD = 200


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Evidence:
    """A note and/or an https address supporting one checklist item."""

    phase_id: str
    item_id: str
    note: str = ""
    url: str = ""
    added_by: str = ""
    added_at: dt.datetime = field(default_factory=_now)


@dataclass(frozen=True)
class Person:
    """Someone who plays an actor role in this project."""

    actor_id: str
    name: str
    function: str = ""
    contact: str = ""

    @property
    def label(self) -> str:
        """The person as lists name them: 'Zoë de Vries (SEH-arts, z@zorg.nl)', or the name."""
        details = ", ".join(part for part in (self.function, self.contact) if part)
        return f"{self.name} ({details})" if details else self.name


@dataclass(frozen=True)
class PhaseNote:
    """One note in a phase's thread."""

    phase_id: str
    text: str
    author: str = ""
    written_at: dt.datetime = field(default_factory=_now)


def _phase(toolkaart: Toolkaart, phase_id: str) -> Phase:
    if not toolkaart.has_phase(phase_id):
        raise ProjectError("unknown_phase", phase=phase_id)
    return toolkaart.phase(phase_id)


def clean_author(text: str) -> str:
    """Who added a record, as the project keeps it (a typed name, or the signed-in label)."""
    return one_line(text, field=t("record.field.author"), limit=MAX_AUTHOR)


def clean_url(text: str) -> str:
    """An evidence address: empty, or an https address with a host (ProjectError else)."""
    url = one_line(text, field=t("record.field.url"), limit=MAX_URL)
    if url and not is_https_address(url):
        raise ProjectError("not_https", url=url)
    return url


def new_evidence(
    toolkaart: Toolkaart,
    phase_id: str,
    item_id: str,
    *,
    note: str = "",
    url: str = "",
    added_by: str = "",
    added_at: dt.datetime | None = None,
    retired: frozenset[str] = frozenset(),
) -> Evidence:
    """Evidence for an item of the content, its texts cleaned; a note or an address is required.

    ``retired``: items of the phase an earlier content version had, accepted too (an imported
    walk keeps the evidence it recorded before such an item was removed)."""
    phase = _phase(toolkaart, phase_id)
    if item_id not in {item.id for item in phase.checklist} | retired:
        raise ProjectError("unknown_item", phase=phase.name, item=item_id)
    clean_note = paragraph(note, field=t("record.field.note"), limit=MAX_EVIDENCE_NOTE)
    clean = clean_url(url)
    if not clean_note and not clean:
        raise ProjectError("evidence_empty")
    return Evidence(
        phase_id, item_id, clean_note, clean, clean_author(added_by), added_at or _now()
    )


def new_person(
    toolkaart: Toolkaart, actor_id: str, *, name: str, function: str = "", contact: str = ""
) -> Person:
    """A person in an actor role of the content, a name required."""
    if not toolkaart.has_actor(actor_id):
        raise ProjectError("unknown_actor", actor=actor_id)

    def line(value: str, key: str) -> str:
        return one_line(value, field=t(f"record.field.{key}"), limit=MAX_PERSON_FIELD)

    person = Person(
        actor_id, line(name, "name"), line(function, "function"), line(contact, "contact")
    )
    if not person.name:
        raise ProjectError("person_name_required")
    return person


def new_note(
    toolkaart: Toolkaart,
    phase_id: str,
    text: str,
    *,
    author: str = "",
    written_at: dt.datetime | None = None,
) -> PhaseNote:
    """A note in a phase of the content; empty notes are refused."""
    _phase(toolkaart, phase_id)
    clean = paragraph(text, field=t("record.field.text"), limit=MAX_NOTE)
    if not clean:
        raise ProjectError("note_empty")
    return PhaseNote(phase_id, clean, clean_author(author), written_at or _now())


Record = TypeVar("Record")


def appended(records: tuple[Record, ...], record: Record, limit: int) -> tuple[Record, ...]:
    """``records`` with ``record`` at the end; ProjectError when they hold ``limit`` already."""
    if len(records) >= limit:
        raise ProjectError("too_many", limit=limit)
    return (*records, record)


def check_people(people: Iterable[Person]) -> None:
    """ProjectError when the people exceed the bounds (in all, or in one role)."""
    people = tuple(people)
    if len(people) > MAX_PEOPLE:
        raise ProjectError("too_many", limit=MAX_PEOPLE)
    per_role: dict[str, int] = {}
    for person in people:
        per_role[person.actor_id] = per_role.get(person.actor_id, 0) + 1
        if per_role[person.actor_id] > MAX_PEOPLE_PER_ROLE:
            raise ProjectError("too_many_in_role", limit=MAX_PEOPLE_PER_ROLE)


@dataclass(frozen=True)
class EvidenceTally:
    """A phase's ticked items: how many have evidence, how many not."""

    with_evidence: int
    without: int


def evidence_tally(
    toolkaart: Toolkaart,
    phase_id: str,
    ticked: frozenset[str],
    evidence: Iterable[Evidence],
) -> EvidenceTally:
    """Of the phase's ticked items (that the content still has), those with and without evidence."""
    known = {item.id for item in toolkaart.phase(phase_id).checklist} & ticked
    supported = {e.item_id for e in evidence if e.phase_id == phase_id} & known
    return EvidenceTally(len(supported), len(known) - len(supported))


def evidence_line(evidence: Evidence) -> str:
    """Evidence as the pages and the report show it: its note and address, who and when."""
    text = " — ".join(part for part in (evidence.note, evidence.url) if part)
    when = local_time_label(evidence.added_at)
    if not evidence.added_by:
        return t("record.evidence.line_anonymous", text=text, when=when)
    return t("record.evidence.line", text=text, by=evidence.added_by, when=when)


def note_line(note: PhaseNote) -> str:
    """A note as the pages and the report show it: when, who, and what."""
    when = local_time_label(note.written_at)
    if not note.author:
        return t("record.note.line_anonymous", when=when, text=note.text)
    return t("record.note.line", when=when, by=note.author, text=note.text)
