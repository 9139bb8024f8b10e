"""A peer test suite: Microsoft Recognizers-Text's English specs for currency, percent and dimension.

The specs are read from ../shared at test time. A case passes when the extractor finds exactly the
amounts the spec expects, with the expected values (and, for money, the expected currency). Bare
currency or percent words with no figure ("the dollar", "a small percent") have no value in the spec
and are not amounts in a brief, so they are left out of the comparison.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from builder.extract.amounts import find_amounts
from builder.extract.units import PHYSICAL_UNITS
from tests.conftest import shared

# The spec's unit names and the ISO 4217 codes (or unit words) the extractor uses for them.
CURRENCIES = {
    "Dollar": {"USD"},
    "United States dollar": {"USD"},
    "Canadian dollar": {"CAD"},
    "Hong Kong dollar": {"HKD"},
    "Australian dollar": {"AUD"},
    "New Zealand dollar": {"NZD"},
    "Mexican peso": {"MXN"},
    "Pound": {"GBP"},
    "British pound": {"GBP"},
    "Pence": {"GBX"},
    "Penny": {"GBX"},
    "Cent": {"USX"},
    "Euro": {"EUR"},
    "Japanese yen": {"JPY"},
    "Chinese yuan": {"CNY"},
    "Franc": {"CHF", "FRF"},
    "Swiss franc": {"CHF"},
    "Peseta": {"ESP"},
    "Finnish markka": {"FIM"},
    "Netherlands guilder": {"NLG"},
    "Rupee": {"INR"},
    "Turkish lira": {"TRY"},
    "Costa Rican colón": {"CRC"},
    "Georgian lari": {"GEL"},
    "Lao kip": {"LAK"},
    "Sri Lankan rupee": {"LKR"},
    "Bitcoin": {"BTC"},
    "Satoshi": {"satoshi"},
}

# Cases the extractor fails, and why that is accepted.
ACCEPTED_CURRENCY = {
    "It may need one kuai and five mao five.": "spoken Chinese money (kuai, mao, fen) is not news style",
    "Do you think sen 100,000 is expensive this new laptop?": "'sen' is a word far more often than a currency",
}
ACCEPTED_PERCENT: dict[str, str] = {}
ACCEPTED_DIMENSION_REASONS = {
    "compound": "compound measures (5 ft 2 in, 12 m 2 dm) are read as their first part",
    "spaced unit": 'a one- or two-letter unit after a space (1 m, 2 pm, 10 ") is too often something else',
    "kitchen and angle": "cooking, angle and coin units (tablespoon, rad, turn, drachma) are not deal figures",
    "rate": "rates between two units (meters per millisecond) are not deal figures",
}
ACCEPTED_DIMENSION = {
    "1m is equal to 10 dm": "spaced unit",
    'He has a pen that is 10 " long.': "spaced unit",
    "He said: 2 pm is 2 picometer": "spaced unit",
    "1 m 1 m": "spaced unit",
    "1 m x 1 m": "spaced unit",
    "The length is 12 m 2 dm more or less": "compound",
    "The length is 12 ft 2 in more or less": "compound",
    "he is 5 ft 2 in": "compound",
    "he is 5 feet 2 inches": "compound",
    "he is 5 feet and 2 inches.": "compound",
    "3 tablespoons butter, melted, and 1/2 cup olive oil": "kitchen and angle",
    "½ teaspoon baking powder": "kitchen and angle",
    "A coin weighing one drachma is known as a stater": "kitchen and angle",
    "The angle is 0.8rad": "kitchen and angle",
    "make a half turn": "kitchen and angle",
    "rotate 3 turns": "kitchen and angle",
    "rotate 90 degrees": "kitchen and angle",
    "turn left 45 degrees": "kitchen and angle",
    "50 meters per millisecond, 50 centimeters/millisecond, and 50 km/ms all use non-standard units.": "rate",
    "The weight is 20 <kg>": "spaced unit",
    "The weight is 20 {kg}": "spaced unit",
}


def _cases(name: str) -> list[dict[str, Any]]:
    return json.loads(shared("peer-tests", "recognizers-text", f"{name}Model.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _expected(case: dict[str, Any]) -> list[tuple[Decimal, str | None]]:
    found = []
    for result in case["Results"]:
        value = result["Resolution"].get("value")
        if value in (None, "null"):
            continue
        found.append((Decimal(value.rstrip("%")), result["Resolution"].get("unit")))
    return found


def _passes(case: dict[str, Any], kind: str) -> bool:
    expected = _expected(case)
    got = [a for a in find_amounts(case["Input"]) if a.kind == kind]
    if kind == "quantity":
        got = [a for a in got if a.unit in PHYSICAL_UNITS]
    if len(got) != len(expected):
        return False
    for amount, (value, unit) in zip(got, expected, strict=True):
        if abs(amount.value - value) > Decimal("0.0001"):
            return False
        if kind == "money" and amount.unit not in CURRENCIES.get(unit or "", {unit}):
            return False
    return True


@pytest.mark.parametrize(
    ("name", "kind", "needed", "accepted"),
    [("Currency", "money", 171, ACCEPTED_CURRENCY), ("Percent", "percent", 19, ACCEPTED_PERCENT)],
)
def test_peer_spec(name: str, kind: str, needed: int, accepted: dict[str, str]) -> None:
    cases = _cases(name)
    failures = [case["Input"] for case in cases if not _passes(case, kind)]
    assert len(cases) - len(failures) >= needed, failures
    assert set(failures) <= set(accepted), f"new failures: {sorted(set(failures) - set(accepted))}"


def test_dimension_spec() -> None:
    cases = _cases("Dimension")
    failures = [case["Input"] for case in cases if not _passes(case, "quantity")]
    unexplained = sorted(set(failures) - set(ACCEPTED_DIMENSION))
    assert not unexplained, f"new failures: {unexplained}"
    assert set(ACCEPTED_DIMENSION.values()) <= set(ACCEPTED_DIMENSION_REASONS)
    assert len(cases) - len(failures) >= 79
