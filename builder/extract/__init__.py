"""Extract the facts of one source: quotes, amounts, dates, people, organisations, non-disclosures.

The names below load the extractors on first use, so that importing a submodule (the sentence splitter,
the word lists) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from builder.extract.pipeline import context, extract, fact_id, reference_date

__all__ = ["context", "extract", "fact_id", "reference_date"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from builder.extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'builder.extract' has no attribute {name!r}")
