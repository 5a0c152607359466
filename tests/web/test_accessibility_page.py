"""The accessibility statement: a page of its own, in the sidebar and linked from every page's
footer."""

from __future__ import annotations

import pytest

from tests.appkit import links, open_page, sidebar_links, texts
from toolkaart.i18n.catalog import NL, t
from toolkaart.settings import settings
from toolkaart.web.literal import literal

STATEMENT = "app_pages/toegankelijkheid.py"
#: Every page in the state a plain link opens it in. Zelfscan without a project, Portfolio without
#: projects to show and Agenda without an agenda stop before the footer (``st.stop``): there only
#: the sidebar links the statement.
PAGES: tuple[tuple[str, dict[str, str]], ...] = (
    ("app_pages/home.py", {}),
    ("app_pages/fase.py", {"fase": "idee"}),
    ("app_pages/actoren.py", {}),
    ("app_pages/hulpmiddelen.py", {}),
    ("app_pages/projecten.py", {}),
    ("app_pages/beheer.py", {}),
    (STATEMENT, {}),
)


def test_the_statement_follows_the_model_and_says_it_complies_partially() -> None:
    app = open_page(STATEMENT)
    assert app.title[0].value == t("a11y.title")
    headers = [header.value for header in app.header]
    sections = ("status", "tested", "untested", "limits", "plan", "contact")
    assert headers == [t(f"a11y.{section}.heading") for section in sections]
    text = texts(app)
    assert "**voldoet gedeeltelijk**" in text
    limitations = [key for key in NL if key.startswith("a11y.limit.")]
    assert len(limitations) == 1 and all(t(key) in text for key in limitations)
    assert "[contactadres: nog in te vullen door het programma]" in text
    assert all(heading.proto.hide_anchor for heading in [*app.title, *app.header])


@pytest.mark.parametrize(("page", "query"), PAGES)
def test_every_page_links_the_statement_in_its_footer(page: str, query: dict[str, str]) -> None:
    app = open_page(page, query)
    (page_address,) = [page for label, page, _ in links(app) if label == t("nav.accessibility")]
    assert page_address == "toegankelijkheid"


def test_the_statement_is_in_the_sidebar_under_content() -> None:
    app = open_page()
    labels = [label for label, _, _ in sidebar_links(app)]
    assert labels[-3:] == [t("nav.beheer"), t("nav.members"), t("nav.accessibility")]


def test_the_statement_names_the_services_contact_when_its_operator_set_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert t("a11y.contact.body") in texts(open_page(STATEMENT))  # not set: it says so
    monkeypatch.setenv("TOOLKAART_SUPPORT", "toegankelijkheid@zorg.example.nl")
    settings.cache_clear()
    shown = texts(open_page(STATEMENT))
    contact = literal("toegankelijkheid@zorg.example.nl")
    assert t("a11y.contact.body.support", contact=contact) in shown
    assert t("a11y.contact.body") not in shown
