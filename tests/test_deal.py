"""The deal card proposed from the text alone: the seeds, and deals written for the test."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from builder.analyze import analyze
from builder.build import extract_json
from builder.config import Options
from builder.curation import empty_curation
from builder.extract import extract
from builder.model import Brief, DealProposal, Source
from builder.sources import load_sources
from builder.wording import Wording
from tests.conftest import ROOT


def proposal(folder: Path, articles: dict[str, str]) -> DealProposal:
    """The proposal for articles written into folder, each `name: text` with an optional first line date."""
    return analyze_folder(folder, articles).proposal


def dated(day: str, title: str, body: str) -> str:
    return f"---\ntitle: {title}\npublished: {day}\n---\n{title}\n\n{body}\n"


def one_article(folder: Path, day: str, title: str, body: str) -> DealProposal:
    """The proposal for one dated article."""
    return proposal(folder, {"wire": dated(day, title, body)})


def test_the_seeds_from_the_text_alone_are_an_announced_partnership_of_two_partners() -> None:
    deal = extract_json(Options(sources=ROOT / "data" / "sources", brief_file=None, cache=False))["deal"]
    sentences = {s.id: s.text for s in load_sources(ROOT / "data" / "sources", ROOT) for s in s.sentences}

    def cited(citations: list[dict[str, str]]) -> bool:
        return bool(citations) and all(c["text"] in sentences[c["sentence"]] for c in citations)

    assert deal["type"] == "partnership" and cited(deal["citations"]["type"])
    assert deal["status"] == "agreed" and cited(deal["citations"]["status"])
    assert deal["announced"] == "2024-07-24" and cited(deal["citations"]["announced"])
    assert [(p["name"], p["role"]) for p in deal["parties"]] == [
        ("Microsoft", "partner"),
        ("Lumen Technologies", "partner"),
    ]
    assert all(cited(p["citations"]) for p in deal["parties"])
    does = {p["name"]: p["does"]["text"] for p in deal["parties"]}
    assert "Lumen" in does["Microsoft"] and "Microsoft Azure" in does["Lumen Technologies"]
    assert deal["value"]["state"] == "not disclosed" and cited(deal["value"]["citations"])
    assert 3 <= len(deal["summary"]) <= 5 and all(cited(s["citations"]) for s in deal["summary"])
    assert deal["proposed"] == ["type", "status", "announced", "value", "summary"]


def test_an_agreed_purchase_names_buyer_target_value_and_day(tmp_path: Path) -> None:
    card = proposal(
        tmp_path,
        {
            "wire": dated(
                "2025-03-04",
                "Northwind to buy Contoso",
                "Northwind Traders agreed on Monday to buy Contoso Ltd for $4.2 billion in cash. "
                "Contoso's board backed the deal. Goldman Sachs is advising Contoso.",
            )
        },
    )
    assert card.type and card.type.value == "acquisition"
    assert card.status and card.status.value == "agreed"
    assert card.announced and card.announced.value == date(2025, 3, 3)
    assert card.value and (card.value.amount, card.value.unit) == (4_200_000_000, "USD")
    assert {(p.name, p.role) for p in card.parties} >= {("Northwind Traders", "acquirer"), ("Contoso Ltd", "target")}


def test_the_latest_source_sets_the_status(tmp_path: Path) -> None:
    card = proposal(
        tmp_path,
        {
            "a": dated(
                "2025-01-10", "Fabrikam bids for Tailspin", "Fabrikam Inc offered $900 million for Tailspin Toys."
            ),
            "b": dated(
                "2025-01-20",
                "Tailspin rebuffs Fabrikam",
                "Tailspin Toys rejected the takeover offer from Fabrikam Inc.",
            ),
        },
    )
    assert card.status and card.status.value == "rejected"
    assert card.status.citations[0].source == "b"


def test_talks_years_after_an_agreed_deal_are_the_deal_taken_up_again(tmp_path: Path) -> None:
    articles = {
        "a": dated("2021-03-01", "Fabrikam buys Tailspin", "Fabrikam Inc agreed to buy Tailspin Toys for $900m."),
        "b": dated(
            "2023-06-12",
            "Fabrikam nears Tailspin deal",
            "Fabrikam Inc is nearing an agreement to buy Tailspin Toys for $2 billion, people familiar with the "
            "matter said.",
        ),
    }
    card = proposal(tmp_path, articles)
    assert card.status and card.status.value in ("in talks", "rumoured")
    assert card.status.citations[0].source == "b"
    weeks = {**articles, "b": articles["b"].replace("2023-06-12", "2021-03-20")}
    card = proposal(tmp_path / "weeks", weeks)
    assert card.status and card.status.value == "agreed"  # talks weeks later revise the deal, they do not undo it


def test_in_a_sentence_that_hires_a_firm_the_buying_is_its_clients() -> None:
    """ "BHP has hired Merrill Lynch to explore the possibility of buying Alcan": Merrill advises, BHP would buy."""
    from builder.analyze.roles import RoleFinding, assign_roles
    from builder.model import Citation

    target, client, bank = 0, 1, 2
    opening = Citation(source="a", sentence="a-s2", text="has hired Merrill Lynch to explore buying Alcan")
    findings = [
        RoleFinding(target, "target", opening),
        RoleFinding(client, "acquirer", opening, other=target),
        RoleFinding(bank, "acquirer", opening, other=target),
        RoleFinding(bank, "adviser", opening),
    ]
    roles = {entity: role for entity, role, _ in assign_roles(findings).parties}
    assert roles == {target: "target", client: "acquirer", bank: "adviser"}


def test_a_deal_still_to_complete_is_not_completed(tmp_path: Path) -> None:
    card = proposal(
        tmp_path,
        {
            "vote": dated(
                "2025-09-29",
                "Fabrikam holders back Tailspin takeover",
                "Fabrikam Inc shareholders approved the agreed takeover of Tailspin Toys. All the steps needed to "
                "raise the financing and complete the deal had been taken, the company said.",
            )
        },
    )
    assert card.status and card.status.value == "agreed"


@pytest.mark.parametrize(
    ("text", "ended"),
    [
        ("Talks on the merger of Alpha Holdings and Beta Group collapsed on Wednesday.", True),
        ("Alpha Holdings denied a report that its merger with Beta Group had collapsed.", False),
        ("The buyers offered to terminate the merger with Beta Group on Monday.", False),
    ],
)
def test_only_a_deal_that_ended_is_terminated(tmp_path: Path, text: str, ended: bool) -> None:
    card = proposal(tmp_path, {"story": dated("2025-02-02", "Alpha and Beta", text)})
    assert (card.status is not None and card.status.value == "terminated") == ended


def test_no_sources_no_card() -> None:
    sources: list[Source] = []
    assert analyze(sources, [], empty_curation()).proposal == DealProposal()


def test_who_advises_is_asked_only_where_the_coverage_speaks_of_advisers(tmp_path: Path) -> None:
    body = "Northwind Traders agreed on Monday to buy Contoso Ltd for $4.2 billion in cash."
    quiet = analyze_folder(tmp_path / "quiet", {"wire": dated("2025-03-04", "Northwind to buy Contoso", body)})
    assert not [q for q in quiet.questions if q.kind == "party"]
    talk = body + " Contoso Ltd hired advisers to weigh the offer."
    asked = analyze_folder(tmp_path / "talk", {"wire": dated("2025-03-04", "Northwind to buy Contoso", talk)})
    (question,) = [q for q in asked.questions if q.kind == "party" and q.who == "adviser"]
    assert Wording(asked).question_text(question) == "Who advises Contoso Ltd?"
    seeds = extract_json(Options(sources=ROOT / "data" / "sources", brief_file=None, cache=False))
    assert not [q for q in seeds["questions"] if q["kind"] == "party"]


def analyze_folder(folder: Path, articles: dict[str, str]) -> Brief:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    sources = load_sources(folder, folder)
    return analyze(sources, [extract(s) for s in sources], empty_curation())


def test_a_name_one_source_reads_as_a_product_stays_a_company_that_others_name(tmp_path: Path) -> None:
    """A factbox writes "NTB" and once "NTB ROSA NTB.AS", which alone reads as NTB's product; the story
    that names the bank in full reads it as a company, and the bank keeps its full name."""
    brief = analyze_folder(
        tmp_path,
        {
            "factbox": dated(
                "2007-04-25",
                "Factbox - rival approach",
                "(Reuters) - The Netherlands' largest bank, NTB ROSA NTB.AS, received its second takeover "
                "proposal this week on Wednesday.\n\nThree banks led by Fabrikam Plc said their deal was worth "
                "39 euros per NTB share, or 13 percent more than an all-share offer from Contoso Plc that NTB "
                "agreed to on Monday.",
            ),
            "story": dated(
                "2007-04-23",
                "Contoso to buy NTB ROSA",
                "Contoso Plc has agreed to buy Dutch rival NTB ROSA for 67 billion euros. "
                "NTB ROSA said its board backed the deal.",
            ),
        },
    )
    assert "NTB ROSA" in {org.name for org in brief.organizations}
    assert ("NTB ROSA", "target") in {(p.name, p.role) for p in brief.proposal.parties}


def test_what_a_party_will_do_runs_past_full_stops_inside_words(tmp_path: Path) -> None:
    card = proposal(
        tmp_path,
        {
            "wire": dated(
                "2025-03-04",
                "Northwind to buy Contoso",
                "Northwind Traders agreed on Monday to buy Contoso Ltd for $4.2 billion in cash. "
                "Contoso Ltd will sell its U.S. unit to Fabrikam Inc for $1.5 billion in cash.",
            )
        },
    )
    does = {p.name: p.does.text for p in card.parties if p.does}
    assert does["Contoso Ltd"].endswith("will sell its U.S. unit to Fabrikam Inc for $1.5 billion in cash")


def test_the_cards_value_is_the_price_of_the_shares_not_the_value_including_debt(tmp_path: Path) -> None:
    """The later story heads "Acme to pay $2.5bn" and says "$2.5bn, including debt": the value of the deal
    on the card is the $2.1bn the other story gives for the shares."""
    card = proposal(
        tmp_path,
        {
            "wire": dated(
                "2025-03-03", "Acme agrees to buy Widget", "Acme agreed to buy Widget Corp for $2.1bn in cash."
            ),
            "daily": dated(
                "2025-03-04",
                "Acme to pay $2.5bn for Widget",
                "Acme will pay $2.5bn for Widget Corp, including debt, according to people familiar with the deal.",
            ),
        },
    )
    assert card.value and (card.value.amount, card.value.unit) == (2_100_000_000, "USD")


def test_the_value_of_the_firm_a_tie_up_would_create_is_not_the_deal_value(tmp_path: Path) -> None:
    card = proposal(
        tmp_path,
        {
            "talks": dated(
                "2025-02-03",
                "Fabrikam in talks for Tailspin stake",
                "Fabrikam Inc is in talks to buy a majority stake in Tailspin Toys. "
                "A tie-up between Fabrikam and Northwind would create the world's biggest toy maker, "
                "valued at $80bn.",
            )
        },
    )
    assert card.value is None or card.value.amount != 80_000_000_000


def test_who_would_buy_a_firm_s_division_or_a_percentage_of_it_is_the_acquirer(tmp_path: Path) -> None:
    card = proposal(
        tmp_path,
        {
            "put": dated(
                "2005-01-31",
                "Deadline nears for Fabrikam deal",
                "Fabrikam and Northwind Motors have until midnight to settle a dispute over a potential takeover. "
                "The deadline marks the point at which Fabrikam will gain the right to sell its car division to "
                "Northwind Motors. The pact dates back to Northwind Motors' decision to buy 20% of Fabrikam's "
                "car arm in 2000.",
            )
        },
    )
    assert ("Northwind Motors", "acquirer") in {(p.name, p.role) for p in card.parties}


def test_the_firm_talked_with_to_buy_a_label_sells_it_and_a_seller_after_from_is_no_target(tmp_path: Path) -> None:
    card = proposal(
        tmp_path,
        {
            "talks": dated(
                "2005-01-10",
                "US firm bids for label",
                "A US firm has said it is in final negotiations with luxury goods group Fabrikam SA to buy the "
                "loss-making Contoso Ltd fashion house. Northwind Group bought two cosmetics brands from "
                "Fabrikam SA in 2003.",
            )
        },
    )
    roles = {(p.name, p.role) for p in card.parties}
    assert ("Fabrikam SA", "acquirer") not in roles and ("Fabrikam SA", "target") not in roles
    assert ("Contoso Ltd", "target") in roles


def test_a_firm_that_has_sold_its_label_to_a_buyer_has_completed_the_sale(tmp_path: Path) -> None:
    card = proposal(
        tmp_path,
        {
            "sale": dated(
                "2005-01-12",
                "Label bought by US firm",
                "Luxury goods group Fabrikam SA has sold its loss-making Contoso Ltd clothing label to a US "
                "investment group for an unspecified sum.",
            )
        },
    )
    assert card.status and card.status.value == "completed"
    assert card.type and card.type.value == "sale"
    assert card.value and card.value.state == "not disclosed"


def test_a_stake_cut_by_a_share_sale_makes_no_stake_purchase(tmp_path: Path) -> None:
    card = proposal(
        tmp_path,
        {
            "put": dated(
                "2005-02-13",
                "Northwind pays to evade Fabrikam buyout",
                "Northwind Motors is to pay Fabrikam 1.5bn euros to get out of a deal which could have forced it "
                "to buy the car maker outright. Fabrikam's share sale cut Northwind's stake in half to 10%, and "
                "Northwind argued that halving its stake voided the deal. Northwind's stake had been 20%.",
            )
        },
    )
    assert card.type and card.type.value != "stake purchase"


def test_a_firm_s_investment_in_a_named_company_is_an_investment_not_a_partnership(tmp_path: Path) -> None:
    card = proposal(
        tmp_path,
        {
            "delay": dated(
                "2005-01-17",
                "Carmaker tie-up delayed",
                "Contoso Motors' proposed £800m investment in Northwind Cars is awaiting approval by regulators. "
                "A state-owned carmaker is in negotiations with Northwind Cars and Contoso Motors to take a 20% "
                "stake in the joint venture.",
            )
        },
    )
    assert card.type and card.type.value == "investment"
    assert {(p.name, p.role) for p in card.parties} >= {("Contoso Motors", "investor"), ("Northwind Cars", "target")}


def test_a_later_bidder_s_offer_replaces_an_agreed_deal_whose_bidders_it_never_names(tmp_path: Path) -> None:
    card = proposal(
        tmp_path,
        {
            "a": dated(
                "2025-05-01",
                "Tailspin accepts Fabrikam bid",
                "Tailspin Toys accepted a sweetened offer from Fabrikam Inc and its partner Northwind Capital.",
            ),
            "b": dated(
                "2026-02-11",
                "Tailspin to recommend Contoso bid",
                "Tailspin Toys said its directors would recommend Contoso Ltd's A$2.7 billion ($2.5 billion) bid "
                "if Contoso secures more than 50.1 percent of Tailspin. Contoso's offer is due to close on Friday.",
            ),
        },
    )
    assert card.status and card.status.value == "offer"
    assert {(p.name, p.role) for p in card.parties} == {("Tailspin Toys", "target"), ("Contoso Ltd", "acquirer")}


def test_a_bid_dropped_ends_the_deal_and_a_holder_who_will_not_weigh_a_bid_is_no_bidder(tmp_path: Path) -> None:
    card = proposal(
        tmp_path,
        {
            "a": dated(
                "2025-04-06",
                "Holder rejects bid",
                "The biggest shareholder, Anna Berg, would not consider a bid of less than 600 pence a share for "
                "Tailspin Toys. Fabrikam Inc put forward a bid of 550 pence a share for Tailspin Toys.",
            ),
            "b": dated(
                "2025-04-11",
                "Fabrikam drops plan",
                "Fabrikam Inc dropped its plans to bid for Tailspin Toys on Wednesday after the family's rejection.",
            ),
        },
    )
    assert card.status and card.status.value == "terminated"
    assert ("Anna Berg", "acquirer") not in {(p.name, p.role) for p in card.parties}


def test_tickers_after_names_and_the_passive_voice_name_the_parties_right(tmp_path: Path) -> None:
    """Wire copy sets a ticker after each name ("TXC Corp. TXC.N", where TXC is also the firm's short name):
    the ticker is no mention of the firm, so "TXC Corp. TXC.N has agreed to be acquired by Northwind and
    Contoso" makes TXC the target and both firms its buyers, not TXC a buyer; firms that "had left the
    bidding team" are no longer buyers."""
    card = proposal(
        tmp_path,
        {
            "wire": dated(
                "2007-02-26",
                "TXC agrees to buyout",
                "NEW YORK (Reuters) - Texas power company TXC Corp. TXC.N has agreed to be acquired by "
                "private equity firms Northwind Partners NWP.UL and Contoso Capital CTC.UL for $32 billion.\n\n"
                "Sources said buyout groups Tailspin Equity TSE.UL and Woodgrove Group WGG.UL had left the "
                "bidding team before the offer.\n\nA consortium of Northwind Partners NWP.UL, Tailspin Equity "
                "TSE.UL and Woodgrove Group WGG.UL had first approached TXC in January. TXC shares rose.",
            )
        },
    )
    roles = {(p.name, p.role) for p in card.parties}
    assert ("TXC Corp", "target") in roles and ("TXC Corp", "acquirer") not in roles
    assert {("Northwind Partners", "acquirer"), ("Contoso Capital", "acquirer")} <= roles
    assert not {name for name, role in roles if name in ("Tailspin Equity", "Woodgrove Group") and role == "acquirer"}


def test_figures_of_another_deal_are_that_deals(tmp_path: Path) -> None:
    """ "… a 13 percent premium offered by Fabrikam Energy Corp. for Cinergy Corp. in 2005. That deal, worth about
    $9 billion, was completed in 2006": the premium and the $9 billion are Cinergy's, not the brief's deal's."""
    brief = analyze_folder(
        tmp_path,
        {
            "wire": dated(
                "2007-02-26",
                "Northwind to buy TXC",
                "Northwind Partners agreed to buy TXC Corp for $32 billion, a 15 percent premium. The premium being "
                "paid for TXC compares with a 13 percent premium offered by power company Fabrikam Energy Corp. "
                "( FAB.N ) for Cinergy Corp. in 2005. That deal, worth about $9 billion, was completed in 2006.",
            )
        },
    )
    subjects = {a.text: a.subject for a in brief.amounts if a.measure in ("deal_value", "premium")}
    assert subjects == {
        "$32 billion": "TXC Corp",
        "15 percent": "TXC Corp",
        "13 percent": "Cinergy Corp",
        "$9 billion": "Cinergy Corp",
    }


def test_a_firm_that_will_buy_another_has_agreed_to(tmp_path: Path) -> None:
    card = proposal(
        tmp_path,
        {
            "wire": (
                "Northwind to buy majority of Contoso\n\nFRANKFURT (Reuters) - Private equity firm Northwind Partners "
                "will buy a majority of Fabrikam's struggling Contoso Group for $7.4 billion.\n"
            ),
            "earlier": (
                "Fabrikam weighs options\n\nFabrikam is considering the sale of its Contoso Group, people familiar "
                "with the matter said.\n"
            ),
        },
    )
    assert card.status is not None and card.status.value == "agreed"


def test_a_firm_offering_its_shares_for_each_share_of_another_bids_for_it(tmp_path: Path) -> None:
    card = one_article(
        tmp_path,
        "2025-05-06",
        "Northwind terms for Contoso",
        "Northwind Traders Plc ( NWT.L ) is offering 3.2 of its shares for every Contoso Ltd share in its "
        "bid for the Dutch retailer, a person close to the talks said.",
    )
    parties = {(p.name, p.role) for p in card.parties}
    assert parties == {("Northwind Traders Plc", "acquirer"), ("Contoso Ltd", "target")}


def test_a_takeover_deal_with_a_firm_is_agreed_and_makes_the_firm_the_target(tmp_path: Path) -> None:
    card = one_article(
        tmp_path,
        "2025-05-07",
        "Minister welcomes Northwind deal",
        "The trade minister gave his backing to Northwind Traders' takeover deal with Contoso Ltd on "
        "Saturday, calling it good news for shoppers.",
    )
    assert card.status is not None and card.status.value == "agreed"
    assert {(p.name, p.role) for p in card.parties} == {("Northwind Traders", "acquirer"), ("Contoso Ltd", "target")}


def test_a_friendly_bid_is_an_agreed_acquisition(tmp_path: Path) -> None:
    card = one_article(
        tmp_path,
        "2025-05-08",
        "Northwind bid for Contoso adds to empire",
        "The $3 billion friendly bid from Northwind Traders for Contoso Ltd would make the family the "
        "largest grocer in the country. Northwind Traders is the family's flagship.",
    )
    assert card.type is not None and card.type.value == "acquisition"
    assert card.status is not None and card.status.value == "agreed"


@pytest.mark.parametrize(
    "text",
    [
        "Fabrikam Inc made a hostile bid for Contoso Ltd on Monday. Fabrikam had preferred a friendly bid, its "
        "chairman said.",
        "Fabrikam Inc made a hostile bid for Contoso Ltd on Monday. A friendly takeover of Contoso is not going to "
        "happen, Fabrikam's chief executive said.",
        "Fabrikam Inc made a hostile bid for Contoso Ltd on Monday, weeks after its attempt at a friendly offer "
        "was spurned.",
    ],
)
def test_a_friendly_bid_wished_for_or_ruled_out_is_no_agreement(tmp_path: Path, text: str) -> None:
    card = proposal(tmp_path, {"wire": dated("2025-05-12", "Fabrikam goes hostile", text)})
    assert card.status is not None and card.status.value == "offer"


@pytest.mark.parametrize(
    "text",
    [
        "Contoso Ltd recommended a A$4.1 billion ($3 billion) bid by Northwind Traders on Friday, rejecting a rival "
        "bid by Fabrikam Inc.",
        "Fabrikam Inc raised its offer for Contoso Ltd on Monday to trump Northwind Traders' recommended offer. "
        "Fabrikam's first bid was rejected by the Contoso board in March.",
    ],
)
def test_a_bid_the_board_recommends_is_agreed_beside_a_rival_it_rejects(tmp_path: Path, text: str) -> None:
    card = proposal(tmp_path, {"wire": dated("2025-05-09", "Contoso bids", text)})
    assert card.status is not None and card.status.value == "agreed"


def test_a_parent_and_its_country_unit_keep_their_names_and_a_currency_prefix_is_no_party(tmp_path: Path) -> None:
    """ "Royal Dutch Shell … bid for … Shell Canada Ltd. … to C$8.7 billion … Shell said": the bare name is the
    parent's, and the C of C$ names nobody."""
    card = one_article(
        tmp_path,
        "2025-05-10",
        "Fabrikam sweetens Fabrikam Canada bid",
        "Fabrikam Holdings Plc has raised its bid for the 20 percent of Fabrikam Canada Ltd it does not own "
        "to C$5.1 billion, an offer endorsed by Fabrikam Canada's board. Fabrikam said it had increased the "
        "offer to C$30 in cash for each Fabrikam Canada share.",
    )
    assert {(p.name, p.role) for p in card.parties} == {
        ("Fabrikam Holdings Plc", "acquirer"),
        ("Fabrikam Canada Ltd", "target"),
    }


def test_a_bare_name_is_the_parent_whose_name_ends_with_it_not_its_country_unit(tmp_path: Path) -> None:
    card = one_article(
        tmp_path,
        "2025-05-11",
        "Parent raises bid for its Canadian unit",
        "Royal Dutch Fabrikam Plc ( RDF.L ) has raised its bid for the 20 percent of Fabrikam Canada Ltd. "
        "FCL.TO it does not own to C$5.1 billion. Fabrikam said on Tuesday it had increased its offer for "
        "Fabrikam Canada to C$30 a share. Fabrikam Canada's board endorsed the offer.",
    )
    roles = {p.role: p.name for p in card.parties}
    assert len(card.parties) == 2 and roles["target"] == "Fabrikam Canada Ltd"
    assert roles["acquirer"] in ("Fabrikam", "Royal Dutch Fabrikam Plc")


def test_a_period_for_other_bids_that_ended_does_not_end_the_deal(tmp_path: Path) -> None:
    card = proposal(
        tmp_path,
        {
            "agreed": dated(
                "2025-02-05",
                "Contoso agrees to Fabrikam takeover",
                "Contoso Ltd's board agreed to a $1.2 billion takeover by Fabrikam Inc on Monday.",
            ),
            "later": dated(
                "2025-03-20",
                "Contoso says window for rival offers has closed",
                "Contoso Ltd said the 45-day window for rival offers has ended with no other bid. Contoso's board "
                "agreed in February to a $1.2 billion takeover by Fabrikam Inc.",
            ),
        },
    )
    assert card.status is not None and card.status.value == "agreed"


def test_a_summary_sentence_is_quoted_without_its_wire_dateline(tmp_path: Path) -> None:
    card = one_article(
        tmp_path,
        "2025-03-04",
        "Northwind to buy Contoso",
        "LONDON, March 4 (Reuters) - Northwind Traders agreed on Monday to buy Contoso Ltd for $4.2 billion "
        "in cash, the companies said.\n\nThe deal gives Northwind Traders the largest fleet in Europe, and "
        "Contoso Ltd shareholders a premium of 30 percent.",
    )
    texts = [citation.text for citation in card.summary]
    assert texts[0].startswith("Northwind Traders agreed on Monday to buy Contoso Ltd")


def test_what_is_said_of_a_party_is_not_what_it_does(tmp_path: Path) -> None:
    card = one_article(
        tmp_path,
        "2025-03-04",
        "Northwind to buy Contoso",
        "Northwind Traders agreed on Monday to buy Contoso Ltd for $4.2 billion in cash. A holder said a "
        "merger with Northwind Traders would be a fabulous combination for both firms. Contoso Ltd will "
        "sell its U.S. unit to Fabrikam Inc for $1.5 billion in cash.",
    )
    does = {p.name: p.does.text for p in card.parties if p.does}
    assert "fabulous" not in does.get("Northwind Traders", "")
    assert does["Contoso Ltd"].endswith("will sell its U.S. unit to Fabrikam Inc for $1.5 billion in cash")


def test_a_firm_that_will_not_buy_or_a_gerund_s_clause_names_no_buyer(tmp_path: Path) -> None:
    card = one_article(
        tmp_path,
        "2025-03-04",
        "Northwind agrees to buy Contoso",
        "Northwind Traders agreed on Monday to buy Contoso Ltd for $4.2 billion in cash. Fabrikam Inc said it "
        "was not looking to buy Contoso Ltd. The market is led by Contoso Ltd and privately owned Litware "
        "Inc, and buying Contoso Ltd would give Northwind Traders a clear lead.",
    )
    assert {(p.name, p.role) for p in card.parties} == {("Northwind Traders", "acquirer"), ("Contoso Ltd", "target")}


def test_firms_in_talks_about_an_alliance_then_a_supply_deal_are_partners(tmp_path: Path) -> None:
    card = proposal(
        tmp_path,
        {
            "talks": dated(
                "2005-01-11",
                "Carmaker in link talks",
                "Contoso Motors is in talks with French carmaker Northwind Motors SA about a possible "
                "alliance. Analysts said alliances would be needed.",
            ),
            "deal": dated(
                "2005-02-02",
                "Supply deal boosts Contoso",
                "Contoso Motors has struck a deal to supply Northwind Motors SA with 20,000 vans. The two firms "
                "signed a memorandum of understanding.",
            ),
        },
    )
    assert card.type and card.type.value == "partnership"
    assert {(p.name, p.role) for p in card.parties} == {
        ("Contoso Motors", "partner"),
        ("Northwind Motors SA", "partner"),
    }


def test_a_party_selling_a_unit_of_its_own_does_not_settle_the_deal(tmp_path: Path) -> None:
    card = one_article(
        tmp_path,
        "2023-06-12",
        "Fabrikam nears Tailspin deal",
        "Fabrikam Inc is in talks to buy Tailspin Toys for $2 billion, people familiar with the matter said. "
        "Fabrikam has agreed to sell its budget brand Skyline to win approval for a merger.",
    )
    assert card.status and card.status.value != "agreed"


def test_the_value_is_the_one_told_beside_both_sides_not_a_party_s_other_deal(tmp_path: Path) -> None:
    card = proposal(
        tmp_path,
        {
            "bid": dated(
                "2025-02-01",
                "Fabrikam bids for Contoso",
                "Fabrikam Corp offered $44.6 billion for Contoso Inc in an unsolicited takeover bid.",
            ),
            "side": dated(
                "2025-02-12",
                "Contoso buys Litware",
                "Contoso Inc said on Tuesday it has bought Litware Inc for $160 million. Contoso announced the "
                "purchase as it considers a $42 billion unsolicited takeover offer from Fabrikam Corp.",
            ),
        },
    )
    assert card.value is not None and (card.value.amount, card.value.unit) == (42_000_000_000, "USD")


def test_an_agreed_private_equity_buyout_told_in_words_of_bids_is_an_acquisition(tmp_path: Path) -> None:
    card = one_article(
        tmp_path,
        "2025-12-19",
        "Fabrikam accepts $17 billion private equity bid",
        "Fabrikam Inc agreed to a takeover by private equity firms Contoso Partners and Litware Capital for $17 "
        "billion, after the buyout firms raised their bid and a rival's offer lapsed.",
    )
    assert card.type and card.type.value == "acquisition"


@pytest.mark.parametrize(
    ("day", "title", "body", "status"),
    [
        # "… figures from before the completion of the merger of A and B": the merger is not said to be done.
        pytest.param(
            "2025-05-05",
            "Biggest toy makers",
            "Fabrikam Inc has made a bid for Tailspin Toys, people close to the matter said. The ranking below "
            "uses 2024 sales and dates from before the completion of the merger of Alpha Toys and Beta Games.",
            "offer",
            id="a_completion_still_ahead_is_not_completed",
        ),
        pytest.param(
            "2025-02-14",
            "Tailspin backs Fabrikam bid",
            "Tailspin Toys recommended a C$2.1 billion ($1.6 billion) bid by Fabrikam Inc on Friday, "
            "rejecting a rival bid by Northwind Traders.",
            "agreed",
            id="a_board_recommending_a_priced_bid_and_rejecting_a_rival_has_agreed",
        ),
        pytest.param(
            "2025-05-09",
            "Contoso, Litware merger cleared",
            "Contoso and Litware received no objections from EU competition authorities for their proposed "
            "merger, they said on Friday.",
            "agreed",
            id="a_merger_that_regulators_cleared_is_agreed",
        ),
        pytest.param(
            "2005-02-01",
            "Unit buyer faces claim",
            "State-owned Contoso Energy bought the Northwind unit for $4.1bn in a sale forced by the "
            "government. Its former owner says it will ask Contoso Energy to repay a loan.",
            "completed",
            id="a_purchase_told_as_done_for_a_price_is_completed",
        ),
        pytest.param(
            "2025-05-14",
            "Merger seen likely to be approved",
            "A proposal by Northwind Air to buy Contoso Airlines is likely to be approved by regulators, a "
            'lawmaker said. "The pending merger puts fares at risk," another lawmaker said of Northwind Air\'s '
            "bid for Contoso Airlines.",
            "agreed",
            id="a_pending_merger_is_agreed",
        ),
        pytest.param(
            "2025-02-05",
            "Fabrikam accepts Acme bid",
            "Fabrikam Inc agreed to be bought by Acme Corp for $2 billion. Licensing will decide the time it will take "
            "to complete the deal. Acme will lend Fabrikam money until completion of the merger.",
            "agreed",
            id="a_completion_still_to_come_does_not_complete_the_deal",
        ),
        pytest.param(
            "2025-05-02",
            "Northwind bid for Contoso",
            "Northwind Traders launched a $12 billion bid for Contoso Ltd on Thursday. The bid has been "
            "unanimously recommended by Contoso's board.",
            "agreed",
            id="a_bid_its_target_s_board_recommended_is_agreed",
        ),
    ],
)
def test_the_status_one_article_states(tmp_path: Path, day: str, title: str, body: str, status: str) -> None:
    card = one_article(tmp_path, day, title, body)
    assert card.status is not None and card.status.value == status
