"""Ending a page early and still drawing its footer.

``st.stop()`` ends the whole script run, ``app.py`` included, so a page that stopped early (no
project open, no access, sign-in needed) went without the footer: the link to the accessibility
statement, which the law wants on every page, and the local-mode line. A page calls ``end_page``
instead; ``app.py`` catches ``PageEnded`` and draws the footer as after any other page.
"""

from __future__ import annotations

from typing import NoReturn


class PageEnded(Exception):
    """The page has drawn all it will draw on this run."""


def end_page() -> NoReturn:
    """Stop drawing this page here (its footer still follows)."""
    raise PageEnded
