"""Dates, times and file names as Dutch readers see them."""

from __future__ import annotations

import datetime as dt

from toolkaart.i18n.dates import file_stem, local_time_label
from toolkaart.i18n.units import size_label


def test_stored_utc_times_are_shown_in_dutch_time() -> None:
    winter = dt.datetime(2026, 11, 22, 6, 45, tzinfo=dt.UTC)
    summer = dt.datetime(2026, 7, 1, 6, 45, tzinfo=dt.UTC)
    assert local_time_label(winter) == "22 november 2026, 07:45"
    assert local_time_label(summer) == "1 juli 2026, 08:45"


def test_file_names_tell_exports_apart_and_stay_safe() -> None:
    assert file_stem("Valdetectie ’s nachts", "2026-11-22") == "valdetectie-s-nachts-2026-11-22"
    assert file_stem("Zoë & Één", "x") == "zoe-een-x"
    assert file_stem("../../etc/passwd") == "etc-passwd"
    assert file_stem("€€€") == "export"


def test_sizes_are_said_in_words_a_person_reads() -> None:
    assert size_label(1_000_000) == "1 MB"
    assert size_label(1_000_001) == "1 MB"
    assert size_label(1_500_000) == "1,5 MB"
    assert size_label(50_000_000) == "50 MB"
    assert size_label(640_000) == "640 kB"
    assert size_label(12) == "12 bytes"
