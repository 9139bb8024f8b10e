"""Questions the parties leave open: an adviser or a lender the coverage speaks of but does not name."""

from __future__ import annotations

import re
from collections.abc import Sequence

from builder.analyze.questions import make_question
from builder.model import Citation, DealCard, Question, Source

# What makes the question relevant: the coverage speaks of advisers, or of money raised for the deal.
_ROLE_TALK = {
    "adviser": re.compile(r"\b(?:advis(?:er|ers|or|ors|ing|ed)|investment\sbanks?|bankers)\b", re.I),
    "financier": re.compile(r"\b(?:financ(?:ing|ed|e)|loans?|lenders?|debt\sfacilit\w*|backers?|borrow\w*)\b", re.I),
}


def party_questions(deal: DealCard, sources: Sequence[Source]) -> list[Question]:
    """Ask who advises the target or finances the bid, only where the coverage speaks of it but names nobody."""
    roles = {party.role for party in deal.parties}
    target = next((p.name for p in deal.parties if p.role == "target"), None)
    buyer = next((p.name for p in deal.parties if p.role == "acquirer"), None)
    if target is None and buyer is None:
        return []
    asked = []
    for role, subject in (("adviser", target or buyer), ("financier", buyer)):
        if role in roles or subject is None:
            continue
        said = [
            Citation(source=source.id, sentence=sentence.id, text=match.group())
            for source in sources
            for sentence in source.sentences
            if subject.split()[0] in sentence.text and (match := _ROLE_TALK[role].search(sentence.text))
        ]
        if said:
            asked.append(make_question("party", said[:3], [], about=subject, who=role))
    return asked
