"""Page furniture: labels, share bars, bylines, credits and dates alone are marked, not numbered or read."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.extract.furniture import find_furniture
from builder.extract.sentences import split_sentences
from builder.model import Source, SourceMeta
from builder.sources import RawSource, split_source
from tests.conftest import shared


def kinds(text: str) -> list[tuple[str, str | None]]:
    segments = split_sentences(text)
    found = find_furniture(text, segments)
    return [(text[s.start : s.end], kind) for s, kind in zip(segments, found.kinds, strict=True)]


def by_id(seeds: list[Source]) -> dict[str, Source]:
    return {source.id: source for source in seeds}


def test_the_seeds_furniture_is_marked_and_keeps_its_place(seeds: list[Source]) -> None:
    sources = by_id(seeds)
    converge = sources["converge360"]
    marked = {s.n: s.furniture for s in converge.sentences if s.furniture}
    assert marked == {1: "label", 20: "label", 21: "author", 22: "label"}
    assert [converge.sentences[n - 1].text for n in (1, 20, 22)] == ["News", "About the Author", "Featured"]
    blog = sources["blog-2024-07-25"]
    assert (blog.sentences[0].text, blog.sentences[0].furniture) == ("date 2024-07-25", "date")
    assert not any(s.furniture for s in sources["newsng"].sentences)
    # ids and offsets stay: the text is verbatim and sentence 2 is still s2
    assert converge.sentences[1].id == "converge360-s2" and converge.text.startswith("News\n")


def test_furniture_is_not_read_for_facts(built) -> None:  # type: ignore[no-untyped-def]
    brief = built.brief
    furniture = {s.id for source in brief.sources for s in source.sentences if s.furniture}
    facts = [*brief.amounts, *brief.dates, *brief.disclosures, *brief.unnamed]
    assert not furniture & {fact.sentence for fact in facts}
    assert "Gladys Rama" not in {person.name for person in brief.people}  # the author, not a person of the deal
    assert "Converge360" not in {org.name for org in brief.organizations}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Share\n\nFacebook Twitter LinkedIn Email\n\nAcme bought Widget.", ["label", "share", None]),
        ("By Jane Doe, Reuters\n\nAcme bought Widget.", ["byline", None]),
        ("Published: 25 July 2024 10:15 BST\n\nAcme bought Widget.", ["date", None]),
        ("Related articles\n\nAcme bought Widget.\n\nYou may also like...", ["label", None, "label"]),
        ("Acme bought Widget. (Reporting by Jane Doe; Editing by John Roe)", [None, "credits"]),
        ("By contrast, Acme paid in cash.", [None]),
        ("Research by Nielsen shows that people are buying more.", [None]),
        ("News of the deal lifted Acme's shares.", [None]),
    ],
)
def test_kinds_of_furniture(text: str, expected: list[str | None]) -> None:
    assert [kind for _, kind in kinds(text)] == expected


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("Acme buys Widget\n\nBy Jane Doe, Reuters\n\nAcme bought Widget on Monday.", "Jane Doe"),
        ("Acme bought Widget. (Reporting by  Tim Hepher ,  Kate Holton )", "Tim Hepher"),
        ("Acme bought Widget. (Additional reporting by Kate Holton in Paris)", None),
        ("Acme bought Widget.\n\nAbout the Author\n\nSam Rivera (@sam) is a reporter at the Daily.", "Sam Rivera"),
        ("Acme bought Widget.\n\nBy Monday, it had paid.", None),
    ],
)
def test_a_byline_names_the_author_when_the_metadata_does_not(text: str, author: str | None) -> None:
    source = split_source(RawSource("a", "a.md", SourceMeta(), text, "0"))
    assert source.meta.author == author


def test_the_front_matter_author_wins_over_a_byline() -> None:
    text = "By Jane Doe\n\nAcme bought Widget on Monday."
    source = split_source(RawSource("a", "a.md", SourceMeta(author="J. Doe"), text, "0"))
    assert source.meta.author == "J. Doe" and source.sentences[0].furniture == "byline"


def test_wire_stories_lose_only_their_credits() -> None:
    folder = shared("corpus", "reuters-deals")
    found: dict[str | None, int] = {}
    for path in sorted(Path(folder).rglob("*.txt"))[:300]:
        for _, kind in kinds(path.read_text(encoding="utf-8", errors="replace")):
            found[kind] = found.get(kind, 0) + 1
    assert found.get("credits", 0) > 50
    assert set(found) <= {None, "credits", "byline", "date", "label"}
    assert found[None] > 50 * found.get("credits", 0)


def test_news_articles_have_no_furniture() -> None:
    folder = shared("corpus", "bbc-news")
    marked = [
        line
        for path in sorted(Path(folder).rglob("*.txt"))[:300]
        for line, kind in kinds(path.read_text(encoding="utf-8", errors="replace"))
        if kind
    ]
    assert marked == []
