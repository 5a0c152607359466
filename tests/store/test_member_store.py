"""Organisations, members and roles in the store, on SQLite and PostgreSQL (conftest.database_url).

Roles are granted to an e-mail address; the provider's issuer and subject are bound to it at the
person's first sign-in with that (verified) address, and from then on the person is that identity.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from toolkaart.access.permissions import ANONYMOUS, LOCAL, Acting, Person, Role
from toolkaart.errors import MemberError, TextError
from toolkaart.i18n.catalog import t
from toolkaart.store import member_store
from toolkaart.store.engine import Database
from toolkaart.store.member_store import acting_for, grant, members, organisation_names, revoke

A, B = "Ziekenhuis Amstel", "Beatrix Kliniek"
ISSUER = "https://idp.example.nl"


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    opened = Database(database_url)
    yield opened
    opened.close()


def person(subject: str, email: str, name: str = "", issuer: str = ISSUER) -> Person:
    return Person(issuer, subject, email, name)


def signed_in(db: Database, who: Person, *, verified: bool = True) -> Acting:
    return acting_for(db, who, email_verified=verified)


def roles_of(acting: Acting) -> dict[str, set[Role]]:
    return {organisation: set(held) for organisation, held in acting.roles.items()}


def rows(db: Database, acting: Acting = LOCAL) -> list[tuple[str, str, str, bool]]:
    """(organisation, e-mail, role, signed in) of every membership ``acting`` may see."""
    return [(m.organisation, m.email, m.role.value, m.signed_in) for m in members(db, acting)]


def beheer_of(db: Database, organisation: str, email: str) -> Acting:
    grant(db, LOCAL, email, organisation, Role.BEHEER)
    return signed_in(db, person(f"sub-{email}", email, "Beheerder"))


# grant


def test_grant_makes_the_organisation_and_the_person(db: Database) -> None:
    assert organisation_names(db) == []
    assert grant(db, LOCAL, "Anouk@Amstel.nl", A, Role.TEAM) is True
    assert organisation_names(db) == [A]
    (member,) = members(db, LOCAL)
    assert (member.email, member.name, member.organisation, member.role) == (
        "anouk@amstel.nl",
        "",
        A,
        Role.TEAM,
    )
    assert member.signed_in is False
    assert member.granted_by == ""  # the command line (local mode) has no name
    assert member.granted_at.tzinfo is not None


def test_granting_the_same_role_twice_returns_false_and_adds_nothing(db: Database) -> None:
    assert grant(db, LOCAL, "anouk@amstel.nl", A, Role.TEAM) is True
    assert grant(db, LOCAL, " ANOUK@amstel.nl ", A, Role.TEAM) is False
    assert rows(db) == [(A, "anouk@amstel.nl", "team", False)]


def test_a_second_role_or_organisation_is_a_new_membership_of_the_same_person(
    db: Database,
) -> None:
    assert grant(db, LOCAL, "anouk@amstel.nl", A, Role.TEAM)
    assert grant(db, LOCAL, "anouk@amstel.nl", A, Role.BEHEER)
    assert grant(db, LOCAL, "anouk@amstel.nl", B, Role.BESTUUR)
    assert rows(db) == [
        (B, "anouk@amstel.nl", "bestuur", False),
        (A, "anouk@amstel.nl", "beheer", False),
        (A, "anouk@amstel.nl", "team", False),
    ]
    assert organisation_names(db) == [B, A]  # sorted: Beatrix before Ziekenhuis
    anouk = signed_in(db, person("s1", "anouk@amstel.nl"))
    assert roles_of(anouk) == {A: {Role.TEAM, Role.BEHEER}, B: {Role.BESTUUR}}


@pytest.mark.parametrize(
    "email", ["geen-adres", "anouk@", "@amstel.nl", "anouk@amstel", "an ouk@amstel.nl", ""]
)
def test_a_bad_email_is_refused_in_dutch(db: Database, email: str) -> None:
    with pytest.raises(MemberError) as raised:
        grant(db, LOCAL, email, A, Role.TEAM)
    assert str(raised.value) == t("member.error.email", email=email.strip())
    assert organisation_names(db) == [] and rows(db) == []


def test_a_too_long_email_is_refused(db: Database) -> None:
    email = "a" * 320 + "@amstel.nl"
    with pytest.raises(MemberError) as raised:
        grant(db, LOCAL, email, A, Role.TEAM)
    assert str(raised.value) == t("member.error.email", email=email[:80])


def test_an_organisation_is_required_and_one_line(db: Database) -> None:
    with pytest.raises(MemberError) as raised:
        grant(db, LOCAL, "anouk@amstel.nl", "   ", Role.TEAM)
    assert str(raised.value) == t("member.error.organisation_required")
    with pytest.raises(TextError):
        grant(db, LOCAL, "anouk@amstel.nl", "Amstel\x00", Role.TEAM)
    assert grant(db, LOCAL, "anouk@amstel.nl", "  Ziekenhuis \n Amstel ", Role.TEAM)
    assert organisation_names(db) == [A]


# revoke


def test_revoke_one_role_keeps_the_others(db: Database) -> None:
    grant(db, LOCAL, "anouk@amstel.nl", A, Role.TEAM)
    grant(db, LOCAL, "anouk@amstel.nl", A, Role.BESTUUR)
    grant(db, LOCAL, "anouk@amstel.nl", B, Role.TEAM)
    assert revoke(db, LOCAL, "Anouk@Amstel.nl", A, Role.TEAM) == 1
    assert rows(db) == [
        (B, "anouk@amstel.nl", "team", False),
        (A, "anouk@amstel.nl", "bestuur", False),
    ]


def test_revoke_without_a_role_takes_every_role_in_that_organisation_only(db: Database) -> None:
    grant(db, LOCAL, "anouk@amstel.nl", A, Role.TEAM)
    grant(db, LOCAL, "anouk@amstel.nl", A, Role.BESTUUR)
    grant(db, LOCAL, "anouk@amstel.nl", B, Role.TEAM)
    assert revoke(db, LOCAL, "anouk@amstel.nl", A) == 2
    assert rows(db) == [(B, "anouk@amstel.nl", "team", False)]


def test_revoking_what_is_not_held_is_refused_in_dutch(db: Database) -> None:
    grant(db, LOCAL, "anouk@amstel.nl", A, Role.TEAM)
    cases = [
        ("nooit@amstel.nl", A, None),  # no such person
        ("anouk@amstel.nl", B, None),  # not a member of B
        ("anouk@amstel.nl", A, Role.BESTUUR),  # not this role
    ]
    for email, organisation, role in cases:
        with pytest.raises(MemberError) as raised:
            revoke(db, LOCAL, email, organisation, role)
        assert str(raised.value) == t(
            "member.error.not_member", email=email, organisation=organisation
        )
    assert rows(db) == [(A, "anouk@amstel.nl", "team", False)]


def test_revoke_refuses_a_bad_email(db: Database) -> None:
    with pytest.raises(MemberError) as raised:
        revoke(db, LOCAL, "geen-adres", A)
    assert str(raised.value) == t("member.error.email", email="geen-adres")


# who manages whom


def test_members_lists_only_the_organisations_the_acting_person_manages(db: Database) -> None:
    grant(db, LOCAL, "anouk@amstel.nl", A, Role.TEAM)
    grant(db, LOCAL, "carla@beatrix.nl", B, Role.TEAM)
    beheer_a = beheer_of(db, A, "beheer@amstel.nl")
    assert rows(db, beheer_a) == [
        (A, "anouk@amstel.nl", "team", False),
        (A, "beheer@amstel.nl", "beheer", True),
    ]
    assert members(db, beheer_a, B) == []  # asking for B does not widen it
    assert [m.email for m in members(db, beheer_a, A)] == ["anouk@amstel.nl", "beheer@amstel.nl"]
    assert len(members(db, LOCAL)) == 3
    assert [m.organisation for m in members(db, LOCAL, B)] == [B]


def test_people_who_do_not_manage_members_see_none(db: Database) -> None:
    grant(db, LOCAL, "anouk@amstel.nl", A, Role.TEAM)
    grant(db, LOCAL, "bram@amstel.nl", A, Role.BESTUUR)
    grant(db, LOCAL, "dirk@amstel.nl", A, Role.REDACTIE)
    for email in ("anouk@amstel.nl", "bram@amstel.nl", "dirk@amstel.nl"):
        assert members(db, signed_in(db, person(f"sub-{email}", email))) == []
    assert members(db, ANONYMOUS) == []
    assert members(db, signed_in(db, person("sub-x", "niemand@elders.nl"))) == []


def test_a_beheer_member_grants_and_revokes_in_their_own_organisation(db: Database) -> None:
    beheer_a = beheer_of(db, A, "beheer@amstel.nl")
    assert grant(db, beheer_a, "anouk@amstel.nl", A, Role.TEAM)
    (granted,) = [m for m in members(db, beheer_a) if m.email == "anouk@amstel.nl"]
    assert granted.granted_by == "Beheerder <beheer@amstel.nl>"
    assert revoke(db, beheer_a, "anouk@amstel.nl", A, Role.TEAM) == 1


def test_only_someone_with_redactie_hands_on_redactie(db: Database) -> None:
    """Redactie changes the content every organisation reads: one hospital's beheer cannot
    make editors for everyone; a beheer who is redactie too, or the operator, can."""
    beheer_a = beheer_of(db, A, "beheer@amstel.nl")
    with pytest.raises(MemberError, match="alleen worden toegekend of ingetrokken door"):
        grant(db, beheer_a, "anouk@amstel.nl", A, Role.REDACTIE)
    assert rows(db) == [(A, "beheer@amstel.nl", "beheer", True)]
    grant(db, LOCAL, "beheer@amstel.nl", A, Role.REDACTIE)
    editor = signed_in(db, person("sub-beheer@amstel.nl", "beheer@amstel.nl", "Beheerder"))
    assert grant(db, editor, "anouk@amstel.nl", A, Role.REDACTIE)
    with pytest.raises(MemberError, match="alleen worden toegekend of ingetrokken door"):
        revoke(db, beheer_a, "anouk@amstel.nl", A, Role.REDACTIE)


def test_a_beheer_member_cannot_revoke_their_own_beheer_role(db: Database) -> None:
    """Else the organisation is left with nobody to manage it but the operator."""
    beheer_a = beheer_of(db, A, "beheer@amstel.nl")
    grant(db, LOCAL, "beheer@amstel.nl", A, Role.TEAM)
    for role in (Role.BEHEER, None):
        with pytest.raises(MemberError, match="eigen rol beheer niet intrekken"):
            revoke(db, beheer_a, "Beheer@Amstel.nl", A, role)
    assert revoke(db, beheer_a, "beheer@amstel.nl", A, Role.TEAM) == 1  # another role: fine
    assert rows(db) == [(A, "beheer@amstel.nl", "beheer", True)]


def test_a_beheer_member_of_a_cannot_grant_or_revoke_in_b(db: Database) -> None:
    beheer_a = beheer_of(db, A, "beheer@amstel.nl")
    grant(db, LOCAL, "carla@beatrix.nl", B, Role.TEAM)
    before = rows(db)
    refusal = t("member.error.not_allowed", organisation=B)
    with pytest.raises(MemberError) as raised:
        grant(db, beheer_a, "anouk@amstel.nl", B, Role.TEAM)
    assert str(raised.value) == refusal
    with pytest.raises(MemberError) as raised:
        grant(db, beheer_a, "beheer@amstel.nl", B, Role.BEHEER)  # nor make themselves beheer
    assert str(raised.value) == refusal
    with pytest.raises(MemberError) as raised:
        revoke(db, beheer_a, "carla@beatrix.nl", B)
    assert str(raised.value) == refusal
    with pytest.raises(MemberError):  # a new organisation is not theirs either
        grant(db, beheer_a, "anouk@amstel.nl", "Nieuw Ziekenhuis", Role.TEAM)
    assert rows(db) == before
    assert organisation_names(db) == sorted([A, B], key=str.casefold)


@pytest.mark.parametrize("role", [Role.TEAM, Role.BESTUUR, Role.REDACTIE])
def test_other_roles_cannot_grant_even_in_their_own_organisation(db: Database, role: Role) -> None:
    grant(db, LOCAL, "lid@amstel.nl", A, role)
    member = signed_in(db, person("sub-lid", "lid@amstel.nl"))
    with pytest.raises(MemberError) as raised:
        grant(db, member, "anouk@amstel.nl", A, Role.TEAM)
    assert str(raised.value) == t("member.error.not_allowed", organisation=A)
    with pytest.raises(MemberError):
        revoke(db, member, "lid@amstel.nl", A)
    with pytest.raises(MemberError):
        grant(db, ANONYMOUS, "anouk@amstel.nl", A, Role.TEAM)
    assert rows(db) == [(A, "lid@amstel.nl", role.value, True)]


# signing in


def test_an_unknown_person_has_no_roles(db: Database) -> None:
    grant(db, LOCAL, "anouk@amstel.nl", A, Role.TEAM)
    stranger = person("sub-stranger", "vreemde@elders.nl", "Vreemde")
    acting = signed_in(db, stranger)
    assert acting.person == stranger and acting.signed_in
    assert acting.roles == {}
    assert rows(db) == [(A, "anouk@amstel.nl", "team", False)]  # nothing bound, nothing made


def test_the_first_sign_in_binds_the_identity_to_the_email_whatever_its_case(
    db: Database,
) -> None:
    grant(db, LOCAL, "anouk@amstel.nl", A, Role.TEAM)
    anouk = person("sub-anouk", "Anouk@AMSTEL.nl", "Anouk de Vries")
    acting = signed_in(db, anouk)
    assert roles_of(acting) == {A: {Role.TEAM}}
    assert acting.label == "Anouk de Vries <Anouk@AMSTEL.nl>"
    (member,) = members(db, LOCAL)
    assert (member.email, member.name, member.signed_in) == (
        "anouk@amstel.nl",
        "Anouk de Vries",
        True,
    )
    # from now on the identity is the key: a changed e-mail still finds her
    moved = person("sub-anouk", "a.devries@amstel.nl", "Anouk de Vries")
    assert roles_of(signed_in(db, moved)) == {A: {Role.TEAM}}
    assert [m.email for m in members(db, LOCAL)] == ["a.devries@amstel.nl"]


def test_an_unverified_email_is_not_bound(db: Database) -> None:
    grant(db, LOCAL, "anouk@amstel.nl", A, Role.TEAM)
    claimant = person("sub-claimant", "anouk@amstel.nl", "Niet Anouk")
    assert signed_in(db, claimant, verified=False).roles == {}
    assert rows(db) == [(A, "anouk@amstel.nl", "team", False)]
    assert members(db, LOCAL)[0].name == ""  # nothing about the claimant stored
    # the real Anouk, verified, still gets her role
    anouk = person("sub-anouk", "anouk@amstel.nl", "Anouk")
    assert roles_of(signed_in(db, anouk)) == {A: {Role.TEAM}}
    assert signed_in(db, claimant, verified=False).roles == {}


def test_a_second_identity_with_the_same_email_does_not_take_over(db: Database) -> None:
    grant(db, LOCAL, "anouk@amstel.nl", A, Role.TEAM)
    anouk = person("sub-anouk", "anouk@amstel.nl", "Anouk")
    assert roles_of(signed_in(db, anouk)) == {A: {Role.TEAM}}
    for other in (
        person("sub-other", "anouk@amstel.nl", "Ander"),  # same provider, other account
        person("sub-anouk", "anouk@amstel.nl", "Ander", issuer="https://other-idp.example"),
    ):
        assert signed_in(db, other).roles == {}
    assert roles_of(signed_in(db, anouk)) == {A: {Role.TEAM}}
    (member,) = members(db, LOCAL)
    assert member.name == "Anouk"


def test_a_revoked_role_is_gone_at_the_next_sign_in_read(db: Database) -> None:
    grant(db, LOCAL, "anouk@amstel.nl", A, Role.TEAM)
    grant(db, LOCAL, "anouk@amstel.nl", B, Role.BESTUUR)
    anouk = person("sub-anouk", "anouk@amstel.nl", "Anouk")
    assert roles_of(signed_in(db, anouk)) == {A: {Role.TEAM}, B: {Role.BESTUUR}}
    revoke(db, LOCAL, "anouk@amstel.nl", A)
    assert roles_of(signed_in(db, anouk)) == {B: {Role.BESTUUR}}
    revoke(db, LOCAL, "anouk@amstel.nl", B, Role.BESTUUR)
    assert signed_in(db, anouk).roles == {}
    grant(db, LOCAL, "anouk@amstel.nl", A, Role.TEAM)  # granted again: the same, bound person
    assert roles_of(signed_in(db, anouk)) == {A: {Role.TEAM}}
    assert rows(db) == [(A, "anouk@amstel.nl", "team", True)]


def test_a_name_change_from_the_provider_is_stored(db: Database) -> None:
    grant(db, LOCAL, "anouk@amstel.nl", A, Role.TEAM)
    signed_in(db, person("sub-anouk", "anouk@amstel.nl", "Anouk de Vries"))
    acting = signed_in(db, person("sub-anouk", "anouk@amstel.nl", "Anouk Jansen"))
    assert acting.label == "Anouk Jansen <anouk@amstel.nl>"
    assert members(db, LOCAL)[0].name == "Anouk Jansen"


def test_an_email_change_to_an_address_someone_else_has_keeps_the_stored_one(
    db: Database,
) -> None:
    grant(db, LOCAL, "anouk@amstel.nl", A, Role.TEAM)
    grant(db, LOCAL, "bram@amstel.nl", A, Role.BESTUUR)
    signed_in(db, person("sub-anouk", "anouk@amstel.nl"))
    acting = signed_in(db, person("sub-anouk", "bram@amstel.nl"))
    assert roles_of(acting) == {A: {Role.TEAM}}  # still Anouk, with her own roles only
    assert sorted(m.email for m in members(db, LOCAL)) == ["anouk@amstel.nl", "bram@amstel.nl"]


def test_an_unverified_new_email_of_a_bound_person_is_not_stored(db: Database) -> None:
    """Else a member could claim a colleague's address before it is granted, and receive the
    colleague's role when beheer grants it to that address."""
    grant(db, LOCAL, "anouk@amstel.nl", A, Role.TEAM)
    signed_in(db, person("sub-anouk", "anouk@amstel.nl", "Anouk"))
    claimed = signed_in(db, person("sub-anouk", "directeur@beatrix.nl", "Anouk"), verified=False)
    assert roles_of(claimed) == {A: {Role.TEAM}}  # still her, with her roles
    assert claimed.label == "Anouk <anouk@amstel.nl>"  # records name the address stored
    assert [m.email for m in members(db, LOCAL)] == ["anouk@amstel.nl"]
    grant(db, LOCAL, "directeur@beatrix.nl", B, Role.BEHEER)
    anouk = signed_in(db, person("sub-anouk", "anouk@amstel.nl", "Anouk"))
    assert roles_of(anouk) == {A: {Role.TEAM}}  # not the director's role
    director = signed_in(db, person("sub-director", "directeur@beatrix.nl", "Directeur"))
    assert roles_of(director) == {B: {Role.BEHEER}}


def test_normal_email_lowers_and_trims() -> None:
    assert member_store.normal_email("  Anouk@Amstel.NL ") == "anouk@amstel.nl"
