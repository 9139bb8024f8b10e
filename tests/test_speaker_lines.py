"""Speaker lines of wire copy: "NAME, TITLE, FIRM" in capitals names who speaks the quotations after it."""

from __future__ import annotations

from builder.extract import extract
from builder.extract.speaker_lines import speaker_lines
from builder.model import SourceMeta
from builder.sources import RawSource, split_source

INSTANT_VIEW = (
    "Instant view: Acme agrees to buy Widget\n\n"
    "(Reuters) - Acme Corp said it would buy Widget Inc for $2 billion after a slow recovery. "
    "Below are comments from analysts: "
    'JANE DOE, ANALYST, NORTHFIELD SECURITIES "The price is fair. It looks like a good fit." '
    '"The synergies should be large." '
    'RICHARD ROE, MANAGING DIRECTOR AT HILLTOP CAPITAL ( HIL.N ): "I did not expect it so soon." '
    'SLOW RECOVERY "Nobody saw that coming," said Mark Poe, a trader at Dunmore. '
    'KESTRELBANK "We stay cautious on the sector."\n'
)


def test_lines_name_people_with_title_and_firm_and_firms_alone_but_not_headings() -> None:
    found = [(line.name, line.kind, line.title, line.org) for line in speaker_lines(INSTANT_VIEW)]
    assert found == [
        ("Jane Doe", "person", "analyst", "Northfield Securities"),
        ("Richard Roe", "person", "managing director", "Hilltop Capital"),
        ("Kestrelbank", "organization", None, None),
    ]


def test_quotes_after_a_line_are_its_speakers_until_the_next_line() -> None:
    source = split_source(RawSource("view", "view.txt", SourceMeta(), INSTANT_VIEW, ""))
    facts = extract(source)
    speakers = [(q.text.split()[0], q.speaker) for q in facts.quotes]
    assert speakers == [
        ("The", "Jane Doe"),
        ("The", "Jane Doe"),
        ("I", "Richard Roe"),
        ("Nobody", "Mark Poe"),
        ("We", "Kestrelbank"),
    ]
    people = {p.name: (p.title, p.organization) for p in facts.people}
    assert people["Jane Doe"] == ("analyst", "Northfield Securities")
    assert people["Richard Roe"] == ("managing director", "Hilltop Capital")


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


def test_the_author_is_credited_and_not_a_person_of_the_deal() -> None:
    text = (
        "Acme buys Widget\n\n"
        'Acme Corp said it would buy Widget Inc. "It is a good fit," said Jane Doe, Acme\'s chief executive.\n\n'
        "(Reporting by Mark Poe in London; Additional reporting by Ann Lee; Editing by John Roe)\n"
    )
    facts = extract(split_source(RawSource("story", "story.txt", SourceMeta(), text, "")))
    assert facts.byline == "Mark Poe"
    assert [person.name for person in facts.people] == ["Jane Doe"]
