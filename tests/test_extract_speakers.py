"""Who said it, as news writes it: pronouns, titles and spokespeople, fragments, names with initials."""

from __future__ import annotations

import pytest

from builder.extract import extract
from builder.model import SourceMeta
from builder.sources import RawSource, split_source


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
