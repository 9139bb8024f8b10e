"""Resolve relative date expressions ("last month", "on Wednesday", "over the next 12 months")
against a reference date, into ISO 8601 dates, months, years and intervals."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}


def resolve(expression: str, reference: date) -> tuple[str, str]:
    """Resolve a relative expression against a reference date; return (value, precision)."""
    kind, *args = expression.split(":")
    if kind == "daymonth":
        month, day = int(args[0]), int(args[1])
        candidates = [
            d for y in (reference.year - 1, reference.year, reference.year + 1) if (d := safe_date(y, month, day))
        ]
        best = min(candidates, key=lambda d: (abs((d - reference).days), d))
        return best.isoformat(), "day"
    if kind == "weekday":
        weekday, way = int(args[0]), args[1]
        if way in ("next", "future"):
            delta = (weekday - reference.weekday()) % 7 or (7 if way == "next" else 0)
            return (reference + timedelta(days=delta)).isoformat(), "day"
        delta = (reference.weekday() - weekday) % 7 or (7 if way == "last" else 0)
        return (reference - timedelta(days=delta)).isoformat(), "day"
    if kind == "days":
        return (reference + timedelta(days=int(args[0]))).isoformat(), "day"
    if kind == "month":
        month, way = int(args[0]), args[1]
        year = reference.year
        if way == "last":
            year -= month >= reference.month
        elif way == "next":
            year += month <= reference.month
        elif way == "past":
            year -= month > reference.month
        elif way == "future":
            year += month < reference.month
        return f"{year}-{month:02d}", "month"
    if kind == "period":
        unit, offset = args[0], int(args[1])
        if unit == "year":
            return str(reference.year + offset), "year"
        if unit == "month":
            year, month = _add_months(reference.year, reference.month, offset)
            return f"{year}-{month:02d}", "month"
        monday = reference - timedelta(days=reference.weekday()) + timedelta(weeks=offset)
        return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}", "interval"
    if kind == "weekend":
        saturday = reference + timedelta(days=(5 - reference.weekday()) % 7) + timedelta(weeks=int(args[0]))
        if int(args[0]) <= 0 and saturday > reference:
            saturday -= timedelta(weeks=1)
        return f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}", "interval"
    if kind == "season":
        start, end = _season(args[0], int(args[1]), reference)
        return f"{start.isoformat()}/{end.isoformat()}", "interval"
    if kind == "span":
        count, unit = int(args[0]), args[1]
        other = _shift(reference, count, unit)
        low, high = sorted((reference, other))
        return f"{low.isoformat()}/{high.isoformat()}", "interval"
    if kind == "ago":
        count, unit = int(args[0]), args[1]
        when = _shift(reference, -count, unit)
        if unit == "year":
            return str(when.year), "year"
        if unit == "month":
            return f"{when.year}-{when.month:02d}", "month"
        return when.isoformat(), "day"
    if kind == "quarter":
        return quarter_span(reference.year + int(args[1]), int(args[0])), "interval"
    raise ValueError(f"unknown date expression {expression!r}")


def _season(name: str, offset: int, reference: date) -> tuple[date, date]:
    """Return the season before (-1), around (0) or after (1) the reference date."""
    first, last = SEASONS[name]

    def bounds(year: int) -> tuple[date, date]:
        end_year = year + 1 if last < first else year
        return date(year, first, 1), date(end_year, last, calendar.monthrange(end_year, last)[1])

    year = reference.year - (1 if last < first and reference.month <= last else 0)
    start, end = bounds(year)
    if offset < 0:
        while end >= reference:
            year -= 1
            start, end = bounds(year)
    elif offset > 0:
        while start <= reference:
            year += 1
            start, end = bounds(year)
    return start, end


def _shift(reference: date, count: int, unit: str) -> date:
    if unit in ("year", "decade"):
        months = count * (120 if unit == "decade" else 12)
    elif unit == "month":
        months = count
    else:
        return reference + timedelta(days=count * (7 if unit == "week" else 1))
    year, month = _add_months(reference.year, reference.month, months)
    return date(year, month, min(reference.day, calendar.monthrange(year, month)[1]))


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def quarter_span(year: int, quarter: int) -> str:
    first = 3 * (quarter - 1) + 1
    last = first + 2
    return f"{date(year, first, 1).isoformat()}/{date(year, last, calendar.monthrange(year, last)[1]).isoformat()}"


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when there is no such day (30 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None
