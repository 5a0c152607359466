"""Who acts on this click: local mode, someone not signed in, or a signed-in member.

The mode follows the configuration (``toolkaart.access.service``): with an ``[auth]`` section in
Streamlit's secrets the app is a service and people sign in with ``st.login`` (OpenID Connect);
without it, local mode. The person's roles are read afresh once per run, so a revoked role is gone
at the next click: ``acting`` answers from what this run read, and reads it when the run has not
yet. A click's widget callbacks run before the page's script, in the new run: they too act on
the roles as they are now, not on those the page was drawn with (a tick one click after a role
was revoked was saved). Pages that are not public call ``require``.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from toolkaart.access.permissions import ANONYMOUS, LOCAL, Acting, Permission, Person
from toolkaart.access.service import ServiceConfig, service_config
from toolkaart.events import Event, log_event
from toolkaart.i18n.catalog import t
from toolkaart.settings import settings
from toolkaart.store import member_store
from toolkaart.store.project_store import Store
from toolkaart.web.literal import literal
from toolkaart.web.page_end import end_page

_ACTING = "toolkaart.acting"
_REFUSAL_LOGGED = "toolkaart.signin_refused"


@st.cache_resource(show_spinner=False)
def _store(url: str) -> Store:
    return Store(url, acting=ANONYMOUS)


def base_store() -> Store:
    """The process's store (migrated once, then shared), on behalf of nobody: callers take a
    view for the acting person (``project_session.store``)."""
    return _store(settings().database_url)


@st.cache_resource(show_spinner=False)
def _service(files: tuple[str, ...]) -> ServiceConfig | None:
    from pathlib import Path

    return service_config(tuple(Path(f) for f in files))


def service() -> ServiceConfig | None:
    """The sign-in configuration; None in local mode. ServiceConfigError when it is incomplete
    (never served as an open service: app.py shows the problems and stops)."""
    return _service(tuple(str(path) for path in settings().secrets_files))


def _claim(name: str) -> str:
    value = st.user.get(name)
    return str(value).strip() if value is not None else ""


@dataclass(frozen=True)
class _Resolved:
    """Who acts, as read in the run ``run`` identifies."""

    run: object
    acting: Acting


def _this_run() -> object:
    """What tells this run from the one before: Streamlit starts every run, before the click's
    callbacks, with a new ``cursors`` dict in the session's script context."""
    ctx = get_script_run_ctx()
    return ctx.cursors if ctx is not None else None


def resolve() -> Acting:
    """Who acts on this run: their roles as the database holds them now (one query)."""
    if service() is None:
        acting = LOCAL
    elif st.user.get("is_logged_in") is not True:
        # not known to be signed in: also when Streamlit was started on other secrets files than
        # the ones checked here (``streamlit run`` by hand), where ``is_logged_in`` is missing
        acting = ANONYMOUS
    else:
        person = Person(
            issuer=_claim("iss"),
            subject=_claim("sub"),
            email=_claim("email"),
            name=_claim("name"),
        )
        verified = st.user.get("email_verified") is not False
        acting = member_store.acting_for(base_store(), person, email_verified=verified)
        if acting.person_id is None and not st.session_state.get(_REFUSAL_LOGGED):
            # bound to nobody with a role: logged once per browser session, not on every click
            st.session_state[_REFUSAL_LOGGED] = True
            reason = "not_granted" if verified else "email_unverified"
            log_event(Event.SIGNIN_REFUSED, reason=reason)
    st.session_state[_ACTING] = _Resolved(_this_run(), acting)
    return acting


def acting() -> Acting:
    """Who acts on this run, callbacks included: read once per run (``resolve``)."""
    held = st.session_state.get(_ACTING)
    if isinstance(held, _Resolved) and held.run is _this_run():
        return held.acting
    return resolve()


def _sign_in_button(key: str) -> None:
    st.button(t("signin.button"), key=key, on_click=st.login)


def require(permission: Permission) -> Acting:
    """The acting person, if this page is for them; else say why, with the way forward, and stop
    the page: sign in, ask for a role, or this page is not part of their roles."""
    who = acting()
    if who.may_somewhere(permission):
        return who
    if not who.signed_in:
        st.title(t("signin.needed.title"), anchor=False)
        st.write(t("signin.needed"))
        _sign_in_button("signin.page")
    elif not who.roles:
        st.title(t("signin.no_organisation.title"), anchor=False)
        email = literal(who.person.email) if who.person else ""
        st.write(t("signin.no_organisation", email=email))
        support = settings().support
        st.write(t("signin.ask", who=literal(support)) if support else t("signin.ask_beheer"))
    else:
        st.title(t("signin.no_access.title"), anchor=False)
        st.write(t("signin.no_access"))
    end_page()


def sidebar(who: Acting) -> None:
    """Who is signed in, with sign-out, on every page; or the way to sign in; or, in local mode,
    nothing here (the footer says it is local)."""
    if who.local:
        return
    with st.sidebar:
        if who.person is None:
            st.caption(t("signin.sidebar.anonymous"))
            _sign_in_button("signin.sidebar")
            return
        person = who.person
        st.caption(t("signin.sidebar.who", name=literal(person.name), email=literal(person.email)))
        st.button(t("signin.signout"), key="signout", on_click=st.logout)


def mode_line(who: Acting) -> str:
    """The footer's quiet line about the mode (local mode only; a service says nothing)."""
    return t("mode.local") if who.local else ""
