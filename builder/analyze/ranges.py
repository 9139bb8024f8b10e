"""Figures as intervals: a hedge or a rounding widens a figure into the range of values it allows."""

from __future__ import annotations

import math
import re

from builder.extract.numbers import significant_step
from builder.extract.units import QUALIFIER_BOUNDS
from builder.model import Amount

ABOUT = 0.05  # "about X" means X within five percent
NEARLY = 0.10  # "nearly X" means up to ten percent below X
PRICE_STEP = 0.01  # a price a share is stated to the cent: its rounding is at most 1% of it
HEDGE_REACH = 1.5  # "more than X" is read as X to 1.5 X, "under X" as X / 1.5 to X
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def bounds(amount: Amount) -> tuple[float, float]:
    """The interval a hedged figure allows: "more than X" is above X, "about X" within a few percent."""
    value = float(amount.value)
    top = float(amount.high) if amount.high is not None else value
    numeral = _NUMBER.search(amount.text)
    step = 0.0
    if numeral:
        written = float(numeral.group().replace(",", "")) or 1.0
        step = float(significant_step(numeral.group())) * abs(value / written)
        if amount.measure == "price_per_share":
            step = min(step, PRICE_STEP * abs(value))  # "$14 a share" is $14.00, not "about $14"
    hedge = QUALIFIER_BOUNDS.get(amount.qualifier or "")
    if amount.vague:
        return value, math.inf
    if hedge == "above":
        return value, top * HEDGE_REACH if value > 0 else math.inf
    if hedge == "below":
        return (value / HEDGE_REACH if value > 0 else -math.inf), top
    if hedge == "about":
        return value * (1 - ABOUT) - step, top * (1 + ABOUT) + step
    if hedge == "nearly":
        return value * (1 - NEARLY), top
    return value - step, top + step


def overlap(low_a: float, high_a: float, low_b: float, high_b: float) -> bool:
    """Whether two ranges share more than an end point ("£1.4bn" and "£1.5bn" only touch at £1.45bn)."""
    top, bottom = min(high_a, high_b), max(low_a, low_b)
    scale = max(abs(top) if math.isfinite(top) else 1.0, abs(bottom) if math.isfinite(bottom) else 1.0, 1.0)
    return top - bottom > 1e-9 * scale or low_a == high_a == low_b == high_b


def exact(amount: Amount) -> tuple[float, float]:
    """The interval a figure allows from its rounding alone, hedges aside: for working out exchange rates."""
    return bounds(amount.model_copy(update={"qualifier": None}))
