"""Synthetic content at k times the size of a real content set, for measuring how loading scales.

Each copy of the source content gets ids suffixed with its copy number and numbers shifted so the
result is valid content of exactly k times as many phases, actors, tools and checklist items, with
the same shape (every copy's phases link to that copy's actors and tools).

``synthetic_portfolio`` makes projects with random, valid decision logs, for measuring the board's
views of many projects (``benchmarks/flow_bench.py``).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import yaml

from toolkaart.content.models import Toolkaart
from toolkaart.route.gates import Answer, Assessment, GateState
from toolkaart.route.project import Project


def _suffix(identifier: str, copy: int) -> str:
    return identifier if copy == 0 else f"{identifier}-k{copy}"


def synthetic_data(source: Toolkaart, factor: int) -> dict[str, dict[str, Any]]:
    """File name → data of a content set ``factor`` times the size of ``source``."""
    phases: list[dict[str, Any]] = []
    actors: list[dict[str, Any]] = []
    tools: list[dict[str, Any]] = []
    for copy in range(factor):
        for phase in source.phases:
            data = phase.model_dump(mode="json")
            data["id"] = _suffix(phase.id, copy)
            data["number"] = len(phases) + 1
            data["tools"] = [_suffix(t, copy) for t in phase.tools]
            data["actors"] = [_suffix(a, copy) for a in phase.actors]
            for item in data["checklist"]:
                item["id"] = _suffix(item["id"], copy)
                item["tools"] = [_suffix(t, copy) for t in item["tools"]]
                item["actors"] = [_suffix(a, copy) for a in item["actors"]]
            phases.append(data)
        for actor in source.actors:
            data = actor.model_dump(mode="json")
            data["id"], data["number"] = _suffix(actor.id, copy), len(actors) + 1
            actors.append(data)
        for tool in source.tools:
            data = tool.model_dump(mode="json", exclude_none=True)
            data["id"], data["number"] = _suffix(tool.id, copy), len(tools) + 1
            tools.append(data)
    return {
        "meta.yaml": {**source.meta.model_dump(mode="json"), "route": [p["id"] for p in phases]},
        "phases.yaml": {"phases": phases},
        "actors.yaml": {"actors": actors},
        "tools.yaml": {"tools": tools},
    }


def write_synthetic(source: Toolkaart, factor: int, directory: Path) -> int:
    """Write the content set into ``directory``; returns the number of content items in it."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, data in synthetic_data(source, factor).items():
        text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
        (directory / name).write_text(text, encoding="utf-8")
    return factor * content_items(source)


def content_items(toolkaart: Toolkaart) -> int:
    """Phases, actors, tools and checklist items: what 'size' counts."""
    checklist = sum(len(p.checklist) for p in toolkaart.phases)
    return len(toolkaart.phases) + len(toolkaart.actors) + len(toolkaart.tools) + checklist


def synthetic_portfolio(
    toolkaart: Toolkaart, count: int, *, today: dt.date, seed: int = 0
) -> list[Project]:
    """``count`` projects with random but valid walks (every decision through the gate rules),
    created over the two years before ``today``: mostly *ja* on the current gate, sometimes *nog
    niet* or *nee* there, now and then going back to an earlier gate; 1 to 120 days apart."""
    chance = random.Random(seed)
    last = len(toolkaart.phases) - 1
    projects: list[Project] = []
    for number in range(count):
        created = today - dt.timedelta(days=chance.randint(30, 730))
        walk = Assessment()
        day = created
        for _ in range(chance.randint(0, 3 * len(toolkaart.phases))):
            day += dt.timedelta(days=chance.randint(1, 120))
            if day > today:
                break
            status = walk.status(toolkaart)
            passed = [p.phase_id for p in status.phases if p.state is GateState.PASSED]
            roll = chance.random()
            if passed and roll < 0.07:  # going back
                phase_id, answer = (
                    chance.choice(passed),
                    chance.choice([Answer.NOG_NIET, Answer.NEE]),
                )
            elif status.completed:
                phase_id, answer = toolkaart.phases[last].id, Answer.JA  # a review
            else:
                phase_id = status.current_phase_id
                answer = Answer.JA if roll < 0.75 else chance.choice([Answer.NOG_NIET, Answer.NEE])
            review = answer is Answer.JA and phase_id == toolkaart.phases[last].id
            walk = walk.decide(
                toolkaart,
                phase_id,
                answer,
                rationale=f"besluit {len(walk.decisions) + 1}",
                decided_on=day,
                accept_open_items=True,
                next_review=day + dt.timedelta(days=365) if review else None,
            )
        moment = dt.datetime(created.year, created.month, created.day, 9, tzinfo=dt.UTC)
        projects.append(
            Project(
                id=f"synthetisch-{number:04d}",
                name=f"Synthetisch project {number + 1}",
                organisation=f"Ziekenhuis {number % 5 + 1}",
                assessment=walk,
                created_at=moment,
                updated_at=moment,
            )
        )
    return projects
