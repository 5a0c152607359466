"""Text inside Markdown (st.markdown, st.table cells, Markdown exports) shown as written.

Streamlit renders those as Markdown, so content shown as is can change shape: a table header
"1. Idee" becomes a numbered list (for screen readers too), a '*' or '_' starts emphasis, '$'
starts a formula. ``plain`` escapes what would be read as markup, so the text shows as written.
"""

from __future__ import annotations

import re

_MARKUP = re.compile(r"([\\`*_\[\]<>#~|$])")
_LIST_MARKER = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+])")


def plain(text: str) -> str:
    """``text`` escaped so that Markdown shows it literally."""
    escaped = _MARKUP.sub(r"\\\1", text)
    return _LIST_MARKER.sub(
        lambda m: f"{m[1]}{m[2]}\\{m[3]}" if m[2] else f"{m[4]}\\{m[5]}", escaped
    )
