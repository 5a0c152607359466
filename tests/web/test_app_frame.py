"""The frame around every page: content loaded once and reloaded on change, the version in the
footer, the last valid content kept through a slip in the files, and a page folder Streamlit does not treat specially."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from streamlit.elements import html as streamlit_html
from streamlit.string_util import clean_text

from tests.appkit import links, open_page, sidebar_links, texts
from tests.conftest import REPO
from toolkaart.content.loader import load_toolkaart
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.web.layout import FRAME_SCRIPTS, FRAME_STYLE
from toolkaart.web.page_registry import PAGE_ADDRESSES

PAGES = (
    "app_pages/home.py",
    "app_pages/fase.py",
    "app_pages/actoren.py",
    "app_pages/hulpmiddelen.py",
)


def test_no_streamlit_pages_folder_beside_the_app() -> None:
    # A pages/ folder switches Streamlit to its legacy multipage mode for the first run of a server,
    # so a deep link opened first would run without app.py (no footer, file names as navigation).
    assert not (REPO / "pages").exists(), "keep the pages in app_pages/ (see app.py)"


@pytest.mark.parametrize("page", PAGES)
def test_footer_shows_the_content_version(page: str, toolkaart: Toolkaart) -> None:
    app = open_page(page)
    meta = toolkaart.meta
    # the footer's last line (local mode says so on the line before, in the same caption)
    last_line = app.caption[-1].value.split("  \n")[-1]
    assert last_line == t("footer.version", title=meta.title, version=meta.label)
    assert "1.1.0" in meta.label and "6 december 2026" in meta.label


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(stamp, stamp))  # a later modification time, whatever the clock's grain


def test_content_is_reloaded_when_a_file_changes(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TOOLKAART_CONTENT", str(content_copy))
    app = open_page("app_pages/fase.py", {"fase": "idee"})
    assert "Is het idee wenselijk?" in texts(app)

    _edit(content_copy / "phases.yaml", "Is het idee wenselijk?", "Is het idee echt wenselijk?")
    _edit(content_copy / "meta.yaml", 'version: "1.1.0"', 'version: "1.1.1"')
    app.run()
    assert "Is het idee echt wenselijk?" in texts(app)
    assert "Is het idee wenselijk?" not in texts(app)
    meta = load_toolkaart(content_copy).meta
    assert meta.version == "1.1.1"
    last_line = app.caption[-1].value.split("  \n")[-1]
    assert last_line == t("footer.version", title=meta.title, version=meta.label)


def test_unchanged_content_is_not_loaded_again(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from toolkaart.content import loader
    from toolkaart.web import content_cache

    monkeypatch.setenv("TOOLKAART_CONTENT", str(content_copy))
    calls: list[str] = []

    def counting_load(directory: str | Path) -> loader.LoadResult:
        calls.append(str(directory))
        return loader.load_content(directory)

    monkeypatch.setattr(content_cache, "load_content", counting_load)
    app = open_page("app_pages/fase.py", {"fase": "idee"})
    app.run()
    open_page("app_pages/home.py", app=app)
    assert calls == [str(content_copy)]


@pytest.mark.parametrize("page", PAGES)
def test_broken_content_from_the_start_shows_a_short_dutch_page_without_paths(
    page: str, content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TOOLKAART_CONTENT", str(content_copy))
    phases = content_copy / "phases.yaml"
    _edit(phases, "tools: [mkba, handelingsruimte,", "tools: [mkba, bestaat-niet,")

    app = open_page(page)
    assert app.title[0].value == t("content.unavailable.title")
    assert str(content_copy) not in texts(app) and "bestaat-niet" not in texts(app)
    assert not app.text  # no diagnostics for project teams: they are on Beheer
    # nothing of the page itself is drawn
    assert not app.checkbox and not app.get("graphviz_chart")

    # repaired, the same session shows the page again without a restart
    _edit(phases, "tools: [mkba, bestaat-niet,", "tools: [mkba, handelingsruimte,")
    app.run()
    assert app.title[0].value != t("content.unavailable.title")


@pytest.mark.parametrize("page", PAGES)
def test_a_slip_in_the_files_keeps_the_last_valid_content_on_every_page(
    page: str, content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TOOLKAART_CONTENT", str(content_copy))
    before = open_page(page)
    title = before.title[0].value
    phases = content_copy / "phases.yaml"
    _edit(phases, "tools: [mkba, handelingsruimte,", "tools: [mkba, bestaat-niet,")

    after = open_page(page)  # another person, after the slip
    assert after.title[0].value == title
    assert t("content.unavailable.title") not in texts(after)
    assert after.caption[-1].value == before.caption[-1].value  # the served version


def test_beheer_shows_the_errors_and_that_the_previous_content_is_live(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TOOLKAART_CONTENT", str(content_copy))
    open_page("app_pages/home.py")  # the valid content is loaded and served
    phases = content_copy / "phases.yaml"
    _edit(phases, "tools: [mkba, handelingsruimte,", "tools: [mkba, bestaat-niet,")
    lines = phases.read_text(encoding="utf-8").splitlines()
    line = 1 + next(i for i, text in enumerate(lines) if "bestaat-niet" in text)

    beheer = open_page("app_pages/beheer.py")
    (notice,) = [w.value for w in beheer.warning if "vorige geldige inhoud" in w.value]
    assert "inhoud: versie 1.1.0 (6 december 2026), geladen " in notice
    errors = beheer.text[0].value.splitlines()  # the errors' list; the warnings' comes next
    assert len(errors) == 1
    assert errors[0].startswith(f"{phases}:{line}:")
    assert errors[0].endswith(f": {t('content.diag.unknown_id.tool', id='bestaat-niet')}")


def test_the_sidebar_lists_every_page_per_kind_of_user() -> None:
    app = open_page("app_pages/home.py")
    (navigation,) = [
        element.proto.body for element in app.sidebar.get("html") if "<nav" in element.proto.body
    ]
    kinds = ("route", "projects", "board", "content")
    names = re.findall(r'<p id="([^"]*)">([^<]*)</p><ul aria-labelledby="([^"]*)">', navigation)
    assert [name for _, name, _ in names] == [t(f"nav.section.{kind}") for kind in kinds]
    assert all(label == list_name for label, _, list_name in names)  # each list named by it
    labels = [label for label, _, _ in sidebar_links(app)]
    pages = (
        "home",
        "phase",
        "actors",
        "tools",
        "projects",
        "scan",
        "portfolio",
        "agenda",
        "beheer",
        "members",
        "accessibility",
    )
    assert labels == [t(f"nav.{page}") for page in pages]
    assert {query for _, _, query in sidebar_links(app)} == {""}
    assert [address for _, address, _ in sidebar_links(app)] == ["", *PAGE_ADDRESSES]
    current = re.findall(r'<a href="[^"]*" aria-current="page">([^<]*)</a>', navigation)
    assert current == [t("nav.home")]  # the page shown is marked as the current one


def test_the_sidebar_keeps_the_open_project_on_every_page_link() -> None:
    app = open_page("app_pages/actoren.py", {"project": "p-123"})
    assert {query for _, _, query in sidebar_links(app)} == {"project=p-123"}
    (navigation,) = [
        element.proto.body for element in app.sidebar.get("html") if "<nav" in element.proto.body
    ]
    current = re.findall(r'<a href="[^"]*" aria-current="page">([^<]*)</a>', navigation)
    assert current == [t("nav.actors")]


def test_a_hostile_project_id_reaches_the_sidebar_only_encoded() -> None:
    """A project id is text from the address bar: in the sidebar's HTML it is part of an address,
    URL-encoded (and the address escaped for HTML as every value there is)."""
    app = open_page("app_pages/actoren.py", {"project": '"><img src=x onerror=alert(1)>'})
    (navigation,) = [
        element.proto.body for element in app.sidebar.get("html") if "<nav" in element.proto.body
    ]
    assert "<img" not in navigation and "onerror=alert(1)>" not in navigation


def test_a_page_that_fails_unforeseen_keeps_its_frame(monkeypatch: pytest.MonkeyPatch) -> None:
    """``app.py`` draws the page before the sidebar and the footer: an error no page foresaw
    still leaves the person the way to the other pages (and the footer), with a Dutch message
    and a reference where the page stopped (Streamlit's own English one is suppressed by the
    server's handler, ``operations.page_error``: tests/browser/test_page_error.py)."""
    from toolkaart.web import content_cache

    app = open_page("app_pages/home.py")

    def broken() -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr(content_cache, "require_content", broken)
    app.switch_page("app_pages/actoren.py").run()
    [message] = app.error
    reference = message.value.rsplit("kenmerk ", 1)[1].split()[0]
    assert message.value == t("page.unexpected", reference=reference)
    assert re.fullmatch(r"[0-9a-f]{8}", reference)
    assert "kapot" not in texts(app)
    assert len(sidebar_links(app)) == 11
    assert [label for label, _, _ in links(app)] == [t("nav.accessibility")]
    main = [element.type for element in app.main]
    assert main.index("error") < main.index("caption")  # where the page stopped, then the footer
    assert app.exception  # raised on for the server to log (AppTest has no handler: it shows it)


def test_a_fragments_error_is_not_said_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fragment that fails has had its message drawn where it is (the server's handler); the
    page around it ends there with its frame and no second message."""
    from streamlit.errors import FragmentHandledException

    from toolkaart.web import content_cache

    app = open_page("app_pages/home.py")

    def fragment_failed() -> None:
        raise FragmentHandledException(RuntimeError("kapot"))

    monkeypatch.setattr(content_cache, "require_content", fragment_failed)
    app.switch_page("app_pages/actoren.py").run()
    assert not app.error  # no Dutch message of app.py's own on top of the fragment's
    assert len(sidebar_links(app)) == 11
    assert [label for label, _, _ in links(app)] == [t("nav.accessibility")]


def test_the_frames_script_and_style_reach_the_browser_as_made(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # made once per process and handed to st.html as they are (html_text.PreparedHtml): Streamlit
    # does not dedent their 17 kB again on every run of every page
    cleaned: list[str] = []

    def spy(text: object) -> str:
        cleaned.append(str(text))
        return clean_text(text)

    monkeypatch.setattr(streamlit_html, "clean_text", spy)
    app = open_page()
    open_page("app_pages/actoren.py", app=app)
    bodies = [e.proto.body for e in app.get("html")]  # main, sidebar and events alike
    assert FRAME_SCRIPTS[False] in bodies and FRAME_STYLE in bodies
    assert cleaned  # other HTML (the sidebar's links) is still cleaned by Streamlit
    assert FRAME_SCRIPTS[False] not in cleaned and FRAME_STYLE not in cleaned
