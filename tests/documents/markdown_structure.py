"""What Markdown makes of a text, at the level of its syntax (no Markdown parser is installed).

``structure`` counts every construct that changes what a reader sees: headings (ATX and setext),
list items, quotes, code, table cells, links, images, HTML, entities and emphasis marks, after
putting a '·' for each backslash escape (a character made literal). Two renderings of one document, one
with harmless values and one with hostile ones, must have the same structure: then no heading,
link, image or HTML element came from the values.
"""

from __future__ import annotations

import re
from collections import Counter

_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")
_BLOCK = {
    "heading": re.compile(r"^ {0,3}(#{1,6})(?:[ \t]|$)"),
    "setext or rule": re.compile(r"^ {0,3}(=+|-+|(?:[-*_][ \t]*){3,})[ \t]*$"),
    "list item": re.compile(r"^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)"),
    "nested list item": re.compile(r"^ {2,}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)"),
    "quote": re.compile(r"^ {0,3}>"),
    "fence": re.compile(r"^ {0,3}(?:```|~~~)"),
    "link reference": re.compile(r"^ {0,3}\[[^\]]+\]:"),
}
_INLINE = {
    "link": re.compile(r"\]\(|\]\["),
    "image": re.compile(r"!\["),
    "html or autolink": re.compile(r"<[A-Za-z/!?]"),
    "entity": re.compile(r"&#?[0-9A-Za-z]+;"),
    "code": re.compile(r"`"),
    "emphasis": re.compile(r"[*_~]"),
    "formula": re.compile(r"\$"),
}


def structure(markdown: str) -> Counter[str]:
    """How often each construct occurs in ``markdown`` (with heading levels and table widths)."""
    found: Counter[str] = Counter()
    previous_blank = True
    for line in markdown.split("\n"):
        bare = _ESCAPE.sub("·", line)
        for name, pattern in _BLOCK.items():
            match = pattern.match(bare)
            if match:
                found[f"{name} {match.group(1)}" if name == "heading" else name] += 1
        if previous_blank and re.match(r"^(?: {4}|\t)", line):
            found["indented code"] += 1
        if bare.startswith("|"):
            found[f"table row of {bare.count('|') - 1} cells"] += 1
        for name, pattern in _INLINE.items():
            found[name] += len(pattern.findall(bare))
        previous_blank = not line.strip()
    return +found


def reads(markdown: str) -> str:
    """The text a person reads: escapes undone, all white space (line breaks too) one space."""
    return " ".join(_ESCAPE.sub(lambda m: m[0][1], markdown).split())
