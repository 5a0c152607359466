"""Toolkaart Waardevolle AI voor gezondheid: content, graph, gates, store and exports.

The domain package; it never imports Streamlit (only ``app.py``, ``app_pages/`` and ``toolkaart/web/``).
"""
