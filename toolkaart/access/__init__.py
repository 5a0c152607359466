"""Who may do what: people, their organisations and roles, and the one table of permissions.

Lives here: the permission rules (``permissions``) and what makes the app a service with sign-in
(``service``). Every read or write of projects, drafts and members asks these rules; the store
applies them to its queries so that a page cannot forget them.
May import: ``i18n``, ``errors``, ``settings``, ``user_text``; never ``store``, ``documents``, ``web``.
"""
