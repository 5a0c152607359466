"""The Streamlit app: ``app.py``, the pages in ``app_pages/`` and the helpers they share.

Lives here: the only code that imports Streamlit; it reads from the domain and draws.
May import: anything in ``toolkaart``; nothing outside ``web`` imports it.
"""
