"""Run every extractor over one source, and give the facts their ids and context."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache

from builder.extract.amounts import find_figures, find_vague_amounts, named_crown
from builder.extract.dates import find_dates, patterns_for, resolve
from builder.extract.disclosures import find_disclosures, find_unnamed
from builder.extract.entities import extract_entities
from builder.extract.figures import STATED_SCALE_WORDS, StatedScale, apply_stated_scale, stated_scale
from builder.extract.ids import placed, unique_id
from builder.extract.numbers import plain
from builder.extract.quotes import extract_quotes
from builder.model import Amount, DateMention, ExchangeRate, Sentence, Source, SourceFacts

_CONTEXT_WORDS = 10
_NO_QUOTES = str.maketrans("", "", '“”"')
_CLAUSE_BREAKS = (", ", "; ", ": ", " — ", " – ", " -- ")
_CLAUSE_MIN_WORDS = 5
_WORD_SPANS = re.compile(r"\S+")
_ID_WORDS = re.compile(r"\w+|[$£€¥%]")
_GENERIC_TODAY = re.compile(r"\b(?:today|now)\b", re.I)


def extract(source: Source, known_orgs: frozenset[str] = frozenset()) -> SourceFacts:
    """Run every extractor over one source."""
    entities = extract_entities(source, known_orgs)
    quotes = extract_quotes(source, entities)
    quoted = [(quote.start, quote.end) for quote in quotes]
    words = sentence_words(source)
    rates: list[ExchangeRate] = []
    return SourceFacts(
        source=source.id,
        quotes=tuple(quotes),
        amounts=tuple(amount_facts(source, words, rates)),
        dates=tuple(date_facts(source, quoted, reference_date(source), words)),
        people=entities.people,
        organizations=entities.organizations,
        disclosures=tuple(find_disclosures(source, words)),
        unnamed=tuple(find_unnamed(source, quoted, words)),
        products=tuple(sorted(entities.products)),
        rates=tuple(rates),
        byline=entities.byline,
    )


def fact_id(source: str, kind: str, *parts: str, seen: dict[str, int]) -> str:
    """An id from the source and the fact's own words, stable when the text around it moves."""
    return unique_id(source, kind, "|".join(map(_normal_words, parts)), seen)


@lru_cache(maxsize=4096)
def _normal_words(part: str) -> str:
    """A fact's words in lower case, one space apart: a sentence holding several facts is read once."""
    return " ".join(_ID_WORDS.findall(part.lower()))


def amount_facts(
    source: Source, words: list[frozenset[str]] | None = None, rates: list[ExchangeRate] | None = None
) -> list[Amount]:
    """Find the amounts of each sentence and give them ids and context; add exchange-rate notes to rates."""
    seen: dict[str, int] = {}
    facts: list[Amount] = []
    crown = named_crown(source.text) if "crown" in source.text.lower() else None
    stated: tuple[int, StatedScale] | None = None  # a table's stated scale holds to the end of its paragraph
    for sentence, vocabulary in zip(source.sentences, sentence_words(source) if words is None else words, strict=True):
        if stated is not None and stated[0] != sentence.paragraph:
            stated = None
        said = stated_scale(sentence.text) if vocabulary & STATED_SCALE_WORDS and "(" in sentence.text else None
        if said is not None:
            stated = (sentence.paragraph, said)
        if sentence.furniture or not (_DIGIT.search(sentence.text) or vocabulary & _AMOUNT_WORDS):
            continue
        found, notes = find_figures(sentence.text, vocabulary, crown)
        if stated is not None:
            found = apply_stated_scale(sentence.text, found, stated[1], after=said.end if said else 0)
        if rates is not None:
            for note in notes:
                place = placed(source, sentence, sentence.start + note.start, sentence.start + note.end)
                rate_id = fact_id(source.id, "r", place["text"], seen=seen)
                rates.append(ExchangeRate(id=rate_id, **place, base=note.base, quote=note.quote, rate=plain(note.rate)))
        vague = [
            item
            for item in find_vague_amounts(sentence.text)
            if not any(other.start < item.end and item.start < other.end for other in found)
        ]
        found += vague
        ids: list[str] = []
        for item in found:
            place = placed(source, sentence, sentence.start + item.start, sentence.start + item.end)
            amount_id = fact_id(source.id, "a", place["text"], sentence.text, seen=seen)
            ids.append(amount_id)
            facts.append(
                Amount(
                    id=amount_id,
                    **place,
                    value=plain(item.value),
                    high=plain(item.high) if item.high is not None else None,
                    unit=item.unit,
                    kind=item.kind,  # type: ignore[arg-type]
                    qualifier=item.qualifier,
                    per=item.per,
                    converted_from=ids[item.converted_from] if item.converted_from is not None else None,
                    horizon=item.horizon,
                    horizon_months=item.horizon_months,
                    context=context(sentence, item.start, item.end),
                    vague=item in vague,
                )
            )
    return _fill_vague_units(facts)


def _fill_vague_units(facts: list[Amount]) -> list[Amount]:
    """Give "spent billions" the currency of the article's other money figures; drop it when there is none."""
    currencies = Counter(a.unit for a in facts if a.kind == "money" and a.unit and not a.vague)
    if not currencies:
        return [a for a in facts if a.unit]
    unit = max(currencies, key=lambda code: (currencies[code], code))
    return [a.model_copy(update={"unit": unit}) if not a.unit else a for a in facts]


def context(sentence: Sentence, start: int, end: int) -> str:
    """The clause around a fact in its sentence (start and end are offsets into the sentence)."""
    text = sentence.text
    left = max(
        (text.rfind(sep, 0, start) + len(sep) for sep in _CLAUSE_BREAKS if text.rfind(sep, 0, start) != -1),
        default=0,
    )
    right = min((text.find(sep, end) for sep in _CLAUSE_BREAKS if text.find(sep, end) != -1), default=len(text))
    if len(text[left:right].split()) < _CLAUSE_MIN_WORDS:
        left, right = 0, len(text)
    words = [(m.start(), m.end()) for m in _WORD_SPANS.finditer(text, left, right)]
    inside = [i for i, (a, b) in enumerate(words) if a < end and start < b]
    if inside:
        first = max(0, inside[0] - _CONTEXT_WORDS)
        last = min(len(words) - 1, inside[-1] + _CONTEXT_WORDS)
        left, right = words[first][0], words[last][1]
    return text[left:right].translate(_NO_QUOTES).strip(" ,.;:")


# Marks that stand between words; one pattern replaces them faster than str.translate on text with curly quotes.
_PUNCTUATION = re.compile("[" + re.escape("\"“”‘’'.,;:!?()[]{}—–-/%$£€¥") + "]")
_AMOUNT_WORDS = frozenset(
    """
    million billion trillion millions billions trillions thousand hundred percent cent dollar dollars
    pound pounds euro euros yen pence penny cents miles mile feet inches tons ton tonnes gallons gallon
    lakh crore percents percentage third thirds one-third two-thirds three-quarters
    """.split()
)
_DIGIT = re.compile(r"\d|[½¼¾]")
_YEAR_DIGITS = re.compile(r"\d{4}")


def sentence_words(source: Source) -> list[frozenset[str]]:
    """The lower-case words of each sentence, to decide cheaply which extractors a sentence needs; none for
    page furniture, which is not read for facts."""
    return [
        frozenset() if sentence.furniture else frozenset(_PUNCTUATION.sub(" ", sentence.text.lower()).split())
        for sentence in source.sentences
    ]


def reference_date(source: Source) -> date | None:
    """The date relative dates count from: the publication date, or a dateline the text opens with."""
    if source.meta.published is not None:
        return source.meta.published
    for sentence in source.sentences[:2]:
        for found in find_dates(sentence.text):
            if found.value and found.precision == "day" and found.start <= 8:
                return date.fromisoformat(found.value)
    return None


def date_facts(
    source: Source,
    quoted: list[tuple[int, int]],
    reference: date | None,
    words: list[frozenset[str]] | None = None,
) -> list[DateMention]:
    """Find the date expressions of each sentence, resolved where a reference date allows."""
    seen: dict[str, int] = {}
    facts: list[DateMention] = []
    for sentence, sentence_set in zip(
        source.sentences, sentence_words(source) if words is None else words, strict=True
    ):
        patterns = patterns_for(sentence_set, bool(_YEAR_DIGITS.search(sentence.text)))
        if sentence.furniture or not patterns:
            continue
        for item in find_dates(sentence.text, patterns):
            start, end = sentence.start + item.start, sentence.start + item.end
            text = source.text[start:end]
            if _GENERIC_TODAY.fullmatch(text) and any(a <= start < b for a, b in quoted):
                continue  # "AI today" in a quote means nowadays, not a date
            value, precision = item.value, item.precision
            anchor = None
            if item.expression and reference is not None:
                value, precision = resolve(item.expression, reference)
                anchor = "published" if source.meta.published else "dateline"
            facts.append(
                DateMention(
                    id=fact_id(source.id, "d", text, sentence.text, seen=seen),
                    **placed(source, sentence, start, end),
                    value=value,
                    precision=precision,  # type: ignore[arg-type]
                    relative=item.expression is not None,
                    expression=item.expression,
                    anchor=anchor,
                )
            )
    return facts
