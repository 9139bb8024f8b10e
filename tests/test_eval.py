"""The extractor against the hand-written gold (eval/): the acceptance floors on every corpus, so that a
regression in quotes, speakers or figures fails the suite. `make eval` prints the same figures."""

from __future__ import annotations

import json

import pytest

from eval import extraction
from eval import gold as eval_gold
from eval.matching import pair_quotes, same_figure, same_person, same_speaker
from eval.scoring import Section
from tests.conftest import ROOT, shared

# The floors every corpus must hold (quotes, speakers, money and percentages are the acceptance floors;
# people and authors guard against regressions).
FLOORS = {
    "quotes.recall": 0.95,
    "quotes.precision": 0.90,
    "speakers.accuracy": 0.95,
    "money.recall": 0.95,
    "money.precision": 0.95,
    "percent.recall": 0.95,
    "percent.precision": 0.95,
    "people.recall": 0.85,
    "people.precision": 0.90,
    # of the people found whose article gives a title or a firm, how many have it whole: far from done
    "people.title": 0.45,
    "people.organization": 0.40,
    "author.accuracy": 0.85,
}


@pytest.fixture(scope="module")
def scored() -> Section:
    shared("corpus")
    return extraction.score()


@pytest.mark.parametrize("corpus", eval_gold.CORPORA)
@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_floor(scored: Section, metric: str, corpus: str) -> None:
    ratio = scored.row(metric).cells[corpus]
    assert ratio.total > 0, f"no {metric} in the {corpus} gold"
    assert ratio.value is not None and ratio.value >= FLOORS[metric], (
        f"{metric} on {corpus}: {ratio.shown()}, floor {FLOORS[metric]}"
    )


def test_the_gold_covers_every_corpus() -> None:
    counts = {corpus: sum(1 for a in eval_gold.articles() if a.corpus == corpus) for corpus in eval_gold.CORPORA}
    assert counts["seeds"] == 3 and counts["bbc"] >= 12 and counts["reuters"] >= 20 and counts["web"] >= 10


def test_every_gold_quote_and_figure_stands_in_its_article(scored: Section) -> None:
    """Gold written from the wrong text (a later story taken for part of this one) would score the tool on words
    its article does not have."""
    missing = []
    for item in eval_gold.articles():
        if eval_gold.not_imported(item):
            continue
        text = " ".join(eval_gold.source(item).text.split())
        missing += [f"{item.key}: {a.text}" for a in item.amounts if " ".join(a.text.split()) not in text]
        missing += [
            f"{item.key}: {q.text[:40]}" for q in item.quotes if " ".join(q.text.split()).strip(" ,.")[:40] not in text
        ]
    assert not missing, missing[:10]


def test_a_quote_over_two_paragraphs_matches_both_gold_entries_and_a_title_does_not() -> None:
    pairs = pair_quotes(
        ["First paragraph of the quote.", "Second paragraph of it."],
        ["Star Wars"],
        ["First paragraph of the quote.\n\nSecond paragraph of it.", "Star Wars", "Something else entirely"],
    )
    assert pairs.gold_to_found == {0: 0, 1: 0}
    assert pairs.right == {0}
    assert pairs.not_quotes == {1}


def test_speakers_match_by_person_organisation_or_noun() -> None:
    assert same_speaker("J.P. McManus", "person", "JP McManus", "person")
    assert same_speaker("ABN", "organization", "ABN AMRO", "organization")
    assert same_speaker("one analyst", "descriptor", "analysts", "descriptor")
    assert same_speaker("Silver Lake", "organization", "Michael Dell and Silver Lake", "organization")
    assert not same_speaker("a banker", "descriptor", "a source", "descriptor")
    assert not same_speaker("Michael Dell", "person", "Brian Quinn", "person")
    assert same_person("Leo E. Strine, Jr.", "Leo E. Strine")


def test_figures_match_by_unit_value_and_range_to_the_gold_precision() -> None:
    assert same_figure((33.3333, None, "%"), (33.3, None, "%"))
    assert same_figure((2e9, 2.5e9, "USD"), (2e9, 2.5e9, "USD"))
    assert not same_figure((2e9, None, "USD"), (2e9, 2.5e9, "USD"))
    assert not same_figure((2e9, None, "USD"), (2e9, None, "EUR"))


def test_the_readme_shows_the_latest_results() -> None:
    results = json.loads((ROOT / "eval" / "results.json").read_text(encoding="utf-8"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8").split("## Accuracy", 1)[1].split("\n## ", 1)[0]
    metrics = results["sections"]["extraction"]["metrics"]
    rows = [line for line in readme.splitlines() if line.startswith("| ")]
    shown = {cells[0]: cells[1:] for cells in ([c.strip() for c in row.strip("|").split("|")] for row in rows)}
    for key, label in extraction.LABELS:
        expected = [_cell(metrics[key][column]) for column in (*eval_gold.CORPORA, "all")]
        assert shown[label] == expected, f"README: run `make eval` and copy its table ({label})"


def _cell(ratio: dict[str, object]) -> str:
    value = ratio["value"]
    return "–" if value is None else f"{value:.2f} ({ratio['hits']}/{ratio['total']})"
