"""Organisations, their members and roles: granted by e-mail, bound to a sign-in at first use.

Why by e-mail: whoever grants a role (``toolkaart users grant`` or a *beheer* member in the app)
knows a colleague's e-mail, not the provider's subject id. A person row is made with the e-mail;
at their first sign-in the provider's issuer and subject are bound to it, and from then on they
are recognised by those (an e-mail can change; the subject does not). An e-mail the provider says
is unverified is never bound.

Every sign-in reads the person's roles afresh (``acting_for``, one read per click), so a revoked
role is gone at their next click. Granting and revoking is on behalf of an acting person, checked
by ``toolkaart.access.permissions`` like every other write.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from toolkaart.access.permissions import Acting, Permission, Person, Role
from toolkaart.errors import MemberError
from toolkaart.events import Event, log_event, organisation_ref
from toolkaart.i18n.catalog import t
from toolkaart.store.engine import Database
from toolkaart.store.tables import memberships, organisations, people
from toolkaart.user_text import one_line

#: Longest e-mail address (RFC 5321's path limit) and organisation name the columns hold.
MAX_EMAIL = 320
MAX_ORGANISATION = 200
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@dataclass(frozen=True)
class Member:
    """One role of one person in one organisation, as a list of members shows it."""

    email: str
    name: str
    organisation: str
    role: Role
    granted_at: dt.datetime
    granted_by: str
    #: Have they signed in at least once (is an identity bound to the e-mail)?
    signed_in: bool


def normal_email(email: str) -> str:
    """The e-mail as the store keeps it (trimmed, lower case); MemberError when it is none."""
    value = email.strip().lower()
    if len(value) > MAX_EMAIL or not _EMAIL.fullmatch(value):
        raise MemberError("email", email=email.strip()[:80])
    return value


def normal_organisation(name: str) -> str:
    """An organisation's name as one line of text; MemberError when empty."""
    value = one_line(name, field=t("member.field.organisation"), limit=MAX_ORGANISATION)
    if not value:
        raise MemberError("organisation_required")
    return value


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _person_id(connection: Connection, email: str) -> int | None:
    return connection.execute(sa.select(people.c.id).where(people.c.email == email)).scalar()


def grant(db: Database, acting: Acting, email: str, organisation: str, role: Role) -> bool:
    """Give ``email`` the ``role`` in ``organisation`` (made when new); True when it is new.

    Refused with MemberError unless ``acting`` may manage that organisation's members.
    """
    email, organisation = normal_email(email), normal_organisation(organisation)
    if not acting.may(Permission.MANAGE_MEMBERS, organisation):
        raise MemberError("not_allowed", organisation=organisation)
    if not acting.may_grant(role, organisation):
        raise MemberError("role_not_allowed", role=role.value)
    now = _now()
    with db.write() as connection:
        known = connection.execute(
            sa.select(organisations.c.name).where(organisations.c.name == organisation)
        ).scalar()
        if known is None:
            connection.execute(sa.insert(organisations).values(name=organisation, created_at=now))
        person = _person_id(connection, email)
        if person is None:
            person = connection.execute(
                sa.insert(people).values(email=email, created_at=now).returning(people.c.id)
            ).scalar_one()
        held = connection.execute(
            sa.select(memberships.c.role).where(
                memberships.c.person_id == person,
                memberships.c.organisation == organisation,
                memberships.c.role == role.value,
            )
        ).first()
        if held is not None:
            return False
        connection.execute(
            sa.insert(memberships).values(
                person_id=person,
                organisation=organisation,
                role=role.value,
                granted_at=now,
                granted_by=acting.label,
            )
        )
    log_event(
        Event.MEMBER_GRANTED,
        member=person,
        organisation=organisation_ref(organisation),
        role=role,
        person=acting.person_id,
    )
    return True


def revoke(
    db: Database, acting: Acting, email: str, organisation: str, role: Role | None = None
) -> int:
    """Take ``role`` (every role when None) in ``organisation`` from ``email``; the number of
    roles taken. MemberError when they held none of them, or ``acting`` may not manage it."""
    email, organisation = normal_email(email), normal_organisation(organisation)
    if not acting.may(Permission.MANAGE_MEMBERS, organisation):
        raise MemberError("not_allowed", organisation=organisation)
    if role is not None and not acting.may_grant(role, organisation):
        raise MemberError("role_not_allowed", role=role.value)
    own = acting.person is not None and acting.person.email.strip().lower() == email
    if own and role in (None, Role.BEHEER):  # the organisation would be left without anyone
        raise MemberError("own_beheer")  # to manage it but the operator
    with db.write() as connection:
        person = _person_id(connection, email)
        condition = sa.and_(
            memberships.c.person_id == person, memberships.c.organisation == organisation
        )
        if role is not None:
            condition = sa.and_(condition, memberships.c.role == role.value)
        removed = connection.execute(sa.delete(memberships).where(condition)).rowcount
    if not removed:
        raise MemberError("not_member", email=email, organisation=organisation)
    log_event(
        Event.MEMBER_REVOKED,
        member=person,
        organisation=organisation_ref(organisation),
        role=role,
        count=removed,
        person=acting.person_id,
    )
    return removed


def members(db: Database, acting: Acting, organisation: str | None = None) -> list[Member]:
    """The memberships ``acting`` may manage (of ``organisation`` only, when given), by
    organisation, then e-mail, then role."""
    query = (
        sa.select(
            people.c.email,
            people.c.name,
            people.c.subject,
            memberships.c.organisation,
            memberships.c.role,
            memberships.c.granted_at,
            memberships.c.granted_by,
        )
        .join(people, people.c.id == memberships.c.person_id)
        .order_by(memberships.c.organisation, people.c.email, memberships.c.role)
    )
    allowed = acting.organisations(Permission.MANAGE_MEMBERS)
    if allowed is not None:
        query = query.where(memberships.c.organisation.in_(sorted(allowed)))
    if organisation is not None:
        query = query.where(memberships.c.organisation == organisation)
    with db.read() as connection:
        rows = connection.execute(query).all()
    return [
        Member(
            row.email,
            row.name,
            row.organisation,
            Role(row.role),
            row.granted_at,
            row.granted_by,
            row.subject is not None,
        )
        for row in rows
    ]


def _roles(connection: Connection, person_id: int) -> dict[str, frozenset[Role]]:
    rows = connection.execute(
        sa.select(memberships.c.organisation, memberships.c.role).where(
            memberships.c.person_id == person_id
        )
    )
    roles: dict[str, set[Role]] = {}
    for row in rows:
        roles.setdefault(row.organisation, set()).add(Role(row.role))
    return {organisation: frozenset(held) for organisation, held in roles.items()}


def _find(connection: Connection, person: Person) -> Any:
    return connection.execute(
        sa.select(people.c.id, people.c.email, people.c.name).where(
            people.c.issuer == person.issuer, people.c.subject == person.subject
        )
    ).first()


def _signed_in(connection: Connection, person: Person) -> tuple[Any, dict[str, frozenset[Role]]]:
    """The person's row (None when unknown) and their roles, in one query."""
    rows = connection.execute(
        sa.select(
            people.c.id,
            people.c.email,
            people.c.name,
            memberships.c.organisation,
            memberships.c.role,
        )
        .select_from(people.outerjoin(memberships, memberships.c.person_id == people.c.id))
        .where(people.c.issuer == person.issuer, people.c.subject == person.subject)
    ).all()
    roles: dict[str, set[Role]] = {}
    for row in rows:
        if row.role is not None:
            roles.setdefault(row.organisation, set()).add(Role(row.role))
    held = {organisation: frozenset(found) for organisation, found in roles.items()}
    return (rows[0] if rows else None), held


def acting_for(db: Database, person: Person, *, email_verified: bool = True) -> Acting:
    """The signed-in ``person`` with their roles as stored now (no roles when unknown).

    One query on every click; a write only at the first sign-in (binding the identity to the
    e-mail a role was granted to) or when the provider reports a new name or e-mail.
    """
    email = person.email.strip().lower()
    name = person.name[:200]
    with db.read() as connection:
        row, roles = _signed_in(connection, person)
    # an unverified new e-mail is never stored (see below), so it is no change to write
    if row is not None and row.name == name and (row.email == email or not email_verified):
        return Acting(_as_stored(person, row.email, email_verified), roles, person_id=row.id)
    bound = False
    with db.write() as connection:
        row = _find(connection, person)
        if row is None:
            if not email_verified:
                return Acting(person)
            row = connection.execute(
                sa.select(people.c.id, people.c.email, people.c.name).where(
                    people.c.email == email, people.c.subject.is_(None)
                )
            ).first()
            if row is None:
                return Acting(person)
            connection.execute(
                sa.update(people)
                .where(people.c.id == row.id)
                .values(issuer=person.issuer, subject=person.subject)
            )
            bound = True
        changes = {"name": name}
        # only a verified address: else a member could claim a colleague's address before it
        # is granted, and get the colleague's roles when they are granted to that address
        if email_verified and email != row.email and _person_id(connection, email) is None:
            changes["email"] = email
        connection.execute(sa.update(people).where(people.c.id == row.id).values(**changes))
        roles = _roles(connection, row.id)
    if bound:  # committed
        log_event(Event.SIGNIN_BOUND, person=row.id)
    return Acting(_as_stored(person, row.email, email_verified), roles, person_id=row.id)


def _as_stored(person: Person, stored_email: str, email_verified: bool) -> Person:
    """The person as records name them: with an unverified e-mail, the one stored for them
    (their label must not name an address the provider did not vouch for)."""
    return person if email_verified else replace(person, email=stored_email)


def organisation_names(db: Database) -> list[str]:
    """Every organisation that has or had members, sorted."""
    with db.read() as connection:
        names = connection.execute(sa.select(organisations.c.name)).scalars().all()
    return sorted(names, key=str.casefold)
