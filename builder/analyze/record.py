"""Record the brief's facts as a version, and name and number it after the versions recorded before."""

from __future__ import annotations

from collections.abc import Sequence

from builder.analyze.similarity import words
from builder.analyze.term_changes import record_terms
from builder.model import Brief, Citation, Question
from builder.model.versions import (
    RecordedConflict,
    RecordedEvent,
    RecordedFigure,
    RecordedItem,
    RecordedQuote,
    RecordedSource,
    Version,
)

# The parts of a version that are its facts; number and name only say where it stands among the others.
_NAMING = {"number", "name"}


def record(brief: Brief) -> Version:
    """The brief's facts as a version, not yet numbered or named."""
    return Version(
        number=0,
        name="",
        dated=brief.built,
        deal=brief.deal.title,
        sources=tuple(
            RecordedSource(
                id=s.id, title=s.meta.title, outlet=s.meta.outlet, published=s.meta.published, sha256=s.sha256
            )
            for s in brief.sources
        ),
        quotes=tuple(
            RecordedQuote(speaker=g.speaker, text=g.text, citations=tuple(v.citation for v in g.variants))
            for g in brief.quote_groups
        ),
        figures=tuple(
            RecordedFigure(
                kind=g.kind,
                unit=g.unit,
                about=g.about,
                verdict=g.verdict,
                items=tuple(
                    RecordedItem(text=i.text, value=i.value, high=i.high, citation=i.citation) for i in g.items
                ),
            )
            for g in brief.amount_groups
        ),
        conflicts=tuple(
            RecordedConflict(
                kind=c.kind,
                about=c.about,
                items=tuple(Citation(source=i.source, sentence=i.sentence, text=i.text) for i in c.items),
            )
            for c in brief.conflicts
        ),
        questions=tuple(q.model_copy(update={"id": question_key(q), "facts": ()}) for q in brief.questions),
        events=tuple(
            RecordedEvent(when=e.date, precision=e.precision, kind=e.kind, label=e.label, citations=e.citations)
            for e in brief.timeline
            if e.kind != "dateline"  # a source's own date is told by the source's arrival
        ),
        terms=record_terms(brief),
    )


def same_facts(a: Version, b: Version) -> bool:
    """Whether two versions hold the same facts, whatever their numbers and names."""
    return a.model_dump(exclude=_NAMING) == b.model_dump(exclude=_NAMING)


def numbered(facts: Version, recorded: Sequence[Version]) -> Version:
    """The version these facts are, or would be once recorded: the latest one if nothing changed since."""
    latest = max(recorded, key=lambda v: v.number, default=None)
    if latest is not None and same_facts(latest, facts):
        return latest
    count = len(facts.sources)
    base = f"{facts.dated.isoformat() if facts.dated else 'undated'}-{count}-source{'' if count == 1 else 's'}"
    taken = {version.name for version in recorded}
    name, suffix = base, 2
    while name in taken:
        name, suffix = f"{base}-{suffix}", suffix + 1
    return facts.model_copy(update={"number": (latest.number if latest else 0) + 1, "name": name})


def question_key(question: Question) -> str:
    """What a question asks about, in words that stay when the ids of the facts behind it change."""
    if question.kind == "analyst":
        return f"analyst:{_norm(question.text)}"
    if question.kind == "undisclosed" and question.measure is not None:  # a term withheld: which, and whose
        return f"undisclosed-term:{question.measure}:{_norm(question.subject)}"
    if question.kind == "undisclosed":
        return f"undisclosed:{_norm(question.about)}:{_norm(question.who)}"
    if question.kind in ("timing", "conditions"):  # asked of the deal, whichever sentence anchors it
        return f"{question.kind}:{_norm(question.subject)}"
    if question.kind == "unnamed":
        return f"unnamed:{_norm(question.who)}:{_norm(question.claim)}"
    return f"{question.kind}:" + "|".join(sorted(place(c) for c in question.citations))


def place(citation: Citation) -> str:
    """Where a fact is said: its sentence and its words, spelling aside."""
    return f"{citation.sentence}:{_norm(citation.text)}"


def _norm(text: str | None) -> str:
    return " ".join(words(text or ""))
