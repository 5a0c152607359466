"""Frame shared by every page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from toolkaart.i18n.catalog import t
from toolkaart.web.content_cache import loaded_content
from toolkaart.web.project_session import with_project


def sidebar_navigation(sections: Mapping[str, Sequence[StreamlitPage]]) -> None:
    """The pages in the sidebar, grouped per kind of user, as links that keep the open project.

    Streamlit's own sidebar navigation drops the query parameters, so a team that opened its
    project would lose it on the next page; these links carry ``?project=`` along.
    """
    query = with_project({})
    with st.sidebar:
        for section, pages in sections.items():
            st.markdown(f"**{section}**")
            for page in pages:
                st.page_link(page, query_params=query)


def footer() -> None:
    """The version of the content being served, under every page."""
    serving = loaded_content().serving
    st.divider()
    if serving is not None:
        toolkaart = serving.toolkaart
        st.caption(t("footer.version", title=toolkaart.meta.title, version=toolkaart.meta.label))
