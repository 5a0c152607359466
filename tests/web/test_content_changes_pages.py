"""The content changes under a saved project (issue 16, point 6), under AppTest: the Zelfscan and
the phase page show what changed since the last decision, the new item is unticked and marked,
a ticked item that was removed stays in the walk, and Beheer counts the project under each change.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.appkit import item_text, open_page, tables
from tests.contentedit import edit_yaml
from toolkaart.access.permissions import LOCAL
from toolkaart.content.loader import load_toolkaart
from toolkaart.documents.project_report import to_markdown
from toolkaart.i18n.catalog import t
from toolkaart.route.content_changes import outline
from toolkaart.settings import ENV_CONTENT_DIR
from toolkaart.store.project_store import Store
from toolkaart.web.literal import literal

SCAN = "app_pages/zelfscan.py"
PHASE = "app_pages/fase.py"
BEHEER = "app_pages/beheer.py"
ZORGVRAAG = "idee-zorgvraag"  # ticked, stays
BESTAAND = "idee-bestaande-toepassingen"  # ticked, then removed from the content
KOSTEN = "idee-kosten-baten-verkend"  # reworded
NIEUW = "idee-register"  # added
AMBASSADEUR = "idee-ambassadeur"  # ticked after the change
NEW_TEXT = "We hebben het project aangemeld in het register van de instelling."
REWORDED = "We hebben kosten en baten verkend, ook op de lange termijn."
NOTICE = t("changes.notice", since=literal("1.1.0"), serving=literal("1.2.0"))


def key(item_id: str) -> str:
    return f"walk.idee.item.{item_id}"


def decide(app: AppTest, answer: str = "nog niet") -> None:
    app.radio(key="walk.idee.answer").set_value(answer).run()
    app.text_input(key="walk.idee.decided_by").input("Bram").run()
    app.button(key="walk.idee.submit").click().run()
    assert not app.exception, app.exception
    assert not app.error, [e.value for e in app.error]


def change_the_content(content: Path) -> None:
    """What staff do in an editor: one Idee item removed, one reworded, one added, a tool added
    to Idee, and the version bumped with a changelog entry."""

    def phases(data: Any) -> None:
        idee = data["phases"][0]
        assert idee["id"] == "idee"
        idee["checklist"] = [i for i in idee["checklist"] if i["id"] != BESTAAND]
        next(i for i in idee["checklist"] if i["id"] == KOSTEN)["text"] = REWORDED
        idee["checklist"].append({"id": NIEUW, "text": NEW_TEXT, "source": "Testbron, p. 1"})
        idee["tools"].append("early-hta")

    def meta(data: Any) -> None:
        data["version"] = "1.2.0"
        data["date"] = dt.date(2026, 12, 15)
        entry = {"version": "1.2.0", "date": dt.date(2026, 12, 15), "changes": ["Idee herzien."]}
        data["changelog"].insert(0, entry)

    edit_yaml(content / "phases.yaml", phases)
    edit_yaml(content / "meta.yaml", meta)


def warnings(app: AppTest) -> str:
    return "\n".join(str(w.value) for w in app.warning)


def captions(app: AppTest) -> list[str]:
    return [str(c.value) for c in app.caption]


def test_a_content_change_under_a_saved_project_reaches_it(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_CONTENT_DIR, str(content_copy))
    before = load_toolkaart(content_copy)
    store = Store(acting=LOCAL)
    project = store.create("Valdetectie")
    query = {"fase": "idee", "project": project.id}

    # under content 1.1.0: two ticks and a decision
    app = open_page(SCAN, query)
    for item in (ZORGVRAAG, BESTAAND):
        app.checkbox(key=key(item)).check().run()
    decide(app)
    saved = store.get(project.id)
    assert saved.content_version == before.meta.version == "1.1.0"
    assert saved.assessment.checked_in("idee") == {ZORGVRAAG, BESTAAND}
    assert not app.warning  # nothing changed yet

    change_the_content(content_copy)
    after = load_toolkaart(content_copy)
    old_text = before.phase("idee")
    removed_text = next(i.text for i in old_text.checklist if i.id == BESTAAND)
    kosten_text = next(i.text for i in old_text.checklist if i.id == KOSTEN)

    # a new session opens the project: the Zelfscan says what changed, per phase
    app = open_page(SCAN, query)
    notice = warnings(app)
    assert NOTICE in notice
    assert t("changes.phase", phase=literal(after.phase("idee").name)) in notice
    for line in (
        t("changes.kind.item_added", name=literal(NEW_TEXT)),
        t("changes.kind.item_reworded", name=literal(REWORDED), old=literal(kosten_text)),
        t("changes.kind.item_removed.ticked", name=literal(removed_text)),
        t("changes.kind.tool_added", name=literal(after.tool("early-hta").name)),
    ):
        assert line in notice, line
    new_box = app.checkbox(key=key(NIEUW))
    assert item_text(new_box) == t("changes.item.new", text=NEW_TEXT) and new_box.value is False
    assert item_text(app.checkbox(key=key(ZORGVRAAG))) == before.phase("idee").checklist[0].text
    assert key(BESTAAND) not in [box.key for box in app.checkbox]  # not a control any more
    assert t("changes.item.retired", text=literal(removed_text)) in captions(app)
    assert t("phase.checklist.caption", done=1, total=7) in captions(app)

    # another tick: the removed item stays in the stored walk, and the notice stays
    app.checkbox(key=key(AMBASSADEUR)).check().run()
    assert not app.exception and not app.error
    ticked = store.get(project.id)
    assert ticked.assessment.checked_in("idee") == {ZORGVRAAG, BESTAAND, AMBASSADEUR}
    assert ticked.content_version == "1.1.0"  # a tick is no decision
    assert NOTICE in warnings(app)
    assert t("changes.item.retired", text=literal(removed_text)) in captions(app)

    # the phase page with the project open shows this phase's changes
    phase_page = open_page(PHASE, query)
    assert t("changes.kind.item_added", name=literal(NEW_TEXT)) in warnings(phase_page)
    assert item_text(phase_page.checkbox(key=key(NIEUW))) == t("changes.item.new", text=NEW_TEXT)
    other = open_page(PHASE, {"fase": "verkenning", "project": project.id})
    assert t("changes.none_here") in warnings(other)

    # the report lists the changes and names the removed ticked item
    report = to_markdown(ticked, after, looking_back=store.lookback(ticked, after))
    report = re.sub(r"\\(.)", r"\1", report)  # as a reader sees the Markdown
    assert t("changes.notice", since="1.1.0", serving="1.2.0") in report
    assert "(was afgevinkt; blijft in uw route bewaard)" in report
    assert t("report.retired", count=1) in report

    # Beheer counts the project under each change
    beheer = open_page(BEHEER)
    rows = reach_rows(beheer)
    assert len(rows) == 4
    assert {row[t("beheer.reach.col.projects")] for row in rows} == {"1"}
    changes = {row[t("beheer.reach.col.change")] for row in rows}
    assert changes == {
        t(f"beheer.reach.kind.{kind}")
        for kind in ("item_added", "item_reworded", "item_removed", "tool_added")
    }

    # a decision under 1.2.0: the notice goes, the removed item stays in the walk and the log
    app = open_page(SCAN, query)
    decide(app)
    decided = store.get(project.id)
    assert decided.content_version == "1.2.0"
    assert BESTAAND in decided.assessment.checked_in("idee")
    assert BESTAAND not in decided.assessment.decisions[-1].open_items
    assert not warnings(app)
    assert t("changes.item.retired", text=literal(removed_text)) in captions(app)
    # the changes since 1.1.0 (recorded here) are still listed, now touching no project
    later = reach_rows(open_page(BEHEER))
    assert len(later) == 4 and {row[t("beheer.reach.col.projects")] for row in later} == {"0"}


def reach_rows(app: AppTest) -> list[dict[str, str]]:
    """The rows of Beheer's table of changes and the projects they touch."""
    return next(
        (table.records() for table in tables(app) if table.name == t("beheer.reach.title")), []
    )


def test_beheer_says_when_the_content_changed_under_the_same_version(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_CONTENT_DIR, str(content_copy))
    serving = load_toolkaart(content_copy)
    store = Store(acting=LOCAL)
    store.save(store.create("Sepsis").decided_with(serving, None), content=outline(serving))
    assert t("beheer.reach.same_version", version=literal("1.1.0")) not in warnings(
        open_page(BEHEER)
    )

    def reword(data: Any) -> None:
        data["phases"][0]["checklist"][0]["text"] = REWORDED

    edit_yaml(content_copy / "phases.yaml", reword)  # and the version left as it was
    beheer = open_page(BEHEER)
    assert t("beheer.reach.same_version", version=literal("1.1.0")) in warnings(beheer)
    # the project is not told: it rests on "1.1.0", the version served
    assert not warnings(open_page(SCAN, {"project": store.list_projects()[0].id}))
