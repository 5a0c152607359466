"""Tables as plain tables: text a screen reader reads cell by cell, with its row and column
headers, not a chart (``html_tables.table_html``).

Each table is built once per loaded content (``once_per_content``): its HTML only changes when
the content does.
"""

from __future__ import annotations

from typing import Literal

import streamlit as st

from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.health import link_table
from toolkaart.content.models import Actor, Tool
from toolkaart.i18n.catalog import t
from toolkaart.web.content_cache import once_per_content
from toolkaart.web.html_tables import table_html

#: The heading over each matrix, which names its table too; the header of its first column.
_TITLE = {"actor": "actors.matrix.title", "tool": "tools.matrix.title"}
_ITEM = {"actor": "beheer.matrix.col.actor", "tool": "beheer.matrix.col.tool"}


def matrix_table(graph: ToolkaartGraph, kind: Literal["actor", "tool"]) -> None:
    """Actors or tools (rows) × phases (columns): listed or not, in words, with a caption."""
    listed, not_listed = t("matrix.listed"), t("matrix.not_listed")

    def build() -> str:
        table = link_table(graph, kind)
        return table_html(
            t(_TITLE[kind]),
            [t(_ITEM[kind]), *(f"{phase.number}. {phase.name}" for phase in table.phases)],
            [
                [_row_label(item), *(listed if mark else not_listed for mark in marks)]
                for item, marks in table.rows
            ],
            row_headers=True,
        )

    key = ("matrix_table", kind, listed, not_listed, t(_TITLE[kind]), t(_ITEM[kind]))
    st.html(once_per_content(graph, key, build))
    st.caption(t("matrix.caption"))


def _row_label(item: Actor | Tool) -> str:
    return f"{item.number}. {item.name}" if isinstance(item, Tool) else item.name


def link_count_table(graph: ToolkaartGraph, kind: Literal["actor", "tool"], name: str) -> None:
    """For staff: per actor or tool (column ``name``), a ✓ per phase listing it, and the count."""
    count = t("beheer.matrix.col.count")
    title = t(f"beheer.matrix.{kind}s")

    def build() -> str:
        table = link_table(graph, kind)
        return table_html(
            title,
            [name, *(f"{phase.number}. {phase.name}" for phase in table.phases), count],
            [
                [item.name, *("✓" if listed else "" for listed in marks), sum(marks)]
                for item, marks in table.rows
            ],
            row_headers=True,
        )

    st.html(once_per_content(graph, ("link_count_table", kind, name, count, title), build))
