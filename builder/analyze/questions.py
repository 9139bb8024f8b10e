"""Open questions, as a deal professional would ask them: terms not disclosed, figures in conflict, terms
revised without a reason, the timing and conditions the sources do not state, and claims nobody is named for."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from builder.analyze.cite import cite
from builder.analyze.terms import TERM_ORDER, undisclosed_measure
from builder.askers import descriptor
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
    Term,
    TermMeasure,
    UnnamedClaim,
    sentence_number,
)

_KIND_ORDER: dict[QuestionKind, int] = {
    "undisclosed": 0,
    "conflict": 1,
    "revision": 2,
    "timing": 3,
    "conditions": 4,
    "hedged": 5,
    "unnamed": 6,
    "single-source": 7,
    "analyst": 8,
    "party": 9,
}
# Terms whose presence says the sources speak of a transaction, which has a timetable and conditions.
_TRANSACTION: frozenset[str] = frozenset({"deal_value", "price_per_share", "premium", "stake", "financing"})
_ACQUISITION: frozenset[str] = frozenset({"price_per_share", "premium"})


def open_questions(
    sources: Mapping[str, Source],
    disclosures: Sequence[NonDisclosure],
    conflicts: Sequence[Conflict],
    amount_groups: Sequence[AmountGroup],
    terms: Sequence[Term],
    quote_groups: Sequence[QuoteGroup],
    unnamed: Sequence[UnnamedClaim],
    loaded: LoadedCuration,
) -> list[Question]:
    """Every question a deal professional reading the sources would ask, each with its reason and sentences."""
    questions: list[Question] = []
    for term in terms:
        if term.state == "not disclosed":
            questions.append(
                make_question("undisclosed", term.citations, [], measure=term.measure, subject=term.subject, who=None)
            )
    for fact in disclosures:
        if undisclosed_measure(fact) is None and fact.who:  # a refusal to comment, not a withheld term
            about = _noun_phrase(fact.about)
            questions.append(
                make_question(
                    "undisclosed", [cite(fact, sources)], [fact.id], about=about, who=fact.who, plural=_plural(about)
                )
            )
    groups = {group.id: group for group in amount_groups}
    for conflict in conflicts:
        if conflict.kind == "hedged-differently":
            continue  # one figure, hedged two ways: the terms show it, it asks nothing
        group = groups[conflict.group]
        members = _member_ids(group, conflict)
        # a disagreement between groups (a value that moved while the price stood) asks about the items of each
        items = [
            item
            for gid in dict.fromkeys((conflict.group, *conflict.groups))
            if gid in groups
            for item in groups[gid].items
            if item.amount in members
        ] or list(group.items)
        if conflict.kind == "conversion-discrepancy":
            items = [item for item in group.conversions if item.amount in _member_ids(group, conflict)] or items
        questions.append(
            make_question(
                "conflict",
                [item.citation for item in items],
                [i.amount for i in items],
                about=conflict.about,
                conflict=conflict.kind,
                measure=_term_measure(group.measure),
                subject=group.subject,
                items=tuple(QuestionItem(text=item.text, source=item.source) for item in items),
            )
        )
    questions.extend(_term_questions(terms))
    # the claims one source puts to the same unnamed people ask one question: who are they?
    put_to: dict[tuple[str, str], list[UnnamedClaim]] = {}
    for claim in unnamed:
        put_to.setdefault((claim.source, descriptor(claim.descriptor)[0].lower()), []).append(claim)
    for claims in put_to.values():
        questions.append(
            make_question(
                "unnamed",
                [cite(claim, sources) for claim in claims],
                [claim.id for claim in claims],
                who=claims[0].descriptor,
                claim=_sentence(sources, claims[0]),
                items=tuple(QuestionItem(text=claim.text, source=claim.source) for claim in claims),
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
    asked_about: set[str] = set()
    for asked in loaded.curation.questions:
        cited = [citation(by_id, ref) for ref in asked.cite]
        asked_about |= {c.sentence for c in cited}
        questions.append(make_question("analyst", cited, [], text=asked.text, reason=asked.reason))
    # The analyst's own question about a sentence stands for the one the builder would ask about it.
    questions = [
        q
        for q in questions
        if q.kind == "analyst" or not q.citations or not {c.sentence for c in q.citations} <= asked_about
    ]
    return sorted(
        _asked_once(questions),
        key=lambda q: (
            _KIND_ORDER[q.kind],
            q.citations[0].source if q.citations else "",
            _sentence_number(q),
            q.id,
        ),
    )


def _asked_once(questions: Sequence[Question]) -> list[Question]:
    """One question for each thing asked: the same words in two sources (a story filed twice, a claim two
    stories repeat) ask once, with the sentences of both."""
    asked: dict[str, Question] = {}
    for question in questions:
        key = question.model_dump_json(exclude={"id", "citations", "facts", "items"}) + "|".join(
            item.text for item in question.items
        )
        first = asked.get(key)
        if first is None:
            asked[key] = question
            continue
        asked[key] = first.model_copy(
            update={
                "citations": tuple(dict.fromkeys((*first.citations, *question.citations))),
                "facts": tuple(dict.fromkeys((*first.facts, *question.facts))),
                "items": tuple(dict.fromkeys((*first.items, *question.items))),
            }
        )
    return list(asked.values())


def _member_ids(group: AmountGroup, conflict: Conflict) -> set[str]:
    return {item.amount for item in conflict.items if item.amount}


def _term_questions(terms: Sequence[Term]) -> list[Question]:
    """Revisions the sources give no reason for, and the timing and conditions they do not state."""
    questions = []
    for term in terms:
        if term.revised and term.reason is None:
            earlier = next((v for v in reversed(term.history) if v.state == "stated"), None)
            versions = [v for v in (earlier, term) if v is not None]
            questions.append(
                make_question(
                    "revision",
                    [c for v in versions for c in v.citations[:1]],
                    [a for v in versions for a in v.amounts[:1]],
                    measure=term.measure,
                    subject=term.subject,
                    items=tuple(
                        QuestionItem(text=v.text or "", source=v.citations[0].source) for v in versions if v.citations
                    ),
                )
            )
    measures = {term.measure for term in terms}
    anchor = next((t for t in terms if t.measure in _TRANSACTION and t.citations), None)
    if anchor is None:
        return questions
    if "timing" not in measures:
        questions.append(make_question("timing", anchor.citations[:1], [], subject=anchor.subject))
    if "conditions" not in measures and measures & _ACQUISITION:
        questions.append(make_question("conditions", anchor.citations[:1], [], subject=anchor.subject))
    return questions


def _term_measure(measure: str | None) -> TermMeasure | None:
    return next((term for term in TERM_ORDER if term == measure), None)


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
