"""The deal card from wire copy's own words: a price agreed, a buyout, the losing rivals and the lenders."""

from __future__ import annotations

from pathlib import Path

from tests.test_deal import dated, one_article, proposal


def test_a_buyer_that_agreed_to_pay_a_price_for_a_firm_has_agreed(tmp_path: Path) -> None:
    card = proposal(
        tmp_path,
        {
            "first": dated(
                "2025-03-01",
                "Fabrikam bids for Contoso",
                "Fabrikam Inc made a hostile $9 billion offer for Contoso Ltd, which Contoso rejected.",
            ),
            "later": dated(
                "2025-04-01",
                "Northwind tops Fabrikam bid",
                "SYDNEY (Reuters) - Northwind Traders said on Thursday it has agreed to pay $12 billion, or $40 "
                "per common share, for Contoso Ltd.\n\nThe deal tops the $9 billion offer from Fabrikam.",
            ),
        },
    )
    assert card.status is not None and card.status.value == "agreed"


def test_the_rivals_a_buyer_beat_out_are_no_party_and_the_banks_financing_it_are_financiers(tmp_path: Path) -> None:
    card = one_article(
        tmp_path,
        "2025-05-03",
        "Contoso buyout in trouble",
        "The $8 billion buyout of Contoso Ltd by Northwind Partners was in jeopardy on Tuesday, a source said. "
        "In March, Northwind Partners beat out a rival group including Fabrikam Capital and Tailspin Equity "
        "to buy Contoso Ltd. Banks that agreed to finance the deal include Woodgrove Bank ( WB.N ) and "
        "Litware Bank AG ( LWB.DE ).",
    )
    assert {(p.name, p.role) for p in card.parties} == {
        ("Contoso Ltd", "target"),
        ("Northwind Partners", "acquirer"),
        ("Woodgrove Bank", "financier"),
        ("Litware Bank AG", "financier"),
    }


def test_a_firm_that_signed_a_contract_for_the_venture_has_agreed(tmp_path: Path) -> None:
    card = proposal(
        tmp_path,
        {
            "story": (
                "Lawmakers threaten Northwind venture\n\nNorthwind Telecom could quit a $2bn project to build a "
                "power grid in Ruritania after lawmakers cut its stake.\n\nMost towns have no grid at all. "
                "Northwind signed a contract for the new grid in May. Lawmakers will vote on the cut on Friday.\n"
            )
        },
    )
    assert card.status is not None and card.status.value == "agreed"


def test_the_bidder_whose_offer_a_deal_tops_is_no_party_to_it(tmp_path: Path) -> None:
    card = one_article(
        tmp_path,
        "2025-05-04",
        "Northwind launches $12 billion bid for Contoso",
        "Northwind Traders said on Thursday it has agreed to pay $12 billion for Contoso Ltd. The deal, backed by "
        "Contoso's board, tops a $9 billion offer from Fabrikam Inc.",
    )
    assert {(p.name, p.role) for p in card.parties} == {("Northwind Traders", "acquirer"), ("Contoso Ltd", "target")}


def test_a_firm_that_agreed_to_pay_a_sum_for_another_is_its_acquirer(tmp_path: Path) -> None:
    card = one_article(
        tmp_path,
        "2025-05-05",
        "Northwind agrees Contoso deal",
        "Northwind Traders said on Thursday it has agreed to pay $12 billion, or $40 a share, for Contoso Ltd.",
    )
    assert {(p.name, p.role) for p in card.parties} == {("Northwind Traders", "acquirer"), ("Contoso Ltd", "target")}


def test_the_holder_of_a_stake_in_a_new_venture_invests_in_it(tmp_path: Path) -> None:
    card = proposal(
        tmp_path,
        {
            "story": (
                "Grid venture at risk\n\nLawmakers voted to cut Northwind Power's stake in Ruritania Grid from 70% "
                "to 49%. Observers said Northwind Power was set to pull out of the $2bn deal.\n"
            )
        },
    )
    assert {(p.name, p.role) for p in card.parties} == {("Northwind Power", "investor"), ("Ruritania Grid", "target")}
    assert card.value is not None and card.value.amount == 2_000_000_000
