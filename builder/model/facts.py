"""Facts: what the extractors find in one source, each with its place in the text."""

from __future__ import annotations

from typing import Literal

from builder.model.base import Model


class Span(Model):
    """A piece of a source's text: the provenance every fact carries."""

    source: str
    sentence: str
    start: int
    end: int
    text: str


class Fact(Span):
    """A fact extracted from one place in one source."""

    id: str
    sentences: tuple[str, ...] = ()
    curated: Literal["added", "corrected"] | None = None


SpeakerKind = Literal["person", "organization", "descriptor", "document", "outlet"]


class Quote(Fact):
    """Words a source puts in quotation marks, with who said them."""

    speaker: str | None = None
    speaker_kind: SpeakerKind | None = None
    speaker_title: str | None = None
    speaker_org: str | None = None
    speaker_span: Span | None = None
    partial: bool = False
    unnamed: bool = False
    reported_by: str | None = None
    group: str | None = None


AmountKind = Literal["money", "percent", "quantity"]
# What a figure measures, as a deal professional reads it.
Measure = Literal[
    "deal_value",
    "price_per_share",
    "premium",
    "stake",
    "shares",
    "fee",
    "financing",
    "synergies",
    "earnings_effect",
    "revenue",
    "profit",
    "market_value",
    "market_move",
    "exchange_rate",
    "context",
]
# How far the deal had gone when a figure was given: from talk of a bid to its completion, or a forecast.
Stage = Literal["rumour", "talks", "offer", "revised", "agreed", "rejected", "completed", "estimate"]
# What a deal's value counts: the target's shares alone (equity value) or its debt too (enterprise value).
Basis = Literal["equity", "enterprise"]


class Amount(Fact):
    """A figure: money, a percentage or a quantity with a unit."""

    value: float | int
    high: float | int | None = None
    unit: str
    kind: AmountKind
    qualifier: str | None = None
    per: str | None = None
    converted_from: str | None = None
    horizon: str | None = None
    horizon_months: int | None = None
    vague: bool = False
    context: str = ""
    group: str | None = None
    measure: Measure | None = None
    subject: str | None = None
    party: str | None = None
    stage: Stage | None = None
    when: str | None = None
    basis: Basis | None = None

    @property
    def hedged(self) -> str:
        """The figure as written with its hedge: "about $20 million"."""
        return f"{self.qualifier} {self.text}" if self.qualifier else self.text


class ExchangeRate(Fact):
    """An exchange-rate note ("$1 = A$1.28", "1.6 dollars to the pound"): one base unit costs `rate` of quote."""

    base: str
    quote: str
    rate: float | int


Precision = Literal["day", "month", "year", "interval"]


class DateMention(Fact):
    """A date or period the text names, resolved to ISO 8601 where the text allows it."""

    value: str | None = None
    precision: Precision | None = None
    relative: bool = False
    expression: str | None = None
    anchor: str | None = None


class Mention(Span):
    """One place where a person or organisation is named."""


class Person(Model):
    """A person named in the sources, with the title and organisation the text gives."""

    id: str
    name: str
    title: str | None = None
    organization: str | None = None
    mentions: tuple[Mention, ...] = ()


class Organization(Model):
    """An organisation named in the sources, with the other names it goes by."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    party: bool = False
    mentions: tuple[Mention, ...] = ()


class NonDisclosure(Fact):
    """A statement that something was not disclosed or that someone would not comment."""

    about: str
    who: str | None = None


class UnnamedClaim(Fact):
    """A claim attributed to people the text does not name."""

    descriptor: str


class SourceFacts(Model):
    """Everything extracted from one source."""

    source: str
    quotes: tuple[Quote, ...] = ()
    amounts: tuple[Amount, ...] = ()
    dates: tuple[DateMention, ...] = ()
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    disclosures: tuple[NonDisclosure, ...] = ()
    unnamed: tuple[UnnamedClaim, ...] = ()
    products: tuple[str, ...] = ()
    rates: tuple[ExchangeRate, ...] = ()
    byline: str | None = None
