"""Cross-source analysis on deals several BBC articles cover, checked against the articles by hand."""

from __future__ import annotations

from functools import cache

import pytest

from builder.analyze import analyze
from builder.curation import empty_curation
from builder.extract import extract
from builder.model import AmountGroup, Brief, SourceMeta
from builder.sources import RawSource, split_source
from tests.conftest import shared

DEALS = {
    "lse": """
    deutsche-boerse-set-to-woo-lse euronext-joins-bid-battle-for-lse euronext-poised-to-make-lse-bid
    french-suitor-holds-lse-meeting lse-doubts-boost-bidders-shares lse-sets-date-for-takeover-deal
    standard-life-concern-at-lse-bid standoff-on-deutsche-s-lse-bid deutsche-boerse-boosts-dividend
    """.split(),
    "man-utd": [
        "glazer-makes-new-man-utd-approach",
        "irish-duo-could-block-man-utd-bid",
        "man-utd-to-open-books-to-glazer",
        "q-a-malcolm-glazer-and-man-utd",
    ],
    "mci": [
        "mci-shareholder-sues-to-stop-bid",
        "mci-shares-climb-on-takeover-bid",
        "qwest-may-spark-mci-bidding-war",
        "verizon-seals-takeover-of-mci",
    ],
    "fiat-gm": [
        "alfa-romeos-to-get-gm-engines",
        "deadline-nears-for-fiat-gm-deal",
        "gm-in-crunch-talks-on-fiat-future",
        "gm-pays-2bn-to-evade-fiat-buyout",
    ],
}


@cache
def brief_of(deal: str) -> Brief:
    sources = []
    for name in DEALS[deal]:
        text = shared("corpus", "bbc-news", "business", f"{name}.txt").read_text(encoding="utf-8")
        sources.append(split_source(RawSource(name, f"{name}.txt", SourceMeta(title=text.splitlines()[0]), text, "")))
    return analyze(sources, [extract(source) for source in sources], empty_curation())


def groups_with(brief: Brief, text: str) -> list[AmountGroup]:
    return [g for g in brief.amount_groups if any(item.text == text for item in g.items)]


@pytest.mark.parametrize("deal", sorted(DEALS))
def test_no_false_conflicts_on_deals_the_articles_agree_on(deal: str) -> None:
    # Read by hand: none of these articles contradicts another on a figure.
    assert [c for c in brief_of(deal).conflicts if c.kind == "conflict"] == []


def test_lse_the_deutsche_boerse_offer_is_one_figure_across_sources() -> None:
    brief = brief_of("lse")
    (group,) = [g for g in groups_with(brief, "£1.3bn") if len(g.support.sources) >= 5]
    # £1.35bn is the same offer rounded differently (530p a share), so it agrees; only its conversions into
    # dollars differ ($2.5bn, $2.48bn), and they stand with it.
    assert group.verdict == "conversion" and group.measure == "deal_value"
    assert "£1.35bn" in {item.text for item in group.items}
    assert {"$2.5bn", "$2.48bn"} <= {item.text for item in group.conversions}
    # Euronext's £1.4bn and the £1.5bn the Germans may raise to are other figures, not disagreements.
    assert all("£1.4bn" not in {i.text for i in g.items} for g in [group])


def test_man_utd_the_800m_valuation_is_one_figure() -> None:
    brief = brief_of("man-utd")
    (group,) = [g for g in groups_with(brief, "£800m") if len(g.support.sources) >= 3]
    assert group.verdict == "hedged"  # "about £800m" in the Q&A, "£800m" elsewhere
    (stake,) = [g for g in groups_with(brief, "28.9%") if "29%" in {item.text for item in g.items}]
    assert stake.verdict == "agree"  # 29% is 28.9% rounded


def test_mci_the_verizon_bid_agrees_within_rounding() -> None:
    brief = brief_of("mci")
    (group,) = groups_with(brief, "$6.8bn")
    assert {item.text for item in group.items} == {"$6.75bn", "$6.8bn"} and group.verdict == "agree"
    (att,) = groups_with(brief, "about $16bn")
    assert len(att.support.sources) == 4


def test_fiat_gm_stakes_at_different_times_are_different_figures() -> None:
    brief = brief_of("fiat-gm")
    twenty, ten = groups_with(brief, "20%"), groups_with(brief, "10%")
    assert twenty and ten and not {g.id for g in twenty} & {g.id for g in ten}
    (payment,) = groups_with(brief, "1.55bn euros")
    assert len({item.source for item in payment.items if item.text == "1.55bn euros"}) == 2
    # The offer reported before the deal, "about $2bn (£1.06bn)", is the same sum: it joins the payment, and its
    # pound figure against the others' £1.1bn is a conversion discrepancy, never a conflict.
    assert payment.verdict in ("agree", "conversion")
    assert not [c for c in brief.conflicts if c.kind == "conflict"]


def test_a_term_in_quotation_marks_is_no_one_s_quote() -> None:
    """The Fiat–GM articles put "put option" in quotation marks as a term of art: no one said it."""
    brief = brief_of("fiat-gm")
    assert not [g for g in brief.quote_groups if g.text == "put option"]


def test_the_firefox_market_share_is_a_real_disagreement() -> None:
    names = ["new-browser-wins-over-net-surfers", "security-scares-spark-browser-fix"]
    sources = []
    for name in names:
        text = shared("corpus", "bbc-news", "tech", f"{name}.txt").read_text(encoding="utf-8")
        sources.append(split_source(RawSource(name, f"{name}.txt", SourceMeta(), text, "")))
    brief = analyze(sources, [extract(source) for source in sources], empty_curation())
    (conflict,) = [c for c in brief.conflicts if c.kind == "conflict"]
    assert {item.text for item in conflict.items} == {"7.4%", "about 5%"}


def test_lse_the_same_500m_is_converted_at_rates_that_cannot_both_be_right() -> None:
    (discrepancy,) = [
        c
        for c in brief_of("lse").conflicts
        if c.kind == "conversion-discrepancy" and any(item.unit == "GBP" for item in c.items)
    ]
    assert {item.text for item in discrepancy.items} == {"£350m", "£266m"}
    assert sorted(rate.rate for rate in discrepancy.rates) == [0.532, 0.7]
