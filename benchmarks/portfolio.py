"""A synthetic portfolio in a store: organisations, members, projects at every phase, decisions,
history and agenda drafts, made through the store's own API (so every row is one the app writes).

For measuring what grows with the portfolio (``benchmarks/backup_bench.py``: backup, restore and
copy) and for the tests of those (a few projects). Like ``store_bench``, it adds to whatever
database it is given: point it at a throwaway one.

Per project ``n``: created in one of three organisations, then walked through ``n % 8`` phases
(all items of a phase ticked and a *ja* decided, one save per phase, signed by a member), with a
*nog niet* decision with open items in the next phase for every third project, and every
twentieth archived. Texts carry Dutch letters and symbols (ë, ’, €, ≤).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from hashlib import sha256

from toolkaart.access.permissions import LOCAL, Person, Role
from toolkaart.board.agenda import add_item
from toolkaart.board.agenda_model import Agenda
from toolkaart.content.models import Toolkaart
from toolkaart.route.content_changes import outline
from toolkaart.route.gates import Answer
from toolkaart.route.project import Project
from toolkaart.route.records import new_evidence, new_note, new_person
from toolkaart.store import agenda_store, member_store
from toolkaart.store.project_store import Store

ORGANISATIONS = ("Ziekenhuis Zuidoëver", "UMC Noord", "Zorggroep ’t Veld")
#: The phase decisions are dated on this day (the gates refuse a date in the future).
DECIDED_ON = dt.date(2026, 11, 2)


def member(organisation: int) -> Person:
    """The signed-in team member who walks the projects of organisation number ``organisation``."""
    return Person(
        issuer="https://login.example.nl",
        subject=f"sub-{organisation}",
        email=f"team{organisation}@zorg.example.nl",
        name=f"Renée {organisation}",
    )


def _walk(toolkaart: Toolkaart, project: Project, phases: int, by: str) -> list[Project]:
    """The successive versions of ``project`` walked through ``phases`` phases, one per save."""
    versions = []
    walk = project.assessment
    for phase in toolkaart.phases[:phases]:
        walk = walk.with_checked(toolkaart, phase.id, [item.id for item in phase.checklist])
        walk = walk.decide(
            toolkaart,
            phase.id,
            Answer.JA,
            rationale=f"Fase {phase.name} afgerond; kosten ≤ €40.000",
            decided_by=by,
            decided_on=DECIDED_ON,
            next_review=DECIDED_ON + dt.timedelta(days=365)
            if phase is toolkaart.phases[-1]
            else None,
        )
        versions.append(project.with_assessment(walk))
    return versions


def fill(store: Store, toolkaart: Toolkaart, projects: int) -> None:
    """Add a portfolio of ``projects`` projects (and its members and drafts) to ``store``."""
    people = []
    for number, organisation in enumerate(ORGANISATIONS):
        person = member(number)
        member_store.grant(store, LOCAL, person.email, organisation, Role.TEAM)
        member_store.grant(
            store, LOCAL, f"bestuur{number}@zorg.example.nl", organisation, Role.BESTUUR
        )
        people.append(member_store.acting_for(store, person))  # binds issuer and subject
    member_store.grant(store, LOCAL, "beheer@zorg.example.nl", ORGANISATIONS[0], Role.BEHEER)
    for n in range(projects):
        number = n % len(ORGANISATIONS)
        acting = people[number]
        as_member = store.acting_as(acting)
        project = as_member.create(
            f"Project {n}: Zoë’s triage-assistent",
            ORGANISATIONS[number],
            "Voorspelt sepsis op de SEH; kosten ≤ €40.000 per jaar.",
            "Renée de Vries",
        )
        phases = n % (len(toolkaart.phases) + 1)
        for version in _walk(toolkaart, project, phases, acting.label):
            project = as_member.save(replace(version, version=project.version))
        if n % 3 == 0 and phases < len(toolkaart.phases):
            phase = toolkaart.phases[phases]
            walk = project.assessment.decide(
                toolkaart,
                phase.id,
                Answer.NOG_NIET,
                rationale="Nog niet: de DPIA loopt",
                decided_by=acting.label,
                decided_on=DECIDED_ON,
            )
            decided = project.with_assessment(walk).decided_with(toolkaart, project)
            project = as_member.save(decided, content=outline(toolkaart))  # its outline recorded
        if n % 2 == 0:  # the team's records: evidence, a person in a role, a phase note
            first = toolkaart.phases[0]
            project = project.with_evidence(
                new_evidence(
                    toolkaart,
                    first.id,
                    first.checklist[0].id,
                    note="Besproken met de afdeling; verslag in het dossier",
                    url="https://zorg.example.nl/verslag",
                    added_by=acting.label,
                )
            )
            project = project.with_person(
                new_person(
                    toolkaart, toolkaart.actors[0].id, name="Renée de Vries", function="SEH-arts"
                )
            )
            project = project.with_note(
                new_note(toolkaart, first.id, "Zoë’s vraag: wie is eigenaar?", author=acting.label)
            )
            project = as_member.save(project)
        if n % 20 == 19:
            as_member.save(replace(project, archived=True))
    for number, organisation in enumerate(ORGANISATIONS):
        agenda = Agenda(title=f"Bestuur {organisation}", meeting_date=dt.date(2027, 3, 11))
        agenda = add_item(agenda, "Rondvraag", f"Vraag {number} over het café-budget (€ 250)")
        agenda_store.save_draft(store, agenda, organisation=organisation)
    # content whose removals staff confirmed (a digest, as content.live makes them)
    store.confirm_content(sha256(b"held back").hexdigest())
