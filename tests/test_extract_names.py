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


def test_initials_may_take_in_the_legal_ending() -> None:
    assert same_organization("SAIC", "Shanghai Automotive Industry Corp")
    assert same_organization("IBM", "International Business Machines Corp")
    assert not same_organization("SAIC", "Shanghai Automotive Corp")


def test_a_group_s_capital_arm_is_not_the_group() -> None:
    assert not same_organization("Barclays", "Barclays Capital")
    assert same_organization("Barclays", "Barclays plc")


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


def test_a_person_described_as_the_head_of_the_group_is_a_person() -> None:
    from builder.extract import extract
    from builder.model import SourceMeta
    from builder.sources import RawSource, split_source

    text = (
        "The carmaker's founder wanted to keep control. "
        "But Tullio Ferraro, the patriarch of the group, preferred a partner's offer to buy a 20% stake."
    )
    facts = extract(split_source(RawSource("f", "f.txt", SourceMeta(), text, "")))
    assert "Tullio Ferraro" in {person.name for person in facts.people}
    assert "Tullio Ferraro" not in {org.name for org in facts.organizations}


def test_a_time_zone_is_no_organisation() -> None:
    from builder.extract import extract
    from builder.model import SourceMeta
    from builder.sources import RawSource, split_source

    text = "Fabrikam shares rose 4.5% by 0900 GMT, having shot up more than 7% in early trading."
    facts = extract(split_source(RawSource("f", "f.txt", SourceMeta(), text, "")))
    assert "GMT" not in {org.name for org in facts.organizations}


def test_general_opens_a_firm_s_name_unless_a_title_stands_beside_it() -> None:
    from builder.extract import extract
    from builder.model import SourceMeta
    from builder.sources import RawSource, split_source

    text = (
        "Fabrikam will meet car giant General Motors (GM) on Tuesday. "
        "The Attorney General said so, and the firm's General Counsel agreed."
    )
    facts = extract(split_source(RawSource("f", "f.txt", SourceMeta(), text, "")))
    names = {org.name for org in facts.organizations}
    assert "General Motors" in names and not {"Attorney General", "General Counsel"} & names


def test_a_name_in_a_list_of_brands_is_a_brand_not_a_person() -> None:
    from builder.extract import extract
    from builder.model import SourceMeta
    from builder.sources import RawSource, split_source

    text = (
        "The group is focusing on its most profitable labels including Dom Perignon champagne and "
        "Marc Jacobs. Its chief executive, Anna Weber, said the sale made sense."
    )
    facts = extract(split_source(RawSource("f", "f.txt", SourceMeta(), text, "")))
    people = {person.name for person in facts.people}
    assert "Marc Jacobs" not in people and "Anna Weber" in people
