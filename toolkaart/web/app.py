"""Entry point (``toolkaart serve`` runs it). Declares the pages; each is a thin script in app_pages/.

The folder is deliberately not called ``pages/``: with a ``pages/`` folder next to the entry point,
Streamlit (1.67) runs the first script run of a server, and every AppTest run, in its legacy
multipage mode, which executes a deep-linked page's file *without* this script (no page config,
no footer, a sidebar listing file names). ``tests/web/test_app_frame.py`` keeps it that way.
"""

from __future__ import annotations

import streamlit as st
from streamlit.errors import FragmentHandledException

from toolkaart.access.service import ServiceConfigError
from toolkaart.errors import StoreFault
from toolkaart.events import configure as configure_log
from toolkaart.i18n.catalog import t
from toolkaart.settings import settings
from toolkaart.web import collector, identity, reconnect
from toolkaart.web.layout import footer, frame_script, frame_style, sidebar_navigation
from toolkaart.web.operations import show_page_error
from toolkaart.web.page_end import PageEnded
from toolkaart.web.page_registry import app_pages

configure_log(settings())  # once: a no-op on later runs (also for `streamlit run app.py`)
st.set_page_config(page_title=t("app.title"), layout="wide")
frame_style()
try:
    who = identity.acting()  # read once per run: roles as stored now (a revoked role is gone)
except ServiceConfigError as error:  # a service meant, sign-in broken: never serve it open
    st.error(str(error))
    st.stop()
except StoreFault as fault:
    st.error(str(fault))
    st.stop()
pages = app_pages()
sections = pages.sections()
page = st.navigation(sections, position="hidden")
if page.url_path:  # 2.4.2: each page's own name in the browser's tab, before the app's
    st.set_page_config(page_title=f"{page.title} - {t('app.title')}")
# a page that reconnects to a new session is drawn at once; before the page, not after it:
# Streamlit deep-copies the script's cursors where a fragment is defined, which after the
# page cost 3 % of a rerun's server CPU (py-spy), at the start 0.4 %
reconnect.rerun_after_reconnect()


def frame() -> None:
    """The footer, the frame's script and the sidebar's sign-in, drawn after the page (below)."""
    footer(pages.accessibility, identity.mode_line(who))
    frame_script()
    identity.sidebar(who)


# The sidebar's links (one element) before the page, the rest of the frame after it: the browser
# draws what arrives in the order it is sent, so the page's title comes right after the links,
# and the script and sign-in just after the page. Docs/performance.md section 9.
sidebar_navigation(sections, page)
try:
    page.run()
except PageEnded:  # the page ended early (no access, no project): its frame still follows
    pass
except StoreFault as fault:  # the database failed while the page read it: say so, not a traceback
    st.error(str(fault))
except FragmentHandledException:  # a fragment's error, said where the fragment is (page_error)
    frame()
    raise
except Exception as error:  # unforeseen: said in Dutch where it stopped, then the frame around it;
    show_page_error(error)  # raised on for Streamlit to log (asgi.py: operations.page_error)
    frame()
    raise
frame()
reconnect.run_ended()
collector.settle_after_first_run()  # once per process: see collector.py
