"""A project on the route: who it is, and its walk (an Assessment) through the gates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from toolkaart.gates import Assessment, RouteStatus
from toolkaart.models import Toolkaart


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Project:
    """A project team's AI application and its walk along the route.

    ``version`` counts saves: the store refuses to save over a newer version than the one read.
    ``updated_at`` is the time of the last change to the project or its walk.
    """

    id: str
    name: str
    organisation: str = ""
    description: str = ""
    contact: str = ""
    assessment: Assessment = field(default_factory=Assessment)
    archived: bool = False
    version: int = 0
    created_at: dt.datetime = field(default_factory=_now)
    updated_at: dt.datetime = field(default_factory=_now)

    def status(self, toolkaart: Toolkaart) -> RouteStatus:
        return self.assessment.status(toolkaart)

    def with_assessment(self, assessment: Assessment) -> Project:
        return replace(self, assessment=assessment)
