"""The cold-load bench's parts work (``benchmarks/cold_load.py``); its timings are not judged here.

One load of the Zelfscan (the seeded project's page) and of the one-line app beside it, from
plain ``toolkaart serve`` and through the compose set-up's proxy, in Chromium.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import cold_load
from benchmarks.measure import EMPTY_APP, write_one_line_app
from benchmarks.topology import find_haproxy
from tests.conftest import unavailable

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.timeout(180)]


def test_one_run_measures_the_page_and_the_one_line_app_with_and_without_compression() -> None:
    if not cold_load.CHROMIUM.exists():
        unavailable(f"no Chromium at {cold_load.CHROMIUM}", "TOOLKAART_REQUIRE_BROWSER")
    if find_haproxy() is None:
        unavailable(
            "HAProxy is not installed (apt-get install haproxy)", "TOOLKAART_REQUIRE_SERVICE"
        )
    figures = cold_load.run(1, ["zelfscan"], cold_load.MODES, progress=lambda _: None)

    rows = {mode: rows for mode, rows in figures["modes"].items()}
    assert set(rows) == {"plain", "proxy"}
    for mode, (row,) in rows.items():
        assert row["page"] == "zelfscan" and row["runs"] == 1
        # the title was seen, after the navigation started and no later than the whole drawing
        assert 0 < row["visible_ms"] <= row["drawn_ms"], (mode, row)
        assert 0 < row["one_line_visible_ms"] <= row["one_line_drawn_ms"], (mode, row)
        assert row["websocket_bytes"] > 0 and row["requests"] > 10
        # the second load in the same context takes the hashed files from the browser's cache
        assert row["warm_http_bytes"] < row["http_bytes"] / 10, (mode, row)
    plain, proxy = rows["plain"][0], rows["proxy"][0]
    # gzip at the proxy: the same page crosses the wire in far fewer bytes
    assert proxy["http_bytes"] < plain["http_bytes"] * 0.8, (plain, proxy)
    assert proxy["one_line_http_bytes"] < plain["one_line_http_bytes"] * 0.8
    assert "| plain | zelfscan |" in "\n".join(cold_load.table(figures))


def test_the_one_line_app_is_served_like_the_navigator_unless_stock(tmp_path: Path) -> None:
    """Beside the navigator's pages, the one-line app runs on the same server set-up (its socket
    setting, ``toolkaart.web.nodelay``); ``--stock-one-line`` serves the script as Streamlit
    does, to compare with what Streamlit gives anyone."""
    (tmp_path / "same").mkdir()
    (tmp_path / "stock").mkdir()
    same = write_one_line_app(tmp_path / "same")
    stock = write_one_line_app(tmp_path / "stock", stock=True)
    assert "send_without_delay()" in same.read_text(encoding="utf-8")
    assert 'st.App("one_line.py")' in same.read_text(encoding="utf-8")
    assert (same.parent / "one_line.py").read_text(encoding="utf-8") == EMPTY_APP
    assert stock.name == "one_line.py" and stock.read_text(encoding="utf-8") == EMPTY_APP
