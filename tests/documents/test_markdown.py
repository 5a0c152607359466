"""Content text shown literally where Streamlit renders Markdown."""

from __future__ import annotations

import pytest

from toolkaart.documents.markdown import plain


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("1. Idee", "1\\. Idee"),
        ("12) Productie", "12\\) Productie"),
        ("- los punt", "\\- los punt"),
        ("a *b* _c_ [d](e) $x$ `f` <g> #h ~i~ j|k", "a \\*b\\* \\_c\\_ \\[d\\](e) \\$x\\$ \\`f\\` \\<g\\> \\#h \\~i\\~ j\\|k"),
        ("De patiënt/cliënt/burger", "De patiënt/cliënt/burger"),
        ("pilot 4. mid-sentence", "pilot 4. mid-sentence"),
        ("back\\slash", "back\\\\slash"),
    ],
)  # fmt: skip
def test_markup_is_escaped(text: str, escaped: str) -> None:
    assert plain(text) == escaped
