"""Robustness on real text: every article of the BBC corpus loads and extracts, every span is exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.extract import extract
from builder.model import SourceMeta
from builder.sources import RawSource, split_source
from tests.conftest import shared


def _corpus() -> list[Path]:
    return sorted(shared("corpus", "bbc-news").rglob("*.txt"))


@pytest.mark.slow
def test_every_corpus_file_extracts_with_exact_spans() -> None:
    files = _corpus()
    assert len(files) == 833
    totals = {"quotes": 0, "amounts": 0, "dates": 0}
    for path in files:
        text = path.read_text(encoding="utf-8")
        source = split_source(RawSource("article", path.name, SourceMeta(title=text.splitlines()[0]), text, ""))
        for sentence in source.sentences:
            assert text[sentence.start : sentence.end] == sentence.text
        facts = extract(source)
        for fact in (*facts.quotes, *facts.amounts, *facts.dates, *facts.disclosures, *facts.unnamed):
            assert 0 <= fact.start < fact.end <= len(text), (path.name, fact)
            assert text[fact.start : fact.end] == fact.text, (path.name, fact)
            assert fact.sentence in {s.id for s in source.sentences}
        for entity in (*facts.people, *facts.organizations):
            for mention in entity.mentions:
                assert text[mention.start : mention.end] == mention.text
        totals["quotes"] += len(facts.quotes)
        totals["amounts"] += len(facts.amounts)
        totals["dates"] += len(facts.dates)
    # The corpus is news: thousands of each. A collapse to few means an extractor broke silently.
    assert totals["quotes"] > 2500 and totals["amounts"] > 3500 and totals["dates"] > 2500, totals
