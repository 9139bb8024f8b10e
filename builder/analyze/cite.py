"""Citations: the sentence a fact rests on, and the words of the fact that sentence holds."""

from __future__ import annotations

from collections.abc import Mapping

from builder.model import Citation, Source, Span


def cite(fact: Span, sources: Mapping[str, Source]) -> Citation:
    """Cite the first sentence of a fact; for a fact that runs on, the part in that sentence."""
    source = sources[fact.source]
    sentence = source.sentence(fact.sentence)
    end = min(fact.end, sentence.end)
    text = source.text[fact.start : end].strip() or sentence.text
    return Citation(source=fact.source, sentence=fact.sentence, text=text)
