"""Dates as Japanese business letters write them: 2023年7月28日 or 令和5年7月28日."""

from __future__ import annotations

import datetime as dt

# (first day, era name), newest first. Earlier eras are not needed for letters dated today.
_ERAS: tuple[tuple[dt.date, str], ...] = (
    (dt.date(2019, 5, 1), "令和"),
    (dt.date(1989, 1, 8), "平成"),
    (dt.date(1926, 12, 25), "昭和"),
)


def seireki(day: dt.date) -> str:
    """2023年7月28日"""
    return f"{day.year}年{day.month}月{day.day}日"


def era_year(day: dt.date) -> tuple[str, int]:
    """The era and the year within it: 2023-07-28 → ("令和", 5)."""
    for start, name in _ERAS:
        if day >= start:
            return name, day.year - start.year + 1
    raise ValueError(f"{day.isoformat()} is before the 昭和 era")


def wareki(day: dt.date) -> str:
    """令和5年7月28日; the first year of an era is written 元年 (令和元年5月1日)."""
    name, year = era_year(day)
    year_text = "元" if year == 1 else str(year)
    return f"{name}{year_text}年{day.month}月{day.day}日"


def parse_date(value: object) -> dt.date:
    """A date from TOML (a date or an ISO string) or a datetime; raises ValueError otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value.strip())
    raise ValueError(f"not a date: {value!r}")
