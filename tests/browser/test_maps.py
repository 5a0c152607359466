"""The maps as Chromium draws them at 1280 px wide (WCAG 1.1.1, 1.4.3, 1.4.4, 1.4.11, 4.1.2).

Each chart is one image named by its Dutch text alternative, the SVG hidden from assistive
technology; no ``<title>`` (the mouse-over text) names an internal id; node text is at least 12 px
as drawn; text and borders keep their contrast on what they are drawn on; the phase map lists the
phases in route order. Checked again after a rerun and a switch to another phase, which redraw the
chart (``toolkaart.web.layout.MAPS_SCRIPT`` re-applies what Streamlit cannot be told).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import goto, press_on, screenshot
from tests.browser.test_accessibility import contrast, rgb
from toolkaart.content.models import Phase, Toolkaart
from toolkaart.i18n.catalog import t

pytestmark = pytest.mark.browser

CHART = "[data-testid=stGraphVizChart]"

#: What a chart shows a person and assistive technology: its role and name, whether its SVG is
#: hidden, the ``<title>`` texts, the smallest text as drawn (font size times the drawing's scale,
#: in CSS px), each text's and border's colour with the fill behind it, the lines' colours, and
#: the phase nodes from top to bottom.
FACTS = """chart => {
    const svg = chart.querySelector('svg');
    const colour = value => (!value || value === 'none' || value === 'transparent') ? null : value;
    const nodes = [...svg.querySelectorAll('g.node')].map(node => {
        const shape = node.querySelector('path, polygon, ellipse');
        return {
            tip: node.querySelector('title').textContent,
            fill: colour(shape.getAttribute('fill')) || '#ffffff',
            border: shape.getAttribute('stroke'),
            texts: [...node.querySelectorAll('text')].map(text => colour(text.getAttribute('fill')) || '#000000'),
            top: node.getBoundingClientRect().top,
        };
    });
    return {
        role: chart.getAttribute('role'),
        label: chart.getAttribute('aria-label'),
        hidden: svg.getAttribute('aria-hidden'),
        titles: [...svg.querySelectorAll('title')].map(title => title.textContent),
        smallest: Math.min(...[...svg.querySelectorAll('text')].map(text =>
            parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a)),
        nodes: nodes,
        lines: [...svg.querySelectorAll('g.edge path')].map(path => path.getAttribute('stroke')),
    };
}"""


def hex_rgb(colour: str) -> tuple[float, float, float]:
    if colour == "black":
        return 0.0, 0.0, 0.0
    if colour.startswith("#"):
        return tuple(float(int(colour[i : i + 2], 16)) for i in (1, 3, 5))  # type: ignore[return-value]
    return rgb(colour)


def chart_facts(page: Any) -> dict[str, Any]:
    chart = page.locator(CHART).first
    page.wait_for_function(  # the script has had its turn after the last redraw
        "() => document.querySelector('[data-testid=stGraphVizChart] svg[aria-hidden=true] title')"
    )
    facts: dict[str, Any] = chart.evaluate(FACTS)
    facts["tree"] = chart.aria_snapshot()
    return facts


def assert_readable_map(facts: dict[str, Any], alt: str) -> None:
    # one image, named by the Dutch alternative; nothing of the SVG in the accessibility tree
    assert facts["role"] == "img" and facts["label"] == alt and facts["hidden"] == "true"
    tree = facts["tree"].strip().splitlines()
    assert len(tree) == 1 and "img" in tree[0] and alt in tree[0], facts["tree"]
    # no internal id as a mouse-over text
    assert facts["titles"], "the SVG has no <title> elements to check"
    for title in facts["titles"]:
        assert "->" not in title and not any(p in title for p in ("phase_", "actor_", "tool_"))
    assert facts["smallest"] >= 12, facts["smallest"]
    white = (255.0, 255.0, 255.0)
    for node in facts["nodes"]:
        behind = hex_rgb(node["fill"])
        assert contrast(hex_rgb(node["border"]), white) >= 3, node
        assert all(contrast(hex_rgb(text), behind) >= 4.5 for text in node["texts"]), node
    assert all(contrast(hex_rgb(line), white) >= 3 for line in facts["lines"]), facts["lines"]


def phase_alt(phase: Phase, toolkaart: Toolkaart) -> str:
    return t(
        "phase.map.alt",
        name=phase.name,
        actors=", ".join(toolkaart.actor(actor).name for actor in phase.actors),
        tools=", ".join(toolkaart.tool(tool).name for tool in phase.tools),
    )


def test_route_map_is_one_readable_dutch_image(
    page: Any, app_url: str, toolkaart: Toolkaart
) -> None:
    goto(page, app_url)
    states = ["current"] + ["locked"] * (len(toolkaart.phases) - 1)
    alt = t(
        "home.map.alt",
        phases="; ".join(
            t("home.map.alt.phase", number=p.number, name=p.name, state=t(f"state.{state}"))
            for p, state in zip(toolkaart.phases, states, strict=True)
        ),
    )
    facts = chart_facts(page)
    assert_readable_map(facts, alt)
    first = toolkaart.phases[0]
    assert f"{first.number}. {first.name} ({t('state.current')})" in facts["titles"]
    screenshot(page, "maps-home-1280")


def test_phase_map_is_one_readable_dutch_image_in_route_order(
    page: Any, app_url: str, toolkaart: Toolkaart
) -> None:
    phase = toolkaart.phase("ontwikkeling")
    goto(page, app_url + f"/fase?fase={phase.id}")
    facts = chart_facts(page)
    assert_readable_map(facts, phase_alt(phase, toolkaart))
    names = [f"{p.number}. {p.name}" for p in toolkaart.phases]
    tops = {node["tip"]: node["top"] for node in facts["nodes"] if node["tip"] in names}
    assert sorted(tops, key=tops.__getitem__) == names  # top to bottom in route order
    screenshot(page, "maps-phase-1280")

    # a rerun (a tick) and a switch to the next phase redraw the chart: still one Dutch image
    press_on(page, page.get_by_role("checkbox").first, "Space")
    assert_readable_map(chart_facts(page), phase_alt(phase, toolkaart))
    following = toolkaart.phase("pilot-a")
    label = t(
        "phase.nav.next", number=following.number, name=following.name, state=t("state.locked")
    )
    press_on(page, page.get_by_role("link", name=label, exact=True), "Enter")
    page.get_by_role(
        "heading", name=t("phase.title", number=following.number, name=following.name)
    ).wait_for()
    page.wait_for_function(
        f"() => document.querySelector('{CHART}')?.getAttribute('aria-label')?.includes('{following.name}')"
    )
    assert_readable_map(chart_facts(page), phase_alt(following, toolkaart))
