"""The app's own HTML tables: a person's or a file's text is text in them, and every cell has
the header a screen reader announces with it."""

from __future__ import annotations

import pytest

from tests.appkit import TableReader
from toolkaart.web.html_tables import TABLE_CLASS, table_html

HOSTILE = '<img src=x onerror="alert(1)"> & [link](https://evil.example) **vet**'


def read(html: str) -> TableReader:
    reader = TableReader()
    reader.feed(html)
    return reader


def test_cells_and_headers_are_text_not_markup() -> None:
    html = table_html(f"Tabel {HOSTILE}", ["Naam", HOSTILE], [[HOSTILE, "regel 1\nregel 2"]])
    assert "<img" not in html and 'onerror="' not in html  # escaped, never an element
    table = read(html)
    assert table.name == f"Tabel {HOSTILE}"  # a browser shows exactly what was given
    assert table.columns == ["Naam", HOSTILE]
    assert table.rows == [[HOSTILE, "regel 1\nregel 2"]]  # the line break is kept, as <br>
    assert "regel 1<br>regel 2" in html


def test_row_headers_head_their_rows_and_the_box_is_a_named_region() -> None:
    html = table_html(
        "Fases", ["Actor", "1. Idee"], [["Zorgbestuurder", "✓"], ["Patiënt", ""]], row_headers=True
    )
    assert html.startswith(f'<div class="{TABLE_CLASS}" role="region" aria-label="Fases">')
    assert '<table aria-label="Fases">' in html  # the table itself is named too
    assert html.count('<th scope="col">') == 2 and html.count('<th scope="row">') == 2
    table = read(html)
    assert table.row_headers == ["Zorgbestuurder", "Patiënt"]
    assert table.rows == [["Zorgbestuurder", "✓"], ["Patiënt", ""]]


def test_a_row_that_does_not_fit_its_columns_is_refused() -> None:
    with pytest.raises(ValueError, match="a row of 1 cells under 2 columns"):
        table_html("Fases", ["Actor", "1. Idee"], [["Zorgbestuurder"]])
