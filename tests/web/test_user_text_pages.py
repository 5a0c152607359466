"""Every page shows stored text as written: hostile values in every user field, every page walked.

A project's name, organisation, description and contact, a decision's rationale and "besloten
door", an agenda's title, notes and item titles: each holds the same hostile value, and every text
Streamlit renders as Markdown (markdown, captions, alerts, headers, expander, button and page-link
labels, tooltips, radio options, table cells) is parsed as CommonMark. Where such a text holds user
text, it may hold no image, no HTML, no heading, no formula and no link other than a tool's own
address from the content, nor a bare address that the browser's Markdown (remark-gfm) would turn
into a link; and the value must read as written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from streamlit.testing.v1 import AppTest

from tests.appkit import APP, open_page, tables
from toolkaart.access.permissions import LOCAL
from toolkaart.board.agenda import add_item, compose_agenda, with_details
from toolkaart.board.portfolio import build_portfolio
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Toolkaart
from toolkaart.route.gates import Answer
from toolkaart.route.project import Project
from toolkaart.route.records import new_evidence, new_note, new_person
from toolkaart.store import agenda_store
from toolkaart.store.project_store import Store
from toolkaart.web.literal import JOINER

#: One-line hostile values (names are one line), each with the word that marks it in any text.
HOSTILE = {
    "![b](http://host/beacon)": "beacon",
    "[Log opnieuw in](https://evil.example/login)": "evil.example",
    "<img src=x onerror=alert(1)>": "onerror",
    "**vet** _schuin_ `code` $x$": "schuin",
}
#: What a paragraph (description, rationale, note) adds after the value.
PARAGRAPH = "\n# Kop\n- punt"
FORBIDDEN = {"image", "html_inline", "html_block", "heading_open"}
#: What remark-gfm turns into a link in plain text (mdast-util-gfm-autolink-literal's patterns).
AUTOLINK = re.compile(
    r"(https?://|www(?=\.))[-.\w]+|[-.\w+]+@[-\w]+(?:\.[-\w]+)+", re.IGNORECASE | re.ASCII
)
#: A '$' not escaped by a backslash: Streamlit renders $…$ as a formula.
FORMULA = re.compile(r"(?<!\\)(?:\\\\)*\$")
PARSER = MarkdownIt("commonmark")


@pytest.fixture
def store() -> Iterator[Store]:
    opened = Store(acting=LOCAL)  # the test's private SQLite file (conftest)
    yield opened
    opened.close()


def hostile_project(store: Store, toolkaart: Toolkaart, value: str) -> Project:
    """A project holding ``value`` in every field: details, a decision, and on the first phase
    (and on its first actor) evidence with a note and an address, a person and a note."""
    project = store.create(value, value, value + PARAGRAPH, value)
    first = toolkaart.phases[0]
    item = first.checklist[0].id
    return store.save(
        project.with_assessment(
            project.assessment.decide(
                toolkaart,
                first.id,
                Answer.JA,
                rationale=value + PARAGRAPH,
                decided_by=value,
                decided_on=dt.date(2026, 10, 1),
                accept_open_items=True,
            )
        )
        .with_evidence(
            new_evidence(toolkaart, first.id, item, note=value + PARAGRAPH,
                         url="https://evil.example/onderbouwing", added_by=value)
        )
        .with_person(
            new_person(toolkaart, first.actors[0], name=value, function=value, contact=value)
        )
        .with_note(new_note(toolkaart, first.id, value + PARAGRAPH, author=value))
    )  # fmt: skip


def hostile_agenda(
    store: Store, toolkaart: Toolkaart, graph: ToolkaartGraph, project: Project, value: str
) -> None:
    """A saved draft for ``project`` with a free item, the title and notes all ``value``."""
    today = dt.date(2026, 10, 2)
    agenda = compose_agenda(
        toolkaart,
        graph,
        meeting_date=today,
        projects=[project],
        portfolio=build_portfolio(toolkaart, [project], today=today),
        today=today,
    )
    agenda = add_item(with_details(agenda, title=value), value, value + PARAGRAPH)
    agenda_store.save_draft(store, agenda)


def markdown_texts(app: AppTest) -> list[str]:
    """Every text on the page that Streamlit renders as Markdown."""
    texts = (app.markdown, app.caption, app.title, app.header, app.subheader)
    alerts = (app.info, app.warning, app.error, app.success)
    found = [element.value for elements in (*texts, *alerts) for element in elements]
    found += [expander.label for expander in app.expander]
    widgets = (app.button, app.checkbox, app.toggle, app.radio, app.text_input, app.text_area)
    found += [text for kind in widgets for w in kind for text in (w.label, w.help or "")]
    found += [str(option) for radio in app.radio for option in radio.options]
    found += [str(bar.proto.text) for bar in app.get("progress")]  # a progress bar's text
    for kind in ("page_link", "download_button"):
        found += [text for e in app.get(kind) for text in (e.proto.label, e.proto.help)]
    for table in app.table:
        frame = table.value
        found += [str(c) for c in frame.columns] + [str(v) for v in frame.to_numpy().flat]
    return [text for text in found if text]


def holding(texts: list[str], marker: str) -> list[str]:
    """The texts that hold ``marker``, read past Markdown's escapes and the word joiners."""
    return [text for text in texts if marker in text.replace("\\", "").replace(JOINER, "")]


def _inline(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        yield from token.children or ()


def shown_text(markdown: str) -> str:
    """What a person reads: the text of the rendered Markdown, line breaks as new lines."""
    parts = []
    for token in _inline(PARSER.parse(markdown)):
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak", "paragraph_close"):
            parts.append("\n")
    return "".join(parts).replace(JOINER, "")


def markup_from_user_text(markdown: str, tool_urls: set[str]) -> list[str]:
    """What ``markdown`` would render from the user's text beyond plain text."""
    found = []
    in_link = 0
    for token in _inline(PARSER.parse(markdown)):
        if token.type in FORBIDDEN:
            found.append(token.type)
        elif token.type == "link_open":
            in_link += 1
            if token.attrs.get("href") not in tool_urls:
                found.append(f"link to {token.attrs.get('href')}")
        elif token.type == "link_close":
            in_link -= 1
        elif token.type == "text" and not in_link and (address := AUTOLINK.search(token.content)):
            found.append(f"address {address[0]!r} made a link")
    if FORMULA.search(markdown):
        found.append("formula")
    return found


def walk(app: AppTest, project: Project, toolkaart: Toolkaart) -> Iterator[tuple[str, AppTest]]:
    """Every page, with the project open where a page can show it; the agenda reopened and saved."""
    first = toolkaart.phases[0].id
    with_project = {"project": project.id}
    yield "home", open_page("app_pages/home.py", with_project, app)
    yield "fase", open_page("app_pages/fase.py", {"fase": first, **with_project}, app)
    actor = toolkaart.phases[0].actors[0]
    app.session_state[f"records.people.{actor}.open"] = True  # its people, each with a button
    yield "fase (mensen)", app.run()
    yield "actoren", open_page("app_pages/actoren.py", with_project, app)
    yield "hulpmiddelen", open_page("app_pages/hulpmiddelen.py", with_project, app)
    yield "projecten", open_page("app_pages/projecten.py", {}, app)
    yield "zelfscan", open_page("app_pages/zelfscan.py", {"fase": first, **with_project}, app)
    yield "portfolio", open_page("app_pages/portfolio.py", {}, app)
    agenda = open_page("app_pages/agenda.py", {}, app)
    agenda.button(key="agenda.reopen.button").click().run()  # says which draft it opened
    yield "agenda", agenda
    agenda.button(key="agenda.save").click().run()  # says which draft it saved
    yield "agenda (opgeslagen)", agenda
    yield "beheer", open_page("app_pages/beheer.py", {}, app)


#: Pages that show the project's name (the others have no user text, and are walked all the same).
SHOWS_NAME = {
    "home",
    "fase",
    "fase (mensen)",
    "projecten",
    "zelfscan",
    "portfolio",
    "agenda",
    "agenda (opgeslagen)",
}


@pytest.mark.parametrize("value", HOSTILE)
def test_every_page_shows_user_text_as_written(
    value: str, store: Store, toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    project = hostile_project(store, toolkaart, value)
    hostile_agenda(store, toolkaart, graph, project, value)
    tool_urls = {tool.url for tool in toolkaart.tools if tool.url}
    marker = HOSTILE[value]
    walked, problems = [], []
    for page, app in walk(AppTest.from_file(APP, default_timeout=30), project, toolkaart):
        assert not app.exception, (page, app.exception)
        texts = markdown_texts(app)
        with_user_text = holding(texts, marker)
        problems += [
            (page, found, markdown)
            for markdown in with_user_text
            for found in markup_from_user_text(markdown, tool_urls)
        ]
        shown = "\n".join(shown_text(m) for m in with_user_text)
        if page in SHOWS_NAME and value not in shown:
            problems.append((page, "not as written", shown))
        if page in ("fase", "zelfscan", "agenda") and "# Kop\n- punt" not in shown:
            problems.append((page, "paragraph not as written", shown))  # rationale, notes
        # an HTML table's cells, read back as a browser shows them: each exactly as written
        cells = [cell for table in tables(app) for row in table.rows for cell in row]
        if page == "zelfscan" and not {value, value + PARAGRAPH} <= set(cells):
            problems.append((page, "decision log not as written", repr(cells)))  # by, rationale
        walked.append(page)
    assert not problems, "\n".join(map(repr, problems))
    assert len(walked) == 11


@pytest.mark.parametrize("value", HOSTILE)
def test_a_crafted_project_id_in_the_url_is_echoed_as_written(value: str) -> None:
    app = open_page("app_pages/zelfscan.py", {"project": value})
    (error,) = [e.value for e in app.error]
    assert not markup_from_user_text(error, set()), error
    assert value in shown_text(error)
