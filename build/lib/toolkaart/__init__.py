"""Toolkaart Waardevolle AI voor gezondheid: the navigator's domain, store, documents and web app.

Subpackages by subject (see docs/architecture.md): ``content`` → ``route`` → ``board`` → ``store``
→ ``documents``, with ``i18n``, ``errors`` and ``settings`` beneath them all and ``web`` (the only
Streamlit code) on top; ``tests/test_architecture.py`` keeps the imports flowing that way.
"""
