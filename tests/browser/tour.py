"""Every page of the navigator in every state a person meets, for the checks that look at all of
them (test_every_page.py: axe-core, English names, reflow; screenshots at 320 and 1280 px).

A tour is a list of stops. Each stop opens a page by its address and, where a state needs it, takes
the actions a person would (choose an answer, compose an agenda, tick a box after someone else
saved). Three servers: one with a database of projects (the shipped content, which has one
warning), one whose content is broken after it loaded (Beheer with errors, the previous content
still served) and one that starts with broken content (nothing to serve).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tests.browser.conftest import goto, press_on, settle, start_streamlit
from tests.conftest import CONTENT
from tests.contentedit import replace_text
from toolkaart.access.permissions import LOCAL
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.route.gates import Answer
from toolkaart.store.project_store import Store

#: The content slip of the Beheer tests: a phase names a tool that does not exist.
BROKEN = ("tools: [mkba, handelingsruimte,", "tools: [mkba, bestaat-niet,")
#: The seeded projects (name, organisation): one past its first gate, one at the start.
PROJECTS = (("Valdetectie ’s nachts", "Zorggroep Oost"), ("Röntgen-triage", "UMC Zuid"))


@dataclass
class Servers:
    """The three servers of a tour and what the stops need to know about them."""

    projects: str  # URL of the server with the database of projects
    slipped: str  # URL of the server whose content breaks during the tour
    broken: str  # URL of the server that never had valid content
    database: str
    content: Path  # the slipped server's content folder
    toolkaart: Toolkaart
    ids: dict[str, str] = field(default_factory=dict)


Act = Callable[[Any, Servers], None]


@dataclass(frozen=True)
class Stop:
    """One page in one state. ``path`` may name ``{project}`` (a project past its first gate) and
    ``{fresh}`` (a project at the start); ``act`` brings the page into its state after loading."""

    page: str
    state: str
    path: str
    server: str = "projects"
    act: Act | None = None

    @property
    def name(self) -> str:
        return f"{self.page} ({self.state})"

    @property
    def slug(self) -> str:
        """A file name for the stop's screenshots."""
        keep = "".join(c if c.isalnum() else "-" for c in f"{self.page}-{self.state}".lower())
        return "-".join(part for part in keep.split("-") if part)


def seed(database: str, toolkaart: Toolkaart) -> dict[str, str]:
    """Two projects: one past its first gate (with a decision in its log, taken under content
    1.0.0, so its pages say what changed since until it decides again), one at the start."""
    store = Store(database, acting=LOCAL)
    (name, organisation), (fresh_name, fresh_organisation) = PROJECTS
    project = replace(store.create(name, organisation), content_version="1.0.0")
    project = store.save(
        project.with_assessment(
            project.assessment.decide(
                toolkaart,
                toolkaart.phases[0].id,
                Answer.JA,
                rationale="Patiënten én verpleegkundigen vragen erom",
                decided_by="Raad van Bestuur",
                decided_on=dt.date(2026, 10, 1),
                accept_open_items=True,
            )
        )
    )
    fresh = store.create(fresh_name, fresh_organisation)
    store.close()
    return {"project": project.id, "fresh": fresh.id}


def click_label(page: Any, text: str) -> None:
    """Click a radio button or checkbox by its visible label, as a person does."""
    page.locator("label").filter(has_text=text).first.click()
    settle(page)


def choose_yes_with_open_items(page: Any, servers: Servers) -> None:
    click_label(page, t("answer.ja"))


def decide_not_yet(page: Any, servers: Servers) -> None:
    click_label(page, t(f"answer.{Answer.NOG_NIET}"))
    page.get_by_label(t("gate.form.rationale")).fill("Eerst de financier spreken")
    page.get_by_role("button", name=t("gate.form.submit")).click()
    settle(page)


def conflict(page: Any, servers: Servers) -> None:
    """Someone else ticks an item of the fresh project; then this person ticks another one."""
    toolkaart = servers.toolkaart
    first, second, *_ = toolkaart.phases[0].checklist
    store = Store(servers.database, acting=LOCAL)
    saved = store.get(servers.ids["fresh"])
    store.save(
        saved.with_assessment(
            saved.assessment.with_checked(toolkaart, toolkaart.phases[0].id, [first.id])
        )
    )
    store.close()
    click_label(page, second.text)
    page.get_by_role("button", name=t("gate.conflict.reapply")).wait_for()


def compose(page: Any, servers: Servers) -> None:
    """Choose both projects and compose, with the keyboard: typing a name and Enter chooses it.

    (With the mouse at 320 px, leaving the chooser shrinks it, so the button moves up between
    pressing and releasing and the first click is lost.)"""
    chooser = page.get_by_role("combobox", name=t("agenda.choose"))
    for name, _organisation in PROJECTS:
        chooser.focus()
        page.keyboard.type(name)
        page.keyboard.press("Enter")
        settle(page)
    page.keyboard.press("Escape")
    press_on(page, page.get_by_role("button", name=t("agenda.compose")), "Enter")
    page.get_by_role("button", name=t("agenda.save"), exact=True).wait_for()


def compose_and_save(page: Any, servers: Servers) -> None:
    compose(page, servers)
    page.get_by_role("button", name=t("agenda.save"), exact=True).click()
    settle(page)


def choose_file(page: Any, servers: Servers, name: str = "gekozen.json") -> None:
    """A file chosen for import, not yet imported (the expander is opened first)."""
    page.get_by_text(t("projects.import.title")).click()
    chosen = servers.content.parent / name
    chosen.write_text('{"formaat": "toolkaart-project"}', encoding="utf-8")
    page.locator("input[type=file]").set_input_files(str(chosen))
    settle(page)


def choose_wrong_file(page: Any, servers: Servers) -> None:
    """A file of a type the uploader refuses before sending it (its own message)."""
    choose_file(page, servers, "notities.txt")


def open_calendar(page: Any, servers: Servers) -> None:
    page.get_by_role("button", name=t("ui.date.choose")).first.click()
    page.locator("[data-testid=stDateInputCalendar]").wait_for()


def break_content(page: Any, servers: Servers) -> None:
    replace_text(servers.content / "phases.yaml", *BROKEN)
    page.reload()
    settle(page)


def tour(toolkaart: Toolkaart) -> list[Stop]:
    idee, verkenning, ontwikkeling = (phase.id for phase in toolkaart.phases[:3])
    actor, tool = toolkaart.actors[0].id, toolkaart.tools[0].id
    return [
        Stop("home", "no project", "/"),
        Stop("home", "project open", "/?project={project}"),
        Stop("fase", "no project, gate open", f"/fase?fase={idee}"),
        Stop("fase", "gate passed", f"/fase?fase={idee}&project={{project}}"),
        Stop("fase", "gate open", f"/fase?fase={verkenning}&project={{project}}"),
        Stop(
            "fase",
            "gate open, ja with open items",
            f"/fase?fase={verkenning}&project={{project}}",
            act=choose_yes_with_open_items,
        ),
        Stop(
            "fase",
            "decision saved",
            f"/fase?fase={verkenning}&project={{project}}",
            act=decide_not_yet,
        ),
        Stop("fase", "gate locked", f"/fase?fase={ontwikkeling}&project={{project}}"),
        Stop("actoren", "all", "/actoren"),
        Stop("actoren", "one actor", f"/actoren?actor={actor}"),
        Stop("hulpmiddelen", "all", "/hulpmiddelen"),
        Stop("hulpmiddelen", "one tool", f"/hulpmiddelen?tool={tool}"),
        Stop("projecten", "list", "/projecten"),
        Stop("projecten", "import file chosen", "/projecten", act=choose_file),
        Stop("projecten", "import file refused", "/projecten", act=choose_wrong_file),
        Stop("zelfscan", "no project", "/zelfscan"),
        Stop("zelfscan", "project open", "/zelfscan?project={project}"),
        Stop("zelfscan", "save conflict", "/zelfscan?project={fresh}", act=conflict),
        Stop("portfolio", "projects", "/portfolio"),
        Stop("agenda", "nothing composed", "/agenda"),
        Stop("agenda", "calendar open", "/agenda", act=open_calendar),
        Stop("agenda", "composed", "/agenda", act=compose),
        Stop("agenda", "composed and saved", "/agenda", act=compose_and_save),
        Stop("beheer", "warnings", "/beheer"),
        Stop("leden", "members", "/leden"),
        Stop("toegankelijkheid", "statement", "/toegankelijkheid"),
        Stop("beheer", "errors, previous content served", "/beheer", "slipped", break_content),
        Stop("home", "content unavailable", "/", "broken"),
        Stop("beheer", "errors, nothing to serve", "/beheer", "broken"),
    ]


@contextmanager
def servers(tmp_path: Path, toolkaart: Toolkaart) -> Iterator[Servers]:
    """The tour's three servers, stopped when the block ends."""
    database = f"sqlite:///{tmp_path / 'tour.sqlite3'}"
    ids = seed(database, toolkaart)
    slipped, broken = tmp_path / "slipped", tmp_path / "broken"
    shutil.copytree(CONTENT, slipped)
    shutil.copytree(CONTENT, broken)
    replace_text(broken / "phases.yaml", *BROKEN)
    # every server on the tour's own database and data folder: a module fixture runs before the
    # autouse one that gives each test a private database
    own = {"TOOLKAART_DATABASE_URL": database, "TOOLKAART_DATA_DIR": str(tmp_path / "data")}
    with ExitStack() as stack:
        projects = stack.enter_context(start_streamlit(env=own))
        slip = stack.enter_context(start_streamlit(env={**own, "TOOLKAART_CONTENT": str(slipped)}))
        nothing = stack.enter_context(
            start_streamlit(env={**own, "TOOLKAART_CONTENT": str(broken)})
        )
        yield Servers(projects.url, slip.url, nothing.url, database, slipped, toolkaart, ids)


def visit(page: Any, servers: Servers, stop: Stop) -> None:
    """Open the stop's page, bring it into its state and show all of it: every expander open,
    scrolled to the end, so that everything has been drawn."""
    base = getattr(servers, stop.server)
    goto(page, base + stop.path.format(**servers.ids))
    if stop.act is not None:
        stop.act(page, servers)
    reveal(page)


def reveal(page: Any) -> None:
    closed = page.locator("[data-testid=stExpander] details:not([open]) > summary")
    while closed.count():
        closed.first.click()
    page.evaluate(
        "() => { for (const e of document.querySelectorAll("
        "'[data-testid=stMain], [data-testid=stAppViewContainer]')) e.scrollTop = e.scrollHeight;"
        " window.scrollTo(0, document.body.scrollHeight); }"
    )
    settle(page)
