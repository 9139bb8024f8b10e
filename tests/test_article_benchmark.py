"""The HTML importer on the public article-extraction benchmark in ../shared: text, refusals, metadata.

The whole benchmark runs here (about 181 pages in two processes); `make bench-articles` prints the
same figures as the README's table.
"""

from __future__ import annotations

import pytest

from tests.article_benchmark import BENCHMARK, PageResult, altered_paragraphs, metadata_checks, page_ids, run, summarize
from tests.conftest import shared

pytestmark = pytest.mark.slow

F1_FLOOR = 0.970
# Share of the pages stating a field where the importer agrees with the page's JSON-LD / Open Graph tags.
METADATA_FLOORS = {"title": 0.98, "no site name": 0.99, "author": 0.95, "credit": 0.75, "date": 0.99}


@pytest.fixture(scope="module")
def results() -> list[PageResult]:
    shared("peer-tests", "article-extraction")
    return run(page_ids(BENCHMARK))


def test_f1_reaches_the_best_published_result_and_no_article_is_refused(results: list[PageResult]) -> None:
    summary = summarize(results)
    assert summary.pages == 181
    refused = [(r.id, r.refused) for r in results if r.refused and r.truth.strip()]
    assert not refused
    assert summary.f1 >= F1_FLOOR, summary


def test_metadata_agrees_with_each_pages_own_tags(results: list[PageResult]) -> None:
    summary = summarize(results)
    for name, floor in METADATA_FLOORS.items():
        agree, stated = summary.metadata[name]
        disagreeing = [
            (r.id[:10], r.title, r.author, r.published) for r in results if not metadata_checks(r).get(name, True)
        ]
        assert stated and agree / stated >= floor, (name, disagreeing)


def test_nothing_kept_is_altered(results: list[PageResult]) -> None:
    altered = {r.id: found for r in results if (found := altered_paragraphs(r))}
    assert not altered
