"""A project's walk along the route: gate rules, projects, and the navigator's queries.

Lives here: every rule about phases and gates (current phase, locks, decisions, going back).
May import: ``content``, ``i18n``, ``errors``; never ``board``, ``store``, ``documents``, ``web``.
"""
