"""What leaves the app as a file: exchange JSON, project reports, agenda documents, handbook.

Lives here: Markdown, DOCX and PDF rendering (with the bundled DejaVu fonts) and the import file.
May import: ``store``, ``board``, ``route``, ``content``, ``i18n``, ``errors``; never ``web``.
"""
