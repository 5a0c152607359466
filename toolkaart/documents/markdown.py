"""Text inside Markdown (st.markdown, st.table cells, Markdown exports) shown as written.

Streamlit renders those as Markdown, and a Markdown export is read by whatever renders it, so text
put in as is can change shape: a table header "1. Idee" becomes a numbered list, a '*' or '_'
starts emphasis, '$' a formula, a project name "Naam\\n# Besluit" a heading of its own,
"[Log opnieuw in](https://…)" a link that hides where it goes and "<img onerror=…>" HTML. Every
piece of text a person or the content wrote goes through ``plain`` (or ``heading``) wherever
Markdown is written, so it shows as written and never as structure.
"""

from __future__ import annotations

import re

#: Markdown's hard line break: the next line continues the same paragraph or list item.
HARD_BREAK = "  \n"

_MARKUP = re.compile(r"([\\`*_\[\]<>#~|$])")
#: "&amp;" or "&lt;" would show as "&" or "<": the ampersand of a named entity is escaped (a
#: numeric one, "&#60;", is no entity once ``_MARKUP`` has escaped its '#'); "R&D" stays as is.
_ENTITY = re.compile(r"&(?=[0-9A-Za-z]+;)")
#: What makes a line a list item ("1." "2)" "-" "+") or the line above a heading ("===").
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=])")


def _inline(text: str) -> str:
    return _ENTITY.sub(r"\\&", _MARKUP.sub(r"\\\1", text))


def _line(text: str) -> str:
    return _LINE_START.sub(
        lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", _inline(text.strip())
    )


def plain(text: str, line_break: str = " ", *, starts_line: bool = True) -> str:
    """``text`` escaped so that Markdown shows it literally.

    Each line is escaped on its own, so none starts a heading, list, quote or code block, and the
    lines are joined by ``line_break``: a space where Markdown holds one line (a table cell),
    ``HARD_BREAK`` in a paragraph or list item. Blank lines are left out: inside a list item or a
    table they would end it (``paragraphs`` keeps them where they may part paragraphs). With
    ``starts_line=False`` (text after a label on the same line) the first line's start is not a
    line's start, so "3. Ontwikkeling" there stays as written.
    """
    lines = [line for line in text.splitlines() if line.strip()]
    escaped = [_line(line) for line in lines]
    if lines and not starts_line:
        escaped[0] = _inline(lines[0].strip())
    return line_break.join(escaped)


def paragraphs(text: str) -> str:
    """``text`` as one or more Markdown paragraphs: its blank lines part them, as the writer meant;
    every other line break stays a line break."""
    parts = re.split(r"\n\s*\n", "\n".join(text.splitlines()))
    return "\n\n".join(plain(part, HARD_BREAK) for part in parts if part.strip())


def heading(level: int, text: str) -> str:
    """An ATX heading of ``text`` on one line: a heading cannot hold a line break, and after the
    '#' marks nothing needs escaping at the line's start (so "## 2. Verkenning" stays as it is)."""
    return f"{'#' * level} {_inline(' '.join(text.split()))}"
