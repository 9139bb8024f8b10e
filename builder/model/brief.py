"""The analysis across sources: groups, conflicts, questions, timeline, the deal card and the whole brief."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from builder.model.base import Model
from builder.model.citation import Citation as Citation
from builder.model.citation import Statement as Statement
from builder.model.deal import DealProposal, ProposedValue
from builder.model.facts import (
    Amount,
    AmountKind,
    Basis,
    DateMention,
    Measure,
    NonDisclosure,
    Organization,
    Person,
    Precision,
    Quote,
    SpeakerKind,
    Stage,
    UnnamedClaim,
)
from builder.model.sources import Source
from builder.model.terms import Term, TermMeasure


class Support(Model):
    """How many sources carry a fact, and how many of them are independent of each other."""

    sources: tuple[str, ...]
    origins: int
    single_source: bool


class DiffPiece(Model):
    """A run of words of one variant: the same as the reference, or only in this variant."""

    op: Literal["same", "added", "missing"]
    text: str


class QuoteVariant(Model):
    """One source's wording of a quote."""

    quote: str
    source: str
    text: str
    citation: Citation
    diff: tuple[DiffPiece, ...]
    identical: bool


class QuoteGroup(Model):
    """The same quote as one or more sources carry it."""

    id: str
    speaker: str | None
    speaker_kind: SpeakerKind | None
    speaker_title: str | None
    speaker_org: str | None
    text: str
    partial: bool
    unnamed: bool
    quotes: tuple[str, ...]
    variants: tuple[QuoteVariant, ...]
    prose: tuple[Citation, ...] = ()
    support: Support
    note: str | None = None


Verdict = Literal["single", "agree", "hedged", "conflict", "conversion"]


class AmountItem(Model):
    """One source's statement of a figure, as an interval."""

    amount: str
    source: str
    text: str
    value: float | int
    high: float | int | None
    unit: str
    qualifier: str | None
    horizon: str | None
    low_bound: float | None
    high_bound: float | None
    citation: Citation


class AmountGroup(Model):
    """Figures across sources that describe the same thing: one measure of one subject at one stage."""

    id: str
    kind: AmountKind
    unit: str
    about: str
    items: tuple[AmountItem, ...]
    verdict: Verdict
    support: Support
    note: str | None = None
    measure: Measure | None = None
    subject: str | None = None
    party: str | None = None
    stage: Stage | None = None
    when: str | None = None
    conversions: tuple[AmountItem, ...] = ()
    basis: Basis | None = None


ConflictKind = Literal["hedged-differently", "conflict", "conversion-discrepancy"]


class ConflictItem(Model):
    """One side of a conflict."""

    source: str
    sentence: str
    text: str
    value: float | int | None
    unit: str | None
    amount: str | None = None

    @classmethod
    def of(cls, amount: Amount) -> ConflictItem:
        """A figure as one side of a conflict, written with its hedge."""
        return cls(
            source=amount.source,
            sentence=amount.sentence,
            text=amount.hedged,
            value=amount.value,
            unit=amount.unit,
            amount=amount.id,
        )


class ImpliedRate(Model):
    """The exchange rate a source's conversion implies: one unit of the base currency in the other."""

    source: str
    base: str
    converted: str
    unit: str
    rate: float


class Conflict(Model):
    """Sources that disagree, or agree only with different hedges."""

    id: str
    kind: ConflictKind
    about: str
    group: str
    items: tuple[ConflictItem, ...]
    groups: tuple[str, ...] = ()
    rates: tuple[ImpliedRate, ...] = ()


QuestionKind = Literal[
    "undisclosed",
    "conflict",
    "hedged",
    "revision",
    "timing",
    "conditions",
    "single-source",
    "unnamed",
    "analyst",
    "party",
]


class QuestionItem(Model):
    """A figure a question weighs, as one source gives it."""

    text: str
    source: str


class Question(Model):
    """Something the sources leave open: what it is about, and the sentences behind it.

    The wording is the templates'; text and reason are set only for the analyst's own questions.
    """

    id: str
    kind: QuestionKind
    citations: tuple[Citation, ...]
    facts: tuple[str, ...] = ()
    about: str | None = None
    who: str | None = None
    plural: bool = False
    conflict: ConflictKind | None = None
    items: tuple[QuestionItem, ...] = ()
    claim: str | None = None
    text: str | None = None
    reason: str | None = None
    measure: TermMeasure | None = None
    subject: str | None = None


EventKind = Literal["mention", "announced", "dateline", "analyst"]


class TimelineEvent(Model):
    """A dated event, with the sentences that date it; label is the words of the source or the analyst."""

    date: str
    precision: Precision
    kind: EventKind
    label: str | None
    citations: tuple[Citation, ...]
    counted_from_announcement: bool = False
    facts: tuple[str, ...] = ()


class Party(Model):
    """A party to the deal: its role in it, and what it does, as the analyst states or the sources propose."""

    name: str
    organization: str | None
    aliases: tuple[str, ...]
    roles: tuple[Statement, ...]
    role: str | None = None
    role_citations: tuple[Citation, ...] = ()
    does: Citation | None = None
    proposed: bool = False
    role_proposed: bool = False


CardField = Literal["type", "status", "announced", "value", "summary"]


class DealCard(Model):
    """What the deal is, each statement cited: the analyst's where confirmed, else proposed from the sources.

    proposed names the fields shown from the proposal; a party says so itself.
    """

    title: str
    type: str
    status: str
    announced: date | None
    announced_citations: tuple[Citation, ...]
    summary: tuple[Statement, ...]
    parties: tuple[Party, ...]
    type_citations: tuple[Citation, ...] = ()
    status_citations: tuple[Citation, ...] = ()
    value: ProposedValue | None = None
    proposed: tuple[CardField, ...] = ()


class SourceNote(Model):
    """The analyst's view of a source."""

    source: str
    reliability: Literal["high", "medium", "low"] | None = None
    note: str | None = None


class Stats(Model):
    """Counts shown on the overview."""

    sources: int
    facts: int
    quotes: int
    figures: int
    conflicts: int
    hedged: int
    questions: int


class PrintSettings(Model):
    """Settings of the PDF."""

    paper: Literal["a4", "letter"] = "a4"
    author: str | None = None
    organization: str | None = None
    keywords: tuple[str, ...] = ()


ChangeKind = Literal[
    "source-added",
    "source-removed",
    "source-edited",
    "term-stated",
    "term-revised",
    "term-confirmed",
    "term-contradicted",
    "quote-added",
    "quote-confirmed",
    "quote-dropped",
    "figure-stated",
    "figure-confirmed",
    "figure-dropped",
    "conflict-found",
    "conflict-resolved",
    "question-raised",
    "question-answered",
    "question-closed",
    "event-added",
]


class Side(Model):
    """What one version says of a changed fact: its words, stage and date, and the sentences behind it.

    elsewhere names the cited sentences that are no longer in the brief (their source was removed or edited).
    """

    text: str
    stage: str | None = None
    dated: date | None = None
    citations: tuple[Citation, ...] = ()
    elsewhere: tuple[str, ...] = ()


class Change(Model):
    """One difference between two versions of the brief's facts.

    about is what the change is about (a source's outlet, a quote's speaker, a figure's words, a term's
    measure, an event's label); detail the kind of a conflict or an event; when an event's date.
    """

    kind: ChangeKind
    about: str | None = None
    subject: str | None = None
    detail: str | None = None
    when: str | None = None
    before: Side | None = None
    after: Side | None = None
    source: str | None = None
    question: Question | None = None


class Update(Model):
    """A version of the brief and what changed since the one before it (none for the first)."""

    number: int
    version: str
    dated: date | None
    sources: int
    since: str | None = None
    since_number: int | None = None
    since_dated: date | None = None
    changes: tuple[Change, ...] = ()
    still_open: int = 0


class Brief(Model):
    """The whole brief: what every page and the PDF are rendered from."""

    generator: str
    built: date | None
    deal: DealCard
    proposal: DealProposal = DealProposal()
    sources: tuple[Source, ...]
    source_notes: tuple[SourceNote, ...] = ()
    quotes: tuple[Quote, ...]
    amounts: tuple[Amount, ...]
    dates: tuple[DateMention, ...]
    people: tuple[Person, ...]
    organizations: tuple[Organization, ...]
    disclosures: tuple[NonDisclosure, ...]
    unnamed: tuple[UnnamedClaim, ...]
    quote_groups: tuple[QuoteGroup, ...]
    amount_groups: tuple[AmountGroup, ...]
    conflicts: tuple[Conflict, ...]
    terms: tuple[Term, ...] = ()
    questions: tuple[Question, ...]
    timeline: tuple[TimelineEvent, ...]
    notes: dict[str, str] = Field(default_factory=dict)
    stats: Stats
    print: PrintSettings = PrintSettings()
    updates: tuple[Update, ...] = ()
