"""Entry point: ``streamlit run app.py``. Declares the pages; each page is a thin script in pages/."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from toolkaart.strings import t
from toolkaart.web.layout import footer

PAGES = Path(__file__).parent / "pages"
APP_PAGES = Path(__file__).parent / "app_pages"

st.set_page_config(page_title=t("app.title"), layout="wide")
page = st.navigation(
    [
        st.Page(PAGES / "home.py", title=t("nav.home"), url_path="", default=True),
        st.Page(APP_PAGES / "projecten.py", title=t("nav.projects"), url_path="projecten"),
        st.Page(APP_PAGES / "zelfscan.py", title=t("nav.scan"), url_path="zelfscan"),
        st.Page(PAGES / "beheer.py", title=t("nav.beheer"), url_path="beheer"),
    ]
)
page.run()
footer()
