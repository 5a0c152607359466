"""Tables as plain tables: text a screen reader reads cell by cell, not a chart.

Each table is built once per loaded content, as the Arrow table ``st.table`` sends: handed a
DataFrame or a list of rows, ``st.table`` builds a DataFrame and converts it to Arrow on every
rerun. ``hide_index`` is always given, because without it ``st.table`` converts an Arrow table
back to a DataFrame to decide whether the index is worth showing.
"""

from __future__ import annotations

from typing import Literal

import pandas as pd
import pyarrow as pa
import streamlit as st

from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.health import link_table
from toolkaart.content.models import Actor, Tool
from toolkaart.i18n.catalog import t
from toolkaart.web.content_cache import once_per_content
from toolkaart.web.literal import literal


def matrix_table(graph: ToolkaartGraph, kind: Literal["actor", "tool"]) -> None:
    """Actors or tools (rows) × phases (columns): listed or not, in words, with a caption."""
    listed, not_listed = t("matrix.listed"), t("matrix.not_listed")

    def build() -> pa.Table:
        table = link_table(graph, kind)
        frame = pd.DataFrame(
            [[listed if mark else not_listed for mark in marks] for _, marks in table.rows],
            index=[literal(_row_label(item)) for item, _ in table.rows],
            columns=[literal(f"{phase.number}. {phase.name}") for phase in table.phases],
        )
        return pa.Table.from_pandas(frame)

    key = ("matrix_table", kind, listed, not_listed)
    st.table(once_per_content(graph, key, build), hide_index=False)
    st.caption(t("matrix.caption"))


def _row_label(item: Actor | Tool) -> str:
    return f"{item.number}. {item.name}" if isinstance(item, Tool) else item.name


def link_count_table(graph: ToolkaartGraph, kind: Literal["actor", "tool"], name: str) -> None:
    """For staff: per actor or tool (column ``name``), a ✓ per phase listing it, and the count."""
    count = t("beheer.matrix.col.count")

    def build() -> pa.Table:
        table = link_table(graph, kind)
        headers = [literal(f"{phase.number}. {phase.name}") for phase in table.phases]
        rows = [
            {
                name: literal(item.name),
                **{
                    header: "✓" if listed else ""
                    for header, listed in zip(headers, marks, strict=True)
                },
                count: sum(marks),
            }
            for item, marks in table.rows
        ]
        return pa.Table.from_pandas(pd.DataFrame(rows))

    st.table(
        once_per_content(graph, ("link_count_table", kind, name, count), build), hide_index=True
    )
