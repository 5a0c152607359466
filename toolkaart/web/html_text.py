"""Text drawn as HTML with ``st.html``: what the frame's style, the tool cards and the phase
page's lists share (``tool_cards``, ``content_html``).

Every text in it is escaped by whoever builds it; this module has the classes the frame's style
draws, one paragraph, and the wrapper that hands made HTML to ``st.html`` as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

#: The class of a block of text in HTML: its links in the colour Streamlit gives Markdown links
#: (#244FB4, 7.4:1 on white), visited or not.
TEXT_CLASS = "toolkaart-text"
#: Grey text in HTML (a tool without an address): the captions' grey, #595959 on white (7.0:1).
MUTED_CLASS = "toolkaart-muted"
#: Part of the frame's style (``layout.FRAME_STYLE``), on every page: bold as Markdown's (600),
#: and no space after the last paragraph, as Streamlit's Markdown has none.
STYLE = (
    f".{TEXT_CLASS} a,.{TEXT_CLASS} a:visited{{color:#244FB4}}.{MUTED_CLASS}{{color:#595959}}"
    f".{TEXT_CLASS} strong{{font-weight:600}}.{TEXT_CLASS} > p:last-child{{margin-bottom:0}}"
)


def paragraph(html: str, css_class: str = "") -> str:
    """``html`` (escaped already) as a paragraph, which Streamlit's style sets as Markdown's."""
    attribute = f' class="{css_class}"' if css_class else ""
    return f"<p{attribute}>{html}</p>"


def text_paragraph(text: str, css_class: str = "") -> str:
    """``text`` escaped as a paragraph, its line breaks kept (as ``literal`` keeps them)."""
    return paragraph(escape(text).replace("\n", "<br>"), css_class)


@dataclass(frozen=True)
class PreparedHtml:
    """HTML that ``st.html`` takes as it is. Given a string, ``st.html`` dedents it
    (``textwrap.dedent``, line by line) and strips it on every call; what is the same on every
    run (the frame's script, 14 kB, and style; a phase's lists of tools and actors) is made once
    and passed as an object with ``_repr_html_``, which ``st.html`` uses instead (0.24 ms less
    server CPU per rerun for the frame, timed; docs/performance.md section 8)."""

    html: str

    def _repr_html_(self) -> str:
        return self.html
