"""Every rule about a decision lives in the domain: dates, lengths, characters, reviews, open items.

And what the domain accepts, the store keeps and the exchange file carries back unchanged: a
project the app could make is never refused by its own import.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import TODAY
from toolkaart.access.permissions import LOCAL
from toolkaart.content.models import Toolkaart
from toolkaart.documents.project_exchange import export_json, read_project
from toolkaart.errors import GateError, TextError
from toolkaart.i18n.catalog import t
from toolkaart.i18n.dates import LOCAL_ZONE
from toolkaart.route.gates import MAX_DECIDED_BY, MAX_RATIONALE, Answer, Assessment, GateState
from toolkaart.route.project import make_project
from toolkaart.store.project_store import Store


def test_a_decision_dated_after_today_is_refused(toolkaart: Toolkaart) -> None:
    with pytest.raises(GateError) as refused:
        Assessment().decide(toolkaart, "idee", Answer.NEE, decided_on=TODAY + dt.timedelta(days=1))
    assert refused.value.code == "future_date"
    assert Assessment().decide(toolkaart, "idee", Answer.NEE, decided_on=TODAY).decisions


def test_texts_are_held_to_the_limits_the_forms_show(toolkaart: Toolkaart) -> None:
    walk = Assessment()
    walk.decide(toolkaart, "idee", Answer.NEE, rationale="x" * MAX_RATIONALE)
    with pytest.raises(TextError) as long_rationale:
        walk.decide(toolkaart, "idee", Answer.NEE, rationale="x" * (MAX_RATIONALE + 1))
    assert long_rationale.value.params["field"] == t("gate.field.rationale")
    with pytest.raises(TextError) as long_name:
        walk.decide(toolkaart, "idee", Answer.NEE, decided_by="x" * (MAX_DECIDED_BY + 1))
    assert long_name.value.params["field"] == t("gate.field.decided_by")


def test_line_breaks_are_kept_as_the_field_allows_and_stray_characters_refused(
    toolkaart: Toolkaart,
) -> None:
    decided = Assessment().decide(
        toolkaart,
        "idee",
        Answer.NEE,
        rationale=" Eerst\r\nde partners\vdan de rest ",
        decided_by="Raad\nvan  Bestuur",
    )
    (decision,) = decided.decisions
    assert decision.rationale == "Eerst\nde partners\ndan de rest"
    assert decision.decided_by == "Raad van Bestuur"
    for stray in ("\x00", "\ufffe", "\x1b"):
        with pytest.raises(TextError, match="stuurteken"):
            Assessment().decide(toolkaart, "idee", Answer.NEE, rationale=f"ok{stray}")


_TEXT = st.text(st.characters(codec="utf-8"), max_size=60)  # stray characters too: refused
_NAME = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1, max_size=40
).filter(str.strip)


@st.composite
def walks(draw: st.DrawFn, toolkaart: Toolkaart, since: dt.date) -> Assessment:
    """A walk the domain accepts: ticks and decisions in random order, anything refused skipped;
    dated from the project's creation on (the import refuses a decision before it)."""
    walk = Assessment()
    day = since
    for _ in range(draw(st.integers(0, 12))):
        status = walk.status(toolkaart)
        open_phases = [p for p in toolkaart.phases if status.state(p.id) is not GateState.LOCKED]
        phase = draw(st.sampled_from(open_phases))
        if draw(st.booleans()):
            items = [i.id for i in phase.checklist]
            walk = walk.with_checked(toolkaart, phase.id, draw(st.sets(st.sampled_from(items))))
            continue
        day = min(TODAY, day + dt.timedelta(days=draw(st.integers(0, 90))))
        answer = draw(st.sampled_from(list(Answer)))
        review = day + dt.timedelta(days=draw(st.integers(1, 400)))
        try:
            walk = walk.decide(
                toolkaart,
                phase.id,
                answer,
                rationale=draw(_TEXT),
                decided_by=draw(_TEXT),
                decided_on=day,
                accept_open_items=draw(st.booleans()),
                next_review=review if phase.id == toolkaart.phases[-1].id else None,
            )
        except (GateError, TextError):
            continue
    return walk


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path: Path = tmp_path_factory.mktemp("roundtrip") / "store.sqlite3"
    return Store(f"sqlite:///{path}", acting=LOCAL)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), name=_NAME, description=_TEXT)
def test_every_project_the_domain_accepts_is_saved_exported_and_imported_equal(
    data: st.DataObject, name: str, description: str, toolkaart: Toolkaart, store: Store
) -> None:
    try:
        project = make_project(name, description=description)
    except (TextError, ValueError):
        return  # refused by the domain (no name, a stray character): nothing to carry
    since = project.created_at.astimezone(LOCAL_ZONE).date()
    walk = data.draw(walks(toolkaart, since))
    saved = store.save(store.insert(project).with_assessment(walk))
    again = read_project(export_json(store.get(saved.id), toolkaart), toolkaart)
    assert again.assessment == saved.assessment
    assert (again.name, again.description) == (saved.name, saved.description)
    assert again.created_at == saved.created_at
