"""For the zorgbestuurder: the portfolio of projects by phase and the board agenda.

Lives here: which projects wait for which decision, whom to invite, what the agenda holds.
May import: ``route``, ``content``, ``i18n``, ``errors``; never ``store``, ``documents``, ``web``.
"""
