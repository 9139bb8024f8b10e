"""Apply the analyst's curation to the extracted facts: add, hide, correct, note, merge."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from builder.curation import Cite, LoadedCuration, cite_sentence, find_sentence
from builder.errors import Problem
from builder.extract import fact_id
from builder.extract.ids import placed
from builder.model import (
    Amount,
    DateMention,
    NonDisclosure,
    Quote,
    Source,
    SourceFacts,
    UnnamedClaim,
    locate_words,
    sentence_source,
)


@dataclass
class Facts:
    """All facts of all sources, after curation."""

    quotes: list[Quote] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    disclosures: list[NonDisclosure] = field(default_factory=list)
    unnamed: list[UnnamedClaim] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    merges: list[tuple[str, ...]] = field(default_factory=list)

    def ids(self) -> set[str]:
        """Every fact id."""
        return {
            fact.id for kind in (self.quotes, self.amounts, self.dates, self.disclosures, self.unnamed) for fact in kind
        }


_QUOTE_FIELDS = {"speaker", "speaker_title", "speaker_org", "partial"}
_AMOUNT_FIELDS = {"value", "unit", "qualifier"}


def pool_facts(extracted: Sequence[SourceFacts]) -> Facts:
    """Put the facts of every source together, in source order."""
    facts = Facts()
    for item in extracted:
        facts.quotes.extend(item.quotes)
        facts.amounts.extend(item.amounts)
        facts.dates.extend(item.dates)
        facts.disclosures.extend(item.disclosures)
        facts.unnamed.extend(item.unnamed)
    return facts


def apply_fact_edits(facts: Facts, loaded: LoadedCuration, sources: Sequence[Source]) -> tuple[Facts, list[Problem]]:
    """Return the facts as the analyst wants them, and every reference to a fact that does not exist."""
    curation = loaded.curation.facts
    problems: list[Problem] = []
    by_id = {source.id: source for source in sources}
    _add(facts, loaded, by_id)
    known = facts.ids()
    for index, fact in enumerate(curation.hide):
        if fact not in known:
            problems.append(loaded.problem(("facts", "hide", index), _unknown(fact)))
    for fact in curation.notes:
        if fact not in known:
            problems.append(loaded.problem(("facts", "notes", fact), _unknown(fact)))
    for index, group in enumerate(curation.merge):
        for position, fact in enumerate(group):
            if fact not in known:
                problems.append(loaded.problem(("facts", "merge", index, position), _unknown(fact)))
    problems.extend(_correct(facts, loaded, known))
    hidden = set(curation.hide)
    facts.quotes = [q for q in facts.quotes if q.id not in hidden]
    facts.amounts = [a for a in facts.amounts if a.id not in hidden]
    facts.dates = [d for d in facts.dates if d.id not in hidden]
    facts.disclosures = [d for d in facts.disclosures if d.id not in hidden]
    facts.unnamed = [u for u in facts.unnamed if u.id not in hidden]
    facts.notes = dict(curation.notes)
    facts.merges = [tuple(group) for group in curation.merge]
    return facts, problems


def _unknown(fact: str) -> str:
    return (
        f"no fact with id {fact!r}: ids are listed in data/facts/ "
        "(a fact's id changes only when its words or its sentence change)"
    )


def _correct(facts: Facts, loaded: LoadedCuration, known: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    # What can be corrected: the list a fact is in, what it is called, and the fields it takes.
    kinds: list[tuple[list[Any], str, set[str]]] = [
        (facts.quotes, "a quote", _QUOTE_FIELDS),
        (facts.amounts, "a figure", _AMOUNT_FIELDS),
    ]
    where = {fact.id: (kind, index) for kind in kinds for index, fact in enumerate(kind[0])}
    for fact, correction in loaded.curation.facts.correct.items():
        changes = correction.model_dump(exclude_none=True)
        place = ("facts", "correct", fact)
        if fact not in known:
            problems.append(loaded.problem(place, _unknown(fact)))
            continue
        if fact not in where:
            problems.append(loaded.problem(place, f"{fact!r} is neither a quote nor a figure"))
            continue
        (found, called, allowed), index = where[fact]
        wrong = set(changes) - allowed
        if wrong:
            problems.append(loaded.problem(place, _not_for(fact, called, wrong, allowed)))
            continue
        if "speaker" in changes:
            changes.setdefault("speaker_kind", found[index].speaker_kind or "person")
        found[index] = found[index].model_copy(update={**changes, "curated": "corrected"})
    return problems


def _not_for(fact: str, kind: str, wrong: set[str], allowed: set[str]) -> str:
    return f"{fact!r} is {kind}; it has no {', '.join(sorted(wrong))} (it takes {', '.join(sorted(allowed))})"


def _add(facts: Facts, loaded: LoadedCuration, by_id: dict[str, Source]) -> None:
    """Add the analyst's quotes and figures; their citations were checked before."""
    seen: dict[str, int] = {}
    for quote in loaded.curation.facts.add.quotes:
        place = _place(by_id, quote.cite, quote.text)
        if place is None:
            continue
        facts.quotes.append(
            Quote(
                id=fact_id(place["source"], "q", place["text"], seen=seen),
                **place,
                speaker=quote.speaker,
                speaker_kind="person" if quote.speaker else None,
                speaker_title=quote.speaker_title,
                speaker_org=quote.speaker_org,
                curated="added",
            )
        )
    for amount in loaded.curation.facts.add.amounts:
        place = _place(by_id, amount.cite, amount.text)
        if place is None:
            continue
        facts.amounts.append(
            Amount(
                id=fact_id(place["source"], "a", place["text"], "analyst", seen=seen),
                **place,
                value=amount.value,
                unit=amount.unit,
                kind=amount.kind,
                qualifier=amount.qualifier,
                context=place["text"],
                curated="added",
            )
        )


def _place(by_id: dict[str, Source], ref: str | Cite, words: str) -> dict[str, Any] | None:
    """Where the analyst's words stand in the sentence they cite, as a fact's place."""
    sentence_id, _ = cite_sentence(ref)
    sentence = find_sentence(by_id, sentence_id)
    if isinstance(sentence, str):
        return None
    place = locate_words(sentence.text, words)
    if place is None:
        return None
    source = by_id[sentence_source(sentence_id)]
    return placed(source, sentence, sentence.start + place[0], sentence.start + place[1])
