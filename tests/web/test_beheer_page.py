"""The Beheer page (AppTest): valid content, content with warnings, broken content, reload diff."""

from __future__ import annotations

import logging
import os
import re
import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from tests.appkit import links, open_page, tables
from tests.conftest import APP_DIR, CONTENT
from tests.contentedit import drop_last_phase, edit_yaml, replace_text
from toolkaart.access.permissions import LOCAL
from toolkaart.content.live import content_digest
from toolkaart.content.loader import load_toolkaart
from toolkaart.content.models import Toolkaart
from toolkaart.i18n.catalog import counted, t
from toolkaart.settings import ENV_CONTENT_DIR, settings
from toolkaart.store.project_store import Store
from toolkaart.store.tables import content_confirmations
from toolkaart.web import content_cache
from toolkaart.web.literal import JOINER, literal


def open_beheer(content: Path | None, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The app, navigated to Beheer the way the sidebar does (the page must be registered)."""
    if content is not None:
        monkeypatch.setenv(ENV_CONTENT_DIR, str(content))
    else:
        monkeypatch.delenv(ENV_CONTENT_DIR, raising=False)
    app = AppTest.from_file(str(APP_DIR / "app.py"), default_timeout=30).run()
    app.switch_page("app_pages/beheer.py").run()
    assert not app.exception, app.exception
    assert app.title[0].value == t("beheer.title")
    return app


def reload(app: AppTest) -> None:
    app.button(key="beheer.reload").click().run()
    assert not app.exception, app.exception


def text_of(app: AppTest) -> str:
    parts: list[Any] = [e.value for e in (*app.markdown, *app.caption, *app.text)]
    parts += [e.value for e in (*app.success, *app.info, *app.warning, *app.error)]
    return "\n".join(str(p) for p in parts)


def shown(value: Any) -> Any:
    """What a reader sees of a table cell: the page escapes Markdown in content text."""
    return re.sub(r"\\(.)", r"\1", value) if isinstance(value, str) else value


def test_valid_content(toolkaart: Toolkaart, monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_beheer(None, monkeypatch)
    one_warning = t("beheer.validation.warnings", warnings=counted("warning", 1))
    assert [w.value for w in app.warning] == [one_warning]
    assert not app.error
    assert [c.value for c in app.text] == [
        f"{CONTENT / 'tools.yaml'}:49:5: {t('content.diag.no_address', id='begeleidingsethiek')}"
    ]
    text = text_of(app)
    meta = toolkaart.meta
    assert t("beheer.version.current", label=meta.label) in text
    assert "1.1.0" in meta.label and "6 december 2026" in meta.label
    assert meta.changelog[0].changes[0] in text  # the changelog
    # phase × actor and phase × tool, with text headers
    actors, tools = (table.records() for table in tables(app))
    assert len(actors) == 10 and len(tools) == 14
    actor, tool, count = (t(f"beheer.matrix.col.{name}") for name in ("actor", "tool", "count"))
    idee, verkenning = (f"{p.number}. {p.name}" for p in toolkaart.phases[:2])
    assert list(actors[0]) == [actor, *(f"{p.number}. {p.name}" for p in toolkaart.phases), count]
    zorgbestuurder = next(r for r in actors if r[actor] == toolkaart.actor("zorgbestuurder").name)
    assert zorgbestuurder[idee] == t("matrix.listed")
    assert zorgbestuurder[verkenning] == t("matrix.not_listed")
    unlinked = [r[tool] for r in tools if r[count] == "0"]
    assert len(unlinked) == 3
    for name in unlinked:  # tools on no phase are listed by name (in Markdown, as written)
        assert shown(literal(name)) in text
    assert f"{toolkaart.tool('begeleidingsethiek').name} (`begeleidingsethiek`)" in text
    none = t("beheer.missing.none")
    assert text.count(none) == 2  # no actor on no phase, no checklist item without a source


def test_content_with_warnings(content_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def drop_source(data: Any) -> None:
        del data["phases"][0]["checklist"][0]["source"]

    edit_yaml(content_copy / "phases.yaml", drop_source)
    app = open_beheer(content_copy, monkeypatch)

    two_warnings = t("beheer.validation.warnings", warnings=counted("warning", 2))
    assert [w.value for w in app.warning] == [two_warnings]
    (listing,) = [c.value for c in app.text]
    lines = listing.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{content_copy / 'phases.yaml'}:")
    assert lines[0].endswith(f": {t('content.diag.no_source', item='idee-zorgvraag')}")
    assert lines[1].startswith(f"{content_copy / 'tools.yaml'}:")
    idee = load_toolkaart(content_copy).phase("idee")
    assert f"{idee.name}: {idee.checklist[0].text[:40]}" in text_of(app)
    assert "(`idee-zorgvraag`)" in text_of(app)


def test_a_checklist_text_without_a_source_is_listed_as_written(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile = "Zie [hier](https://evil.example/login) ![b](http://host/beacon) :red[rood]"

    def drop_source(data: Any) -> None:
        item = data["phases"][0]["checklist"][0]
        del item["source"]
        item["text"] = hostile

    edit_yaml(content_copy / "phases.yaml", drop_source)
    app = open_beheer(content_copy, monkeypatch)
    [listing] = [m.value for m in app.markdown if "(`idee-zorgvraag`)" in m.value]
    assert literal(hostile) in listing  # escaped: no link, no image, no colour
    assert shown(literal(hostile)).replace(JOINER, "") == hostile  # and reads as written


def test_broken_content_says_what_is_wrong(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    replace_text(content_copy / "phases.yaml", "actors: [ontwikkelaar,", "actors: [ontwikkelaarr,")
    replace_text(content_copy / "tools.yaml", "number: 3\n", "number: drie\n")
    app = open_beheer(content_copy, monkeypatch)

    assert [e.value for e in app.error] == [
        t("beheer.validation.errors", errors=counted("error", 2), warnings=counted("warning", 0)),
        t("beheer.serving_none"),  # broken since this directory was first read
    ]
    (errors,) = (c.value for c in app.text)  # tools.yaml is invalid: no address warning
    assert errors.splitlines() == [
        f"{content_copy / 'phases.yaml'}:15:14: "
        + t("content.diag.unknown_id.actor", id="ontwikkelaarr"),
        f"{content_copy / 'tools.yaml'}:23:13: tools[2].number: " + t("content.value.int_type"),
    ]
    assert not tables(app)  # no matrices without valid content
    text = text_of(app)
    assert t("beheer.version.unknown") in text
    assert t("beheer.links.unavailable") in [i.value for i in app.info]


def test_reload_lists_what_changed_since_the_previous_load(
    toolkaart: Toolkaart, content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = open_beheer(content_copy, monkeypatch)
    assert tables(app)[0].rows

    phases, meta = content_copy / "phases.yaml", content_copy / "meta.yaml"
    stamps = {path: path.stat() for path in (phases, meta)}
    replace_text(phases, "name: Idee\n", "name: Ideefase\n")
    replace_text(meta, 'version: "1.1.0"', 'version: "1.2.0"')
    # Keep the old time stamps (as `cp -p` would): the cache key cannot see these edits; the
    # button must still load them.
    for path, stat in stamps.items():
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))

    reload(app)
    assert [s.value for s in app.success] == [
        t("beheer.reload.changed", added=0, removed=0, changed=2)
    ]
    change, kind, item, name, fields = (
        t(f"beheer.diff.col.{column}") for column in ("change", "kind", "id", "name", "fields")
    )
    [diff] = (table for table in tables(app) if table.name == t("beheer.diff.title"))
    assert diff.records() == [
        {
            change: t("beheer.diff.changed"),
            kind: t("beheer.kind.meta"),
            item: "meta",
            name: toolkaart.meta.title,
            fields: "version",
        },
        {
            change: t("beheer.diff.changed"),
            kind: t("beheer.kind.phase"),
            item: "idee",
            name: "Ideefase",
            fields: "name",
        },
    ]
    matrix = next(table for table in tables(app) if table.name == t("beheer.matrix.actors"))
    assert "1. Ideefase" in matrix.columns  # the matrices show the reloaded content

    reload(app)  # nothing changed since this reload
    assert [i.value for i in app.info] == [t("beheer.reload.unchanged")]


def test_reload_after_breaking_and_repairing(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = open_beheer(content_copy, monkeypatch)
    tools = content_copy / "tools.yaml"
    good = tools.read_text(encoding="utf-8")

    tools.write_text(good.replace("number: 3\n", "number: drie\n", 1), encoding="utf-8")
    reload(app)
    assert app.warning[0].value == t("beheer.reload.now_broken")
    assert app.error and "tools.yaml:23:13: tools[2].number" in app.text[0].value

    tools.write_text(good, encoding="utf-8")
    reload(app)
    assert app.warning[0].value == t("beheer.reload.was_broken")
    assert not app.error


def test_a_valid_edit_that_removes_a_phase_waits_for_staff_to_confirm(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_CONTENT_DIR, str(content_copy))
    assert links(open_page("app_pages/home.py"))  # the content is served: its phases listed
    drop_last_phase(content_copy)

    team = open_page("app_pages/fase.py", {"fase": "productie"})  # still there for the team
    assert team.title[0].value.endswith("Productie")
    beheer = open_page("app_pages/beheer.py")
    assert t("beheer.held_back", parts=counted("part", 1)) in [w.value for w in beheer.warning]
    beheer.button(key="beheer.confirm_removal").click().run()
    assert t("beheer.held_back.done") in [s.value for s in beheer.success]
    home = open_page("app_pages/home.py")
    route = [bar.proto.text for bar in home.get("progress")]
    assert route == [t("home.progress", passed=0, total=6, current="Idee")]


def test_a_removal_confirmed_on_another_replica_is_served_here_too(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Two replicas read the same files and hold the same change back; staff confirm it on the
    one that drew their Beheer page. This one's watcher finds the confirmation in the database
    (it asks every ``CONFIRMATION_POLL`` seconds while the change is held back) and serves it;
    the pages never waited for the question."""
    monkeypatch.setattr(content_cache, "CONFIRMATION_POLL", 0.05)
    monkeypatch.setenv(ENV_CONTENT_DIR, str(content_copy))
    assert links(open_page("app_pages/home.py"))  # the content is served: its phases listed
    drop_last_phase(content_copy)
    team = open_page("app_pages/fase.py", {"fase": "productie"})  # held back: still there
    assert team.title[0].value.endswith("Productie")
    held = content_cache.loaded_content().held_back
    assert held is not None
    time.sleep(0.3)  # the watcher asked a few times: nothing confirmed yet
    assert content_cache.loaded_content().held_back is held

    elsewhere = Store(settings().database_url, acting=LOCAL)  # the other replica's Beheer
    try:
        with caplog.at_level(logging.INFO, logger="toolkaart.events"):
            elsewhere.confirm_content(content_digest(held.toolkaart))
            deadline = time.monotonic() + 10
            while content_cache.loaded_content().held_back is not None:
                assert time.monotonic() < deadline, "the confirmation was not picked up"
                time.sleep(0.05)
    finally:
        elsewhere.close()
    home = open_page("app_pages/home.py")
    route = [bar.proto.text for bar in home.get("progress")]
    assert route == [t("home.progress", passed=0, total=6, current="Idee")]
    assert [r.getMessage() for r in caplog.records if "content.confirmed" in r.getMessage()] == [
        "content.confirmed count=1"
    ]


def test_a_confirmation_of_files_that_changed_meanwhile_confirms_nothing(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Staff look at what would be removed, someone edits the files again, staff press the
    button: what they looked at is no longer what is held back, so nothing is confirmed (not
    here, not for the other replicas) and the page says so."""
    monkeypatch.setenv(ENV_CONTENT_DIR, str(content_copy))
    assert links(open_page("app_pages/home.py"))  # the content is served: its phases listed
    drop_last_phase(content_copy)
    beheer = open_page("app_pages/beheer.py")
    assert t("beheer.held_back", parts=counted("part", 1)) in [w.value for w in beheer.warning]
    phases = content_copy / "phases.yaml"  # then a phase more is dropped, and someone opens
    text = phases.read_text(encoding="utf-8")  # a page, so that this process holds that back
    phases.write_text(text[: text.index("  - id: implementatie")], encoding="utf-8")
    replace_text(content_copy / "meta.yaml", ", implementatie]", "]")
    open_page("app_pages/home.py")
    beheer.button(key="beheer.confirm_removal").click().run()
    assert t("beheer.held_back.changed") in [w.value for w in beheer.warning]
    assert t("beheer.held_back.done") not in [s.value for s in beheer.success]
    store = Store(settings().database_url, acting=LOCAL)
    try:
        with store.read() as connection:
            assert connection.execute(sa.select(content_confirmations)).all() == []
    finally:
        store.close()
    team = open_page("app_pages/fase.py", {"fase": "productie"})  # still held back
    assert team.title[0].value.endswith("Productie")
    assert t("beheer.held_back", parts=counted("part", 2)) in [w.value for w in beheer.warning]
