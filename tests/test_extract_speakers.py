"""Who said it, as news writes it: pronouns, titles and spokespeople, fragments, names with initials."""

from __future__ import annotations

import pytest

from builder.extract import extract
from builder.model import SourceFacts, SourceMeta
from builder.sources import RawSource, split_source


def _facts(text: str) -> SourceFacts:
    return extract(split_source(RawSource("story", "story.txt", SourceMeta(), text, "")))


def _speakers(text: str) -> dict[str, str | None]:
    facts = extract(split_source(RawSource("story", "story.txt", SourceMeta(), text, "")))
    return {quote.text.split()[0]: quote.speaker for quote in facts.quotes}


def test_he_is_the_subject_who_spoke_not_a_person_named_after() -> None:
    text = (
        "Mary Smith, head of equities at Northfield, said she believed a bid would let Mr Rowe take control. "
        '"Nothing can stop it," she told reporters. '
        "John Carter, an analyst at Hilltop, said Mary Smith had a point about Peter Rowe. "
        '"Everyone expected this," he said.'
    )
    assert _speakers(text) == {"Nothing": "Mary Smith", "Everyone": "John Carter"}


def test_a_sentence_whose_speaker_is_he_passes_the_question_back() -> None:
    text = (
        "Carl Weber, the finance minister, criticised the rules. "
        "At a meeting hosted by Tom Brady on Friday, he said he favoured free markets. "
        '"Markets absorb shocks," he told the meeting.'
    )
    assert _speakers(text)["Markets"] == "Carl Weber"


def test_a_company_named_after_its_founder_is_not_the_founder() -> None:
    text = (
        "Dell Inc agreed to be bought by its founder, Michael Dell. "
        "Brian Quinn, a professor at Boston College, said Dell would face a test. "
        '"The board will have to prove fairness," he said.'
    )
    assert _speakers(text)["The"] == "Brian Quinn"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Acme Corp Chief Executive Robert Stone spoke on Friday. "
            'The Acme executive said he expected a "very public review" of the deal.',
            "Robert Stone",
        ),
        (
            "A spokeswoman for Northbank declined to comment on the report. "
            'She said the plans were "straightforward from every perspective."',
            "A spokeswoman for Northbank",
        ),
        (
            'Acme filed a statement on Wednesday urging holders to reject the bid, calling Zeta\'s offer "inadequate."',
            "Acme",
        ),
        (
            'Debt levels were deemed "not in the best interests of the company" by Northbank\'s board last year.',
            "Northbank",
        ),
        (
            'There was "hectic" trading in Acme, because of the report, said Andrew Wills, an analyst at Zeta Capital.',
            "Andrew Wills",
        ),
    ],
)
def test_titles_spokespeople_and_the_clause_that_reports_a_fragment(text: str, speaker: str) -> None:
    (found,) = _speakers(text).values()
    assert found == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We respect that," said J. Christopher Flowers, an investor.', "J. Christopher Flowers"),
        ('"My phone has been busy," said Lee Hsien Yang, the chairman. "I need a rest," Lee said.', "Lee Hsien Yang"),
        ('"It was a mess," said securities lawyer Chip Hanley of Jones Day.', "Chip Hanley"),
    ],
)
def test_names_with_initials_family_names_first_and_a_firm_after_of(text: str, speaker: str) -> None:
    assert set(_speakers(text).values()) == {speaker}


def test_the_one_a_newspaper_quotes_after_the_quote_speaks() -> None:
    text = (
        "Union leader Jane Doyle said talks were under way. "
        '"We will fight for every job," she said. '
        '"The buyer wants its money spent on the plant, not paid to the owners," the paper quotes a source '
        "close to the Chinese firm."
    )
    speakers = _speakers(text)
    assert speakers["We"] == "Jane Doyle"
    assert speakers["The"] == "a source close to the Chinese firm"


def test_a_firm_s_unnamed_bosses_speak_as_people_of_the_firm() -> None:
    text = (
        "Rowan Motors said talks with a Chinese carmaker went on. "
        'Rowan Motors bosses have said they are "confident" a deal will be signed in March.'
    )
    facts = extract(split_source(RawSource("story", "story.txt", SourceMeta(), text, "")))
    (quote,) = facts.quotes
    assert (quote.speaker, quote.speaker_kind) == ("Rowan Motors bosses", "descriptor")


def test_a_described_speaker_tied_to_a_named_person_is_not_that_person() -> None:
    text = (
        "The family's biggest shareholder, Anna Berg, would not sell below 600 pence. "
        '"He sees no reason to open the books," the Daily Telegraph quoted a source close to Anna Berg as saying. '
        '"No deal is near," a spokesman for Anna Berg said. '
        '"We will look at it," said the chief executive Tom Hale.'
    )
    speakers = _speakers(text)
    assert speakers["He"] == "a source close to Anna Berg"
    assert speakers["No"] == "a spokesman for Anna Berg"
    assert speakers["We"] == "Tom Hale"


def test_words_said_to_be_someone_s_are_that_person_s_quote() -> None:
    text = (
        "The chain was founded by Tom Hale in 1869. "
        '"Keep the shops well lit," were reported to be founder Tom Hale\'s dying words.'
    )
    assert _speakers(text)["Keep"] == "Tom Hale"


def test_a_ticker_ends_the_sentence_before_a_quote_whose_full_stop_was_dropped() -> None:
    text = (
        "Tom Hale is back for a showdown with Nordix. Hale is now CEO of Acme Bourse, which launched a $4 billion "
        "bid for Nordix on Friday in a bid to derail an agreed deal Nordix already has with Fabrikam Stock Market "
        'Inc. ( FAB.O ) "This is a huge personality fight," said one banker who knows both men, but who is not '
        "involved in the deal."
    )
    assert _speakers(text)["This"] == "one banker"


def test_wire_copy_s_rep_and_sen_stand_before_a_name() -> None:
    text = (
        'Texas Rep. Tom Hale of Houston said the deal would "dramatically" drive up prices. '
        'Sen. Ned Brook of Horseshoe Bay said in a statement that the sale "only heightens" his concern. '
        '"This transaction does nothing for consumers," said Brook, chairman of the Senate Business Committee.'
    )
    speakers = _speakers(text)
    assert speakers == {"dramatically": "Tom Hale", "only": "Ned Brook", "This": "Ned Brook"}


def test_a_trailing_speaker_with_a_long_apposition_and_a_title_abbreviation() -> None:
    text = (
        '"There are enough political land mines in this thing that I would doubt" there would be a rival bid, '
        "said Tim Hale, an analyst with National City Private Client Group, which owns 15,000 shares of Acme. "
        '"I\'m not in favor of it," said Texas Rep. Ned Brook of Houston, who added that he would fight it.'
    )
    assert _speakers(text) == {"There": "Tim Hale", "I'm": "Ned Brook"}


def test_a_clause_running_on_after_a_quoted_fragment_is_not_its_speaker() -> None:
    text = (
        "While its pilots would get a stake in the new airline, the leaders of Acme's pilots said Monday night "
        'the union will use "all resources available to aggressively oppose" it after the two unions could not '
        "agree on how to work under one seniority list."
    )
    assert _speakers(text)["all"] == "the leaders of Acme's pilots"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the name after a description: "X's second-largest shareholder, ValueAct, said"
        (
            'But Northfield second-largest shareholder, Hillcrest, said a merger with Fabrikam would be a "good fit".',
            "Hillcrest",
        ),
        ('Northfield adviser, Goldman Sachs, said the deal was "a good fit".', "Goldman Sachs"),
        # the antecedent of "who told", not the clause before it
        (
            "The Ohio Republican met Tuesday with senior Northfield executives, who told him that Northfield does "
            '"see a benefit" in a merger.',
            "senior Northfield executives",
        ),
    ],
)
def test_an_apposed_name_or_a_relative_clause_s_antecedent_speaks(text: str, speaker: str) -> None:
    assert list(_speakers(text).values()) == [speaker]


def test_the_place_of_a_wire_dateline_never_speaks() -> None:
    text = (
        "Minister backs port sale\n\n"
        "HAMBURG  (Reuters) - German Transport Minister Anna Berg gave her backing to the port's sale to "
        'Nordix on Monday, calling it "a sensible step".\n\n'
        '"It secures the jobs," Berg said.'
    )
    speakers = _speakers(text)
    assert speakers["a"] == "Anna Berg"


def test_a_person_named_in_a_dashed_aside_after_the_speaker_is_not_the_speaker() -> None:
    text = (
        "Northwind passed into state hands. "
        '"This is theft in daylight," Anna Berg - then an adviser to Prime Minister Lars Holm - told reporters. '
        '"Officials are doing it now."'
    )
    assert _speakers(text) == {"This": "Anna Berg", "Officials": "Anna Berg"}


@pytest.mark.parametrize("given", ["Andrei", "Dmitri", "Yevgeny", "Anatoly"])
def test_a_russian_given_name_makes_a_person_who_speaks(given: str) -> None:
    text = f'"Prices will rise," {given} Volkov - an adviser to President Lars Holm - said on Monday.'
    assert _speakers(text) == {"Prices": f"{given} Volkov"}


def test_a_name_after_an_office_of_speaker_or_superintendent_is_a_person() -> None:
    text = (
        "Ohio Senate Speaker Laura Pratt spoke to the crowd. "
        '"We hear you," Pratt said. '
        "County schools Superintendent Dana Kirby has cited a study. "
        '"It is a shame," she said.'
    )
    assert _speakers(text) == {"We": "Laura Pratt", "It": "Dana Kirby"}


def test_a_speaker_who_said_to_someone_is_the_speaker() -> None:
    text = (
        "Union President Ray Odom addressed the rally. "
        "Teacher Ann Lowe said pay was too low. "
        '"The time is now," Odom said to cheers from the crowd. '
        '"It will work," people said to be close to the talks.'
    )
    assert _speakers(text)["The"] == "Ray Odom"


def test_an_aside_such_as_that_said_is_not_the_subject_of_the_speech_verb() -> None:
    text = (
        "The figures are rough. "
        'That said, the EPA says that the river "remains the main source of the pollution" in the state.'
    )
    assert _speakers(text) == {"remains": "EPA"}


def test_analysts_at_a_firm_are_unnamed_people_of_the_firm_not_the_firm() -> None:
    text = (
        "Northwind Bank said on Monday it would buy Contoso Ltd. for $2 billion. "
        'Economists at Fabrikam Capital wrote in a note to clients: "We think the price is about right." '
        'Fabrikam Capital said in a statement: "Our bank has no stake in either company."'
    )
    facts = extract(split_source(RawSource("story", "story.txt", SourceMeta(), text, "")))
    found = {quote.text.split()[0]: (quote.speaker, quote.speaker_kind, quote.speaker_org) for quote in facts.quotes}
    assert found["We"] == ("Economists at Fabrikam Capital", "descriptor", "Fabrikam Capital")
    assert found["Our"] == ("Fabrikam Capital", "organization", None)


def test_a_name_whose_surname_alone_speaks_later_is_a_person_though_the_given_name_is_rare() -> None:
    text = (
        "Hours before Kaden Voskuil’s three-point night on Friday, the coach praised him.\n\n"
        "“You can only keep going,” Voskuil said.\n\n"
        "The winner came off Mirela Vand Oort’s pass.\n\n"
        "“I just saw the gap,” Vand Oort said.\n\n"
        "Hosting Lenk at the show was a coup, the organisers said.\n\n"
        "“It was fun,” Lenk said.\n\n"
        "Darnell Okafor, who represents the club, spoke next.\n\n"
        "“We had hoped for more,” Okafor said.\n\n"
        "Major Brill shareholder Acme Holdings backed the plan. “Happy days are here,” Brill said.\n\n"
        "Lenders such as NorthBank Lyle and Bank of Avalon worried. Bank of Avalon and Lyle said “nothing changes”."
    )
    assert _speakers(text) == {
        "You": "Kaden Voskuil",
        "I": "Mirela Vand Oort",
        "It": "Lenk",
        "We": "Darnell Okafor",
        "Happy": "Brill",
        "nothing": "Lyle",
    }


def test_what_a_speaker_said_of_is_not_the_speaker() -> None:
    text = (
        "The agency widened the program. "
        "“We had to move faster than planned,” Ann Weld, head of the lunar office at the agency, said of the "
        "change in a call with reporters."
    )
    assert _speakers(text) == {"We": "Ann Weld"}


def test_a_verb_inside_an_opening_phrase_of_place_or_means_has_no_speaker_of_its_own() -> None:
    text = (
        "Ann Weld leads the regulator. "
        "In a letter calling for the hearing, Weld said that “silence is not an answer.” "
        "At a briefing explaining the plan, utility chief Tom Price said “we will do better.”"
    )
    assert _speakers(text) == {"silence": "Ann Weld", "we": "Tom Price"}


def test_a_name_and_a_verb_no_list_holds_after_a_quote_that_closes_on_a_comma_is_its_speaker() -> None:
    text = (
        "Ann Weld met Tom Price on the stage.\n\n"
        "“I can feel it here,” Weld said.\n\n"
        "“We all miss him so much,” Price weighed in, telling Weld, “since he left, you kept his values.”\n\n"
        "“Not this year,” Weld joked."
    )
    assert _speakers(text) == {"I": "Ann Weld", "We": "Tom Price", "since": "Tom Price", "Not": "Ann Weld"}


def test_the_subject_of_a_clause_joined_by_but_or_and_speaks_for_its_second_verb() -> None:
    text = (
        "Ann Weld runs the launch company.\n\n"
        "She gave no date for the first flight, but said the firm would fly the rocket “many, many times over” "
        "before then.\n\n"
        "Tom Price, the rival's chief, was calmer. “We will be ready,” said Price.\n\n"
        "Weld declined to name a price and said the cost would be “modest” at first."
    )
    assert _speakers(text) == {"many,": "Ann Weld", "We": "Tom Price", "modest": "Ann Weld"}


def test_the_agency_with_no_news_agency_named_before_is_the_government_agency() -> None:
    text = (
        "The Border Protection Agency runs the centres. At the time, the agency said in a statement that it chose "
        "not to act because of the “short-term stays of people” in custody."
    )
    (quote,) = _facts(text).quotes
    assert (quote.speaker, quote.speaker_kind) == ("Border Protection Agency", "organization")


def test_a_name_no_list_knows_followed_by_a_person_described_is_that_person() -> None:
    text = (
        "Some sellers check the figures daily. “Five people swiped away,” said Will Brekke, a consultant for "
        "online sellers who has a business account."
    )
    assert _speakers(text) == {"Five": "Will Brekke"}


def test_words_before_and_said_are_no_subject_of_said() -> None:
    text = (
        "Norland's trade ministry said it viewed the move as “another step against the rules” of the trade pact "
        "and said it would raise tensions."
    )
    (quote,) = _facts(text).quotes
    assert quote.speaker is not None and "ministry" in quote.speaker


def test_a_ministry_a_nationality_names_is_not_the_company_the_story_is_about() -> None:
    text = (
        "Acme Holdings agreed to buy Widget Corp. Acme Holdings said the deal would close soon. "
        "The French finance ministry said it “regrets any decision that weakens the market”."
    )
    (quote,) = _facts(text).quotes
    assert quote.speaker != "Acme Holdings"


def test_the_ones_named_after_with_speak_for_an_ing_verb() -> None:
    text = (
        "Another cloud of smoke is set to reach the 9 million residents of the city this week, with forecasters "
        "warning that the air is likely to turn “severe and dangerous to breathe” on Wednesday."
    )
    assert _speakers(text) == {"severe": "forecasters"}


def test_a_plural_noun_spelt_like_a_speech_verb_before_to_is_no_verb() -> None:
    text = (
        "The only two states to have signed treaties with Norland also criticised the shift, with Vestan Foreign "
        "Minister Tarek Obeidat warning of “grave and lasting consequences”."
    )
    assert _speakers(text) == {"grave": "Tarek Obeidat"}


def test_a_surname_speaks_for_a_name_that_ends_with_jr() -> None:
    text = (
        "Robert T. Callan Jr., the state's attorney for the district, said the case matters.\n\n"
        "“The right carries a duty,” Callan said in a statement."
    )
    assert _speakers(text) == {"The": "Robert T. Callan Jr"}


def test_the_subject_after_in_which_speaks() -> None:
    text = (
        "Karl Voss was arrested in May over a call he made to the mayor's office, in which he said he would "
        "“burn the whole place down to the ground.”"
    )
    assert _speakers(text) == {"burn": "Karl Voss"}


def test_an_attorney_named_with_a_rare_given_name_is_the_she_who_speaks_next() -> None:
    text = (
        "Rep. Ilhan Omar was threatened in March.\n\n"
        "Daryna K. Welk, Voss’s attorney, told reporters in a statement that her client meant no harm to Omar.\n\n"
        "“Karl is passionate about his beliefs,” she said in an email."
    )
    assert _speakers(text) == {"Karl": "Daryna K. Welk"}


def test_the_one_who_introduced_or_hailed_someone_as_a_quoted_phrase_said_it() -> None:
    text = (
        "Marc Lenz hosted Tom Price on stage. Lenz introduced Price to the audience as “someone who has changed "
        "what it means to lead a company”. Later, Ann Weld hailed the pact as “a turning point for the whole "
        "industry”."
    )
    assert _speakers(text) == {"someone": "Marc Lenz", "a": "Ann Weld"}


def test_the_statement_read_speaks_for_the_firm_that_issued_it() -> None:
    text = (
        "Acme Records denied the claims in a statement on its website. "
        "“At no point did we say she could not perform,” the statement read."
    )
    assert _speakers(text) == {"At": "Acme Records"}


def test_a_relative_clause_set_off_by_commas_before_the_verb_is_no_speaker() -> None:
    text = (
        "Acme Records sent a statement to the show. The statement, which was obtained by Tempo, "
        "claimed that the two firms had “agreed to license the songs for the show”."
    )
    assert _speakers(text) == {"agreed": "Acme Records"}


def test_they_who_said_it_in_a_statement_are_the_firm_the_story_is_about() -> None:
    text = (
        "Acme Records have twice denied doing anything wrong. "
        "“At no point did we block her special,” they said in a statement on their website."
    )
    assert _speakers(text) == {"At": "Acme Records"}


def test_a_sentence_that_opens_with_he_hands_he_back_to_the_one_before() -> None:
    text = (
        "“We did it all with one launch,” Tom Price, a former astronaut, responded. He then cited Mark Cole’s "
        "testimony on the odds of success.\n\n"
        "“But with eight launches, I have to go with Mr. Cole: the odds fall by half,” he concluded."
    )
    assert _speakers(text) == {"We": "Tom Price", "But": "Tom Price"}


def test_he_after_a_quote_of_one_unnamed_person_is_that_person() -> None:
    text = (
        "Acme Corp chief executive Tom Reed said on Monday the bid was fair.\n\n"
        '"Funds are no monolith," said one investor, who expects holders to ask for more. '
        '"There are fast traders who bought at $40, but that is not everybody," he said.\n\n'
        '"It was public money that built the technology," said a Canadian banker specializing in mergers. '
        '"Nobody was interested at $120," said one head of investment banking at a Wall Street firm.'
    )
    found = {quote.text.split()[0]: quote.speaker for quote in _facts(text).quotes}
    assert found["There"] == "one investor"
    assert found["It"] == "a Canadian banker"
    assert found["Nobody"] == "one head of investment banking"


def test_a_given_name_that_is_also_an_auxiliary_opens_a_speaker_s_name() -> None:
    text = '"It was an attempt to mislead voters," Will Moy, chief executive of Fabrikam Facts, told the BBC.'
    assert _speakers(text) == {"It": "Will Moy"}


def test_a_rare_given_name_opening_a_sentence_makes_a_person_when_the_surname_speaks() -> None:
    text = (
        "Ombeni Tarwala didn’t know the governor was coming but saw his visit as a pleasant surprise.\n\n"
        "“He has me thinking now,” said Tarwala, who is also weighing other candidates."
    )
    assert _speakers(text) == {"He": "Ombeni Tarwala"}
