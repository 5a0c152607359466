"""The sources must say what the items claim (issue 16, point 7).

A checklist item's `source` names the seed passage it rests on. These tests find that passage in
the seed text itself (tests/data/, copies of shared/seeds/), and keep out of the sources what the
seeds were found not to say.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO
from toolkaart.content.models import ChecklistItem, Toolkaart

DATA = REPO / "tests" / "data"

#: The seed documents by a short name, as in tests/data/.
SEED_FILES = {
    "toolkaart": "toolkaart-seed.txt",  # Toolkaart Waardevolle AI voor gezondheid (VWS 2022)
    "kpmg": "kpmg-inventarisatie-2020.txt",  # KPMG Inventarisatie AI (2020)
    "kamerbrief-2020": "kamerbrief-inventarisatie-2020.txt",
    "monitor": "ai-monitor-ziekenhuizen-2021.txt",  # AI Monitor Ziekenhuizen 2021
    "kamerbrief-2022": "kamerbrief-ai-2022.txt",  # Kamerbrief AI in de zorg (VWS 2022)
}


def _squash(text: str) -> str:
    """Compare text regardless of line breaks and spacing, as the PDF extraction broke them."""
    return re.sub(r"\s+", "", text)


SEEDS = {
    name: _squash((DATA / file).read_text(encoding="utf-8")) for name, file in SEED_FILES.items()
}

#: Where the AI Monitor 2021 places this year's attention points (2 Bevindingen & conclusies).
PILOT_OR_GO_LIVE = (
    "lijkt dit jaar verschoven te zijn naar zaken die komen kijken rondom een pilot of go live"
)

#: (phase, item, seed, passage): the item is on that phase, and the passage occurs both in the
#: seed and in the item's source. A passage the extraction interrupts (by a footnote) is given
#: as its pieces.
CITED = [
    # The Beoordelingsleidraad assesses digital care/AI jointly; the seed says nothing of funding.
    (
        "pilot-b",
        "pilot-b-bekostiging-zorgverzekeraar",
        "toolkaart",
        "De leidraad is ontwikkelt door zorgverzekeraars om vanuit één loket in gezamenlijkheid "
        "digitale zorg/AI-toepassingen te toetsen en hiermee de zorgtransformatie naar digitale "
        "zorg te faciliteren.",
    ),
    # How development is funded (not the 36 %, a barrier to scaling).
    (
        "ontwikkeling",
        "ontwikkeling-financiering",
        "kpmg",
        "Onder niet-structurele financieringsbronnen voor ontwikkeling van de AI-toepassingen "
        "vallen in volgorde van voorkomen",
    ),
    (
        "ontwikkeling",
        "ontwikkeling-financiering",
        "kpmg",
        "AI-toepassingen die nog in de pilot-fase zitten worden veelal vanuit niet-structurele "
        "middelen gefinancierd",
    ),
    *[
        ("ontwikkeling", "ontwikkeling-financiering", "kpmg", funding_source)
        for funding_source in (
            "ziekenhuisprojecten;",
            "beurzen van overheid, universiteiten of andere institutionele bijdrages;",
            "diverse fondsen (alliantiefondsgelden) of subsidies (ZonMw, NZa, SET);",
            "sponsoring door ziektekostenverzekeringen of vanuit farmaceutische sector;",
            "eigen vermogen;",
            "open community contributies;",
            "investering van durfkapitaal of inleg van stakeholders;",
            "schenkingen van particulieren en bedrijven;",
            "financiering vanuit de overheid",
        )
    ],
    (
        "pilot-a",
        "pilot-a-eigen-populatie",
        "monitor",
        "Als het direct de patiëntenzorg raakt, het afstemmen op de eigen patiëntenpopulatie",
    ),
    # The KPMG finding and the 2022 letter on data (not a questionnaire option).
    (
        "ontwikkeling",
        "ontwikkeling-data-representatief",
        "kpmg",
        "Diverse partijen ervaren een gebrek aan kwalitatief goede breed toegankelijke data",
    ),
    (
        "ontwikkeling",
        "ontwikkeling-data-representatief",
        "kamerbrief-2022",
        "De beschikbaarheid van voldoende brede en kwalitatief goede data uit meerdere bronnen is "
        "hierin cruciaal om tot betrouwbare AI algoritmes te kunnen komen.",
    ),
    ("ontwikkeling", "ontwikkeling-data-representatief", "monitor", "Het voorkomen van bias"),
    # Value for the professional, the patient and society.
    (
        "idee",
        "idee-beoogde-waarde",
        "kamerbrief-2022",
        "Met waarde bedoel ik bijvoorbeeld dat een zorgprofessional werklast uit handen wordt "
        "genomen, omdat hij veel sneller accurate diagnoses kan stellen. Of de chronische patiënt "
        "die door intelligent zelfmanagement beter met zijn ziekte kan omgaan.",
    ),
    (
        "idee",
        "idee-beoogde-waarde",
        "kamerbrief-2022",
        "De maatschappij ervaart waarde als op grote schaal schaarse zorgpersoneel effectiever kan "
        "worden ingezet en ruimte krijgt voor het menselijke contact.",
    ),
    # CE marking not needed "(op dit moment)": footnote 13 interrupts the sentence in the seed.
    (
        "verkenning",
        "verkenning-mdr-route",
        "kpmg",
        "geeft aan dat een CE-markering voor de toepassing (op dit moment) niet nodig is, "
        "bijvoorbeeld vanwege",
    ),
    ("verkenning", "verkenning-mdr-route", "kpmg", "de fase waarin de toepassing zich bevindt"),
    # New in 1.1.0. The IVDR, beside the MDR (2022 letter, 'AI Act', footnote 11).
    (
        "verkenning",
        "verkenning-ivdr",
        "kamerbrief-2022",
        "AI als (toebehoren van) medische hulpmiddel valt nu ook al onder Europese wetgeving",
    ),
    (
        "verkenning",
        "verkenning-ivdr",
        "kamerbrief-2022",
        "en vanaf 26 mei 2022 de In Vitro Diagnostic Medical Device Regulation (IVDR)",
    ),
    # The AI Act and its risk categories (2022 letter, 'AI Act', and footnote 12).
    (
        "verkenning",
        "verkenning-ai-act",
        "kamerbrief-2022",
        "De door de Europese Commissie voorgestelde AI Act bevat aanvullende regels voor AI op "
        "basis van het risico dat een AI-systeem mogelijk met zich meebrengt op gezondheid, "
        "veiligheid en mensenrechten. Er zijn vier risico categorieën waarvan in ieder geval de "
        "categorie hoog voor de gezondheidszorg relevant is",
    ),
    (
        "verkenning",
        "verkenning-ai-act",
        "kamerbrief-2022",
        "Als de AI een veiligheidscomponent is van een medisch hulpmiddel of de AI zelf "
        "gekwalificeerd wordt als medisch hulpmiddel onder de MDR, dan is de AI Act van toepassing",
    ),
    # The conditions for the MKBA's positive return (2022 letter, 'Hulpmiddelen met en door het
    # veld'); footnote 25 follows "financiering" in the seed.
    (
        "implementatie",
        "implementatie-randvoorwaarden-mkba",
        "kamerbrief-2022",
        "Het positief maatschappelijk rendement kan volgens de analyse alleen worden bereikt als "
        "structurele belemmeringen voor implementatie en opschaling van innovatie worden "
        "weggenomen, zoals op informatievoorziening en kennisverspreiding, maar ook op "
        "interoperabiliteit van systemen en financiering",
    ),
    (
        "implementatie",
        "implementatie-randvoorwaarden-mkba",
        "toolkaart",
        "Verder is onderzocht welke structurele belemmeringen het benutten van het volledige "
        "potentieel van AI in de weg staan.",
    ),
    # Two of the AI Monitor's attention points (§4.6), which its findings (2) tie to "een pilot
    # of go live": Pilot A, where the fit with the infrastructure is checked.
    ("pilot-a", "pilot-a-privacy-security", "monitor", "Privacy en security (frequentie = 3)"),
    (
        "pilot-a",
        "pilot-a-privacy-security",
        "monitor",
        "Hindermacht van de juristen met verkrampte nadruk op privacy",
    ),
    ("pilot-a", "pilot-a-privacy-security", "monitor", PILOT_OR_GO_LIVE),
    ("pilot-a", "pilot-a-netwerk-opslagcapaciteit", "monitor", "Technologie (frequentie = 2)"),
    (
        "pilot-a",
        "pilot-a-netwerk-opslagcapaciteit",
        "monitor",
        "Capaciteit netwerken vaak onvoldoende alsmede opslagcapaciteit",
    ),
    ("pilot-a", "pilot-a-netwerk-opslagcapaciteit", "monitor", PILOT_OR_GO_LIVE),
]

#: (item, phrase): what an item's text and source no longer say, because the seed does not
#: support it there.
WITHDRAWN = [
    # The Beoordelingsleidraad is not described as a route to structural funding.
    ("pilot-b-bekostiging-zorgverzekeraar", "structurele bekostiging"),
    # 36 % of respondents name the developers' lack of money as a barrier to scaling.
    ("ontwikkeling-financiering", "36%"),
    ("ontwikkeling-financiering", "Opschaling"),
    # 'Lokaal valideren van AI' answers why applications will support hospitals soon (§4.5).
    ("pilot-a-eigen-populatie", "Lokaal valideren"),
    ("pilot-a-eigen-populatie", "§4.5"),
    # A questionnaire answer option is not a finding.
    ("ontwikkeling-data-representatief", "Bijlage vragenlijst"),
    ("ontwikkeling-data-representatief", "representatie"),
]


def _item(toolkaart: Toolkaart, phase_id: str, item_id: str) -> ChecklistItem:
    items = {item.id: item for item in toolkaart.phase(phase_id).checklist}
    assert item_id in items, f"{item_id} is not on phase {phase_id}"
    return items[item_id]


@pytest.mark.parametrize(
    ("phase_id", "item_id", "seed", "passage"),
    CITED,
    ids=[f"{item}-{n}" for n, (_, item, _, _) in enumerate(CITED)],
)
def test_the_cited_passage_is_in_the_seed_and_in_the_items_source(
    toolkaart: Toolkaart, phase_id: str, item_id: str, seed: str, passage: str
) -> None:
    item = _item(toolkaart, phase_id, item_id)
    assert _squash(passage) in SEEDS[seed], f"not in {SEED_FILES[seed]}: {passage}"
    assert _squash(passage) in _squash(item.source or ""), f"not in the source of {item_id}"


@pytest.mark.parametrize(("item_id", "phrase"), WITHDRAWN)
def test_withdrawn_claims_stay_out(toolkaart: Toolkaart, item_id: str, phrase: str) -> None:
    (item,) = [i for p in toolkaart.phases for i in p.checklist if i.id == item_id]
    assert _squash(phrase) not in _squash(item.text)
    assert _squash(phrase) not in _squash(item.source or "")


#: A passage a source quotes between single quotes: the opening quote follows neither a letter
#: nor a quote (so the apostrophe of "praktijkvideo's" opens nothing), the closing quote is not
#: followed by a letter.
QUOTED = re.compile(r"(?<![\w'])'(\S[^']*?)'(?!\w)")


def test_every_quoted_passage_occurs_in_a_seed(toolkaart: Toolkaart) -> None:
    corpus = "".join(SEEDS.values())
    quoted = [
        (item.id, passage)
        for phase in toolkaart.phases
        for item in phase.checklist
        for passage in QUOTED.findall(item.source or "")
    ]
    assert len(quoted) > 20  # the pattern does find the quotations
    missing = [(item_id, p) for item_id, p in quoted if _squash(p) not in corpus]
    assert missing == []
