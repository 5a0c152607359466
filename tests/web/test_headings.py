"""No heading of the app carries Streamlit's anchor link, whose name "Link to heading" is English
on a Dutch page and adds a link per heading to every keyboard and screen-reader walk."""

from __future__ import annotations

import pytest

from tests.appkit import open_page

PAGES: tuple[tuple[str, dict[str, str]], ...] = (
    ("app_pages/home.py", {}),
    ("app_pages/fase.py", {"fase": "idee"}),
    ("app_pages/actoren.py", {}),
    ("app_pages/hulpmiddelen.py", {}),
    ("app_pages/projecten.py", {}),
    ("app_pages/beheer.py", {}),
    ("app_pages/toegankelijkheid.py", {}),
)


@pytest.mark.parametrize(("page", "query"), PAGES)
def test_no_heading_has_an_anchor_link(page: str, query: dict[str, str]) -> None:
    app = open_page(page, query)
    headings = [*app.title, *app.header, *app.subheader]
    assert headings
    assert all(heading.proto.hide_anchor for heading in headings)
    # a Markdown heading (a line starting with #) gets the anchor back, unless anchors=False
    markdown = [m for m in app.markdown if not m.proto.hide_anchors]
    assert not [line for m in markdown for line in m.value.splitlines() if line.startswith("#")]
