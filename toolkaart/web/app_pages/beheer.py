"""Beheer: the content's state for programme staff: valid or not, what it links, what is missing.

"Wijzigingen en projecten" counts, per change from an earlier content version to the served one,
the projects whose last decision was made with that earlier version (``Store.change_reach``).

This page uses ``loaded_content()``, not ``require_content()``: it must work, and say what is
wrong at which ``file:line``, precisely when the files are broken (while the other pages keep
serving the previous valid content, which this page names).

The previous load that "Inhoud opnieuw laden" compares against is kept per session
(``st.session_state``), not per process. The process cache already reloads the content by itself
as soon as any session reruns after a file's time stamp changed, so a per-process "previous load"
would usually be the new content already by the time someone presses the button, and one person's
reload would reset another's comparison. Per session, the comparison answers the question the
person asks: what changed since *I* last loaded it (on first opening this page, or with the
button)? The baseline is the frozen Toolkaart itself, shared with the cache while it is current.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from toolkaart.access.permissions import Permission
from toolkaart.content.diagnostics import Diagnostic
from toolkaart.content.diff import ContentDiff, diff_toolkaarts
from toolkaart.content.health import content_health
from toolkaart.content.models import Toolkaart
from toolkaart.errors import StoreError
from toolkaart.i18n.catalog import counted, t
from toolkaart.i18n.dates import date_label, local_time_label
from toolkaart.route.content_changes import outline
from toolkaart.settings import settings
from toolkaart.web import project_session
from toolkaart.web.content_cache import (
    confirm_held_back,
    digest_of,
    loaded_content,
    reload_content,
)
from toolkaart.web.feedback import answer_at, tell
from toolkaart.web.html_tables import plain_table
from toolkaart.web.identity import require
from toolkaart.web.literal import content_literal, literal
from toolkaart.web.matrix_tables import link_count_table
from toolkaart.web.reconnect import missed_click

BASELINE = "beheer.baseline"  # Toolkaart | None: the content as this session last loaded it
REPORT = "beheer.reload_report"  # what the last press of the button found
CONFIRM = "beheer.confirm_removal"  # the button that confirms a held-back removal, and its answer

MAX_NAME = 90


def _short(text: str) -> str:
    """A name or checklist text in a table cell: a long one cut at ``MAX_NAME`` characters."""
    return text if len(text) <= MAX_NAME else text[: MAX_NAME - 1].rstrip() + "…"


def _reload_report(previous: Toolkaart | None, current: Toolkaart | None) -> ContentDiff | str:
    if previous is not None and current is not None:
        return diff_toolkaarts(previous, current)
    if current is None:
        return "beheer.reload.still_broken" if previous is None else "beheer.reload.now_broken"
    return "beheer.reload.was_broken"


def _show_report(report: ContentDiff | str) -> None:
    if isinstance(report, str):
        st.warning(t(report))
        return
    if report.is_empty:
        st.info(t("beheer.reload.unchanged"))
        return
    st.success(
        t(
            "beheer.reload.changed",
            added=len(report.added),
            removed=len(report.removed),
            changed=len(report.changed),
        )
    )
    rows = [(t("beheer.diff.added"), ref, "") for ref in report.added] + [
        (t("beheer.diff.removed"), ref, "") for ref in report.removed
    ]
    rows += [(t("beheer.diff.changed"), c.item, ", ".join(c.fields)) for c in report.changed]
    plain_table(
        t("beheer.diff.title"),
        [t(f"beheer.diff.col.{column}") for column in ("change", "kind", "id", "name", "fields")],
        [
            [change, t(f"beheer.kind.{ref.kind}"), ref.id, _short(ref.name), fields]
            for change, ref, fields in rows
        ],
    )


def _show_diagnostics(label: str, diagnostics: Sequence[Diagnostic]) -> None:
    if diagnostics:
        st.markdown(f"**{label}**")
        # plain text, line by line: st.code would load a 1.5 MB syntax highlighter to show it
        st.text("\n".join(d.located for d in diagnostics))


def _show_list(title: str, lines: Sequence[str]) -> None:
    st.markdown(f"**{title}**")
    st.markdown("\n".join(f"- {line}" for line in lines) if lines else t("beheer.missing.none"))


def _show_reach(serving: Toolkaart) -> None:
    """Per content change since an earlier version, how many projects it touches (counts only,
    across organisations: ``Store.change_reach`` checks that the person edits content)."""
    now = outline(serving)
    store = project_session.store()
    recorded = store.outline(now.version)
    if recorded is not None and recorded != now:  # staff changed the content, not its version
        st.warning(t("beheer.reach.same_version", version=literal(now.version)))
    reach = store.change_reach(now)
    st.caption(t("beheer.reach.intro", version=literal(now.version), current=reach.current))
    if reach.unknown:
        st.markdown(
            "\n".join(
                "- "
                + t(
                    "beheer.reach.unknown",
                    version=literal(version) if version else t("beheer.reach.no_version"),
                    count=count,
                )
                for version, count in reach.unknown
            )
        )
    if not reach.changes:
        st.markdown(t("beheer.reach.none"))
        return
    st.markdown(
        t(
            "beheer.reach.versions",
            versions=", ".join(
                t("beheer.reach.version", version=literal(version), count=count)
                for version, count in reach.versions
            ),
        )
    )
    plain_table(
        t("beheer.reach.title"),
        [
            t(f"beheer.reach.col.{column}")
            for column in ("phase", "change", "name", "was", "projects")
        ],
        [
            [
                _short(change.phase_name),
                t(f"beheer.reach.kind.{change.kind.value}"),
                _short(change.name),
                _short(change.old_name),
                count,
            ]
            for change, count in reach.changes
        ],
    )


def _confirm(digest: str) -> None:
    """Confirm the held-back content the person was shown (``digest``), or nothing when the
    files changed since they looked (``confirm_held_back``)."""
    try:
        done = confirm_held_back(digest, project_session.store())
    except StoreError as refused:  # the database failed, or the role is gone: nothing confirmed
        tell(CONFIRM, "error", str(refused))
        return
    if done:
        tell(CONFIRM, "success", t("beheer.held_back.done"))
    else:
        tell(CONFIRM, "warning", t("beheer.held_back.changed"))


require(Permission.EDIT_CONTENT)  # redactie only: a reload changes what everyone is shown
st.title(t("beheer.title"), anchor=False)
st.caption(t("beheer.intro", directory=settings().content_dir))

if st.button(t("beheer.reload.button"), help=t("beheer.reload.help"), key="beheer.reload"):
    previous = st.session_state.get(BASELINE)
    loaded = reload_content()
    st.session_state[REPORT] = _reload_report(previous, loaded.on_disk.toolkaart)
    st.session_state[BASELINE] = loaded.on_disk.toolkaart
else:
    loaded = loaded_content()
    if BASELINE not in st.session_state:
        st.session_state[BASELINE] = loaded.on_disk.toolkaart
if REPORT in st.session_state:
    _show_report(st.session_state[REPORT])

graph = loaded.on_disk_graph
health = content_health(loaded.on_disk, graph)

st.header(t("beheer.validation.title"), anchor=False)
if health.errors:
    st.error(
        t(
            "beheer.validation.errors",
            errors=counted("error", len(health.errors)),
            warnings=counted("warning", len(health.warnings)),
        )
    )
elif health.warnings:
    st.warning(t("beheer.validation.warnings", warnings=counted("warning", len(health.warnings))))
else:
    st.success(t("beheer.validation.ok"))
answer_at(CONFIRM)  # after a confirmation nothing is held back: the answer shows all the same
if loaded.held_back is not None:
    st.warning(t("beheer.held_back", parts=counted("part", len(loaded.removals))))
    st.markdown(
        "\n".join(
            f"- {t(f'beheer.kind.{ref.kind}')} {literal(ref.name)} (`{ref.id}`)"
            for ref in loaded.removals
        )
    )
    pressed = st.button(
        t("beheer.held_back.confirm"),
        key=CONFIRM,
        type="primary",
        on_click=_confirm,
        args=(digest_of(loaded.held_back),),  # what this person is shown, not what comes later
    )
    missed_click(pressed, CONFIRM)
elif loaded.serving is None:
    st.error(t("beheer.serving_none"))
elif loaded.serves_previous:
    st.warning(
        t(
            "beheer.serving_previous",
            label=content_literal(loaded.serving.toolkaart.meta.label),
            loaded=local_time_label(loaded.serving.loaded_at),
        )
    )
_show_diagnostics(t("beheer.validation.error_list"), health.errors)
_show_diagnostics(t("beheer.validation.warning_list"), health.warnings)

st.header(t("beheer.version.title"), anchor=False)
if health.toolkaart is None:
    st.markdown(t("beheer.version.unknown"))
else:
    meta = health.toolkaart.meta
    st.markdown(t("beheer.version.current", label=content_literal(meta.label)))
    if not meta.changelog:
        st.markdown(t("beheer.changelog.empty"))
    for entry in meta.changelog:
        st.markdown(
            f"**{content_literal(entry.version)}** ({date_label(entry.date)})\n\n"
            + "\n".join(f"- {content_literal(change)}" for change in entry.changes)
        )

st.header(t("beheer.reach.title"), anchor=False)
if loaded.serving is None:
    st.info(t("beheer.reach.unavailable"))
else:
    _show_reach(loaded.serving.toolkaart)

st.header(t("beheer.links.title"), anchor=False)
if graph is None:
    st.info(t("beheer.links.unavailable"))
else:
    st.subheader(t("beheer.matrix.actors"), anchor=False)
    link_count_table(graph, "actor", t("beheer.matrix.col.actor"))
    st.caption(t("beheer.matrix.caption"))
    st.subheader(t("beheer.matrix.tools"), anchor=False)
    link_count_table(graph, "tool", t("beheer.matrix.col.tool"))
    st.caption(t("beheer.matrix.caption"))
    st.header(t("beheer.missing.title"), anchor=False)
    _show_list(
        t("beheer.missing.unlinked_tools"),
        [f"{literal(tool.name)} (`{tool.id}`)" for tool in health.unlinked_tools],
    )
    _show_list(
        t("beheer.missing.unlinked_actors"),
        [f"{literal(actor.name)} (`{actor.id}`)" for actor in health.unlinked_actors],
    )
    _show_list(
        t("beheer.missing.no_address"),
        [f"{literal(tool.name)} (`{tool.id}`)" for tool in health.tools_without_address],
    )
    _show_list(
        t("beheer.missing.no_source"),
        [
            f"{literal(phase.name)}: {literal(_short(item.text))} (`{item.id}`)"
            for phase, item in health.checklist_without_source
        ],
    )
