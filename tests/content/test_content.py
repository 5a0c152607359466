"""The shipped content says exactly what the Toolkaart says.

The expected values are parsed from the seed itself (tests/data/toolkaart-seed.txt, a copy of
shared/seeds/004_*.txt), not typed again here, so a transcription slip cannot hide in both places.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pytest

from tests.conftest import CONTENT, REPO
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.loader import load_content
from toolkaart.content.models import Toolkaart
from toolkaart.content.schema import content_schemas, render, schema_filename
from toolkaart.i18n.catalog import t

SEED = (REPO / "tests" / "data" / "toolkaart-seed.txt").read_text(encoding="utf-8")

#: Phase ids and names as the issue fixes them (the seed's header cuts off names 5 and 7).
PHASES = [
    ("idee", "Idee"),
    ("verkenning", "Verkenning"),
    ("ontwikkeling", "Ontwikkeling"),
    ("pilot-a", "Pilot A"),
    ("pilot-b", "Pilot B"),
    ("implementatie", "Implementatie"),
    ("productie", "Productie"),
]


def _squash(text: str) -> str:
    """Compare text regardless of line breaks and spacing, as the PDF extraction broke them."""
    return re.sub(r"\s+", "", text)


def _key(name: str) -> str:
    """Loose name key: no accents, lower case, without the phase pages' 'of beoordelaar'."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    plain = plain.lower().replace(" of beoordelaar", "")
    return re.sub(r"[^a-z0-9]+", " ", plain).strip()


def _numbered(section: str) -> dict[int, tuple[str, str]]:
    """Entries 'N. name / tab-indented description' of the seed's actor or tool list."""
    entries: dict[int, tuple[str, str]] = {}
    parts = re.split(r"^\s*(\d+)\.\s*", section, flags=re.MULTILINE)
    for number, body in zip(parts[1::2], parts[2::2], strict=True):
        name, _, description = body.partition("\n\t")
        entries[int(number)] = (" ".join(name.split()), description)
    return entries


PAGES_START = SEED.index(" Is het idee wenselijk?")
ACTORS_START = SEED.index(" Actoren\n\n1.")
TOOLS_START = SEED.index(" Hulpmiddelen/Resultaten\n\n1.")
SEED_ACTORS = _numbered(SEED[ACTORS_START + len(" Actoren") : TOOLS_START])
SEED_TOOLS = _numbered(SEED[TOOLS_START + len(" Hulpmiddelen/Resultaten") :])


@dataclass(frozen=True)
class SeedPage:
    question: str
    goal: str
    tools: list[str]
    actors: list[str]


def _phase_pages() -> list[SeedPage]:
    pages = []
    for chunk in SEED[PAGES_START:ACTORS_START].split("\n "):
        chunk = chunk.strip()
        if not chunk:
            continue
        lines = chunk.splitlines()
        question = lines[0].strip()
        head, _, rest = chunk.partition("Hulpmiddelen/Resultaten")
        goal = " ".join(head.split("\n", 1)[1].split())
        tools_part, _, actors_part = rest.partition("\nActoren\n")

        def names(block: str) -> list[str]:
            # The first two non-empty lines are the block's own explanatory question.
            lines = [line.strip() for line in block.splitlines() if line.strip()]
            return lines[2:]

        pages.append(SeedPage(question, goal, names(tools_part), names(actors_part)))
    return pages


SEED_PAGES = _phase_pages()


def _tool_id(toolkaart: Toolkaart, page_name: str) -> str:
    """A phase page names a tool by (a prefix of) its full name."""
    matches = [t.id for t in toolkaart.tools if _key(t.name).startswith(_key(page_name))]
    assert len(matches) == 1, (page_name, matches)
    return matches[0]


def _actor_id(toolkaart: Toolkaart, page_name: str) -> str:
    matches = [a.id for a in toolkaart.actors if _key(a.name) == _key(page_name)]
    assert len(matches) == 1, (page_name, matches)
    return matches[0]


def test_content_is_valid_with_one_warning_for_tool_6() -> None:
    result = load_content(CONTENT)
    assert result.errors == ()
    assert [d.message for d in result.warnings] == [
        t("content.diag.no_address", id="begeleidingsethiek")
    ]


def test_counts(toolkaart: Toolkaart) -> None:
    assert len(SEED_PAGES) == 7
    assert (len(toolkaart.phases), len(toolkaart.actors), len(toolkaart.tools)) == (7, 10, 14)
    assert len(SEED_ACTORS) == 10 and len(SEED_TOOLS) == 14


def test_phases_in_route_order_with_the_seeds_questions_and_goals(toolkaart: Toolkaart) -> None:
    assert [(p.id, p.name) for p in toolkaart.phases] == PHASES
    assert [p.number for p in toolkaart.phases] == list(range(1, 8))
    for phase, page in zip(toolkaart.phases, SEED_PAGES, strict=True):
        assert phase.key_question == page.question
        assert _squash(phase.goal) == _squash(page.goal)


@pytest.mark.parametrize("position", range(7), ids=[pid for pid, _ in PHASES])
def test_each_phase_lists_exactly_the_seeds_tools_and_actors(
    toolkaart: Toolkaart, position: int
) -> None:
    phase, page = toolkaart.phases[position], SEED_PAGES[position]
    assert list(phase.tools) == [_tool_id(toolkaart, name) for name in page.tools]
    assert list(phase.actors) == [_actor_id(toolkaart, name) for name in page.actors]


def test_actor_and_tool_names_and_descriptions_match_the_seed(toolkaart: Toolkaart) -> None:
    for actor in toolkaart.actors:
        name, description = SEED_ACTORS[actor.number]
        assert actor.name == name
        assert _squash(actor.description) == _squash(description)
    for tool in toolkaart.tools:
        name, description = SEED_TOOLS[tool.number]
        assert _squash(tool.name) == _squash(name)
        assert _squash(tool.description) == _squash(description)


def test_addresses_follow_the_seeds_link_list(toolkaart: Toolkaart) -> None:
    """The link list gives each address in tool order; a two-line title may repeat its address
    on the next line, and tool 6 has none. Tool 12's http address is recorded as https."""
    links = [line.strip() for line in SEED.splitlines() if line.strip().startswith("http")]
    distinct = [url for i, url in enumerate(links) if i == 0 or url != links[i - 1]]
    with_address = [t for t in toolkaart.tools if t.number != 6]
    assert len(distinct) == len(with_address) == 13
    for tool, url in zip(with_address, distinct, strict=True):
        assert tool.url == url.replace("http://", "https://"), tool.id
    assert toolkaart.tool("begeleidingsethiek").url is None


def test_tools_10_to_12_are_general_background(graph: ToolkaartGraph) -> None:
    assert [t.number for t in graph.unlinked_tools()] == [10, 11, 12]
    assert graph.unlinked_actors() == ()


def test_checklists_are_grounded_and_reference_listed_tools_and_actors(
    toolkaart: Toolkaart,
) -> None:
    for phase in toolkaart.phases:
        assert 4 <= len(phase.checklist) <= 10
        for item in phase.checklist:
            assert item.source, item.id
            assert set(item.tools) <= set(phase.tools), item.id
            assert set(item.actors) <= set(phase.actors), item.id


def test_cited_figures_occur_in_the_seed_documents(toolkaart: Toolkaart) -> None:
    """Every percentage a checklist source quotes is in one of the seed documents."""
    seeds = REPO / "tests" / "data"
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in seeds.glob("*.txt"))
    corpus = re.sub(r"\s+", " ", corpus)
    for phase in toolkaart.phases:
        for item in phase.checklist:
            for figure in re.findall(r"\d+(?:,\d+)?%", item.source or ""):
                assert figure in corpus or figure.replace("%", " %") in corpus, (item.id, figure)


def test_version_and_date(toolkaart: Toolkaart) -> None:
    assert toolkaart.meta.version == "1.1.0"
    assert toolkaart.meta.label == "versie 1.1.0 (6 december 2026)"
    newest = toolkaart.meta.changelog[0]  # newest first, for the version shown
    assert (newest.version, newest.date) == (toolkaart.meta.version, toolkaart.meta.date)


def test_shipped_schemas_are_current() -> None:
    for name, schema in content_schemas().items():
        assert (CONTENT.parent / "schemas" / name).read_text(encoding="utf-8") == render(schema), (
            name
        )
    assert schema_filename("phases.yaml") == "phases.schema.json"
