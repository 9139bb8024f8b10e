"""The article's author from its byline or wire credit, and the newsroom kept out of the deal's people."""

from __future__ import annotations

from builder.extract import extract
from builder.model import SourceMeta
from builder.sources import RawSource, split_source


def test_the_author_is_credited_and_not_a_person_of_the_deal() -> None:
    text = (
        "Acme buys Widget\n\n"
        'Acme Corp said it would buy Widget Inc. "It is a good fit," said Jane Doe, Acme\'s chief executive.\n\n'
        "(Reporting by Mark Poe in London; Additional reporting by Ann Lee; Editing by John Roe)\n"
    )
    facts = extract(split_source(RawSource("story", "story.txt", SourceMeta(), text, "")))
    assert facts.byline == "Mark Poe"
    assert [person.name for person in facts.people] == ["Jane Doe"]
