"""What a text a person types (or a file brings) may hold: decided once, for forms, imports and
the store alike.

Why one place: a vertical tab (Word's manual line break) or U+FFFE in a rationale was accepted by
the form and the import and then broke the DOCX export; a NUL saved on SQLite and crashed on
PostgreSQL; a name with line breaks forged headings in a Markdown report. Each field is either one
line (names, titles, "besloten door") or a paragraph (descriptions, rationales, notes):

- one line: every run of white space, line breaks included, becomes one space;
- a paragraph: every kind of line break (CR LF, CR, vertical tab, form feed, U+2028/U+2029)
  becomes ``\\n``; tabs stay;
- both: stripped; other control characters, Unicode noncharacters (U+FFFE, U+FFFF …) and lone
  surrogates are refused with a Dutch message, as is a text over the field's limit.
"""

from __future__ import annotations

import re

from toolkaart.errors import TextError

#: Line breaks a paragraph keeps, as ``\n``: CR LF, CR, VT, FF, NEL, LINE and PARAGRAPH SEPARATOR.
_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
#: What no field may hold: C0/C1 controls other than tab and line feed, DEL, noncharacters and
#: lone surrogates (invisible, refused by PostgreSQL or by the XML inside a DOCX).
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)


def _checked(text: str, field: str, limit: int) -> str:
    if _FORBIDDEN.search(text):
        raise TextError("control_character", field=field)
    if len(text) > limit:
        raise TextError("too_long", field=field, limit=limit, length=len(text))
    return text


def one_line(value: str, *, field: str, limit: int) -> str:
    """``value`` as one line (white space runs become one space), or TextError naming ``field``."""
    return _checked(" ".join(_BREAKS.sub(" ", value).split()), field, limit)


def paragraph(value: str, *, field: str, limit: int) -> str:
    """``value`` with its line breaks as ``\\n``, stripped, or TextError naming ``field``."""
    return _checked(_BREAKS.sub("\n", value).strip(), field, limit)


def printable(value: str) -> str:
    """``value`` with what no field may hold left out and its line breaks as ``\\n``: for writing
    documents (DOCX is XML, which refuses a vertical tab or U+FFFE outright) from text stored
    before this rule, which a document must print rather than fail on."""
    return _FORBIDDEN.sub("", _BREAKS.sub("\n", value))
