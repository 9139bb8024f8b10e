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
