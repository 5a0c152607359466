"""The Toolkaart content: models, YAML loading with located diagnostics, schema, graph, checks.

Lives here: what the seeds say (phases, actors, tools, checklists) as data in ``shipped/``.
May import: ``i18n``, ``errors``, ``settings``; never ``route``, ``board``, ``store``, ``web``.
"""
