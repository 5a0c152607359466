"""Download buttons for exports, one column each; the file is only made when someone clicks."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial

import streamlit as st

from toolkaart.events import Event, log_event
from toolkaart.i18n.catalog import t

MIME_TYPES = {
    "json": "application/json",
    "md": "text/markdown",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "ics": "text/calendar",
}


def download_buttons(
    stem: str,
    makers: Mapping[str, Callable[[], str | bytes]],
    labels: str,
    project: str | None = None,
    person: int | None = None,
) -> None:
    """One button per format (``makers``: extension → function making the file); each button's
    label is the string ``<labels>.<extension>``. With ``project`` (its id), each file made is
    logged as that project's export by ``person`` (``project.exported``), once per click."""
    for column, (extension, make) in zip(st.columns(len(makers)), makers.items(), strict=True):
        column.download_button(
            t(f"{labels}.{extension}"),
            data=make if project is None else partial(_exported, make, project, extension, person),
            file_name=f"{stem}.{extension}",
            mime=MIME_TYPES[extension],
            on_click="ignore",
            key=f"{labels}.{extension}",
        )


def _exported(
    make: Callable[[], str | bytes], project: str, extension: str, person: int | None
) -> str | bytes:
    """The file ``make`` makes, logged as made (Streamlit calls this when the button is clicked)."""
    data = make()
    log_event(Event.PROJECT_EXPORTED, project=project, format=extension, person=person)
    return data
