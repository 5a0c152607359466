"""The web server ``toolkaart serve`` starts: the app (``app.py``) with ``/ready`` beside it.

Streamlit (1.67) serves a script that assigns ``st.App(...)`` to ``app`` with that App on its own
Starlette server: Streamlit's routes and middleware, with ours (``operations.routes``, under the
path the app is served at, ``server.baseUrlPath``) before them, and ``on_script_error`` for
errors no page handled. Tests and benchmarks that start ``streamlit run app.py`` get the same app
without ``/ready``. This module is imported once per server process (by uvicorn), so it is where
that process's log is configured, and where its listening socket is set to send at once
(``nodelay``), before uvicorn serves on it.
"""

from __future__ import annotations

import streamlit as st
from streamlit import config

from toolkaart import events
from toolkaart.serve import APP
from toolkaart.settings import settings
from toolkaart.web.nodelay import send_without_delay
from toolkaart.web.operations import page_error, routes

send_without_delay()
events.configure(settings())
app = st.App(
    APP, routes=routes(config.get_option("server.baseUrlPath")), on_script_error=page_error
)
events.log_event(events.Event.SERVER_STARTED)
