"""What a figure measures, read from the words around it: one sentence of each kind deal coverage writes."""

from __future__ import annotations

import pytest

from builder.analyze.measures import SentenceCues, measure_of
from builder.extract.amounts import find_amounts, find_vague_amounts
from builder.model import Amount


def measure(sentence: str, figure: str) -> str:
    """The measure of the figure written as figure in the sentence, as the extractor finds it."""
    found = next(
        f for f in find_amounts(sentence) + find_vague_amounts(sentence) if sentence[f.start : f.end] == figure
    )
    amount = Amount(
        id="a",
        source="s",
        sentence="s-s1",
        start=found.start,
        end=found.end,
        text=figure,
        value=float(found.value),
        high=float(found.high) if found.high is not None else None,
        unit=found.unit or "USD",
        kind=found.kind,  # type: ignore[arg-type]
        qualifier=found.qualifier,
        per=found.per,
    )
    return measure_of(amount, SentenceCues(sentence), found.start, found.end)


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        (
            "Qantas has rejected a conditional A$10.9 billion buyout offer led by Macquarie.",
            "A$10.9 billion",
            "deal_value",
        ),
        ("The offer of A$5.50 a share was 5 percent above Qantas's last trade.", "A$5.50", "price_per_share"),
        (
            "The offer price is 26 percent higher than Qantas's share price before the approach.",
            "26 percent",
            "premium",
        ),
        ("Fosters bought 18.8% of Southcorp for 4.17 Australian dollars per share.", "18.8%", "stake"),
        ("Qantas shares slumped to as low as A$4.93 after the offer was rebuffed.", "A$4.93", "market_move"),
        ("Sallie Mae shares rose 18.37 percent to close at $55.35.", "18.37 percent", "market_move"),
        (
            "If BoA does not match any higher price it will receive a $200 million break fee from ABN.",
            "$200 million",
            "fee",
        ),
        (
            "CSN said it would fund the deal mainly with 4.35 billion pounds of debt.",
            "4.35 billion pounds",
            "financing",
        ),
        (
            "A proposal to increase the company's capital by up to $10 billion was also adopted.",
            "$10 billion",
            "financing",
        ),
        # a step between two prices is no price of its own
        (
            "InBev raised its takeover offer for Anheuser-Busch Cos Inc ( BUD.N ) by $5 a share to $70 on Friday.",
            "$5",
            "context",
        ),
        (
            "InBev raised its takeover offer for Anheuser-Busch Cos Inc ( BUD.N ) by $5 a share to $70 on Friday.",
            "$70",
            "price_per_share",
        ),
        ("It got a deal done just $5 (per share) above its initial bid price.", "$5", "context"),
        # a deal's value with the target's debt counted in is its value, not its financing
        (
            "The total value of the deal could top $20 billion, including debt, the report said.",
            "$20 billion",
            "deal_value",
        ),
        (
            "The buyer will pay $4.1 billion plus the assumption of $1.2 billion of debt.",
            "$4.1 billion",
            "deal_value",
        ),
        (
            "The banks said a merger would result in 3.5 billion euros of annual savings.",
            "3.5 billion euros",
            "synergies",
        ),
        ("The deal would improve Lumen's cash flow by more than $20 million.", "$20 million", "earnings_effect"),
        ("Onyx has revenue of $362 million in 2012.", "$362 million", "revenue"),
        ("WMC said it made net profits of 1.33bn Australian dollars in 2004.", "1.33bn Australian dollars", "profit"),
        ("Onyx has a market cap of $6.32 billion.", "$6.32 billion", "market_value"),
        ("Microsoft has spent billions to build new datacenters.", "billions", "context"),
        ("Its shares on the Milan stock exchange rose 4.5% by 0900 GMT to 6.2 euros.", "6.2 euros", "market_move"),
        (
            "Medco received an approach valuing the clinic group's ordinary shares at A$2.78 billion from a rival.",
            "A$2.78 billion",
            "deal_value",
        ),
        ("The bid values Medco's shares at A$4.30 each.", "A$4.30", "price_per_share"),
        (
            "Rival Fabrikam Ltd ( FAB.AX ) has built up a stake of almost 14 percent in Medco in recent weeks.",
            "14 percent",
            "stake",
        ),
        ("Shares in Medco ( MED.AX ) were up 14 percent on the news.", "14 percent", "market_move"),
        ("It has 16.4 percent of Britain's 125 billion-pound a year grocery market.", "16.4 percent", "context"),
        ("Fabrikam holds 20 percent of Medco, the market leader.", "20 percent", "stake"),
        (
            "Fabrikam proposed a new offer of 582 pence a share in cash, up 3.6 percent from its previous proposal.",
            "3.6 percent",
            "context",
        ),
        (
            "Under a merger, the two exchanges could cut costs by at least $150 million a year on a pretax basis.",
            "$150 million",
            "synergies",
        ),
        ("Acme expects the purchase to save about $150m a year by the end of 2027.", "$150m", "synergies"),
        ("The deal is meant to save the airline, which loses about $2m a year.", "$2m", "context"),
        ("But UBS set its price target for Fabrikam at $34, above the offer.", "$34", "context"),
        ("Citi has a $31 target price but said a raised offer was likely.", "$31", "context"),
        ("We saw unusual buying of March $20 calls ahead of the bid for Fabrikam.", "$20", "context"),
    ],
)
def test_the_words_around_a_figure_say_what_it_measures(sentence: str, figure: str, expected: str) -> None:
    assert measure(sentence, figure) == expected


def test_a_hedge_is_not_a_market_move() -> None:
    # "up to" and "raise" near a figure are a ceiling and a fund-raising, not shares moving up
    assert measure("Alibaba is set to raise up to $12.9bn from its listing in Hong Kong.", "$12.9bn") == "deal_value"
    assert (
        measure(
            "Qantas would have to pay the bidders up to A$109 million if the government blocked it.", "A$109 million"
        )
        == "fee"
    )


def test_a_rate_note_is_a_rate_not_a_figure() -> None:
    sentence = "($1 = 1.2277 Singapore dollars)"
    found = find_amounts(sentence) + find_vague_amounts(sentence)
    assert not any(sentence[f.start : f.end] == "1.2277 Singapore dollars" for f in found)


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        # wire copy: runs of spaces between the words of a cue
        (
            "The offer price is 26 percent higher than Acme's  share  price before the approach.",
            "26 percent",
            "premium",
        ),
        # a factbox ranking exchanges: an exchange's name is no talk of shares
        ("7. Lisbon Stock Exchange $2.45 8.", "$2.45", "context"),
        # a move, then the level the shares reached
        ("Shares in Acme, the bootmaker, were up more than 4%, or 12 pence to 310p.", "310p", "market_move"),
        ("Acme shares in Frankfurt were flat at 41.20 euros.", "41.20 euros", "market_move"),
        ("Acme has lost 35 percent of its value this year.", "35 percent", "market_move"),
        # the level named is the offer's price
        (
            "The news sent Acme shares up 20 percent to just below the $45 per share price offered by Fabrikam.",
            "$45",
            "price_per_share",
        ),
        # shares bought to pay for the deal, not shares that moved
        (
            "Its parent will buy an additional $300 million in Acme shares to help fund the deal.",
            "$300 million",
            "financing",
        ),
        # guidance is results, not the market; a bond's coupon is no move
        (
            "Acme now sees sales growth of 2 percent, down from earlier guidance of up 3 percent.",
            "3 percent",
            "revenue",
        ),
        ("Its 3.1 percent, 2019s were 20 basis points wider.", "3.1 percent", "context"),
    ],
)
def test_a_price_or_a_move_is_told_from_the_words_that_name_it(sentence: str, figure: str, expected: str) -> None:
    assert measure(sentence, figure) == expected


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        # what a company is worth, not the price of a deal
        ("The merger would create the region's largest insurer, valued at $40bn.", "$40bn", "market_value"),
        ("Acme is currently valued at 1.2 billion pounds.", "1.2 billion pounds", "market_value"),
        ("The deal is valued at $3 billion.", "$3 billion", "deal_value"),
        (
            "The exchange lists companies with a combined market capitalisation of $3 trillion.",
            "$3 trillion",
            "context",
        ),
        # the market's valuation after a move in the shares, not a price offered
        (
            "Acme shares jumped 20 percent to 310 pence, valuing the company at about 4.1 billion pounds.",
            "4.1 billion pounds",
            "market_value",
        ),
        ("Fabrikam stock was down 2 percent, valuing the group at $12 billion.", "$12 billion", "market_value"),
        (
            "Fabrikam offered 310 pence for Acme shares, valuing the company at 4.1 billion pounds.",
            "4.1 billion pounds",
            "deal_value",
        ),
        # the shares a company has: its capital, not shares the deal buys
        ("Acme had 639.78 million shares outstanding as of April 30.", "639.78 million shares", "context"),
        ("Fabrikam will issue 40 million shares to Acme holders.", "40 million shares", "shares"),
        # options on shares: neither the deal's shares nor its price
        ("Staff may buy options on up to 3,000 shares at 85 pence each.", "85 pence", "context"),
        ("Staff may buy options on up to 3,000 shares at 85 pence each.", "3,000 shares", "context"),
        ("Acme will issue 3,000 shares at 85 pence each to Fabrikam.", "85 pence", "price_per_share"),
        (
            "Fabrikam said it was buying stock or options to buy shares at 230 euros per share.",
            "230 euros",
            "price_per_share",
        ),
        # the total after a price a share, an order, a listing's size
        (
            "Fabrikam became the largest holder by acquiring the entire 20% stake owned by its founder, John Smith, "
            "for $9 a share or $85 million.",
            "$85 million",
            "deal_value",
        ),
        ("Acme Air signs a $6 billion order for 20 jets.", "$6 billion", "deal_value"),
        ("The sale could raise up to $9bn if a green shoe option is exercised.", "$9bn", "deal_value"),
        # parts of a deal's price: the debt inside it, the share paid with new shares, a step of a raised bid
        ("The deal is worth about $5 billion, including debt of $900 million.", "$900 million", "context"),
        ("About 40 percent of the cost of the deal will be financed with new shares.", "40 percent", "financing"),
        (
            "This lifts the original $10 billion offer by about $200 million on Monday.",
            "$200 million",
            "context",
        ),
        # how far one bid stands above a rival's
        (
            "The rival proposal is worth 40 euros a share, or 12 percent more than the offer from Fabrikam.",
            "12 percent",
            "premium",
        ),
        # no one deal: trade in goods, money spent on many deals
        ("Beijing agreed to buy $30 billion in American farm goods.", "$30 billion", "context"),
        ("He asked for up to $40 billion in annual purchases.", "$40 billion", "context"),
        ("They have spent $4 billion in acquisitions since 2010.", "$4 billion", "context"),
    ],
)
def test_what_a_company_is_worth_is_told_from_what_a_deal_costs(sentence: str, figure: str, expected: str) -> None:
    assert measure(sentence, figure) == expected


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        # results set against sales, and earnings a share
        ("Fabrikam reported a loss of $12.5 million on revenue of $80 million.", "$12.5 million", "profit"),
        ("Analysts had expected $1.10 a share on sales of $3 billion.", "$1.10", "profit"),
        ("Fabrikam reported $1.10 in per-share earnings for the quarter.", "$1.10", "profit"),
        ("We think second-quarter comps will come in near 3%.", "3%", "revenue"),
        # a month after "in" says when, not whose
        ("Mortgage rates averaged 4.1 percent in March, down from 4.4 percent.", "4.1 percent", "context"),
        # a loan's rate and a shortfall are no figure of the deal
        (
            "Car sales fell even as the average interest rate on a new car loan stayed below 5 percent.",
            "5 percent",
            "context",
        ),
        (
            "Trustees want assurances the buyer will fund a contribution deficit of as much as 500 million pounds.",
            "500 million pounds",
            "context",
        ),
    ],
)
def test_results_and_the_economy_are_told_from_terms_of_the_deal(sentence: str, figure: str, expected: str) -> None:
    assert measure(sentence, figure) == expected


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        # a share of a country's or a company's output is no stake in anyone
        ("The merged group will control about 12% of Brazil's steel output.", "12%", "context"),
        ("The mine, which produced 35% of the group's copper production, was sold last year.", "35%", "context"),
        # "a 25% shareholder in" is a holding
        ("Siemens, a 25% shareholder in the venture, has declined to put in more money.", "25%", "stake"),
        ("Fosters bought 18.8% of Southcorp for 4.17 Australian dollars per share.", "18.8%", "stake"),
    ],
)
def test_a_share_of_output_is_told_from_a_holding(sentence: str, figure: str, expected: str) -> None:
    assert measure(sentence, figure) == expected


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        # what traders paid for the stock and will sell it at: the market's price, not a term of the deal
        ("There are traders who bought at $40 and will sell at $48, but not everybody.", "$48", "market_move"),
        ("There are traders who bought at $40 and will sell at $48, but not everybody.", "$40", "market_move"),
        (
            "Any arbitrageur who bought into the stock after the bid became public would have paid more than $30.",
            "$30",
            "market_move",
        ),
        # the size of deals in general, a law's threshold: no deal's value
        (
            "When you have deals in the $2 to $3 billion range they rarely draw political fire.",
            "$2 to $3 billion",
            "context",
        ),
        ("For deals above $5 billion you start to see political resistance, said one banker.", "$5 billion", "context"),
        (
            "Local firms have made bids for more than $8 billion of foreign assets this year, with more deals to come.",
            "$8 billion",
            "context",
        ),
        (
            "Reviews apply to foreign acquisitions above a threshold, set at C$300 million for this year.",
            "C$300 million",
            "context",
        ),
        # the size of a fund; a sum wiped from an investment is what the market took
        (
            "A suitor could link up with a sponsor such as the country's $200 billion sovereign wealth fund.",
            "$200 billion",
            "context",
        ),
        (
            "While Fabrikam saw $4 billion quickly wiped from its investment, the deal went ahead.",
            "$4 billion",
            "market_move",
        ),
        # another deal's worth, had it gone through; a firm's spending on its own projects
        (
            "Bankers say that deal, which would have been worth some C$1.3 billion if it had gone through, failed.",
            "C$1.3 billion",
            "deal_value",
        ),
        (
            "It is committed to spend $13 billion on various projects, which would hamper it in a bidding war.",
            "$13 billion",
            "context",
        ),
    ],
)
def test_analysis_pieces_figures_of_markets_laws_and_other_deals_are_no_terms(
    sentence: str, figure: str, expected: str
) -> None:
    assert measure(sentence, figure) == expected


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        # the close a premium is counted from is the market's price
        ("The offer is a 6 percent premium to Fabrikam's Friday close of $38.85.", "$38.85", "market_move"),
        ("That is 8 percent above Fabrikam's Friday closing price of $81 per share.", "$81", "market_move"),
        # a firm named after a currency is no exchange rate
        ("Acme said the deal values Dollar Fabrikam at $41 a share.", "$41", "price_per_share"),
        # how the price is paid: the mix of cash and stock, and the cash part
        (
            "Acme expects the deal, comprising 80 percent cash and 20 percent stock, to add to earnings.",
            "80 percent",
            "context",
        ),
        (
            "Acme expects the deal, comprising 80 percent cash and 20 percent stock, to add to earnings.",
            "20 percent",
            "context",
        ),
        (
            "At closing, Acme will issue about 18 million shares and pay about $750 million in cash.",
            "$750 million",
            "financing",
        ),
        ("The C$6 billion cash portion of the deal will be paid from cash on hand.", "C$6 billion", "financing"),
        ("Acme will pay about $700 million in cash and issue 18 million shares.", "$700 million", "financing"),
        ("Acme will pay $2 billion in cash and stock for Fabrikam.", "$2 billion", "deal_value"),
        # a firm's own earnings outlook, a share of a national market
        (
            "Acme raised its adjusted earnings outlook for 2010 to a range of 43 to 45 cents a share.",
            "43 to 45 cents",
            "profit",
        ),
        ("The three would control about 95 percent of the U.S. car rental market.", "95 percent", "context"),
        # the market's bet on the offer: shares trading below it, at a discount to it
        (
            "The market bet against it, with Fabrikam's shares trading below the offer price, at $28.31.",
            "$28.31",
            "market_move",
        ),
        (
            "Investors trade Fabrikam shares at a 6.5 percent discount to Acme Corp's ( ACME.O ) offer price.",
            "6.5 percent",
            "market_move",
        ),
        ("The offer is at a 10 percent discount to Fabrikam's closing share price.", "10 percent", "premium"),
    ],
)
def test_how_a_price_is_paid_and_the_prices_it_is_set_against(sentence: str, figure: str, expected: str) -> None:
    assert measure(sentence, figure) == expected


def test_a_day_s_close_up_or_down_is_the_market_s() -> None:
    assert measure("Fabrikam closed up $9.20 a share on Friday at $28.38.", "$9.20") == "market_move"
    assert measure("Fabrikam closed up $9.20 a share on Friday at $28.38.", "$28.38") == "market_move"


def test_a_sum_in_millions_beside_a_price_a_share_is_the_deal_s_value() -> None:
    sentence = "Fabrikam's board in February agreed to a $2.3 billion, $36-per-share, takeover by Acme."
    assert measure(sentence, "$2.3 billion") == "deal_value"
    assert measure(sentence, "$36") == "price_per_share"
