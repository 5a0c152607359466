"""Only the keyboard, in Chromium at 1280 px: from the home page to a phase, tick a checklist item
and decide the gate with a rationale, in at most 30 key presses; and the focus never falls to the
page itself (``<body>``, from where the next Tab starts at the top) after the decision is saved or
after agenda items are moved (WCAG 2.1.1 Keyboard, 2.4.3 Focus order).

Every key press is counted: Tab, Shift+Tab, Enter, Space, an arrow key. Typing a word into a text
field counts as one press (the test is about getting there, not about typing).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import goto, screenshot, settle, start_streamlit
from tests.browser.test_accessibility import assert_visible_focus
from tests.browser.tour import PROJECTS, seed
from toolkaart.access.permissions import LOCAL
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.route.gates import MAX_RATIONALE, Answer
from toolkaart.store.project_store import Store

pytestmark = pytest.mark.browser

MAX_PRESSES = 30

#: The focused element, in words, for the failure messages ("BODY" when it is the page itself).
FOCUSED = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'BODY';
    const name = element.getAttribute('aria-label') || element.innerText || '';
    return `${element.tagName} ${name.trim().slice(0, 60)}`;
}"""


class Keyboard:
    """Presses keys on a page and counts them (typing a word is one press)."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.presses = 0
        self.keys: list[str] = []

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.presses += 1
        self.keys.append(key)
        settle(self.page)

    def type(self, word: str) -> None:
        self.page.keyboard.type(word)
        self.presses += 1
        self.keys.append(f"'{word}'")

    def focused(self) -> str:
        return str(self.page.evaluate(FOCUSED))

    def has_focus(self, locator: Any) -> bool:
        return bool(locator.evaluate("element => element === document.activeElement"))

    def tab_to(self, locator: Any, limit: int = 15) -> None:
        """Tab until ``locator`` has the focus."""
        for _ in range(limit):
            self.press("Tab")
            if self.has_focus(locator):
                return
        pytest.fail(f"{locator} not reached in {limit} presses of Tab; focus on {self.focused()}")


def test_from_home_to_a_decided_gate_in_at_most_30_key_presses(
    page: Any, tmp_path: Path, toolkaart: Toolkaart
) -> None:
    from playwright.sync_api import expect

    database = f"sqlite:///{tmp_path / 'keyboard.sqlite3'}"
    store = Store(database, acting=LOCAL)
    project = store.create("Toetsenbord")
    store.close()
    idee, verkenning = toolkaart.phases[0], toolkaart.phases[1]
    first = idee.checklist[0]
    rationale = "Wenselijk"
    keys = Keyboard(page)
    with start_streamlit(env={"TOOLKAART_DATABASE_URL": database}) as server:
        goto(page, f"{server.url}/?project={project.id}")
        # past the menu: the skip link, then the phase in the route list
        keys.tab_to(page.get_by_role("link", name=t("ui.skip_link")), limit=1)
        keys.press("Enter")
        state = t("state.current")
        phase_link = t(
            "home.list.item",
            number=idee.number,
            name=idee.name,
            question=idee.key_question,
            state=state,
        )
        keys.tab_to(page.get_by_role("link", name=phase_link, exact=True))
        keys.press("Enter")
        title = t("phase.title", number=idee.number, name=idee.name)
        expect(page.get_by_role("heading", name=title)).to_be_visible()

        # tick the first checklist item (saved at once)
        box = page.get_by_role("checkbox", name=first.text)
        keys.tab_to(box)
        assert_visible_focus(box.locator("xpath=ancestor::label[1]"))  # the box itself is hidden
        keys.press("Space")
        expect(box).to_be_checked()

        # the gate: "ja", knowingly with the open items, a rationale, record
        yes = page.get_by_role("radio", name=t("answer.ja"))
        keys.tab_to(yes)
        assert_visible_focus(yes.locator("xpath=ancestor::label[1]"))
        keys.press("Space")
        confirm = page.get_by_role(
            "checkbox", name=t("gate.form.confirm", count=len(idee.checklist) - 1)
        )
        keys.tab_to(confirm)
        keys.press("Space")
        expect(confirm).to_be_checked()
        keys.tab_to(page.get_by_role("textbox", name=t("gate.form.rationale")))
        keys.type(rationale)
        # the count of characters, not an English hint over the text ("Press Ctrl+Enter to apply")
        expect(page.locator('[data-testid="InputInstructions"]')).to_have_text(
            f"{len(rationale)}/{MAX_RATIONALE}", use_inner_text=True
        )
        submit = page.get_by_role("button", name=t("gate.form.submit"))
        keys.tab_to(submit)
        keys.press("Enter")

        # saved, and said so where the person is; the focus stayed on the form's button
        passed = t("phase.gate.passed", phase=idee.name, next=verkenning.name)
        expect(page.get_by_role("status").filter(has_text=passed)).to_be_visible()
        history = page.get_by_text(f": {rationale}")
        expect(history).to_be_visible()
        assert keys.focused() != "BODY", keys.keys
        assert keys.has_focus(submit), keys.focused()
        screenshot(page, "keyboard-walk-decided")
    decision = Store(database, acting=LOCAL).get(project.id).assessment.decisions[-1]
    assert (decision.phase_id, decision.answer, decision.rationale) == (
        idee.id,
        Answer.JA,
        rationale,
    )
    assert first.id not in decision.open_items
    print(f"key presses: {keys.presses}: {' '.join(keys.keys)}")
    assert keys.presses <= MAX_PRESSES, keys.keys


def test_moving_agenda_items_keeps_the_focus_on_the_moved_item(
    page: Any, tmp_path: Path, toolkaart: Toolkaart
) -> None:
    """Down to the end and back up, with Enter: the focus stays on the moved item's buttons (at
    the end, where "↓ Omlaag" is disabled, on its "↑ Omhoog")."""
    from playwright.sync_api import expect

    database = f"sqlite:///{tmp_path / 'agenda.sqlite3'}"
    seed(database, toolkaart)
    keys = Keyboard(page)
    with start_streamlit(env={"TOOLKAART_DATABASE_URL": database}) as server:
        goto(page, f"{server.url}/agenda")
        chooser = page.get_by_role("combobox", name=t("agenda.choose"))
        keys.tab_to(chooser, limit=20)
        for name, _organisation in PROJECTS:  # typing a name and Enter chooses the project
            keys.type(name)
            keys.press("Enter")
        keys.press("Escape")
        keys.tab_to(page.get_by_role("button", name=t("agenda.compose")))
        keys.press("Enter")
        headings = page.locator("[data-testid=stMain] h3")
        expect(headings.nth(3)).to_be_visible()  # "Nieuwe agenda", details, and the 3 items
        first = headings.nth(2).inner_text()  # the overview, item 1
        down = page.get_by_role("button", name=t("agenda.item.down"))
        up = page.get_by_role("button", name=t("agenda.item.up"))
        keys.tab_to(down.first, limit=25)
        for place in (2, 3):
            keys.press("Enter")
            expect(headings.nth(place + 1)).to_contain_text(first.split(". ", 1)[1])
            assert keys.focused() != "BODY", (place, keys.keys)
        # at the end its "↓ Omlaag" is disabled: the focus went to its "↑ Omhoog"
        assert keys.has_focus(up.last), keys.focused()
        for place in (2, 1):
            keys.press("Enter")
            expect(headings.nth(place + 1)).to_contain_text(first.split(". ", 1)[1])
            assert keys.focused() != "BODY", (place, keys.keys)
        assert keys.has_focus(down.first), keys.focused()
