"""A table drawn as one HTML table (``st.html``): its cells plain text, escaped, with the column
headers and, where asked, the row headers a screen reader announces with each cell.

Why not ``st.table``: it sends the table as Arrow, and on a cold load the browser first loads
Streamlit's Arrow and table code (15 files, about 1 MB) and only then draws the page that holds
one; from the first message to the title, Actoren took 262 ms with it and 205 ms with this table
(docs/performance.md section 9, run 6). Its cells are Markdown, too, so every person's text in
them had to be ``literal``; here a cell is text by construction.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import streamlit as st

#: The class of the box around a table; ``STYLE`` draws it, ``layout.FRAME_STYLE`` holds that.
TABLE_CLASS = "toolkaart-table"

#: Drawn as Streamlit draws ``st.table``: thin lines, the text colour (#31333F, 12.6:1) in every
#: cell, headers in bold. 1.4.10: a table wider than the page (a matrix at 320 px) scrolls
#: sideways in its own box, named by ``name``, not the page; while it is wider, the frame's
#: script lets the box take the keyboard focus, to scroll it (2.1.1, ``frontend_fixes``).
STYLE = (
    f".{TABLE_CLASS}{{overflow-x:auto;margin:0 0 1rem}}"
    f".{TABLE_CLASS} table{{border-collapse:collapse;font-size:0.875rem;color:#31333F}}"
    f".{TABLE_CLASS} :is(th,td){{border:1px solid rgba(49,51,63,0.1);padding:0.25rem 0.375rem;"
    "text-align:left;vertical-align:top;overflow-wrap:break-word;min-width:2.5rem}"
    f".{TABLE_CLASS} th{{font-weight:600}}"
)


def _cell(value: object) -> str:
    """A cell's value as text, escaped; a line break in it stays one."""
    return escape(str(value)).replace("\n", "<br>")


def table_html(
    name: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    row_headers: bool = False,
) -> str:
    """The table as HTML: ``columns`` over ``rows`` (each as long as ``columns``); with
    ``row_headers`` the first cell of each row heads it (``th scope=row``). ``name`` names the
    box (a region) and the table, so a screen reader moving from table to table says it too.
    Every text is escaped: no markup from a person's text or from content."""
    head = "".join(f'<th scope="col">{_cell(column)}</th>' for column in columns)

    def row(cells: Sequence[object]) -> str:
        if len(cells) != len(columns):
            raise ValueError(f"a row of {len(cells)} cells under {len(columns)} columns")
        first, rest = (cells[0], cells[1:]) if row_headers else (None, cells)
        header = f'<th scope="row">{_cell(first)}</th>' if row_headers else ""
        return f"<tr>{header}{''.join(f'<td>{_cell(cell)}</td>' for cell in rest)}</tr>"

    body = "".join(row(cells) for cells in rows)
    return (
        f'<div class="{TABLE_CLASS}" role="region" aria-label="{escape(name)}">'
        f'<table aria-label="{escape(name)}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def plain_table(
    name: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    row_headers: bool = False,
) -> None:
    """Draw ``table_html`` as one element."""
    st.html(table_html(name, columns, rows, row_headers=row_headers))
