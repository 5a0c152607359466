"""The permission rules, in one place: which role may do what, in which organisation.

Why one module: in a service for many hospitals a rule that lives in a page is a rule that one
page forgets. Here a person's memberships become an ``Acting`` value; the store takes it with
every read and write and filters its queries by it; pages ask it only to decide what to draw.

Two kinds of acting person besides members:

- ``LOCAL``: local mode (one person on their own machine, no sign-in) may do everything, in every
  organisation, as before there was sign-in;
- ``ANONYMOUS``: someone who has not signed in to a service may do nothing with projects, drafts
  or members (the public Toolkaart pages need no permission).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType


class Role(StrEnum):
    """A member's role in an organisation (the names people use, in Dutch)."""

    TEAM = "team"
    BESTUUR = "bestuur"
    REDACTIE = "redactie"
    BEHEER = "beheer"


class Permission(StrEnum):
    """What a role allows, in the organisation the role is held in."""

    #: open the organisation's projects, their history and reports
    READ_PROJECTS = "read_projects"
    #: create, edit, tick, decide, archive and import the organisation's projects
    WRITE_PROJECTS = "write_projects"
    #: download a project's exchange file (its whole walk, to take elsewhere)
    EXPORT_PROJECTS = "export_projects"
    #: the organisation's portfolio
    VIEW_PORTFOLIO = "view_portfolio"
    #: the organisation's board agendas (drafts)
    MANAGE_AGENDA = "manage_agenda"
    #: Beheer: validate and reload the content (the content is shared, so held anywhere is enough)
    EDIT_CONTENT = "edit_content"
    #: grant and revoke the organisation's memberships
    MANAGE_MEMBERS = "manage_members"


#: The one table: what each role allows. Tested role by role in tests/access/test_permissions.py.
GRANTS: Mapping[Role, frozenset[Permission]] = MappingProxyType(
    {
        Role.TEAM: frozenset(
            {
                Permission.READ_PROJECTS,
                Permission.WRITE_PROJECTS,
                Permission.EXPORT_PROJECTS,
                Permission.VIEW_PORTFOLIO,
            }
        ),
        Role.BESTUUR: frozenset(
            {Permission.READ_PROJECTS, Permission.VIEW_PORTFOLIO, Permission.MANAGE_AGENDA}
        ),
        Role.REDACTIE: frozenset({Permission.EDIT_CONTENT}),
        Role.BEHEER: frozenset({Permission.MANAGE_MEMBERS}),
    }
)


@dataclass(frozen=True)
class Person:
    """A signed-in person as the identity provider names them (issuer + subject is the key)."""

    issuer: str
    subject: str
    email: str
    name: str = ""

    @property
    def label(self) -> str:
        """How records name them ('besloten door', 'opgeslagen door'): name and e-mail."""
        return f"{self.name} <{self.email}>" if self.name else self.email


@dataclass(frozen=True)
class Acting:
    """The person on whose behalf a page reads or writes, with their roles per organisation."""

    person: Person | None
    roles: Mapping[str, frozenset[Role]] = field(default_factory=dict)
    local: bool = False
    #: Their row in the store (``people.id``), once their sign-in is bound to it: what the
    #: operations log names them by (``toolkaart.events``), never their name or e-mail.
    person_id: int | None = None

    @property
    def signed_in(self) -> bool:
        return self.person is not None

    @property
    def label(self) -> str:
        """Who did it, for the records; empty in local mode (nobody signed in)."""
        return self.person.label if self.person else ""

    def may(self, permission: Permission, organisation: str) -> bool:
        """May they do ``permission`` in ``organisation``?"""
        if self.local:
            return True
        if permission is Permission.EDIT_CONTENT:
            return self.may_somewhere(permission)
        return any(permission in GRANTS[role] for role in self.roles.get(organisation, ()))

    def may_grant(self, role: Role, organisation: str) -> bool:
        """May they grant or revoke ``role`` in ``organisation``? Members are managed by the
        organisation's *beheer*; *redactie* changes the content everyone reads, so only someone
        who holds it (or the operator, locally) hands it on."""
        if not self.may(Permission.MANAGE_MEMBERS, organisation):
            return False
        return role is not Role.REDACTIE or self.may_somewhere(Permission.EDIT_CONTENT)

    def may_somewhere(self, permission: Permission) -> bool:
        """May they do ``permission`` in at least one organisation (is the page for them)?"""
        return self.local or any(
            permission in GRANTS[role] for roles in self.roles.values() for role in roles
        )

    def organisations(self, permission: Permission) -> frozenset[str] | None:
        """The organisations where they may do ``permission``; None means every one (local)."""
        if self.local:
            return None
        return frozenset(
            organisation
            for organisation, roles in self.roles.items()
            if any(permission in GRANTS[role] for role in roles)
        )

    def choosable(self, permission: Permission) -> tuple[str, ...]:
        """Their organisations where they may do ``permission``, sorted, for a choice in a form
        (empty in local mode, where the organisation is free text)."""
        allowed = self.organisations(permission)
        return tuple(sorted(allowed or (), key=str.casefold))


#: Local mode: one person on their own machine, everything allowed.
LOCAL = Acting(person=None, local=True)
#: Not signed in to a service: no project, draft or member is theirs.
ANONYMOUS = Acting(person=None)
