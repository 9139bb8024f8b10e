"""Figures as wire copy writes them: scales, fractions, ranges, hedges, exchange-rate notes, names with digits."""

from __future__ import annotations

from decimal import Decimal

import pytest

from builder.extract import extract
from builder.extract.amounts import find_amounts, find_figures
from builder.model import SourceMeta
from builder.sources import RawSource, split_source


def _one(text: str) -> tuple[str, Decimal, Decimal | None, str, str | None]:
    (amount,) = find_amounts(text)
    return text[amount.start : amount.end], amount.value, amount.high, amount.unit, amount.qualifier


@pytest.mark.parametrize(
    ("sentence", "written", "value", "high", "unit", "qualifier"),
    [
        ("It bid $4.1 bln for the maker.", "$4.1 bln", "4100000000", None, "USD", None),
        ("Sales were 350 mln dlrs last year.", "350 mln dlrs", "350000000", None, "USD", None),
        ("A $30-billion deal.", "$30-billion", "30000000000", None, "USD", None),
        ("A 2.3-billion-pound offer.", "2.3-billion-pound", "2300000000", None, "GBP", None),
        ("The stock rose to ($5.2  billion) on Monday.", "$5.2  billion", "5200000000", None, "USD", None),
        ("Shares closed at 412-1/2 pence.", "412-1/2 pence", "412.5", None, "GBX", None),
        ("It pays a 45 euro cent dividend.", "45 euro cent", "0.45", None, "EUR", None),
        ("It is worth $3 billion to $3.5 billion.", "$3 billion to $3.5 billion", "3e9", "3.5e9", "USD", None),
        ("Growth of 8 percent to 9 percent is likely.", "8 percent to 9 percent", "8", "9", "%", None),
        ("Growth of 8-9 percent is likely.", "8-9 percent", "8", "9", "%", None),
        ("Loans of 2 to 4 billion euros were raised.", "2 to 4 billion euros", "2000000000", "4000000000", "EUR", None),
        ("Earnings of $0.05 to $0.08 a share.", "$0.05 to $0.08", "0.05", "0.08", "USD", None),
        ("A $6-7 billion deal.", "$6-7 billion", "6000000000", "7000000000", "USD", None),
        ("Valued at between 20 and 25 percent.", "20 and 25 percent", "20", "25", "%", None),
        ("It holds a near-15 percent stake.", "15 percent", "15", None, "%", "near"),
        ("It expects 3+ percent growth.", "3 percent", "3", None, "%", "+"),
        ("The deal could top $20 billion.", "$20 billion", "20000000000", None, "USD", "could top"),
        ("Sales are expected to exceed $5 billion.", "$5 billion", "5000000000", None, "USD", "to exceed"),
        ("It is among the top 10 percent of firms.", "10 percent", "10", None, "%", None),
    ],
)
def test_wire_figures(
    sentence: str, written: str, value: str, high: str | None, unit: str, qualifier: str | None
) -> None:
    found = _one(sentence)
    assert found[0].replace("+", "") == written
    assert found[1:] == (Decimal(value), Decimal(high) if high else None, unit, qualifier)


def test_a_change_from_one_figure_to_another_is_two_figures() -> None:
    amounts = find_amounts("Its stake rose from 10 percent to 14 percent, and from $2 to $3 a share.")
    assert [(a.value, a.high) for a in amounts] == [(10, None), (14, None), (2, None), (3, None)]


def test_a_bare_sum_added_to_a_sum_takes_its_currency() -> None:
    amounts = find_amounts("The seller gets 2bn euros now, with another 450m to follow within a year.")
    assert [(a.value, a.unit) for a in amounts] == [(Decimal("2e9"), "EUR"), (Decimal("4.5e8"), "EUR")]
    shares = find_amounts("It paid $3bn, and plans another 200m shares.")
    assert [a.unit for a in shares if a.kind == "money"] == ["USD"]


def test_the_size_of_a_move_then_the_level_it_reached_is_no_range() -> None:
    amounts = find_amounts("The news sent shares up more than 6%, or 16.75 pence to 293.5p.")
    assert [(a.value, a.high, a.unit) for a in amounts if a.kind == "money"] == [
        (Decimal("16.75"), None, "GBX"),
        (Decimal("293.5"), None, "GBX"),
    ]
    (spread,) = find_amounts("It is worth $3 billion to $3.5 billion.")
    assert spread.high == Decimal("3.5e9")


def test_halving_to_a_figure_is_no_range() -> None:
    (amount,) = find_amounts("A share sale cut the partner's holding in half to 10% last year.")
    assert (amount.value, amount.high, amount.unit) == (Decimal("10"), None, "%")


def test_a_move_then_the_level_it_reached_is_two_figures() -> None:
    amounts = find_amounts("Five-year default swaps fell 20 basis points to 120 basis points on Tuesday.")
    assert [(a.value, a.high) for a in amounts] == [(Decimal("0.2"), None), (Decimal("1.2"), None)]
    (spread,) = find_amounts("Analysts expect margins of 20 percent to 25 percent next year.")
    assert (spread.value, spread.high) == (20, 25)


def test_crowns_are_the_crowns_the_story_names() -> None:
    text = (
        "The exchange offered 230 crowns per share, valuing the group at 27.7 billion Swedish crowns "
        "($3.98 billion), against a rival bid worth 198 crowns."
    )
    assert [(a.value, a.unit) for a in find_amounts(text) if a.kind == "money"] == [
        (230, "SEK"),
        (Decimal("27700000000"), "SEK"),
        (Decimal("3980000000"), "USD"),
        (198, "SEK"),
    ]
    assert find_amounts("The prince wore two crowns.") == []
    (alone,), _ = find_figures("That bid was worth 198 crowns a share.", crown="SEK")  # the story named them
    assert (alone.value, alone.unit) == (198, "SEK")
    (krone,) = find_amounts("Statoil paid 12 billion Norwegian crowns for the field.")
    assert (krone.value, krone.unit) == (Decimal("12000000000"), "NOK")


def test_a_date_before_to_is_no_range() -> None:
    (amount,) = find_amounts("profit for the quarter ended December 31 to 10.6 billion rupees")
    assert (amount.value, amount.high, amount.unit) == (Decimal("10600000000"), None, "INR")


@pytest.mark.parametrize(
    ("sentence", "base", "quote", "rate"),
    [
        ("The offer is A$11 billion ($1=A$1.27).", "USD", "AUD", "1.27"),
        ("(\u00a31 = $1.62)", "GBP", "USD", "1.62"),
        ("($1 = 0.7348 euro)", "USD", "EUR", "0.7348"),
        ("($1 = 1.2281 Singapore dollars)", "USD", "SGD", "1.2281"),
        ("Sterling bought 1.6 dollars to the pound.", "GBP", "USD", "1.6"),
    ],
)
def test_exchange_rate_notes_are_rates_not_amounts(sentence: str, base: str, quote: str, rate: str) -> None:
    amounts, rates = find_figures(sentence)
    assert [(r.base, r.quote, r.rate) for r in rates] == [(base, quote, Decimal(rate))]
    assert all(a.value != 1 for a in amounts)


@pytest.mark.parametrize(
    ("sentence", "quote", "rate"),
    [
        ("The miner sold its stake for C$2.1 billion ($1=$1.13 Canadian).", "CAD", "1.13"),
        ("The brewer paid 1.2 billion pounds ($1 = 0.5821 pound).", "GBP", "0.5821"),
        ("Sales rose to 980 billion won ($1=1,098.5 Korean won).", "KRW", "1098.5"),
        ("The insurer is worth 3 billion pounds ($1=.6012 Pound).", "GBP", "0.6012"),
    ],
)
def test_a_conversion_note_named_by_the_words_after_its_figure_is_one_rate(
    sentence: str, quote: str, rate: str
) -> None:
    amounts, rates = find_figures(sentence)
    assert [(r.base, r.quote, r.rate) for r in rates] == [("USD", quote, Decimal(rate))]
    assert len(amounts) == 1 and amounts[0].value > 100


@pytest.mark.parametrize(
    ("sentence", "base", "rate"),
    [
        ("The yen slipped while the euro was up 0.2% at $1.0864 in late trade.", "EUR", "1.0864"),
        ("Sterling last changed hands at $1.5412, down 0.3% on the day.", "GBP", "1.5412"),
        ("The dollar fell to $1.412 against the euro in Tokyo.", "EUR", "1.412"),
    ],
)
def test_a_currency_s_price_to_four_places_in_a_market_report_is_a_rate(sentence: str, base: str, rate: str) -> None:
    amounts, rates = find_figures(sentence)
    assert [(r.base, r.quote, r.rate) for r in rates] == [(base, "USD", Decimal(rate))]
    assert all(a.kind == "percent" for a in amounts)


def test_a_price_in_cents_beside_a_currency_stays_a_figure() -> None:
    amounts, rates = find_figures("Its euro bonds fell while the shares rose to $14.25, a 1.250% gain.")
    assert rates == [] and [a.value for a in amounts if a.kind == "money"] == [Decimal("14.25")]


@pytest.mark.parametrize(
    "sentence",
    ["Emirates ordered 30 Boeing 787 jets.", "It joined the S&P 500 stocks.", "Heinz 57 products sold well."],
)
def test_names_with_digits_are_not_quantities(sentence: str) -> None:
    assert [a.value for a in find_amounts(sentence) if a.kind == "quantity"] in ([], [30])


def test_basis_points_are_hundredths_of_a_percentage_point() -> None:
    (amount,) = find_amounts("Its credit spread widened 78 basis points on the news.")
    assert (amount.value, amount.unit, amount.kind) == (Decimal("0.78"), "percentage points", "quantity")


def test_a_firm_or_network_named_with_a_digit_is_no_quantity() -> None:
    assert find_amounts("3G Capital bought Heinz on a 4G network.") == []


def test_a_table_s_stated_scale_holds_for_its_bare_money_figures_to_the_paragraph_s_end() -> None:
    text = (
        "Biggest bond markets\n\n"
        "Following are the largest markets by value traded in 2010. (figures in billions of U.S. dollars) "
        "1. Atlantis $412.5 2. Borduria $96.10 3. Syldavia $12 million a year\n\n"
        "Shares of Nordix rose to $21.50 on Friday."
    )
    facts = extract(split_source(RawSource("table", "table.txt", SourceMeta(), text, "")))
    assert [(a.text, a.value) for a in facts.amounts if a.kind == "money"] == [
        ("$412.5", 412500000000),
        ("$96.10", 96100000000),
        ("$12 million", 12000000),
        ("$21.50", 21.5),
    ]


def test_a_minus_sign_opening_a_table_cell_makes_the_figure_negative() -> None:
    text = "| NRD | NORDIX ASA | 41.20 | -0.85 | -2.02% |\n| VST | VESTRA AB | 12.10 | 0.30 | 2.54% |"
    assert [(text[a.start : a.end], a.value) for a in find_amounts(text)] == [
        ("-2.02%", Decimal("-2.02")),
        ("2.54%", Decimal("2.54")),
    ]
    assert all(a.value > 0 for a in find_amounts("Margins rose 3%-4% this year."))  # no cell, no minus


def test_a_fraction_in_words_of_a_holding_vote_or_deal_is_a_percentage_and_an_ordinal_is_not() -> None:
    text = (
        "Under state law, two-thirds of the company's shares must back the buyout, and a one-third premium was "
        "offered. A third bidder, Fabrikam, has stayed out. About a third of the acquisition will be paid in "
        "stock. More than a third of its 9,000 employees may lose their jobs."
    )
    facts = extract(split_source(RawSource("s", "s.txt", SourceMeta(), text, "")))
    found = [(a.text, round(float(a.value), 1), a.unit) for a in facts.amounts if a.unit == "%"]
    assert found == [("two-thirds", 66.7, "%"), ("one-third", 33.3, "%"), ("a third", 33.3, "%")]
