"""Fact ids and places: what every extractor gives each fact it finds."""

from __future__ import annotations

import hashlib
from typing import Any

from builder.model import Sentence, Source


def unique_id(source: str, kind: str, normal: str, seen: dict[str, int]) -> str:
    """`<source>-<kind>-<hash of the fact's normalised words>`, numbered from the second of the same words.

    The id rests on the fact's own words, so it stays the same when the text around the fact moves.
    """
    base = f"{source}-{kind}-{hashlib.sha1(normal.encode()).hexdigest()[:8]}"
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


def placed(source: Source, sentence: Sentence, start: int, end: int) -> dict[str, Any]:
    """The fields that place a fact: its source, its sentence, and its span of the source's text."""
    return {
        "source": source.id,
        "sentence": sentence.id,
        "sentences": (sentence.id,),
        "start": start,
        "end": end,
        "text": source.text[start:end],
    }
