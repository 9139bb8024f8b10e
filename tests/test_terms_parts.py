"""Deal terms given in parts: a cash sum that is only part of a price of cash and shares."""

from __future__ import annotations

from tests.test_terms import brief, groups_with


def test_the_cash_part_of_a_cash_and_shares_price_is_no_earlier_version_of_a_cash_price() -> None:
    found = brief(
        (
            "hostile",
            "2024-03-01",
            "Acme repeats bid for Widget Corp\n\nAcme Inc, which has offered $60.50 a share plus 0.52 of its "
            "shares for Widget Corp, said on Friday it stood by its hostile bid.",
        ),
        (
            "rival",
            "2024-05-10",
            "Northwind agrees to buy Widget Corp\n\nNorthwind Traders said it has agreed to pay $90 a share in "
            "cash for Widget Corp.",
        ),
    )
    prices = [t for t in found.terms if t.measure == "price_per_share" and t.state == "stated"]
    assert prices and not any(t.revised for t in prices)


def test_a_raised_price_told_beside_the_agreed_one_it_raises_is_a_revision() -> None:
    found = brief(
        (
            "vote",
            "2024-06-01",
            "Contoso holders balk at buyout\n\nContoso Ltd shareholders may vote down the buyout on Tuesday. "
            "Northwind Partners agreed in March to buy Contoso Ltd for $30.40 a share. In May, Northwind raised its "
            "offer for Contoso Ltd to $32.10 a share, but holders still said it undervalued the company.",
        ),
    )
    prices = [t for t in found.terms if t.measure == "price_per_share" and t.state == "stated"]
    assert any(t.revised for t in prices)


def test_a_share_move_belongs_to_the_company_not_the_exchange_it_traded_on() -> None:
    found = brief(
        (
            "move",
            "2024-07-01",
            "Northwind bid for Contoso\n\nNorthwind Inc made a $5 billion bid for Contoso Corp on Monday. "
            "Contoso was up $2.15, or 4.1 percent, at $54.60, on the New York Stock Exchange.",
        ),
    )
    moves = [g for g in found.amount_groups if g.measure == "market_move"]
    assert moves and {g.subject for g in moves} == {"Contoso Corp"}


def test_a_firm_still_to_be_bought_is_not_bought_and_one_that_struck_a_deal_has_agreed() -> None:
    found = brief(
        (
            "lbo",
            "2024-08-01",
            "Contoso buyout in doubt\n\nBanks are balking at the loans for the Contoso Corp buyout, a source said. "
            "Contoso Corp struck a deal in May to be bought by Northwind Partners for $31.70 a share.",
        ),
        (
            "other",
            "2024-08-02",
            "Litware sale\n\nLitware Ltd is to be acquired by Fabrikam Inc for $8.25 a share, the firms said.",
        ),
    )
    (contoso,) = groups_with(found, "$31.70")
    (litware,) = groups_with(found, "$8.25")
    assert contoso.stage == "agreed" and litware.stage != "completed"


def test_a_raised_bid_s_sum_is_the_deal_s_value_not_money_raised() -> None:
    found = brief(
        (
            "raised",
            "2024-09-01",
            "Contoso backs raised $7.3 bln bid\n\nContoso Corp said on Friday its board backed the raised buyout "
            "offer from Northwind Partners.",
        ),
    )
    (value,) = groups_with(found, "$7.3 bln")
    assert value.measure == "deal_value"


def test_the_sum_just_before_a_deal_to_build_something_is_the_deal_s_value() -> None:
    found = brief(
        (
            "grid",
            None,
            "Lawmakers threaten grid deal\n\nNorthwind Power could walk away from a $2bn (£1.1bn) deal to build "
            "a power grid in Ruritania after lawmakers cut its stake.",
        ),
    )
    assert {g.measure for g in groups_with(found, "$2bn") + groups_with(found, "£1.1bn")} == {"deal_value"}
