"""AppTest of the app as a service with sign-in: who sees which page, and what they may do there.

Service mode is a complete ``[auth]`` section in the secrets file ``TOOLKAART_SECRETS`` names (a
fresh file per test: ``identity._service`` is cached per process by its path); the signed-in person
is AppTest's ``user`` (what ``st.user`` reads), with the claims a provider gives.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from tests.appkit import APP, links, open_page, sidebar_links, texts
from tests.store.test_store_events import logged
from toolkaart.access.permissions import LOCAL, Role
from toolkaart.access.service import MIN_COOKIE_SECRET, REQUIRED
from toolkaart.i18n.catalog import t
from toolkaart.route.project import Project
from toolkaart.settings import settings
from toolkaart.store import member_store
from toolkaart.store.project_store import Store
from toolkaart.web.literal import literal
from toolkaart.web.project_session import IMPORT_DRAWER_KEY

A, B = "Ziekenhuis Amstel", "Beatrix Kliniek"
ISSUER = "http://127.0.0.1:9000"

HOME = "app_pages/home.py"
PHASE = "app_pages/fase.py"
PROJECTS = "app_pages/projecten.py"
SCAN = "app_pages/zelfscan.py"
PORTFOLIO = "app_pages/portfolio.py"
AGENDA = "app_pages/agenda.py"
BEHEER = "app_pages/beheer.py"
MEMBERS = "app_pages/leden.py"
GATED = [PROJECTS, SCAN, PORTFOLIO, AGENDA, BEHEER, MEMBERS]
EVERY_PAGE = [HOME, PHASE, *GATED]


def page_id(page: str) -> str:
    return Path(page).stem


AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "s" * (MIN_COOKIE_SECRET + 8),
    "client_id": "toolkaart",
    "client_secret": "geheim",
    "server_metadata_url": f"{ISSUER}/.well-known/openid-configuration",
}


def write_secrets(path: Path, auth: dict[str, str]) -> Path:
    lines = ["[auth]", *(f'{key} = "{value}"' for key, value in auth.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@dataclass(frozen=True)
class Member:
    email: str
    name: str
    organisation: str | None
    role: Role | None

    @property
    def user(self) -> dict[str, Any]:
        """What the provider says about them, as ``st.user`` holds it after sign-in."""
        return {
            "is_logged_in": True,
            "iss": ISSUER,
            "sub": f"sub-{self.email}",
            "email": self.email,
            "email_verified": True,
            "name": self.name,
        }

    @property
    def label(self) -> str:
        return f"{self.name} <{self.email}>"


TEAM_A = Member("anouk@amstel.nl", "Anouk", A, Role.TEAM)
BESTUUR_A = Member("bram@amstel.nl", "Bram", A, Role.BESTUUR)
TEAM_B = Member("carla@beatrix.nl", "Carla", B, Role.TEAM)
REDACTIE = Member("dirk@amstel.nl", "Dirk", A, Role.REDACTIE)
BEHEER_A = Member("els@amstel.nl", "Els", A, Role.BEHEER)
NOBODY = Member("eva@elders.nl", "Eva", None, None)
EVERYONE = [TEAM_A, BESTUUR_A, TEAM_B, REDACTIE, BEHEER_A, NOBODY]


@dataclass
class Service:
    store: Store
    project_a: Project
    project_b: Project


@pytest.fixture
def service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Service]:
    """The app as a service, with the members above and one project in A and one in B."""
    monkeypatch.setenv("TOOLKAART_SECRETS", str(write_secrets(tmp_path / "secrets.toml", AUTH)))
    settings.cache_clear()
    store = Store(settings().database_url, acting=LOCAL)
    for member in EVERYONE:
        if member.organisation is not None and member.role is not None:
            member_store.grant(store, LOCAL, member.email, member.organisation, member.role)
    project_a = store.create("Sepsis-signalering", A)
    project_b = store.create("Triage-assistent", B)
    yield Service(store, project_a, project_b)
    store.close()


def session(user: dict[str, Any]) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=30)
    app.user = user
    return app.run()


def open_as(
    who: Member | None, page: str, query: dict[str, str] | None = None, app: AppTest | None = None
) -> AppTest:
    """``page`` opened by ``who`` (None: someone not signed in) in a new session."""
    if app is None:
        app = session(who.user if who is not None else {"is_logged_in": False})
    return open_page(page, query, app=app)


def button_keys(app: AppTest) -> list[str]:
    return [str(button.key) for button in app.button if button.key]


def titles(app: AppTest) -> list[str]:
    return [str(title.value) for title in app.title]


# not signed in


@pytest.mark.parametrize("page", GATED, ids=page_id)
def test_someone_not_signed_in_is_asked_to_sign_in_on_every_members_page(
    service: Service, page: str
) -> None:
    app = open_as(None, page)
    assert titles(app) == [t("signin.needed.title")]
    assert t("signin.needed") in texts(app)
    assert app.button(key="signin.page").label == t("signin.button")
    assert service.project_a.name not in texts(app)
    assert app.sidebar.button(key="signin.sidebar").label == t("signin.button")
    assert t("signin.sidebar.anonymous") in [c.value for c in app.sidebar.caption]
    assert t("mode.local") not in texts(app)  # a service says nothing about local mode


def test_a_user_streamlit_does_not_know_as_signed_in_or_out_is_not_signed_in(
    service: Service,
) -> None:
    """Streamlit adds ``is_logged_in`` only when it reads the [auth] section itself; started on
    other secrets files (``streamlit run`` by hand) the page asks to sign in, not a traceback."""
    app = open_as(None, PROJECTS, app=session({"email": TEAM_A.email}))
    assert titles(app) == [t("signin.needed.title")]


@pytest.mark.parametrize("page", [HOME, PHASE], ids=page_id)
def test_the_toolkaart_itself_is_readable_without_signing_in(service: Service, page: str) -> None:
    app = open_as(None, page)
    assert titles(app) and t("signin.needed.title") not in titles(app)
    assert "signin.page" not in button_keys(app)
    assert app.sidebar.button(key="signin.sidebar").label == t("signin.button")


def test_a_crafted_project_link_on_the_phase_page_shows_nothing_to_someone_not_signed_in(
    service: Service,
) -> None:
    app = open_as(None, PHASE, {"project": service.project_a.id})
    assert t("store.error.not_found", id=service.project_a.id) in texts(app)
    assert service.project_a.name not in texts(app)


# signed in, without an organisation


@pytest.mark.parametrize("page", GATED, ids=page_id)
def test_a_signed_in_person_without_an_organisation_is_told_whom_to_ask(
    service: Service, page: str
) -> None:
    app = open_as(NOBODY, page)
    assert titles(app) == [t("signin.no_organisation.title")]
    shown = texts(app)
    assert t("signin.no_organisation", email=literal(NOBODY.email)) in shown
    assert t("signin.ask_beheer") in shown
    assert "signin.page" not in button_keys(app)
    assert app.sidebar.button(key="signout").label == t("signin.signout")
    sidebar = [c.value for c in app.sidebar.caption]
    who = t("signin.sidebar.who", name=literal(NOBODY.name), email=literal(NOBODY.email))
    assert who in sidebar


HOSTILE_NAME = "[Log opnieuw in](https://evil.example/login) ![b](http://host/beacon)"


def _markup(markdown: str) -> set[str]:
    """The kinds of link, image and HTML the Markdown turns into."""
    kinds: set[str] = set()
    for token in MarkdownIt("commonmark").parse(markdown):
        kinds.update(child.type for child in token.children or ())
        kinds.add(token.type)
    return kinds & {"link_open", "image", "html_inline", "html_block"}


def test_the_providers_name_and_email_are_shown_as_written(service: Service) -> None:
    """Whatever a person calls themselves at the provider is text, not a link on our pages."""
    stranger = Member("x@evil.example", HOSTILE_NAME, None, None)
    app = open_as(stranger, PROJECTS)
    shown = [*(c.value for c in app.sidebar.caption), *(m.value for m in app.markdown)]
    assert any("Log opnieuw in" in text for text in shown)
    for text in shown:
        assert not _markup(text), text


def test_the_support_address_is_named_when_configured(
    service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TOOLKAART_SUPPORT", "servicedesk@toolkaart.example.nl")
    settings.cache_clear()
    app = open_as(NOBODY, PROJECTS)
    assert t("signin.ask", who=literal("servicedesk@toolkaart.example.nl")) in texts(app)
    assert t("signin.ask_beheer") not in texts(app)


# team


def test_team_a_sees_only_as_projects(service: Service) -> None:
    app = open_as(TEAM_A, PROJECTS)
    assert titles(app) == [t("projects.title")]
    shown = texts(app)
    assert service.project_a.name in shown
    assert service.project_b.name not in shown
    # a new project goes into one of their own organisations, chosen, not typed
    assert app.selectbox(key="projects.create.organisation").options == [A]


def test_team_b_sees_only_bs_projects(service: Service) -> None:
    shown = texts(open_as(TEAM_B, PROJECTS))
    assert service.project_b.name in shown and service.project_a.name not in shown


def test_another_organisations_project_in_the_url_is_not_found(service: Service) -> None:
    app = open_as(TEAM_A, SCAN, {"project": service.project_b.id})
    assert titles(app) == [t("scan.title.none")]
    assert [e.value for e in app.error] == [t("store.error.not_found", id=service.project_b.id)]
    assert service.project_b.name not in texts(app)
    unknown = open_as(TEAM_A, SCAN, {"project": "0123456789abcdef"})
    assert [e.value for e in unknown.error] == [t("store.error.not_found", id="0123456789abcdef")]


def test_team_a_creates_a_project_in_a_with_their_name_in_its_history(service: Service) -> None:
    app = open_as(TEAM_A, PROJECTS)
    app.text_input(key="projects.create.name").input("Valrisico")
    app.button(key="projects.create.submit").click().run()
    assert not app.exception
    (created,) = [p for p in service.store.list_projects() if p.name == "Valrisico"]
    assert created.organisation == A
    assert [v.saved_by for v in service.store.history(created.id)] == [TEAM_A.label]


def test_the_gate_form_decides_in_the_signed_in_persons_name(service: Service) -> None:
    app = open_as(TEAM_A, SCAN, {"project": service.project_a.id})
    decided_by = t("gate.form.decided_by")
    assert decided_by not in [field.label for field in app.text_input]
    assert t("gate.form.decided_by_signed_in", name=literal(TEAM_A.label)) in texts(app)
    app.radio(key="walk.idee.answer").set_value("nog niet")
    app.text_area(key="walk.idee.rationale").input("Eerst de doelgroep bepalen")
    app.button(key="walk.idee.submit").click().run()
    assert not app.exception, app.exception
    stored = service.store.get(service.project_a.id)
    (decision,) = stored.assessment.decisions
    assert (decision.decided_by, decision.rationale) == (TEAM_A.label, "Eerst de doelgroep bepalen")
    assert service.store.history(stored.id)[-1].saved_by == TEAM_A.label
    # the Zelfscan's history says who saved it
    assert literal(TEAM_A.label) in texts(app)


def test_team_exports_the_exchange_file(service: Service) -> None:
    app = open_as(TEAM_A, SCAN, {"project": service.project_a.id})
    labels = [e.proto.label for e in app.get("download_button")]
    assert labels == [t(f"scan.export.{ext}") for ext in ("json", "md", "docx", "pdf", "ics")]


@pytest.mark.parametrize("page", [BEHEER, MEMBERS, AGENDA], ids=page_id)
def test_a_team_member_has_no_access_to_pages_of_other_roles(service: Service, page: str) -> None:
    app = open_as(TEAM_A, page)
    assert titles(app) == [t("signin.no_access.title")]
    assert t("signin.no_access") in texts(app)


# bestuur


def test_bestuur_reads_the_walk_but_cannot_tick_decide_or_export_it(service: Service) -> None:
    app = open_as(BESTUUR_A, SCAN, {"project": service.project_a.id})
    assert titles(app) == [t("scan.title", name=service.project_a.name)]
    boxes = [box for box in app.checkbox if str(box.key).startswith("walk.idee.item.")]
    assert boxes and all(box.disabled for box in boxes)
    assert t("gate.read_only") in [i.value for i in app.info]
    assert "walk.idee.submit" not in button_keys(app)
    assert [r for r in app.radio if r.key == "walk.idee.answer"] == []
    labels = [e.proto.label for e in app.get("download_button")]
    assert t("scan.export.json") not in labels
    assert labels == [t(f"scan.export.{ext}") for ext in ("md", "docx", "pdf", "ics")]
    app.session_state[IMPORT_DRAWER_KEY] = True  # the import's drawer opened
    app.run()
    assert t("projects.import.not_allowed") in texts(app)
    assert app.get("file_uploader") == []


def test_bestuur_lists_projects_without_archive_or_create(service: Service) -> None:
    app = open_as(BESTUUR_A, PROJECTS)
    assert service.project_a.name in texts(app)
    assert service.project_b.name not in texts(app)
    assert f"projects.archive.{service.project_a.id}" not in button_keys(app)
    assert [w for w in app.text_input if w.key == "projects.create.name"] == []


@pytest.mark.parametrize("page", [PORTFOLIO, AGENDA], ids=page_id)
def test_bestuur_opens_the_board_pages_of_their_organisation(service: Service, page: str) -> None:
    app = open_as(BESTUUR_A, page)
    assert titles(app)[0] in (t("portfolio.title"), t("agenda.title"))
    assert service.project_b.name not in texts(app)
    if page == AGENDA:
        assert app.selectbox(key="agenda.organisation").options == [A]
        (choice,) = app.multiselect(key="agenda.choose").options  # A's project only
        assert service.project_a.name in choice


# redactie, beheer


def test_redactie_opens_beheer(service: Service) -> None:
    app = open_as(REDACTIE, BEHEER)
    assert titles(app) == [t("beheer.title")]


@pytest.mark.parametrize("who", [REDACTIE, BESTUUR_A], ids=["redactie", "bestuur"])
def test_only_beheer_opens_leden(service: Service, who: Member) -> None:
    assert titles(open_as(who, MEMBERS)) == [t("signin.no_access.title")]


def test_beheer_grants_a_role_on_leden_and_revokes_it(service: Service) -> None:
    app = open_as(BEHEER_A, MEMBERS)
    assert titles(app) == [t("members.title")]
    assert app.selectbox(key="members.organisation").options == [A]
    assert TEAM_B.email not in texts(app)  # another organisation's members are not listed
    app.text_input(key="members.email").input("Nieuw@Amstel.nl")
    app.selectbox(key="members.role").set_value("bestuur")
    app.button(key="members.grant").click().run()
    assert not app.exception, app.exception
    assert [s.value for s in app.success] == [
        literal(t("members.granted", email="nieuw@amstel.nl"))
    ]
    granted = [
        m for m in member_store.members(service.store, LOCAL, A) if m.email == "nieuw@amstel.nl"
    ]
    assert [(m.role, m.granted_by) for m in granted] == [(Role.BESTUUR, BEHEER_A.label)]
    # the list shows the new member; revoke their role with its button
    found = member_store.members(service.store, LOCAL, A)
    index = next(i for i, m in enumerate(found) if m.email == "nieuw@amstel.nl")
    app.button(key=f"members.revoke.{index}").click().run()
    assert not app.exception, app.exception
    revoked = t("members.revoked", email="nieuw@amstel.nl", role=t("role.bestuur"))
    assert [s.value for s in app.success] == [literal(revoked)]
    assert "nieuw@amstel.nl" not in [m.email for m in member_store.members(service.store, LOCAL)]


def test_a_revoked_role_is_gone_at_the_next_click(service: Service) -> None:
    app = open_as(TEAM_A, PROJECTS)
    assert titles(app) == [t("projects.title")]
    member_store.revoke(service.store, LOCAL, TEAM_A.email, A)
    app.run()
    assert titles(app) == [t("signin.no_organisation.title")]
    assert service.project_a.name not in texts(app)


# local mode, and a service that is not configured completely


def test_local_mode_says_so_in_the_footer_and_offers_no_sign_in(tmp_path: Path) -> None:
    app = open_page(PROJECTS)  # TOOLKAART_SECRETS unset: Streamlit's own files, none here
    assert titles(app) == [t("projects.title")]
    footer = app.caption[-1].value.split("  \n")  # the statement, the mode, the content's version
    assert footer[1] == t("mode.local")
    keys = button_keys(app) + [str(b.key) for b in app.sidebar.button if b.key]
    assert not {"signin.page", "signin.sidebar", "signout"} & set(keys)


@pytest.mark.parametrize("page", EVERY_PAGE, ids=page_id)
def test_an_incomplete_secrets_file_shows_the_problems_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    incomplete = {"client_id": "toolkaart", "cookie_secret": "kort"}
    monkeypatch.setenv("TOOLKAART_SECRETS", str(write_secrets(tmp_path / "half.toml", incomplete)))
    settings.cache_clear()
    app = session({"is_logged_in": False})
    app.switch_page(page).run()
    assert not app.exception, app.exception
    (error,) = [e.value for e in app.error]
    assert error.startswith(t("service.error.incomplete", problems="").rstrip())
    for key in REQUIRED:
        if key not in incomplete:
            assert t("service.problem.missing", key=key) in error
    assert texts(app) == error  # no title, no text, no footer
    assert list(app.button) == [] and list(app.sidebar.button) == []
    assert list(app.get("page_link")) == [] and links(app) == [] and sidebar_links(app) == []


def test_a_sign_in_without_a_role_is_logged_once_per_session_without_the_email(
    service: Service, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO", logger="toolkaart")
    app = session(NOBODY.user)
    for page in (PROJECTS, PORTFOLIO, HOME):  # three more clicks in the same browser session
        open_as(NOBODY, page, app=app)
    assert logged(caplog) == [("signin.refused", {"reason": "not_granted"})]
    assert NOBODY.email not in caplog.text and NOBODY.name not in caplog.text
    session(NOBODY.user)  # another browser session: logged again
    assert logged(caplog) == [("signin.refused", {"reason": "not_granted"})]
    session(TEAM_A.user)  # bound at this first sign-in: by the person's id only
    ((event, fields),) = logged(caplog)
    assert event == "signin.bound" and isinstance(fields["person"], int)
    assert TEAM_A.email not in caplog.text


def test_a_click_after_the_role_is_revoked_changes_nothing(service: Service) -> None:
    # the page was drawn while the role held; the click that follows is the next run's, and
    # its callback must act on the roles as they are now, not as the page was drawn with
    app = open_as(TEAM_A, SCAN, {"project": service.project_a.id})
    item = service.store.get(service.project_a.id)
    member_store.revoke(service.store, LOCAL, TEAM_A.email, A)
    app.checkbox(key="walk.idee.item.idee-zorgvraag").check().run()
    assert not app.exception, app.exception
    stored = service.store.get(service.project_a.id)
    assert stored.assessment == item.assessment
    assert stored.version == item.version
    assert titles(app) == [t("signin.no_organisation.title")]
    assert len(app.error) <= 1  # said once, if at all (the project is no longer theirs to read)
    # nor did the session's own walk (kept for a walk without a project) take the tick
    assert "walk.assessment" not in app.session_state


def test_a_role_change_after_the_role_is_revoked_is_refused(service: Service) -> None:
    app = open_as(BEHEER_A, MEMBERS)
    app.selectbox(key="members.organisation").select(A).run()
    member_store.revoke(service.store, LOCAL, BEHEER_A.email, A)
    app.text_input(key="members.email").input("nieuw@amstel.nl")
    app.button(key="members.grant").click().run()
    assert not app.exception, app.exception
    granted = member_store.members(service.store, LOCAL, A)
    assert "nieuw@amstel.nl" not in [member.email for member in granted]


def test_an_agenda_composed_after_the_role_is_revoked_is_not_made(service: Service) -> None:
    app = open_as(BESTUUR_A, AGENDA)
    app.multiselect(key="agenda.choose").select(service.project_a.id).run()
    member_store.revoke(service.store, LOCAL, BESTUUR_A.email, A)
    app.button(key="agenda.compose").click().run()
    assert not app.exception, app.exception
    assert service.project_a.name not in texts(app)
    assert "agenda.draft" not in app.session_state or app.session_state["agenda.draft"] is None
