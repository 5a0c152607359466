"""The permission rules, role by role, against a table written out here (not read from GRANTS).

The table below is the intended rule in the words of the issue: *team* reads, writes and exports
their organisation's projects and sees its portfolio; *bestuur* reads every project of their
organisation, sees its portfolio and keeps its board's agenda drafts, and writes nothing;
*redactie* edits the content (shared, so held in any organisation is enough); *beheer* manages
the members of that organisation. Each role is held in organisation A; B is another one.
"""

from __future__ import annotations

import pytest

from toolkaart.access.permissions import ANONYMOUS, LOCAL, Acting, Permission, Person, Role

A, B, C = "Ziekenhuis Amstel", "Beatrix Kliniek", "Centrum Oost"

#: Where a role held in A allows each permission: "A" own organisation only, "AB" every
#: organisation, "-" nowhere.
TABLE = """
permission       team  bestuur  redactie  beheer
read_projects    A     A        -         -
write_projects   A     -        -         -
export_projects  A     -        -         -
view_portfolio   A     A        -         -
manage_agenda    -     A        -         -
edit_content     -     -        AB        -
manage_members   -     -        -         A
"""


def _expected() -> dict[tuple[str, str], str]:
    header, *rows = [line.split() for line in TABLE.strip().splitlines()]
    return {
        (row[0], role): cell for row in rows for role, cell in zip(header[1:], row[1:], strict=True)
    }


EXPECTED = _expected()
PERSON = Person("https://idp.example.nl", "sub-anouk", "anouk@amstel.nl", "Anouk de Vries")


def test_the_table_names_every_permission_and_every_role() -> None:
    assert {permission for permission, _ in EXPECTED} == {p.value for p in Permission}
    assert {role for _, role in EXPECTED} == {r.value for r in Role}
    assert len(EXPECTED) == len(Permission) * len(Role)


CASES = [
    pytest.param(
        Permission(permission),
        Role(role),
        organisation,
        where in cell,
        id=f"{role}-{permission}-{'own' if where == 'A' else 'other'}-"
        f"{'allow' if where in cell else 'deny'}",
    )
    for (permission, role), cell in EXPECTED.items()
    for where, organisation in (("A", A), ("B", B))
]


@pytest.mark.parametrize(("permission", "role", "organisation", "allowed"), CASES)
def test_a_role_held_in_a_allows_exactly_what_the_table_says(
    permission: Permission, role: Role, organisation: str, allowed: bool
) -> None:
    acting = Acting(PERSON, {A: frozenset({role})})
    assert acting.may(permission, organisation) is allowed


@pytest.mark.parametrize(
    ("permission", "role", "somewhere"),
    [
        pytest.param(
            Permission(permission),
            Role(role),
            cell != "-",
            id=f"{role}-{permission}-{'page' if cell != '-' else 'no-page'}",
        )
        for (permission, role), cell in EXPECTED.items()
    ],
)
def test_may_somewhere_is_whether_the_role_allows_it_anywhere(
    permission: Permission, role: Role, somewhere: bool
) -> None:
    assert Acting(PERSON, {A: frozenset({role})}).may_somewhere(permission) is somewhere


@pytest.mark.parametrize("organisation", [A, B, ""], ids=["own", "other", "none"])
@pytest.mark.parametrize("permission", list(Permission), ids=lambda p: p.value)
def test_local_mode_may_do_everything_everywhere(permission: Permission, organisation: str) -> None:
    assert LOCAL.may(permission, organisation)
    assert LOCAL.may_somewhere(permission)
    assert LOCAL.organisations(permission) is None  # every organisation
    assert LOCAL.choosable(permission) == ()  # the organisation is free text in local mode


@pytest.mark.parametrize("organisation", [A, B, ""], ids=["own", "other", "none"])
@pytest.mark.parametrize("permission", list(Permission), ids=lambda p: p.value)
def test_someone_not_signed_in_may_do_nothing(permission: Permission, organisation: str) -> None:
    assert not ANONYMOUS.may(permission, organisation)
    assert not ANONYMOUS.may_somewhere(permission)
    assert ANONYMOUS.organisations(permission) == frozenset()
    assert ANONYMOUS.choosable(permission) == ()


@pytest.mark.parametrize("permission", list(Permission), ids=lambda p: p.value)
def test_a_signed_in_person_without_an_organisation_may_do_nothing(
    permission: Permission,
) -> None:
    nobody = Acting(PERSON)
    assert nobody.signed_in
    assert not nobody.may(permission, A)
    assert not nobody.may_somewhere(permission)
    assert nobody.organisations(permission) == frozenset()


#: Team in A and bestuur in B: each role in its own organisation, nothing in C.
TWO_ORGANISATIONS = """
permission       A  B  C
read_projects    +  +  -
write_projects   +  -  -
export_projects  +  -  -
view_portfolio   +  +  -
manage_agenda    -  +  -
edit_content     -  -  -
manage_members   -  -  -
"""
#: Team and beheer, both in A.
TWO_ROLES = """
permission       A  B
read_projects    +  -
write_projects   +  -
export_projects  +  -
view_portfolio   +  -
manage_agenda    -  -
edit_content     -  -
manage_members   +  -
"""


def _cases(table: str) -> list[object]:
    header, *rows = [line.split() for line in table.strip().splitlines()]
    names = {"A": A, "B": B, "C": C}
    return [
        pytest.param(
            Permission(row[0]),
            names[where],
            cell == "+",
            id=f"{row[0]}-{where}-{'allow' if cell == '+' else 'deny'}",
        )
        for row in rows
        for where, cell in zip(header[1:], row[1:], strict=True)
    ]


@pytest.mark.parametrize(("permission", "organisation", "allowed"), _cases(TWO_ORGANISATIONS))
def test_team_in_one_organisation_and_bestuur_in_another(
    permission: Permission, organisation: str, allowed: bool
) -> None:
    acting = Acting(PERSON, {A: frozenset({Role.TEAM}), B: frozenset({Role.BESTUUR})})
    assert acting.may(permission, organisation) is allowed


@pytest.mark.parametrize(("permission", "organisation", "allowed"), _cases(TWO_ROLES))
def test_two_roles_in_one_organisation_add_up(
    permission: Permission, organisation: str, allowed: bool
) -> None:
    acting = Acting(PERSON, {A: frozenset({Role.TEAM, Role.BEHEER})})
    assert acting.may(permission, organisation) is allowed


def test_organisations_lists_where_each_permission_holds() -> None:
    acting = Acting(
        PERSON,
        {
            A: frozenset({Role.TEAM}),
            B: frozenset({Role.BESTUUR}),
            C: frozenset({Role.REDACTIE, Role.BEHEER}),
        },
    )
    assert acting.organisations(Permission.READ_PROJECTS) == frozenset({A, B})
    assert acting.organisations(Permission.WRITE_PROJECTS) == frozenset({A})
    assert acting.organisations(Permission.EXPORT_PROJECTS) == frozenset({A})
    assert acting.organisations(Permission.VIEW_PORTFOLIO) == frozenset({A, B})
    assert acting.organisations(Permission.MANAGE_AGENDA) == frozenset({B})
    assert acting.organisations(Permission.EDIT_CONTENT) == frozenset({C})
    assert acting.organisations(Permission.MANAGE_MEMBERS) == frozenset({C})


def test_choosable_is_sorted_without_regard_to_case() -> None:
    acting = Acting(
        PERSON,
        {
            "umc Noord": frozenset({Role.TEAM}),
            "Amphia": frozenset({Role.TEAM}),
            "bravis": frozenset({Role.TEAM, Role.BESTUUR}),
            "Zuyderland": frozenset({Role.BESTUUR}),
        },
    )
    assert acting.choosable(Permission.WRITE_PROJECTS) == ("Amphia", "bravis", "umc Noord")
    assert acting.choosable(Permission.MANAGE_AGENDA) == ("bravis", "Zuyderland")
    assert acting.choosable(Permission.MANAGE_MEMBERS) == ()


def test_an_empty_role_set_in_an_organisation_allows_nothing() -> None:
    acting = Acting(PERSON, {A: frozenset()})
    assert not any(acting.may(p, A) for p in Permission)
    assert not any(acting.may_somewhere(p) for p in Permission)


def test_label_is_name_and_email_or_the_email_alone() -> None:
    assert PERSON.label == "Anouk de Vries <anouk@amstel.nl>"
    assert Person("iss", "sub", "bram@amstel.nl").label == "bram@amstel.nl"
    assert Acting(PERSON, {A: frozenset({Role.TEAM})}).label == PERSON.label
    assert Acting(PERSON).label == PERSON.label  # without roles: still who they are


def test_local_mode_and_anonymous_have_no_label_and_are_not_signed_in() -> None:
    assert (LOCAL.label, LOCAL.signed_in, LOCAL.local) == ("", False, True)
    assert (ANONYMOUS.label, ANONYMOUS.signed_in, ANONYMOUS.local) == ("", False, False)


@pytest.mark.parametrize(
    ("roles", "role", "organisation", "allowed"),
    [
        ({"A": {Role.BEHEER}}, Role.TEAM, "A", True),
        ({"A": {Role.BEHEER}}, Role.BEHEER, "A", True),
        ({"A": {Role.BEHEER}}, Role.TEAM, "B", False),
        ({"A": {Role.BEHEER}}, Role.REDACTIE, "A", False),
        ({"A": {Role.BEHEER, Role.REDACTIE}}, Role.REDACTIE, "A", True),
        ({"A": {Role.BEHEER}, "P": {Role.REDACTIE}}, Role.REDACTIE, "A", True),
        ({"A": {Role.REDACTIE}}, Role.REDACTIE, "A", False),
        ({"A": {Role.TEAM}}, Role.TEAM, "A", False),
    ],
)
def test_who_may_grant_which_role(
    roles: dict[str, set[Role]], role: Role, organisation: str, allowed: bool
) -> None:
    someone = Acting(
        Person("iss", "sub", "x@y.nl"), {org: frozenset(held) for org, held in roles.items()}
    )
    assert someone.may_grant(role, organisation) is allowed
    assert LOCAL.may_grant(role, organisation) and not ANONYMOUS.may_grant(role, organisation)
