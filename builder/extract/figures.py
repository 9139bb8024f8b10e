"""Figures as found in a text, the words around them (hedges, per-unit phrases, horizons), and the
figures found only beside others: conversions in parentheses, sums given as an order of magnitude, and
the inverted "percent of 10"."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from builder.alternation import literal_alternation
from builder.extract import units
from builder.extract.numbers import count, number
from builder.extract.units import CURRENCY_WORDS


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of words where the longest match wins, as a trie the engine tries letter by letter."""
    return literal_alternation(words)


_PER = re.compile(
    rf"(?:\s?-\s?|\s)(?:a|an|per|each)(?:\s?-\s?|\s)(?P<per>{alternation(units.PER_UNITS)})s?(?![\w])"
    r"(?!\s(?:earlier|ago|before|later|after|on|from)\b)",
    re.I,
)
_EACH = re.compile(r"\s(?P<per>each)\b", re.I)
_QUALIFIER = re.compile(rf"(?:^|[^\w])(?P<q>{alternation(units.QUALIFIERS)})(?:\s(?:of\s)?|-)$", re.I)
_PLUS = re.compile(r"[\d.,]+\+")
_CELL_MINUS = re.compile(r"(?:^|\|)[ \t]?[-−]$", re.M)  # "| -5.44% |": a table cell's negative figure
_BETWEEN = re.compile(r"(?:^|[^\w])between\s$", re.I)
_AND_NEXT = re.compile(r"\sand\s")
_HORIZON = re.compile(
    r"\s(?P<h>(?:over|in|during|within|for|across)\s(?:the\s)?(?:next|coming|following|first|past|last)\s"
    r"(?:(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|\w+-?)\s)?"
    r"(?P<unit>years?|months?|weeks?|decades?|quarters?))\b",
    re.I,
)
_MONTHS_PER = {"year": 12, "month": 1, "decade": 120, "quarter": 3, "week": 0}


@dataclass(frozen=True)
class Found:
    """An amount found in a piece of text, with offsets into that text."""

    start: int
    end: int
    value: Decimal
    unit: str
    kind: str
    high: Decimal | None = None
    qualifier: str | None = None
    per: str | None = None
    horizon: str | None = None
    horizon_months: int | None = None
    converted_from: int | None = None


def percent_of(text: str, found: list[Found], numbers: re.Pattern[str]) -> list[Found]:
    """Read the inverted form "percent of 10" when no figure stands before the word."""
    extra: list[Found] = []
    for match in re.finditer(r"\b(?:percents?|per cent)\s+of\s+", text, re.I):
        before = text[: match.start()].rstrip()
        if before[-1:].isdigit() or (
            numbers.search(before[-12:] + " ") and before.split()[-1:] and number(before.split()[-1]) is not None
        ):
            continue
        following = numbers.match(text, match.end())
        if following is None or any(item.start <= match.start() < item.end for item in found):
            continue
        value = number(following.group())
        if value is not None:
            extra.append(Found(match.start(), following.end(), value, "%", "percent"))
    return extra


@dataclass(frozen=True)
class Rate:
    """An exchange-rate note ("$1 = A$1.28", "1.6 dollars to the pound"): one unit of base costs rate of quote."""

    start: int
    end: int
    base: str
    quote: str
    rate: Decimal


_RANGE_GAP = re.compile(r"\s?(?:-|–|—|to)\s?")
_FROM_BEFORE = re.compile(r"\bfrom\s(?:\w+\s)?$", re.I)
# "up 6%, or 16.75 pence to 293.5p", "fell $1.20 to $30.50": the size of a move, then the level it reached
_MOVE_BEFORE = re.compile(
    r"(?:\b(?:up|down|rose|fell|rising|falling|gained|lost|added|shed|climbed|dropped|jumped|slipped)(?:\sby)?"
    r"|%,?\sor)\s$",
    re.I,
)
# "fell 20 basis points to 120 basis points": a move and the level it reached, each written in full
_MOVED_BEFORE = re.compile(
    r"\b(?:rose|risen|fell|fallen|gained|lost|dropped|climbed|declined|slipped|slid|jumped|surged|tumbled"
    r"|widened|narrowed|tightened|eased|rallied|added|shed|(?:edged|ticked)\s(?:up|down|higher|lower))\s$",
    re.I,
)
_SCALE_IN = re.compile(r"(?<=\d)[\s-]?(?:bn|mn|mln|bln|tn|trn|million|billion|trillion)\b", re.I)
_EQUALS = re.compile(r"\s?=\s?")
_TO_THE = re.compile(
    rf"\s(?:to|per)\s(?:the|one|each|a|an)\s(?P<word>{alternation(k for k in CURRENCY_WORDS if len(k) > 2)})\b", re.I
)


def join_ranges(text: str, found: list[Found]) -> list[Found]:
    """Make "$2 billion to $2.5 billion" and "10 percent-12 percent" one figure with a low and a high.

    "from 10 percent to 12 percent" stays two figures: a change, not a range; so does "fell 20 basis points
    to 120 basis points", a move and the level it reached.
    """
    joined: list[Found] = []
    for amount in found:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.unit == amount.unit
            and previous.kind == amount.kind
            and previous.high is None
            and amount.high is None
            and amount.value > previous.value
            and _RANGE_GAP.fullmatch(text, previous.end, amount.start)
            and not _FROM_BEFORE.search(text, max(0, previous.start - 16), previous.start)
            and not (
                "to" in text[previous.end : amount.start]
                and _MOVE_BEFORE.search(text, max(0, previous.start - 24), previous.start)
            )
            and not _MOVED_BEFORE.search(text, max(0, previous.start - 24), previous.start)
        ):
            joined[-1] = replace(previous, end=amount.end, high=amount.value, per=amount.per or previous.per)
            continue
        joined.append(amount)
    return joined


def split_rates(text: str, found: list[Found]) -> tuple[list[Found], list[Rate]]:
    """Take the exchange-rate notes out of the figures: "($1 = 0.7 euro)", "1.6 dollars to the pound"."""
    figures: list[Found] = []
    rates: list[Rate] = []
    skip = False
    taken_until = 0
    for index, amount in enumerate(found):
        if skip or amount.start < taken_until:
            skip = False
            continue
        following = found[index + 1] if index + 1 < len(found) else None
        if (
            following is not None
            and amount.kind == following.kind == "money"
            and amount.value == 1
            and amount.unit != following.unit
            and _EQUALS.fullmatch(text, amount.end, following.start)
        ):
            rates.append(Rate(amount.start, following.end, amount.unit, following.unit, following.value))
            skip = True
            continue
        note = _note_after(text, amount)
        if note is not None:
            rates.append(note)
            taken_until = note.end
            continue
        per = _TO_THE.match(text, amount.end) if amount.kind == "money" else None
        if per is not None and CURRENCY_WORDS[per.group("word").lower()] != amount.unit:
            base = CURRENCY_WORDS[per.group("word").lower()]
            rates.append(Rate(amount.start, per.end(), base, amount.unit, amount.value))
            continue
        price = _currency_price(text, amount)
        if price is not None:
            rates.append(price)
            continue
        figures.append(amount)
    return figures, rates


# The quoted side of a wire conversion note closed by its parenthesis, once "$1 =" is read: "$1.04 Canadian)",
# ".6230 pound)", "1131.05 Korean won)" (the figure alone may read as dollars, pounds of weight or nothing).
_NOTE_QUOTE = re.compile(
    rf"(?P<sign>{alternation(units.PREFIX_SIGNS)})?\s?(?P<num>\d[\d,]*(?:\.\d+)?|\.\d+)"
    r"(?:\s(?P<words>[A-Za-z]+(?:\s[A-Za-z]+){0,2}))?\s?\)",
    re.I,
)


def _note_after(text: str, amount: Found) -> Rate | None:
    """The conversion note "($1=$1.04 Canadian)" that opens with amount, read whole where its figures were not."""
    if (
        amount.kind != "money"
        or amount.value != 1
        or amount.high is not None
        or "(" not in text[max(0, amount.start - 2) : amount.start]
    ):
        return None
    equals = _EQUALS.match(text, amount.end)
    quote = _NOTE_QUOTE.match(text, equals.end()) if equals else None
    if quote is None:
        return None
    currency = _note_currency(quote.group("sign"), quote.group("words"))
    if currency is None or currency == amount.unit:
        return None
    end = quote.end("words") if quote.group("words") else quote.end("num")
    return Rate(amount.start, end, amount.unit, currency, Decimal(quote.group("num").replace(",", "")))


# A currency's price in a market report is written to three or four places ("the euro ... to $1.1075"), a
# price of anything else to cents; the currency it prices is the nearest other one the sentence names.
_RATE_DIGITS = re.compile(r"(?<![\d,])\d{1,3}\.\d{3,4}$")
_CURRENCY_NAMED = re.compile(r"\b(?:euro|sterling|pound|yen|yuan|dollar)s?\b(?!\s(?:zone|area|bonds?|notes?))", re.I)


def _currency_price(text: str, amount: Found) -> Rate | None:
    """A currency's price written as a bare money figure: "Sterling was last trading at $1.2925"."""
    if amount.kind != "money" or amount.high is not None or amount.per is not None:
        return None
    if not _RATE_DIGITS.search(text, amount.start, amount.end):
        return None
    others = [
        (abs(match.start() - amount.start), CURRENCY_WORDS[match.group().lower().rstrip("s")])
        for match in _CURRENCY_NAMED.finditer(text)
        if CURRENCY_WORDS[match.group().lower().rstrip("s")] != amount.unit
    ]
    if not others:
        return None
    return Rate(amount.start, amount.end, min(others)[1], amount.unit, amount.value)


def _note_currency(sign: str | None, words: str | None) -> str | None:
    """The currency of a note's quoted side: its words ("Korean won", "Canadian" after "$"), else its sign."""
    tokens = words.lower().split() if words else []
    if tokens:
        head, last = " ".join(tokens[:-1]), units.CURRENCY_STEMS.get(tokens[-1], tokens[-1])
        if head and (head, last) in units.CURRENCY_ADJECTIVES:
            return units.CURRENCY_ADJECTIVES[(head, last)]
        if tokens[-1] in CURRENCY_WORDS:
            return CURRENCY_WORDS[tokens[-1]]
        if sign and sign.strip() == "$":
            return units.CURRENCY_ADJECTIVES.get((" ".join(tokens), "dollar"))
        return None
    return units.PREFIX_SIGNS.get(sign.lower().replace(" ", "")) if sign else None


# A table's stated scale: "(figures in trillions of U.S. dollars)" before rows of bare "$21.79".
_STATED_SCALE = re.compile(
    r"\((?:all\s)?(?:figures|amounts|values|numbers)\s(?:are\s)?in\s(?P<scale>trillions|billions|millions)\sof\s"
    r"(?P<words>[A-Za-z.]+(?:\s[A-Za-z.]+){0,2}?)\)",
    re.I,
)
STATED_SCALE_WORDS = frozenset({"trillions", "billions", "millions"})
_SCALES = {"trillions": Decimal(10**12), "billions": Decimal(10**9), "millions": Decimal(10**6)}


@dataclass(frozen=True)
class StatedScale:
    """A scale the text states for the money figures after it: where the statement ends, the scale, the currency."""

    end: int
    scale: Decimal
    unit: str


def stated_scale(text: str) -> StatedScale | None:
    """The scale a note in text states for the figures after it: "(figures in trillions of U.S. dollars)"."""
    match = _STATED_SCALE.search(text)
    unit = _note_currency(None, match.group("words")) if match else None
    if match is None or unit is None:
        return None
    return StatedScale(match.end(), _SCALES[match.group("scale").lower()], unit)


def apply_stated_scale(text: str, found: list[Found], stated: StatedScale, after: int = 0) -> list[Found]:
    """Scale the money figures after a stated scale that are written bare, in its currency, with no scale of
    their own ("$21.79" under "(figures in trillions of U.S. dollars)" is 21.79 trillion dollars)."""
    return [
        replace(
            item,
            value=item.value * stated.scale,
            high=item.high * stated.scale if item.high is not None else None,
        )
        if item.start >= after
        and item.kind == "money"
        and item.unit == stated.unit
        and item.per is None
        and not _SCALE_IN.search(text, item.start, item.end)
        else item
        for item in found
    ]


def link_conversions(text: str, found: list[Found]) -> list[Found]:
    """Mark a money figure in parentheses right after another as its conversion: "€4.2bn ($5.1bn; £3bn)"."""
    linked: list[Found] = []
    for index, amount in enumerate(found):
        if index and amount.kind == "money":
            previous = linked[index - 1]
            gap = text[previous.end : amount.start]
            if previous.kind == "money" and previous.unit != amount.unit and _OPENS_CONVERSION.fullmatch(gap):
                amount = replace(amount, converted_from=index - 1)
            elif previous.converted_from is not None and _NEXT_CONVERSION.fullmatch(gap):
                amount = replace(amount, converted_from=previous.converted_from)
        linked.append(amount)
    return linked


_OPENS_CONVERSION = re.compile(
    rf"\s?(?:[,;]?\s?(?:a\s\w+\s)?)?\(\s?(?:(?:{alternation(units.QUALIFIERS)}|or|c\.)\s)?", re.I
)
_NEXT_CONVERSION = re.compile(r"\s?[;,/]\s?(?:or\s)?")


_VAGUE = re.compile(
    r"\b(?P<lead>(?:several|many|tens\sof|hundreds\sof|multiple)\s)?(?P<scale>billions|millions|trillions)"
    r"(?:\s(?:of\s)?(?P<word>dollars|pounds|euros|yen))?\b"
)
_VAGUE_MONEY = re.compile(
    r"\b(?:spen[dt]\w*|invest\w*|cost\w*|paid|pay\w*|raise[ds]?|rais\w+|worth|lost|losses|borrow\w*|fine[ds]?|"
    r"bid|offer\w*|sav\w+|earn\w*|pour\w*|pump\w*|splash\w*|plough\w*|valu\w*)\b",
    re.I,
)
_VAGUE_SCALE = {"millions": Decimal(10**6), "billions": Decimal(10**9), "trillions": Decimal(10**12)}


def find_vague_amounts(text: str) -> list[Found]:
    """Money given only as an order of magnitude: "spent billions", "hundreds of millions of dollars".

    The unit is left empty ("") for the caller to fill from the currency of the article's other figures.
    """
    found = []
    for match in _VAGUE.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        after = text[match.end() : match.end() + 4]
        if after.startswith((" of ", " of")) and not match.group("word"):
            continue  # "millions of users" counts people, not money
        if not match.group("word") and not _VAGUE_MONEY.search(before):
            continue
        lead = (match.group("lead") or "").strip()
        scale = _VAGUE_SCALE[match.group("scale")]
        value = scale * (100 if lead == "hundreds of" else 10 if lead == "tens of" else 1)
        unit = CURRENCY_WORDS.get(match.group("word") or "", "")
        found.append(Found(match.start(), match.end(), value, unit, "money"))
    return found


def with_context(text: str, amount: Found, amount_near: Callable[[int, int], Found | None]) -> Found:
    """Add the hedge before the figure, and the per-unit phrase and horizon after it."""
    start, value, high = amount.start, amount.value, amount.high
    qualifier = None
    head = text[max(0, start - 24) : start]
    between = _BETWEEN.search(head)
    end = amount.end
    if between and high is None:
        tail = _AND_NEXT.match(text, end)
        other = amount_near(tail.end(), end) if tail else None
        if other is not None and other.unit == amount.unit:
            high, end = other.value, other.end
    match = _QUALIFIER.search(head)
    if match:
        qualifier = match.group("q").lower()
        if qualifier == "minus":
            value, qualifier = -value, None
    elif _PLUS.match(text, amount.start):
        qualifier = "+"
    elif text[start - 1 : start] in ("-", "−") and _CELL_MINUS.search(text, max(0, start - 4), start):
        start, value, high = start - 1, -value, -high if high is not None else None
    per = _PER.match(text, end) or _EACH.match(text, end)
    horizon = _HORIZON.match(text, per.end() if per else end)
    months = _horizon_months(horizon) if horizon else None
    return replace(
        amount,
        start=start,
        end=end,
        value=value,
        high=high,
        qualifier=qualifier,
        per=per.group("per").lower() if per else None,
        horizon=horizon.group("h") if horizon else None,
        horizon_months=months,
    )


def _horizon_months(match: re.Match[str]) -> int | None:
    unit = match.group("unit").lower().rstrip("s")
    count_text = (match.group("n") or "1").lower()
    how_many = count(count_text)
    per = _MONTHS_PER.get(unit)
    if how_many is None or not per:
        return None
    return how_many * per
