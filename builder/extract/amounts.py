"""Find money, percentages and quantities, with their hedges, per-unit phrases, ranges and horizons."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from builder.extract import units
from builder.extract.numbers import NUMBER_DIGITS, SCALE_WORDS, number, plain
from builder.extract.units import CURRENCY_WORDS

_CORE_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
    " seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety half quarters quarter"
    " hundred thousand million billion trillion lakh crore"
).split()
_CORE = "|".join(sorted(_CORE_WORDS, key=len, reverse=True))
_WORD_RUN = rf"\b(?:an?[\s-]+(?=(?:half|quarter|hundred|thousand|million|billion|trillion)\b))?(?:{_CORE})(?:(?:[\s-]+(?:and[\s-]+)?)(?:{_CORE}))*\b"
NUMBER = re.compile(rf"(?P<digits>{NUMBER_DIGITS})|(?P<words>{_WORD_RUN})", re.I)
DIGITS_ONLY = re.compile(rf"(?P<digits>{NUMBER_DIGITS})(?P<words>(?!))?")
NUMBER_WORD_SET = frozenset(_CORE_WORDS)


def _alternation(words: object) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_PREFIX_SIGN = re.compile(rf"(?:{_alternation(units.PREFIX_SIGNS)})\s?$", re.I)
_PREFIX_CODE = re.compile(rf"\b(?P<code>[A-Za-z]{{3,4}})(?:\s)?$")
_PREFIX_WORD = re.compile(r"\b(?P<word>dollars?|euros?)\s$", re.I)
_SCALE_ATTACHED = re.compile(r"(bn|mn|mln|bln|tn|trn|k|m|b)(?![A-Za-z0-9])", re.I)
_SCALE_SPACED = re.compile(r"\s?(million|billion|trillion|thousand|lakh|crore|bn|mn|tn)s?(?![\w])", re.I)
_ADJECTIVES = _alternation({adjective for adjective, _ in units.CURRENCY_ADJECTIVES})
_CURRENCY_WORD = re.compile(
    rf"(?:[\s-]|(?<=\d))(?:(?P<adj>{_ADJECTIVES})\s)?(?P<word>{_alternation(set(units.CURRENCY_WORDS) - {'p'})}"
    r"|marks?|real|dinars?|crowns?)(?![\w])",
    re.I,
)
_PENCE_ATTACHED = re.compile(r"p(?![\w])")
_CODE_AFTER = re.compile(r"\s?(?P<code>[A-Za-z]{3,4})(?![\w])")
_SIGN_AFTER = re.compile(rf"\s?(?P<sign>{_alternation(units.SUFFIX_SIGNS)})")
_PERCENT = re.compile(r"\s?(?:(?P<points>percentage[\s-]points?)|%|per[\s-]?cents?\b|percent(?:age)?s?\b)", re.I)
_MEASURE = re.compile(
    rf"(?:[\s-]|(?<=\d))?[(\[{{<]?(?P<unit>{_alternation(units.MEASURES)})[)\]}}>]?(?![\w/²])", re.I
)
_COUNT = re.compile(rf"\s(?P<noun>{_alternation(units.COUNT_NOUNS)})\b")
_PER = re.compile(
    rf"(?:\s?-\s?|\s)(?:a|an|per|each)(?:\s?-\s?|\s)(?P<per>{_alternation(units.PER_UNITS)})s?(?![\w])"
    r"(?!\s(?:earlier|ago|before|later|after|on|from)\b)",
    re.I,
)
_EACH = re.compile(r"\s(?P<per>each)\b", re.I)
_RANGE = re.compile(rf"\s?(?:-|–|—|to)\s?(?P<sign>{_alternation(units.PREFIX_SIGNS)})?\s?(?P<num>{NUMBER_DIGITS})", re.I)
_QUALIFIER = re.compile(rf"(?:^|[^\w])(?P<q>{_alternation(units.QUALIFIERS)})\s(?:of\s)?$", re.I)
_BETWEEN = re.compile(r"(?:^|[^\w])between\s$", re.I)
_AND_NEXT = re.compile(r"\sand\s")
_CENTS = re.compile(
    r"\s(?:and\s)?(?P<num>\d{1,2}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three"
    r"|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?:\s(?P<minor>cents?|pence))?"
    r"(?=\s*(?:$|[.,;!?)]|and\b|more\b))",
    re.I,
)
_HORIZON = re.compile(
    r"\s(?P<h>(?:over|in|during|within|for|across)\s(?:the\s)?(?:next|coming|following|first|past|last)\s"
    r"(?:(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|\w+-?)\s)?"
    r"(?P<unit>years?|months?|weeks?|decades?|quarters?))\b",
    re.I,
)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_WEIGHT_CONTEXT = re.compile(r"\b(?:weigh\w*|heav\w*|lbs?|kg|drop|lose|lost|gain\w*|baby|ton|tonnes?)\b", re.I)
_MONEY_CONTEXT = re.compile(
    r"£|\b(?:paid|pay\w*|cost\w*|price\w*|worth|fine[ds]?|sold|bought|salar\w*|profit\w*|revenue\w*|sales"
    r"|bid|offer\w*|valu\w*|deal|fund\w*|loan\w*|debt\w*|earn\w*|spen[dt]\w*|income|sterling|budget|tax\w*)\b",
    re.I,
)
_HORIZON_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                  "nine": 9, "ten": 10, "twelve": 12, "eighteen": 18}  # fmt: skip
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


@dataclass
class _Number:
    start: int
    end: int
    value: Decimal
    words: bool


def find_amounts(text: str, words: frozenset[str] | None = None) -> list[Found]:
    """Return the amounts in text, in order, without overlaps.

    words, the text's lower-case words when the caller has them, lets a text with no number words skip
    the slower search for them.
    """
    blocked = [(m.start(), m.end()) for m in _URL.finditer(text)] if "/" in text or "www" in text else []
    found: list[Found] = []
    taken_until = 0
    scanner = DIGITS_ONLY if words is not None and not words & NUMBER_WORD_SET else NUMBER
    for match in scanner.finditer(text):
        if match.start() < taken_until or any(a <= match.start() < b for a, b in blocked):
            continue
        numeral = _numeral(text, match)
        if numeral is None:
            continue
        amount = _amount_at(text, numeral, taken_until)
        if amount is None:
            continue
        amount = _with_context(text, amount)
        found.append(amount)
        taken_until = amount.end
    found.extend(_percent_of(text, found))
    found.sort(key=lambda item: item.start)
    return _link_conversions(text, found)


def _numeral(text: str, match: re.Match[str]) -> _Number | None:
    raw = match.group()
    words = match.group("words") is not None
    start, end = match.start(), match.end()
    if not words:
        before = text[start - 1] if start else " "
        if before.isdigit() or before in ".,/" or (before == "-" and start > 1 and text[start - 2].isalnum()):
            return None
        if end < len(text) and text[end] == "-" and text[end + 1 : end + 2].isdigit():
            return None  # a phone or reference number such as 1111-2222
    value = number(raw)
    if value is None:
        return None
    return _Number(start, end, value, words)


def _amount_at(text: str, numeral: _Number, floor: int) -> Found | None:
    """Read the currency, scale and unit around one number."""
    start, pos, value = numeral.start, numeral.end, numeral.value
    head = text[max(floor, start - 12) : start]
    prefix = _prefix_currency(head, text, start)
    if prefix is None and head[-1:].isalpha():
        return None  # part of a code such as "scp173m"
    if prefix is not None:
        code, width = prefix
        start -= width
    high: Decimal | None = None
    range_match = _RANGE.match(text, pos)
    if range_match and (prefix is not None or _unit_follows(text, range_match.end())):
        if not range_match.group().strip().startswith("to"):
            high = number(range_match.group("num"))
            pos = range_match.end()
    scale, pos = _scale(text, pos, prefix is not None)
    if prefix is None and scale is None:
        code_then_scale = _CODE_AFTER.match(text, pos)
        if code_then_scale and _is_code(code_then_scale.group("code")):
            scaled, after = _scale(text, code_then_scale.end(), True)
            if scaled is not None:
                prefix = (_code(code_then_scale.group("code")), 0)
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
    return _after_number(text, start, pos, value, high, scale, numeral)


def _after_number(
    text: str, start: int, pos: int, value: Decimal, high: Decimal | None, scale: Decimal | None, numeral: _Number
) -> Found | None:
    """Read what follows a number without a currency sign before it."""
    percent = _PERCENT.match(text, pos)
    if percent:
        if percent.group("points"):
            return _finish(text, start, percent.end(), value, high, "percentage points", "quantity")
        return _finish(text, start, percent.end(), value, high, "%", "percent")
    currency = _currency_after(text, pos, value, scale)
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
        if not bare[:1].isalnum() and (not bare.strip() or bare.lstrip()[:1] in ".,;)" or re.match(r"\s(?:tall|long|high|wide|deep)\b", bare)):
            return _finish(text, start, pos, value / SCALE_WORDS["m"], None, "m", "quantity")
    count = _COUNT.match(text, pos)
    small_words = numeral.words and not re.search(r"hundred|thousand|million|billion|trillion", text[numeral.start : numeral.end], re.I)
    if count and not small_words and not _looks_like_year(text[numeral.start : numeral.end], scale):
        return _finish(text, start, count.end(), value, high, count.group("noun").lower(), "quantity")
    return None


def _prefix_currency(head: str, text: str, start: int) -> tuple[str, int] | None:
    sign = _PREFIX_SIGN.search(head)
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
    if code_match and _is_code(code_match.group("code")):
        attached = not code_match.group().endswith(" ")
        if attached or text[start:start + 1].isdigit():
            code = _code(code_match.group("code"))
            width = len(code_match.group())
            return code, width
    word = _PREFIX_WORD.search(head)
    if word and _SCALE_SPACED.match(text, _number_end(text, start)):
        return units.CURRENCY_WORDS[word.group("word").lower()], len(word.group())
    return None


def _number_end(text: str, start: int) -> int:
    match = NUMBER.match(text, start)
    return match.end() if match else start


def _is_code(word: str) -> bool:
    upper = word.upper()
    if upper in units.MILLION_CODES:
        return True
    if upper not in units.CODES:
        return False
    return word.isupper() or word.lower() in units.LOWERCASE_CODES


def _code(word: str) -> str:
    upper = word.upper()
    if upper in units.MILLION_CODES:
        upper = upper[1:]
    return units.CODE_ALIASES.get(upper, upper)


def _scale(text: str, pos: int, money: bool) -> tuple[Decimal | None, int]:
    attached = _SCALE_ATTACHED.match(text, pos)
    if attached:
        return SCALE_WORDS[attached.group(1).lower()], attached.end()
    spaced = _SCALE_SPACED.match(text, pos)
    if spaced and (money or spaced.group(1).lower() not in ("bn", "mn", "tn") or True):
        return SCALE_WORDS[spaced.group(1).lower()], spaced.end()
    return None, pos


def _currency_after(
    text: str, pos: int, value: Decimal, scale: Decimal | None
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
        if code is None:
            if name in ("marks", "mark", "real", "dinar", "dinars", "crowns", "crown"):
                return None
            code = units.CURRENCY_WORDS.get(name)
            if adjective and code is None:
                return None
        if code is None:
            return None
        if code.endswith("X") and code in units.MINOR_UNITS.values() or (adjective and stem == "cent"):
            major = units.CURRENCY_ADJECTIVES.get((adjective, "dollar"), "USD")
            if major != "USD":
                return major, word.end(), Decimal("0.01"), Decimal(0)
        if stem == "pound" and not adjective and scale is None and not _pounds_are_money(text, pos):
            return None
        return _with_cents(text, word.end(), code, value, scale)
    code_match = _CODE_AFTER.match(text, pos)
    if code_match and _is_code(code_match.group("code")):
        end = code_match.end()
        if end < len(text) and text[end].isdigit():
            return None  # "3 USD50": the code belongs to the next figure
        raw = code_match.group("code").upper()
        if raw in units.MILLION_CODES:
            return _code(raw[1:]), end, Decimal(10**6), Decimal(0)
        scaled, after = _scale(text, end, True)
        if scaled is not None and scale is None:
            return _code(raw), after, scaled, Decimal(0)
        return _with_cents(text, end, _code(raw), value, scale)
    sign = _SIGN_AFTER.match(text, pos)
    if sign:
        end = sign.end()
        follower = NUMBER.match(text, end + 1) if text[end : end + 1] == " " else NUMBER.match(text, end)
        if follower and not _SIGN_AFTER.match(text, follower.end()) and not _CENTS.match(text, end):
            return None  # "1 $ 10 dollars": the sign opens the next figure
        return _with_cents(text, end, units.SUFFIX_SIGNS[sign.group("sign")], value, scale)
    return None


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
    if raw == "in" or (raw == "m" and scale is not None):
        return None
    if raw in ("pound", "pounds") and _pounds_are_money(text, pos):
        return None
    return units.MEASURES[raw]


def _unit_follows(text: str, pos: int) -> bool:
    scale, after = _scale(text, pos, False)
    return bool(
        _PERCENT.match(text, after)
        or _CURRENCY_WORD.match(text, after)
        or _CODE_AFTER.match(text, after)
        or (scale is not None and _COUNT.match(text, after))
    )


def _looks_like_year(raw: str, scale: Decimal | None) -> bool:
    return scale is None and raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100


def _finish(
    text: str, start: int, end: int, value: Decimal, high: Decimal | None, unit: str, kind: str
) -> Found:
    return Found(start, end, value, unit, kind, high=high)


def _with_context(text: str, amount: Found) -> Found:
    """Add the hedge before the figure, and the per-unit phrase and horizon after it."""
    start, value, high = amount.start, amount.value, amount.high
    qualifier = None
    head = text[max(0, start - 24) : start]
    between = _BETWEEN.search(head)
    end = amount.end
    if between and high is None:
        tail = _AND_NEXT.match(text, end)
        if tail:
            second = NUMBER.search(text, tail.end(), tail.end() + 6)
            if second:
                numeral = _numeral(text, second)
                other = _amount_at(text, numeral, end) if numeral else None
                if other is not None and other.unit == amount.unit:
                    high, end = other.value, other.end
    match = _QUALIFIER.search(head)
    if match:
        qualifier = match.group("q").lower()
        if qualifier == "minus":
            value, qualifier = -value, None
    per = _PER.match(text, end) or _EACH.match(text, end)
    horizon = _HORIZON.match(text, per.end() if per else end)
    months = _horizon_months(horizon) if horizon else None
    return replace(
        amount,
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
    count = int(count_text) if count_text.isdigit() else _HORIZON_WORDS.get(count_text)
    per = _MONTHS_PER.get(unit)
    if count is None or not per:
        return None
    return count * per


def _percent_of(text: str, found: list[Found]) -> list[Found]:
    """Read the inverted form "percent of 10" when no figure stands before the word."""
    extra: list[Found] = []
    for match in re.finditer(r"\b(?:percents?|per cent)\s+of\s+", text, re.I):
        before = text[: match.start()].rstrip()
        if before[-1:].isdigit() or NUMBER.search(before[-12:] + " ") and before.split()[-1:] and number(before.split()[-1]) is not None:
            continue
        following = NUMBER.match(text, match.end())
        if following is None or any(item.start <= match.start() < item.end for item in found):
            continue
        value = number(following.group())
        if value is not None:
            extra.append(Found(match.start(), following.end(), value, "%", "percent"))
    return extra


def _link_conversions(text: str, found: list[Found]) -> list[Found]:
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
    rf"\s?(?:[,;]?\s?(?:a\s\w+\s)?)?\(\s?(?:(?:{_alternation(units.QUALIFIERS)}|or|c\.)\s)?", re.I
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


def as_value(value: Decimal) -> int | float:
    """Return the JSON form of a value."""
    return plain(value)
