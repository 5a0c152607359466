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
    "footer.version": "{title}, inhoud {version}",
    "content.invalid.title": "De inhoud van de Toolkaart bevat fouten",
    "content.invalid.body": (
        "De navigator kan de inhoud niet tonen zolang deze fouten er zijn. Elke regel noemt het "
        "bestand, de regel en de kolom. Herstel de YAML-bestanden; de pagina laadt de inhoud "
        "daarna vanzelf opnieuw."
    ),
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
    # portfolio (toolkaart.portfolio, pages/portfolio.py)
    "portfolio.count.part": "{phase}: {count}",
    "portfolio.count.sentence": "Aantal actieve projecten: {total}. Per fase: {parts}.",
    # agenda (toolkaart.agenda, toolkaart.agenda_export, pages/agenda.py)
    "agenda.default_title": "Agenda bestuursvergadering {date}",
    "agenda.overview.title": "Portefeuille per fase",
    "agenda.error.unknown_item": "Agendapunt '{item}' bestaat niet (meer).",
    "agenda.error.empty_title": "Geef het agendapunt een titel.",
    "agenda.error.long_title": "Een titel mag hoogstens {limit} tekens lang zijn.",
    "agenda.error.long_note": "Een notitie mag hoogstens {limit} tekens lang zijn.",
    "agenda.error.not_a_draft": "Dit bestand is geen agenda-concept van de Toolkaart-navigator.",
    "agenda.error.version": (
        "Dit agenda-concept heeft formaatversie {version}; deze navigator leest versie {supported}."
    ),
    "agenda.error.invalid": "Het agenda-concept is onvolledig of beschadigd: {problems}.",
    "agenda.error.too_large": "Het agenda-concept is groter dan {limit} MB.",
    "agenda.error.not_json": "Het agenda-concept is geen geldige JSON: {detail}.",
    "agenda.doc.meeting": "Vergaderdatum: {date}",
    "agenda.doc.source": (
        "Samengesteld met de Toolkaart-navigator uit de projecten en de Toolkaart, inhoud {version}."
    ),
    "agenda.doc.stale": "{count} project(en) zijn langer dan {days} dagen niet bijgewerkt.",
    "agenda.doc.col.phase": "Fase",
    "agenda.doc.col.count": "Aantal",
    "agenda.doc.col.projects": "Projecten",
    "agenda.doc.col.topic": "Onderdeel",
    "agenda.doc.col.content": "Voor de vergadering",
    "agenda.doc.row.phase": "Fase",
    "agenda.doc.row.decide": "Te besluiten (kernvraag)",
    "agenda.doc.row.rationale": "Onderbouwing tot nu toe",
    "agenda.doc.row.risks": "Risico’s (open checklistpunten)",
    "agenda.doc.row.invite": "Uitnodigen",
    "agenda.doc.row.board": "Rol van de zorgbestuurder",
    "agenda.doc.row.read": "Vooraf lezen",
    "agenda.doc.completed": "alle poorten gepasseerd; de kernvraag wordt periodiek opnieuw gesteld",
    "agenda.doc.next_review": "volgende herbeoordeling {date}",
    "agenda.doc.decided_by": "besloten door {who}",
    "agenda.doc.open_at_decision": "{count} open punt(en) geaccepteerd",
    "agenda.doc.no_decisions": "Nog geen besluiten genomen.",
    "agenda.doc.no_risks": "Geen open checklistpunten in deze fase.",
    "agenda.doc.no_invite": "Geen nieuwe actoren voor de volgende fase.",
    "agenda.doc.no_tools": "Geen hulpmiddelen bij deze fase.",
    "agenda.doc.no_url": "{name} (geen online vindplaats in de Toolkaart)",
    "agenda.doc.joins_at": "sluit aan in fase {phase}",
    "agenda.doc.named_on_items": "genoemd bij {count} open punt(en)",
    "agenda.doc.board_listed_now": "De Toolkaart noemt de zorgbestuurder in fase {phase}.",
    "agenda.doc.board_listed_next": (
        "In de volgende fase ({phase}) noemt de Toolkaart de zorgbestuurder als actor."
    ),
    "agenda.doc.task_done": "Gedaan: {text}",
    "agenda.doc.task_open": "Open: {text}",
    "agenda.doc.note": "Notitie: {note}",
    "agenda.doc.free_note": "{note}",
    "month.1": "januari",
    "month.2": "februari",
    "month.3": "maart",
    "month.4": "april",
    "month.5": "mei",
    "month.6": "juni",
    "month.7": "juli",
    "month.8": "augustus",
    "month.9": "september",
    "month.10": "oktober",
    "month.11": "november",
    "month.12": "december",
}

_TABLES = {"nl": NL}
LANGUAGE = "nl"


def t(key: str, /, **params: object) -> str:
    """The string for ``key`` in the active language, formatted with ``params``."""
    template = _TABLES[LANGUAGE].get(key)
    if template is None:
        raise KeyError(f"no string '{key}' in the '{LANGUAGE}' table")
    return template.format(**params) if params else template
