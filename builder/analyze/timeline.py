"""The timeline: every dated event the sources give, with relative dates placed where they can be."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from builder.analyze.cite import cite
from builder.curation import LoadedCuration, citation
from builder.extract import reference_date
from builder.extract.clauses import excerpt
from builder.extract.dates import WEEKDAYS, resolve
from builder.model import Amount, Citation, DateMention, DealCard, EventKind, Precision, Source, TimelineEvent

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
    """An event while the timeline is assembled: the first statement of it names it."""

    precision: Precision
    kind: EventKind
    label: str | None
    values: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    counted_from_announcement: bool = False
    facts: list[str] = field(default_factory=list)


def build_timeline(
    dates: Sequence[DateMention],
    sources: Mapping[str, Source],
    deal: DealCard,
    loaded: LoadedCuration,
    amounts: Sequence[Amount] = (),
) -> list[TimelineEvent]:
    """One row per event: the announcement, what the sources date, and the analyst's own events.

    A date alone on a line dates its source, which the source's metadata says; it is no event. A week or
    day that holds the announcement, in a sentence about announcing, is the announcement. The horizons one
    figure is given over ("over the next 12 months", "over the next year") are one event, however each
    source's date places them.
    """
    events: dict[str, _Event] = {}

    def add(key: str, value: str, precision: Precision, kind: EventKind, label: str | None) -> _Event:
        event = events.setdefault(key, _Event(precision, kind, label))
        event.values.append(value)
        return event

    def cite_all(event: _Event, cited: Sequence[Citation]) -> None:
        for item in cited:
            if all(item.sentence != known.sentence for known in event.citations):
                event.citations.append(item)

    announced = deal.announced.isoformat() if deal.announced else None
    if announced is not None:
        cite_all(add(announced, announced, "day", "announced", None), deal.announced_citations)
    horizons = _horizon_groups(dates, amounts)
    for mention in dates:
        if mention.value is None or mention.precision is None:
            continue
        source = sources[mention.source]
        sentence = source.sentence(mention.sentence)
        if len(sentence.text.replace(mention.text, "").split()) <= 2:
            continue
        if announced is not None and _is_announcement(mention.value, announced, sentence.text):
            event = events[announced]
        else:
            start = mention.start - sentence.start
            label = excerpt(sentence.text, start, start + len(mention.text))
            key = horizons.get(mention.id, mention.value)
            event = add(key, mention.value, mention.precision, "mention", label)
        cite_all(event, [cite(mention, sources)])
        event.counted_from_announcement |= mention.anchor == "announcement" and event.kind == "mention"
        event.facts.append(mention.id)
    by_id = dict(sources)
    for analyst in loaded.curation.timeline:
        value = analyst.date.isoformat()
        cite_all(add(value, value, "day", "analyst", analyst.label), [citation(by_id, ref) for ref in analyst.cite])
    timeline = []
    for event in events.values():
        value, precision = _span(event.values, event.precision)
        timeline.append(
            TimelineEvent(
                date=value,
                precision=precision,
                kind=event.kind,
                label=event.label,
                citations=tuple(event.citations),
                counted_from_announcement=event.counted_from_announcement,
                facts=tuple(event.facts),
            )
        )
    # By month, then the days before the spans and months that start in it ("24 July 2024" before "July 2024 –
    # July 2025").
    return sorted(timeline, key=lambda e: (e.date[:7], _PRECISION_ORDER[e.precision], e.date))


def _horizon_groups(dates: Sequence[DateMention], amounts: Sequence[Amount]) -> dict[str, str]:
    """The key of the figure each horizon belongs to, by date mention: one event per figure's horizon."""
    by_sentence: dict[str, list[Amount]] = {}
    for amount in amounts:
        if amount.horizon and amount.group:
            by_sentence.setdefault(amount.sentence, []).append(amount)
    found = {}
    for mention in dates:
        for amount in by_sentence.get(mention.sentence, ()):
            horizon = amount.horizon or ""
            if mention.text.lower() in horizon.lower() or horizon.lower() in mention.text.lower():
                found[mention.id] = f"figure:{amount.group}"
    return found


def _is_announcement(value: str, announced: str, sentence: str) -> bool:
    """Whether a date that spans the announcement's day, in a sentence about announcing, is the announcement."""
    start, _, end = value.partition("/")
    return bool(_ANNOUNCING.search(sentence)) and start <= announced <= (end or start) and "/" in value


def _span(values: Sequence[str], precision: Precision) -> tuple[str, Precision]:
    """The date of an event its statements place differently: from the first month to the last."""
    distinct = sorted(set(values))
    if len(distinct) == 1:
        return distinct[0], precision
    starts = [value.split("/")[0] for value in distinct]
    ends = [value.split("/")[-1] for value in distinct]
    first, last = min(starts)[:7], max(ends)[:7]
    return (first if first == last else f"{first}/{last}"), ("month" if first == last else "interval")


__all__ = ["WEEKDAYS", "anchor_undated", "build_timeline"]
