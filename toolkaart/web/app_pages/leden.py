"""Leden: a *beheer* member grants and revokes the roles of their organisation's members.

The same rules as ``toolkaart users grant/revoke`` (``toolkaart.store.member_store``): a role is
granted to an e-mail address; the person gets it at their next sign-in, or their next click if
they are signed in already. Revoking takes effect on their next click.
"""

from __future__ import annotations

import streamlit as st

from toolkaart.access.permissions import Permission, Role
from toolkaart.errors import MemberError, TextError
from toolkaart.i18n.catalog import t
from toolkaart.i18n.dates import local_time_label
from toolkaart.store import member_store
from toolkaart.web import identity
from toolkaart.web.feedback import answer_at, tell
from toolkaart.web.identity import base_store, require
from toolkaart.web.literal import literal
from toolkaart.web.reconnect import missed_click

acting = require(Permission.MANAGE_MEMBERS)
st.title(t("members.title"), anchor=False)
st.write(t("members.intro"))

if acting.local:
    organisation = st.text_input(
        t("member.field.organisation"), key="members.organisation", max_chars=200
    )
else:
    organisation = st.selectbox(
        t("member.field.organisation"),
        acting.choosable(Permission.MANAGE_MEMBERS),
        key="members.organisation",
        placeholder=t("ui.select.placeholder"),
    )


def _grant() -> None:
    # a callback runs before this run's page: the roles as they are now (``identity.acting``),
    # not those of the run that drew the form, which may be one click old
    state = st.session_state
    try:
        new = member_store.grant(
            base_store(),
            identity.acting(),
            state.get("members.email", ""),
            organisation or "",
            Role(state["members.role"]),
        )
    except (MemberError, TextError) as error:  # the form keeps what was typed
        tell("members.grant", "error", str(error))
        return
    done = "members.granted" if new else "members.already"
    tell("members.grant", "success", t(done, email=state["members.email"].strip().lower()))
    state["members.email"] = ""


def _revoke(email: str, role: str) -> None:
    try:
        member_store.revoke(base_store(), identity.acting(), email, organisation or "", Role(role))
    except (MemberError, TextError) as error:
        tell("members.list", "error", str(error))
        return
    tell("members.list", "success", t("members.revoked", email=email, role=t(f"role.{role}")))


st.header(t("members.list.title"), anchor=False)
answer_at("members.list")
found = member_store.members(base_store(), acting, organisation) if organisation else []
if not found:
    st.caption(t("members.list.empty" if organisation else "members.list.choose"))
for index, member in enumerate(found):
    left, right = st.columns([3, 1])
    role = t(f"role.{member.role.value}")
    email = literal(member.email)
    left.markdown(
        t("members.list.line", name=literal(member.name), email=email, role=role)
        if member.name and member.name != member.email
        else t("members.list.line.email", email=email, role=role)
    )
    left.caption(
        t(
            "members.list.granted",
            when=local_time_label(member.granted_at),
            by=literal(member.granted_by) if member.granted_by else t("members.list.cli"),
            signed_in=t("members.list.signed_in" if member.signed_in else "members.list.never"),
        )
    )
    revoked = right.button(
        t("members.revoke", role=t(f"role.{member.role.value}")),
        key=f"members.revoke.{index}",
        on_click=_revoke,
        args=(member.email, member.role.value),
        help=None,
    )
    missed_click(revoked, "members.list")

st.header(t("members.grant.title"), anchor=False)
st.text_input(t("members.email"), key="members.email", max_chars=member_store.MAX_EMAIL)
st.selectbox(
    t("members.role"),
    [role.value for role in Role],
    format_func=lambda value: t(f"role.{value}"),
    key="members.role",
    placeholder=t("ui.select.placeholder"),
)
answer_at("members.grant")
missed_click(
    st.button(t("members.grant"), type="primary", on_click=_grant, key="members.grant"),
    "members.grant",
)
