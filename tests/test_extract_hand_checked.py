"""Deal articles from the BBC corpus, checked by hand: who said what, and which figures, with hedges."""

from __future__ import annotations

from decimal import Decimal

import pytest

from builder.extract import extract
from builder.model import SourceFacts, SourceMeta
from builder.sources import RawSource, split_source
from tests.conftest import shared


def facts_of(name: str) -> SourceFacts:
    text = shared("corpus", "bbc-news", name).read_text(encoding="utf-8")
    source = split_source(RawSource("article", name, SourceMeta(title=text.splitlines()[0]), text, ""))
    return extract(source)


# (article, opening words of the quote, speaker as resolved, title, organisation, reported by)
SPEAKERS = [
    (
        "business/gm-pays-2bn-to-evade-fiat-buyout.txt",
        "We now have absolute freedom",
        "Sergio Marchionne",
        "chief executive",
        "Fiat",
        None,
    ),
    (
        "business/gm-pays-2bn-to-evade-fiat-buyout.txt",
        "We needed scale in Europe",
        "Rick Wagoner",
        "chief executive",
        "GM",
        None,
    ),
    (
        "business/macy-s-owner-buys-rival-for-11bn.txt",
        "We have taken the first step",
        "Terry Lundgren",
        "chairman",
        "Federated Department Stores",
        None,
    ),
    (
        "business/macy-s-owner-buys-rival-for-11bn.txt",
        "Without this deal May would",
        "Kurt Barnard",
        "president",
        "Barnard's Retail Consulting Group",
        None,
    ),
    (
        "business/glazer-makes-new-man-utd-approach.txt",
        "definitive proposals",
        "David Gill",
        "chief executive",
        "United",
        None,
    ),
    (
        "business/glazer-makes-new-man-utd-approach.txt",
        "The board can confirm",
        "Manchester United",
        None,
        None,
        None,
    ),
    (
        "business/glazer-makes-new-man-utd-approach.txt",
        "We will fight tooth and nail",
        "Mark Longden",
        None,
        "Independent Manchester United Supporters' Association",
        None,
    ),
    (
        "business/glazer-makes-new-man-utd-approach.txt",
        "The campaign against this proposed",
        "Mark Longden",
        None,
        "Independent Manchester United Supporters' Association",
        None,
    ),
    (
        "business/euronext-joins-bid-battle-for-lse.txt",
        "The approach is at an early stage",
        "London Stock Exchange",
        None,
        None,
        None,
    ),
    (
        "business/euronext-joins-bid-battle-for-lse.txt",
        "Because we already own Liffe",
        "an unnamed executive at Euronext",
        None,
        None,
        None,
    ),
    (
        "business/china-s-shanda-buys-stake-in-sina.txt",
        "continue to act in the best interests",
        "Sina",
        None,
        None,
        None,
    ),
    (
        "business/china-s-shanda-buys-stake-in-sina.txt",
        "There could still be some potential",
        "Wallace Cheung",
        "analyst",
        "DBS Vickers",
        None,
    ),
    (
        "business/china-s-shanda-buys-stake-in-sina.txt",
        "Even though Shanda has 20%",
        "Wallace Cheung",
        "analyst",
        "DBS Vickers",
        None,
    ),
    (
        "business/diageo-to-buy-us-wine-firm.txt",
        "The US wine market represents",
        "Ivan Menezes",
        "president",
        "Diageo North America",
        None,
    ),
    (
        "business/circuit-city-gets-takeover-offer.txt",
        "Such a transformation would",
        "Highfield",
        None,
        None,
        None,
    ),
    (
        "business/fosters-buys-stake-in-winemaker.txt",
        "Currently, I think the strategic",
        "one analyst",
        None,
        None,
        "the Agence France Presse",
    ),
    (
        "business/fosters-buys-stake-in-winemaker.txt",
        "is definitely a precursor",
        "Matt Williams",
        "fund manager",
        "Perpetual Trustees",
        None,
    ),
    (
        "business/standoff-on-deutsche-s-lse-bid.txt",
        "We are long-term investors",
        "David Slager",
        None,
        "Atticus",
        "the Sunday Times",
    ),
    (
        "business/standoff-on-deutsche-s-lse-bid.txt",
        "TCI's request for the removal",
        "Deutsche Boerse",
        None,
        None,
        "Reuters",
    ),
    (
        "tech/hitachi-unveils-fastest-robot.txt",
        "We aimed to create a robot",
        "Toshihiko Horiuchi",
        None,
        None,
        None,
    ),
    (
        "tech/hitachi-unveils-fastest-robot.txt",
        "We want to make the robots useful",
        "Toshihiko Horiuchi",
        None,
        None,
        None,
    ),
]


@pytest.mark.parametrize(("article", "opening", "speaker", "title", "org", "via"), SPEAKERS)
def test_speakers(
    article: str, opening: str, speaker: str, title: str | None, org: str | None, via: str | None
) -> None:
    (quote,) = [q for q in facts_of(article).quotes if q.text.startswith(opening)]
    assert (quote.speaker, quote.speaker_title, quote.speaker_org, quote.reported_by) == (
        speaker,
        title,
        org,
        via,
    )


@pytest.mark.parametrize(
    ("article", "opening"),
    [
        ("business/standoff-on-deutsche-s-lse-bid.txt", "Standoff"),
        ("business/gm-pays-2bn-to-evade-fiat-buyout.txt", "put option"),
        ("tech/hitachi-unveils-fastest-robot.txt", "wheel feet"),
        ("tech/hitachi-unveils-fastest-robot.txt", "entertainment and leisure"),
    ],
)
def test_titles_and_scare_quotes_are_not_quotes(article: str, opening: str) -> None:
    assert not [q for q in facts_of(article).quotes if q.text.startswith(opening)]


def test_unnamed_speakers_are_marked() -> None:
    quotes = facts_of("business/fosters-buys-stake-in-winemaker.txt").quotes
    (quote,) = [q for q in quotes if q.speaker == "one analyst"]
    assert quote.unnamed and quote.speaker_kind == "descriptor"


# (article, text, value, unit, qualifier, converted from the figure with this text)
FIGURES = [
    ("business/gm-pays-2bn-to-evade-fiat-buyout.txt", "1.55bn euros", "1550000000", "EUR", None, None),
    ("business/gm-pays-2bn-to-evade-fiat-buyout.txt", "£1.1bn", "1100000000", "GBP", None, "1.55bn euros"),
    ("business/gm-pays-2bn-to-evade-fiat-buyout.txt", "7%", "7", "%", "more than", None),
    ("business/j-j-agrees-25bn-guidant-deal.txt", "$25.4bn", "25400000000", "USD", None, None),
    ("business/j-j-agrees-25bn-guidant-deal.txt", "£13bn", "13000000000", "GBP", None, "$25.4bn"),
    ("business/macy-s-owner-buys-rival-for-11bn.txt", "1,000 stores", "1000", "stores", "about", None),
    ("business/news-corp-makes-5-4bn-fox-offer.txt", "25 cents", "25", "USX", None, None),
    ("business/euronext-joins-bid-battle-for-lse.txt", "583p", "583", "GBX", None, None),
    ("business/euronext-joins-bid-battle-for-lse.txt", "£1.4 trillion", "1400000000000", "GBP", None, None),
    ("business/fosters-buys-stake-in-winemaker.txt", "4.17 Australian dollars", "4.17", "AUD", None, None),
    ("business/fosters-buys-stake-in-winemaker.txt", "A$3.1bn", "3100000000", "AUD", None, None),
    ("business/fosters-buys-stake-in-winemaker.txt", "$1bn", "1000000000", "USD", "just over", None),
    ("business/beer-giant-swallows-russian-firm.txt", "259.7m euros", "259700000", "EUR", "up to", None),
    ("business/beer-giant-swallows-russian-firm.txt", "£183.75m", "183750000", "GBP", None, "259.7m euros"),
    ("business/china-s-shanda-buys-stake-in-sina.txt", "$230m", "230000000", "USD", "about", None),
    ("business/mci-shares-climb-on-takeover-bid.txt", "20,000 workers", "20000", "workers", None, None),
]


@pytest.mark.parametrize(("article", "text", "value", "unit", "qualifier", "converted"), FIGURES)
def test_figures(article: str, text: str, value: str, unit: str, qualifier: str | None, converted: str | None) -> None:
    amounts = facts_of(article).amounts
    matching = [a for a in amounts if a.text == text]
    assert matching, [a.text for a in amounts]
    amount = matching[0]
    assert (Decimal(str(amount.value)), amount.unit, amount.qualifier) == (Decimal(value), unit, qualifier)
    by_id = {a.id: a.text for a in amounts}
    assert (by_id.get(amount.converted_from) if amount.converted_from else None) == converted


def test_per_share_prices() -> None:
    amounts = facts_of("business/fosters-buys-stake-in-winemaker.txt").amounts
    assert next(a for a in amounts if a.text == "4.17 Australian dollars").per == "share"
    euronext = facts_of("business/euronext-joins-bid-battle-for-lse.txt").amounts
    assert next(a for a in euronext if a.text == "533p").per == "share"


def test_years_and_dates_are_not_amounts() -> None:
    texts = {a.text for a in facts_of("business/gm-pays-2bn-to-evade-fiat-buyout.txt").amounts}
    assert not texts & {"2000", "2003", "2004", "2009", "0900"}
