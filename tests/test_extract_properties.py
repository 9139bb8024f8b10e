"""Hypothesis: no text crashes the extractors or yields a span outside it; the parsers read what they write."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.extract import extract
from builder.extract.amounts import find_amounts
from builder.extract.dates import find_dates, resolve
from builder.model import SourceMeta
from builder.sources import RawSource, split_source

# Pieces of news prose, to reach the extractors' deeper paths more often than random characters do.
FRAGMENTS = [
    "“",
    "”",
    '"',
    "‘",
    "’",
    "'",
    " said ",
    " told the BBC",
    ", according to ",
    "Mr ",
    "Ms ",
    "Dr. ",
    " Inc.",
    "$",
    "£",
    "€",
    "A$",
    "US$",
    "HK$",
    "bn",
    "m",
    " million",
    " billion",
    "%",
    " percent",
    " per cent",
    "more than ",
    "about ",
    "nearly ",
    "up to ",
    " a share",
    " (",
    ")",
    ": ",
    ", ",
    ". ",
    "\n",
    "\n\n",
    "Kate Johnson",
    "Lumen Technologies",
    "Acme plc",
    "one analyst",
    "he added",
    "the company said",
    "on Wednesday",
    "last month",
    "in April",
    "over the next 12 months",
    "24 July 2024",
    "Q3 2004",
    "12",
    "3.5",
    "1,200",
    "twenty",
    "half",
    "was not disclosed",
    "declined to comment",
    "Experts claimed",
]
news_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=60).map("".join)
any_text = st.one_of(st.text(max_size=400), news_like)


def _facts(text: str):  # type: ignore[no-untyped-def]
    source = split_source(RawSource("s", "s.md", SourceMeta(published=date(2024, 7, 25)), text, ""))
    return source, extract(source, frozenset({"Lumen Technologies"}))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_no_text_crashes_extraction_and_spans_are_exact(text: str) -> None:
    source, facts = _facts(text)
    for sentence in source.sentences:
        assert source.text[sentence.start : sentence.end] == sentence.text
    for fact in (*facts.quotes, *facts.amounts, *facts.dates, *facts.disclosures, *facts.unnamed):
        assert 0 <= fact.start <= fact.end <= len(text)
        assert text[fact.start : fact.end] == fact.text
    for entity in (*facts.people, *facts.organizations):
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


scales = st.sampled_from([("", 1), ("m", 10**6), ("bn", 10**9), (" million", 10**6), (" billion", 10**9)])
symbols = st.sampled_from([("$", "USD"), ("£", "GBP"), ("€", "EUR"), ("A$", "AUD"), ("C$", "CAD"), ("HK$", "HKD")])


@given(st.integers(min_value=1, max_value=999_999), st.integers(min_value=0, max_value=99), scales, symbols)
def test_money_is_read_back(whole: int, cents: int, scale: tuple[str, int], symbol: tuple[str, str]) -> None:
    figure = f"{whole:,}.{cents:02d}" if cents else f"{whole:,}"
    text = f"The company paid {symbol[0]}{figure}{scale[0]} for it."
    (amount,) = find_amounts(text)
    assert amount.unit == symbol[1]
    assert amount.value == Decimal(figure.replace(",", "")) * scale[1]
    assert text[amount.start : amount.end] == f"{symbol[0]}{figure}{scale[0]}"


@given(st.decimals(min_value=0, max_value=1000, places=1), st.sampled_from(["%", " percent", " per cent"]))
def test_percentages_are_read_back(value: Decimal, sign: str) -> None:
    (amount,) = find_amounts(f"Sales rose {value}{sign} last year.")
    assert (amount.kind, amount.unit, amount.value) == ("percent", "%", value)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
def test_written_dates_are_read_back(day: date) -> None:
    for text in (
        f"on {day.day} {day:%B %Y}",
        f"on {day:%B} {day.day}, {day.year}",
        f"dated {day.isoformat()}",
    ):
        found = [d for d in find_dates(text) if d.precision == "day"]
        assert found and found[0].value == day.isoformat(), text


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)), st.integers(min_value=0, max_value=6))
def test_a_weekday_resolves_to_the_last_one_on_or_before_the_reference(reference: date, weekday: int) -> None:
    value, precision = resolve(f"weekday:{weekday}:past", reference)
    resolved = date.fromisoformat(value)
    assert precision == "day" and resolved.weekday() == weekday and 0 <= (reference - resolved).days < 7
