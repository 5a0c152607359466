"""Records (evidence, people, notes) holding one text everywhere, for the documents' text tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from toolkaart.content.models import Toolkaart
from toolkaart.route.records import Evidence, Person, PhaseNote


def records(value: str, toolkaart: Toolkaart) -> dict[str, Any]:
    """``Project`` fields with ``value`` in every text, made directly (not through the text rule,
    as data stored before it): people in every role, evidence on an item of the first and the
    third phase, a note in the first."""
    moment = dt.datetime(2027, 1, 2, 9, 0, tzinfo=dt.UTC)
    items = [(p, toolkaart.phase(p).checklist[0].id) for p in ("idee", "ontwikkeling")]
    return {
        "people": tuple(Person(actor.id, value, value, value) for actor in toolkaart.actors),
        "evidence": tuple(
            Evidence(phase, item, value, value, value, moment) for phase, item in items
        ),
        "notes": (PhaseNote("idee", value, value, moment),),
    }
