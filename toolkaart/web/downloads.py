"""Download buttons for exports, one column each; the file is only made when someone clicks."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from toolkaart.i18n.catalog import t

MIME_TYPES = {
    "json": "application/json",
    "md": "text/markdown",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "ics": "text/calendar",
}


def download_buttons(
    stem: str, makers: Mapping[str, Callable[[], str | bytes]], labels: str
) -> None:
    """One button per format (``makers``: extension → function making the file); each button's
    label is the string ``<labels>.<extension>``."""
    for column, (extension, make) in zip(st.columns(len(makers)), makers.items(), strict=True):
        column.download_button(
            t(f"{labels}.{extension}"),
            data=make,
            file_name=f"{stem}.{extension}",
            mime=MIME_TYPES[extension],
            on_click="ignore",
            key=f"{labels}.{extension}",
        )
