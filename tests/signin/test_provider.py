"""The sign-in harness itself: a real provider, Streamlit's st.login, and Chromium going through
the provider's own login form, on a minimal app (login_app.py) rather than the navigator."""

from __future__ import annotations

import json
import tomllib
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import goto
from tests.signin.conftest import (
    PEOPLE,
    SIGN_IN_BUTTON,
    OidcProvider,
    StartSignedInApp,
    secrets_toml,
    sign_in,
    sign_out,
    subject,
)

pytestmark = pytest.mark.signin

LOGIN_APP = Path(__file__).with_name("login_app.py")


def test_the_five_people_have_distinct_logins_emails_and_subjects() -> None:
    people = list(PEOPLE.values())
    assert len(people) == 5
    for field in ("login", "email", "sub"):
        assert len({getattr(person, field) for person in people}) == 5
    assert PEOPLE["team-a"].sub == subject("team-a") != "team-a"


def test_provider_offers_what_streamlit_needs(oidc_provider: OidcProvider) -> None:
    with urllib.request.urlopen(oidc_provider.metadata_url, timeout=5) as answer:
        metadata = json.load(answer)
    assert metadata["issuer"] == oidc_provider.issuer
    # st.logout ends the session at the provider when there is an end_session_endpoint.
    assert metadata["end_session_endpoint"] == f"{oidc_provider.issuer}/session/end"
    assert {"openid", "email", "profile"} <= set(metadata["scopes_supported"])
    assert {"email", "name"} <= set(metadata["claims_supported"])
    assert "S256" in metadata["code_challenge_methods_supported"]


def test_secrets_name_the_app_port_and_the_provider(oidc_provider: OidcProvider) -> None:
    auth = tomllib.loads(secrets_toml(oidc_provider, 8642, "x" * 64))["auth"]
    assert auth["redirect_uri"] == "http://127.0.0.1:8642/oauth2callback"
    assert auth["server_metadata_url"] == oidc_provider.metadata_url
    assert auth["client_id"] == oidc_provider.client_id
    assert auth["client_secret"] == oidc_provider.client_secret
    assert auth["client_kwargs"] == {"prompt": "login"}


@pytest.fixture(scope="module")
def login_app_url(signed_in_app: StartSignedInApp) -> Iterator[str]:
    with signed_in_app(app=LOGIN_APP) as server:
        yield server.url


def main_text(page: Any) -> str:
    return str(page.locator("[data-testid=stMain]").inner_text())


@pytest.mark.browser
def test_sign_in_and_out_through_the_providers_form(
    page: Any,
    login_app_url: str,
    record_property: Callable[[str, object], None],
) -> None:
    goto(page, login_app_url)
    tess, bram = PEOPLE["team-a"], PEOPLE["bestuur-a"]

    first = sign_in(page, login_app_url, tess.login)
    text = main_text(page)
    assert tess.email in text
    assert tess.name in text
    assert tess.sub in text
    assert page.get_by_role("button", name=SIGN_IN_BUTTON, exact=True).count() == 0

    out = sign_out(page)
    page.get_by_role("button", name=SIGN_IN_BUTTON, exact=True).wait_for()
    assert tess.email not in main_text(page)

    # the provider session ended too: the next person gets the login form, not Tess again
    second = sign_in(page, login_app_url, bram.login)
    text = main_text(page)
    assert bram.email in text
    assert bram.name in text
    assert tess.email not in text

    for name, seconds in (("sign_in_first", first), ("sign_out", out), ("sign_in_second", second)):
        record_property(f"{name}_seconds", round(seconds, 3))
    print(
        f"\nsign-in round trip: {first:.2f} s (first), {second:.2f} s (second); sign-out {out:.2f} s"
    )


@pytest.mark.browser
def test_an_unknown_login_is_refused_at_the_provider(page: Any, login_app_url: str) -> None:
    with pytest.raises(pytest.fail.Exception, match="the provider refused 'mallory'"):
        sign_in(page, login_app_url, "mallory")


@pytest.mark.browser
def test_two_people_at_once_on_another_server(
    browser: Any, login_app_url: str, signed_in_app: StartSignedInApp
) -> None:
    """Each browser context is one person; the provider takes any app server's loopback port."""
    with signed_in_app(app=LOGIN_APP) as other:
        assert other.url != login_app_url
        contexts = [browser.new_context(locale="nl-NL") for _ in range(2)]
        try:
            tom_page, rosa_page = (context.new_page() for context in contexts)
            sign_in(tom_page, other.url, "team-b")
            sign_in(rosa_page, other.url, "redactie")
            goto(tom_page, other.url)  # a new session: Tom is still Tom after Rosa signed in
            assert PEOPLE["team-b"].email in main_text(tom_page)
            assert PEOPLE["redactie"].email in main_text(rosa_page)
            assert PEOPLE["redactie"].email not in main_text(tom_page)
        finally:
            for context in contexts:
                context.close()
