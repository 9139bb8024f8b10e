"""Open questions: what the sources leave undisclosed, disputed, hedged, single-sourced or unattributed."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from builder.analyze.cite import cite
from builder.curation import LoadedCuration, citation
from builder.model import (
    AmountGroup,
    Conflict,
    NonDisclosure,
    Question,
    QuestionKind,
    QuoteGroup,
    Source,
    UnnamedClaim,
    sentence_number,
)
from builder.templating import figure, phrase

_KIND_ORDER: dict[QuestionKind, int] = {
    "undisclosed": 0,
    "conflict": 1,
    "hedged": 2,
    "unnamed": 3,
    "single-source": 4,
    "analyst": 5,
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
        if fact.who:
            text = phrase("q_declined", who=fact.who, about=about)
        else:
            text = phrase("q_undisclosed", about=about, plural=_plural(about))
        reason = phrase("r_undisclosed", source=_name(sources, fact.source), text=_sentence(sources, fact))
        questions.append(_question("undisclosed", text, reason, [cite(fact, sources)], [fact.id]))
    groups = {group.id: group for group in amount_groups}
    for conflict in conflicts:
        group = groups[conflict.group]
        kind: QuestionKind = "hedged" if conflict.kind == "hedged-differently" else "conflict"
        items = [item for item in group.items if item.amount in _member_ids(group, conflict)] or list(group.items)
        text = phrase(
            "q_" + conflict.kind.replace("-", "_"),
            about=conflict.about,
            items=[(item.text, _name(sources, item.source)) for item in items],
        )
        questions.append(
            _question(kind, text, conflict.note, [item.citation for item in items], [i.amount for i in items])
        )
    for group in amount_groups:
        if group.support.single_source:
            item = group.items[0]
            text = phrase(
                "q_single_figure",
                text=item.text,
                about=group.about,
                value=figure(item.value, item.unit, group.kind),
                vague="billions" in item.text or "millions" in item.text,
            )
            reason = phrase("r_single", source=_name(sources, item.source))
            questions.append(_question("single-source", text, reason, [item.citation], [item.amount]))
    for claim in unnamed:
        text = phrase("q_unnamed", descriptor=claim.descriptor, claim=_sentence(sources, claim))
        reason = phrase("r_unnamed", source=_name(sources, claim.source))
        questions.append(_question("unnamed", text, reason, [cite(claim, sources)], [claim.id]))
    for quoted in quote_groups:
        if quoted.unnamed:
            text = phrase("q_unnamed_quote", speaker=quoted.speaker, quote=quoted.text)
            reason = phrase("r_unnamed_quote", speaker=quoted.speaker)
            questions.append(
                _question("unnamed", text, reason, [v.citation for v in quoted.variants], list(quoted.quotes))
            )
    by_id = dict(sources)
    for asked in loaded.curation.questions:
        reason = asked.reason or phrase("r_analyst")
        questions.append(_question("analyst", asked.text, reason, [citation(by_id, ref) for ref in asked.cite], []))
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


def _question(kind: QuestionKind, text: str, reason: str, citations: list, facts: list[str]) -> Question:  # type: ignore[type-arg]
    digest = hashlib.sha1(f"{kind}|{text}|{'|'.join(sorted(facts))}".encode()).hexdigest()[:8]
    return Question(
        id=f"qn-{digest}", kind=kind, text=text, reason=reason, citations=tuple(citations), facts=tuple(facts)
    )


def _sentence_number(question: Question) -> int:
    return sentence_number(question.citations[0].sentence) if question.citations else 0


def _sentence(sources: Mapping[str, Source], fact: NonDisclosure | UnnamedClaim) -> str:
    source = sources[fact.source]
    return source.sentence(fact.sentence).text


def _name(sources: Mapping[str, Source], source_id: str) -> str:
    return source_id


def _noun_phrase(about: str) -> str:
    """Lower-case the first word of a phrase that opened a sentence ("Financial terms of the deal")."""
    first, _, rest = about.partition(" ")
    if first[:1].isupper() and first[1:].islower() and rest and rest.split()[0].islower():
        first = first.lower()
    return f"{first} {rest}".strip()


def _plural(about: str) -> bool:
    head = about.split(" of ", 1)[0].split()[-1] if about.split() else ""
    return head.endswith("s") and not head.endswith("ss")
