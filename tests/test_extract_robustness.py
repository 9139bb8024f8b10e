"""Robustness on real text: every article of the BBC corpus and of the Reuters wire stories loads and
extracts, and every span is exact."""

from __future__ import annotations

import pytest

from builder.extract import extract
from builder.model import SourceMeta
from builder.sources import RawSource, split_source
from tests.conftest import shared

# (corpus, files, least quotes, amounts and dates): the corpora are news, with thousands of each; a collapse
# to few means an extractor broke silently.
CORPORA = [
    ("bbc-news", 833, {"quotes": 2500, "amounts": 3500, "dates": 2500}),
    ("reuters-deals", 1236, {"quotes": 3500, "amounts": 8000, "dates": 6000}),
]


@pytest.mark.slow
@pytest.mark.parametrize(("corpus", "count", "least"), CORPORA)
def test_every_corpus_file_extracts_with_exact_spans(corpus: str, count: int, least: dict[str, int]) -> None:
    files = sorted(shared("corpus", corpus).rglob("*.txt"))
    assert len(files) == count
    totals = dict.fromkeys(least, 0)
    for path in files:
        text = path.read_text(encoding="utf-8")
        source = split_source(RawSource("article", path.name, SourceMeta(title=text.splitlines()[0]), text, ""))
        sentence_ids = {s.id for s in source.sentences}
        for sentence in source.sentences:
            assert text[sentence.start : sentence.end] == sentence.text
        facts = extract(source)
        for fact in (*facts.quotes, *facts.amounts, *facts.dates, *facts.disclosures, *facts.unnamed, *facts.rates):
            assert 0 <= fact.start < fact.end <= len(text), (path.name, fact)
            assert text[fact.start : fact.end] == fact.text, (path.name, fact)
            assert fact.sentence in sentence_ids
        for quote in facts.quotes:
            span = quote.speaker_span
            assert span is None or text[span.start : span.end] == span.text, (path.name, quote)
        for entity in (*facts.people, *facts.organizations):
            for mention in entity.mentions:
                assert text[mention.start : mention.end] == mention.text
        totals["quotes"] += len(facts.quotes)
        totals["amounts"] += len(facts.amounts)
        totals["dates"] += len(facts.dates)
    assert all(totals[kind] > least[kind] for kind in least), totals
