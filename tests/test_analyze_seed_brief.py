"""The Microsoft–Lumen brief as analysed from the three seed articles: groups, questions, timeline, parties."""

from __future__ import annotations

from builder.build import BuildResult
from builder.wording import Wording


def test_parties_and_roles(built: BuildResult) -> None:
    parties = {p.name: p for p in built.brief.deal.parties}
    assert set(parties) == {"Microsoft", "Lumen Technologies"}
    assert any("Private Connectivity Fabric" in role.text for role in parties["Microsoft"].roles)
    assert any("Azure" in role.text for role in parties["Lumen Technologies"].roles)
    assert all(role.citations for party in parties.values() for role in party.roles)


def test_people_with_titles(built: BuildResult) -> None:
    people = {p.name: p for p in built.brief.people}
    assert people["Kate Johnson"].title == "president and CEO"
    assert people["Kate Johnson"].organization == "Lumen Technologies"
    assert people["Erin Chapple"].title == "corporate vice president of Azure Core Product and Design"
    assert people["Erin Chapple"].organization == "Microsoft"


def test_other_organisations_are_mentioned_not_parties(built: BuildResult) -> None:
    orgs = {o.name: o for o in built.brief.organizations}
    for name in (
        "OpenAI",
        "Oracle",
        "Alphabet",
        "Google",
        "Amazon.com",
        "Inflection AI",
        "Zoom",
        "Amazon Web Services",
    ):
        assert name in orgs and not orgs[name].party, name
    assert "AWS" in orgs["Amazon Web Services"].aliases
    assert orgs["Lumen Technologies"].party and "Lumen" in orgs["Lumen Technologies"].aliases


def test_kate_johnson_quote_is_one_group_of_three_sources_with_the_variant(built: BuildResult) -> None:
    (group,) = [g for g in built.brief.quote_groups if g.text.startswith("Microsoft has an ambitious vision")]
    assert group.speaker == "Kate Johnson"
    assert set(group.support.sources) == {"newsng", "blog-2024-07-25", "converge360"}
    assert "make it a reality" in group.text
    differing = [v for v in group.variants if not v.identical]
    assert {v.source for v in differing} == {"blog-2024-07-25", "converge360"}
    assert all(any(p.op == "missing" and p.text == "a" for p in v.diff) for v in differing)


def test_chapple_quote_in_two_sources(built: BuildResult) -> None:
    (group,) = [g for g in built.brief.quote_groups if g.text.startswith("AI is reshaping")]
    assert group.speaker == "Erin Chapple"
    assert set(group.support.sources) == {"newsng", "blog-2024-07-25"}


def test_the_announcement_quote_joins_the_block_quotation_it_repeats(built: BuildResult) -> None:
    """converge360 quotes a sentence of the announcement that the blog gives whole, as a block quotation."""
    quotes = {q.source: q for q in built.brief.quotes if "AI-ready infrastructure" in q.text}
    assert set(quotes) == {"blog-2024-07-25", "converge360"}
    assert quotes["converge360"].speaker == "the announcement" and quotes["blog-2024-07-25"].speaker == "Microsoft"
    assert quotes["converge360"].group == quotes["blog-2024-07-25"].group


def test_the_companies_speak_as_the_two_parties(built: BuildResult) -> None:
    (group,) = [g for g in built.brief.quote_groups if g.text.startswith("Lumen will migrate and modernize")]
    assert group.speaker == "Microsoft and Lumen Technologies"


def test_the_20_million_figure_is_one_group_hedged_differently(built: BuildResult) -> None:
    (group,) = [g for g in built.brief.amount_groups if g.unit == "USD" and g.items[0].value == 20_000_000]
    assert group.verdict == "hedged"
    assert sorted((i.source, i.qualifier) for i in group.items) == [
        ("blog-2024-07-25", "more than"),
        ("converge360", "about"),
    ]
    assert {i.horizon for i in group.items} == {"over the next 12 months", "over the next year"}
    (conflict,) = [c for c in built.brief.conflicts if c.group == group.id]
    assert conflict.kind == "hedged-differently"


def test_financials_include_the_network_figures(built: BuildResult) -> None:
    texts = {item.text for group in built.brief.amount_groups for item in group.items}
    assert {"over 6 million miles", "under 5 milliseconds", "60 percent", "billions"} <= texts


def test_open_questions(built: BuildResult) -> None:
    questions = built.brief.questions
    undisclosed = [q for q in questions if q.kind == "undisclosed"]
    words = Wording(built.brief)
    assert [words.question_text(q) for q in undisclosed] == ["What is the deal worth?"]
    assert undisclosed[0].measure == "deal_value" and undisclosed[0].text is None
    assert undisclosed[0].citations[0].sentence == "converge360-s19"
    # The analyst already asks about Microsoft's investment, citing the sentence the builder would cite.
    assert not [q for q in undisclosed if q.measure == "financing"]
    # One cash-flow figure hedged two ways, capex and product specs: nothing a deal professional would ask.
    assert not [q for q in questions if q.kind in ("hedged", "single-source")]
    assert [q.kind for q in questions if q.kind == "timing"] == ["timing"]
    unnamed = [q for q in questions if q.kind == "unnamed"]
    assert unnamed and unnamed[0].citations[0].sentence == "newsng-s11"
    assert any(q.kind == "analyst" for q in questions)


def test_deal_terms(built: BuildResult) -> None:
    terms = {term.measure: term for term in built.brief.terms}
    assert list(terms) == ["deal_value", "financing", "earnings_effect"]
    value, investment, cash_flow = terms["deal_value"], terms["financing"], terms["earnings_effect"]
    assert value.state == "not disclosed" and [c.sentence for c in value.citations] == ["converge360-s19"]
    assert investment.state == "not disclosed" and investment.subject == "Microsoft"
    assert [(c.sentence, c.text) for c in investment.citations] == [("blog-2024-07-25-s8", "is investing with Lumen")]
    # "more than $20 million over the next 12 months" and "about $20 million over the next year": one term
    assert cash_flow.verdict == "hedged" and cash_flow.stage == "estimate" and cash_flow.subject == "Lumen Technologies"
    group = next(g for g in built.brief.amount_groups if g.id == cash_flow.group)
    assert {item.text for item in group.items} == {"more than $20 million", "about $20 million"}


def test_key_figures_are_deal_terms_only(built: BuildResult) -> None:
    overview = (built.project / "docs" / "index.md").read_text(encoding="utf-8")
    key = overview.split("## Key figures", 1)[1]
    assert "more than $20 million" in key and "about $20 million" in key
    assert "billions" not in key and "60 percent" not in key and "6 million miles" not in key
    terms = overview.split("## Deal terms", 1)[1].split("## Summary", 1)[0]
    assert terms.count("Not disclosed") >= 2  # the value and the investment, each said once, with its citation
    assert "converge360-s19" in terms and "blog-2024-07-25-s8" in terms


def test_timeline(built: BuildResult) -> None:
    events = {e.date: e for e in built.brief.timeline}
    assert "newsng-s3" in {c.sentence for c in events["2024-04"].citations}
    assert "converge360-s12" in {c.sentence for c in events["2024-06"].citations}
    announcement = events["2024-07-24"]
    # "this week unveiled a deal" is the announcement, not an event of its own
    assert {"newsng-s2", "converge360-s6", "converge360-s5"} <= {c.sentence for c in announcement.citations}
    assert not any(e.date.startswith("2024-07-22") for e in built.brief.timeline)
    # the blog's date is its metadata, not an event
    assert "2024-07-25" not in events and all(e.kind != "dateline" for e in built.brief.timeline)
    # the cash-flow horizon is one row, however each source's date places it
    (horizon,) = [e for e in built.brief.timeline if "/" in e.date]
    assert horizon.date == "2024-07/2025-07"
    assert {c.sentence for c in horizon.citations} == {"blog-2024-07-25-s19", "converge360-s17"}
    assert len(built.brief.timeline) == 4
    words = Wording(built.brief)
    assert events["2024-04"].counted_from_announcement
    assert words.event_note(events["2024-04"]) == (
        "“April” is read from the announcement on 24 July 2024, as Newsng is undated."
    )
    assert words.event_note(horizon) == (
        "“Over the next 12 months” is read from the date of blog-2024-07-25, 25 July 2024. "
        "“Over the next year” is read from the announcement on 24 July 2024, as Converge360 is undated."
    )
    assert words.event_note(announcement) is None


def test_built_date_comes_from_the_inputs(built: BuildResult) -> None:
    assert built.brief.built is not None and built.brief.built.isoformat() == "2024-07-25"
