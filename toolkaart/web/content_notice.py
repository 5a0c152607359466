"""What changed in the content since the open project's last decision, on the Zelfscan and the
phase page: a notice with the changes per phase, and in the checklist the new items marked and
the ticked items the content no longer has shown read-only (``route.content_changes``).

Only text: no control is added (a keyboard walk from the checklist to the gate stays short), and
every content text goes through ``literal``.
"""

from __future__ import annotations

import streamlit as st

from toolkaart.content.models import Phase, Toolkaart
from toolkaart.i18n.catalog import t
from toolkaart.route.content_changes import Lookback, by_phase, describe, headline, retired_ticks
from toolkaart.route.gates import Assessment
from toolkaart.web.literal import literal
from toolkaart.web.project_session import open_project, open_project_id, store


def open_lookback(toolkaart: Toolkaart) -> Lookback:
    """The open project's changes since its last decision (nothing without a project open); no
    database read while it rests on the serving content (``Store.lookback``)."""
    project = open_project() if open_project_id() is not None else None
    if project is None:
        return Lookback()
    return store().lookback(project, toolkaart)


def notice(looking_back: Lookback, decided: bool, phase: Phase | None = None) -> None:
    """The notice: from which version to which, then the changes per phase (only ``phase``'s on
    the phase page); said honestly when the earlier version's outline is not known."""
    changes = looking_back.changes
    if changes is None:
        return
    lines = [f"**{headline(changes, decided, literal)}**", ""]
    if changes.changes is None:
        lines.append(t("changes.unknown", since=literal(changes.since)))
    elif not changes.changes:
        lines.append(t("changes.none"))
    elif phase is not None:
        here = changes.in_phase(phase.id)
        lines += [f"- {describe(change, changes, literal)}" for change in here]
        if not here:
            lines.append(t("changes.none_here"))
    else:
        for phase_name, group in by_phase(changes):
            lines.append(f"- {t('changes.phase', phase=literal(phase_name))}")
            lines += [f"    - {describe(change, changes, literal)}" for change in group]
    lines += ["", t("changes.after")]
    st.warning("\n".join(lines), icon=":material/update:")


def item_label(looking_back: Lookback, phase: Phase, item_id: str, text: str) -> str:
    """A checklist item's label: marked "nieuw" when added since the last decision."""
    changes = looking_back.changes
    if changes is not None and item_id in changes.new_items(phase.id):
        return t("changes.item.new", text=text)
    return text


def retired(looking_back: Lookback, toolkaart: Toolkaart, walk: Assessment, phase: Phase) -> None:
    """The phase's ticked items the content no longer has, as read-only text under the list."""
    for item_id in retired_ticks(walk, toolkaart, phase.id):
        name = literal(looking_back.name(phase.id, item_id))
        st.caption(t("changes.item.retired", text=name))
