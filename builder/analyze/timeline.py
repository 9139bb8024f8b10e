"""The timeline: every dated event the sources give, with relative dates placed where they can be."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from builder.analyze.cite import cite
from builder.curation import LoadedCuration, citation
from builder.extract import context, reference_date
from builder.extract.dates import WEEKDAYS, resolve
from builder.model import Citation, DateMention, DealCard, EventKind, Precision, Source, TimelineEvent

_ANNOUNCING = re.compile(
    r"\b(?:announc\w*|unveil\w*|reveal\w*|agree\w*|sign\w*|launch\w*|deal|partnership|said)\b", re.I
)
_PRECISION_ORDER = {"day": 0, "interval": 1, "month": 2, "year": 3}


def anchor_undated(
    dates: Sequence[DateMention], sources: Mapping[str, Source], announced: date | None
) -> list[DateMention]:
    """Place the relative dates of undated sources that date the announcement by its weekday.

    An article with no date that says the deal was announced "on Wednesday" was written in the week of an
    announcement that fell on a Wednesday; its "last month" and "in April" count from that day.
    """
    if announced is None:
        return list(dates)
    anchored: set[str] = set()
    by_source: dict[str, list[DateMention]] = {}
    for mention in dates:
        by_source.setdefault(mention.source, []).append(mention)
    for source_id, source in sources.items():
        if reference_date(source) is not None:
            continue
        for mention in by_source.get(source_id, ()):
            if not mention.expression:
                continue
            sentence = source.sentence(mention.sentence).text
            if not _ANNOUNCING.search(sentence):
                continue
            kind, *args = mention.expression.split(":")
            if (kind == "weekday" and int(args[0]) == announced.weekday()) or (
                kind == "period" and args == ["week", "0"]
            ):
                anchored.add(source_id)
    placed = []
    for mention in dates:
        if mention.source in anchored and mention.expression and mention.value is None:
            value, precision = resolve(mention.expression, announced)
            mention = mention.model_copy(update={"value": value, "precision": precision, "anchor": "announcement"})
        placed.append(mention)
    return placed


@dataclass
class _Event:
    """An event while the timeline is assembled: the first statement of a date names it."""

    precision: Precision
    kind: EventKind
    label: str | None
    citations: list[Citation] = field(default_factory=list)
    counted_from_announcement: bool = False
    facts: list[str] = field(default_factory=list)


def build_timeline(
    dates: Sequence[DateMention], sources: Mapping[str, Source], deal: DealCard, loaded: LoadedCuration
) -> list[TimelineEvent]:
    """Events by date: the announcement, what the sources date, and the analyst's own events."""
    events: dict[str, _Event] = {}

    def add(value: str, precision: Precision, kind: EventKind, label: str | None, cited: Sequence[Citation]) -> _Event:
        event = events.setdefault(value, _Event(precision, kind, label))
        for item in cited:
            if all(item.sentence != known.sentence for known in event.citations):
                event.citations.append(item)
        return event

    announced = deal.announced.isoformat() if deal.announced else None
    if deal.announced is not None:
        add(announced or "", "day", "announced", None, deal.announced_citations)
    for mention in dates:
        if mention.value is None or mention.precision is None:
            continue
        source = sources[mention.source]
        sentence = source.sentence(mention.sentence)
        if len(sentence.text.replace(mention.text, "").split()) <= 2:
            kind: EventKind = "dateline"
            label = None
        else:
            kind, label = "mention", context(sentence, mention.start - sentence.start, mention.end - sentence.start)
        event = add(mention.value, mention.precision, kind, label, [cite(mention, sources)])
        event.counted_from_announcement |= mention.anchor == "announcement" and mention.value != announced
        event.facts.append(mention.id)
    by_id = dict(sources)
    for analyst in loaded.curation.timeline:
        add(analyst.date.isoformat(), "day", "analyst", analyst.label, [citation(by_id, ref) for ref in analyst.cite])
    timeline = [
        TimelineEvent(
            date=value,
            precision=event.precision,
            kind=event.kind,
            label=event.label,
            citations=tuple(event.citations),
            counted_from_announcement=event.counted_from_announcement,
            facts=tuple(event.facts),
        )
        for value, event in events.items()
    ]
    return sorted(timeline, key=lambda e: (e.date.split("/")[0], _PRECISION_ORDER[e.precision], e.date))


__all__ = ["WEEKDAYS", "anchor_undated", "build_timeline"]
