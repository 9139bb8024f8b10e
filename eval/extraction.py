"""Score what the extractor finds in each article: quotes, speakers, money, percentages, people, author."""

from __future__ import annotations

from typing import Any

from builder.extract.orgnames import same_organization
from builder.model import Amount, Source, SourceFacts
from eval import gold as g
from eval.matching import pair_quotes, same_figure, same_person, same_speaker, same_title
from eval.scoring import Row, Section, rows

_SHORT = 90
# The rows of the table: key in results.json, label in the table.
LABELS = (
    ("quotes.recall", "quotes: recall"),
    ("quotes.precision", "quotes: precision"),
    ("speakers.accuracy", "speakers: accuracy"),
    ("money.recall", "money: recall"),
    ("money.precision", "money: precision"),
    ("percent.recall", "percentages: recall"),
    ("percent.precision", "percentages: precision"),
    ("people.recall", "people: recall"),
    ("people.precision", "people: precision"),
    ("people.title", "people: title"),
    ("people.organization", "people: organisation"),
    ("author.accuracy", "author: accuracy"),
    ("articles.imported", "articles read"),
)


def score() -> Section:
    """Score the extractor on every article gold."""
    table = rows(*LABELS)
    errors: dict[str, Any] = {}
    for article in g.articles():
        refused = g.not_imported(article)
        table["articles.imported"].add(article.corpus, int(refused is None), 1)
        if refused:
            # the importer's miss, shown in its own row: the extractor is scored on the articles it was given
            errors[article.key] = {"not_imported": refused}
            continue
        problems = _score_article(article, g.source(article), g.facts(article), table)
        if problems:
            errors[article.key] = problems
    return Section("extraction", "Extraction", list(table.values()), {"errors": errors})


def _score_article(article: g.GoldArticle, source: Source, found: SourceFacts, table: dict[str, Row]) -> dict[str, Any]:
    corpus = article.corpus
    problems: dict[str, Any] = {}
    problems.update(_quotes(article, found, table))
    for kind in ("money", "percent"):
        problems.update(_figures(article, found, kind, table))
    problems.update(_people(article, found, table))
    author = found_author(source, found)
    right = (author is None and article.author is None) or (
        author is not None and article.author is not None and same_person(author, article.author)
    )
    table["author.accuracy"].add(corpus, int(right), 1)
    if not right:
        problems["author"] = {"found": author, "gold": article.author}
    return problems


def found_author(source: Source, found: SourceFacts) -> str | None:
    """The article's author as the tool states it: the page's metadata, else the byline in the text.

    Metadata that lists several names ("David Jeans; Kevin Rebong") counts by its first.
    """
    author = source.meta.author or getattr(found, "byline", None)
    return author.split(";")[0].strip() or None if author else None


def _quotes(article: g.GoldArticle, found: SourceFacts, table: dict[str, Row]) -> dict[str, Any]:
    gold = [q for q in article.quotes if not q.not_a_quote]
    titles = [q.text for q in article.quotes if q.not_a_quote]
    quotes = list(found.quotes)
    pairs = pair_quotes([q.text for q in gold], titles, [q.text for q in quotes])
    corpus = article.corpus
    table["quotes.recall"].add(corpus, len(pairs.gold_to_found), len(gold))
    table["quotes.precision"].add(corpus, len(pairs.right), len(quotes))
    speakers_right = 0
    wrong_speakers = []
    for index, match in sorted(pairs.gold_to_found.items()):
        expected, got = gold[index], quotes[match]
        if same_speaker(got.speaker, got.speaker_kind, expected.speaker, expected.speaker_kind):
            speakers_right += 1
        else:
            wrong_speakers.append(
                {
                    "quote": _short(expected.text),
                    "found": got.speaker,
                    "found_kind": got.speaker_kind,
                    "gold": expected.speaker,
                    "gold_kind": expected.speaker_kind,
                }
            )
    table["speakers.accuracy"].add(corpus, speakers_right, len(pairs.gold_to_found))
    problems: dict[str, Any] = {}
    missed = [_short(q.text) for i, q in enumerate(gold) if i not in pairs.gold_to_found]
    extra = [_short(q.text) for i, q in enumerate(quotes) if i not in pairs.right]
    for name, value in (("quotes_missed", missed), ("quotes_wrong", extra), ("speakers_wrong", wrong_speakers)):
        if value:
            problems[name] = value
    return problems


def _figures(article: g.GoldArticle, found: SourceFacts, kind: str, table: dict[str, Row]) -> dict[str, Any]:
    gold = [
        (a.text, (float(a.value), None if a.high is None else float(a.high), a.unit))
        for a in article.amounts
        if a.kind == kind and a.measure != "exchange_rate" and a.value is not None and a.unit is not None
    ]
    got = [(a.text, figure(a)) for a in found.amounts if figure_kind(a) == kind]
    unused = list(range(len(got)))
    missed = []
    for text, want in gold:
        match = next((i for i in unused if same_figure(got[i][1], want)), None)
        if match is None:
            missed.append(text)
        else:
            unused.remove(match)
    hits = len(gold) - len(missed)
    table[f"{kind}.recall"].add(article.corpus, hits, len(gold))
    table[f"{kind}.precision"].add(article.corpus, hits, len(got))
    problems: dict[str, Any] = {}
    if missed:
        problems[f"{kind}_missed"] = missed
    if unused:
        problems[f"{kind}_wrong"] = [_shown(*got[i]) for i in unused]
    return problems


def figure_kind(amount: Amount) -> str:
    """Money, percent or quantity, with a change in percentage points counted as a percentage.

    Money given only as an order of magnitude ("billions of dollars", marked vague) is no figure.
    """
    if amount.vague:
        return "vague"
    return "percent" if amount.unit == "percentage points" else amount.kind


def figure(amount: Amount) -> tuple[float, float | None, str]:
    """A found figure as the gold writes one: value, high end of a range, unit."""
    unit = "%" if amount.unit == "percentage points" else amount.unit
    return float(amount.value), None if amount.high is None else float(amount.high), unit


def _shown(text: str, item: tuple[float, float | None, str]) -> str:
    value, high, unit = item
    return f"{text} = {value:g}{'' if high is None else f'–{high:g}'} {unit}"


def _people(article: g.GoldArticle, found: SourceFacts, table: dict[str, Row]) -> dict[str, Any]:
    unmatched = list(found.people)
    hits = 0
    missed = []
    described: list[str] = []
    for person in article.people:
        match = next((p for p in unmatched if same_person(p.name, person.name)), None)
        if match is None:
            missed.append(person.name)
            continue
        unmatched.remove(match)
        hits += 1
        # of the people found, those the article gives a title or an organisation: are they the same?
        if person.title is not None:
            right = match.title is not None and same_title(match.title, person.title)
            table["people.title"].add(article.corpus, int(right), 1)
            if not right:
                described.append(f"{person.name}: title {match.title!r}, gold {person.title!r}")
        if person.organization is not None:
            right = match.organization is not None and same_organization(match.organization, person.organization)
            table["people.organization"].add(article.corpus, int(right), 1)
            if not right:
                described.append(f"{person.name}: organisation {match.organization!r}, gold {person.organization!r}")
    table["people.recall"].add(article.corpus, hits, len(article.people))
    table["people.precision"].add(article.corpus, hits, len(found.people))
    problems: dict[str, Any] = {}
    if missed:
        problems["people_missed"] = missed
    if unmatched:
        problems["people_wrong"] = [p.name for p in unmatched]
    if described:
        problems["people_described"] = described
    return problems


def _short(text: str) -> str:
    return text if len(text) <= _SHORT else text[: _SHORT - 1] + "…"
