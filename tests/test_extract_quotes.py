"""Quotation marks as news uses them: quotes wrapped over lines, stray and doubled marks, block quotations,
and the marks that quote no one (titles, scare quotes, headline claims)."""

from __future__ import annotations

from builder.extract import extract
from builder.model import SourceMeta
from builder.sources import RawSource, split_source


def _quotes(text: str) -> list[tuple[str, str | None]]:
    facts = extract(split_source(RawSource("story", "story.txt", SourceMeta(), text, "")))
    return [(q.text, q.speaker) for q in facts.quotes]


def test_a_quote_wrapped_over_blank_lines_is_one_quote() -> None:
    text = (
        "Board rejects bid\n\n"
        '"The proposed price of $5.50 a share comes with\n\nmany complex conditions and a break fee,"\n\n'
        "Acme said in a statement.\n"
    )
    assert _quotes(text) == [
        ("The proposed price of $5.50 a share comes with\n\nmany complex conditions and a break fee", "Acme")
    ]


def test_a_stray_or_doubled_opening_mark_does_not_cut_the_quote() -> None:
    stray = 'The latest change is a "transparent attempt to force the deal through," Icahn said.'
    doubled = 'Acme is set to pay an ""unfair and inadequate" sum, the papers say.'
    assert _quotes(stray) == [("transparent attempt to force the deal through", "Icahn")]
    assert [text for text, _ in _quotes(doubled)] == ["unfair and inadequate"]


def test_a_quote_whose_closing_mark_is_missing_ends_before_its_attribution() -> None:
    text = (
        'Shares closed at 561.5 pence. "If it comes in at 550 pence, I would not call it a knockout offer. '
        "It is a bit lower than people were looking for, Numis Securities' Anna Berg said. The bid has no "
        'backing from the trustees, so any deal is now in "uncharted territory", a spokesman said.'
    )
    assert _quotes(text) == [
        (
            "If it comes in at 550 pence, I would not call it a knockout offer. It is a bit lower than people "
            "were looking for",
            "Anna Berg",
        ),
        ("uncharted territory", "a spokesman"),
    ]


def test_a_paragraph_introduced_with_a_colon_is_a_block_quotation() -> None:
    text = (
        "Acme buys Widget\n\nAcme explains in a blog post:\n\n"
        "Widgets have become critical to the way millions of people work, and we are proud to bring them home.\n"
    )
    ((quoted, speaker),) = _quotes(text)
    assert quoted.startswith("Widgets have become") and speaker == "Acme"


def test_titles_terms_and_headline_claims_are_not_quotes() -> None:
    text = (
        "Acme set to 'woo' Widget\n\n"
        'Acme, maker of the "Space Racer" game, plans a "phase one" deal with Widget. '
        'Its chief told CNBC\'s "Market Hour" that Widget was "a great fit". '
        'Analysts expect "entertainment and leisure" robots to sell well.\n'
    )
    assert [quoted for quoted, _ in _quotes(text)] == ["a great fit"]


def test_a_term_in_single_marks_pointed_back_at_is_not_a_quote() -> None:
    text = (
        "The 2000 deal gave the seller a 'call right' on the rest of the unit. "
        "The company has repeated its claims that this 'call' is still binding. "
        "The buyer called the claim 'absurd'."
    )
    assert _quotes(text) == [("absurd", "The buyer")]


def test_words_chanted_or_shouted_are_quotes() -> None:
    text = (
        "Thousands of nurses marched on the capitol on Monday. "
        "Nurses chanted, “Staff our wards,” and “Patients first,” as they lined the steps. "
        "Later some marchers shouted, “Care not cuts,” in a hallway."
    )
    assert [quote for quote, _ in _quotes(text)] == ["Staff our wards", "Patients first", "Care not cuts"]


def test_a_slogan_or_the_words_on_a_sign_are_written_not_said() -> None:
    text = (
        "The city launched a campaign with the slogan “Drive slow, arrive alive.” "
        "Many held handmade signs with sayings such as, “Less Tax on Work, More Tax on Wealth.” "
        "Others carried banners reading “Hands off our pensions.” "
        "“We will not stop,” Jo Smith said."
    )
    assert [quote for quote, _ in _quotes(text)] == ["We will not stop"]


def test_a_fragment_of_words_someone_announced_is_theirs_and_a_lone_scare_quote_is_not() -> None:
    text = (
        "Despite Ms. Laura Pratt’s Oct. 11 announcement that the two cities had reached a “historic” water deal, "
        "nothing has been signed. The plan remains a “bold” step for the region."
    )
    assert _quotes(text) == [("historic", "Laura Pratt")]


def test_a_fragment_someone_sees_or_regards_a_thing_as_is_theirs() -> None:
    text = (
        "Maria Lopez, an analyst at research firm Northfield, sees the catalogue as its “weak spot.” "
        "Tom Reyes, who runs the Acme fund, regards the offer as “derisory” and will vote against it."
    )
    assert _quotes(text) == [("weak spot.", "Maria Lopez"), ("derisory", "Tom Reyes")]


def test_a_term_the_sentence_names_is_not_a_quote() -> None:
    text = (
        'Lenders must book any fall in the loans\' value, a practice known as "writing them down." '
        'The fund\'s chief, who is known as "the bargain hunter" in the trade, sold out. '
        'A spokesman for the fund said the sale was "part of a plan set out last year."'
    )
    assert [quoted for quoted, _ in _quotes(text)] == ["part of a plan set out last year."]


def test_a_straight_mark_with_a_space_after_it_still_opens_a_quote_when_none_is_open() -> None:
    text = (
        '"I run my business on my phone. I have for years," Ann Weld told Tom Price. " You have done such a good job."'
    )
    facts = extract(split_source(RawSource("s", "s.txt", SourceMeta(), text, "")))
    assert [quote.text for quote in facts.quotes] == [
        "I run my business on my phone. I have for years",
        "You have done such a good job.",
    ]


def test_two_single_marks_written_for_a_double_one_close_or_open_a_quote() -> None:
    text = (
        "“It was an attempt to mislead voters,’’ Tom Reed, chief executive of Fabrikam, told the BBC. "
        "The regulator warned that “voters are entitled to transparency.’’ ''We will look again,'' Ann Weld said."
    )
    facts = extract(split_source(RawSource("s", "s.txt", SourceMeta(), text, "")))
    assert [quote.text for quote in facts.quotes] == [
        "It was an attempt to mislead voters",
        "voters are entitled to transparency.",
        "We will look again",
    ]
    assert (facts.quotes[0].speaker, facts.quotes[2].speaker) == ("Tom Reed", "Ann Weld")
