"""The route is declared once (meta.yaml): a phases.yaml cut short is an error, not a shorter route."""

from __future__ import annotations

from pathlib import Path

from tests.contentedit import replace_text
from toolkaart.content.loader import load_content
from toolkaart.i18n.catalog import t


def test_a_phases_file_cut_in_half_is_an_error_naming_each_missing_phase(
    content_copy: Path,
) -> None:
    phases = content_copy / "phases.yaml"
    text = phases.read_text(encoding="utf-8")
    cut = text.index("  - id: pilot-b")  # a save interrupted half-way: Idee … Pilot A remain
    phases.write_text(text[:cut], encoding="utf-8")
    result = load_content(content_copy)
    assert result.toolkaart is None  # never "OK: 4 phases"
    messages = [d.message for d in result.errors]
    for missing in ("pilot-b", "implementatie", "productie"):
        assert t("content.diag.route_undefined", id=missing) in messages
    assert all(d.path.endswith("meta.yaml") for d in result.errors)


def test_a_phase_outside_the_route_or_out_of_order_is_an_error(content_copy: Path) -> None:
    meta = content_copy / "meta.yaml"
    replace_text(meta, "route: [idee, verkenning,", "route: [verkenning, idee,")
    result = load_content(content_copy)
    assert [d.message for d in result.errors] == [
        t("content.diag.route_order", id="idee", expected="verkenning")
    ]
    replace_text(meta, "route: [verkenning, idee,", "route: [idee,")
    result = load_content(content_copy)
    (unlisted,) = result.errors
    assert unlisted.message == t("content.diag.route_unlisted", id="verkenning")
    assert unlisted.path.endswith("phases.yaml")
