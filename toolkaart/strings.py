"""The one table of user-facing strings (Dutch), used by the domain's messages and by every page.

Pages and domain code ask ``t(key, **params)``; adding a language means adding a table here, not
touching pages. Content text (phases, actors, tools, checklists) is never here: it is data in
``content/``.
"""

from __future__ import annotations

NL: dict[str, str] = {
    # frame
    "app.title": "Toolkaart Waardevolle AI voor gezondheid",
    "nav.home": "Toolkaart",
    "nav.beheer": "Beheer",
    "footer.version": "{title}, inhoud {version}",
    "content.invalid.title": "De inhoud van de Toolkaart bevat fouten",
    "content.invalid.body": (
        "De navigator kan de inhoud niet tonen zolang deze fouten er zijn. Elke regel noemt het "
        "bestand, de regel en de kolom. Herstel de YAML-bestanden; de pagina laadt de inhoud "
        "daarna vanzelf opnieuw."
    ),
    # Beheer (pages/beheer.py): the content's state for programme staff
    "beheer.title": "Beheer van de inhoud",
    "beheer.intro": (
        "Wat de inhoud zegt, wat ze koppelt en wat er mis is. De inhoud staat in de YAML-bestanden "
        "in `{directory}`; zie docs/content.md voor hoe u die wijzigt."
    ),
    "beheer.reload.button": "Inhoud opnieuw laden",
    "beheer.reload.help": (
        "Leest de YAML-bestanden opnieuw van schijf en toont wat er veranderd is sinds u de inhoud "
        "de vorige keer laadde."
    ),
    "beheer.reload.unchanged": "Opnieuw geladen: geen wijzigingen sinds de vorige keer laden.",
    "beheer.reload.changed": (
        "Opnieuw geladen. Sinds de vorige keer laden: {added} toegevoegd, {removed} verwijderd, "
        "{changed} gewijzigd."
    ),
    "beheer.reload.now_broken": (
        "Opnieuw geladen, maar de inhoud bevat nu fouten (zie Validatie hieronder). Vergelijken "
        "kan pas weer als de fouten hersteld zijn."
    ),
    "beheer.reload.was_broken": (
        "Opnieuw geladen: de inhoud is weer geldig. De vorige keer bevatte ze fouten, dus er is "
        "niets om mee te vergelijken."
    ),
    "beheer.reload.still_broken": "Opnieuw geladen: de inhoud bevat nog steeds fouten.",
    "beheer.diff.col.change": "Wijziging",
    "beheer.diff.col.kind": "Soort",
    "beheer.diff.col.id": "Id",
    "beheer.diff.col.name": "Naam of tekst",
    "beheer.diff.col.fields": "Gewijzigde velden",
    "beheer.diff.added": "toegevoegd",
    "beheer.diff.removed": "verwijderd",
    "beheer.diff.changed": "gewijzigd",
    "beheer.kind.meta": "Gegevens (meta.yaml)",
    "beheer.kind.phase": "Fase",
    "beheer.kind.actor": "Actor",
    "beheer.kind.tool": "Hulpmiddel",
    "beheer.kind.checklist": "Checklistpunt",
    "beheer.validation.title": "Validatie",
    "beheer.validation.ok": "De inhoud is geldig: geen fouten, geen waarschuwingen.",
    "beheer.validation.warnings": "De inhoud is geldig, met {count} waarschuwing(en).",
    "beheer.validation.errors": (
        "De inhoud bevat {errors} fout(en) en {warnings} waarschuwing(en). Zolang er fouten zijn, "
        "tonen de andere pagina's de inhoud niet."
    ),
    "beheer.validation.error_list": "Fouten (bestand:regel:kolom)",
    "beheer.validation.warning_list": "Waarschuwingen (bestand:regel:kolom)",
    "beheer.version.title": "Versie en wijzigingen",
    "beheer.version.current": "Inhoud {label}.",
    "beheer.version.unknown": "De versie is onbekend zolang de inhoud fouten bevat.",
    "beheer.changelog.empty": "Er is nog geen wijzigingslogboek (`changelog` in meta.yaml).",
    "beheer.links.title": "Wat de inhoud koppelt",
    "beheer.links.unavailable": (
        "De koppelingen en ontbrekende gegevens verschijnen hier zodra de fouten hersteld zijn."
    ),
    "beheer.matrix.actors": "Fases × actoren",
    "beheer.matrix.tools": "Fases × hulpmiddelen",
    "beheer.matrix.caption": (
        "✓ = de fase noemt dit item. De laatste kolom telt bij hoeveel fases het item staat."
    ),
    "beheer.matrix.col.actor": "Actor",
    "beheer.matrix.col.tool": "Hulpmiddel",
    "beheer.matrix.col.count": "Aantal fases",
    "beheer.missing.title": "Wat ontbreekt",
    "beheer.missing.unlinked_tools": "Hulpmiddelen bij geen enkele fase (algemene achtergrond)",
    "beheer.missing.unlinked_actors": "Actoren bij geen enkele fase",
    "beheer.missing.no_address": "Hulpmiddelen zonder webadres",
    "beheer.missing.no_source": "Checklistpunten zonder bron",
    "beheer.missing.none": "Geen.",
    # gate rules (toolkaart.gates)
    "gate.error.unknown_phase": "Fase '{phase}' bestaat niet.",
    "gate.error.unknown_item": "Onbekende checklistpunten bij fase '{phase}': {items}.",
    "gate.error.locked": (
        "De poort van fase {phase} is nog op slot: beantwoord eerst de kernvraag van fase "
        "{current}."
    ),
    "gate.error.open_items": (
        "Fase {phase} heeft nog {count} open checklistpunten. Bevestig uitdrukkelijk dat u de poort "
        "toch passeert; de open punten worden bij het besluit vastgelegd."
    ),
    "gate.error.review_only_last": (
        "Een datum voor de volgende herbeoordeling hoort alleen bij een 'ja' in fase {phase}."
    ),
    "gate.error.review_in_past": "De volgende herbeoordeling moet na de besluitdatum liggen.",
    "answer.ja": "Ja",
    "answer.nog niet": "Nog niet",
    "answer.nee": "Nee",
    "state.passed": "gepasseerd",
    "state.current": "huidige fase",
    "state.locked": "op slot",
}

_TABLES = {"nl": NL}
LANGUAGE = "nl"


def t(key: str, /, **params: object) -> str:
    """The string for ``key`` in the active language, formatted with ``params``."""
    template = _TABLES[LANGUAGE].get(key)
    if template is None:
        raise KeyError(f"no string '{key}' in the '{LANGUAGE}' table")
    return template.format(**params) if params else template
