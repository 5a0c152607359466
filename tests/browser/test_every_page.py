"""Every page in every state a person meets (tests/browser/tour.py), in Chromium at 1280 and at
320 px wide: axe-core finds nothing against WCAG 2.1 A and AA and the page language is Dutch; no
English name, label or text is left that the app can avoid; nothing is cut off and nothing makes
the page scroll sideways (WCAG 1.4.10 Reflow). 1280 px at 400 % zoom is a 320 CSS px wide window:
Chromium lays the page out the same, so the walk at 320 px covers it.

Each width is walked once (a module fixture) and every check reads what that walk saw, page by
page. Before a check each page is shown whole: every expander opened, scrolled to the end, the
window stretched to the page's height, so nothing waits to be drawn or lies outside the window.
Screenshots of every stop at both widths land in test-artifacts/screenshots/<width>-<stop>.png.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from tests.browser.conftest import REQUIRE_FLAG, SCREENSHOTS, settle
from tests.browser.tour import Stop, servers, tour, visit
from tests.conftest import REPO, unavailable
from toolkaart.content.models import Toolkaart

pytestmark = pytest.mark.browser

AXE = REPO / "tests" / "node" / "node_modules" / "axe-core" / "axe.min.js"
#: WCAG 2.0 and 2.1, levels A and AA: what the law asks (EN 301 549).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: What axe leaves out, each with the reason. Empty: every finding was fixed in the app.
AXE_EXCLUDE: list[str] = []
WIDTHS = {1280: 900, 320: 640}
#: Text that quotes English on purpose: the accessibility statement names the English texts it
#: lists as shortcomings, so that someone who hears them knows what they are.
QUOTES = defaultdict(
    str, {"toegankelijkheid": '[data-testid="stMain"] [data-testid="stMarkdownContainer"]'}
)

RUN_AXE = """async ([tags, exclude]) => {
    const result = await axe.run(
        {include: [document], exclude: exclude.map(selector => [selector])},
        {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']},
    );
    return result.violations.map(violation => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map(node => node.target.join(' ')),
    }));
}"""

#: Words of Streamlit's English and of no Dutch sentence, whole words, in any case.
ENGLISH_WORDS = (
    "skip|main menu|sidebar|collapse|expand|fullscreen|download as|search|show|hide|columns|"
    "increment|decrement|help for|select all|selected|choose|clear|remove|delete|day|month|year|"
    "file|files|upload|browse|drag|drop|limit|press enter|apply|submit|copy|copied|clipboard|"
    "progress|icon|axis|titled|scale|visualization|container|option|options|available|close|"
    "previous|running|print|record|settings|theme|about|error|warning|loading|no results|the|and|"
    "for|with"
)
#: Found as written: capitalised English month names (Dutch writes them in lower case), the name
#: of an icon that is read out because it is not hidden ("open_in_new"), and "Open" on its own
#: (Streamlit's list button; as a Dutch verb it always has an object here).
ENGLISH_CASED = (
    r"\b(January|February|March|May|June|July|August|October|November|December)\b|"
    r"\b[a-z]+_[a-z_]+\b|^\s*Open\s*$"
)


ENGLISH_ANY_CASE = rf"\b({ENGLISH_WORDS})\b"


def is_english(text: str) -> bool:
    return bool(re.search(ENGLISH_ANY_CASE, text, re.IGNORECASE) or re.search(ENGLISH_CASED, text))


#: Every string assistive technology reads or a person sees: the naming attributes of every
#: element and every text in the page, except what is hidden from everyone (not drawn) or from
#: assistive technology (icons drawn from a font are their names, "keyboard_arrow_down", marked
#: aria-hidden), and what ``ignore`` selects.
FIND_ENGLISH = """([words, cased, ignore]) => {
    const anyCase = new RegExp(words, 'i');
    const asWritten = new RegExp(cased);
    const isEnglish = text => anyCase.test(text) || asWritten.test(text);
    const found = new Set();
    const names = ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext',
                   'title', 'placeholder', 'alt'];
    for (const element of document.querySelectorAll('body *')) {
        if (element.closest('[aria-hidden=true], script, style, noscript')) continue;
        if (!element.checkVisibility() || (ignore && element.closest(ignore))) continue;
        for (const name of names) {
            const value = element.getAttribute(name);
            if (value && isEnglish(value)) found.add(`${name}="${value.slice(0, 80)}"`);
        }
        for (const node of element.childNodes) {
            if (node.nodeType === Node.TEXT_NODE && isEnglish(node.nodeValue)) {
                found.add(`text "${node.nodeValue.trim().slice(0, 80)}"`);
            }
        }
    }
    return [...found].sort();
}"""

#: What does not fit: text cut off by an element that hides its overflow (or ends it with "…"),
#: and boxes that scroll sideways, the page itself included. Text for screen readers only
#: (1 px boxes: the skip link until focused, announcements) and form fields (whose value scrolls
#: inside them by nature) are not looked at.
FIND_CLIPPED = """() => {
    const found = [];
    const text = element => (element.innerText || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
    const page = document.scrollingElement;
    if (page.scrollWidth > page.clientWidth + 1) {
        found.push({kind: 'page', what: `the page is ${page.scrollWidth} px wide in ${page.clientWidth}`});
    }
    for (const element of document.querySelectorAll('body *')) {
        if (element.clientWidth <= 1 || element.matches('input, textarea, select')) continue;
        if (element.scrollWidth <= element.clientWidth + 1 || !text(element)) continue;
        const style = getComputedStyle(element);
        const name = element.getAttribute('data-testid') || element.tagName.toLowerCase();
        const where = `${name} ${element.scrollWidth} px in ${element.clientWidth}: "${text(element)}"`;
        if (['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis') {
            found.push({kind: 'cut off', what: where});
        } else if (['auto', 'scroll'].includes(style.overflowX)) {
            const table = element.tagName === 'TABLE'
                || element.parentElement?.getAttribute('data-testid') === 'stTable'
                || element.classList.contains('toolkaart-table');
            found.push({kind: table ? 'table scrolls' : 'scrolls', what: where});
        }
    }
    return found;
}"""


@dataclass(frozen=True)
class Seen:
    """What one stop of the tour showed at one width."""

    stop: Stop
    lang: str
    violations: list[dict[str, Any]]
    english: list[str]
    clipped: list[dict[str, str]]


def show_whole(page: Any, width: int) -> None:
    """Stretch the window to the page's height (Streamlit scrolls inside its main element), back
    at the top, so that every element is drawn inside the window."""
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], "
        "[data-testid=stAppViewContainer]')].map(e => e.scrollHeight), window.innerHeight)"
    )
    page.set_viewport_size({"width": width, "height": min(int(height), 16_000)})
    page.evaluate(
        "() => { for (const e of document.querySelectorAll("
        "'[data-testid=stMain], [data-testid=stAppViewContainer]')) e.scrollTop = 0; }"
    )
    page.wait_for_timeout(300)  # charts lay themselves out again
    settle(page)


@pytest.fixture(scope="module", params=sorted(WIDTHS, reverse=True), ids=lambda w: f"{w}px")
def walk(
    request: pytest.FixtureRequest,
    browser: Any,
    tmp_path_factory: pytest.TempPathFactory,
    toolkaart: Toolkaart,
) -> Iterator[tuple[int, list[Seen]]]:
    """The tour at one width: what every stop showed."""
    width: int = request.param
    if not AXE.exists():
        unavailable(
            f"axe-core is not installed at {AXE} (npm ci --prefix tests/node)", REQUIRE_FLAG
        )
    context = browser.new_context(
        viewport={"width": width, "height": WIDTHS[width]}, locale="nl-NL"
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    seen = []
    with servers(tmp_path_factory.mktemp(f"tour-{width}"), toolkaart) as running:
        for stop in tour(toolkaart):
            visit(page, running, stop)
            show_whole(page, width)
            page.screenshot(path=str(SCREENSHOTS / f"{width}-{stop.slug}.png"), full_page=True)
            page.add_script_tag(path=str(AXE))
            seen.append(
                Seen(
                    stop,
                    page.evaluate("document.documentElement.lang"),
                    page.evaluate(RUN_AXE, [AXE_TAGS, AXE_EXCLUDE]),
                    page.evaluate(
                        FIND_ENGLISH, [ENGLISH_ANY_CASE, ENGLISH_CASED, QUOTES[stop.page]]
                    ),
                    page.evaluate(FIND_CLIPPED),
                )
            )
            page.set_viewport_size({"width": width, "height": WIDTHS[width]})
    context.close()
    yield width, seen


def fail_on(problems: dict[str, list[str]]) -> None:
    """Fail with every problem, page by page (the stops with none left out)."""
    found = {name: lines for name, lines in problems.items() if lines}
    if found:
        pytest.fail(
            "\n".join(
                f"{name}:\n" + "\n".join(f"  - {line}" for line in lines)
                for name, lines in found.items()
            ),
            pytrace=False,
        )


def test_axe_finds_no_violation_and_every_page_is_dutch(walk: tuple[int, list[Seen]]) -> None:
    width, seen = walk
    assert len(seen) == len({s.stop.name for s in seen}) > 20
    problems = {
        f"{s.stop.name} at {width} px": [
            *([f"lang is {s.lang!r}, not 'nl'"] if s.lang != "nl" else []),
            *(
                f"{v['id']} ({v['impact']}): {v['help']}; at {', '.join(v['targets'])}"
                for v in s.violations
            ),
        ]
        for s in seen
    }
    fail_on(problems)


def test_no_english_is_left_that_the_app_can_avoid(walk: tuple[int, list[Seen]]) -> None:
    width, seen = walk
    problems = {f"{s.stop.name} at {width} px": s.english for s in seen}
    fail_on(problems)


def test_nothing_is_cut_off_and_only_wide_tables_scroll_sideways(
    walk: tuple[int, list[Seen]],
) -> None:
    """At 320 px a table with many columns (the matrix, the decision log) scrolls sideways in its
    own box, which the keyboard reaches (axe: scrollable-region-focusable): a data table is the
    exception WCAG 1.4.10 makes. At 1280 px nothing scrolls sideways, the Portfolio included."""
    width, seen = walk
    allowed = {"table scrolls"} if width < 400 else set()
    problems = {
        f"{s.stop.name} at {width} px": [
            f"{c['kind']}: {c['what']}" for c in s.clipped if c["kind"] not in allowed
        ]
        for s in seen
    }
    fail_on(problems)


def test_the_english_finder_finds_streamlits_words() -> None:
    """The pattern itself: Streamlit's English is found, Dutch text and names are not."""
    found = [
        "Skip to main content",
        "Download as CSV",
        "Increment",
        "open_in_new icon",
        "Open",
        "day, Datum van het besluit",
        "Help for Naam",
        "2MB per file • JSON",
        "12 – December",
        "tools.yaml:49:5: warning: geen adres",
    ]
    assert all(is_english(text) for text in found)
    dutch = [
        "Direct naar de inhoud",
        "Open Röntgen-triage in de zelfscan",
        "Menu verbergen",
        "dag, Datum van het besluit",
        "Besluit vastleggen",
        "12 – december",
        "Opent",
        "tools.yaml:49:5: geen adres",
    ]
    assert not any(is_english(text) for text in dutch)
