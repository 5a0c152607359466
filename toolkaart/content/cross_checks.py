"""Pass 3 of loading: what links the content files, checked across them.

Ids unique and numbered in file order, every referenced tool and actor defined, checklist items
naming only their phase's tools and actors, and the phases defined being exactly the route that
meta.yaml declares. Each problem is reported at its place (``ContentFile``), all at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from toolkaart.content.diagnostics import ContentFile
from toolkaart.content.models import Actor, Phase, Tool
from toolkaart.content.yamlsource import Position
from toolkaart.i18n.catalog import t


def check_sequence(
    file: ContentFile, key: str, kind: str, items: Sequence[Phase | Actor | Tool]
) -> None:
    """Ids unique, numbers 1, 2, 3 … in file order."""
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if item.id in seen:
            first = file.at((key, seen[item.id], "id"))
            file.report(
                "error",
                file.at((key, index, "id")),
                t(f"content.diag.duplicate_id.{kind}", id=item.id, line=first.line),
            )
        else:
            seen[item.id] = index
        if item.number != index + 1:
            file.report(
                "error",
                file.at((key, index, "number")),
                t(
                    f"content.diag.number.{kind}",
                    id=item.id,
                    number=item.number,
                    position=index + 1,
                ),
            )


def _check_references(
    file: ContentFile,
    loc: tuple[str | int, ...],
    kind: str,
    references: Iterable[str],
    known: set[str] | None,
) -> None:
    seen: set[str] = set()
    for index, ref in enumerate(references):
        if ref in seen:
            file.report(
                "error", file.at((*loc, index)), t(f"content.diag.listed_twice.{kind}", id=ref)
            )
        seen.add(ref)
        if known is not None and ref not in known:
            file.report(
                "error", file.at((*loc, index)), t(f"content.diag.unknown_id.{kind}", id=ref)
            )


def check_phases(
    file: ContentFile,
    phases: Sequence[Phase],
    actor_ids: set[str] | None,
    tool_ids: set[str] | None,
) -> None:
    check_sequence(file, "phases", "phase", phases)
    item_first: dict[str, Position] = {}
    for p_index, phase in enumerate(phases):
        _check_references(file, ("phases", p_index, "tools"), "tool", phase.tools, tool_ids)
        _check_references(file, ("phases", p_index, "actors"), "actor", phase.actors, actor_ids)
        for i_index, item in enumerate(phase.checklist):
            loc: tuple[str | int, ...] = ("phases", p_index, "checklist", i_index)
            here = file.at((*loc, "id"))
            if item.id in item_first:
                file.report(
                    "error",
                    here,
                    t("content.diag.duplicate_item_id", id=item.id, line=item_first[item.id].line),
                )
            else:
                item_first[item.id] = here
            _check_references(file, (*loc, "tools"), "tool", item.tools, tool_ids)
            _check_references(file, (*loc, "actors"), "actor", item.actors, actor_ids)
            for kind, refs, listed in (
                ("tool", item.tools, phase.tools),
                ("actor", item.actors, phase.actors),
            ):
                for ref in set(refs) - set(listed):
                    file.report(
                        "warning",
                        file.at(loc),
                        t(
                            f"content.diag.not_on_phase.{kind}",
                            item=item.id,
                            id=ref,
                            phase=phase.id,
                        ),
                    )
            if item.source is None:
                file.report("warning", file.at(loc), t("content.diag.no_source", item=item.id))


def check_route(
    meta_file: ContentFile, phases_file: ContentFile, route: Sequence[str], phases: Sequence[Phase]
) -> None:
    """The phases defined are the route declared in meta.yaml, in its order: a phases.yaml cut
    short (a half-saved file validates otherwise) or a phase deleted by mistake is an error."""
    defined = [phase.id for phase in phases]
    for index, phase_id in enumerate(route):
        if phase_id not in defined:
            meta_file.report(
                "error",
                meta_file.at(("route", index)),
                t("content.diag.route_undefined", id=phase_id),
            )
    for index, phase_id in enumerate(defined):
        if phase_id not in route:
            phases_file.report(
                "error",
                phases_file.at(("phases", index, "id")),
                t("content.diag.route_unlisted", id=phase_id),
            )
    listed = [phase_id for phase_id in defined if phase_id in route]
    declared = [phase_id for phase_id in route if phase_id in defined]
    if listed != declared:
        index = next(i for i, (a, b) in enumerate(zip(listed, declared, strict=True)) if a != b)
        phases_file.report(
            "error",
            phases_file.at(("phases", defined.index(listed[index]), "id")),
            t("content.diag.route_order", id=listed[index], expected=declared[index]),
        )
