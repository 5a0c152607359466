"""Matrices as plain tables: text a screen reader reads cell by cell, not a chart."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from toolkaart.navigator import Matrix
from toolkaart.strings import t


def matrix_table(matrix: Matrix) -> None:
    listed, not_listed = t("matrix.listed"), t("matrix.not_listed")
    frame = pd.DataFrame(
        [[listed if cell else not_listed for cell in row] for row in matrix.cells],
        index=list(matrix.rows),
        columns=list(matrix.columns),
    )
    st.table(frame)
    st.caption(t("matrix.caption"))
