"""Dates and times as Dutch readers see them."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from zoneinfo import ZoneInfo

from toolkaart.i18n.catalog import t

#: Stored times are UTC; people read them in their own time zone.
LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")


def local_today() -> dt.date:
    """Today as the people using the navigator count it (``LOCAL_ZONE``), not the server's day:
    a container runs in UTC, and between midnight in Amsterdam and midnight UTC its day is
    yesterday here. Every "today" a page shows or judges by is this one."""
    return dt.datetime.now(LOCAL_ZONE).date()


def local_date(moment: dt.datetime) -> dt.date:
    """The day a stored moment falls on in the navigator's zone; a moment without a zone is UTC,
    as the store keeps it. Creation days, days since a change and "today" are counted alike."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(LOCAL_ZONE).date()


def date_label(day: dt.date) -> str:
    """A date as Dutch readers write it, the same on every page and in every export: 5 maart 2027."""
    return f"{day.day} {t(f'month.{day.month}')} {day.year}"


def local_time_label(moment: dt.datetime) -> str:
    """A stored (UTC) moment as Dutch readers write it, in their zone, with the one date format
    of every page and export: 23 november 2026, 14:05."""
    local = moment.astimezone(LOCAL_ZONE)
    return f"{date_label(local.date())}, {local:%H:%M}"


def file_stem(*parts: str) -> str:
    """A file name people can tell apart: 'Valdetectie ’s nachts', '2026-11-22' →
    'valdetectie-s-nachts-2026-11-22' (no accents, no spaces, no path characters)."""
    text = unicodedata.normalize("NFKD", " ".join(parts)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80] or "export"
