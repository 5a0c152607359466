"""Sizes as Dutch readers say them: '1 MB', '1,5 MB', '640 kB', not '1000001 bytes'."""

from __future__ import annotations


def size_label(size: int) -> str:
    """A number of bytes in decimal units with a Dutch decimal comma, one decimal at most."""
    for unit, factor in (("MB", 1_000_000), ("kB", 1_000)):
        if size >= factor:
            amount = f"{size / factor:.1f}".removesuffix(".0").replace(".", ",")
            return f"{amount} {unit}"
    return f"{size} bytes"


def decimal_label(value: float) -> str:
    """A number with at most one decimal and a Dutch decimal comma: 12 → '12', 12.25 → '12,3'
    (rounded half away from zero, as people round), -0.0 → '0'."""
    tenths = int(abs(value) * 10 + 0.5)
    whole, tenth = divmod(tenths, 10)
    sign = "-" if value < 0 and tenths else ""
    return f"{sign}{whole},{tenth}" if tenth else f"{sign}{whole}"
