"""Leden in local mode (nobody signs in): what the page says before an organisation is typed, and
how a role granted there is listed."""

from __future__ import annotations

from tests.appkit import open_page
from toolkaart.i18n.catalog import t
from toolkaart.web.literal import literal


def test_a_role_granted_on_the_page_in_local_mode_is_listed_once_and_truly() -> None:
    app = open_page("app_pages/leden.py")
    assert app.caption[0].value == t("members.list.choose")  # (the last caption: the footer)
    app.text_input(key="members.organisation").input("Ziekenhuis Noord").run()
    assert app.caption[0].value == t("members.list.empty")
    app.text_input(key="members.email").input("ria@ziekenhuis.nl")
    app.selectbox(key="members.role").set_value("bestuur")
    app.button(key="members.grant").click().run()
    assert not app.exception, app.exception
    line = t("members.list.line.email", email=literal("ria@ziekenhuis.nl"), role=t("role.bestuur"))
    assert line in [m.value for m in app.markdown]  # the address once, not "ria@… (ria@…)"
    granted = app.caption[0].value
    assert granted.startswith(t("members.list.granted", when="", by="", signed_in="")[:9])
    assert t("members.list.cli") in granted  # nobody signed in: not "the command line" alone
