"""Deal terms across sources: one figure told alike, conversions at different rates, revisions as history,
market moves kept apart, and terms the sources say were not disclosed."""

from __future__ import annotations

from datetime import date

from builder.analyze import analyze
from builder.analyze.terms import deal_value
from builder.curation import empty_curation
from builder.extract import extract
from builder.model import AmountGroup, Brief, SourceMeta, Term
from builder.sources import RawSource, split_source


def brief(*articles: tuple[str, str | None, str]) -> Brief:
    """A brief of articles given as (id, ISO date or None, text whose first line is the headline)."""
    sources = [
        split_source(
            RawSource(
                name,
                f"{name}.txt",
                SourceMeta(title=text.splitlines()[0], published=date.fromisoformat(day) if day else None),
                text,
                "",
            )
        )
        for name, day, text in articles
    ]
    return analyze(sources, [extract(source) for source in sources], empty_curation())


def groups_with(found: Brief, text: str) -> list[AmountGroup]:
    return [g for g in found.amount_groups if any(item.text.endswith(text) for item in g.items)]


def term(found: Brief, measure: str) -> Term:
    (chosen,) = [t for t in found.terms if t.measure == measure and t.state == "stated"][:1]
    return chosen


def test_a_figure_converted_at_different_rates_is_one_figure_with_a_conversion_discrepancy() -> None:
    found = brief(
        ("first", None, "Fosters bids for Southcorp\n\nFosters has offered A$3.1bn ($2.4bn; £1.25bn) for Southcorp."),
        (
            "second",
            None,
            "Southcorp rejects bid\n\nSouthcorp has rejected a takeover offer worth 3.1bn Australian dollars "
            "($2.3bn; £1.8bn) from Fosters.",
        ),
    )
    (group,) = groups_with(found, "A$3.1bn")
    assert {item.text for item in group.items} == {"A$3.1bn", "3.1bn Australian dollars"}
    assert {item.text for item in group.conversions} == {"$2.4bn", "£1.25bn", "$2.3bn", "£1.8bn"}
    discrepancies = [c for c in found.conflicts if c.kind == "conversion-discrepancy"]
    assert sorted(sorted(item.text for item in c.items) for c in discrepancies) == [
        ["$2.3bn", "$2.4bn"],
        ["£1.25bn", "£1.8bn"],
    ]
    pounds = next(c for c in discrepancies if any(item.unit == "GBP" for item in c.items))
    assert sorted(rate.rate for rate in pounds.rates) == [0.4032, 0.5806]
    assert not [c for c in found.conflicts if c.kind == "conflict"]


def test_talks_up_to_one_sum_then_an_agreed_price_is_a_revision_not_a_conflict() -> None:
    found = brief(
        (
            "talks",
            "2024-01-02",
            "Acme in talks for Widget Corp\n\nAcme is in talks to buy Widget Corp in a deal worth up to $3.2 billion, "
            "people familiar with the matter said.",
        ),
        (
            "agreed",
            "2024-01-20",
            "Acme agrees to buy Widget Corp\n\nAcme has agreed to buy Widget Corp for $2.6 billion.",
        ),
    )
    value = deal_value(found.terms)
    assert value is not None and value.revised and value.text == "$2.6 billion" and value.stage == "agreed"
    assert [v.text for v in value.history] == ["up to $3.2 billion"]
    assert not [c for c in found.conflicts if c.kind == "conflict"]


def test_the_same_offer_at_two_prices_the_same_week_is_a_conflict() -> None:
    found = brief(
        (
            "wire",
            "2024-03-03",
            "Acme buys Widget Corp\n\nAcme has agreed to buy Widget Corp for $2.1bn, the companies said.",
        ),
        ("daily", "2024-03-04", "Acme buys Widget Corp\n\nAcme has agreed to buy Widget Corp for $2.5bn."),
    )
    (conflict,) = [c for c in found.conflicts if c.kind == "conflict"]
    assert {item.text for item in conflict.items} == {"$2.1bn", "$2.5bn"}
    assert term(found, "deal_value").verdict == "conflict"


def test_market_moves_on_different_days_are_neither_merged_nor_flagged() -> None:
    found = brief(
        ("monday", "2024-01-01", "Widget Corp shares jump\n\nWidget Corp shares rose 5 percent on the news."),
        ("friday", "2024-01-05", "Widget Corp shares jump again\n\nWidget Corp shares rose 5 percent on Friday."),
        ("later", "2024-01-09", "Widget Corp shares slide\n\nWidget Corp shares fell 7 percent."),
    )
    moves = [g for g in found.amount_groups if g.measure == "market_move"]
    assert len(moves) == 3 and all(len(g.items) == 1 for g in moves)
    assert not found.conflicts


def test_the_same_figure_in_other_words_is_one_group() -> None:
    found = brief(
        ("one", None, "Acme deal\n\nAcme agreed to pay $2.6 billion for Widget Corp."),
        ("two", None, "Shareholders back deal\n\nThe $2.6 billion takeover of Widget Corp was backed by shareholders."),
    )
    (group,) = groups_with(found, "$2.6 billion")
    assert group.support.sources == ("one", "two") and group.verdict == "agree"


def test_an_articles_headline_and_body_are_one_source() -> None:
    found = brief(
        ("wire", None, "Acme to buy Widget Corp for $2.6bn\n\nAcme agreed to buy Widget Corp for $2.6 billion.")
    )
    (group,) = groups_with(found, "$2.6bn")
    assert len(group.items) == 2 and group.support.sources == ("wire",) and group.verdict == "single"


def test_a_term_not_disclosed_is_a_term_with_its_citation() -> None:
    found = brief(
        ("wire", None, "Acme buys Widget Corp\n\nAcme bought Widget Corp.\n\nFinancial terms were not disclosed.")
    )
    value = deal_value(found.terms)
    assert value is not None and value.state == "not disclosed" and value.verdict == "not disclosed"
    (citation,) = value.citations
    assert citation.sentence == "wire-s3" and citation.text == "Financial terms were not disclosed"
    assert any(q.kind == "undisclosed" and q.measure == "deal_value" for q in found.questions)


def test_a_unit_sold_alongside_the_deal_is_its_own_subject() -> None:
    found = brief(
        (
            "first",
            "2007-04-23",
            "Barclays agrees to buy ABN\n\nBarclays agreed to buy Dutch rival ABN AMRO AAH.AS for about 67 billion "
            "euros. ABN will sell its Chicago-based U.S. bank LaSalle to Bank of America ( BAC.N ) for $21 billion.",
        ),
        (
            "second",
            "2007-04-25",
            "RBS group bids for ABN\n\nThe group offered 39 euros a share for ABN, provided the Dutch bank scraps its "
            "planned $21 billion sale of U.S. unit LaSalle Bank to Bank of America.",
        ),
    )
    (lasalle,) = groups_with(found, "$21 billion")
    assert lasalle.subject == "LaSalle Bank" and len(lasalle.items) == 2
    assert {t.subject for t in found.terms if t.measure == "deal_value"} >= {"ABN AMRO"}
    value = next(t for t in found.terms if t.measure == "deal_value" and t.subject == "ABN AMRO")
    assert value.text == "about 67 billion euros"


def test_conversions_of_figures_that_disagree_at_one_rate_are_no_discrepancy() -> None:
    found = brief(
        ("wire", "2025-03-03", "Acme to buy Widget\n\nAcme agreed to buy Widget Corp for $2.1bn (£1.7bn) in cash."),
        ("daily", "2025-03-04", "Acme to pay more\n\nAcme agreed to pay $2.5bn (£2bn) for Widget Corp in cash."),
    )
    assert [c.kind for c in found.conflicts] == ["conflict"]


def test_the_offer_of_a_bidder_that_withdrew_is_history_not_the_value() -> None:
    found = brief(
        (
            "story",
            None,
            "Sumitomo quits UFJ battle\n\nSumitomo Mitsui Financial has withdrawn its takeover offer for rival bank "
            "UFJ Holdings, enabling the latter to merge with Mitsubishi Tokyo Financial Group. UFJ can now conclude "
            "a 3 trillion yen deal with Mitsubishi Tokyo Financial Group. Sumitomo Mitsui Financial had tabled a "
            "higher offer for UFJ Holdings, valuing the company at 4 trillion yen.",
        ),
    )
    value = next(t for t in found.terms if t.measure == "deal_value")
    assert value.text == "3 trillion yen"


def test_a_signing_still_to_come_is_not_an_agreed_term() -> None:
    found = brief(
        (
            "story",
            None,
            "Carmaker deal near\n\nNorthwind bosses have said they are confident the £800m investment deal "
            "with Contoso Motors would be signed in March.",
        )
    )
    (amount,) = [a for a in found.amounts if a.text == "£800m"]
    assert amount.stage != "agreed"


def test_an_investment_in_a_named_company_is_the_deal_s_value() -> None:
    found = brief(
        (
            "story",
            None,
            "Carmaker tie-up delayed\n\nContoso Motors' proposed £800m investment in Northwind is awaiting "
            "approval by its owner.",
        )
    )
    (amount,) = [a for a in found.amounts if a.text == "£800m"]
    assert amount.measure == "deal_value"


def test_a_sum_a_firm_is_to_pay_is_agreed_and_one_it_is_thought_to_offer_a_rumour() -> None:
    found = brief(
        (
            "talks",
            None,
            "Deadline nears\n\nThe US firm is thought to be offering about $900m to end the arrangement.",
        ),
        ("deal", None, "Northwind pays out\n\nNorthwind is to pay Contoso 700m euros to get out of the deal."),
    )
    offered = next(a for a in found.amounts if a.text == "$900m")
    paid = next(a for a in found.amounts if a.text == "700m euros")
    assert (offered.measure, offered.stage) == ("deal_value", "rumour")
    assert (paid.measure, paid.stage) == ("deal_value", "agreed")


def test_a_conversion_rounded_to_a_whole_number_is_no_discrepancy() -> None:
    found = brief(
        (
            "wire",
            "2025-03-03",
            "Acme bids $4 bln for Widget\n\nAcme offered 230 crowns per share, valuing Widget at 27.7 billion "
            "Swedish crowns ($3.98 billion). Acme's bid of 10.1 billion pounds ($19.9 billion) for Gadget stands.",
        ),
        (
            "factbox",
            "2025-03-04",
            "FACTBOX-Bids\n\nAcme offered 27.7 billion Swedish crowns ($4 billion) for Widget. Acme's bid of "
            "10.1 billion pounds ($20 billion) for Gadget stands.",
        ),
        (
            "daily",
            "2025-03-05",
            "Widget weighs bid\n\nWidget is weighing a $4 billion offer from Acme.",
        ),
    )
    assert [c for c in found.conflicts if c.kind == "conversion-discrepancy"] == []
    (precise,) = [
        c
        for c in brief(
            ("one", "2025-03-03", "Acme bids\n\nAcme offered 27.7 billion Swedish crowns ($3.98 billion) for Widget."),
            ("two", "2025-03-04", "Acme bids\n\nAcme offered 27.7 billion Swedish crowns ($3.91 billion) for Widget."),
        ).conflicts
        if c.kind == "conversion-discrepancy"
    ]
    assert {item.text for item in precise.items} == {"$3.98 billion", "$3.91 billion"}


def test_a_region_word_before_a_target_s_description_is_not_the_subject() -> None:
    found = brief(
        (
            "wire",
            "2025-08-17",
            "Acme bids for Nordix\n\nAcme Bourse launched a $4 billion cash offer for Nordic exchange owner Nordix "
            "on Friday. Nordix said it was studying the bid.",
        ),
    )
    (group,) = groups_with(found, "$4 billion")
    assert group.subject == "Nordix"
    found = brief(
        (
            "wire",
            "2025-04-05",
            "Fabrikam quits group\n\nFabrikam, which has launched a 10 billion pounds bid for Britain's largest "
            "pharmacy group Alliance Tonic, quit the bidding group on Thursday.",
        ),
    )
    (group,) = groups_with(found, "10 billion pounds")
    assert group.subject == "Alliance Tonic"


def test_a_bidder_s_possessive_before_a_converted_sum_is_the_bid_s_party() -> None:
    found = brief(
        (
            "wire",
            "2025-02-11",
            "Tailspin to recommend bid\n\nTailspin Toys said its directors would recommend Contoso Ltd's "
            "A$2.7 billion ($2.5 billion) bid if Contoso secures more than 50.1 percent of Tailspin. "
            "Contoso Ltd's offer for Tailspin Toys is due to close on February 21.",
        ),
    )
    (group,) = groups_with(found, "A$2.7 billion")
    assert group.party == "Contoso Ltd"


def test_a_bid_a_newspaper_reports_being_prepared_is_a_rumour() -> None:
    found = brief(
        (
            "wire",
            "2007-04-09",
            "Contoso shares up on buyout talk\n\nNEW YORK (Reuters) - Contoso Chemical Co. ( CTS.N ) shares jumped "
            "4.5 percent on Monday following a British tabloid report that a consortium was preparing a $50 billion "
            "bid for the company.",
        ),
    )
    (bid,) = [a for a in found.amounts if a.text == "$50 billion"]
    assert (bid.measure, bid.stage) == ("deal_value", "rumour")
    assert found.proposal.status is not None and found.proposal.status.value == "rumoured"


def test_a_name_that_ends_its_sentence_takes_no_role_from_the_next() -> None:
    """ "… offer from software maker Microsoft Corp. Yahoo rejected the bid": Yahoo rejects it, not Microsoft."""
    found = brief(
        (
            "wire",
            "2008-02-12",
            "Fabrikam buys Maven\n\nFabrikam Inc agreed to buy Maven Networks Inc for about $160 million. Fabrikam "
            "announced the deal as it considers a $42 billion unsolicited takeover offer from software maker "
            "Contoso Corp. Fabrikam rejected the bid as too low.",
        ),
    )
    (offer,) = [a for a in found.amounts if a.text == "$42 billion"]
    assert offer.subject == "Fabrikam Inc"


def test_figures_of_another_deal_told_for_comparison_are_that_deal_s() -> None:
    found = brief(
        (
            "wire",
            "2007-05-04",
            "Acme receives approach\n\nAcme Corp said it had received a takeover approach from Fabrikam Inc. "
            "Last week Northwind Traders made a $5 billion bid for Daily Ledger owner Contoso Media Inc. "
            "That $60-a-share bid was a 65 percent premium to Contoso Media's closing price on Monday. "
            "Acme shares rose 20 percent to 650 pence, valuing the company at about 8.2 billion pounds.",
        ),
    )
    subjects = {g.items[0].text: (g.measure, g.subject) for g in found.amount_groups}
    assert subjects["$5 billion"] == ("deal_value", "Contoso Media Inc")
    assert subjects["$60"] == ("price_per_share", "Contoso Media Inc")
    assert subjects["65 percent"] == ("premium", "Contoso Media Inc")
    assert subjects["about 8.2 billion pounds"] == ("market_value", "Acme Corp")


def test_worded_terms_are_read_where_the_sources_state_them_not_where_they_doubt_them() -> None:
    found = brief(
        (
            "wire",
            "2025-03-03",
            "Acme to buy Widget\n\nAcme agreed to buy Widget Corp in an all-cash deal. The deal is expected to close "
            "by the end of the year, subject to shareholder approval.",
        ),
        (
            "daily",
            "2025-03-04",
            "Widget deal\n\nOne banker said Fabrikam was unlikely to be able to pay for a rival deal fully in shares.",
        ),
    )
    worded = {(t.measure, t.text) for t in found.terms if t.measure in ("consideration", "timing", "conditions")}
    assert worded == {
        ("consideration", "cash"),
        ("timing", "by the end of the year"),
        ("conditions", "shareholder approval"),
    }


def test_a_question_two_sources_raise_alike_is_asked_once_with_both_sentences() -> None:
    story = (
        "Acme receives approach\n\nAcme Corp said it had received a takeover approach. Acme did not name its "
        "suitor, while Fabrikam Inc had no comment. Analysts said a bid could top $5 billion."
    )
    found = brief(("first", "2025-03-03", story), ("again", "2025-03-04", story))
    asked = [q for q in found.questions if q.kind in ("undisclosed", "unnamed")]
    assert len(asked) == len({(q.kind, q.about, q.who) for q in asked})
    assert all({c.source for c in q.citations} == {"first", "again"} for q in asked)
    (suitor,) = [q for q in asked if q.kind == "undisclosed"]
    assert (suitor.about, suitor.who) == ("name its suitor", "Acme")


def test_claims_one_source_puts_to_the_same_unnamed_people_ask_one_question() -> None:
    found = brief(
        (
            "wire",
            "2025-03-03",
            "Acme receives approach\n\nAcme Corp said it had received a takeover approach. Analysts said a bid could "
            "top $5 billion. Other analysts said a buyer could pay up to 750 pence a share. Traders said the shares "
            "would stay high.",
        ),
    )
    asked = {q.who: len(q.citations) for q in found.questions if q.kind == "unnamed"}
    assert asked == {"Analysts": 2, "Traders": 1}


def test_a_rival_named_after_a_raised_bid_is_not_its_bidder_and_a_side_deal_is_its_own() -> None:
    found = brief(
        (
            "wire",
            "2007-05-07",
            "Northwind raises offer for Contoso\n\nNorthwind Bank Ltd. NWB.AX raised its offer for energy firm Contoso "
            "Ltd. CTS.AX to at least A$7.9 billion on Monday, to trump rival Fabrikam Ltd.'s recommended offer. "
            "Litware said it had agreed to pay Northwind A$345 million to acquire the 67 percent of ContosoGas it does "
            "not already own.",
        ),
    )
    groups = {g.items[0].text: g for g in found.amount_groups}
    assert (groups["at least A$7.9 billion"].subject, groups["at least A$7.9 billion"].party) == (
        "Contoso Ltd",
        "Northwind Bank Ltd",
    )
    assert groups["A$345 million"].subject == "ContosoGas"


def test_a_target_the_sources_call_by_a_short_name_is_one_subject_under_its_full_name() -> None:
    found = brief(
        (
            "first",
            "2013-07-15",
            "Northwind to buy Contoso\n\nNorthwind Stores Ltd agreed to buy Contoso Drug Mart Corp for C$12.4 billion. "
            "Contoso shareholders will get C$33.18 a share in cash and stock.",
        ),
        (
            "second",
            "2013-07-16",
            "Northwind buys Contoso\n\nNorthwind agreed to pay C$12.4 billion for Contoso.",
        ),
    )
    (value,) = [g for g in found.amount_groups if g.items[0].text == "C$12.4 billion"]
    assert value.subject == "Contoso Drug Mart Corp" and len(value.items) == 2


def test_a_unit_sold_for_less_than_a_sum_is_sold_and_no_revision_of_its_price() -> None:
    found = brief(
        (
            "sold",
            None,
            "Minister attacks sale\n\nThe unit had been seized and sold in December for less than $5bn to a "
            "little-known firm.",
        ),
        ("loan", None, "Buyer faces claim\n\nNorthwind bought the unit for $4.6bn in a forced sale."),
    )
    bound = next(a for a in found.amounts if a.text == "$5bn")
    assert (bound.measure, bound.stage) == ("deal_value", "completed")
    assert not any(t.revised for t in found.terms)


def test_prices_hoped_for_traded_at_or_set_off_by_a_condition_are_no_offer() -> None:
    found = brief(
        (
            "analysis",
            None,
            "Fast money moves in\n\nAcme Corp has made a $20 billion hostile bid for Fabrikam Inc, or $60 a share. "
            "A poll showed investors think Acme could succeed with a higher bid of $80 a share, while many "
            "analysts regard $75 as a winning offer. Fabrikam's rights plan would let holders buy stock at a "
            'discount if a single investor bought a 20 percent stake in the company. "There are traders who '
            "bought at $62 and will sell at $70, but that's not everybody,\" one fund manager said.",
        ),
    )
    stage = {a.text: (a.measure, a.stage) for a in found.amounts}
    assert stage["$80"] == ("price_per_share", "estimate")
    assert stage["$75"] == ("price_per_share", "estimate")
    assert stage["20 percent"][1] is None
    assert stage["$62"][0] == stage["$70"][0] == "market_move"
    assert term(found, "deal_value").text == "$20 billion"
    assert term(found, "price_per_share").text == "$60"


def test_a_deal_taken_up_again_years_later_at_twice_the_price_is_a_revision() -> None:
    found = brief(
        ("first", "2010-04-26", "Acme buys Fabrikam\n\nAcme agreed to buy Fabrikam for $1.2 billion, or $41 a share."),
        (
            "again",
            "2012-08-25",
            "Acme nears Fabrikam deal\n\nAcme is in talks to buy Fabrikam for $2.5 billion, or $87.50 a share, "
            "people familiar with the matter said.",
        ),
    )
    assert term(found, "deal_value").revised
    assert term(found, "price_per_share").revised


def test_a_question_links_once_to_the_figures_behind_it() -> None:
    from builder.render import render_pages

    found = brief(
        ("first", "2025-01-06", "Acme bids\n\nAcme Corp offered $40 a share for Fabrikam Inc."),
        ("later", "2025-02-20", "Acme and Fabrikam agree\n\nAcme Corp agreed to buy Fabrikam Inc for $45 a share."),
    )
    page = render_pages(found).files["docs/questions.md"]
    revised = next(block for block in page.split('<div class="question') if "Why did" in block)
    assert revised.count("financials.md#") == 1 and "[See the figures.]" in revised


def test_a_price_supposed_to_see_what_it_gives_is_an_estimate() -> None:
    found = brief(
        (
            "calc",
            None,
            "Acme nears Fabrikam deal\n\nAcme Corp agreed to pay between $69 and $70 a share for Fabrikam Inc. "
            "At $69.50 per share, Fabrikam would be worth about $32 billion.",
        ),
    )
    supposed = next(a for a in found.amounts if a.text == "$69.50")
    assert (supposed.measure, supposed.stage) == ("price_per_share", "estimate")


def test_a_deal_to_buy_a_stake_in_a_firm_is_that_firm_s() -> None:
    found = brief(
        (
            "side",
            None,
            "Acme bids for Fabrikam\n\nAcme Corp offered $31 a share for Fabrikam Inc. As part of its $1 billion deal "
            "to buy a 5 percent stake in Litware, Contoso has an option to sell the stake back.",
        ),
    )
    side = next(a for a in found.amounts if a.text == "$1 billion")
    assert side.subject == "Litware"


def test_a_market_move_told_again_word_for_word_the_next_day_is_one_figure() -> None:
    found = brief(
        (
            "monday",
            "2025-02-05",
            "Acme bids\n\nAcme Corp offered $36 a share for Fabrikam Inc. "
            "Fabrikam shares rose $4.22, or 12 percent, to $38.89 on the New York Stock Exchange.",
        ),
        (
            "tuesday",
            "2025-02-06",
            "Fabrikam weighs bid\n\nFabrikam Inc said it would weigh the offer from Acme Corp. "
            "On Monday Fabrikam shares rose $4.22, or 12 percent, to $38.89 on the New York Stock Exchange.",
        ),
        ("friday", "2025-02-09", "Fabrikam holds\n\nFabrikam shares rose 12 percent to $40.10 on Friday."),
    )
    [price] = groups_with(found, "$38.89")
    assert len(price.items) == 2  # Monday's move, told again on Tuesday
    assert sorted(len(g.items) for g in groups_with(found, "12 percent")) == [1, 2]  # Friday's is another move


def test_a_value_that_moved_while_the_price_stood_asks_about_both_values() -> None:
    found = brief(
        ("offer", "2025-02-05", "Acme bids\n\nAcme Corp offered $40 a share, or $2 billion, for Fabrikam Inc."),
        (
            "deal",
            "2025-03-27",
            "Fabrikam agrees\n\nFabrikam Inc agreed to a $2.5 billion, $40-per-share, takeover by Acme Corp.",
        ),
    )
    [asked] = [q for q in found.questions if q.kind == "conflict"]
    assert sorted(item.text for item in asked.items) == ["$2 billion", "$2.5 billion"]
