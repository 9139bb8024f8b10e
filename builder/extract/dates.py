"""Find dates and periods, and resolve relative ones against a reference date."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from builder.extract.numbers import count
from builder.extract.relative import SEASONS, quarter_span, resolve, safe_date

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_COUNT = r"(?P<count>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)"
_LEAD = (
    r"(?:in|since|by|until|till|from|during|of|before|after|early|late|mid|mid-|last|next|this"
    r"|through|throughout|around|to|between|and|or)"
)

# Each pattern opens with a lookahead for what any match must start with (after the word boundary, for a lookahead
# that reads a whole word), so that the engine tries its alternatives only there.
_PATTERNS: list[tuple[str, str]] = [
    ("iso", rf"(?=[12])\b{_YEAR}-(?P<mnum>0[1-9]|1[0-2])-(?P<dnum>0[1-9]|[12]\d|3[01])\b"),
    ("day-month-year", rf"(?=\d)\b{_DAY}\s{_MONTH},?\s{_YEAR}\b"),
    ("month-day-year", rf"(?=[JFMASOND])\b{_MONTH}\s{_DAY},?\s{_YEAR}\b"),
    # a chronology's "2007, May 15: -": the year first
    ("year-month-day", rf"(?=[12])\b{_YEAR},?\s{_MONTH}\s{_DAY}\b(?![,\d])"),
    ("day-month", rf"(?=\d)\b{_DAY}\s{_MONTH}\b(?!\s(?:19|20)\d\d)"),
    ("month-day", rf"(?=[JFMASOND])\b{_MONTH}\s{_DAY}\b(?![,\d]|\s(?:19|20)\d\d)"),
    ("month-year", rf"(?=[JFMASOND])\b{_MONTH},?\s(?:of\s)?{_YEAR}\b"),
    (
        "quarter",
        r"\b(?P<qord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s(?:quarter|three months)"
        rf"(?:\sof\s{_YEAR}|\s(?P<qrel>of\s(?:this|last|next)\syear))?",
    ),
    ("qcode", rf"(?=Q)\bQ(?P<qnum>[1-4])\s?{_YEAR}\b"),
    (
        "horizon",
        rf"\b(?P<hprep>over|in|during|within|for|across)\s(?:the\s)?(?P<hdir>next|coming|following|past|last|previous)\s"
        rf"(?:{_COUNT}\s)?(?P<hunit>years?|months?|weeks?|days?|decades?)\b",
    ),
    ("ago", rf"\b{_COUNT}\s(?P<aunit>years?|months?|weeks?|days?)\sago\b"),
    (
        "relative-period",
        r"\b(?P<rel>last|this|next|earlier this|later this|early this|late last|earlier last)\s"
        r"(?P<runit>week|month|year|summer|winter|spring|autumn|fall|weekend)\b",
    ),
    (
        "weekday",
        rf"\b(?=(?:[a-z]+\s)?[MTWFS][a-z]+day\b)(?:(?P<wrel>last|next|this|on|from|until|by|since)\s)?{_WEEKDAY}\b",
    ),
    ("deictic", r"\b(?P<deictic>today|yesterday|tomorrow)\b"),
    ("month", rf"\b(?=[a-z-]+[\s-][JFMASOND])(?P<mlead>{_LEAD})[\s-]{_MONTH}\b"),
    (
        "year",
        rf"\b(?=[a-z-]+(?:\s[a-z]+)?\s(?:19|20)\d\d)(?P<ylead>{_LEAD}|the|its|in\searly|in\slate)\s{_YEAR}\b(?!-\d)",
    ),
]
_COMPILED = [
    (
        name,
        re.compile(pattern, re.I if name in ("horizon", "ago", "relative-period", "deictic", "quarter") else 0),
    )
    for name, pattern in _PATTERNS
]
# Which patterns a text can match, judged from its lower-case words, so that most are never tried.
_UNITS = frozenset(
    """
    year years month months week weeks day days decade decades
    """.split()
)
_PERIODS = frozenset(
    """
    week month year summer winter spring autumn fall weekend
    """.split()
)
_MONTH_NAMES = frozenset(MONTHS)
_WEEKDAY_NAMES = frozenset(WEEKDAYS)


def patterns_for(words: frozenset[str], has_year: bool) -> frozenset[str]:
    """The names of the patterns worth trying on a text with these words."""
    wanted = set()
    if has_year:
        wanted |= {"iso", "qcode", "year"}
    if words & _MONTH_NAMES:
        wanted |= {
            "day-month-year",
            "month-day-year",
            "year-month-day",
            "day-month",
            "month-day",
            "month-year",
            "month",
        }
    if words & _WEEKDAY_NAMES:
        wanted.add("weekday")
    if words & {"quarter", "months"}:
        wanted.add("quarter")
    if words & {"next", "coming", "following", "past", "last", "previous"} and words & _UNITS:
        wanted.add("horizon")
    if "ago" in words:
        wanted.add("ago")
    if words & {"last", "this", "next", "earlier", "later", "early", "late"} and words & _PERIODS:
        wanted.add("relative-period")
    if words & {"today", "yesterday", "tomorrow"}:
        wanted.add("deictic")
    return frozenset(wanted)


_HAS_YEAR = re.compile(r"\d{4}")
_FUTURE = re.compile(r"\b(?:will|shall|plans?|planned|expects?|expected|due|next|intends?|aims?|to be|would)\b", re.I)
_LOWER_WORDS = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class FoundDate:
    """A date expression in a text: absolute with its value, or relative with a rule to resolve it."""

    start: int
    end: int
    value: str | None
    precision: str | None
    expression: str | None


def find_dates(text: str, patterns: frozenset[str] | None = None) -> list[FoundDate]:
    """Return the date expressions in text, longest first where they overlap, in text order."""
    taken: list[tuple[int, int]] = []
    found: list[FoundDate] = []
    if patterns is None:
        patterns = patterns_for(frozenset(_LOWER_WORDS.findall(text.lower())), bool(_HAS_YEAR.search(text)))
    if not patterns:
        return found
    for name, pattern in _COMPILED:
        if name not in patterns:
            continue
        for match in pattern.finditer(text):
            start, end = _span(name, match)
            if any(a < end and start < b for a, b in taken):
                continue
            future = bool(_FUTURE.search(text, max(0, start - 40), start))
            item = _read(name, match, start, end, future)
            if item is not None:
                taken.append((start, end))
                found.append(item)
    found.sort(key=lambda item: item.start)
    return found


def _span(name: str, match: re.Match[str]) -> tuple[int, int]:
    if name == "month":
        lead = match.group("mlead").lower()
        if lead in (
            "in",
            "since",
            "by",
            "until",
            "till",
            "from",
            "during",
            "of",
            "before",
            "after",
            "through",
            "throughout",
            "around",
            "to",
            "between",
            "and",
            "or",
        ):
            return match.start("month"), match.end()
    if name == "year" and match.group("ylead").lower() in (
        "the",
        "its",
        "in",
        "since",
        "by",
        "until",
        "from",
        "during",
        "of",
        "before",
        "after",
        "to",
        "and",
        "or",
    ):
        return match.start("year"), match.end()
    if name == "weekday" and (match.group("wrel") or "").lower() in ("on", "from", "until", "by", "since"):
        return match.start("weekday"), match.end()
    return match.start(), match.end()


def _read(name: str, m: re.Match[str], start: int, end: int, future: bool) -> FoundDate | None:
    """Turn one match into a FoundDate; None when it is not a date after all."""
    direction = "future" if future else "past"
    if name == "iso":
        value = safe_date(int(m["year"]), int(m["mnum"]), int(m["dnum"]))
        return FoundDate(start, end, value.isoformat(), "day", None) if value else None
    if name in ("day-month-year", "month-day-year", "year-month-day"):
        value = safe_date(int(m["year"]), _month(m["month"]), int(m["day"]))
        return FoundDate(start, end, value.isoformat(), "day", None) if value else None
    if name in ("day-month", "month-day"):
        return FoundDate(start, end, None, "day", f"daymonth:{_month(m['month'])}:{int(m['day'])}")
    if name == "month-year":
        return FoundDate(start, end, f"{m['year']}-{_month(m['month']):02d}", "month", None)
    if name == "quarter":
        quarter = {
            "first": 1,
            "1st": 1,
            "second": 2,
            "2nd": 2,
            "third": 3,
            "3rd": 3,
            "fourth": 4,
            "4th": 4,
            "final": 4,
            "last": 4,
        }[m["qord"].lower()]
        if m["year"]:
            return FoundDate(start, end, quarter_span(int(m["year"]), quarter), "interval", None)
        offset = {"of this year": 0, "of last year": -1, "of next year": 1}.get((m["qrel"] or "").lower(), 0)
        return FoundDate(start, end, None, "interval", f"quarter:{quarter}:{offset}")
    if name == "qcode":
        return FoundDate(start, end, quarter_span(int(m["year"]), int(m["qnum"])), "interval", None)
    if name == "horizon":
        count = _count(m["count"]) if m["count"] else 1
        unit = m["hunit"].lower().rstrip("s")
        sign = -1 if m["hdir"].lower() in ("past", "last", "previous") else 1
        return FoundDate(start, end, None, "interval", f"span:{sign * count}:{unit}")
    if name == "ago":
        return FoundDate(
            start, end, None, _ago_precision(m), f"ago:{_count(m['count'])}:{m['aunit'].lower().rstrip('s')}"
        )
    if name == "relative-period":
        rel, unit = m["rel"].lower(), m["runit"].lower()
        offset = -1 if rel.startswith(("last", "late last", "earlier last")) else (1 if rel == "next" else 0)
        if unit in SEASONS:
            return FoundDate(start, end, None, "interval", f"season:{unit}:{offset}")
        if unit == "weekend":
            return FoundDate(start, end, None, "interval", f"weekend:{offset}")
        return FoundDate(start, end, None, "interval" if unit == "week" else unit, f"period:{unit}:{offset}")
    if name == "weekday":
        rel = (m["wrel"] or "").lower()
        way = "next" if rel == "next" else ("last" if rel == "last" else direction)
        return FoundDate(start, end, None, "day", f"weekday:{WEEKDAYS[m['weekday'].lower()]}:{way}")
    if name == "deictic":
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["deictic"].lower()]
        return FoundDate(start, end, None, "day", f"days:{offset}")
    if name == "month":
        lead = m["mlead"].lower()
        way = "next" if lead == "next" else ("last" if lead == "last" else ("this" if lead == "this" else direction))
        return FoundDate(start, end, None, "month", f"month:{_month(m['month'])}:{way}")
    if name == "year":
        return FoundDate(start, end, m["year"], "year", None)
    return None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _count(text: str) -> int:
    found = count(text)
    if found is None:  # the pattern admits only counts
        raise ValueError(f"not a count: {text!r}")
    return found


def _ago_precision(m: re.Match[str]) -> str:
    unit = m["aunit"].lower().rstrip("s")
    return {"year": "year", "month": "month"}.get(unit, "day")


__all__ = ["MONTHS", "WEEKDAYS", "FoundDate", "find_dates", "patterns_for", "resolve"]
