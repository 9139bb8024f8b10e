"""Floors for the proposed deal card, scored on the hand-written deal gold (eval/cards.py)."""

from __future__ import annotations

from typing import Any

import pytest

from eval.cards import evaluate, gold_deals, same_name, score_parties, score_value
from tests.conftest import shared

# each at 0.90: type, status and value as accuracy over the deals, parties with roles as F1 over (name, role)
FLOORS = {"type": 0.90, "status": 0.90, "value": 0.90, "parties": 0.90}


@pytest.fixture(scope="module")
def results() -> dict[str, Any]:
    shared("corpus", "reuters-deals")
    deals = gold_deals()
    assert len(deals) >= 12, "the deal gold covers 12 deals or more"
    return evaluate(deals)[1]


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_the_card_meets_its_floor(results: dict[str, Any], metric: str) -> None:
    assert results[metric] >= FLOORS[metric], f"{metric}: {results[metric]:.2f} < {FLOORS[metric]}"


def test_names_match_by_their_company_not_their_spelling() -> None:
    assert same_name("Onyx Pharmaceuticals Inc", "Onyx Pharmaceuticals")
    assert same_name("APA", "Airline Partners Australia") and same_name("F&N", "Fraser and Neave")
    assert same_name("JP Morgan", "JPMorgan") and not same_name("Dell Inc", "Michael Dell Partners")


def test_parties_score_name_and_role_together() -> None:
    gold = [{"name": "Amgen", "role": "acquirer"}, {"name": "Onyx", "role": "target"}]
    assert score_parties(gold, [{"name": "Amgen Inc", "role": "acquirer"}, {"name": "Onyx", "role": "acquirer"}]) == (
        1,
        2,
        2,
    )


def test_a_value_counts_in_its_unit_within_a_percent() -> None:
    assert score_value({"amount": 10e9, "unit": "USD"}, {"amount": 10.05e9, "unit": "USD"})
    assert not score_value({"amount": 10e9, "unit": "USD"}, {"amount": 10e9, "unit": "EUR"})
    assert score_value({"state": "not disclosed"}, {"state": "not disclosed", "citations": []})


def test_a_deal_whose_sources_state_no_value_wants_none() -> None:
    assert score_value(None, None)
    assert not score_value(None, {"amount": 180e9, "unit": "USD"})
    assert not score_value({"state": "not disclosed"}, None)
