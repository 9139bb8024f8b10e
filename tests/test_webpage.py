"""Saved web pages by kind: what the importer keeps of each, and the metadata it reads."""

from __future__ import annotations

from datetime import date

import pytest

from builder.extract.sentences import split_sentences
from builder.importers import ImportProblem, article_from_html
from builder.webpage import text as page_text_module
from builder.webpage.meta import byline_names, without_site_name
from builder.webpage.tables import markdown_tables
from builder.webpage.text import PageText, word_count

PARAGRAPHS = [
    "Acme has agreed to buy the components maker Widget Corp for $2.1bn in cash, the two companies said on Monday.",
    "The deal values Widget at $42 a share, a premium of about 30% to its closing price on Friday, Acme said.",
    '"This brings together two leaders in precision components," said Jane Doe, chief executive of Acme.',
    "Acme expects the purchase to save about $150m a year by the end of 2027, subject to approval by regulators.",
]


def page(body: str, head: str = "") -> str:
    """A saved page: a head with the given tags, a menu, the body, comments and a footer."""
    return (
        f"<html><head><meta charset='utf-8'>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/business'>Business</a> <a href='/subscribe'>Subscribe</a></nav>"
        f"{body}"
        "<section class='comments'><h2>Comments</h2><p>Overpriced!</p></section>"
        "<footer>© 2025 The Example Daily</footer></body></html>"
    )


def article(*paragraphs: str) -> str:
    return "<article><h1>Acme buys Widget</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>"


def test_a_japanese_article_counts_its_characters_as_words() -> None:
    japanese = [
        "先日、不正に改造した端末を販売したとして、商標法違反の疑いで男性が逮捕されたというニュースを耳にしました。",
        "報道によると、今回販売されたのは、いわゆる改造した端末でした。もちろん、製造元は改造を認めていません。",
    ]
    assert word_count(japanese[0]) == len(japanese[0]) - 3  # every character but the three commas and the stop
    assert word_count("Acme buys 20代の男性") == 3 + 4  # Acme, buys, 20, and four characters
    imported = article_from_html(
        page("<article><h1>商品の改造</h1>" + "".join(f"<p>{p}</p>" for p in japanese) + "</article>")
    )
    assert japanese[1] in imported.text


def test_a_page_without_an_article_is_refused_with_its_word_count() -> None:
    with pytest.raises(ImportProblem, match=r"no article found in this page \(\d+ words of text"):
        article_from_html(page("<p>Sign in to read more.</p>"))


def test_too_little_in_precision_mode_retries_in_recall_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[bool] = []

    def extract(tree: object, recall: bool) -> PageText:
        asked.append(recall)
        text = " ".join(PARAGRAPHS) if recall else "This copy is for your personal use only."
        return PageText(text, None, word_count(text), None)

    monkeypatch.setattr(page_text_module, "_extract", extract)
    found = page_text_module.page_text(page(article(*PARAGRAPHS)))
    assert asked == [False, True]
    assert found.text.startswith("Acme has agreed")


def test_an_article_laid_out_in_a_table_reads_as_paragraphs() -> None:
    cells = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    layout = f"<table><tr><td><a href='/'>Home</a><br><a href='/news'>News</a></td><td>{cells}</td></tr></table>"
    imported = article_from_html(page(layout, "<title>Acme buys Widget</title>"))
    assert "|" not in imported.text
    for paragraph in PARAGRAPHS:
        assert f"\n\n{paragraph}\n" in imported.text


def test_a_table_of_data_is_kept_as_a_markdown_table_whose_rows_are_sentences() -> None:
    table = (
        "<table><tr><th>Measure</th><th>Acme</th><th>Widget</th></tr>"
        "<tr><td>Revenue</td><td>$4.1bn</td><td>$900m</td></tr>"
        "<tr><td>Staff</td><td>12,000</td><td>4,200</td></tr></table>"
    )
    imported = article_from_html(page(article(*PARAGRAPHS[:2], table, *PARAGRAPHS[2:])))
    rows = "| Measure | Acme | Widget |\n|---|---|---|\n| Revenue | $4.1bn | $900m |\n| Staff | 12,000 | 4,200 |"
    assert f"\n\n{rows}\n\n" in imported.text
    sentences = [imported.text[s.start : s.end] for s in split_sentences(imported.text)]
    assert "| Revenue | $4.1bn | $900m |" in sentences and "|---|---|---|" not in sentences
    assert not any("|" in s and not s.startswith("|") for s in sentences)


def test_markdown_tables_get_a_header_and_even_rows_and_two_tables_stay_apart() -> None:
    text = "Intro.\n| a | b | \n| c | d | e | \n| h1 | h2 | \n|---|---|\n| x | y | \nAfter."
    assert markdown_tables(text) == (
        "Intro.\n\n| a | b |  |\n|---|---|---|\n| c | d | e |\n\n| h1 | h2 |\n|---|---|\n| x | y |\n\nAfter."
    )


def test_an_article_split_by_an_advert_into_two_containers_is_read_whole() -> None:
    later = [p.replace("Acme", "The buyer") for p in PARAGRAPHS]
    body = (
        "<main><h1>Acme buys Widget</h1><div class='row'><div class='article-body'>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</div><aside class='rail'><div class='ad'></div></aside></div>"
        "<div class='ad-row'><span>Advertisement</span></div><div class='row'><div class='article-body'>"
        + "".join(f"<p>{p}</p>" for p in later)
        + "</div></div></main>"
    )
    imported = article_from_html(page(body))
    for paragraph in [*PARAGRAPHS, *later]:
        assert paragraph in imported.text
    assert imported.text.index(PARAGRAPHS[-1]) < imported.text.index(later[0])


def test_a_card_that_pops_up_over_a_name_is_no_part_of_the_sentence() -> None:
    card = (
        '<span class="rollover-people"><a href="/people/jane-doe">Jane Doe</a>'
        '<span class="rollover-people-block"><a class="name" href="/people/jane-doe">Jane Q. Doe</a>'
        '<a href="/news/1">Acme weighs a bid for Widget</a> '
        '<a class="more" href="/people/jane-doe">MORE</a></span></span>'
    )
    sentence = f"Acme chief executive {card} (D) said the offer was fair."
    imported = article_from_html(page(article(*PARAGRAPHS[:2], sentence, *PARAGRAPHS[2:])))
    assert "Acme chief executive Jane Doe (D) said the offer was fair." in imported.text
    assert "MORE" not in imported.text


def test_a_newsletter_sign_up_box_and_a_promotion_link_standing_alone_are_no_part_of_the_article() -> None:
    body = (
        "<div class='story'><h1>Acme buys Widget</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "<em>Disclaimer: The views of analysts quoted here are their own and not those of the paper.</em><br><br>"
        "<a href='/promos/plus'>Get access to the fastest growing markets service Daily Plus for as little as "
        "$5 for the first year.</a></div>"
        "<div class='box'><div><h2>Subscribe to the Morning Brief newsletter</h2>"
        "<p>Get the day's top headlines delivered to your inbox every morning by subscribing to our newsletter.</p>"
        "</div><form action='/signup'><style>.email { height: 30px; }</style>"
        "<input type='email' name='email'><button>Sign up</button></form></div>"
    )
    text = article_from_html(page(body)).text
    assert PARAGRAPHS[-1] in text and "Disclaimer: The views" in text
    assert "Daily Plus" not in text
    assert "Morning Brief" not in text and "top headlines" not in text


def test_metadata_comes_cleaned_from_the_pages_own_tags() -> None:
    head = (
        "<title>Acme buys Widget | The Example Daily</title>"
        "<meta property='og:title' content='Acme buys Widget | The Example Daily'>"
        "<meta property='og:site_name' content='The Example Daily'>"
        "<meta property='article:published_time' content='2025-03-04T07:00:00+00:00'>"
        "<link rel='canonical' href='https://daily.example.org/business/acme-widget'>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Acme buys Widget",'
        ' "author": {"@type": "Person", "name": "By JANE ROE, AP Business Writer"}}</script>'
    )
    imported = article_from_html(page(article(*PARAGRAPHS), head))
    meta = imported.meta
    assert (meta.title, meta.outlet, meta.author, meta.published, meta.url) == (
        "Acme buys Widget",
        "The Example Daily",
        "Jane Roe",
        date(2025, 3, 4),
        "https://daily.example.org/business/acme-widget",
    )
    assert imported.text.startswith("Acme buys Widget\n\nAcme has agreed")


def test_an_organisation_byline_is_kept_as_the_credit_and_an_unstated_date_stays_unknown() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "Reuters"}}</script>'
    body = article(*PARAGRAPHS, "Acme first made an offer on 3 March 2025, the people said.")
    meta = article_from_html(page(body, head)).meta
    assert meta.author == "Reuters"
    assert meta.published is None


@pytest.mark.parametrize(
    ("byline", "people", "organisations"),
    [
        ("Tom Krisher; Ap Auto Writer", ["Tom Krisher"], []),
        ("Condé Nast; Molly Wood", ["Molly Wood"], ["Condé Nast"]),
        ("Troy Smith; Troy L Smith; Cleveland com", ["Troy L Smith"], ["Cleveland com"]),
        ("Phil Helsel is a reporter", ["Phil Helsel"], []),
        ("Tom Gillespie News reporter", ["Tom Gillespie"], []),
        ("Mike Wuerthele; Malcolm Owen Monday; November", ["Mike Wuerthele", "Malcolm Owen"], []),
        ("By MEG KINNARD and ERRIN HAINES, Associated Press", ["Meg Kinnard", "Errin Haines"], ["Associated Press"]),
        ("David Jeans; Kevin Rebong; Kevin-R", ["David Jeans", "Kevin Rebong"], []),
        ("Kevin Johnson; Kevin McCoy", ["Kevin Johnson", "Kevin McCoy"], []),
        ("Reuters", ["Reuters"], []),
        ("The Example Daily", [], ["The Example Daily"]),
        ("Staff writer", [], []),
    ],
)
def test_a_byline_is_split_into_people_and_organisations(
    byline: str, people: list[str], organisations: list[str]
) -> None:
    found = byline_names(byline, {"theexampledaily"}, "Copyright (c) Condé Nast 2019")
    assert (found.people, found.organisations) == (people, organisations)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Acme buys Widget | The Example Daily", "Acme buys Widget"),
        ("Acme buys Widget - example.org", "Acme buys Widget"),
        ("The Example Daily: Acme buys Widget", "Acme buys Widget"),
        ("Fact check: Acme buys Widget - The Example Daily", "Fact check: Acme buys Widget"),
        ("Acme buys Widget - Tagline - The Example Daily", "Acme buys Widget - Tagline"),
        ("The Example Daily", "The Example Daily"),
    ],
)
def test_the_site_name_comes_off_the_title(title: str, expected: str) -> None:
    assert without_site_name(title, {"theexampledaily", "exampleorg", "example"}) == expected
