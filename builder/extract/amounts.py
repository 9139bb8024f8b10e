"""Find money, percentages and quantities, with their hedges, per-unit phrases, ranges and horizons."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from builder.extract import lexicon as lx
from builder.extract import units
from builder.extract.currencies import PREFIX_SIGN, code_of, is_code, prefix_currency, scale_at
from builder.extract.figures import (
    Found,
    Rate,
    alternation,
    find_vague_amounts,
    join_ranges,
    link_conversions,
    percent_of,
    split_rates,
    with_context,
)
from builder.extract.fractions import FRACTION_WORDS, fractions_of
from builder.extract.numbers import FRACTIONS, NUMBER, NUMBER_DIGITS, NUMBER_WORD_SET, SCALE_WORDS, number, numbers_in

_ADJECTIVES = alternation({adjective for adjective, _ in units.CURRENCY_ADJECTIVES})
_CURRENCY_WORD = re.compile(
    rf"(?:[\s-]|(?<=\d))(?:(?P<adj>{_ADJECTIVES})\s)?(?P<word>{alternation(set(units.CURRENCY_WORDS) - {'p'})}"
    r"|marks?|real|dinars?|crowns?)(?![\w])",
    re.I,
)
_PENCE_ATTACHED = re.compile(r"p(?![\w])")
_CODE_AFTER = re.compile(r"\s?(?P<code>[A-Za-z]{3,4})(?![\w])")
_SIGN_AFTER = re.compile(rf"\s?(?P<sign>{alternation(units.SUFFIX_SIGNS)})")
_PERCENT = re.compile(
    r"\s?(?:(?P<points>percentage[\s-]points?)|(?P<basis>basis[\s-]points?|bps\b)|%|per[\s-]?cents?\b|percent(?:age)?s?\b)",
    re.I,
)
_MEASURE = re.compile(rf"(?:[\s-]|(?<=\d))?[(\[{{<]?(?P<unit>{alternation(units.MEASURES)})[)\]}}>]?(?![\w/²])", re.I)
_COUNT = re.compile(rf"\s(?P<noun>{alternation(units.COUNT_NOUNS)})\b")
# "from 10 to 15 percent" is a change between two figures, not a range.
_NAME_BEFORE = re.compile(r"(?:^|\s)([A-Z][\w&.-]*) $")
_HEDGE_HYPHEN = re.compile(r"\b(?:near|nearly|almost|about|around|over|under)-$", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s$", re.I)
_MORE_OF = re.compile(rf"\b(?:another|a\sfurther)\s(?P<num>{NUMBER_DIGITS})\s?(?P<scale>m|bn|million|billion)\b", re.I)
_AND_RANGE = re.compile(rf"\sand\s(?P<sign>{alternation(units.PREFIX_SIGNS)})?\s?(?P<num>{NUMBER_DIGITS})", re.I)
_FROM = re.compile(r"\bfrom\s(?:(?:about|around|roughly|some|nearly|almost|just)\s)?$", re.I)
_RANGE = re.compile(rf"\s?(?:-|–|—|to)\s?(?P<sign>{alternation(units.PREFIX_SIGNS)})?\s?(?P<num>{NUMBER_DIGITS})", re.I)
_CENTS = re.compile(
    r"\s(?:and\s)?(?P<num>\d{1,2}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three"
    r"|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?:\s(?P<minor>cents?|pence))?"
    r"(?=\s*(?:$|[.,;!?)]|and\b|more\b))",
    re.I,
)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_WEIGHT_CONTEXT = re.compile(r"\b(?:weigh\w*|heav\w*|lbs?|kg|drop|lose|lost|gain\w*|baby|ton|tonnes?)\b", re.I)
_MONEY_CONTEXT = re.compile(
    r"£|\b(?:paid|pay\w*|cost\w*|price\w*|worth|fine[ds]?|sold|bought|salar\w*|profit\w*|revenue\w*|sales"
    r"|bid|offer\w*|valu\w*|deal|fund\w*|loan\w*|debt\w*|earn\w*|spen[dt]\w*|income|sterling|budget|tax\w*)\b",
    re.I,
)


@dataclass
class _Number:
    start: int
    end: int
    value: Decimal
    words: bool


def find_amounts(text: str, words: frozenset[str] | None = None) -> list[Found]:
    """Return the amounts in text, in order, without overlaps; exchange-rate notes are not amounts."""
    return find_figures(text, words)[0]


def find_figures(
    text: str, words: frozenset[str] | None = None, crown: str | None = None
) -> tuple[list[Found], list[Rate]]:
    """Return the amounts in text, in order, without overlaps, and the exchange-rate notes apart.

    words, the text's lower-case words when the caller has them, lets a text with no number words skip
    the slower search for them. crown, the currency the whole story names as "Swedish crowns" and the like,
    is the currency of a bare "230 crowns" (by default, the one the text itself names).
    """
    crown = crown or named_crown(text)
    blocked = [(m.start(), m.end()) for m in _URL.finditer(text)] if "/" in text or "www" in text else []
    found: list[Found] = []
    taken_until = 0
    for match in numbers_in(text, words is None or bool(words & NUMBER_WORD_SET)):
        if match.start() < taken_until or any(a <= match.start() < b for a, b in blocked):
            continue
        numeral = _numeral(text, match)
        if numeral is None:
            continue
        amount = _amount_at(text, numeral, taken_until, crown)
        if amount is None:
            continue
        amount = with_context(text, amount, lambda position, floor: _amount_near(text, position, floor, crown))
        found.append(amount)
        taken_until = amount.end
    found = _more_of_the_same(text, found)
    found.extend(percent_of(text, found, NUMBER))
    if words is None or words & FRACTION_WORDS:
        found.extend(fractions_of(text, found))
    found.sort(key=lambda item: item.start)
    figures, rates = split_rates(text, join_ranges(text, found))
    return link_conversions(text, figures), rates


def _more_of_the_same(text: str, found: list[Found]) -> list[Found]:
    """A bare sum that adds to a sum before it takes its currency: "1bn euros now, with another 550m to follow"."""
    for match in _MORE_OF.finditer(text):
        earlier = [a for a in found if a.kind == "money" and a.end <= match.start() and a.high is None]
        if not earlier or _COUNT.match(text, match.end()):
            continue
        start = match.start("num")
        if any(a.start <= start < a.end and (a.kind != "quantity" or a.unit != "m") for a in found):
            continue  # read already, as something other than a bare number of millions
        value = number(match.group("num"))
        if value is None:
            continue
        scale = SCALE_WORDS[match.group("scale").lower()]
        found = [a for a in found if not a.start <= start < a.end]
        found.append(_finish(text, start, match.end(), value * scale, None, earlier[-1].unit, "money"))
    return found


def _amount_near(text: str, position: int, floor: int, crown: str | None = None) -> Found | None:
    """The amount that starts within a few characters of position ("between $1bn and $2bn")."""
    match = NUMBER.search(text, position, position + 6)
    numeral = _numeral(text, match) if match else None
    return _amount_at(text, numeral, floor, crown) if numeral else None


def _numeral(text: str, match: re.Match[str]) -> _Number | None:
    raw = match.group()
    words = match.group("words") is not None
    start, end = match.start(), match.end()
    if not words:
        before = text[start - 1] if start else " "
        if before.isdigit() or before in ".,/":
            return None
        if before == "-" and start > 1 and text[start - 2].isalnum() and not _HEDGE_HYPHEN.search(text, 0, start):
            return None  # part of a code such as "A-10"; "near-10 percent" is a hedged figure
        if end < len(text) and text[end] == "-" and text[end + 1 : end + 2].isdigit():
            other = NUMBER.match(text, end + 1)
            if other is None or not (
                PREFIX_SIGN.search(text, max(0, start - 4), start) or _unit_follows(text, other.end())
            ):
                return None  # a phone or reference number such as 1111-2222, not a range such as "$11-12 billion"
    value = number(raw)
    if value is None:
        return None
    return _Number(start, end, value, words)


def _amount_at(text: str, numeral: _Number, floor: int, crown: str | None = None) -> Found | None:
    """Read the currency, scale and unit around one number."""
    start, pos, value = numeral.start, numeral.end, numeral.value
    head = text[max(floor, start - 12) : start]
    prefix = prefix_currency(head, text, start)
    if prefix is None and head[-1:].isalpha():
        return None  # part of a code such as "scp173m"
    if prefix is not None:
        code, width = prefix
        start -= width
    high: Decimal | None = None
    range_match = _RANGE.match(text, pos) or (
        _AND_RANGE.match(text, pos) if _BETWEEN_BEFORE.search(text, max(0, start - 12), start) else None
    )
    if (
        range_match
        and (prefix is not None or _unit_follows(text, range_match.end()))
        and not (numeral.words and text[numeral.start : numeral.end].lower() in FRACTIONS)  # "in half to 10%"
        and not (
            range_match.group().strip().startswith("to")
            and (_FROM.search(text, max(0, start - 24), start) or not _money_or_percent_follows(text, range_match))
        )
    ):
        high = number(range_match.group("num"))
        if high is not None and high > value:  # "December 31 to 10.63 billion" is no range
            pos = range_match.end()
        else:
            high = None
    scale, pos = scale_at(text, pos)
    if prefix is None and scale is None:
        code_then_scale = _CODE_AFTER.match(text, pos)
        if code_then_scale and is_code(code_then_scale.group("code")):
            scaled, after = scale_at(text, code_then_scale.end())
            if scaled is not None:
                prefix = (code_of(code_then_scale.group("code")), 0)
                scale, pos = scaled, after
    factor = scale if scale is not None else Decimal(1)
    value *= factor
    if high is not None:
        high *= factor
    if prefix is not None:
        code = prefix[0]
        if re.match(r"M[A-Z]{3}\s?$", text[start : numeral.start]):
            value *= 10**6  # "MAUD 60": millions in the code
        redundant = _CURRENCY_WORD.match(text, pos)
        if redundant and units.CURRENCY_WORDS.get(redundant.group("word").lower()) == code:
            pos = redundant.end()
        code, pos, _, minor = _with_cents(text, pos, code, value, scale)
        return _finish(text, start, pos, value + minor, high, code, "money")
    return _after_number(text, start, pos, value, high, scale, numeral, crown)


def _after_number(
    text: str,
    start: int,
    pos: int,
    value: Decimal,
    high: Decimal | None,
    scale: Decimal | None,
    numeral: _Number,
    crown: str | None = None,
) -> Found | None:
    """Read what follows a number without a currency sign before it."""
    percent = _PERCENT.match(text, pos + 1 if text[pos : pos + 1] == "+" else pos)  # "5+ percent": 5 or more
    if percent:
        if percent.group("points"):
            return _finish(text, start, percent.end(), value, high, "percentage points", "quantity")
        if percent.group("basis"):  # a basis point is a hundredth of a percentage point
            hundredths = high / 100 if high is not None else None
            return _finish(text, start, percent.end(), value / 100, hundredths, "percentage points", "quantity")
        return _finish(text, start, percent.end(), value, high, "%", "percent")
    currency = _currency_after(text, pos, value, scale, crown)
    if currency is not None:
        code, end, factor, minor = currency
        return _finish(text, start, end, value * factor + minor, high, code, "money")
    measure = _MEASURE.match(text, pos)
    if measure:
        unit = _measure_unit(text, measure, pos, scale)
        if unit is not None:
            return _finish(text, start, measure.end(), value, high, unit, "quantity")
    if scale == SCALE_WORDS["m"] and text[pos - 1] in "mM" and not _COUNT.match(text, pos):
        bare = text[pos : pos + 12]
        if not bare[:1].isalnum() and (
            not bare.strip() or bare.lstrip()[:1] in ".,;)" or re.match(r"\s(?:tall|long|high|wide|deep)\b", bare)
        ):
            return _finish(text, start, pos, value / SCALE_WORDS["m"], None, "m", "quantity")
    count = _COUNT.match(text, pos)
    small_words = numeral.words and not re.search(
        r"hundred|thousand|million|billion|trillion", text[numeral.start : numeral.end], re.I
    )
    if (
        count
        and not small_words
        and not _looks_like_year(text[numeral.start : numeral.end], scale)
        and not _in_name(text, numeral.start)
    ):
        return _finish(text, start, count.end(), value, high, count.group("noun").lower(), "quantity")
    return None


def _currency_after(
    text: str, pos: int, value: Decimal, scale: Decimal | None, crown: str | None = None
) -> tuple[str, int, Decimal, Decimal] | None:
    """Read a currency written after the figure: a word, a code or a sign.

    Returns the code, where the amount ends, a factor for the value (a code meaning millions) and
    hundredths to add ("3 dollars 50 cents").
    """
    pence = _PENCE_ATTACHED.match(text, pos)
    if pence and scale is None:
        return "GBX", pence.end(), Decimal(1), Decimal(0)
    word = _CURRENCY_WORD.match(text, pos)
    if word:
        name = word.group("word").lower()
        adjective = (word.group("adj") or "").lower()
        stem = units.CURRENCY_STEMS.get(name, name)
        code = units.CURRENCY_ADJECTIVES.get((adjective, stem)) if adjective else None
        if code is None and not adjective and stem == "crown":
            code = crown  # "230 crowns" in a story that speaks of "27.7 billion Swedish crowns"
        if code is None:
            if name in ("marks", "mark", "real", "dinar", "dinars", "crowns", "crown"):
                return None
            code = units.CURRENCY_WORDS.get(name)
            if adjective and code is None:
                return None
        if code is None:
            return None
        if name in units.HUNDREDTHS:
            return code, word.end(), Decimal("0.01"), Decimal(0)
        if (code.endswith("X") and code in units.MINOR_UNITS.values()) or (adjective and stem == "cent"):
            major = units.CURRENCY_ADJECTIVES.get((adjective, "dollar"), "USD")
            if major != "USD":
                return major, word.end(), Decimal("0.01"), Decimal(0)
        if stem == "pound" and not adjective and scale is None and not _pounds_are_money(text, pos):
            return None
        return _with_cents(text, word.end(), code, value, scale)
    code_match = _CODE_AFTER.match(text, pos)
    if code_match and is_code(code_match.group("code")):
        end = code_match.end()
        if end < len(text) and text[end].isdigit():
            return None  # "3 USD50": the code belongs to the next figure
        raw = code_match.group("code").upper()
        if raw in units.MILLION_CODES:
            return code_of(raw[1:]), end, Decimal(10**6), Decimal(0)
        scaled, after = scale_at(text, end)
        if scaled is not None and scale is None:
            return code_of(raw), after, scaled, Decimal(0)
        return _with_cents(text, end, code_of(raw), value, scale)
    sign = _SIGN_AFTER.match(text, pos)
    if sign:
        end = sign.end()
        follower = NUMBER.match(text, end + 1) if text[end : end + 1] == " " else NUMBER.match(text, end)
        if follower and not _SIGN_AFTER.match(text, follower.end()) and not _CENTS.match(text, end):
            return None  # "1 $ 10 dollars": the sign opens the next figure
        return _with_cents(text, end, units.SUFFIX_SIGNS[sign.group("sign")], value, scale)
    return None


_NAMED_CROWN = re.compile(rf"\b(?P<adj>{_ADJECTIVES})\s+crowns?\b", re.I)


def named_crown(text: str) -> str | None:
    """The one currency the text names as "Swedish crowns", "Norwegian crowns" and the like, or None."""
    if "crown" not in text.lower():
        return None  # most texts name none: the pattern of every adjective is not run on them
    codes = {units.CURRENCY_ADJECTIVES.get((m.group("adj").lower(), "crown")) for m in _NAMED_CROWN.finditer(text)}
    codes.discard(None)
    return codes.pop() if len(codes) == 1 else None


def _with_cents(
    text: str, end: int, code: str, value: Decimal, scale: Decimal | None
) -> tuple[str, int, Decimal, Decimal]:
    """Add the hundredths that may follow a whole amount: "15 dollars 50", "one dollar and one"."""
    if scale is None and value == value.to_integral_value() and code not in units.MINOR_UNITS:
        cents = _CENTS.match(text, end)
        if cents:
            minor = number(cents.group("num"))
            if minor is not None and minor < 100:
                return code, cents.end(), Decimal(1), minor / 100
    return code, end, Decimal(1), Decimal(0)


def _pounds_are_money(text: str, pos: int) -> bool:
    sentence = text[max(0, pos - 120) : pos + 60]
    if _WEIGHT_CONTEXT.search(sentence):
        return False
    return bool(_MONEY_CONTEXT.search(sentence))


def _measure_unit(text: str, match: re.Match[str], pos: int, scale: Decimal | None) -> str | None:
    raw = match.group("unit").lower()
    glued = match.start("unit") == pos
    if raw in ("m", "t", "in", "g", "mi", "kw", "mw", "gw", "dm") and not glued:
        return None  # single letters and short codes only when written against the figure
    if len(raw) == 1 and match.group("unit").isupper():
        return None  # "3G Capital", "a 4G network": a name, not grams
    if raw == "in" or (raw == "m" and scale is not None):
        return None
    if raw in ("pound", "pounds") and _pounds_are_money(text, pos):
        return None
    return units.MEASURES[raw]


def _unit_follows(text: str, pos: int) -> bool:
    scale, after = scale_at(text, pos)
    return bool(
        _PERCENT.match(text, after)
        or _CURRENCY_WORD.match(text, after)
        or _CODE_AFTER.match(text, after)
        or (scale is not None and _COUNT.match(text, after))
    )


def _in_name(text: str, start: int) -> bool:
    """Tell whether a bare number belongs to a name before it: "Boeing 787 jets", "S&P 500", "Heinz 57"."""
    name = _NAME_BEFORE.search(text, max(0, start - 30), start)
    return name is not None and name.group(1) not in lx.NOT_NAMES


def _money_or_percent_follows(text: str, match: re.Match[str]) -> bool:
    """Tell whether the second figure of "3 to 5 billion euros" or "$13 to $14" is money or a percentage."""
    if match.groupdict().get("sign"):
        return True
    _, after = scale_at(text, match.end())
    code = _CODE_AFTER.match(text, after)
    return bool(_PERCENT.match(text, after) or _CURRENCY_WORD.match(text, after) or (code and is_code(code["code"])))


def _looks_like_year(raw: str, scale: Decimal | None) -> bool:
    return scale is None and raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100


def _finish(text: str, start: int, end: int, value: Decimal, high: Decimal | None, unit: str, kind: str) -> Found:
    return Found(start, end, value, unit, kind, high=high)


__all__ = ["NUMBER", "Found", "Rate", "find_amounts", "find_figures", "find_vague_amounts", "named_crown"]
