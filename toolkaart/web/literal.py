"""The one way text a person typed (or a file brought: an import, the content directory) reaches a
page: shown as written.

Streamlit renders most elements' text as Markdown: markdown, caption, the alerts, title and
headers, expander, button and page-link labels, tooltips and ``st.table`` cells. Stored text put
there as is changes shape or does harm: a project named ``![b](http://host/beacon)`` makes every
viewer's browser fetch that address, ``[Log opnieuw in](https://evil.example/login)`` becomes a
link in the app's own voice. ``plain`` (shared with the Markdown exports) escapes the markup;
this module adds what only the browser does:

- Streamlit's Markdown (remark-gfm) turns bare ``https://…``, ``www.…`` and ``naam@host.nl`` into
  links *after* escapes are resolved, so a backslash cannot stop it; nor does it stop Streamlit's
  ``:material/…:`` icons, ``:smile:`` emoji and ``:red[…]`` colours. An invisible WORD JOINER
  (U+2060) after the ``:``, before the ``.`` of ``www.`` and after the ``@`` breaks each pattern
  while the text reads (and wraps) the same.
- ``plain`` escapes list markers at the start of the text only, and a single line break inside a
  paragraph reads as a space: ``literal`` takes the text line by line and keeps its breaks.

Templates from the catalog may use Markdown on purpose: escape the user's value, not the template
(``t("scan.title", name=literal(project.name))``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from toolkaart.documents.markdown import plain

JOINER = "\u2060"
#: Where a word joiner goes: after a ':' that starts an address or a shortcode, inside 'www.',
#: after an '@' that starts a host.
_LINK_OR_CODE = re.compile(r"(?<=:)(?=[/\w])|(?<=www)(?=\\?\.)|(?<=@)(?=[-\w])", re.IGNORECASE)


def unlink(escaped: str) -> str:
    """Markdown already escaped by ``plain``, with the browser's own links, icons and colours
    broken by an invisible joiner (see the module docstring)."""
    return _LINK_OR_CODE.sub(JOINER, escaped)


def literal(text: str) -> str:
    """``text`` (one line or a paragraph) as Markdown that every Streamlit element shows as
    written: no link, image, HTML, heading, list, emphasis, formula, icon or colour from it."""
    return "  \n".join(unlink(plain(line)) for line in text.split("\n"))


@lru_cache(maxsize=4096)
def content_literal(text: str) -> str:
    """``literal`` for a text from the content (a name, a key question, a description): the
    content directory is a file someone supplies (a volume may replace the shipped one), so its
    texts are shown as written too. Kept per text: the same few hundred texts are drawn on every
    rerun, and a rerun's server CPU decides how many people a replica serves."""
    return literal(text)


def literal_lines(message: str) -> str:
    """A message shown as written, line by line: it can hold user text (a project's name, a
    rationale, a file's content), while its own '- ' lines stay a list. Paragraphs are separated
    by an empty line, as ``conflict_message`` and ``ImportRejected`` write them."""
    return "\n".join(
        f"- {literal(line[2:])}" if line.startswith("- ") else literal(line)
        for line in message.splitlines()
    )
