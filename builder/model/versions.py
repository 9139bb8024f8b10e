"""Versions: the brief's facts as a publish or a snapshot recorded them, small enough to keep and to diff.

A version keeps what a reader of the brief could compare later: the sources it had, the quotes, figures,
conflicts, questions, dated events and deal terms, each with the sentences it rests on. It keeps no
source text and no ids that change when the wording does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from builder.model.base import Model
from builder.model.brief import Citation, ConflictKind, EventKind, Question, Side, Verdict
from builder.model.facts import AmountKind, Precision


class RecordedSource(Model):
    """A source as the version had it: enough to name it, and a hash to notice it was edited."""

    id: str
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    sha256: str


class RecordedQuote(Model):
    """A quote: its words, its speaker, and each source's sentence that carries it."""

    speaker: str | None = None
    text: str
    citations: tuple[Citation, ...]


class RecordedItem(Model):
    """One source's statement of a figure."""

    text: str
    value: float | int
    high: float | int | None = None
    citation: Citation


class RecordedFigure(Model):
    """A figure across sources: its unit, what it is about, whether the sources agree, and each statement."""

    kind: AmountKind
    unit: str
    about: str
    verdict: Verdict
    items: tuple[RecordedItem, ...]


class RecordedConflict(Model):
    """Sources that disagree on a figure, or hedge it differently: the statements on each side."""

    kind: ConflictKind
    about: str
    items: tuple[Citation, ...]


class RecordedEvent(Model):
    """A dated event of the timeline."""

    when: str
    precision: Precision
    kind: EventKind
    label: str | None = None
    citations: tuple[Citation, ...]


class RecordedTerm(Model):
    """A deal term: what it measures, of whom, at which stage, its value or state, and where it is said."""

    measure: str
    subject: str | None = None
    stage: str | None = None
    when: str | None = None
    text: str
    value: float | int | None = None
    low: float | int | None = None
    high: float | int | None = None
    unit: str | None = None
    state: str | None = None
    verdict: str | None = None
    citations: tuple[Citation, ...] = ()
    basis: str | None = None


class Version(Model):
    """The brief's facts at one publish or snapshot, numbered in the order they were recorded.

    name says the version's date and how many sources it had; questions keep their data, with an id that
    follows from what they ask about rather than from the ids of facts.
    """

    number: int
    name: str
    dated: date | None
    deal: str
    sources: tuple[RecordedSource, ...]
    quotes: tuple[RecordedQuote, ...] = ()
    figures: tuple[RecordedFigure, ...] = ()
    conflicts: tuple[RecordedConflict, ...] = ()
    questions: tuple[Question, ...] = ()
    events: tuple[RecordedEvent, ...] = ()
    terms: tuple[RecordedTerm, ...] = ()

    def side(self, text: str, citations: Sequence[Citation], stage: str | None = None) -> Side:
        """What this version says, dated by the newest of the cited sources."""
        published = {source.id: source.published for source in self.sources}
        dates = [d for c in citations if (d := published.get(c.source)) is not None]
        return Side(text=text, stage=stage, dated=max(dates, default=None), citations=tuple(citations))


__all__ = [
    "RecordedConflict",
    "RecordedEvent",
    "RecordedFigure",
    "RecordedItem",
    "RecordedQuote",
    "RecordedSource",
    "RecordedTerm",
    "Version",
]
