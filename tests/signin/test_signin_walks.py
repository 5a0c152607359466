"""Five people, two organisations, one service: each signs in through the provider's own form in
Chromium and sees only what their roles allow (issue 13).

Ziekenhuis A has a team member (Tess) and a board member (Bram), Ziekenhuis B a team member
(Tom); Rosa is redactie of the programme; Nina has no organisation. The database is prepared the
way an operator would: ``toolkaart users grant`` rules (``member_store.grant`` as LOCAL) and a
project and a board draft per hospital.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import goto, screenshot, settle
from tests.browser.test_every_page import AXE, AXE_TAGS, RUN_AXE
from tests.signin.conftest import PEOPLE, StartSignedInApp, sign_in, sign_out
from toolkaart.access.permissions import LOCAL, Role
from toolkaart.board.agenda_model import Agenda
from toolkaart.i18n.catalog import t
from toolkaart.store import agenda_store, member_store
from toolkaart.store.project_store import Store

pytestmark = [pytest.mark.signin, pytest.mark.browser]

A, B, PROGRAMME = "Ziekenhuis A", "Ziekenhuis B", "Programma Waardevolle AI"
NOT_FOUND_OR_NO_ACCESS = "niet gevonden of geen toegang"


@dataclass(frozen=True)
class Service:
    url: str
    database: str
    project_a: str
    project_b: str


@pytest.fixture(scope="module")
def service(
    signed_in_app: StartSignedInApp, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Service]:
    folder: Path = tmp_path_factory.mktemp("service")
    database = f"sqlite:///{folder / 'toolkaart.sqlite3'}"
    store = Store(database, acting=LOCAL)
    grants = [
        ("team-a", A, Role.TEAM),
        ("bestuur-a", A, Role.BESTUUR),
        ("team-b", B, Role.TEAM),
        ("redactie", PROGRAMME, Role.REDACTIE),
    ]
    for login, organisation, role in grants:
        member_store.grant(store, LOCAL, PEOPLE[login].email, organisation, role)
    project_a = store.create("Sepsis-signalering", A).id
    project_b = store.create("Valrisico-voorspelling", B).id
    for organisation in (A, B):
        agenda = Agenda(title=f"Bestuur {organisation}", meeting_date=dt.date(2029, 3, 1))
        agenda_store.save_draft(store, agenda, organisation=organisation)
    store.close()
    env = {"TOOLKAART_DATABASE_URL": database, "TOOLKAART_DATA_DIR": str(folder)}
    with signed_in_app(env=env) as server:
        yield Service(server.url, database, project_a, project_b)


def shown(locator: Any) -> str:
    """The text as a person reads it: user text is shown as written, with a word joiner after
    each '@' that keeps an e-mail address from becoming a link (``web/literal.py``)."""
    return str(locator.inner_text()).replace("\u2060", "")


def accessible(page: Any) -> None:
    """axe-core (WCAG 2.0/2.1 A and AA) finds nothing on what the person sees, in Dutch."""
    page.add_script_tag(path=str(AXE))
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert page.evaluate(RUN_AXE, [AXE_TAGS, []]) == []


def main_text(page: Any) -> str:
    return shown(page.locator("[data-testid=stMain]"))


def open_path(page: Any, service: Service, path: str) -> str:
    goto(page, f"{service.url}/{path}")
    return main_text(page)


def test_public_toolkaart_without_sign_in_the_rest_asks_for_it(page: Any, service: Service) -> None:
    home = open_path(page, service, "")
    assert "Idee" in home  # the route is readable
    assert page.get_by_role("button", name=t("signin.button"), exact=True).count() == 1
    accessible(page)
    for path in ("projecten", "zelfscan", "portfolio", "agenda", "beheer", "leden"):
        text = open_path(page, service, path)
        assert t("signin.needed.title") in text, path
    accessible(page)
    text = open_path(page, service, f"zelfscan?project={service.project_a}")
    assert "Sepsis" not in text and t("signin.needed.title") in text
    text = open_path(page, service, f"fase?fase=idee&project={service.project_a}")
    assert NOT_FOUND_OR_NO_ACCESS in text and "Sepsis" not in text


def test_team_member_sees_their_organisation_only_and_decides_in_their_own_name(
    page: Any, service: Service, record_property: Callable[[str, object], None]
) -> None:
    tess = PEOPLE["team-a"]
    goto(page, service.url)
    seconds = sign_in(page, service.url, tess.login)
    record_property("sign_in_seconds", round(seconds, 2))
    print(f"sign-in round trip (click to signed-in page): {seconds:.2f} s")
    sidebar = shown(page.locator("[data-testid=stSidebar]"))
    assert t("signin.sidebar.who", name=tess.name, email=tess.email) in sidebar

    projects = open_path(page, service, "projecten")
    assert "Sepsis-signalering" in projects and "Valrisico" not in projects
    portfolio = open_path(page, service, "portfolio")
    assert "Sepsis-signalering" in portfolio and "Valrisico" not in portfolio
    other = open_path(page, service, f"zelfscan?project={service.project_b}")
    assert NOT_FOUND_OR_NO_ACCESS in other and "Valrisico" not in other
    unknown = open_path(page, service, "zelfscan?project=bestaat-niet")
    assert other.replace(service.project_b, "ID") == unknown.replace("bestaat-niet", "ID")
    assert t("signin.no_access.title") in open_path(page, service, "beheer")
    assert t("signin.no_access.title") in open_path(page, service, "agenda")

    # decide the first gate on their own project: "besloten door" is who is signed in
    open_path(page, service, f"zelfscan?project={service.project_a}")
    assert page.get_by_label(t("gate.form.decided_by"), exact=True).count() == 0
    page.get_by_text(t("answer.nog niet"), exact=True).click()
    settle(page)
    page.get_by_label(t("gate.form.rationale")).fill("Eerst de data-eigenaar spreken.")
    page.get_by_role("button", name=t("gate.form.submit")).click()
    settle(page)
    screenshot(page, "signin-team-a-decided")
    decision = Store(service.database, acting=LOCAL).get(service.project_a).assessment.decisions[-1]
    assert decision.decided_by == f"{tess.name} <{tess.email}>"
    history = Store(service.database, acting=LOCAL).history(service.project_a)
    assert history[-1].saved_by == f"{tess.name} <{tess.email}>"
    page.get_by_text(t("scan.history.open"), exact=True).click()  # who changed what, when
    settle(page)
    assert f"door {tess.name} <{tess.email}>" in main_text(page)

    sign_out(page)
    assert t("signin.needed.title") in open_path(page, service, "projecten")


def test_board_member_reads_their_projects_and_drafts_but_changes_nothing(
    page: Any, service: Service
) -> None:
    goto(page, service.url)
    sign_in(page, service.url, PEOPLE["bestuur-a"].login)
    scan = open_path(page, service, f"zelfscan?project={service.project_a}")
    assert "Sepsis-signalering" in scan and t("gate.read_only") in scan
    assert page.get_by_role("button", name=t("gate.form.submit")).count() == 0
    assert page.get_by_role("button", name=t("scan.export.json")).count() == 0
    boxes = page.get_by_role("checkbox")
    assert boxes.count() > 0 and all(boxes.nth(i).is_disabled() for i in range(boxes.count()))
    accessible(page)
    open_path(page, service, "agenda")
    page.get_by_label(t("agenda.reopen.choose")).click()  # the saved drafts to choose from
    drafts = page.get_by_role("option").all_inner_texts()
    assert any(f"Bestuur {A}" in draft for draft in drafts), drafts
    assert not any(f"Bestuur {B}" in draft for draft in drafts), drafts
    page.keyboard.press("Escape")
    other = open_path(page, service, f"zelfscan?project={service.project_b}")
    assert NOT_FOUND_OR_NO_ACCESS in other
    screenshot(page, "signin-bestuur-a-other-project")


def test_other_hospital_sees_only_its_own(page: Any, service: Service) -> None:
    goto(page, service.url)
    sign_in(page, service.url, PEOPLE["team-b"].login)
    projects = open_path(page, service, "projecten")
    assert "Valrisico-voorspelling" in projects and "Sepsis" not in projects
    other = open_path(page, service, f"zelfscan?project={service.project_a}")
    assert NOT_FOUND_OR_NO_ACCESS in other and "Sepsis" not in other
    phase = open_path(page, service, f"fase?fase=idee&project={service.project_a}")
    assert NOT_FOUND_OR_NO_ACCESS in phase and "Sepsis" not in phase


def test_redactie_opens_beheer_and_no_projects(page: Any, service: Service) -> None:
    goto(page, service.url)
    sign_in(page, service.url, PEOPLE["redactie"].login)
    beheer = open_path(page, service, "beheer")
    assert t("beheer.title") in beheer and t("signin.no_access.title") not in beheer
    assert t("signin.no_access.title") in open_path(page, service, "projecten")


def test_person_without_organisation_is_told_whom_to_ask(page: Any, service: Service) -> None:
    nina = PEOPLE["nobody"]
    goto(page, service.url)
    sign_in(page, service.url, nina.login)
    text = open_path(page, service, "projecten")
    assert t("signin.no_organisation", email=nina.email) in text
    assert t("signin.ask_beheer") in text
    accessible(page)
    screenshot(page, "signin-nobody")
    sign_out(page)


def test_a_revoked_member_loses_access_on_the_next_click(page: Any, service: Service) -> None:
    tom = PEOPLE["team-b"]
    goto(page, service.url)
    sign_in(page, service.url, tom.login)
    assert "Valrisico-voorspelling" in open_path(page, service, "projecten")
    store = Store(service.database, acting=LOCAL)
    member_store.revoke(store, LOCAL, tom.email, B)
    try:
        page.get_by_text(t("projects.list.show_archived"), exact=True).click()  # the next click
        settle(page)
        text = main_text(page)
        assert "Valrisico" not in text
        assert t("signin.no_organisation", email=tom.email) in text
    finally:
        member_store.grant(store, LOCAL, tom.email, B, Role.TEAM)
        store.close()
    assert re.search("Valrisico", open_path(page, service, "projecten"))
