"""The limits of what one source may cost: each refusal names the limit in brief.yaml that raises it."""

from __future__ import annotations

from collections.abc import Sequence

from builder.errors import Problem
from builder.model import Source, SourceFacts


def fact_count(facts: SourceFacts) -> int:
    """The facts a source produced, counted as the brief counts them."""
    return len(facts.quotes) + len(facts.amounts) + len(facts.dates) + len(facts.disclosures) + len(facts.unnamed)


def too_long(sources: Sequence[Source], max_sentences: int) -> list[Problem]:
    """Sources with more sentences than a source may have: each makes a page and grows every later stage."""
    return [
        Problem(
            source.path,
            message=f"too long: {len(source.sentences):,} sentences, the limit is {max_sentences:,}; if the file "
            "really is one article, raise limits.max_sentences_per_source in data/brief.yaml",
        )
        for source in sources
        if len(source.sentences) > max_sentences
    ]


def too_many_facts(source: Source, facts: SourceFacts, max_facts: int) -> Problem | None:
    """A problem when one source produced more facts than a source may."""
    found = fact_count(facts)
    if found <= max_facts:
        return None
    return Problem(
        source.path,
        message=f"too many facts: {found:,}, the limit is {max_facts:,}; if the file really is one article, "
        "raise limits.max_facts_per_source in data/brief.yaml",
    )
