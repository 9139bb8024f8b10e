"""Read the currency written before a figure and the scale written after it: "US$", "€", "GBP", "bn", "mln"."""

from __future__ import annotations

import re
from decimal import Decimal

from builder.extract import units
from builder.extract.figures import alternation
from builder.extract.numbers import NUMBER, SCALE_WORDS

PREFIX_SIGN = re.compile(rf"(?:{alternation(units.PREFIX_SIGNS)})\s?$", re.I)
_PREFIX_CODE = re.compile(r"\b(?P<code>[A-Za-z]{3,4})(?:\s)?$")
_PREFIX_WORD = re.compile(r"\b(?P<word>dollars?|euros?)\s$", re.I)
_SCALE_ATTACHED = re.compile(r"(bn|mn|mln|bln|tn|trn|k|m|b)(?![A-Za-z0-9])", re.I)
# Wire copy writes "$9.6 bln" and "$85-billion" as well as "$9.6 billion".
SCALE_SPACED = re.compile(
    r"(?:\s{1,2}|-)?(million|billion|trillion|thousand|lakh|crore|bn|mn|mln|bln|tn|trn)s?(?![\w])", re.I
)


def prefix_currency(head: str, text: str, start: int) -> tuple[str, int] | None:
    """The currency written before the figure at start (head is the text just before it), and its width."""
    sign = PREFIX_SIGN.search(head)
    if sign:
        raw = sign.group()
        key = re.sub(r"\s+$", "", raw).lower()
        code = units.PREFIX_SIGNS.get(key) or units.PREFIX_SIGNS.get(key.replace(" ", ""))
        if code is None:
            return None
        before = head[: sign.start()]
        if key[0].isalpha() and before[-1:].isalpha():
            return None  # "bus $5" is not "us$5"
        if key in ("rs", "rs.") and raw.endswith(" ") is False and text[start - 1].isalpha():
            return None
        return code, len(raw)
    code_match = _PREFIX_CODE.search(head)
    if code_match and is_code(code_match.group("code")):
        attached = not code_match.group().endswith(" ")
        if attached or text[start : start + 1].isdigit():
            code = code_of(code_match.group("code"))
            width = len(code_match.group())
            return code, width
    word = _PREFIX_WORD.search(head)
    if word and SCALE_SPACED.match(text, _number_end(text, start)):
        return units.CURRENCY_WORDS[word.group("word").lower()], len(word.group())
    return None


def _number_end(text: str, start: int) -> int:
    match = NUMBER.match(text, start)
    return match.end() if match else start


def is_code(word: str) -> bool:
    upper = word.upper()
    if upper in units.MILLION_CODES:
        return True
    if upper not in units.CODES:
        return False
    return word.isupper() or word.lower() in units.LOWERCASE_CODES


def code_of(word: str) -> str:
    """The ISO 4217 code a written code stands for ("RMB" is CNY, "MUSD" is USD in millions)."""
    upper = word.upper()
    if upper in units.MILLION_CODES:
        upper = upper[1:]
    return units.CODE_ALIASES.get(upper, upper)


def scale_at(text: str, pos: int) -> tuple[Decimal | None, int]:
    """The scale word at pos ("bn", " million", "-billion") and where it ends, or None and pos."""
    attached = _SCALE_ATTACHED.match(text, pos)
    if attached:
        return SCALE_WORDS[attached.group(1).lower()], attached.end()
    spaced = SCALE_SPACED.match(text, pos)
    if spaced:
        return SCALE_WORDS[spaced.group(1).lower()], spaced.end()
    return None, pos
