"""The typed model of a brief: sources, the facts extracted from them, and the analysis across them."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from builder.bounds import BuildDate
from builder.escaping import clean_text


class Model(BaseModel):
    """Base of every model: unknown keys are errors, numbers are finite, values do not change once made."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


# --- Sources -------------------------------------------------------------------------------------


class SourceMeta(Model):
    """What a source says about itself; anything it does not state stays None."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: BuildDate | None = None
    url: str | None = None
    kind: str | None = None
    imported_from: str | None = None

    @field_validator("title", "outlet", "author", "url", "kind", "imported_from")
    @classmethod
    def _clean(cls, value: str | None) -> str | None:
        return None if value is None else clean_text(value)


class Sentence(Model):
    """One sentence of a source, with its place in the source's text."""

    id: str
    n: int
    start: int
    end: int
    paragraph: int
    text: str


def sentence_number(sentence_id: str) -> int:
    """The number of a sentence in its source, from its id: <source>-s<number>."""
    return int(sentence_id.rsplit("-s", 1)[1])


def sentence_source(sentence_id: str) -> str:
    """The id of the source a sentence is in, from the sentence's id: <source>-s<number>."""
    return sentence_id.rsplit("-s", 1)[0]


class Source(Model):
    """One article: its metadata, its verbatim text and its sentences."""

    id: str
    path: str
    meta: SourceMeta
    text: str
    sha256: str
    sentences: tuple[Sentence, ...]

    def sentence(self, sentence_id: str) -> Sentence:
        """This source's sentence with that id."""
        return self.sentences[sentence_number(sentence_id) - 1]


# --- Facts ---------------------------------------------------------------------------------------


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


# --- Analysis ------------------------------------------------------------------------------------


class Citation(Model):
    """A link from a statement to the sentence it rests on; text is what of it the sentence holds."""

    source: str
    sentence: str
    text: str


class Statement(Model):
    """A sentence of the brief's own, with the source sentences behind it."""

    text: str
    citations: tuple[Citation, ...]


class Support(Model):
    """How many sources carry a fact, and how many of them are independent of each other."""

    sources: tuple[str, ...]
    origins: int
    single_source: bool
    note: str | None = None


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
    """Figures across sources that describe the same thing."""

    id: str
    kind: AmountKind
    unit: str
    about: str
    items: tuple[AmountItem, ...]
    verdict: Verdict
    support: Support
    note: str | None = None


ConflictKind = Literal["hedged-differently", "conflict", "conversion-discrepancy"]


class ConflictItem(Model):
    """One side of a conflict."""

    source: str
    sentence: str
    text: str
    value: float | int | None
    unit: str | None


class Conflict(Model):
    """Sources that disagree, or agree only with different hedges."""

    id: str
    kind: ConflictKind
    about: str
    group: str
    items: tuple[ConflictItem, ...]
    note: str


QuestionKind = Literal["undisclosed", "conflict", "hedged", "single-source", "unnamed", "analyst"]


class Question(Model):
    """Something the sources leave open, with the reason and the sentences behind it."""

    id: str
    kind: QuestionKind
    text: str
    reason: str
    citations: tuple[Citation, ...]
    facts: tuple[str, ...] = ()


class TimelineEvent(Model):
    """A dated event, with the sentences that date it."""

    date: str
    precision: Precision
    label: str
    citations: tuple[Citation, ...]
    note: str | None = None
    facts: tuple[str, ...] = ()


class Party(Model):
    """A party to the deal and what it does in it."""

    name: str
    organization: str | None
    aliases: tuple[str, ...]
    roles: tuple[Statement, ...]


class DealCard(Model):
    """What the deal is: the analyst's curation, each statement cited."""

    title: str
    type: str
    status: str
    announced: date | None
    announced_citations: tuple[Citation, ...]
    summary: tuple[Statement, ...]
    parties: tuple[Party, ...]


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


class Brief(Model):
    """The whole brief: what every page and the PDF are rendered from."""

    generator: str
    built: date | None
    deal: DealCard
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
    questions: tuple[Question, ...]
    timeline: tuple[TimelineEvent, ...]
    notes: dict[str, str] = Field(default_factory=dict)
    stats: Stats
    print: PrintSettings = PrintSettings()
