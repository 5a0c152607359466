"""Every page shows the content's texts as written: a content directory (a volume may replace the
shipped one) is a file someone supplies, so its names, questions, goals, descriptions, checklist
items, sources and release notes are text, never Markdown or HTML.

The same hostile values as for a person's text (``test_user_text_pages``) are put at the end of
every text field of every phase, actor, tool and checklist item and of the meta file; every page
is walked, with a project open where a page shows one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from tests.appkit import APP, open_page
from tests.web.test_user_text_pages import (
    HOSTILE,
    holding,
    markdown_texts,
    markup_from_user_text,
    shown_text,
)
from toolkaart.access.permissions import LOCAL
from toolkaart.content.loader import load_toolkaart
from toolkaart.settings import ENV_CONTENT_DIR
from toolkaart.store.project_store import Store

#: The content's free-text fields: everything a page may show that is not an id, number or address.
TEXT_FIELDS = {
    "name",
    "key_question",
    "goal",
    "description",
    "text",
    "source",
    "title",
    "introduction",
}
#: What an HTML element (``st.html``) may hold of the value only escaped: never a tag.
RAW_TAG = re.compile(r"<img|href=\"https://evil", re.IGNORECASE)


def _spiked(node: Any, value: str, fields: set[str]) -> Any:
    """``node`` with `` value`` after every text in ``fields`` and every release note."""
    if isinstance(node, list):
        return [_spiked(item, value, fields) for item in node]
    if not isinstance(node, dict):
        return node
    spiked: dict[str, Any] = {}
    for key, item in node.items():
        if key in fields and isinstance(item, str):
            spiked[key] = f"{item} {value}"
        elif key == "changes" and isinstance(item, list):
            spiked[key] = [f"{change} {value}" for change in item]
        else:
            spiked[key] = _spiked(item, value, fields)
    return spiked


def hostile_content(directory: Path, value: str) -> None:
    """Put ``value`` into every text field of the content in ``directory``, in place."""
    for path in sorted(directory.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = _spiked(data, value, TEXT_FIELDS)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def walk(
    app: AppTest, project_id: str, first_phase: str, locked_phase: str, actor: str
) -> Iterator[tuple[str, AppTest]]:
    """Every page, with a project open where a page can show it; the phase page with its people.
    One session walks them all: each page is read before the next is opened."""
    with_project = {"project": project_id}
    yield "home", open_page("app_pages/home.py", with_project, app)
    yield "fase", open_page("app_pages/fase.py", {"fase": first_phase}, app)
    yield (
        "fase (project)",
        open_page("app_pages/fase.py", {"fase": first_phase, **with_project}, app),
    )
    app.session_state[f"records.people.{actor}.open"] = True
    yield "fase (mensen)", app.run()
    app.radio(key=f"walk.{first_phase}.answer").set_value("ja").run()  # open items to confirm
    yield "fase (ja gekozen)", app
    app.checkbox(key=f"walk.{first_phase}.confirm").check().run()
    app.text_input(key=f"walk.{first_phase}.decided_by").input("Bram").run()
    app.button(key=f"walk.{first_phase}.submit").click().run()
    yield "fase (besloten)", app  # the answer names this phase and the next
    yield "fase (op slot)", open_page("app_pages/fase.py", {"fase": locked_phase}, app)
    for page, query in (
        ("actoren", {}),
        ("actoren", {"actor": actor}),
        ("hulpmiddelen", with_project),
        ("hulpmiddelen", {"tool": "mkba"}),
        ("projecten", {}),
        ("zelfscan", {"fase": first_phase, **with_project}),
        ("zelfscan", {"fase": first_phase}),
        ("portfolio", {}),
        ("agenda", {}),
        ("beheer", {}),
        ("toegankelijkheid", {}),
    ):
        yield f"{page} {query}", open_page(f"app_pages/{page}.py", query, app)


@pytest.mark.parametrize("value", HOSTILE)
def test_every_page_shows_the_contents_texts_as_written(
    value: str, content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile_content(content_copy, value)
    monkeypatch.setenv(ENV_CONTENT_DIR, str(content_copy))
    toolkaart = load_toolkaart(content_copy)
    store = Store(acting=LOCAL)
    try:
        project = store.create("Sepsis", "Ziekenhuis", "", "")
    finally:
        store.close()
    tool_urls = {tool.url for tool in toolkaart.tools if tool.url}
    marker = HOSTILE[value]
    first = toolkaart.phases[0]
    problems: list[tuple[str, str, str]] = []
    # the first phase is decided on the way: the fourth stays locked
    locked = toolkaart.phases[3].id
    session = AppTest.from_file(APP, default_timeout=30)
    walked = []
    for page, app in walk(session, project.id, first.id, locked, first.actors[0]):
        walked.append(page)
        assert not app.exception, (page, app.exception)
        texts = markdown_texts(app)
        with_content = holding(texts, marker)
        problems += [
            (page, found, markdown)
            for markdown in with_content
            for found in markup_from_user_text(markdown, tool_urls)
            # the app's own pages and headings; a one-line value cannot start a heading
            if not found.startswith("link to ./") and found != "heading_open"
        ]
        problems += [  # escaped twice: a person would read the backslashes
            (page, "escaped twice", markdown)
            for markdown in with_content
            if "\\" in shown_text(markdown)
        ]
        htmls = [str(html.proto.body) for html in app.get("html")]
        problems += [(page, "HTML tag from the content", h) for h in htmls if RAW_TAG.search(h)]
        if page == "fase (besloten)" and not any(
            value in shown_text(str(m.value)) for m in app.success
        ):
            problems.append((page, "no answer naming the phase", repr(app.success)))
        if page.startswith("fase") and value not in "\n".join(map(shown_text, with_content)):
            problems.append((page, "not as written", "\n".join(with_content)))
    assert not problems, "\n".join(map(repr, problems))
    assert len(walked) == 18
