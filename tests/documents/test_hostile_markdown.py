"""Markdown exports keep their structure whatever a team typed (issue 12, item 3).

Every user field of a project report, an agenda and the agenda page's item bodies is set to a
hostile value; the Markdown must have the same headings, list items, table cells, links, images
and HTML (none) as with a harmless value, and still read the same to a person. The projects are
made directly, not through the text rule, as data stored before the rule would be.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from tests.documents.markdown_structure import reads, structure
from tests.documents.records_kit import records
from toolkaart.board.agenda import compose_agenda
from toolkaart.board.agenda_model import Agenda
from toolkaart.board.portfolio import build_portfolio
from toolkaart.content.graph import ToolkaartGraph
from toolkaart.content.models import Toolkaart
from toolkaart.documents import agenda_document, project_report
from toolkaart.documents.markdown import HARD_BREAK, heading, paragraphs, plain
from toolkaart.route.gates import Answer, Assessment, GateDecision
from toolkaart.route.project import Project

HARMLESS = "Naam"
HOSTILE = [
    "Naam\n# Besluit Raad van Bestuur\n- Ja, alle poorten gepasseerd",
    "<img src=x onerror=alert(1)>",
    "[Log opnieuw in](https://evil.example/login)",
    "![b](http://host/beacon)",
    "a | b",
    "`code`",
    "> citaat\n1. lijst\n2) lijst\n+ plus\n* ster\n===\n---\n    ingesprongen\n```\nhek\n~~~",
    "&lt;script&gt; &#60;b&#62; &amp; R&D",
    "<https://evil.example> <!-- x --> </p>",
    "[x]: https://evil.example\n[x] en [x][x]",
    "**vet** _schuin_ ~~weg~~ $x$ \\",
    "regel een\n\n\n    regel twee na lege regels\n\n## kop",
    "Naam #\n#",
]


def _project(value: str, toolkaart: Toolkaart) -> Project:
    decisions = tuple(
        GateDecision(phase, answer, rationale=value, decided_by=value, decided_on=dt.date(2027, 1, n))
        for n, (phase, answer) in enumerate(
            [("idee", Answer.NOG_NIET), ("idee", Answer.JA), ("verkenning", Answer.JA)], start=1
        )
    )  # fmt: skip
    return Project(
        id="p",
        name=value,
        organisation=value,
        description=value,
        contact=value,
        assessment=Assessment(decisions=decisions),
        **records(value, toolkaart),
    )


def _agenda(value: str, toolkaart: Toolkaart, graph: ToolkaartGraph) -> Agenda:
    project = _project(value, toolkaart)
    day = dt.date(2027, 3, 1)
    agenda = compose_agenda(
        toolkaart,
        graph,
        meeting_date=dt.date(2027, 3, 11),
        projects=[project],
        portfolio=build_portfolio(toolkaart, [project], today=day),
        today=day,
    )
    items = tuple(item.model_copy(update={"title": value, "note": value}) for item in agenda.items)
    return agenda.model_copy(update={"title": value, "items": items})


def _page(agenda: Agenda) -> str:
    """What the agenda page writes with st.markdown: each item's body."""
    return "\n\n".join(
        agenda_document.blocks_markdown(agenda_document.item_blocks(item)) for item in agenda.items
    )


Render = Callable[[str, Toolkaart, ToolkaartGraph], str]
RENDERINGS: dict[str, Render] = {
    "report": lambda v, tk, _: project_report.to_markdown(_project(v, tk), tk, dt.date(2027, 3, 8)),
    "agenda": lambda v, tk, g: agenda_document.to_markdown(_agenda(v, tk, g)),
    "agenda page": lambda v, tk, g: _page(_agenda(v, tk, g)),
}


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("document", RENDERINGS)
def test_user_text_adds_no_structure_and_reads_as_typed(
    document: str, value: str, toolkaart: Toolkaart, graph: ToolkaartGraph
) -> None:
    render = RENDERINGS[document]
    harmless, hostile = render(HARMLESS, toolkaart, graph), render(value, toolkaart, graph)
    assert structure(hostile) == structure(harmless)
    text = reads(hostile)
    for line in value.splitlines():
        if line.strip():
            assert " ".join(line.split()) in text, line


def test_the_forged_heading_of_the_issue_stays_text(toolkaart: Toolkaart) -> None:
    """The report of issue 12: a name with line breaks made "# Besluit Raad van Bestuur" a heading
    and "- Ja, alle poorten gepasseerd" a list item."""
    text = project_report.to_markdown(
        _project(HOSTILE[0], toolkaart), toolkaart, dt.date(2027, 3, 8)
    )
    lines = text.splitlines()
    assert not [line for line in lines if line.startswith(("# Besluit", "- Ja, alle"))]
    assert "\\# Besluit Raad van Bestuur" in text and "\\- Ja, alle poorten gepasseerd" in text


@pytest.mark.parametrize(
    ("text", "line_break", "escaped"),
    [
        ("Naam\n# Kop\n- punt", " ", "Naam \\# Kop \\- punt"),
        ("Naam\r\n1. een\v+ twee\n===", HARD_BREAK, "Naam  \n1\\. een  \n\\+ twee  \n\\==="),
        ("een\n\n  \ntwee", HARD_BREAK, "een  \ntwee"),
        ("&lt; R&D &#60;", " ", "\\&lt; R&D &\\#60;"),
    ],
)  # fmt: skip
def test_every_line_is_escaped_on_its_own(text: str, line_break: str, escaped: str) -> None:
    assert plain(text, line_break) == escaped


def test_paragraphs_keep_the_writers_blank_lines() -> None:
    assert paragraphs("een\n- twee\n\n\n# drie") == "een  \n\\- twee\n\n\\# drie"


def test_a_heading_is_one_line() -> None:
    assert heading(2, "2. Naam\n# Kop <b>") == "## 2. Naam \\# Kop \\<b\\>"
