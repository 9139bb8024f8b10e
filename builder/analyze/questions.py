"""Open questions: what the sources leave undisclosed, disputed, hedged, single-sourced or unattributed."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from builder.analyze.cite import cite
from builder.curation import LoadedCuration, citation
from builder.model import (
    AmountGroup,
    Citation,
    Conflict,
    NonDisclosure,
    Question,
    QuestionItem,
    QuestionKind,
    QuoteGroup,
    Source,
    UnnamedClaim,
    sentence_number,
)

_KIND_ORDER: dict[QuestionKind, int] = {
    "undisclosed": 0,
    "conflict": 1,
    "hedged": 2,
    "unnamed": 3,
    "single-source": 4,
    "analyst": 5,
    "party": 6,
}


def open_questions(
    sources: Mapping[str, Source],
    disclosures: Sequence[NonDisclosure],
    conflicts: Sequence[Conflict],
    amount_groups: Sequence[AmountGroup],
    quote_groups: Sequence[QuoteGroup],
    unnamed: Sequence[UnnamedClaim],
    loaded: LoadedCuration,
) -> list[Question]:
    """Every question a reader of the sources would be left with, each with its reason and sentences."""
    questions: list[Question] = []
    for fact in disclosures:
        about = _noun_phrase(fact.about)
        questions.append(
            make_question(
                "undisclosed", [cite(fact, sources)], [fact.id], about=about, who=fact.who, plural=_plural(about)
            )
        )
    groups = {group.id: group for group in amount_groups}
    for conflict in conflicts:
        group = groups[conflict.group]
        kind: QuestionKind = "hedged" if conflict.kind == "hedged-differently" else "conflict"
        items = [item for item in group.items if item.amount in _member_ids(group, conflict)] or list(group.items)
        questions.append(
            make_question(
                kind,
                [item.citation for item in items],
                [i.amount for i in items],
                about=conflict.about,
                conflict=conflict.kind,
                items=tuple(QuestionItem(text=item.text, source=item.source) for item in items),
            )
        )
    for group in amount_groups:
        if group.support.single_source:
            item = group.items[0]
            questions.append(
                make_question(
                    "single-source",
                    [item.citation],
                    [item.amount],
                    about=group.about,
                    items=(QuestionItem(text=item.text, source=item.source),),
                )
            )
    for claim in unnamed:
        questions.append(
            make_question(
                "unnamed",
                [cite(claim, sources)],
                [claim.id],
                who=claim.descriptor,
                claim=_sentence(sources, claim),
                items=(QuestionItem(text=claim.text, source=claim.source),),
            )
        )
    for quoted in quote_groups:
        if quoted.unnamed:
            questions.append(
                make_question(
                    "unnamed",
                    [v.citation for v in quoted.variants],
                    list(quoted.quotes),
                    who=quoted.speaker,
                    claim=quoted.text,
                )
            )
    by_id = dict(sources)
    for asked in loaded.curation.questions:
        cited = [citation(by_id, ref) for ref in asked.cite]
        questions.append(make_question("analyst", cited, [], text=asked.text, reason=asked.reason))
    unique: dict[str, Question] = {}
    for question in questions:
        unique.setdefault(question.id, question)
    return sorted(
        unique.values(),
        key=lambda q: (
            _KIND_ORDER[q.kind],
            q.citations[0].source if q.citations else "",
            _sentence_number(q),
            q.id,
        ),
    )


def _member_ids(group: AmountGroup, conflict: Conflict) -> set[str]:
    places = {(item.source, item.sentence, item.text) for item in conflict.items}
    return {item.amount for item in group.items if (item.source, item.citation.sentence, item.text) in places}


def make_question(kind: QuestionKind, citations: Sequence[Citation], facts: Sequence[str], **data: Any) -> Question:
    """A question with an id that follows from what it asks about."""
    question = Question(id="", kind=kind, citations=tuple(citations), facts=tuple(facts), **data)
    digest = hashlib.sha1(question.model_dump_json(exclude={"id", "citations"}).encode()).hexdigest()[:8]
    return question.model_copy(update={"id": f"qn-{digest}"})


def _sentence_number(question: Question) -> int:
    return sentence_number(question.citations[0].sentence) if question.citations else 0


def _sentence(sources: Mapping[str, Source], fact: NonDisclosure | UnnamedClaim) -> str:
    source = sources[fact.source]
    return source.sentence(fact.sentence).text


def _noun_phrase(about: str) -> str:
    """Lower-case the first word of a phrase that opened a sentence ("Financial terms of the deal")."""
    first, _, rest = about.partition(" ")
    if first[:1].isupper() and first[1:].islower() and rest and rest.split()[0].islower():
        first = first.lower()
    return f"{first} {rest}".strip()


def _plural(about: str) -> bool:
    head = about.split(" of ", 1)[0].split()[-1] if about.split() else ""
    return head.endswith("s") and not head.endswith("ss")
