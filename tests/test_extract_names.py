"""Organisation names as wire copy writes them: bare tickers after a name, a name in capitals for a longer one."""

from __future__ import annotations

import pytest

from builder.extract import extract
from builder.extract.names import NAME_RUN
from builder.extract.orgnames import same_organization
from builder.model import SourceFacts, SourceMeta
from builder.sources import RawSource, split_source


def facts_of(text: str) -> SourceFacts:
    """What the extractor finds in a text given as one source."""
    return extract(split_source(RawSource("s", "s.txt", SourceMeta(), text, "")))


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
    assert same_organization("Dow Jones & Co Inc", "Dow Jones")  # the "&" goes with the "Co"
    assert not same_organization("Procter & Gamble", "Procter")


def test_an_organisation_is_called_by_the_name_a_story_introduces_it_by() -> None:
    """ "Thomson Corp." opens the stories; "Thomson Financial", a unit named further down, is merged with it
    but does not name it."""

    text = (
        "Thomson bid\n\nCanada's Thomson Corp. said on Tuesday it would buy Acme Group. Thomson expects savings. "
        "Thomson has long competed with Acme. Its unit Thomson Financial sells data to banks."
    )
    found = facts_of(text)
    (thomson,) = [org for org in found.organizations if org.name.startswith("Thomson")]
    assert thomson.name == "Thomson Corp"
    assert "Thomson Financial" in thomson.aliases


def test_two_nationalities_joined_name_no_party() -> None:
    from builder.analyze.mentions import _names_something

    assert not _names_something("Brazilian-Belgian") and not _names_something("Anglo-Dutch")
    assert _names_something("Anheuser-Busch")


def test_a_factbox_heading_and_a_dateline_name_no_organisation() -> None:
    text = (
        "LONDON (Reuters) - Barclays agreed to buy ABN AMRO on Monday.\n\n"
        "PRICE ** ABN shareholders would receive 3.225 new Barclays shares for each ABN share. "
        "TIMING ** An offer document is expected to be published in May."
    )
    facts = facts_of(text)
    names = {org.name for org in facts.organizations}
    assert not names & {"LONDON", "PRICE", "TIMING"} and "Barclays" in names


@pytest.mark.parametrize(
    ("sentence", "person", "title", "organization"),
    [
        (
            "Amgen Chief Executive Bob Bradway has said the company wants deals.",
            "Bob Bradway",
            "Chief Executive",
            "Amgen",
        ),
        ("Dell Chief Executive Michael Dell said the deal was good.", "Michael Dell", "Chief Executive", "Dell"),
        (
            "Goldman Sachs Chief Financial Officer David Viniar said so.",
            "David Viniar",
            "Chief Financial Officer",
            "Goldman Sachs",
        ),
        (
            "David Cumming, head of UK equities at Standard Life Investments, said the offer was low.",
            "David Cumming",
            "head of UK equities",
            "Standard Life Investments",
        ),
        ("Jo Bloggs, an analyst at Collins Stewart, said it was fair.", "Jo Bloggs", "analyst", "Collins Stewart"),
        (
            "Euronext chief Jean-Francois Theodore held talks with the exchange.",
            "Jean-Francois Theodore",
            "chief",
            "Euronext",
        ),
        ("Barclays' chief John Varley said the bank had grown.", "John Varley", "chief", "Barclays"),
        (
            "The rules matter, Lockheed Martin Corp ( LMT.N ) Chief Executive Robert Stevens said on Friday.",
            "Robert Stevens",
            "Chief Executive",
            "Lockheed Martin Corp",
        ),
        (
            '"They need to crack on," fund manager Colin Morton at Rensburg Fund Management said.',
            "Colin Morton",
            "fund manager",
            "Rensburg Fund Management",
        ),
        ('"It is fine," said John Smith at the meeting in London.', "John Smith", None, None),
        (
            "Fabrikam Inc is edging closer to a deal with a buyout group led by Ann Lee, its founder and chief "
            "executive, and private equity firm Contoso Partners.",
            "Ann Lee",
            "founder and chief executive",
            "Fabrikam Inc",
        ),
        (
            "The cost was high, said Commonwealth Bank of Australia Ltd. ( CBA.AX ) chairman John Schubert.",
            "John Schubert",
            "chairman",
            "Commonwealth Bank of Australia Ltd",
        ),
        (
            "They include Publishing & Broadcasting Ltd. PBL.AX executive chairman James Packer.",
            "James Packer",
            "executive chairman",
            "Publishing & Broadcasting Ltd",
        ),
        (
            '"It is not enough," said Tom Elliott, managing director of hedge fund MM&E Capital.',
            "Tom Elliott",
            "managing director",
            "MM&E Capital",
        ),
        (
            '"It is big," said John Orrico, portfolio manager at the Arbitrage Fund in New York.',
            "John Orrico",
            "portfolio manager",
            "Arbitrage Fund",
        ),
        (
            "The offer was low. And WMC chief executive Andrew Michelmore said it was aimed at value.",
            "Andrew Michelmore",
            "chief executive",
            "WMC",
        ),
        (
            'ABN AMRO said so. "It is about the sale." CLOCK TICKS FOR SUITORS ABN AMRO Chief Executive Rijkman '
            "Groenink said the bank would look at both offers.",
            "Rijkman Groenink",
            "Chief Executive",
            "ABN AMRO",
        ),
        (
            "David Cummings, head of UK equities for Standard Life Investments, said he believed it.",
            "David Cummings",
            "head of UK equities",
            "Standard Life Investments",
        ),
        (
            '"Rates will fall," said Anil Mehra, Director, Pavonia Securities.',
            "Anil Mehra",
            "Director",
            "Pavonia Securities",
        ),
        (
            '"Rates will fall," said Anil Mehra, Head of Equity Research at Pavonia Securities.',
            "Anil Mehra",
            "Head of Equity Research",
            "Pavonia Securities",
        ),
        (
            "The fund spoke to Vantorix founder and co-CEO Anil Mehra about the plan.",
            "Anil Mehra",
            "founder and co-CEO",
            "Vantorix",
        ),
        (
            "Before the game, Rovers coach Anil Mehra said his side was ready.",
            "Anil Mehra",
            "coach",
            "Rovers",
        ),
    ],
)
def test_a_persons_title_and_firm_are_read_whole(
    sentence: str, person: str, title: str | None, organization: str | None
) -> None:
    """The firm before a title of several words ("Amgen Chief Executive") is the firm alone; "Euronext chief";
    a ticker between firm and title; the office "head of UK equities" of the firm after "at" or "for"; "at
    Rensburg Fund Management" after the name, but "at the meeting" names no firm."""
    source = split_source(RawSource("s", "wire.txt", SourceMeta(), sentence, ""))
    (found,) = [p for p in extract(source).people if p.name == person]
    assert (found.title, found.organization) == (title, organization)


def test_a_person_described_as_the_head_of_the_group_is_a_person() -> None:
    text = (
        "The carmaker's founder wanted to keep control. "
        "But Tullio Ferraro, the patriarch of the group, preferred a partner's offer to buy a 20% stake."
    )
    facts = facts_of(text)
    assert "Tullio Ferraro" in {person.name for person in facts.people}
    assert "Tullio Ferraro" not in {org.name for org in facts.organizations}


def test_a_time_zone_is_no_organisation() -> None:
    text = "Fabrikam shares rose 4.5% by 0900 GMT, having shot up more than 7% in early trading."
    facts = facts_of(text)
    assert "GMT" not in {org.name for org in facts.organizations}


def test_general_opens_a_firm_s_name_unless_a_title_stands_beside_it() -> None:
    text = (
        "Fabrikam will meet car giant General Motors (GM) on Tuesday. "
        "The Attorney General said so, and the firm's General Counsel agreed."
    )
    facts = facts_of(text)
    names = {org.name for org in facts.organizations}
    assert "General Motors" in names and not {"Attorney General", "General Counsel"} & names


def test_a_name_in_a_list_of_brands_is_a_brand_not_a_person() -> None:
    text = (
        "The group is focusing on its most profitable labels including Dom Perignon champagne and "
        "Marc Jacobs. Its chief executive, Anna Weber, said the sale made sense."
    )
    facts = facts_of(text)
    people = {person.name for person in facts.people}
    assert "Marc Jacobs" not in people and "Anna Weber" in people


def test_a_scandinavian_per_an_exchange_and_a_firm_before_a_title_in_capitals() -> None:
    text = (
        "STOCKHOLM (Reuters) - Bolsa Nordica, run by former Nordex Chief Executive Per Holm, made a bid on Friday. "
        "Per share, the offer is worth 230 crowns. "
        '"This will be a strong group," Holm said.'
    )
    facts = facts_of(text)
    people = {person.name: (person.title, person.organization) for person in facts.people}
    assert people == {"Per Holm": ("Chief Executive", "Nordex")}
    assert [quote.speaker for quote in facts.quotes] == ["Per Holm"]

    text = "-- Magnus Berg is the chief executive of Nordex. Born in 1961, he joined in 1986."
    facts = facts_of("Factbox\n\n" + text)
    assert [person.name for person in facts.people] == ["Magnus Berg"]


def test_a_founder_s_initial_before_a_name_is_the_same_organisation() -> None:
    from builder.extract.orgnames import merge_organizations
    from builder.model import Organization

    assert same_organization("J. Sainsbury", "Sainsbury") and same_organization("J Sainsbury Plc", "Sainsbury")
    assert not same_organization("J. Sainsbury", "K. Sainsbury")
    orgs = [Organization(id=f"o-{n}", name=name, mentions=()) for n, name in enumerate(["Sainsbury", "J. Sainsbury"])]
    assert [org.name for org in merge_organizations(orgs, {})] == ["J. Sainsbury"]


def test_a_sentence_adverb_before_a_firm_is_no_part_of_its_name() -> None:
    text = (
        '"Clearly Nordix Corp felt that was not in its interest," the chief executive said. Nordix Corp said the '
        'offer was worth less, a bid which it called "grossly inadequate."'
    )
    facts = facts_of("Headline\n\n" + text)
    assert "Clearly Nordix Corp" not in {org.name for org in facts.organizations}
    assert facts.quotes[-1].speaker == "Nordix Corp"


def test_a_name_that_opens_with_a_firm_s_name_and_no_given_name_is_its_product() -> None:
    text = (
        "Fabrikam facts\n\nFabrikam Corp. agreed to buy Acme Group. Fabrikam had 640 million shares outstanding, "
        "according to Fabrikam Insight. Fabrikam chairman John Smith said so."
    )
    found = facts_of(text)
    assert [person.name for person in found.people] == ["John Smith"]
    assert "Fabrikam Insight" in found.products


def test_a_name_a_wire_ticker_follows_is_a_listed_company_and_the_firms_are_both() -> None:
    text = (
        "Banks win approval\n\n"
        "OSLO  (Reuters) - Nordix ( NRDX.OL ) and Vestra ( VST.ST ) won approval for their merger, they "
        "said on Friday. The deal joins Vestra, the region's No. 2, with Nordix. "
        '"The merger still needs the approval of shareholders," the firms said.'
    )
    facts = facts_of(text)
    assert {"Nordix", "Vestra"} <= {o.name for o in facts.organizations}
    assert [q.speaker for q in facts.quotes] == ["Nordix and Vestra"]


def test_an_agency_named_after_its_founder_with_worldwide_or_advertising_is_no_person() -> None:
    text = "Its agencies include Sam Porter Worldwide and Kate Lowe Advertising, the group said."
    facts = facts_of(text)
    assert [p.name for p in facts.people] == []


@pytest.mark.parametrize(
    ("sentence", "runs"),
    [
        ("Loblaw agreed to buy Shoppers Drug Mart Corp for C$12.4 billion.", ["Loblaw", "Shoppers Drug Mart Corp"]),
        ("It paid A$3.1bn and HK$2bn for Widget.", ["It", "Widget"]),
    ],
)
def test_the_letters_of_a_currency_are_no_part_of_a_name(sentence: str, runs: list[str]) -> None:
    assert [match.group() for match in NAME_RUN.finditer(sentence)] == runs


@pytest.mark.parametrize(
    "sentence",
    [
        "Trouble-hit Contoso Motors is in talks with a French carmaker.",
        "Cash-strapped Contoso Motors said it would cut 2,000 jobs.",
        "The deal will help loss-making Contoso Motors fill its plants.",
    ],
)
def test_a_describing_compound_before_a_firm_is_no_part_of_its_name(sentence: str) -> None:
    facts = facts_of("Headline\n\n" + sentence)
    assert "Contoso Motors" in [org.name for org in facts.organizations]
    assert not any(org.name.endswith(" Contoso Motors") for org in facts.organizations)


def test_a_firm_whose_name_opens_with_an_abbreviated_saint_or_mount_keeps_it_whole() -> None:
    facts = facts_of(
        "Acme Corp. agreed to buy Widget Inc. for $3 billion. "
        '"Boards like this deal," said Maria Lopez, a professor of law at St. Mary\'s College in Texas. '
        '"It will pass," said Tom Reed, an analyst at Mt. Hood Capital.'
    )
    assert [(person.name, person.organization) for person in facts.people] == [
        ("Maria Lopez", "St. Mary's College"),
        ("Tom Reed", "Mt. Hood Capital"),
    ]


def test_a_minister_s_portfolio_before_the_name_is_part_of_the_title() -> None:
    facts = facts_of("The deal was discussed by trade minister Anna Berg and Northwind's chief executive Tom Reed.")
    assert [(person.name, person.title) for person in facts.people] == [
        ("Anna Berg", "trade minister"),
        ("Tom Reed", "chief executive"),
    ]


def test_a_hyphenated_describing_word_opening_a_sentence_before_a_given_name_is_no_part_of_the_name() -> None:
    facts = facts_of("Singer-songwriters Tom Alder and Ray Finch will tour together in June, the label said.")
    assert "Tom Alder" in {person.name for person in facts.people}
