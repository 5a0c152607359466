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
    "nav.projects": "Projecten",
    "nav.scan": "Zelfscan",
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
    "gate.error.review_required": (
        "Een 'ja' in fase {phase} heeft een datum voor de volgende herbeoordeling nodig: de "
        "kernvraag wordt na verloop van tijd opnieuw gesteld."
    ),
    "gate.error.out_of_order": (
        "Een besluit van {date} kan niet na een besluit van {previous} in het logboek staan."
    ),
    "gate.error.in_log": "Besluit {number} in het logboek: {message}",
    # projects (toolkaart.projects, toolkaart.store)
    "project.field.name": "Naam",
    "project.field.organisation": "Organisatie of team",
    "project.field.description": "Korte beschrijving",
    "project.field.contact": "Contactpersoon",
    "project.error.name_required": "Geef het project een naam.",
    "project.error.too_long": "{field} mag hoogstens {limit} tekens lang zijn.",
    "project.diff.field": "{field}: '{old}' werd '{new}'",
    "project.diff.nobody": "(niet ingevuld)",
    "project.diff.archived": "Het project is gearchiveerd.",
    "project.diff.unarchived": "Het project is uit het archief gehaald.",
    "project.diff.ticked": "Fase {phase}: afgevinkt {items}",
    "project.diff.unticked": "Fase {phase}: niet meer afgevinkt {items}",
    "project.diff.decision": (
        "Fase {phase}: besluit '{answer}' door {by} op {date}, onderbouwing: {rationale}"
    ),
    "project.diff.log_rewritten": "{count} eerdere besluiten ontbreken in het logboek.",
    "store.error.not_found": "Project '{id}' bestaat niet (meer).",
    "store.error.exists": "Er bestaat al een project met id '{id}'.",
    "store.error.log_rewritten": (
        "Het besluitenlogboek van project {name} kan alleen worden aangevuld, niet gewijzigd."
    ),
    "store.error.conflict": (
        "Project {name} is intussen door iemand anders opgeslagen (nu versie {current}; u werkte "
        "aan versie {mine}). Uw wijzigingen zijn niet opgeslagen, om die van de ander niet te "
        "overschrijven. Open het project opnieuw en breng uw wijzigingen nogmaals aan."
    ),
    "store.conflict.changes": "Wat er intussen veranderde:",
    "store.conflict.mine": "Uw wijzigingen die niet zijn opgeslagen:",
    "store.conflict.none": "- (geen inhoudelijke wijzigingen)",
    # project exchange files (toolkaart.exchange)
    "exchange.rejected": "Het bestand is niet ingelezen; er is niets veranderd. Wat er mis is:",
    "exchange.more": "… en nog {count} andere problemen.",
    "exchange.too_large": (
        "Het bestand is te groot ({size} bytes); een projectbestand is hoogstens {limit} bytes."
    ),
    "exchange.empty": "Het bestand is leeg.",
    "exchange.not_json": "Het bestand is geen geldige JSON (fout op regel {line}, kolom {column}).",
    "exchange.too_deep": (
        "Het bestand is te diep genest (regel {line}, kolom {column}); een projectbestand is dat "
        "nooit."
    ),
    "exchange.format_version": (
        "Formaatversie {found} wordt niet ondersteund; deze versie van de navigator leest "
        "formaatversie 1."
    ),
    "exchange.where.file": "Het bestand",
    "exchange.schema.missing": "{where} ontbreekt.",
    "exchange.schema.extra": "{where} is een onbekend veld.",
    "exchange.schema.string": "{where} moet tekst zijn.",
    "exchange.schema.too_long": "{where} is te lang (hoogstens {limit} tekens).",
    "exchange.schema.empty": "{where} mag niet leeg zijn.",
    "exchange.schema.pattern": (
        "{where} is geen geldige id (kleine letters, cijfers en streepjes)."
    ),
    "exchange.schema.literal": "{where} moet een van deze waarden hebben: {expected}.",
    "exchange.schema.bool": "{where} moet true of false zijn.",
    "exchange.schema.int": "{where} moet een geheel getal zijn.",
    "exchange.schema.too_small": "{where} moet minstens {limit} zijn.",
    "exchange.schema.list": "{where} moet een lijst zijn.",
    "exchange.schema.object": "{where} moet een object zijn.",
    "exchange.schema.too_many": "{where} heeft te veel elementen (hoogstens {limit}).",
    "exchange.schema.date": "{where} moet een datum zijn (JJJJ-MM-DD).",
    "exchange.schema.datetime": "{where} moet een tijdstip zijn (ISO 8601).",
    "exchange.schema.invalid": "{where} heeft een ongeldige waarde.",
    "exchange.unknown_phase": "{where}: fase '{phase}' bestaat niet in de huidige Toolkaart.",
    "exchange.unknown_item": (
        "{where}: checklistpunt '{item}' bestaat niet in fase '{phase}' van de huidige Toolkaart."
    ),
    "exchange.unknown_tool": "{where}: hulpmiddel '{tool}' bestaat niet in de huidige Toolkaart.",
    "exchange.unknown_actor": "{where}: actor '{actor}' bestaat niet in de huidige Toolkaart.",
    # project report (toolkaart.reports)
    "report.title": "Projectrapport: {name}",
    "report.archived": "Dit project is gearchiveerd.",
    "report.made": "Opgesteld op {date} met de Toolkaart, inhoud {content}.",
    "report.where": "Waar het project staat",
    "report.current": (
        "Huidige fase: {number}. {phase}. Kernvraag: {question} Gepasseerde poorten: {passed} van "
        "{total}."
    ),
    "report.completed": (
        "Alle poorten zijn gepasseerd: de oplossing is in gebruik. Volgende herbeoordeling: {review}."
    ),
    "report.review_due": "De herbeoordeling is nu aan de orde.",
    "report.next": "Wat nu nodig is: fase {phase}",
    "report.tools": "Hulpmiddelen om te lezen",
    "report.actors": "Actoren om te betrekken",
    "report.no_url": "geen webadres bekend",
    "report.phases": "Per fase",
    "report.phase": "{number}. {phase} ({state})",
    "report.key_question": "Kernvraag: {question}",
    "report.ticked": "Afgevinkt ({count}):",
    "report.open": "Open ({count}):",
    "report.phase_decisions": "Besluiten:",
    "report.decision": "{date}: {answer}, besloten door {by}. Onderbouwing: {rationale}",
    "report.decision_phase": "Fase {phase}, {decision}",
    "report.decision_open": "({count} open checklistpunten bij het besluit.)",
    "report.decision_review": "(Volgende herbeoordeling: {date}.)",
    "report.no_rationale": "(geen onderbouwing)",
    "report.log": "Besluitenlogboek",
    "report.log_empty": "Er zijn nog geen besluiten genomen.",
    # Projecten page
    "projects.title": "Projecten",
    "projects.intro": (
        "Een project is de route van uw AI-toepassing langs de zeven fasen: uw antwoorden op de "
        "checklists en uw besluiten bij elke poort worden bewaard, zodat u later verder kunt."
    ),
    "projects.create.title": "Nieuw project",
    "projects.create.submit": "Project aanmaken",
    "projects.create.done": "Project {name} is aangemaakt.",
    "projects.import.title": "Project importeren uit een JSON-bestand",
    "projects.import.help": (
        "Een bestand dat met 'Download JSON' is gemaakt. Het wordt eerst volledig gecontroleerd; "
        "een afgekeurd bestand verandert niets."
    ),
    "projects.import.file": "Projectbestand (JSON)",
    "projects.import.submit": "Importeren",
    "projects.import.none": "Kies eerst een bestand om te importeren.",
    "projects.import.done": "Project {name} is geïmporteerd.",
    "projects.list.title": "Uw projecten",
    "projects.list.show_archived": "Toon ook gearchiveerde projecten",
    "projects.list.empty": "Er zijn nog geen projecten. Maak hieronder een project aan.",
    "projects.list.name": "**{name}**",
    "projects.list.organisation": " · {organisation}",
    "projects.list.phase": "fase {number}. {phase}",
    "projects.list.completed": "alle poorten gepasseerd",
    "projects.list.summary": (
        "{where} · {passed} van {total} poorten gepasseerd · laatst gewijzigd {updated}{archived}"
    ),
    "projects.list.archived": " · gearchiveerd",
    "projects.list.open": "Open {name} in de zelfscan",
    "projects.list.archive": "Archiveer {name}",
    "projects.list.restore": "Zet {name} terug",
    "projects.list.archived_done": "Project {name} is gearchiveerd.",
    "projects.list.restored": "Project {name} is teruggezet.",
    # Zelfscan page
    "scan.title": "Zelfscan: {name}",
    "scan.title.none": "Zelfscan",
    "scan.no_project": (
        "Er is geen project geopend. Kies of maak een project op de pagina Projecten, of "
        "importeer een projectbestand."
    ),
    "scan.to_projects": "Naar de lijst met projecten",
    "scan.archived": "Dit project is gearchiveerd. U kunt het terugzetten op de pagina Projecten.",
    "scan.current": ("Huidige fase: {number}. {phase}. {passed} van {total} poorten gepasseerd."),
    "scan.completed": (
        "Alle poorten zijn gepasseerd: de oplossing is in gebruik. Volgende herbeoordeling: "
        "{review}."
    ),
    "scan.review_due": (
        "De herbeoordeling is aan de orde: beantwoord de kernvraag van de laatste fase opnieuw."
    ),
    "scan.route_line": "{number}. {phase}: {state}  ",
    "scan.phase_select": "Fase om aan te werken",
    "scan.phase_header": "Fase {number}. {phase}",
    "scan.key_question": "**Kernvraag:** {question}",
    "scan.goal": "Doel: {goal}",
    "scan.checklist": "Checklist",
    "scan.checklist.save": "Checklist opslaan",
    "scan.checklist.saved": "De checklist van fase {phase} is opgeslagen.",
    "scan.gate": "Poort: beantwoord de kernvraag",
    "scan.gate.locked": (
        "De poort van fase {phase} is nog op slot: beantwoord eerst de kernvraag van fase "
        "{current}. U kunt de checklist wel alvast invullen."
    ),
    "scan.gate.rationale": "Onderbouwing van het besluit",
    "scan.gate.decided_by": "Besloten door",
    "scan.gate.decided_on": "Datum van het besluit",
    "scan.gate.next_review": "Volgende herbeoordeling (bij 'ja')",
    "scan.gate.open_items": (
        "Er staan nog {count} checklistpunten open. Ze worden bij het besluit vastgelegd."
    ),
    "scan.gate.accept": "Ik passeer de poort bewust met {count} open checklistpunten",
    "scan.gate.submit": "Besluit vastleggen",
    "scan.gate.no_answer": "Kies eerst een antwoord op de kernvraag: ja, nog niet of nee.",
    "scan.gate.saved": "Het besluit '{answer}' bij fase {phase} is vastgelegd.",
    "scan.log": "Besluitenlogboek",
    "scan.log.empty": "Er zijn nog geen besluiten genomen.",
    "scan.log.number": "Nr.",
    "scan.log.date": "Datum",
    "scan.log.phase": "Fase",
    "scan.log.answer": "Antwoord",
    "scan.log.by": "Besloten door",
    "scan.log.rationale": "Onderbouwing",
    "scan.log.open": "Open punten",
    "scan.export": "Exporteren",
    "scan.export.help": (
        "JSON is het uitwisselbestand (weer te importeren); Markdown, Word en PDF zijn een "
        "rapport voor uw stakeholders."
    ),
    "scan.export.json": "Download JSON",
    "scan.export.md": "Download Markdown",
    "scan.export.docx": "Download Word (DOCX)",
    "scan.export.pdf": "Download PDF",
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
