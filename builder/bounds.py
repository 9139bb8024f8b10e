"""The bounds a build holds its input to, so that no input can make it run without end.

Dates a build can carry, the largest figure, what one source may produce, and the time and memory the
print worker may take. Each bound says how to raise it when an input really needs more.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Annotated

from pydantic import AfterValidator

from builder.errors import Problem

if TYPE_CHECKING:
    from builder.model import Source, SourceFacts

# The dates a build can stamp its outputs with: a 32-bit count of seconds since 1970 (gzip, zip, PDF tools).
FIRST_BUILD_DATE = date(1970, 1, 1)
LAST_BUILD_DATE = date(2106, 2, 7)
# No figure in the news is this large; a longer run of digits is not a figure.
LARGEST_FIGURE = 10**30

DEFAULT_MAX_SOURCE_BYTES = 2_000_000
MAX_BRIEF_BYTES = 10_000_000
DEFAULT_MAX_SENTENCES = 2_000
DEFAULT_MAX_FACTS = 1_000
DEFAULT_PRINT_SECONDS = 600.0
DEFAULT_PRINT_MEMORY_MB = 4_096


def _build_date(value: date) -> date:
    if not FIRST_BUILD_DATE <= value <= LAST_BUILD_DATE:
        raise ValueError(
            f"expected a date from {FIRST_BUILD_DATE} to {LAST_BUILD_DATE} (the dates a build can carry), "
            f"found {value}; is it a typo?"
        )
    return value


def _figure(value: float) -> float:
    if not abs(value) < LARGEST_FIGURE:
        digits = len(str(abs(int(value))))
        raise ValueError(f"expected a figure of at most 30 digits, found one of {digits:,} digits")
    return value


BuildDate = Annotated[date, AfterValidator(_build_date)]
Figure = Annotated[float | int, AfterValidator(_figure)]


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
