"""Loading sources: front matter, verbatim text, sentences and their offsets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from builder.errors import BriefError
from builder.extract.sentences import split_sentences
from builder.model import Source
from builder.sources import load_sources
from tests.conftest import ROOT, shared

SEED_FILES = {
    "newsng": "000_1a99c53bc1ebbd23.txt",
    "blog-2024-07-25": "001_3dd2b6c1e2b9fd2a.txt",
    "converge360": "002_a10b7d76c106c92b.txt",
}


def by_id(sources: list[Source]) -> dict[str, Source]:
    return {source.id: source for source in sources}


def test_the_seeds_load_in_file_name_order(seeds: list[Source]) -> None:
    assert [s.id for s in seeds] == ["blog-2024-07-25", "converge360", "newsng"]


def test_metadata_is_only_what_the_text_states(seeds: list[Source]) -> None:
    sources = by_id(seeds)
    blog, converge, newsng = (
        sources["blog-2024-07-25"].meta,
        sources["converge360"].meta,
        sources["newsng"].meta,
    )
    assert blog.published == date(2024, 7, 25)
    assert (blog.title, blog.outlet, blog.author, blog.url) == (None, None, None, None)
    assert (converge.author, converge.outlet) == ("Gladys Rama", "Converge360")
    assert converge.published is None
    assert (newsng.title, newsng.outlet, newsng.author, newsng.published, newsng.url) == (None,) * 5
    assert {s.meta.imported_from for s in seeds} == {f"seeds/{name}" for name in SEED_FILES.values()}


@pytest.mark.parametrize("source_id", sorted(SEED_FILES))
def test_text_is_the_seed_verbatim(seeds: list[Source], source_id: str) -> None:
    seed = shared("seeds", SEED_FILES[source_id]).read_text(encoding="utf-8")
    assert by_id(seeds)[source_id].text == seed


def test_sentence_offsets_point_into_the_text(seeds: list[Source]) -> None:
    for source in seeds:
        for number, sentence in enumerate(source.sentences, start=1):
            assert source.text[sentence.start : sentence.end] == sentence.text
            assert sentence.id == f"{source.id}-s{number}"
            assert sentence.text == sentence.text.strip()


def test_curly_quotes_survive(seeds: list[Source]) -> None:
    assert "“AI is reshaping our daily lives" in by_id(seeds)["newsng"].text


def test_a_quote_split_over_two_paragraphs_is_two_sentences(seeds: list[Source]) -> None:
    newsng = by_id(seeds)["newsng"]
    assert newsng.sentences[8].text.endswith("make it a reality.")
    assert newsng.sentences[9].text.startswith("“Lumen’s expansive network")
    assert newsng.sentences[8].paragraph != newsng.sentences[9].paragraph


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Dr. Jones. They agreed.", ["Mr. Smith met Dr. Jones.", "They agreed."]),
        (
            "Shares rose 2.5% in the U.S. market on Monday.",
            ["Shares rose 2.5% in the U.S. market on Monday."],
        ),
        ("It bought Acme Inc. The deal closed.", ["It bought Acme Inc.", "The deal closed."]),
        (
            "“We are pleased. It is good,” he said. Then he left.",
            ["“We are pleased.", "It is good,” he said.", "Then he left."],
        ),
        ("John F. Kennedy spoke.", ["John F. Kennedy spoke."]),
        (
            "Headline without a stop\nBody text here. More text.",
            ["Headline without a stop", "Body text here.", "More text."],
        ),
        (
            "A line that is wrapped\nin the middle goes on.",
            ["A line that is wrapped\nin the middle goes on."],
        ),
    ],
)
def test_sentence_splitting(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_sentences(text)] == expected


def test_a_txt_file_takes_its_first_line_as_headline(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "deal.txt").write_text("Acme buys Widget\n\nAcme said on Monday it would buy Widget.", encoding="utf-8")
    (source,) = load_sources(folder, tmp_path)
    assert source.meta.title == "Acme buys Widget"
    assert source.sentences[0].text == "Acme buys Widget"


def test_unknown_front_matter_keys_are_errors(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "deal.md").write_text("---\ntitle: A\npublisher: B\n---\nText.", encoding="utf-8")
    with pytest.raises(BriefError) as caught:
        load_sources(folder, tmp_path)
    assert str(caught.value.problems[0]) == (
        "sources/deal.md:3:1 publisher: unknown key; did you mean 'published'? "
        "(allowed: title, outlet, author, published, url, kind, imported_from)"
    )


def test_the_example_sources_are_the_project_s(seeds: list[Source]) -> None:
    assert all(Path(ROOT, s.path).is_file() for s in seeds)
