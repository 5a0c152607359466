"""WCAG 2.1 AA as the browser exposes it: the page language after every kind of navigation (3.1.1),
a visible focus outline on sidebar links and buttons (2.4.7, 1.4.11), caption contrast (1.4.3) and
checklist items that are one tab stop each with a Dutch name (2.5.3, 3.1.2). The maps are in
test_maps.py.

Colours come from ``getComputedStyle`` and the contrast ratio is WCAG's own formula, so the test
measures what a person sees, not what the stylesheet says.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import goto, press_on, tab_to
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.web.page_registry import PAGE_ADDRESSES

pytestmark = pytest.mark.browser

LANG = "document.documentElement.lang"

#: The focused element's outline width and colour, and the colour it is drawn against: the
#: background of its nearest ancestor that has one.
FOCUS_STYLE = """element => {
    const style = getComputedStyle(element);
    let node = element.parentElement;
    while (node && getComputedStyle(node).backgroundColor === 'rgba(0, 0, 0, 0)') {
        node = node.parentElement;
    }
    const background = node ? getComputedStyle(node).backgroundColor : 'rgb(255, 255, 255)';
    return [style.outlineStyle, style.outlineWidth, style.outlineColor, background];
}"""

#: A caption's text colour and the opacity it is drawn with (its own times its ancestors').
TEXT_STYLE = """element => {
    let opacity = 1;
    for (let node = element; node; node = node.parentElement) {
        opacity *= parseFloat(getComputedStyle(node).opacity);
    }
    return [getComputedStyle(element).color, opacity];
}"""


def rgb(css: str) -> tuple[float, float, float]:
    red, green, blue = (float(part) for part in re.findall(r"[\d.]+", css)[:3])
    return red, green, blue


def luminance(colour: tuple[float, float, float]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: tuple[float, float, float], second: tuple[float, float, float]) -> float:
    darker, lighter = sorted((luminance(first), luminance(second)))
    return (lighter + 0.05) / (darker + 0.05)


def assert_visible_focus(locator: Any) -> float:
    """The focused ``locator`` has a solid outline of at least 2 px with 3:1 against its
    background; returns the contrast."""
    style, width, colour, background = locator.evaluate(FOCUS_STYLE)
    assert style == "solid" and float(width.removesuffix("px")) >= 2, (style, width)
    ratio = contrast(rgb(colour), rgb(background))
    assert ratio >= 3, (colour, background, ratio)
    return ratio


def test_every_page_is_dutch_after_every_kind_of_navigation(page: Any, app_url: str) -> None:
    goto(page, app_url)
    assert page.evaluate(LANG) == "nl"  # home
    goto(page, app_url + "/fase?fase=idee")
    assert page.evaluate(LANG) == "nl"  # a deep link
    press_on(page, page.get_by_role("checkbox").first, "Space")
    assert page.evaluate(LANG) == "nl"  # a rerun after ticking a box
    press_on(page, page.get_by_role("link", name=t("nav.actors"), exact=True), "Enter")
    page.get_by_role("heading", name=t("actors.title"), exact=True).wait_for()
    assert page.evaluate(LANG) == "nl"  # a page switch
    goto(page, app_url + "/zelfscan")  # a page that stops early without a project
    assert page.evaluate(LANG) == "nl"


def test_focus_is_visible_on_sidebar_links_and_buttons(page: Any, app_url: str) -> None:
    goto(page, app_url + "/projecten")
    link = page.get_by_role("link", name=t("nav.phase"), exact=True)
    tab_to(page, link)
    assert_visible_focus(link)
    button = page.locator("[data-testid=stMain] button[kind]").first
    tab_to(page, button, limit=40)
    assert_visible_focus(button)


def test_each_page_names_itself_in_the_browser_tab(
    page: Any, app_url: str, toolkaart: Toolkaart
) -> None:
    """2.4.2: every page's tab has its own title, the page's name before the app's; the phase
    page names its phase."""
    app = t("app.title")
    goto(page, app_url)
    titles = {"": page.title()}
    for address in PAGE_ADDRESSES:
        goto(page, f"{app_url}/{address}")
        titles[address] = page.title()
    assert titles[""] == app
    assert all(title.endswith(f" - {app}") for address, title in titles.items() if address)
    assert len(set(titles.values())) == len(titles), titles
    assert titles["portfolio"] == f"{t('nav.portfolio')} - {app}"
    pilot_a = toolkaart.phase("pilot-a")
    goto(page, f"{app_url}/fase?fase=pilot-a")
    assert page.title() == f"{t('phase.title', number=pilot_a.number, name=pilot_a.name)} - {app}"


def test_a_text_fields_hint_is_dutch(page: Any, app_url: str) -> None:
    """3.1.2: the hint a text field shows once something is typed, where no count follows it."""
    goto(page, app_url + "/hulpmiddelen")
    page.get_by_role("textbox", name=t("tools.search")).fill("model")
    hint = page.locator('[data-testid="InputInstructions"]')
    from playwright.sync_api import expect

    expect(hint).to_have_text(t("ui.input.apply", keys=""), use_inner_text=True)


#: The words of an element that the browser breaks over two lines.
BROKEN_WORDS = """element => {
    const broken = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of node.nodeValue.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(node, word.index);
            range.setEnd(node, word.index + word[0].length);
            const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            if (tops.size > 1) broken.push(word[0]);
        }
    }
    return broken;
}"""


def test_a_long_dutch_title_is_not_broken_mid_word_on_a_phone(page: Any, app_url: str) -> None:
    """1.4.10: "Agenda voor de bestuursvergadering" at 390 px."""
    page.set_viewport_size({"width": 390, "height": 844})
    goto(page, app_url + "/agenda")
    title = page.get_by_role("heading", name=t("agenda.title"), exact=True)
    assert title.evaluate(BROKEN_WORDS) == []


def test_captions_have_at_least_4_5_to_1_on_white(page: Any, app_url: str) -> None:
    goto(page, app_url)
    captions = page.locator("[data-testid=stCaptionContainer]")
    assert captions.count() > 0
    for index in range(captions.count()):
        colour, opacity = captions.nth(index).evaluate(TEXT_STYLE)
        seen = tuple(opacity * part + (1 - opacity) * 255 for part in rgb(colour))
        assert contrast(seen, (255, 255, 255)) >= 4.5, (colour, opacity)


def test_checklist_items_are_one_dutch_tab_stop_each(
    page: Any, app_url: str, toolkaart: Toolkaart
) -> None:
    """The source is a grey line of the item's label, not a help icon (a second tab stop named
    "Help for …" in English): each box is named by its item alone, without the source's markup,
    and the source reads after it."""
    items = toolkaart.phase("idee").checklist
    goto(page, app_url + "/fase?fase=idee")
    boxes = [page.get_by_role("checkbox", name=item.text, exact=True) for item in items]
    assert page.locator("[aria-label^='Help for']").count() == 0
    first = next(item for item in items if item.source)
    source = page.get_by_text(t("phase.checklist.source", source=first.source), exact=True)
    assert source.is_visible()
    assert source.evaluate("element => getComputedStyle(element).color") == "rgb(89, 89, 89)"
    assert page.locator("input[aria-label*=':small[']").count() == 0
    boxes[0].focus()
    for box in boxes[1:]:
        page.keyboard.press("Tab")
        assert box.evaluate("element => element === document.activeElement")
