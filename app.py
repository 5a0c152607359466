"""Entry point: ``streamlit run app.py``. Declares the pages; each page is a thin script in app_pages/.

The folder is deliberately not called ``pages/``: with a ``pages/`` folder next to the entry point,
Streamlit (1.67) runs the first script run of a server, and every AppTest run, in its legacy
multipage mode, which executes a deep-linked page's file *without* this script (no page config,
no footer, a sidebar listing file names). ``tests/test_app_frame.py`` keeps it that way.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from toolkaart.strings import t
from toolkaart.web.layout import footer, sidebar_navigation

PAGES = Path(__file__).parent / "app_pages"

st.set_page_config(page_title=t("app.title"), layout="wide")
sections = {
    t("nav.section.route"): [
        st.Page(PAGES / "home.py", title=t("nav.home"), url_path="", default=True),
        st.Page(PAGES / "fase.py", title=t("nav.phase"), url_path="fase"),
        st.Page(PAGES / "actoren.py", title=t("nav.actors"), url_path="actoren"),
        st.Page(PAGES / "hulpmiddelen.py", title=t("nav.tools"), url_path="hulpmiddelen"),
    ],
    t("nav.section.projects"): [
        st.Page(PAGES / "projecten.py", title=t("nav.projects"), url_path="projecten"),
        st.Page(PAGES / "zelfscan.py", title=t("nav.scan"), url_path="zelfscan"),
    ],
    t("nav.section.board"): [
        st.Page(PAGES / "portfolio.py", title=t("nav.portfolio"), url_path="portfolio"),
        st.Page(PAGES / "agenda.py", title=t("nav.agenda"), url_path="agenda"),
    ],
    t("nav.section.content"): [
        st.Page(PAGES / "beheer.py", title=t("nav.beheer"), url_path="beheer"),
    ],
}
page = st.navigation(sections, position="hidden")
sidebar_navigation(sections)
page.run()
footer()
