"""Citations: the sentence a fact rests on, and the words of the fact that sentence holds."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from builder.extract.clauses import excerpt, is_whole
from builder.model import Citation, Source, Span


def cite(fact: Span, sources: Mapping[str, Source]) -> Citation:
    """Cite the first sentence of a fact; for a fact that runs on, the part in that sentence."""
    source = sources[fact.source]
    sentence = source.sentence(fact.sentence)
    end = min(fact.end, sentence.end)
    text = source.text[fact.start : end].strip() or sentence.text
    return Citation(source=fact.source, sentence=fact.sentence, text=text)


def about_of(facts: Sequence[Span], sources: Mapping[str, Source]) -> str:
    """What facts are about, in the words of the first source that says it in a whole sentence or clause."""
    found = []
    for fact in facts:
        sentence = sources[fact.source].sentence(fact.sentence)
        words = excerpt(sentence.text, fact.start - sentence.start, fact.end - sentence.start)
        if is_whole(words):
            return words
        found.append(words)
    return found[0] if found else ""
