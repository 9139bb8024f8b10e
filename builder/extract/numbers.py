"""Read numbers as news writes them: digits with separators, fractions, words and scales."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from builder.alternation import literal_alternation
from builder.bounds import LARGEST_FIGURE

SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": Decimal(100),
    "thousand": Decimal(1000),
    "lakh": Decimal(100_000),
    "million": Decimal(10**6),
    "crore": Decimal(10**7),
    "billion": Decimal(10**9),
    "trillion": Decimal(10**12),
}
# Scale words and the abbreviations news attaches to figures ("$20m", "1.9bn", "£3tn").
SCALE_WORDS = {
    "k": Decimal(1000),
    "thousand": Decimal(1000),
    "m": Decimal(10**6),
    "mn": Decimal(10**6),
    "mln": Decimal(10**6),
    "million": Decimal(10**6),
    "millions": Decimal(10**6),
    "b": Decimal(10**9),
    "bn": Decimal(10**9),
    "bln": Decimal(10**9),
    "billion": Decimal(10**9),
    "billions": Decimal(10**9),
    "tn": Decimal(10**12),
    "trn": Decimal(10**12),
    "tr": Decimal(10**12),
    "trillion": Decimal(10**12),
    "lakh": Decimal(100_000),
    "crore": Decimal(10**7),
}
FRACTIONS = {"half": Decimal("0.5"), "quarter": Decimal("0.25"), "quarters": Decimal("0.25")}
VULGAR = {
    "½": Decimal("0.5"),
    "¼": Decimal("0.25"),
    "¾": Decimal("0.75"),
    "⅓": Decimal(1) / 3,
    "⅔": Decimal(2) / 3,
}

_WORD = "|".join(sorted([*SMALL, *SCALES, "half", "quarters", "quarter", "a", "an", "and"], key=len, reverse=True))
# A run of number words: "thirteen", "forty-five", "three quarters", "a quarter million", "one hundred".
NUMBER_WORDS = rf"(?:(?:{_WORD})(?:[\s-]+(?:{_WORD}))*)"
# Digits as news and tokenised text write them: 1,234.5  12,34,567.89  6 . 2  10 1/2  837-1/2  1/4  ½
NUMBER_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"
    r"|\d+ \. \d+(?= ?%| (?:percent|per cent|million|billion|bn|m)\b)"
    r"|\d+[ -]\d/\d{1,2}(?![\d/])|\d+/\d{1,2}(?![\d/])"
    r"|\d*\.\d+|\d+(?:\.\d+)?)[½¼¾⅓⅔]?|[½¼¾⅓⅔]"
)
_SPLIT = re.compile(r"[\s-]+")


_CORE_WORDS = """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety half
    quarters quarter hundred thousand million billion trillion lakh crore
    """.split()
_CORE = "|".join(sorted(_CORE_WORDS, key=len, reverse=True))
_ARTICLE = r"an?[\s-]+(?=(?:half|quarter|hundred|thousand|million|billion|trillion)\b)"
_WORD_RUN = rf"\b(?:{_ARTICLE})?(?:{_CORE})(?:(?:[\s-]+(?:and[\s-]+)?)(?:{_CORE}))*\b"
NUMBER = re.compile(rf"(?P<digits>{NUMBER_DIGITS})|(?P<words>{_WORD_RUN})", re.I)
DIGITS_ONLY = re.compile(rf"(?P<digits>{NUMBER_DIGITS})(?P<words>(?!))?")
NUMBER_WORD_SET = frozenset(_CORE_WORDS)
# Where a number can start: a digit, a point or a vulgar fraction, or a number word (or "a", "an") at a word's
# start. The engine tries a pattern that opens with alternatives at every place of the text; this one finds the
# places quickly, and the full pattern is tried only there.
_DIGITS_START = re.compile(r"[\d.½¼¾⅓⅔]")
_NUMBER_START = re.compile(rf"[\d.½¼¾⅓⅔]|\b(?:an?[\s-]|{literal_alternation(_CORE_WORDS)})", re.I)


def numbers_in(text: str, words: bool = True) -> Iterator[re.Match[str]]:
    """The matches of NUMBER in text (of DIGITS_ONLY when words is false), as `finditer` gives them."""
    pattern, start = (NUMBER, _NUMBER_START) if words else (DIGITS_ONLY, _DIGITS_START)
    pos = 0
    while (place := start.search(text, pos)) is not None:
        match = pattern.match(text, place.start())
        if match is None:
            pos = place.start() + 1
            continue
        yield match
        pos = match.end()


def parse_digits(text: str) -> Decimal | None:
    """Read a number written in digits; None when it is not one."""
    text = text.strip()
    tail = Decimal(0)
    if text and text[-1] in VULGAR:
        tail = VULGAR[text[-1]]
        text = text[:-1].strip()
        if not text:
            return tail
    if "/" in text and (" " in text or "-" in text):
        whole, fraction = re.split(r"[ -]", text, maxsplit=1)
        head = parse_digits(whole)
        part = parse_digits(fraction)
        return None if head is None or part is None else head + part
    if "/" in text:
        numerator, denominator = text.split("/", 1)
        try:
            return Decimal(numerator) / Decimal(denominator) if Decimal(denominator) else None
        except InvalidOperation:
            return None
    try:
        return Decimal(text.replace(",", "").replace(" ", "")) + tail
    except InvalidOperation:
        return None


def parse_words(text: str) -> Decimal | None:
    """Read a number written in words ("forty-five", "three quarters", "a quarter million")."""
    words = [word for word in _SPLIT.split(text.lower()) if word and word != "and"]
    if not words:
        return None
    total = Decimal(0)
    current: Decimal | None = None
    fraction: Decimal | None = None
    for index, word in enumerate(words):
        if word in ("a", "an"):
            if index + 1 < len(words) and (words[index + 1] in SCALES or words[index + 1] in FRACTIONS):
                current = Decimal(1) if current is None else current
                continue
            return None
        if word in SMALL:
            current = (current or Decimal(0)) + SMALL[word]
        elif word in FRACTIONS:
            fraction = (current if current is not None else Decimal(1)) * FRACTIONS[word]
            if word == "quarters" and current is None:
                return None
            current = None
        elif word in SCALES:
            base = fraction if fraction is not None else (current if current is not None else None)
            if base is None:
                return None
            if SCALES[word] == 100:
                current = base * 100
                fraction = None
                continue
            total += base * SCALES[word]
            current, fraction = None, None
        else:
            return None
    if fraction is not None:
        total += fraction
    if current is not None:
        total += current
    return total


def number(text: str) -> Decimal | None:
    """Read a number in digits or in words; None for a run of digits too long to be a figure."""
    in_digits = any(ch.isdigit() for ch in text) or (text and text[-1] in VULGAR)
    value = parse_digits(text) if in_digits else parse_words(text)
    return value if value is None or abs(value) < LARGEST_FIGURE else None


def count(text: str) -> int | None:
    """A whole count in digits or words ("18", "eighteen", "twenty-four", "a"), or None."""
    if text.lower() in ("a", "an"):
        return 1
    value = number(text)
    return int(value) if value is not None and value == value.to_integral_value() and value >= 0 else None


def plain(value: Decimal) -> int | float:
    """Return an int for whole values and a float otherwise, for JSON."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def significant_step(text: str) -> Decimal:
    """Half the step of the last written digit: the rounding a written figure implies ("1.9" → 0.05)."""
    digits = re.sub(r"[^\d.]", "", text.split("/")[0]).strip(".")
    decimals = len(digits.split(".", 1)[1]) if "." in digits else 0
    return Decimal(1).scaleb(-decimals) / 2
