"""The words people read: the Dutch string catalog (``t``, ``counted``) and Dutch dates.

Lives here: every user-facing string, so pages and the domain never write Dutch in code.
May import: nothing else of ``toolkaart``.
"""
