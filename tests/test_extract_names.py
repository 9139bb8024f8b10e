"""Organisation names as wire copy writes them: bare tickers after a name, a name in capitals for a longer one."""

from __future__ import annotations

import pytest

from builder.extract.names import NAME_RUN
from builder.extract.orgnames import same_organization


@pytest.mark.parametrize(
    ("sentence", "runs"),
    [
        (
            "Barclays agreed to buy Dutch rival ABN AMRO AAH.AS for about 67 billion euros.",
            ["Barclays", "Dutch", "ABN AMRO"],
        ),
        ("It is backed by Lehman Brothers Holdings Inc. LEH.N and others.", ["It", "Lehman Brothers Holdings Inc"]),
        ("Fortis FOR.BR, Santander SAN.MC and RBS RBS.L bid together.", ["Fortis", "Santander", "RBS"]),
        ("The U.S. Securities and Exchange Commission said so.", ["The U.S", "Securities", "Exchange Commission"]),
    ],
)
def test_a_bare_ticker_is_no_part_of_a_name(sentence: str, runs: list[str]) -> None:
    assert [match.group() for match in NAME_RUN.finditer(sentence)] == runs


def test_a_name_in_capitals_that_leads_a_longer_name_is_that_organisation() -> None:
    assert same_organization("ABN", "ABN AMRO")
    assert same_organization("BHP", "BHP Billiton Ltd")
    assert not same_organization("Standard", "Standard Chartered")  # a word, not a name in capitals
    assert not same_organization("ABN", "Royal Bank of Scotland")


def test_the_descriptor_a_question_asks_after_has_no_article_of_its_own() -> None:
    from builder.askers import descriptor

    assert descriptor("the source") == ("source", False)
    assert descriptor("the analysts") == ("analysts", True)


def test_cos_is_a_legal_form_like_co() -> None:
    assert same_organization("Anheuser-Busch", "Anheuser-Busch Cos Inc")
    assert same_organization("Walt Disney Co", "Walt Disney")


def test_two_nationalities_joined_name_no_party() -> None:
    from builder.analyze.mentions import _names_something

    assert not _names_something("Brazilian-Belgian") and not _names_something("Anglo-Dutch")
    assert _names_something("Anheuser-Busch")


def test_a_factbox_heading_and_a_dateline_name_no_organisation() -> None:
    from builder.extract import extract
    from builder.model import SourceMeta
    from builder.sources import RawSource, split_source

    text = (
        "LONDON (Reuters) - Barclays agreed to buy ABN AMRO on Monday.\n\n"
        "PRICE ** ABN shareholders would receive 3.225 new Barclays shares for each ABN share. "
        "TIMING ** An offer document is expected to be published in May."
    )
    facts = extract(split_source(RawSource("f", "f.txt", SourceMeta(), text, "")))
    names = {org.name for org in facts.organizations}
    assert not names & {"LONDON", "PRICE", "TIMING"} and "Barclays" in names


def test_a_scandinavian_per_an_exchange_and_a_firm_before_a_title_in_capitals() -> None:
    from builder.extract import extract
    from builder.model import SourceMeta
    from builder.sources import RawSource, split_source

    text = (
        "STOCKHOLM (Reuters) - Bolsa Nordica, run by former Nordex Chief Executive Per Holm, made a bid on Friday. "
        "Per share, the offer is worth 230 crowns. "
        '"This will be a strong group," Holm said.'
    )
    facts = extract(split_source(RawSource("f", "f.txt", SourceMeta(), text, "")))
    people = {person.name: (person.title, person.organization) for person in facts.people}
    assert people == {"Per Holm": ("Chief Executive", "Nordex")}
    assert [quote.speaker for quote in facts.quotes] == ["Per Holm"]

    text = "-- Magnus Berg is the chief executive of Nordex. Born in 1961, he joined in 1986."
    facts = extract(split_source(RawSource("f", "f.txt", SourceMeta(), "Factbox\n\n" + text, "")))
    assert [person.name for person in facts.people] == ["Magnus Berg"]


def test_a_founder_s_initial_before_a_name_is_the_same_organisation() -> None:
    from builder.extract.orgnames import merge_organizations
    from builder.model import Organization

    assert same_organization("J. Sainsbury", "Sainsbury") and same_organization("J Sainsbury Plc", "Sainsbury")
    assert not same_organization("J. Sainsbury", "K. Sainsbury")
    orgs = [Organization(id=f"o-{n}", name=name, mentions=()) for n, name in enumerate(["Sainsbury", "J. Sainsbury"])]
    assert [org.name for org in merge_organizations(orgs, {})] == ["J. Sainsbury"]


def test_a_sentence_adverb_before_a_firm_is_no_part_of_its_name() -> None:
    from builder.extract import extract
    from builder.model import SourceMeta
    from builder.sources import RawSource, split_source

    text = (
        '"Clearly Nordix Corp felt that was not in its interest," the chief executive said. Nordix Corp said the '
        'offer was worth less, a bid which it called "grossly inadequate."'
    )
    facts = extract(split_source(RawSource("f", "f.txt", SourceMeta(), "Headline\n\n" + text, "")))
    assert "Clearly Nordix Corp" not in {org.name for org in facts.organizations}
    assert facts.quotes[-1].speaker == "Nordix Corp"
