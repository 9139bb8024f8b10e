"""Analyse the facts of all sources together, with the analyst's curation, into a Brief."""

from __future__ import annotations

from collections.abc import Sequence

from builder import __version__
from builder.analyze.amounts import amount_groups
from builder.analyze.card import deal_card
from builder.analyze.consistency import against_the_price
from builder.analyze.deal import propose_deal
from builder.analyze.entities import mark_parties, merge_organizations_across, merge_people
from builder.analyze.fact_edits import apply_fact_edits, pool_facts
from builder.analyze.figures import read_figures
from builder.analyze.mentions import brief_names
from builder.analyze.party_questions import party_questions
from builder.analyze.questions import open_questions
from builder.analyze.quotes import quote_groups
from builder.analyze.stated import stated_terms
from builder.analyze.terms import figure_terms, order_terms
from builder.analyze.timeline import anchor_undated, build_timeline
from builder.config import Paper
from builder.curation import LoadedCuration
from builder.errors import BriefError
from builder.model import Amount, Brief, PrintSettings, Source, SourceFacts, SourceNote, Stats

__all__ = ["analyze", "built_date"]


def analyze(
    sources: Sequence[Source], extracted: Sequence[SourceFacts], loaded: LoadedCuration, paper: Paper | None = None
) -> Brief:
    """Compare the sources, apply the curation and return the brief every page is rendered from.

    paper is the resolved paper size of the PDF, when the command line chose one over brief.yaml's.
    """
    by_id = {source.id: source for source in sources}
    curation = loaded.curation
    facts, problems = apply_fact_edits(pool_facts(extracted), loaded, sources)
    problems.extend(_mixed_merges(loaded, facts.quotes, facts.amounts))
    if problems:
        raise BriefError(problems)
    organizations = merge_organizations_across(extracted, curation, by_id)
    people = merge_people(extracted, by_id)
    proposal = propose_deal(sources, organizations, people, facts.amounts, facts.dates, facts.disclosures)
    deal = deal_card(loaded, proposal, by_id, organizations)
    organizations = mark_parties(organizations, [party.name for party in deal.parties])
    party_names = [party.name for party in deal.parties]
    groups_of_quotes, quotes = quote_groups(facts.quotes, sources, party_names, facts.merges, facts.notes)
    figure_sentences = _figure_sentences(sources, facts.amounts)
    names = brief_names(organizations, people, party_names, sources, figure_sentences)
    figures = read_figures(facts.amounts, by_id, names)
    groups_of_amounts, conflicts, amounts = amount_groups(figures, sources, facts.merges, facts.notes)
    terms = order_terms(
        [
            *figure_terms(groups_of_amounts, amounts, facts.disclosures, by_id, names, figure_sentences),
            *stated_terms(sources, names.target),
        ],
        names.target,
    )
    moved_apart = against_the_price(terms, amounts)
    conflicts = [*conflicts, *moved_apart]
    disputed = {group for conflict in moved_apart for group in conflict.groups}
    terms = [
        t.model_copy(update={"verdict": "conflict", "revised": False}) if t.group in disputed else t for t in terms
    ]
    dates = anchor_undated(facts.dates, by_id, deal.announced)
    timeline = build_timeline(dates, by_id, deal, loaded, amounts)
    questions = open_questions(
        by_id, facts.disclosures, conflicts, groups_of_amounts, terms, groups_of_quotes, facts.unnamed, loaded
    )
    questions += party_questions(deal, sources)
    stats = Stats(
        sources=len(sources),
        facts=len(quotes) + len(amounts) + len(dates) + len(facts.disclosures) + len(facts.unnamed),
        quotes=len(groups_of_quotes),
        figures=len(groups_of_amounts),
        conflicts=sum(1 for c in conflicts if c.kind != "hedged-differently"),
        hedged=sum(1 for c in conflicts if c.kind == "hedged-differently"),
        questions=len(questions),
    )
    output = curation.output
    return Brief(
        generator=f"dealbrief {__version__}",
        built=built_date(sources, loaded),
        deal=deal,
        proposal=proposal,
        sources=tuple(sources),
        source_notes=tuple(
            SourceNote(source=name, reliability=note.reliability, note=note.note)
            for name, note in sorted(curation.sources.items())
        ),
        quotes=tuple(quotes),
        amounts=tuple(amounts),
        dates=tuple(dates),
        people=tuple(people),
        organizations=tuple(organizations),
        disclosures=tuple(facts.disclosures),
        unnamed=tuple(facts.unnamed),
        quote_groups=tuple(groups_of_quotes),
        amount_groups=tuple(groups_of_amounts),
        conflicts=tuple(conflicts),
        terms=tuple(terms),
        questions=tuple(questions),
        timeline=tuple(timeline),
        notes=dict(sorted(facts.notes.items())),
        stats=stats,
        print=PrintSettings(
            paper=paper or output.paper,
            author=output.author,
            organization=output.organization,
            keywords=output.keywords,
        ),
    )


def built_date(sources: Sequence[Source], loaded: LoadedCuration):  # type: ignore[no-untyped-def]
    """The date the brief speaks of: set in brief.yaml, else the newest source, else the announcement."""
    output = loaded.curation.output
    if output.built is not None:
        return output.built
    dated = [source.meta.published for source in sources if source.meta.published is not None]
    if dated:
        return max(dated)
    announced = loaded.curation.deal.announced
    return announced.date if announced and not announced.proposed else None


def _figure_sentences(sources: Sequence[Source], amounts: Sequence[Amount]) -> frozenset[str]:
    """The sentences that hold a figure, and every source's first: where subjects and the target are read."""
    return frozenset({a.sentence for a in amounts} | {s.sentences[0].id for s in sources if s.sentences})


def _mixed_merges(loaded: LoadedCuration, quotes: Sequence, amounts: Sequence) -> list:  # type: ignore[type-arg]
    quote_ids = {quote.id for quote in quotes}
    amount_ids = {amount.id for amount in amounts}
    problems = []
    for index, group in enumerate(loaded.curation.facts.merge):
        kinds = {"quote" if fact in quote_ids else "figure" if fact in amount_ids else "other" for fact in group}
        if len(kinds) > 1 or kinds == {"other"}:
            problems.append(
                loaded.problem(("facts", "merge", index), "a merge joins quotes with quotes or figures with figures")
            )
    return problems
