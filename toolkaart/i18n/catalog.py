"""The one table of user-facing strings (Dutch), used by the domain's messages and by every page.

Pages and domain code ask ``t(key, **params)``; adding a language means adding a table here, not
touching pages. Content text (phases, actors, tools, checklists) is never here: it is data in
``toolkaart/content/shipped/``. The domain's refusals (``toolkaart.errors``) are keys here too.
"""

from __future__ import annotations

NL: dict[str, str] = {
    # counted nouns, singular and plural (see counted())
    "count.error.one": "{count} fout",
    "count.error.many": "{count} fouten",
    "count.warning.one": "{count} waarschuwing",
    "count.warning.many": "{count} waarschuwingen",
    "count.project.one": "{count} project",
    "count.project.many": "{count} projecten",
    "count.open_item.one": "{count} open punt",
    "count.open_item.many": "{count} open punten",
    "count.decision.one": "{count} besluit",
    "count.decision.many": "{count} besluiten",
    "count.part.one": "{count} onderdeel",
    "count.part.many": "{count} onderdelen",
    "count.problem.one": "{count} probleem",
    "count.problem.many": "{count} problemen",
    "count.character.one": "{count} teken",
    "count.character.many": "{count} tekens",
    "count.element.one": "{count} element",
    "count.element.many": "{count} elementen",
    "count.note.one": "{count} notitie",
    "count.note.many": "{count} notities",
    # frame
    "app.title": "Toolkaart Waardevolle AI voor gezondheid",
    "page.missing.title": "Deze pagina bestaat niet",
    "page.missing.body": (
        "Op dit adres staat geen pagina van de navigator. Misschien is de link niet helemaal "
        "goed overgenomen."
    ),
    "page.missing.home": "Naar de startpagina van de navigator",
    "page.unexpected": (
        "Er ging onverwacht iets mis op deze pagina. Probeer het opnieuw; blijft het misgaan, "
        "geef dan kenmerk {reference} door aan de beheerder van de navigator."
    ),
    "nav.label": "Pagina's",
    "nav.section.route": "De route",
    "nav.section.projects": "Projecten",
    "nav.section.board": "Voor het bestuur",
    "nav.section.content": "Inhoud",
    "nav.home": "Toolkaart",
    "nav.phase": "Fase",
    "nav.actors": "Actoren",
    "nav.tools": "Hulpmiddelen",
    "nav.projects": "Projecten",
    "nav.scan": "Zelfscan",
    "nav.beheer": "Beheer",
    "nav.members": "Leden",
    "footer.version": "{title}, inhoud {version}",
    "nav.accessibility": "Toegankelijkheidsverklaring",
    # accessibility statement (the structure of the Dutch model statement)
    "a11y.title": "Toegankelijkheidsverklaring",
    "a11y.intro": (
        "Iedereen moet de Toolkaart-navigator kunnen gebruiken, ook mensen met een beperking. "
        "Deze verklaring gaat over alle pagina's van de navigator in het menu. Ze is opgesteld "
        "op 2 december 2026 en herzien op 6 december 2026, beide keren op grond van eigen "
        "onderzoek."
    ),
    "a11y.status.heading": "Nalevingsstatus",
    "a11y.status.body": (
        "De navigator **voldoet gedeeltelijk** aan de Web Content Accessibility Guidelines "
        "(WCAG) 2.1 op niveau AA, de eis uit de Europese norm EN 301 549. Hieronder staat wat "
        "is onderzocht, wat nog niet, en welke onderdelen nog niet voldoen."
    ),
    "a11y.tested.heading": "Wat is onderzocht en hoe",
    "a11y.tested.body": (
        "Alle tests draaien automatisch in de browser Chromium, bij elke wijziging van de "
        "navigator.\n\n"
        "- **Met axe-core 4.14**, dat de regels voor WCAG 2.0 en 2.1 op niveau A en AA toetst: "
        "elke pagina, over de hele hoogte, op een scherm van 1280 en van 320 pixels breed, in "
        "elke toestand die een gebruiker tegenkomt: met en zonder geopend project; een poort "
        "open, gepasseerd en op slot; een antwoord gekozen en een besluit vastgelegd; een conflict "
        "bij het opslaan; een bestand gekozen en een bestand geweigerd; de kalender open; een "
        "samengestelde en een opgeslagen agenda; Beheer met waarschuwingen en met fouten; de "
        "inhoud niet beschikbaar. axe-core vindt niets, en de taal van elke pagina is "
        "Nederlands.\n"
        "- **Nederlandse namen**: op dezelfde pagina's zoekt een test naar Engelse woorden in de "
        "namen van knoppen, velden en afbeeldingen, in hulp- en voorbeeldteksten en in de tekst, "
        "ook in tekst die alleen hulptechnologie leest. De Engelse namen die Streamlit zelf "
        "meebrengt, zoals 'Skip to main content', 'Choose date' en 'Remove', vervangt de "
        "navigator door Nederlandse ('Direct naar de inhoud', 'Kalender openen', "
        "'verwijderen'); knoppen die alleen Engels kennen, zoals 'Fullscreen', 'Download as CSV' "
        "en 'Increment', zijn weggelaten. De test vindt geen Engels meer.\n"
        "- **Herschikken**: op 320 pixels breed, zoals een scherm van 1280 pixels bij 400% "
        "vergroting, is geen tekst afgesneden en schuift geen pagina opzij. Alleen tabellen met "
        "veel kolommen (de overzichten van actoren en hulpmiddelen per fase, het "
        "besluitenlogboek en de projecten op Portfolio) schuiven binnen hun eigen vak opzij; dat "
        "vak is met Tab te bereiken en met de pijltjestoetsen te schuiven. Op een smal scherm is "
        "een kaart klein; wat ze toont, staat ook als tekst op de pagina. Op 1280 pixels past de "
        "tabel met projecten op Portfolio zonder opzij te schuiven.\n"
        "- **Met het toetsenbord**: van de startpagina naar een fase, een punt van de checklist "
        "aanvinken en de poort beantwoorden met een onderbouwing kan in minder dan 30 "
        "toetsaanslagen. Na het vastleggen van een besluit en na het verplaatsen van een "
        "agendapunt blijft de focus op de knop, of op de knop ernaast als die niet meer kan; na "
        "het kiezen van een pagina in het menu met Enter blijft ze op dat menu-item. De "
        "tests lopen ook delen van de route van een nieuwe gebruiker, een projectteam en het "
        "bestuur met Tab en Enter.\n"
        "- **Focus en contrast**: de toetsenbordfocus op de links in het menu en op knoppen is "
        "een rand van minstens 2 pixels met een contrast van minstens 3:1; kleine toelichtende "
        "tekst heeft een contrast van minstens 4,5:1; de taal blijft Nederlands na een directe "
        "link, het wisselen van pagina en het opnieuw opbouwen van een pagina.\n"
        "- **De kaarten**, op een scherm van 1280 pixels breed: elke kaart is voor "
        "hulptechnologie één afbeelding met een Nederlandse beschrijving, ook nadat de pagina "
        "opnieuw is opgebouwd; de tekst op de kaart is minstens 12 pixels hoog, heeft een contrast "
        "van minstens 4,5:1 en de randen en lijnen minstens 3:1; de fases staan in de volgorde "
        "van de route; wie met de muis over een kaart beweegt, ziet Nederlandse namen. De grafiek "
        "op Portfolio is ook één afbeelding; dezelfde aantallen staan eronder als zin en als "
        "tabel.\n"
        "- **De checklist**: elk punt is één stap met Tab, met de tekst van het punt als naam; de "
        "bron staat als tekst onder het punt.\n"
        "- **In de opbouw van de pagina's**: koppen hebben geen ankerlink met de Engelse naam "
        "'Link to heading'.\n"
        "- **Als de verbinding met de server wegvalt**: de melding daarover is Nederlands en "
        "axe-core vindt er niets in; zodra de server weer antwoordt, verdwijnt ze en gaat de "
        "pagina verder."
    ),
    "a11y.untested.heading": "Wat nog niet is onderzocht",
    "a11y.untested.body": (
        "- Er is geen audit gedaan door een deskundige volgens de methode WCAG-EM. Een "
        "automatische toets vindt maar een deel van de problemen die er kunnen zijn.\n"
        "- Er is niet getest met schermlezers (zoals NVDA, JAWS of VoiceOver), niet in andere "
        "browsers dan Chromium en niet op telefoons of tablets. axe-core noemt een paar punten "
        "die het niet zelf kan beoordelen, zoals de namen van de gekozen projecten in de "
        "keuzelijst van de agenda; die zijn nog niet met een schermlezer nagelopen.\n"
        "- De zichtbare focus is alleen nagemeten op menulinks en knoppen. Keuzelijsten, "
        "datumvelden, tabellen en kaarten zijn nog niet elk apart gecontroleerd, en niet waar de "
        "focus heen gaat nadat een agendapunt is verwijderd."
    ),
    "a11y.limits.heading": "Onderdelen die nog niet voldoen",
    "a11y.limits.intro": "Tussen haakjes staat het succescriterium van WCAG 2.1.",
    "a11y.limit.lang": (
        "De taal van de pagina en de Nederlandse namen van de onderdelen van Streamlit worden "
        "door een klein script gezet, zodra de pagina of het onderdeel getoond wordt. Heel kort "
        "tijdens het laden staat de taal nog op Engels en heeft zo'n onderdeel zijn Engelse "
        "naam, zoals 'Skip to main content' (3.1.1 Taal van de pagina, 3.1.2 Taal van "
        "onderdelen)."
    ),
    "a11y.plan.heading": "Wat we eraan doen",
    "a11y.plan.body": (
        "Dit onderdeel komt uit Streamlit, het programma waarop de navigator draait; we "
        "melden het daar. Een toets met schermlezers en een audit door een deskundige staan op de "
        "werklijst van de navigator. Wanneer ze klaar zijn, staat nog niet vast."
    ),
    "a11y.contact.heading": "Contact en feedback",
    "a11y.contact.body": (
        "Loopt u tegen een probleem aan, of hebt u de informatie in een andere vorm nodig? "
        "Neem dan contact op via **[contactadres: nog in te vullen door het programma]**. "
        "Dit adres en de termijn waarbinnen u antwoord krijgt, zijn nog niet vastgesteld; "
        "het programma vult ze hier in."
    ),
    "a11y.contact.body.support": (
        "Loopt u tegen een probleem aan, of hebt u de informatie in een andere vorm nodig? "
        "Neem dan contact op via **{contact}**. De termijn waarbinnen u antwoord krijgt, is nog "
        "niet vastgesteld."
    ),
    # Streamlit's own controls, renamed in Dutch (toolkaart/web/frontend_fixes.py)
    "ui.skip_link": "Direct naar de inhoud",
    "ui.sidebar": "Menu",
    "ui.sidebar.collapse": "Menu verbergen",
    "ui.sidebar.expand": "Menu tonen",
    "ui.date.choose": "Kalender openen",
    "ui.date.day": "dag",
    "ui.date.month": "maand",
    "ui.date.year": "jaar",
    "ui.date.selected": "Gekozen datum: {date}",
    "ui.date.calendar": "Kalender",
    "ui.date.previous": "Vorige maand",
    "ui.date.next": "Volgende maand",
    "ui.date.keys": "Kies een dag met de pijltjestoetsen, bevestig met Enter, sluit met Escape.",
    "ui.select.open": "Keuzelijst openen",
    "ui.input.apply": "{keys}Enter: toepassen",
    "ui.input.submit": "{keys}Enter: formulier versturen",
    "ui.select.clear": "Alle keuzes wissen",
    "ui.select.remove": "{name} verwijderen",
    "ui.select.chosen": "Gekozen",
    "ui.select.available.one": "1 keuze beschikbaar.",
    "ui.select.available.many": "{count} keuzes beschikbaar.",
    "ui.select.placeholder": "Maak een keuze",
    "ui.upload.choose": "Bestand kiezen",
    "ui.upload.per_file": "per bestand",
    "ui.upload.drop": "Sleep een bestand hierheen",
    "ui.upload.too_large": "Het bestand mag hoogstens {size} groot zijn.",
    "ui.upload.wrong_type": "Dit soort bestand kan hier niet worden gekozen.",
    "ui.upload.error": "Fout",
    "ui.upload.remove": "{name} weghalen",
    "ui.upload.another": "Ander bestand kiezen",
    "ui.running": "Bezig",
    "ui.progress": "Voortgang",
    "ui.code.copy": "Kopiëren naar het klembord",
    "ui.code.copied": "Gekopieerd",
    "ui.close": "Sluiten",
    "ui.connection.title": "Geen verbinding",
    "ui.connection.no_answer": (
        "De server van de navigator antwoordt even niet. Deze pagina probeert zelf opnieuw "
        "verbinding te maken. Lukt dat niet, controleer dan uw internetverbinding, of (als de "
        "navigator op uw eigen computer draait) of hij nog draait."
    ),
    "ui.connection.local": (
        "De navigator antwoordt niet. Draait hij nog? Start hem dan opnieuw in de terminal, met "
        "make run of toolkaart serve; deze pagina maakt daarna zelf weer verbinding."
    ),
    "ui.connection.timeout": (
        "De server van de navigator antwoordde niet op tijd. Deze pagina probeert het opnieuw."
    ),
    "ui.connection.status": (
        "De server van de navigator meldt een fout (HTTP-status {status}). Deze pagina probeert "
        "het opnieuw."
    ),
    "ui.connection.refused": (
        "De server van de navigator weigert deze pagina (HTTP-status 403). Dat ligt aan de "
        "instellingen van de server; meld het aan de beheerder van de navigator."
    ),
    "content.version_label": "versie {version} ({date})",
    "content.unavailable.title": "De Toolkaart is even niet beschikbaar",
    "content.unavailable.body": (
        "De inhoud van de navigator wordt bijgewerkt en kan nu niet worden getoond. Probeer het "
        "over enkele minuten opnieuw. Beheerders zien op de pagina Beheer wat er hersteld moet "
        "worden."
    ),
    # home page
    "home.howto.title": "Zo gebruikt u de navigator",
    "home.howto.body": (
        "Kies hieronder een fase van de route. Per fase ziet u de kernvraag, het doel, een "
        "checklist, de hulpmiddelen om te lezen en de actoren om te betrekken. Vink aan wat uw "
        "project al gedaan heeft en beantwoord de kernvraag: pas na *ja* gaat de poort naar de "
        "volgende fase open. Elke fase blijft te lezen, ook als haar poort nog op slot zit."
    ),
    "home.saving.session": (
        "Zonder geopend project blijven uw vinkjes en antwoorden alleen bewaard zolang dit "
        "browservenster open is; ze worden niet opgeslagen. Open of maak een project onder "
        "[Projecten]({projects}) om ze te bewaren."
    ),
    "home.saving.project": (
        "Uw vinkjes en antwoorden worden meteen opgeslagen bij project {name}, voor iedereen die "
        "het project opent."
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
        "De kaart toont de fases van boven naar beneden: groen is gepasseerd, geel de huidige "
        "fase, grijs op slot; in elk vak staat het ook. De lijst hieronder geeft dezelfde "
        "informatie; kies daar een fase."
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
        "Vink aan wat uw project al gedaan heeft ({done} van {total} afgevinkt). Onder elk punt "
        "staat waar het vandaan komt."
    ),
    "phase.checklist.source": "Bron: {source}",
    "phase.gate.title": "Poort: beantwoord de kernvraag",
    "phase.gate.locked": (
        "Deze poort is nog op slot. Beantwoord eerst de kernvraag van de huidige fase, {current}."
    ),
    "phase.gate.go_current": "Naar de huidige fase: {number}. {name}",
    "phase.gate.answer": "Uw antwoord op de kernvraag: {question}",
    "phase.gate.open_items": "Nog open checklistpunten ({count}):",
    # the gate form's fields, the same on the phase page and the Zelfscan
    "gate.form.rationale": "Onderbouwing van het besluit",
    "gate.form.decided_by": "Besloten door",
    "gate.form.decided_by_signed_in": "Besloten door: {name} (wie is aangemeld)",
    "gate.read_only": (
        "U kunt dit project lezen, maar niet wijzigen: afvinken en besluiten doet het projectteam."
    ),
    "gate.form.decided_on": "Datum van het besluit",
    "gate.form.next_review": "Datum van de volgende herbeoordeling",
    "gate.form.confirm": "Ik passeer deze poort bewust met {count} open checklistpunten",
    "gate.form.submit": "Besluit vastleggen",
    "gate.form.no_answer": "Kies eerst een antwoord op de kernvraag: ja, nog niet of nee.",
    "phase.gate.passed": "De poort van {phase} is gepasseerd. Fase {next} is nu open.",
    "phase.gate.passed_last": "De poort van {phase} is gepasseerd: alle poorten zijn gepasseerd.",
    "phase.gate.go_next": "Verder naar fase {number}. {name}",
    "phase.gate.closed": (
        "Besluit vastgelegd: {answer}. De poort van {phase} is dicht; de fases erna zijn op slot."
    ),
    "phase.gate.will_lock": (
        "Met '{answer}' gaat u terug: de poort van {phase} gaat weer open en deze poorten gaan "
        "weer op slot: {phases}. Hun besluiten blijven in het logboek; na een nieuwe 'ja' hier "
        "beantwoordt u ze opnieuw."
    ),
    "phase.gate.locked_again": (
        "Besluit vastgelegd: {answer}. De poort van {phase} is weer open en deze poorten zijn weer "
        "op slot: {phases}."
    ),
    # a save refused because someone else saved the project first (toolkaart.web.gate_form)
    "gate.conflict.reapply": "Opnieuw toepassen",
    "gate.conflict.keep": "Hun versie houden",
    "gate.conflict.reapplied": (
        "Uw vinkjes zijn opnieuw toegepast op de opgeslagen versie en opgeslagen."
    ),
    "gate.conflict.kept": "De opgeslagen versie blijft staan; uw vinkje is vervallen.",
    "gate.conflict.decide_again": (
        "Uw invoer staat nog in het formulier. Kijk of uw besluit nog klopt en leg het opnieuw vast."
    ),
    # a page from a lost session (its server went away): toolkaart.web.reconnect
    "walk.reconnected.ticks": (
        "De verbinding met de server was even weg. De vinkjes tonen weer wat er is opgeslagen; "
        "een vinkje van vlak daarvoor is misschien niet verwerkt. Vink het zo nodig opnieuw aan."
    ),
    "walk.reconnected.decision": (
        "De verbinding met de server was even weg; uw besluit is niet vastgelegd. Uw invoer staat "
        "nog in het formulier: kijk of die klopt en leg het besluit opnieuw vast."
    ),
    "walk.reconnected.click": (
        "De verbinding met de server was even weg; uw klik is niet verwerkt. Wat u had ingevuld "
        "staat er nog: kijk of het klopt en klik opnieuw."
    ),
    "phase.gate.history": "Eerdere besluiten over deze poort",
    "phase.gate.history.more": (
        "En nog {decisions} daarvoor; het besluitenlogboek van de Zelfscan toont ze allemaal."
    ),
    "phase.gate.history.item": "{date}: **{answer}**",
    "phase.gate.history.by": "door {name}",
    "phase.gate.history.open": "met {count} open checklistpunten",
    "phase.gate.history.review": "volgende herbeoordeling {date}",
    "phase.notes.title": "Notities bij deze fase",
    "records.need_project": (
        "Open een project (pagina Projecten) om per checklistpunt onderbouwing, per rol de "
        "mensen en per fase notities vast te leggen."
    ),
    "records.conflict": (
        "Wat u invulde, staat er nog: voeg het opnieuw toe om het bij de opgeslagen versie "
        "te zetten."
    ),
    "records.author": "Uw naam (mag leeg blijven)",
    "records.author_signed_in": "Toegevoegd door: {name} (wie is aangemeld)",
    "records.tally": "{supported} afgevinkt met onderbouwing, {unsupported} zonder.",
    "records.evidence.add": "Onderbouwing toevoegen",
    "records.evidence.note": "Toelichting",
    "records.evidence.url": "Webadres (https)",
    "records.evidence.submit": "Onderbouwing vastleggen",
    "records.evidence.added": "De onderbouwing is vastgelegd.",
    "records.evidence.more": "En {count} eerder toegevoegd (alles staat in het projectrapport).",
    "records.people.list": "In dit project: {names}",
    "records.people.nobody": "In dit project: nog niemand genoemd.",
    "records.people.named": "{actor} ({names})",
    "records.people.of": "**{actor}** — {line}",
    "records.people.edit": "Mensen bij {actor}",
    "records.people.remove": "{name} verwijderen",
    "records.people.name": "Naam",
    "records.people.function": "Functie",
    "records.people.function_example": "bijvoorbeeld SEH-arts",
    "records.people.contact": "Contact (e-mail of telefoon)",
    "records.people.submit": "Persoon toevoegen",
    "records.people.added": "{name} is toegevoegd.",
    "records.people.removed": "{name} staat niet meer bij deze rol.",
    "records.notes.text": "Nieuwe notitie",
    "records.notes.submit": "Notitie toevoegen",
    "records.notes.added": "De notitie is toegevoegd.",
    "records.notes.none": "Nog geen notities bij deze fase.",
    "records.notes.more": "Eerdere notities: {notes} (alles staat in het projectrapport).",
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
        "Links de actoren (ellipsen), in het midden de fases in de volgorde van de route, rechts "
        "de hulpmiddelen (notities). Deze fase en haar actoren en hulpmiddelen hebben een dikke "
        "rand en zwarte tekst; de rest een dunne rand en grijze tekst. Dezelfde informatie staat "
        "hierboven bij Hulpmiddelen en Actoren."
    ),
    "phase.nav.previous": "Vorige fase: {number}. {name}",
    "phase.nav.next": "Volgende fase: {number}. {name} ({state})",
    "phase.nav.label": "Naar een andere fase",
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
    "beheer.diff.title": "Wijzigingen sinds de vorige keer laden",
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
    "beheer.validation.warnings": "De inhoud is geldig, met {warnings}.",
    "beheer.validation.errors": (
        "De inhoudsbestanden bevatten {errors} en {warnings}. Gebruikers merken daar niets van: "
        "de andere pagina's tonen de laatste geldige inhoud (zie hieronder)."
    ),
    "beheer.validation.error_list": "Fouten (bestand:regel:kolom)",
    "beheer.validation.warning_list": "Waarschuwingen (bestand:regel:kolom)",
    "beheer.version.title": "Versie en wijzigingen",
    "beheer.version.current": "Inhoud {label}.",
    "beheer.version.unknown": "De versie is onbekend zolang de inhoud fouten bevat.",
    "beheer.serving_previous": (
        "De bestanden bevatten fouten. De navigator toont gebruikers intussen de vorige geldige "
        "inhoud: {label}, geladen {loaded}. Herstel de fouten hieronder; daarna wordt de "
        "nieuwe inhoud vanzelf getoond."
    ),
    "beheer.held_back": (
        "De bestanden zijn geldig, maar zouden {parts} van de route verwijderen. Tot u "
        "dat bevestigt, toont de navigator gebruikers de vorige inhoud. Controleer of dit de "
        "bedoeling is (een afgebroken bestand kan ook geldig zijn):"
    ),
    "beheer.held_back.confirm": "Verwijdering bevestigen en de nieuwe inhoud tonen",
    "beheer.held_back.done": "De nieuwe inhoud wordt nu aan iedereen getoond.",
    "beheer.held_back.changed": (
        "De inhoudsbestanden zijn intussen weer veranderd, dus er is niets bevestigd. Open "
        "Beheer opnieuw om te zien wat ze nu zeggen."
    ),
    "beheer.serving_none": (
        "De bestanden bevatten fouten en er is sinds de start nog geen geldige inhoud geladen: "
        "gebruikers zien een melding dat de Toolkaart even niet beschikbaar is."
    ),
    "beheer.changelog.empty": "Er is nog geen wijzigingslogboek (`changelog` in meta.yaml).",
    "beheer.reach.title": "Wijzigingen en projecten",
    "beheer.reach.unavailable": "Er wordt nog geen geldige inhoud gebruikt; er valt niets te tellen.",
    "beheer.reach.intro": (
        "Per wijziging sinds een eerdere versie: hoeveel projecten (niet gearchiveerd, in alle "
        "organisaties) hun laatste besluit met die eerdere versie namen en de wijziging dus bij "
        "het openen te zien krijgen. Alleen aantallen. Op de huidige versie {version}: "
        "{current} projecten."
    ),
    "beheer.reach.same_version": (
        "Onder versie {version} is eerder een andere inhoud vastgelegd. Projecten zien "
        "wijzigingen alleen als het versienummer in meta.yaml verandert: verhoog het."
    ),
    "beheer.reach.unknown": (
        "{count} projecten rusten op versie {version}, waarvan de opzet nergens is vastgelegd: "
        "zij zien dat de inhoud veranderde, niet wat."
    ),
    "beheer.reach.no_version": "(geen: nog nooit met inhoud opgeslagen)",
    "beheer.reach.none": "Er zijn geen wijzigingen sinds een eerdere versie die hier bekend is.",
    "beheer.reach.versions": "Eerdere versies: {versions}.",
    "beheer.reach.version": "{version} ({count} projecten)",
    "beheer.reach.col.phase": "Fase",
    "beheer.reach.col.change": "Wijziging",
    "beheer.reach.col.name": "Onderdeel",
    "beheer.reach.col.was": "Was",
    "beheer.reach.col.projects": "Projecten",
    "beheer.reach.kind.item_added": "checklistpunt nieuw",
    "beheer.reach.kind.item_reworded": "checklistpunt anders geformuleerd",
    "beheer.reach.kind.item_removed": "checklistpunt vervallen",
    "beheer.reach.kind.tool_added": "hulpmiddel toegevoegd",
    "beheer.reach.kind.tool_removed": "hulpmiddel weggehaald",
    "beheer.reach.kind.actor_added": "actor toegevoegd",
    "beheer.reach.kind.actor_removed": "actor weggehaald",
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
    # content diagnostics (toolkaart.content: loader, yamlsource, models, web_addresses), shown on
    # Beheer and by the CLI after 'path:line:col: error|warning: '
    "content.where.file": "bestand",
    "content.file.missing": "het bestand ontbreekt",
    "content.file.not_a_file": "dit is geen gewoon bestand",
    "content.file.too_large": (
        "het bestand is {size} bytes; een inhoudsbestand is hoogstens {limit} bytes"
    ),
    "content.file.no_permission": "geen toestemming om het bestand te lezen",
    "content.file.unreadable": "het bestand kan niet worden gelezen ({reason})",
    "content.file.not_utf8": "het bestand is geen geldige UTF-8-tekst",
    "content.file.more": "nog {problems} in dit bestand niet getoond",
    "content.yaml.empty": "het bestand is leeg",
    "content.yaml.syntax": "YAML-syntaxis: {problem}",
    "content.yaml.problem.unclosed_list": (
        "een lijst tussen [ ] is niet goed afgesloten: er ontbreekt een ',' of ']'"
    ),
    "content.yaml.problem.unclosed_mapping": (
        "een reeks velden tussen { } is niet goed afgesloten: er ontbreekt een ',' of '}'"
    ),
    "content.yaml.problem.end_of_file": (
        "het bestand houdt onverwacht op (is een aanhalingsteken, ] of } niet afgesloten?)"
    ),
    "content.yaml.problem.colon_here": (
        "hier kan geen ': ' staan; zet tekst met ': ' erin tussen aanhalingstekens, of controleer "
        "het inspringen"
    ),
    "content.yaml.problem.no_key": (
        "hier hoort een veld (naam: waarde) te staan; controleer het inspringen"
    ),
    "content.yaml.problem.no_colon": "na de naam van een veld ontbreekt de ':'",
    "content.yaml.problem.no_dash": (
        "hier hoort een element van de lijst ('- ') te staan; controleer het inspringen"
    ),
    "content.yaml.problem.dash_here": (
        "een element van een lijst ('- ') kan hier niet staan; controleer het inspringen"
    ),
    "content.yaml.problem.bad_character": (
        "dit teken kan hier niet staan: spring in met spaties (geen tabs) en zet tekst die met "
        "@ of ` begint tussen aanhalingstekens"
    ),
    "content.yaml.problem.tab": "spring in met spaties, niet met tabs",
    "content.yaml.problem.control_character": (
        "een onzichtbaar stuurteken is niet toegestaan; typ de tekst opnieuw"
    ),
    "content.yaml.problem.escape": (
        "na een \\ in tekst tussen dubbele aanhalingstekens staat een teken dat daar niet kan; "
        "gebruik enkele aanhalingstekens"
    ),
    "content.yaml.problem.no_value": "hier ontbreekt een waarde",
    "content.yaml.problem.other": "dit is geen geldige YAML (de parser meldt: {original})",
    "content.yaml.alias": "ankers en aliassen (& en *) worden niet ondersteund",
    "content.yaml.tag": "YAML-tag '{tag}' wordt niet ondersteund",
    "content.yaml.bad_value.int": "'{value}' is geen geldig geheel getal",
    "content.yaml.bad_value.float": "'{value}' is geen geldig getal",
    "content.yaml.bad_value.timestamp": "'{value}' is geen geldige datum of geldig tijdstip",
    "content.yaml.bad_value.bool": "'{value}' is geen geldige waarheidswaarde (true of false)",
    "content.yaml.key_not_text": "de naam van een veld moet gewone tekst zijn",
    "content.yaml.duplicate_key": "veld '{key}' staat hier twee keer (eerst op regel {line})",
    "content.yaml.too_many": "meer dan {limit} elementen in één lijst of reeks velden",
    "content.yaml.too_deep": "dieper genest dan {limit} niveaus",
    "content.yaml.two_documents": (
        "een inhoudsbestand bevat één YAML-document; verwijder de tweede '---'"
    ),
    "content.field.missing": "verplicht veld '{field}' ontbreekt",
    "content.field.unknown": "onbekend veld '{field}'",
    "content.value.string_type": "moet tekst zijn",
    "content.value.string_too_short": "moet minstens {length} lang zijn",
    "content.value.string_too_long": "mag hoogstens {length} lang zijn",
    "content.value.string_pattern_mismatch": (
        "is geen geldige id: alleen kleine letters, cijfers en enkele streepjes (zoals pilot-a)"
    ),
    "content.value.int_type": "moet een geheel getal zijn, zonder aanhalingstekens",
    "content.value.greater_than_equal": "moet minstens {ge} zijn",
    "content.value.tuple_type": "moet een lijst zijn",
    "content.value.too_short": "moet minstens {length} bevatten",
    "content.value.too_long": "mag hoogstens {length} bevatten",
    "content.value.model_type": "moet een reeks velden zijn (naam: waarde)",
    "content.value.date": "moet een datum zijn (JJJJ-MM-DD)",
    "content.value.other": "ongeldige waarde (pydantic-fout '{type}')",
    "content.value.not_https": "'{value}' is geen geldig https-adres",
    "content.diag.duplicate_id.phase": "dubbele fase-id '{id}' (eerst op regel {line})",
    "content.diag.duplicate_id.actor": "dubbele actor-id '{id}' (eerst op regel {line})",
    "content.diag.duplicate_id.tool": "dubbele hulpmiddel-id '{id}' (eerst op regel {line})",
    "content.diag.duplicate_item_id": "dubbele checklistpunt-id '{id}' (eerst op regel {line})",
    "content.diag.number.phase": (
        "fase '{id}' heeft nummer {number} maar is nummer {position} in de volgorde van de route; "
        "nummer de fases 1, 2, 3 … in de volgorde van de route"
    ),
    "content.diag.number.actor": (
        "actor '{id}' heeft nummer {number} maar is nummer {position} in het bestand; nummer de "
        "actoren 1, 2, 3 … in de volgorde van het bestand"
    ),
    "content.diag.number.tool": (
        "hulpmiddel '{id}' heeft nummer {number} maar is nummer {position} in het bestand; "
        "nummer de hulpmiddelen 1, 2, 3 … in de volgorde van het bestand"
    ),
    "content.diag.unknown_id.actor": "onbekende actor-id '{id}'",
    "content.diag.unknown_id.tool": "onbekende hulpmiddel-id '{id}'",
    "content.diag.listed_twice.actor": "actor '{id}' staat twee keer in de lijst",
    "content.diag.listed_twice.tool": "hulpmiddel '{id}' staat twee keer in de lijst",
    "content.diag.not_on_phase.actor": (
        "checklistpunt '{item}' noemt actor '{id}', maar fase '{phase}' noemt die actor niet"
    ),
    "content.diag.not_on_phase.tool": (
        "checklistpunt '{item}' noemt hulpmiddel '{id}', maar fase '{phase}' noemt dat "
        "hulpmiddel niet"
    ),
    "content.diag.no_source": "checklistpunt '{item}' heeft geen bron",
    "content.diag.route_undefined": (
        "fase '{id}' staat in de route maar is niet gedefinieerd in phases.yaml (is dat bestand "
        "afgebroken of een fase per ongeluk verwijderd?)"
    ),
    "content.diag.route_unlisted": (
        "fase '{id}' staat niet in de route (route in meta.yaml); voeg hem daar toe of verwijder hem"
    ),
    "content.diag.route_order": (
        "fase '{id}' staat hier, maar volgens de route (meta.yaml) hoort hier fase '{expected}'"
    ),
    "content.diag.no_address": "hulpmiddel '{id}' heeft geen webadres",
    "content.diag.bad_address": "hulpmiddel '{id}': '{url}' is geen geldig https-adres",
    "content.diag.no_tools_list": "geen lijst met hulpmiddelen onder 'tools'",
    "content.link.timeout": "geen antwoord binnen {seconds} s",
    "content.link.certificate": "certificaat niet geaccepteerd: {reason}",
    # gate rules (toolkaart.route.gates)
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
    "gate.error.in_log": "Besluit {number} in het logboek (geteld vanaf 1): {message}",
    "gate.error.future_date": (
        "Een besluit kan niet in de toekomst liggen ({date}); vandaag is het {today}."
    ),
    # projects (toolkaart.route.project, toolkaart.store.project_store)
    "project.field.name": "Naam",
    "project.field.organisation": "Organisatie of team",
    "project.field.description": "Korte beschrijving",
    "project.field.contact": "Contactpersoon",
    "project.error.name_required": "Geef het project een naam.",
    "project.error.unknown_phase": "Fase '{phase}' bestaat niet.",
    "project.error.unknown_item": "Fase {phase} heeft geen checklistpunt '{item}'.",
    "project.error.unknown_actor": "Actor '{actor}' bestaat niet.",
    "project.error.not_https": (
        "Het webadres '{url}' is geen volledig https-adres (zoals https://www.voorbeeld.nl/pagina)."
    ),
    "project.error.evidence_empty": "Schrijf een toelichting of geef een webadres (of beide).",
    "project.error.person_name_required": "Geef de naam van de persoon.",
    "project.error.note_empty": "Schrijf eerst een notitie.",
    "project.error.too_many": "Een project kan hiervan hoogstens {limit} bevatten.",
    "project.error.too_many_in_role": "Per rol kunnen hoogstens {limit} mensen worden genoemd.",
    "record.evidence.line": "Onderbouwing: {text} ({by}, {when})",
    "record.evidence.line_anonymous": "Onderbouwing: {text} ({when})",
    "record.note.line": "{when}, {by}: {text}",
    "record.note.line_anonymous": "{when}: {text}",
    "record.field.note": "De toelichting",
    "record.field.url": "Het webadres",
    "record.field.author": "Uw naam",
    "record.field.name": "De naam",
    "record.field.function": "De functie",
    "record.field.contact": "Het contact",
    "record.field.text": "De notitie",
    "text.error.control_character": (
        "{field} bevat een onzichtbaar stuurteken; typ de tekst opnieuw of plak hem als platte tekst."
    ),
    "text.error.too_long": "{field} mag hoogstens {limit} tekens lang zijn (nu {length}).",
    "gate.field.rationale": "De onderbouwing",
    "gate.field.decided_by": "Besloten door",
    "project.diff.field": "{field}: '{old}' werd '{new}'",
    "project.diff.nobody": "(niet ingevuld)",
    "project.diff.archived": "Het project is gearchiveerd.",
    "project.diff.unarchived": "Het project is uit het archief gehaald.",
    "project.diff.ticked": "Fase {phase}: afgevinkt '{item}'",
    "project.diff.unticked": "Fase {phase}: niet meer afgevinkt '{item}'",
    "project.diff.decision": (
        "Fase {phase}: besluit '{answer}' door {by} op {date}, onderbouwing: {rationale}"
    ),
    "project.diff.log_rewritten": "{count} eerdere besluiten ontbreken in het logboek.",
    "project.diff.evidence": "Fase {phase}: onderbouwing toegevoegd bij '{item}'",
    "project.diff.note": "Fase {phase}: notitie toegevoegd",
    "project.diff.person_added": "{actor}: {name} genoemd",
    "project.diff.person_removed": "{actor}: {name} niet meer genoemd",
    "store.error.not_found": "Project '{id}': niet gevonden of geen toegang.",
    "store.error.no_write": "U mag geen projecten van organisatie '{organisation}' wijzigen.",
    "store.error.decided_by_other": (
        "Een besluit, onderbouwing of notitie wordt vastgelegd op naam van wie is aangemeld "
        "({label}), niet van een ander."
    ),
    "store.error.exists": "Er bestaat al een project met id '{id}'.",
    "store.error.no_content_permission": (
        "Alleen de redactie van de inhoud ziet hoeveel projecten een inhoudswijziging raakt."
    ),
    "store.error.log_rewritten": (
        "Het besluitenlogboek van project {name} kan alleen worden aangevuld, niet gewijzigd."
    ),
    "store.error.records_rewritten": (
        "Onderbouwing en notities van project {name} kunnen alleen worden aangevuld, niet "
        "gewijzigd."
    ),
    "store.error.conflict": (
        "Project {name} is intussen door iemand anders opgeslagen (nu versie {current}; u werkte "
        "aan versie {mine}). Uw wijziging is niet opgeslagen, om die van de ander niet te "
        "overschrijven; u ziet nu de opgeslagen versie."
    ),
    "store.error.disk_full": "De schijf waarop de database staat, is vol. {outcome}",
    "store.error.read_only": "De database kan nu niet worden bijgewerkt (alleen-lezen). {outcome}",
    "store.error.unreachable": "De database is nu niet bereikbaar. {outcome}",
    "store.error.rejected": (
        "De database weigerde de invoer: een tekst is te lang of bevat een teken dat niet kan "
        "worden opgeslagen. Er is niets opgeslagen; uw invoer staat er nog, zodat u die kunt "
        "aanpassen en opnieuw kunt opslaan."
    ),
    "store.error.failed": "De database gaf een onverwachte fout. {outcome}",
    "store.outcome.write": (
        "Er is niets opgeslagen. Uw invoer staat er nog: probeer het over enkele ogenblikken "
        "opnieuw. De beheerder vindt de details in het serverlog."
    ),
    "store.outcome.read": (
        "De gegevens kunnen nu niet worden getoond; probeer het over enkele ogenblikken opnieuw. "
        "De beheerder vindt de details in het serverlog."
    ),
    "store.advice.folder": (
        "De map {path} moet schrijfbaar zijn voor gebruiker '{user}', die de navigator draait: "
        "SQLite maakt daar naast de database de bestanden -wal en -shm aan."
    ),
    "store.advice.file": (
        "Het databasebestand {path} moet schrijfbaar zijn voor gebruiker '{user}', die de "
        "navigator draait (bijvoorbeeld: chown {user} {path}; chmod u+rw {path})."
    ),
    "store.advice.side_file": (
        "Het bijbestand {path} is niet schrijfbaar voor gebruiker '{user}' en is van een andere "
        "gebruiker, dus de navigator kan het niet zelf herstellen. Maak het schrijfbaar voor "
        "'{user}' (chown {user} {path}); verwijder het niet: een -wal-bestand kan opgeslagen "
        "gegevens bevatten."
    ),
    "store.advice.retry": (
        "Na het herstel is geen herstart nodig: de navigator probeert het bij elke pagina opnieuw."
    ),
    "store.advice.repaired": (
        "Het bijbestand {path} was alleen-lezen; de navigator gaf het dezelfde rechten als het "
        "databasebestand, zodat opslaan weer werkt."
    ),
    "store.conflict.changes": "Wat er intussen veranderde:",
    "store.conflict.mine": "Uw wijzigingen die niet zijn opgeslagen:",
    "store.conflict.none": "- (geen inhoudelijke wijzigingen)",
    # backups, restores and copies of the whole database (toolkaart.store.transfer, .backup)
    "backup.error.not_empty": (
        "De doeldatabase is niet leeg ({tables}). Herstellen en kopiëren gaan alleen naar een "
        "lege database; met --replace wordt wat er staat eerst gewist. Er is niets veranderd."
    ),
    "backup.error.revision": (
        "De bron heeft schemaversie {source}, de doeldatabase {target}; die moeten gelijk zijn. "
        "Breng een database eerst naar de nieuwste versie met 'toolkaart db upgrade'; een "
        "back-up van een oudere versie herstelt u met die versie van de Toolkaart-navigator en "
        "daarna 'toolkaart db upgrade'. Er is niets veranderd."
    ),
    "backup.error.not_toolkaart": (
        "'{name}' is geen database van de Toolkaart-navigator: er staat geen schemaversie in."
    ),
    "backup.error.no_database": "De database '{path}' bestaat niet.",
    "backup.error.unknown_file": (
        "'{path}' is geen back-up van de Toolkaart-navigator: geen SQLite-bestand en geen "
        "toolkaart-backup-bestand."
    ),
    "backup.error.damaged": (
        "De back-up '{path}' is beschadigd of onvolledig: {reason}. Er is niets hersteld."
    ),
    "backup.error.differs": (
        "Na het overzetten verschillen bron en doel in: {tables}. Er is niets opgeslagen."
    ),
    "backup.damaged.unreadable": "het bestand kan niet worden gelezen",
    "backup.damaged.format": "onbekende indeling of versie",
    "backup.damaged.table": "tabel {table} ontbreekt of staat niet op zijn plaats",
    "backup.damaged.columns": "de kolommen van tabel {table} passen niet bij de schemaversie",
    "backup.damaged.row": "een rij van tabel {table} is onleesbaar",
    "backup.damaged.count": "tabel {table} heeft {found} rijen, de kop noemt er {expected}",
    "backup.damaged.checksum": "de inhoud van tabel {table} klopt niet met de controlesom",
    "backup.damaged.end": "het slot van het bestand ontbreekt",
    "db.check.ready": "database klaar: schemaversie {revision} (de nieuwste)",
    "db.check.behind": (
        "database niet klaar: schemaversie {revision}, deze versie verwacht {head}; "
        "voer 'toolkaart db upgrade' uit"
    ),
    "db.check.empty": (
        "database niet klaar: er staan geen tabellen van de Toolkaart-navigator in; "
        "voer 'toolkaart db upgrade' uit"
    ),
    "db.check.unreachable": "database niet bereikbaar",
    # project exchange files (toolkaart.documents.project_exchange)
    "exchange.rejected": "Het bestand is niet ingelezen; er is niets veranderd. Wat er mis is:",
    "exchange.more": "… en nog {count} andere problemen.",
    "exchange.too_large": (
        "Het bestand is te groot ({size}); een projectbestand is hoogstens {limit}."
    ),
    "exchange.duplicate_key": (
        "Het veld '{key}' staat twee keer in hetzelfde object; welke waarde bedoeld is, is niet "
        "te zeggen."
    ),
    "exchange.time_without_zone": (
        "{where}: bij het tijdstip {value} ontbreekt de tijdzone (bijvoorbeeld +01:00)."
    ),
    "exchange.before_created": (
        "Besluit {number} in het logboek (geteld vanaf 1) is gedateerd {date}, vóór het project "
        "werd aangemaakt ({created})."
    ),
    "exchange.empty": "Het bestand is leeg.",
    "exchange.not_json": "Het bestand is geen geldige JSON (fout op regel {line}, kolom {column}).",
    "exchange.too_deep": (
        "Het bestand is te diep genest (regel {line}, kolom {column}); een projectbestand is dat "
        "nooit."
    ),
    "exchange.format_version": (
        "Formaatversie {found} wordt niet ondersteund; deze versie van de navigator leest "
        "formaatversie 1 en 2."
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
    "exchange.record": "{where}: {error}",
    "exchange.copy_name": "{name} (kopie)",
    "exchange.implausible_time": "{where}: {value} kan geen juist tijdstip zijn.",
    "exchange.unknown_phase": "{where}: fase '{phase}' bestaat niet in de huidige Toolkaart.",
    "exchange.unknown_item": (
        "{where}: checklistpunt '{item}' bestaat niet in fase '{phase}' van de huidige Toolkaart."
    ),
    "exchange.unknown_tool": "{where}: hulpmiddel '{tool}' bestaat niet in de huidige Toolkaart.",
    "exchange.unknown_actor": "{where}: actor '{actor}' bestaat niet in de huidige Toolkaart.",
    # the printed page of the board documents (toolkaart.documents.print_layout)
    "document.author": "Toolkaart navigator",
    "document.footer": "{title} · Toolkaart {version}",
    "document.page": "pagina {page} van {pages}",
    # project report (toolkaart.documents.project_report)
    "report.title": "Projectrapport: {name}",
    "report.archived": "Dit project is gearchiveerd.",
    "report.made": "Opgesteld op {date} met de Toolkaart, inhoud {content}.",
    "report.summary.phase": "Huidige fase",
    "report.summary.passed": "Gepasseerde poorten",
    "report.summary.open": "Open checklistpunten",
    "report.summary.evidence": "Onderbouwing",
    "report.summary.evidence_value": (
        "{supported} afgevinkt met onderbouwing, {unsupported} zonder, in fase {phase}"
    ),
    "report.summary.decision": "Laatste besluit",
    "report.summary.review": "Volgende herbeoordeling",
    "report.summary.phase_value": "{number}. {phase}",
    "report.summary.completed": "{number}. {phase}: alle poorten gepasseerd, in gebruik",
    "report.summary.passed_value": "{passed} van {total}",
    "report.summary.open_value": "{open_items} in fase {phase}",
    "report.summary.decision_value": "{answer}, fase {phase}, {date}",
    "report.summary.no_decision": "nog geen besluit genomen",
    "report.summary.no_review": "nog niet gepland: volgt op een ja in fase {phase}",
    "report.review_due": "De herbeoordeling is nu aan de orde.",
    "report.next": "Wat nu nodig is: fase {phase}",
    "report.tools": "Hulpmiddelen om te lezen",
    "report.actors": "Actoren om te betrekken",
    "report.no_url": "geen webadres bekend",
    "report.phases": "Per fase",
    "report.phase": "{number}. {phase} ({state})",
    "report.key_question": "Kernvraag: {question}",
    "report.ticked_with": "Afgevinkt met onderbouwing ({count}):",
    "report.ticked_without": "Afgevinkt zonder onderbouwing ({count}):",
    "report.open": "Open ({count}):",
    "report.none_ticked": "Nog niets afgevinkt.",
    "report.notes": "Notities ({count}):",
    "report.actor_people": "{actor}: {people}",
    "report.nobody_named": "nog niemand genoemd",
    "report.people": "Wie welke rol heeft",
    "report.people_none": "Er zijn nog geen mensen bij de rollen genoemd.",
    "report.content_version": "Het laatste besluit is genomen met inhoud versie {version}.",
    "report.content_version.undecided": (
        "Het project is aangemaakt of geïmporteerd met inhoud versie {version}."
    ),
    "report.retired": "Vervallen checklistpunten, afgevinkt voordat ze vervielen ({count}):",
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
    "projects.import.organisation": "In organisatie",
    "projects.import.not_allowed": "Importeren doet het projectteam (de rol team).",
    "projects.import.help": (
        "Een bestand dat met 'Download JSON' is gemaakt. Het wordt eerst volledig gecontroleerd; "
        "een afgekeurd bestand verandert niets."
    ),
    "projects.import.file": "Projectbestand (JSON)",
    "projects.import.submit": "Importeren",
    "projects.import.none": "Kies eerst een bestand om te importeren.",
    "projects.import.done": "Project {name} is geïmporteerd.",
    "projects.list.title": "Uw projecten",
    "projects.banner": (
        "U werkt aan project {name}: wat u hier aanvinkt en besluit, wordt in dat project bewaard."
    ),
    "projects.banner.link": "Naar de zelfscan van {name}",
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
    "scan.phase_page": (
        "Fase {number}. {phase} in de navigator: hulpmiddelen, actoren en kaart (voor dit project)"
    ),
    "scan.checklist": "Checklist",
    "scan.gate": "Poort: beantwoord de kernvraag",
    "scan.notes": "Notities bij deze fase",
    "scan.people": "Wie welke rol heeft in deze fase",
    "scan.content_version": "Laatste besluit genomen met inhoud versie {version}.",
    "scan.content_version.undecided": (
        "Project aangemaakt of geïmporteerd met inhoud versie {version}; nog geen besluit."
    ),
    # what changed in the content since a project's last decision (route/content_changes.py)
    "changes.notice": "Inhoud gewijzigd sinds uw laatste besluit (versie {since} → {serving})",
    "changes.notice.undecided": (
        "Inhoud gewijzigd sinds dit project is aangemaakt of geïmporteerd "
        "(versie {since} → {serving})"
    ),
    "changes.unknown": (
        "Wat er precies veranderde, is niet bekend: de opzet van versie {since} is hier nergens "
        "vastgelegd. Controleer de checklist van uw huidige fase."
    ),
    "changes.none": "Voor uw route veranderde er niets: alleen bronnen of andere teksten.",
    "changes.none_here": "In deze fase veranderde niets; in andere fases wel (zie de Zelfscan).",
    "changes.after": "Deze melding blijft staan tot uw volgende besluit.",
    "changes.phase": "{phase}:",
    "changes.kind.item_added": "nieuw checklistpunt: {name}",
    "changes.kind.item_reworded": "checklistpunt anders geformuleerd: {name} (was: {old})",
    "changes.kind.item_removed": "checklistpunt vervallen: {name}",
    "changes.kind.item_removed.ticked": (
        "checklistpunt vervallen: {name} (was afgevinkt; blijft in uw route bewaard)"
    ),
    "changes.kind.tool_added": "hulpmiddel toegevoegd: {name}",
    "changes.kind.tool_removed": "hulpmiddel niet meer bij deze fase: {name}",
    "changes.kind.actor_added": "actor toegevoegd: {name}",
    "changes.kind.actor_removed": "actor niet meer bij deze fase: {name}",
    "changes.item.new": "{text} (nieuw)",
    "changes.item.retired": "Vervallen, was afgevinkt: {text}",
    "scan.log": "Besluitenlogboek",
    "scan.history": "Geschiedenis",
    "scan.history.open": "Wie wijzigde wat, en wanneer",
    "scan.history.line": "Versie {version}, {when}, door {who}",
    "scan.history.nobody": "(lokaal, zonder aanmelden)",
    "scan.history.created": "Project aangemaakt of geïmporteerd.",
    "scan.history.more": "Oudere versies: {count}.",
    "scan.log.empty": "Er zijn nog geen besluiten genomen.",
    "scan.log.page": "Pagina van het logboek (1 tot en met {pages})",
    "scan.log.page.option": "Pagina {number}: besluit {first} tot en met {last}",
    "scan.log.range": "Besluit {first} tot en met {last} van {total}.",
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
        "rapport voor uw stakeholders; de kalender (iCalendar) zet de volgende herbeoordeling en "
        "de bestuursvergaderingen over dit project in Outlook of een andere agenda."
    ),
    "scan.export.json": "Download JSON",
    "scan.export.md": "Download Markdown",
    "scan.export.docx": "Download Word (DOCX)",
    "scan.export.pdf": "Download PDF",
    "scan.export.ics": "Download kalender (iCalendar)",
    "answer.ja": "Ja",
    "answer.nog niet": "Nog niet",
    "answer.nee": "Nee",
    # the Markdown handbook (toolkaart.documents.handbook.to_markdown) and the maps
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
    "map.route": "De route van de Toolkaart",
    "map.title": "De Toolkaart: fases, actoren en hulpmiddelen",
    "state.passed": "gepasseerd",
    "state.current": "huidige fase",
    "state.locked": "op slot",
    # portfolio (toolkaart.board.portfolio, pages/portfolio.py)
    "portfolio.count.part": "{phase}: {count}",
    "portfolio.count.sentence": "Aantal actieve projecten: {total}. Per fase: {parts}.",
    # pages/portfolio.py
    "nav.portfolio": "Portfolio",
    "portfolio.title": "Portfolio van AI-projecten",
    "portfolio.intro": (
        "Alle actieve projecten: in welke fase ze staan, welke poort op een besluit wacht, wat nog "
        "open staat en hoe lang er niets is veranderd."
    ),
    "portfolio.filter.organisation": "Organisatie",
    "portfolio.filter.all": "Alle organisaties",
    "portfolio.no_organisation": "(geen organisatie)",
    "portfolio.stale_days": "Markeer projecten die langer dan dit aantal dagen niet zijn gewijzigd",
    "portfolio.stale_days.option": "{days} dagen",
    "portfolio.empty": (
        "Er zijn (voor deze selectie) geen actieve projecten. Maak een project aan op de pagina "
        "Projecten."
    ),
    "portfolio.metric.total": "Actieve projecten",
    "portfolio.metric.stale": "Langer dan {days} dagen niet gewijzigd",
    "portfolio.by_phase": "Aantal projecten per fase",
    "portfolio.chart.title": "Aantal actieve projecten per fase",
    "portfolio.chart.table": "Dezelfde aantallen als tabel",
    "portfolio.projects": "Projecten",
    "portfolio.col.project": "Project",
    "portfolio.col.organisation": "Organisatie",
    "portfolio.col.phase": "Fase",
    "portfolio.col.count": "Aantal",
    "portfolio.col.awaiting": "Poort wacht op besluit",
    "portfolio.col.last_decision": "Laatste besluit",
    "portfolio.last_decision": "{answer} ({phase}), {date}",
    "portfolio.col.open_items": "Open punten",
    "portfolio.col.days": "Dagen sinds wijziging",
    "portfolio.stale": "{days}: ⚠ lang niet gewijzigd",
    "portfolio.review": "Herbeoordeling: {date}.",
    "portfolio.review.due": "Herbeoordeling: ⚠ {date}, nu aan de orde.",
    "portfolio.none": "nog geen",
    "portfolio.details": "{name}: {count} open checklistpunten",
    "portfolio.open_project": "{name} openen in de Zelfscan",
    "portfolio.to_agenda": "Naar de agenda voor de bestuursvergadering",
    "portfolio.flow.heading": "Doorlooptijd per fase",
    "portfolio.flow.intro": (
        "Uit de besluitenlog: een project komt in de eerste fase op de dag dat het is aangemaakt, "
        "en in elke volgende fase op de dag van het ja op de poort ervoor. Het verlaat een fase "
        "met het ja op haar eigen poort. Gaat een project terug naar een eerdere poort, dan "
        "begint daar een nieuw verblijf; alle verblijven in een fase tellen op. De spreiding "
        "gaat over de projecten die de fase hebben afgerond; projecten die er nu staan, tellen "
        "apart."
    ),
    "portfolio.flow.stuck_days": "Markeer projecten die langer dan dit aantal dagen in dezelfde fase staan",
    "portfolio.flow.stuck_days.help": (
        "Telt vanaf de dag dat het project in zijn huidige fase kwam."
    ),
    "portfolio.flow.chart.title": (
        "Dagen per fase van de afgeronde projecten: de lijn loopt van kortste tot langste, het "
        "blok is de middelste helft, het streepje de mediaan"
    ),
    "portfolio.flow.table": "Dezelfde doorlooptijden als tabel",
    "portfolio.flow.outcomes.heading": "Poortbesluiten per fase",
    "portfolio.flow.outcomes.chart.title": "Aantal poortbesluiten per fase, naar antwoord",
    "portfolio.flow.outcomes.table": "Dezelfde aantallen besluiten als tabel",
    "portfolio.flow.stuck.heading": "Projecten die stilstaan",
    "portfolio.calendar.heading": "Kalender",
    "portfolio.calendar.help": (
        "Een kalenderbestand (iCalendar, .ics) met de herbeoordelingen van de projecten in gebruik "
        "en de bestuursvergaderingen van de opgeslagen agenda’s, voor {organisation}. Te "
        "importeren in Outlook en andere agenda’s; opnieuw importeren werkt de data bij."
    ),
    "portfolio.calendar.all": "alle organisaties",
    "portfolio.calendar.download": "Download kalender (iCalendar)",
    "portfolio.calendar.none": (
        "Nog geen datums voor {organisation}: geen project in gebruik met een herbeoordeling en "
        "geen opgeslagen agenda. Er is dus nog geen kalender om te downloaden."
    ),
    # flow (toolkaart.board.flow): the portfolio page and the agenda's overview
    "flow.days.sentence": (
        "Doorlooptijd per fase, in dagen, van de projecten die de fase hebben afgerond: {parts}."
    ),
    "flow.days.part": (
        "{phase}: mediaan {median} (middelste helft {q1} tot {q3}, kortste {min}, langste {max}; "
        "{count})"
    ),
    "flow.days.part.none": "{phase}: nog door geen project afgerond",
    "flow.outcomes.sentence": "Poortbesluiten per fase: {parts}.",
    "flow.outcomes.part": "{phase}: {ja} keer ja, {nog_niet} keer nog niet, {nee} keer nee",
    "flow.stuck.none": "Geen project staat langer dan {days} dagen in dezelfde fase.",
    "flow.stuck.some": "Langer dan {days} dagen in hun huidige fase: {projects}.",
    "flow.in_use": (
        "In gebruik, alle poorten gepasseerd (dus in geen fase meer en niet meegeteld bij ‘nu in "
        "deze fase’): {projects}."
    ),
    "flow.axis.days": "Dagen in de fase",
    "flow.axis.decisions": "Aantal besluiten",
    "flow.col.phase": "Fase",
    "flow.col.finished": "Afgerond (projecten)",
    "flow.col.median": "Mediaan (dagen)",
    "flow.col.quartiles": "Middelste helft (dagen)",
    "flow.col.range": "Kortste tot langste (dagen)",
    "flow.col.in_phase": "Nu in deze fase",
    "flow.col.returns": "Teruggekeerd",
    "flow.col.answer": "Antwoord",
    "flow.col.count": "Aantal",
    "flow.col.project": "Project",
    "flow.col.since": "In deze fase sinds",
    "flow.col.days": "Dagen in deze fase",
    "flow.range": "{low} tot {high}",
    # calendar (toolkaart.documents.ics_calendar)
    "ics.name.project": "Toolkaart: {name}",
    "ics.name.organisation": "Toolkaart: {organisation}",
    "ics.name.all": "Toolkaart: alle organisaties",
    "ics.review.summary": "Herbeoordeling: {name}",
    "ics.review.description": (
        "Herbeoordeling in de fase {phase}. Kernvraag: {question}\n"
        "Datum vastgesteld bij het besluit van {date}."
    ),
    "ics.review.decided_by": "Besloten door: {who}",
    "ics.organisation": "Organisatie: {organisation}",
    "ics.meeting.summary": "Bestuursvergadering: {title}",
    "ics.meeting.description": (
        "Agenda-concept in de Toolkaart-navigator (versie {version}, opgeslagen {saved})."
    ),
    "ics.meeting.projects": "Op de agenda: {projects}",
    # pages/agenda.py
    "nav.agenda": "Agenda",
    "agenda.title": "Agenda voor de bestuursvergadering",
    "agenda.intro": (
        "Kies de vergaderdatum en de projecten die u wilt bespreken. De agenda wordt samengesteld "
        "uit de projecten: per project de kernvraag waarover besloten moet worden, de onderbouwing "
        "tot nu toe, de open punten als risico’s, wie u uitnodigt en wat u vooraf leest. Daarna "
        "kunt u punten verplaatsen, toevoegen en bewerken, en de agenda downloaden of opslaan."
    ),
    "agenda.compose.heading": "Nieuwe agenda",
    "agenda.meeting_date": "Vergaderdatum",
    "agenda.choose": "Te bespreken projecten (in de volgorde waarin u ze kiest)",
    "agenda.choose.help": "Alleen actieve projecten. De volgorde kunt u later nog aanpassen.",
    "agenda.choose.placeholder": "Kies een of meer projecten",
    "agenda.compose": "Agenda samenstellen",
    "agenda.compose.replaces": (
        "Een nieuwe agenda vervangt de agenda hieronder; sla die eerst op als u haar wilt bewaren."
    ),
    "agenda.reopen.choose": "Opgeslagen concept",
    "agenda.reopen": "Concept openen",
    "agenda.reopened": "Het concept ‘{title}’ is geopend.",
    "agenda.delete": "Concept verwijderen",
    "agenda.deleted": "Het concept is verwijderd.",
    "agenda.delete.confirm": (
        "Concept {label} verwijderen? Een verwijderd concept is niet terug te halen."
    ),
    "agenda.delete.yes": "Ja, verwijderen",
    "agenda.delete.no": "Nee, bewaren",
    "agenda.delete.kept": "Het concept is bewaard.",
    "agenda.delete.changed": (
        "Het concept is intussen opnieuw opgeslagen of verwijderd; er is niets verwijderd. Kies "
        "het opnieuw als u het alsnog wilt verwijderen."
    ),
    "agenda.composed": "De agenda is samengesteld met {projects}.",
    "agenda.saved_as": "Opgeslagen als: {label}",
    "agenda.save_new": "Opslaan als nieuw concept",
    "agenda.draft_label": "{title} (vergadering {date}, opgeslagen {saved})",
    "agenda.project_label": "{name} — {organisation}",
    "agenda.meeting_line": "Vergaderdatum: {date}",
    "agenda.details.heading": "Titel en datum",
    "agenda.details.title": "Titel van de agenda",
    "agenda.details.save": "Titel en datum bijwerken",
    "agenda.item.up": "↑ Omhoog",
    "agenda.item.up.help": "Zet ‘{title}’ een plaats eerder",
    "agenda.item.down": "↓ Omlaag",
    "agenda.item.down.help": "Zet ‘{title}’ een plaats later",
    "agenda.item.remove": "Verwijderen",
    "agenda.item.open_project": "{name} openen in de Zelfscan",
    "agenda.item.remove.help": "Haal ‘{title}’ van de agenda",
    "agenda.item.edit": "Titel en notitie van ‘{title}’ bewerken",
    "agenda.item.title": "Titel van het agendapunt",
    "agenda.item.note": "Notitie",
    "agenda.item.save": "Wijzigingen opslaan",
    "agenda.add.heading": "Vrij agendapunt toevoegen",
    "agenda.add.title": "Titel van het nieuwe punt",
    "agenda.add.note": "Toelichting (optioneel)",
    "agenda.add.submit": "Punt toevoegen",
    "agenda.export.heading": "Downloaden en opslaan",
    "agenda.export.docx": "Download als Word (DOCX)",
    "agenda.export.pdf": "Download als PDF",
    "agenda.export.md": "Download als Markdown",
    "agenda.save": "Concept opslaan",
    "agenda.unsaved": (
        "Deze agenda heeft wijzigingen die nog niet zijn opgeslagen. Ze staan alleen in dit "
        "browservenster en gaan verloren als u het sluit: sla het concept op."
    ),
    "agenda.saved": "Het concept ‘{title}’ is opgeslagen.",
    # agenda (toolkaart.board.agenda, toolkaart.documents.agenda_document, pages/agenda.py)
    "agenda.default_title": "Agenda bestuursvergadering {date}",
    "agenda.overview.title": "Portefeuille per fase",
    "agenda.error.unknown_item": "Agendapunt '{item}' bestaat niet (meer).",
    "agenda.error.empty_title": "Geef het agendapunt een titel.",
    "agenda.error.not_a_draft": "Dit bestand is geen agenda-concept van de Toolkaart-navigator.",
    "agenda.error.version": (
        "Dit agenda-concept heeft formaatversie {version}; deze navigator leest versie {supported}."
    ),
    "agenda.error.invalid": "Het agenda-concept is onvolledig of beschadigd: {problems}.",
    "agenda.doc.meeting": "Vergaderdatum: {date}",
    "agenda.doc.source": (
        "Samengesteld met de Toolkaart-navigator uit de projecten en de Toolkaart, inhoud {version}."
    ),
    "agenda.doc.stale": "Langer dan {days} dagen niet bijgewerkt: {projects}.",
    "agenda.doc.flow": "Doorlooptijd per fase",
    "agenda.doc.flow.outcomes": "Poortbesluiten per fase",
    "agenda.doc.flow.stuck": "Projecten die stilstaan",
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
    "agenda.doc.completed_review": "{completed}; {review}",
    "agenda.doc.decided_by": "besloten door {who}",
    "agenda.doc.open_at_decision": "{open_items} geaccepteerd",
    "agenda.doc.open_not_accepted": "{open_items} nog open",
    "agenda.doc.no_decisions": "Nog geen besluiten genomen.",
    "agenda.doc.no_risks": "Geen open checklistpunten in deze fase.",
    "agenda.doc.invitee_people": "{actor}: {people}",
    "agenda.doc.no_invite": "Geen nieuwe actoren voor de volgende fase.",
    "agenda.doc.no_tools": "Geen hulpmiddelen bij deze fase.",
    "agenda.doc.no_url": "{name} (geen online vindplaats in de Toolkaart)",
    "agenda.doc.joins_at": "sluit aan in fase {phase}",
    "agenda.doc.named_on_items": "genoemd bij {open_items}",
    "agenda.doc.board_listed_now": "De Toolkaart noemt de zorgbestuurder in fase {phase}.",
    "agenda.doc.board_listed_next": (
        "In de volgende fase ({phase}) noemt de Toolkaart de zorgbestuurder als actor."
    ),
    "agenda.doc.task_done": "Gedaan: {text}",
    "agenda.doc.task_open": "Open: {text}",
    "agenda.doc.note": "Notitie: {note}",
    "agenda.doc.free_note": "{note}",
    "agenda.error.draft_not_found": "Dit agenda-concept: niet gevonden of geen toegang.",
    "agenda.error.draft_other_organisation": (
        "Deze agenda noemt projecten die niet van {organisation} zijn, dus hij is niet "
        "opgeslagen. Stel de agenda opnieuw samen voor het bestuur van {organisation}."
    ),
    "agenda.error.draft_not_allowed": (
        "U mag geen agenda's van het bestuur van organisatie '{organisation}' opslaan."
    ),
    "agenda.error.draft_gone": (
        "Het concept ‘{title}’ is intussen verwijderd; sla het op als nieuw concept."
    ),
    "agenda.error.draft_conflict": (
        "Het concept ‘{title}’ is intussen door iemand anders opgeslagen (op {saved}). Uw versie "
        "is niet opgeslagen; open het concept opnieuw, of sla uw versie op als nieuw concept."
    ),
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
    # organisations, members and roles (toolkaart.access, toolkaart.store.member_store)
    "role.team": "team",
    "role.bestuur": "bestuur",
    "role.redactie": "redactie",
    "role.beheer": "beheer",
    "mode.local": (
        "Lokale modus: zonder aanmelden, alleen te bereiken vanaf deze computer; de projecten "
        "staan in de database op deze computer."
    ),
    "signin.button": "Aanmelden",
    "signin.signout": "Afmelden",
    "signin.sidebar.anonymous": "U bent niet aangemeld.",
    "signin.sidebar.who": "Aangemeld als {name} ({email})",
    "signin.needed.title": "Aanmelden",
    "signin.needed": (
        "Projecten, de zelfscan, het portfolio, de agenda en het beheer zijn alleen voor "
        "aangemelde leden van een organisatie. De Toolkaart zelf (fasen, actoren, hulpmiddelen) "
        "is zonder aanmelden te lezen."
    ),
    "signin.no_organisation.title": "Nog geen organisatie",
    "signin.no_organisation": (
        "U bent aangemeld als {email}, maar nog geen lid van een organisatie in de "
        "Toolkaart-navigator. Zonder organisatie ziet u geen projecten."
    ),
    "signin.ask_beheer": (
        "Vraag iemand met de rol beheer in uw organisatie om u toe te voegen (op de pagina "
        "Leden), met dit e-mailadres. Daarna ziet u de projecten bij uw volgende klik."
    ),
    "signin.ask": "Vraag om toegang bij {who}, met dit e-mailadres.",
    "signin.no_access.title": "Geen toegang",
    "signin.no_access": (
        "Deze pagina hoort niet bij uw rol. Vraag iemand met de rol beheer in uw organisatie om "
        "een andere rol als u deze pagina nodig hebt."
    ),
    "members.title": "Leden",
    "members.intro": (
        "Wie in uw organisatie welke rol heeft. Team: projecten maken, bijwerken, exporteren en "
        "archiveren. Bestuur: alle projecten lezen, portfolio en agenda. Redactie: de inhoud "
        "beheren. Beheer: de leden beheren. Een rol geldt bij de volgende klik van de persoon."
    ),
    "members.list.title": "Leden en rollen",
    "members.list.empty": "Nog geen leden.",
    "members.list.choose": "Vul een organisatie in om haar leden te zien.",
    "members.list.line": "**{name}** ({email}): {role}",
    "members.list.line.email": "**{email}**: {role}",
    "members.list.granted": "Toegekend {when} door {by}; {signed_in}",
    "members.list.cli": "iemand zonder aanmelding (de opdrachtregel of de lokale modus)",
    "members.list.signed_in": "heeft zich aangemeld",
    "members.list.never": "heeft zich nog niet aangemeld",
    "members.revoke": "Rol {role} intrekken",
    "members.revoked": "{email} heeft de rol {role} niet meer.",
    "members.grant.title": "Een rol toekennen",
    "members.email": "E-mailadres",
    "members.role": "Rol",
    "members.grant": "Rol toekennen",
    "members.granted": "{email} heeft de rol nu.",
    "members.already": "{email} had deze rol al.",
    "agenda.organisation": "Bestuur van organisatie",
    "member.field.organisation": "Organisatie",
    "member.error.email": "'{email}' is geen e-mailadres.",
    "member.error.organisation_required": "Geef de naam van de organisatie.",
    "member.error.not_allowed": "U mag de leden van organisatie '{organisation}' niet beheren.",
    "member.error.role_not_allowed": (
        "De rol {role} kan alleen worden toegekend of ingetrokken door iemand die hem zelf heeft."
    ),
    "member.error.own_beheer": (
        "U kunt uw eigen rol beheer niet intrekken; vraag dat een andere beheerder van uw "
        "organisatie."
    ),
    "member.error.not_member": "{email} heeft die rol niet in organisatie '{organisation}'.",
    # service mode (toolkaart.access.service)
    "service.error.incomplete": (
        "De aanmelding (OpenID Connect) is onvolledig ingesteld; de dienst start niet:\n{problems}"
    ),
    "service.problem.unreadable": "{path} is niet te lezen: {error}",
    "service.problem.not_a_table": "[auth] in het secrets-bestand moet een tabel zijn.",
    "service.problem.missing": "[auth] {key} ontbreekt.",
    "service.problem.cookie_secret": (
        "[auth] cookie_secret is te kort: gebruik minstens {minimum} willekeurige tekens."
    ),
    "service.problem.redirect_uri": (
        "[auth] redirect_uri moet eindigen op /oauth2callback en https gebruiken (http alleen op "
        "deze computer): {value}"
    ),
    "service.problem.metadata_url": (
        "[auth] server_metadata_url moet https gebruiken (http alleen op deze computer): {value}"
    ),
}

_TABLES = {"nl": NL}
LANGUAGE = "nl"


def counted(noun: str, count: int) -> str:
    """``count`` with ``noun`` in the singular or the plural: '1 fout', '2 fouten'."""
    return t(f"count.{noun}.{'one' if count == 1 else 'many'}", count=count)


def t(key: str, /, **params: object) -> str:
    """The string for ``key`` in the active language, formatted with ``params``."""
    template = _TABLES[LANGUAGE].get(key)
    if template is None:
        raise KeyError(f"no string '{key}' in the '{LANGUAGE}' table")
    return template.format(**params) if params else template
