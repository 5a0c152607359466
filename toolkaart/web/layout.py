"""Frame shared by every page."""

from __future__ import annotations

import streamlit as st

from toolkaart.strings import t
from toolkaart.web.content import loaded_content


def footer() -> None:
    """The content version under every page (also when the content is invalid)."""
    toolkaart = loaded_content().result.toolkaart
    st.divider()
    if toolkaart is not None:
        st.caption(t("footer.version", title=toolkaart.meta.title, version=toolkaart.meta.label))
