"""The string table: counted nouns in the singular and the plural."""

from __future__ import annotations

from toolkaart.i18n.catalog import NL, counted


def test_counted_nouns_agree_with_their_number() -> None:
    assert counted("error", 1) == "1 fout"
    assert counted("error", 2) == "2 fouten"
    assert counted("warning", 0) == "0 waarschuwingen"
    assert counted("project", 1) == "1 project"
    assert counted("open_item", 3) == "3 open punten"


def test_no_string_hedges_its_plural() -> None:
    assert [key for key, text in NL.items() if "(en)" in text] == []
