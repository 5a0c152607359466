"""In a real browser (1280×900): the Zelfscan's one way to tick and one gate form, going back with
a warning, and every answer to an action drawn where the person is and announced (issue 11).

Each action is taken with its control scrolled to the window's lower edge, the hardest place for
an answer to stay in sight; the answer must then be inside the viewport, as an element with
role "alert" (errors, warnings) or "status" (confirmations), which screen readers announce.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.appkit import opening
from tests.browser.conftest import goto, screenshot, settle, start_streamlit
from toolkaart.access.permissions import LOCAL
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.route.gates import Answer
from toolkaart.store.project_store import Store

pytestmark = pytest.mark.browser


def act_at_lower_edge(page: Any, control: Any) -> None:
    """Scroll ``control`` to the bottom of the window, then click it, as someone who just
    filled in the fields above it would."""
    control.evaluate("element => element.scrollIntoView({block: 'end'})")
    control.click()
    settle(page)


def in_sight(page: Any, role: str, text: str) -> None:
    from playwright.sync_api import expect

    answer = page.get_by_role(role).filter(has_text=text)
    expect(answer).to_have_count(1)
    expect(answer).to_be_in_viewport()


def answer_label(page: Any, answer: str) -> Any:
    """The gate form's option for ``answer`` ("ja", "nee"): its visible label, not a checklist
    item whose text or source happens to contain the word."""
    exactly = re.compile(f"^{re.escape(t(f'answer.{answer}'))}$")
    return page.get_by_test_id("stRadio").locator("label").filter(has_text=exactly)


def tick(page: Any, label: str) -> None:
    """Click the visible label, as a person does (the input itself is visually hidden)."""
    from playwright.sync_api import expect

    page.locator("label").filter(has_text=label).first.click()
    settle(page)
    expect(page.get_by_role("checkbox", name=label).first).to_be_checked()


def test_zelfscan_ticks_decides_goes_back_and_answers_in_sight(
    page: Any, tmp_path: Path, toolkaart: Toolkaart
) -> None:
    from playwright.sync_api import expect

    database = f"sqlite:///{tmp_path / 'feedback.sqlite3'}"
    store = Store(database, acting=LOCAL)
    project = store.create("Vinkjes en poorten")
    idee, verkenning = toolkaart.phase("idee"), toolkaart.phase("verkenning")
    first, second, *_ = idee.checklist
    submit = page.get_by_role("button", name=t("gate.form.submit"))
    with start_streamlit(env={"TOOLKAART_DATABASE_URL": database}) as server:
        goto(page, f"{server.url}/zelfscan?project={project.id}")
        # 1. one way to tick: saved at once, no batch button that a decision could overtake
        tick(page, first.text)
        expect(page.get_by_role("button", name="Checklist opslaan")).to_have_count(0)
        # 6. a gate error next to the button
        answer_label(page, "ja").click()
        settle(page)
        act_at_lower_edge(page, submit)
        open_items = len(idee.checklist) - 1
        in_sight(page, "alert", t("gate.error.open_items", phase=idee.name, count=open_items))
        page.locator("label").filter(has_text=opening("gate.form.confirm").rstrip()).click()
        settle(page)
        screenshot(page, "zelfscan-gate-form-1280")
        # 6. the decision saved, next to the button
        act_at_lower_edge(page, submit)
        passed = t("phase.gate.passed", phase=idee.name, next=verkenning.name)
        in_sight(page, "status", passed)
        decision = Store(database, acting=LOCAL).get(project.id).assessment.decisions[-1]
        assert first.id not in decision.open_items  # 1. the tick made just before counts

        # 3. going back says first which gates close again, then that they did
        answer_label(page, "nee").click()
        settle(page)
        closing = f"{verkenning.number}. {verkenning.name}"
        said = t("answer.nee")
        warning = t("phase.gate.will_lock", answer=said, phase=idee.name, phases=closing)
        expect(page.get_by_role("alert").filter(has_text=warning)).to_be_visible()
        act_at_lower_edge(page, submit)
        done = t("phase.gate.locked_again", answer=said, phase=idee.name, phases=closing)
        in_sight(page, "status", done)

        # 6. a conflict, by the ticked item, with the choices
        saved = Store(database, acting=LOCAL).get(project.id)
        other = saved.assessment.with_checked(toolkaart, "idee", [first.id, second.id])
        Store(database, acting=LOCAL).save(saved.with_assessment(other))  # someone else, meanwhile
        third = idee.checklist[2]
        box = page.locator("label").filter(has_text=third.text).first
        box.evaluate("element => element.scrollIntoView({block: 'end'})")
        tick_refused = page.get_by_role("alert").filter(has_text=t("store.conflict.mine"))
        box.click()
        settle(page)
        expect(tick_refused).to_be_in_viewport()
        expect(tick_refused).to_contain_text(second.text)  # named by its text, not its id
        screenshot(page, "zelfscan-conflict-1280")
        page.get_by_role("button", name=t("gate.conflict.reapply")).click()
        settle(page)
        in_sight(page, "status", t("gate.conflict.reapplied"))
        stored = Store(database, acting=LOCAL).get(project.id).assessment.checked_in("idee")
        assert stored == {first.id, second.id, third.id}

        # the screenshots of the one gate form, on both pages and both widths
        goto(page, f"{server.url}/fase?fase=idee&project={project.id}")
        page.mouse.move(0, 0)
        screenshot(page, "fase-gate-form-1280")
        page.set_viewport_size({"width": 390, "height": 900})
        settle(page)
        screenshot(page, "fase-gate-form-390")
        goto(page, f"{server.url}/zelfscan?project={project.id}")
        answer_label(page, "ja").click()
        settle(page)
        screenshot(page, "zelfscan-gate-form-390")
    store.close()


def test_agenda_draft_saved_and_import_refused_answer_in_sight(
    page: Any, tmp_path: Path, toolkaart: Toolkaart
) -> None:
    database = f"sqlite:///{tmp_path / 'answers.sqlite3'}"
    store = Store(database, acting=LOCAL)
    project = store.create("Agenda-project", "Team Oost")
    store.save(
        project.with_assessment(
            project.assessment.decide(toolkaart, "idee", Answer.JA, accept_open_items=True)
        )
    )
    store.close()
    bad = tmp_path / "kapot.json"
    bad.write_text(json.dumps({"formaat": "iets anders"}), encoding="utf-8")
    big = tmp_path / "groot.json"
    big.write_bytes(b" " * 1_500_000)
    with start_streamlit(env={"TOOLKAART_DATABASE_URL": database}) as server:
        goto(page, f"{server.url}/agenda")
        page.get_by_role("button", name=t("agenda.compose")).click()
        settle(page)
        act_at_lower_edge(page, page.get_by_role("button", name=t("agenda.save"), exact=True))
        in_sight(page, "status", opening("agenda.saved"))

        goto(page, f"{server.url}/projecten")
        page.get_by_text(t("projects.import.title")).click()
        page.locator("input[type=file]").set_input_files(str(bad))
        settle(page)
        act_at_lower_edge(page, page.get_by_role("button", name=t("projects.import.submit")))
        in_sight(page, "alert", t("exchange.rejected"))
        screenshot(page, "import-refused-1280")
        # a file over the import's limit (and within the uploader's) is named by its own size
        page.locator("input[type=file]").set_input_files(str(big))
        settle(page)
        act_at_lower_edge(page, page.get_by_role("button", name=t("projects.import.submit")))
        in_sight(page, "alert", t("exchange.too_large", size="1,5 MB", limit="1 MB"))
