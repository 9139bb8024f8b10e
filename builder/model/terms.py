"""The terms of the deal: each measure's value at each stage, or that the sources say it was not disclosed."""

from __future__ import annotations

from typing import Literal

from builder.model.base import Model
from builder.model.citation import Citation
from builder.model.facts import Basis, Stage

# A deal term: a measure a figure can have, or a term the sources state in words.
TermMeasure = Literal[
    "deal_value",
    "price_per_share",
    "premium",
    "stake",
    "shares",
    "consideration",
    "financing",
    "fee",
    "synergies",
    "earnings_effect",
    "conditions",
    "timing",
]
TermState = Literal["stated", "not disclosed"]
TermVerdict = Literal["single", "agree", "hedged", "conflict", "conversion", "revised", "not disclosed"]


class TermVersion(Model):
    """One version of a deal term: its value at one stage, from one date, as the sources state it.

    A figure has value (or low and high for a range) and unit; a term stated in words has text only; a term
    the sources say was not disclosed has state "not disclosed" and the citation of that statement.
    """

    state: TermState = "stated"
    stage: Stage | None = None
    when: str | None = None
    value: float | int | None = None
    low: float | int | None = None
    high: float | int | None = None
    unit: str | None = None
    text: str | None = None
    party: str | None = None
    verdict: TermVerdict = "single"
    group: str | None = None
    amounts: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()
    basis: Basis | None = None


class Term(TermVersion):
    """A term of the deal (its value, the price a share, the stake, the fee, …) about one subject: its latest
    version, the versions before it (its history, oldest first), and what others estimated or expected of it
    or valued it at on the market (estimates), which neither revise it nor dispute it."""

    id: str
    measure: TermMeasure
    subject: str | None = None
    history: tuple[TermVersion, ...] = ()
    estimates: tuple[TermVersion, ...] = ()
    revised: bool = False
    reason: Citation | None = None
