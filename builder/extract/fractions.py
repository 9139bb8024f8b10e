"""Fractions written in words that give a share of a holding, a vote or a deal: "a third of the financing", "a
one-third premium", "two-thirds of the company's shares". Read as percentages; "a third consortium" (an
ordinal) is not, nor is a fraction of things counted ("a third of its 12,000 employees")."""

from __future__ import annotations

import re
from decimal import Decimal

from builder.extract.figures import Found

_FRACTION = re.compile(
    r"\b(?P<part>(?:a|one)[\s-]third|two[\s-]thirds|three[\s-]quarters)"
    # of a holding, a vote or a deal, not of anything counted ("a third of its 12,000 employees")
    r"(?=\s(?:of\s(?:[\w'’$.,-]+\s){0,4}?(?:shares|stock|votes?|capital|equity|acquisition|deal|purchase|"
    r"financing|portfolio|company|firm|group|bank)\b|(?:\w+\s)?(?:premium|stake|holding|interest|discount)\b))",
    re.I,
)
FRACTION_WORDS = frozenset({"third", "thirds", "quarters"})  # a text without one of these holds no fraction
_SHARES = {"third": Decimal(100) / 3, "thirds": Decimal(200) / 3, "quarters": Decimal(75)}
_CENT = Decimal("0.01")


def fractions_of(text: str, found: list[Found]) -> list[Found]:
    """The fractions in words of text that no found figure covers, as percentages."""
    extra = []
    for match in _FRACTION.finditer(text):
        if any(item.start < match.end() and match.start() < item.end for item in found):
            continue
        share = _SHARES[re.split(r"[\s-]", match.group("part"))[-1].lower()]
        extra.append(Found(match.start(), match.end(), share.quantize(_CENT), "%", "percent"))
    return extra
