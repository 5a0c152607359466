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
    "nav.phase": "Fase",
    "nav.actors": "Actoren",
    "nav.tools": "Hulpmiddelen",
    "nav.beheer": "Beheer",
    "footer.version": "{title}, inhoud {version}",
    "content.invalid.title": "De inhoud van de Toolkaart bevat fouten",
    "content.invalid.body": (
        "De navigator kan de inhoud niet tonen zolang deze fouten er zijn. Elke regel noemt het "
        "bestand, de regel en de kolom. Herstel de YAML-bestanden; de pagina laadt de inhoud "
        "daarna vanzelf opnieuw."
    ),
    # home page
    "home.howto.title": "Zo gebruikt u de navigator",
    "home.howto.body": (
        "Kies hieronder een fase van de route. Per fase ziet u de kernvraag, het doel, een "
        "checklist, de hulpmiddelen om te lezen en de actoren om te betrekken. Vink aan wat uw "
        "project al gedaan heeft en beantwoord de kernvraag: pas na *ja* gaat de poort naar de "
        "volgende fase open. Elke fase blijft te lezen, ook als haar poort nog op slot zit. Uw "
        "antwoorden blijven bewaard zolang dit browservenster open is; ze worden nog niet "
        "opgeslagen."
    ),
    "home.route.title": "De route",
    "home.progress": "{passed} van {total} poorten gepasseerd. Huidige fase: {current}.",
    "home.progress.completed": (
        "Alle {total} poorten gepasseerd: de oplossing is in gebruik en wordt periodiek opnieuw "
        "beoordeeld."
    ),
    "home.map.alt": "Kaart van de route, fase voor fase: {phases}.",
    "home.map.alt.phase": "{number}. {name} ({state})",
    "home.map.caption": (
        "De kaart toont de fases van links naar rechts: groen is gepasseerd, geel de huidige fase, "
        "grijs op slot. De lijst hieronder geeft dezelfde informatie; kies daar een fase."
    ),
    "home.list.title": "Fases en hun kernvraag",
    "home.list.item": "{number}. {name}: {question} ({state})",
    # phase page
    "phase.unknown": "Fase '{requested}' bestaat niet. U ziet de huidige fase van uw route.",
    "phase.title": "Fase {number}: {name}",
    "phase.state": "Poort van deze fase: **{state}**",
    "phase.key_question": "Kernvraag",
    "phase.goal": "Doel",
    "phase.checklist.title": "Checklist",
    "phase.checklist.caption": (
        "Vink aan wat uw project al gedaan heeft ({done} van {total} afgevinkt). De bron van een "
        "punt staat in de toelichting bij het vraagteken."
    ),
    "phase.gate.title": "Poort: beantwoord de kernvraag",
    "phase.gate.locked": (
        "Deze poort is nog op slot. Beantwoord eerst de kernvraag van de huidige fase, {current}."
    ),
    "phase.gate.go_current": "Naar de huidige fase: {number}. {name}",
    "phase.gate.answer": "Uw antwoord op de kernvraag: {question}",
    "phase.gate.rationale": "Toelichting (optioneel)",
    "phase.gate.decided_by": "Besloten door (optioneel)",
    "phase.gate.next_review": "Datum van de volgende herbeoordeling (optioneel)",
    "phase.gate.open_items": "Nog open checklistpunten ({count}):",
    "phase.gate.confirm": "Ik passeer deze poort bewust met {count} open checklistpunten",
    "phase.gate.submit": "Besluit vastleggen",
    "phase.gate.no_answer": "Kies eerst een antwoord op de kernvraag.",
    "phase.gate.passed": "De poort van {phase} is gepasseerd. Fase {next} is nu open.",
    "phase.gate.passed_last": "De poort van {phase} is gepasseerd: alle poorten zijn gepasseerd.",
    "phase.gate.go_next": "Verder naar fase {number}. {name}",
    "phase.gate.closed": (
        "Besluit vastgelegd: {answer}. De poort van {phase} is dicht; de fases erna zijn op slot."
    ),
    "phase.gate.history": "Eerdere besluiten over deze poort",
    "phase.gate.history.item": "{date}: **{answer}**",
    "phase.gate.history.by": "door {name}",
    "phase.gate.history.open": "met {count} open checklistpunten",
    "phase.gate.history.review": "volgende herbeoordeling {date}",
    "phase.tools.title": "Hulpmiddelen",
    "phase.actors.title": "Actoren",
    "phase.transition.joining": "Nieuw in deze fase: {names}.",
    "phase.transition.leaving": "Niet meer genoemd ten opzichte van {previous}: {names}.",
    "phase.transition.nobody": "niemand",
    "phase.transition.first": "Dit is de eerste fase: alle genoemde actoren komen hier in beeld.",
    "phase.map.title": "Kaart van deze fase",
    "phase.map.alt": (
        "Kaart van de Toolkaart met fase {name} gemarkeerd: actoren {actors}; hulpmiddelen {tools}."
    ),
    "phase.map.caption": (
        "Oplichtend: de actoren (ellipsen) en hulpmiddelen (notities) van deze fase; de rest is "
        "grijs. Dezelfde informatie staat hierboven bij Hulpmiddelen en Actoren."
    ),
    "phase.nav.previous": "Vorige fase: {number}. {name}",
    "phase.nav.next": "Volgende fase: {number}. {name} ({state})",
    "phase.nav.home": "Terug naar de route",
    # links to tools, on every page that lists tools
    "tool.link": "{name}: open op {host} (nieuw tabblad)",
    "tool.no_url": "Voor dit hulpmiddel is geen webadres bekend.",
    # actors page
    "actors.title": "Actoren",
    "actors.intro": "De {count} actoren van de Toolkaart, en de fases waarin zij nodig zijn.",
    "actors.unknown": "Actor '{requested}' bestaat niet. Kies een actor uit de lijst.",
    "actors.phases": "Nodig in de fases:",
    "actors.no_phases": "Bij geen enkele fase genoemd.",
    "actors.all": "Alle actoren",
    "actors.link": "{number}. {name}",
    "actors.matrix.title": "Welke actor bij welke fase",
    # tools page
    "tools.title": "Hulpmiddelen",
    "tools.intro": (
        "De {count} hulpmiddelen van de Toolkaart. Zoek op naam of beschrijving, of filter op fase "
        "en actor."
    ),
    "tools.unknown": "Hulpmiddel '{requested}' bestaat niet. Kies een hulpmiddel uit de lijst.",
    "tools.when": "Wanneer in de route:",
    "tools.when.none": "Bij geen enkele fase: algemene achtergrond bij de hele route.",
    "tools.search": "Zoeken in naam en beschrijving",
    "tools.filter.phase": "Filter op fase",
    "tools.filter.actor": "Filter op actor",
    "tools.filter.all_phases": "Alle fases",
    "tools.filter.all_actors": "Alle actoren",
    "tools.found": "{count} van {total} hulpmiddelen gevonden.",
    "tools.none_found": "Geen hulpmiddel past bij deze zoekopdracht en filters.",
    "tools.details": "{number}. {name}",
    "tools.background.title": "Algemene achtergrond",
    "tools.background.caption": (
        "Deze hulpmiddelen staan bij geen enkele fase: achtergrond bij de hele route."
    ),
    "tools.matrix.title": "Welk hulpmiddel bij welke fase",
    # matrices
    "matrix.listed": "✓",
    "matrix.not_listed": "",
    "matrix.caption": "✓ betekent: genoemd bij die fase. Een lege cel: niet genoemd.",
    # Beheer (app_pages/beheer.py): the content's state for programme staff
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
    # the Markdown handbook (toolkaart.export.to_markdown) and the maps
    "handbook.version": "Inhoud {label}. Bron: {source}.",
    "handbook.route": "De route",
    "handbook.phase": "Fase {number}: {name}",
    "handbook.key_question": "Kernvraag:",
    "handbook.goal": "Doel:",
    "handbook.checklist": "Checklist",
    "handbook.source": "Bron: {source}",
    "handbook.tools": "Hulpmiddelen",
    "handbook.actors": "Actoren",
    "handbook.phases": "Fases: {phases}.",
    "handbook.no_phase": "geen fase",
    "handbook.background_short": "achtergrond",
    "handbook.background": "Algemene achtergrond (bij geen enkele fase)",
    "handbook.no_address": "{name} (geen webadres bekend)",
    "handbook.changelog": "Wijzigingen in de inhoud",
    "map.phases": "Fases",
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
