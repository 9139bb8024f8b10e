"""What the extractors find in the three seed articles: every quote, figure and date of the brief."""

from __future__ import annotations

import pytest

from builder.curation import LoadedCuration
from builder.extract import extract
from builder.model import Source, SourceFacts, SourceMeta


@pytest.fixture(scope="module")
def facts(seeds: list[Source], curation: LoadedCuration) -> dict[str, SourceFacts]:
    known = curation.curation.known_organizations()
    return {source.id: extract(source, known) for source in seeds}


# Every direct quote of the seeds, the block quotation of a blog post too: (source, opening words, speaker, partial).
QUOTES = [
    ("blog-2024-07-25", "Datacenters have become critical infrastructure", "Microsoft", False),
    ("blog-2024-07-25", "AI is reshaping our daily lives", "Erin Chapple", False),
    ("blog-2024-07-25", "We are focused both on the impact", "Erin Chapple", False),
    ("blog-2024-07-25", "We are preparing for a future", "Kate Johnson", False),
    ("blog-2024-07-25", "Microsoft has an ambitious vision for AI", "Kate Johnson", False),
    ("blog-2024-07-25", "improve Lumen’s cash flow by more than $20 million", "Microsoft and Lumen Technologies", True),
    ("blog-2024-07-25", "Azure’s advanced global infrastructure", "Erin Chapple", False),
    ("blog-2024-07-25", "We are committed to partnering with Lumen", "Erin Chapple", False),
    ("converge360", "Microsoft has an ambitious vision for AI", "Kate Johnson", False),
    ("converge360", "Lumen's expansive network meets this challenge.", "Kate Johnson", False),
    ("converge360", "This AI-ready infrastructure will strengthen", "the announcement", False),
    ("converge360", "Lumen will migrate and modernize its workloads", "Microsoft and Lumen Technologies", False),
    ("newsng", "Microsoft has an ambitious vision for AI", "Kate Johnson", False),
    ("newsng", "AI is reshaping our daily lives", "Erin Chapple", False),
]


def test_every_quote_is_found_once(facts: dict[str, SourceFacts]) -> None:
    found = sorted((source, q.text[:25]) for source, f in facts.items() for q in f.quotes)
    assert found == sorted((source, opening[:25]) for source, opening, _, _ in QUOTES)


@pytest.mark.parametrize(("source", "opening", "speaker", "partial"), QUOTES)
def test_quote_speaker(facts: dict[str, SourceFacts], source: str, opening: str, speaker: str, partial: bool) -> None:
    (quote,) = [q for q in facts[source].quotes if q.text.startswith(opening)]
    assert quote.speaker == speaker
    assert quote.partial is partial
    assert facts[source].quotes[0].source == source


def test_speaker_titles(facts: dict[str, SourceFacts]) -> None:
    chapple = next(q for q in facts["blog-2024-07-25"].quotes if q.speaker == "Erin Chapple")
    assert (chapple.speaker_title, chapple.speaker_org) == (
        "corporate vice president of Azure Core Product and Design",
        "Microsoft",
    )
    johnson = next(q for q in facts["newsng"].quotes if q.speaker == "Kate Johnson")
    assert (johnson.speaker_title, johnson.speaker_org) == ("president and CEO", "Lumen Technologies")
    lumen_ceo = next(q for q in facts["converge360"].quotes if q.speaker == "Kate Johnson")
    assert lumen_ceo.speaker_title == "CEO"


def test_a_quote_over_two_paragraphs_is_one_quote(facts: dict[str, SourceFacts], seeds: list[Source]) -> None:
    (quote,) = [q for q in facts["newsng"].quotes if q.speaker == "Kate Johnson"]
    assert quote.text.startswith("Microsoft has an ambitious vision")
    assert quote.text.endswith("create an AI-enabled world.")
    assert quote.sentences == ("newsng-s9", "newsng-s10")


def test_chapple_by_surname_is_the_same_person(facts: dict[str, SourceFacts]) -> None:
    azure = next(q for q in facts["blog-2024-07-25"].quotes if q.text.startswith("Azure’s"))
    assert azure.speaker_span is not None and azure.speaker_span.text == "Chapple"
    assert azure.speaker == "Erin Chapple"


# Every figure of the brief: (source, text, value, unit, kind, qualifier).
FIGURES = [
    ("blog-2024-07-25", "$20 million", 20_000_000, "USD", "money", "more than"),
    ("converge360", "$20 million", 20_000_000, "USD", "money", "about"),
    ("converge360", "billions", 1_000_000_000, "USD", "money", None),
    ("converge360", "6 million miles", 6_000_000, "miles", "quantity", "over"),
    ("converge360", "5 milliseconds", 5, "ms", "quantity", "under"),
    ("converge360", "60 percent", 60, "%", "percent", None),
]


def test_every_figure(facts: dict[str, SourceFacts]) -> None:
    found = sorted(
        (source, a.text, a.value, a.unit, a.kind, a.qualifier) for source, f in facts.items() for a in f.amounts
    )
    assert found == sorted(FIGURES)


def test_the_cash_flow_horizons(facts: dict[str, SourceFacts]) -> None:
    blog = facts["blog-2024-07-25"].amounts[0]
    converge = next(a for a in facts["converge360"].amounts if a.text == "$20 million")
    assert (blog.horizon, blog.horizon_months) == ("over the next 12 months", 12)
    assert (converge.horizon, converge.horizon_months) == ("over the next year", 12)


def test_spans_are_exact(facts: dict[str, SourceFacts], seeds: list[Source]) -> None:
    texts = {s.id: s.text for s in seeds}
    for source, f in facts.items():
        for fact in (*f.quotes, *f.amounts, *f.dates, *f.disclosures, *f.unnamed):
            assert texts[source][fact.start : fact.end] == fact.text


def test_dates_resolve_against_the_publication_date(facts: dict[str, SourceFacts]) -> None:
    dates = {(d.text, d.value) for d in facts["blog-2024-07-25"].dates}
    assert ("over the next 12 months", "2024-07-25/2025-07-25") in dates
    # The line "date 2024-07-25" dates the source (page furniture): metadata, not a fact of the text.
    assert not any(text == "2024-07-25" for text, _ in dates)


def test_undated_sources_keep_relative_dates_unresolved(facts: dict[str, SourceFacts]) -> None:
    newsng = {d.text: d for d in facts["newsng"].dates}
    assert newsng["April"].value is None and newsng["April"].expression == "month:4:past"
    assert newsng["Wednesday"].value is None


def test_non_disclosure_and_unnamed_sourcing(facts: dict[str, SourceFacts]) -> None:
    (disclosure,) = facts["converge360"].disclosures
    assert disclosure.text == "Financial terms of the deal were not disclosed"
    (claim,) = facts["newsng"].unnamed
    assert claim.descriptor == "Experts"


def test_people(facts: dict[str, SourceFacts]) -> None:
    people = {p.name: (p.title, p.organization) for f in facts.values() for p in f.people}
    assert people["Kate Johnson"][1] == "Lumen Technologies"
    assert people["Erin Chapple"] == (
        "corporate vice president of Azure Core Product and Design",
        "Microsoft",
    )
    assert "Gladys Rama" not in people  # the author, named in "About the Author"
    assert facts["converge360"].byline == "Gladys Rama"


def test_organisations_mentioned(facts: dict[str, SourceFacts]) -> None:
    names = {o.name for f in facts.values() for o in f.organizations}
    assert {
        "Microsoft",
        "Lumen Technologies",
        "OpenAI",
        "Oracle",
        "Alphabet",
        "Google",
        "Amazon.com",
        "Inflection AI",
        "Zoom",
        "Amazon Web Services",
    } <= names
    assert not names & {"Azure", "Copilot", "ChatGPT", "Private Connectivity Fabric"}


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Brito -- who will lead the combined company -- declined to comment to reporters after the meeting.", "Brito"),
        ("Smith, who runs the unit, declined to comment.", "Smith"),
        ("A company spokesman declined to comment.", "A company spokesman"),
    ],
)
def test_who_declined_is_the_subject_not_the_aside(sentence: str, who: str) -> None:
    from builder.sources import RawSource, split_source

    source = split_source(RawSource("s", "s.txt", SourceMeta(), sentence, ""))
    (disclosure,) = extract(source).disclosures
    assert disclosure.who == who


@pytest.mark.parametrize(
    ("sentence", "about"),
    [
        ("Acme did not name its suitor, while Fabrikam had no comment throughout the day.", "name its suitor"),
        ("Acme declined to disclose the price -- a closely guarded figure -- on Monday.", "disclose the price"),
        (
            "Acme declined to disclose the price, the size or the terms of the deal.",
            "disclose the price, the size or the terms of the deal",
        ),
    ],
)
def test_what_was_withheld_ends_with_its_clause(sentence: str, about: str) -> None:
    from builder.sources import RawSource, split_source

    source = split_source(RawSource("s", "s.txt", SourceMeta(), sentence, ""))
    (disclosure,) = extract(source).disclosures
    assert disclosure.about == about
    assert sentence[disclosure.start : disclosure.end].endswith(about)


@pytest.mark.parametrize(
    ("sentence", "written", "value"),
    [
        ("2007, May 15: - Acme and Fabrikam say they have agreed a deal.", "2007, May 15", "2007-05-15"),
        ("2006 March 2: Fabrikam makes its first approach.", "2006 March 2", "2006-03-02"),
        ("Acme said on May 15, 2007 that it had agreed.", "May 15, 2007", "2007-05-15"),
    ],
)
def test_a_chronology_s_dates_are_read_year_first_too(sentence: str, written: str, value: str) -> None:
    from builder.extract.dates import find_dates

    assert [(sentence[d.start : d.end], d.value) for d in find_dates(sentence)] == [(written, value)]


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("The airlines have refused to comment substantively on the talks.", "The airlines"),
        ("Smith said the two did not discuss specifics of the deal.", "the two"),
        ("Jones told the hearing that he would not comment on the case.", "he"),
        ("Officials at Acme and Widget would not comment on the report.", "Officials at Acme and Widget"),
    ],
)
def test_who_would_not_say_is_the_reported_subject_without_its_auxiliary(sentence: str, who: str) -> None:
    from builder.sources import RawSource, split_source

    source = split_source(RawSource("s", "s.txt", SourceMeta(), sentence, ""))
    (disclosure,) = extract(source).disclosures
    assert disclosure.who == who
