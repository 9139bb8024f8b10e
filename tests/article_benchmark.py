"""The article-extraction benchmark in ../shared: run the HTML importer on its pages and score it.

Scoring follows the benchmark's README: tokens are the `\\w+` runs of a text, the unit is the 4-token
shingle (counted with multiplicity), precision and recall are computed per page and averaged over the
pages; a page with no output scores recall 0 and is left out of precision's average. The body scored
is the text the importer keeps without its headline line.

Metadata is compared with what each page states about itself in JSON-LD and Open Graph tags.
"""

from __future__ import annotations

import gzip
import html as html_entities
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from builder.errors import Problems
from builder.readers import decode, read_article
from builder.webpage.text import drop_pop_up_cards

BENCHMARK = Path(__file__).resolve().parent.parent.parent / "shared" / "peer-tests" / "article-extraction"
_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The 4-token shingles of a text, with how often each occurs."""
    tokens = _TOKEN.findall(text)
    runs = [tuple(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))]
    return Counter(run for run in runs if run)


def score(truth: str, output: str | None) -> tuple[float | None, float]:
    """Precision (None for no output) and recall of one page's output against its marked text."""
    expected = shingles(truth)
    found = shingles(output or "")
    if not found:
        return None, 0.0
    common = sum((expected & found).values())
    return common / sum(found.values()), common / sum(expected.values()) if expected else 0.0


# What a page states about itself.


@dataclass(frozen=True)
class Stated:
    """A page's own title, authors, publisher and date, from its JSON-LD and Open Graph tags."""

    titles: tuple[str, ...] = ()
    site_names: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()


def stated_metadata(html: str) -> Stated:
    """Read the JSON-LD objects of type *Article and the og:/article: meta tags of a page."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except Exception:  # a page lxml cannot parse states nothing
        return Stated()
    titles: list[str] = []
    sites: list[str] = []
    people: list[str] = []
    orgs: list[str] = []
    dates: list[str] = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content())
        except ValueError:
            continue
        for item in _json_ld_items(data):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if not any(isinstance(k, str) and (k.endswith("Article") or k == "BlogPosting") for k in kinds):
                continue
            titles += [v for v in (item.get("headline"), item.get("name")) if isinstance(v, str)]
            dates += [item["datePublished"]] if isinstance(item.get("datePublished"), str) else []
            publisher = item.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                sites.append(publisher["name"])
            for author in _as_list(item.get("author")):
                if isinstance(author, str):
                    people.append(author)
                elif isinstance(author, dict) and isinstance(author.get("name"), str):
                    (orgs if author.get("@type") == "Organization" else people).append(author["name"])
    for meta in tree.xpath("//meta[@property or @name]"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        value = (meta.get("content") or "").strip()
        if not value:
            continue
        if key == "og:title":
            titles.append(value)
        elif key == "og:site_name":
            sites.append(value)
        elif key == "article:published_time":
            dates.append(value)
    site_keys = {normal(site) for site in sites}
    orgs += [p for p in people if normal(p) in site_keys]  # the site itself named as the author is a credit
    people = [p for p in people if normal(p) not in site_keys]
    return Stated(*(_clean(v) for v in (titles, sites, people, orgs, dates)))


def _clean(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(" ".join(html_entities.unescape(v).split()) for v in values if v.strip()))


def _json_ld_items(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _json_ld_items(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _json_ld_items(data["@graph"])


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if value else []


def normal(text: str) -> str:
    """Compare texts without case, accents, punctuation or spacing."""
    folded = unicodedata.normalize("NFKD", text).casefold()
    return " ".join(_TOKEN.findall("".join(ch for ch in folded if not unicodedata.combining(ch))))


# Running the importer.


@dataclass(frozen=True)
class PageResult:
    """What the importer made of one page of the benchmark."""

    id: str
    truth: str
    body: str | None
    refused: str | None
    title: str | None
    author: str | None
    published: str | None
    stated: Stated = field(default_factory=Stated)

    @property
    def precision(self) -> float | None:
        return score(self.truth, self.body)[0]

    @property
    def recall(self) -> float:
        return score(self.truth, self.body)[1]


def page_ids(folder: Path = BENCHMARK) -> list[str]:
    """The ids of the benchmark's pages, sorted."""
    return sorted(path.name.removesuffix(".html.gz") for path in (folder / "html").glob("*.html.gz"))


def run_page(page_id: str, folder: Path = BENCHMARK) -> PageResult:
    """Import one page as `dealbrief add` does and keep what is scored."""
    truth = _truth(folder)[page_id]["articleBody"]
    data = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
    stated = stated_metadata(_page_html(data))
    host = urlsplit(_truth(folder)[page_id]["url"]).hostname or ""
    stated = replace(stated, site_names=(*stated.site_names, host.removeprefix("www.").split(".")[0]))
    problems = Problems()
    article = read_article(data, ".html", page_id, problems, convert=True)
    if article is None:
        refused = "; ".join(problem.message for problem in problems.items)
        return PageResult(page_id, truth, None, refused, None, None, None, stated)
    body = article.text
    if article.meta.title is not None:
        body = body.split("\n", 1)[1] if "\n" in body else ""
    meta = article.meta
    published = meta.published.isoformat() if meta.published else None
    return PageResult(page_id, truth, body, None, meta.title, meta.author, published, stated)


def _page_html(data: bytes) -> str:
    return decode(data, "page", Problems(), convert=True) or ""


@cache
def _truth(folder: Path) -> dict[str, dict[str, str]]:
    return dict(json.loads((folder / "ground-truth.json").read_text(encoding="utf-8")))


def run(ids: Sequence[str], workers: int = 2) -> list[PageResult]:
    """Import the pages, in worker processes."""
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(run_page, ids, chunksize=4))


# Summaries.


@dataclass(frozen=True)
class Summary:
    """The benchmark's figures for a set of results."""

    pages: int
    precision: float
    recall: float
    f1: float
    refused: int
    metadata: dict[str, tuple[int, int]]

    def row(self) -> dict[str, str]:
        """The figures as the README's table shows them."""
        cells = {
            "pages": str(self.pages),
            "F1": f"{self.f1:.3f}",
            "precision": f"{self.precision:.3f}",
            "recall": f"{self.recall:.3f}",
            "refused": str(self.refused),
        }
        for name, (agree, stated) in self.metadata.items():
            cells[name] = f"{agree}/{stated}"
        return cells


def summarize(results: Iterable[PageResult]) -> Summary:
    """Average precision and recall over the pages, count refusals, and check metadata against the page."""
    listed = list(results)
    precisions = [p for p in (r.precision for r in listed) if p is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(r.recall for r in listed) / len(listed) if listed else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    checks: dict[str, list[bool]] = {"title": [], "no site name": [], "author": [], "credit": [], "date": []}
    for result in listed:
        for name, verdict in metadata_checks(result).items():
            checks[name].append(verdict)
    metadata = {name: (sum(verdicts), len(verdicts)) for name, verdicts in checks.items()}
    return Summary(len(listed), precision, recall, f1, sum(r.body is None for r in listed), metadata)


def metadata_checks(result: PageResult) -> dict[str, bool]:
    """For each field the page states, whether the importer agrees with it."""
    stated = result.stated
    verdicts: dict[str, bool] = {}
    if stated.titles:
        title = normal(result.title or "")
        verdicts["title"] = any(title == normal(_without_site(t, stated)) for t in stated.titles)
    if result.title and stated.site_names:
        verdicts["no site name"] = _without_site(result.title, stated) == result.title
    people = {normal(name) for byline in stated.people for name in _byline_names(byline)}
    if people:
        verdicts["author"] = _names(result.author) == people
    elif stated.organizations:
        verdicts["credit"] = any(normal(org) in _names(result.author) for org in stated.organizations)
    days = {day for value in stated.dates for day in _days(value)}
    if days:
        verdicts["date"] = result.published in days
    return verdicts


def _without_site(title: str, stated: Stated) -> str:
    for site in stated.site_names:
        match = re.match(rf"(.+?)\s*[|\-–—:·•]\s*{re.escape(site)}\s*$", title, re.I)
        if match:
            return match.group(1)
    return title


def _byline_names(byline: str) -> list[str]:
    """The people a JSON-LD author names: "By A and B, AP Writer" names A and B."""
    names = re.split(r"\s*[,|]\s*", re.sub(r"^\s*by\s+", "", byline, flags=re.I))[0]
    return [n for n in re.split(r"\s+(?:and|&)\s+", names) if n.strip()]


def _names(author: str | None) -> set[str]:
    return {normal(n) for n in re.split(r"\s*(?:[,;]|\band\b|&)\s*", author or "") if n.strip()}


def _days(value: str) -> set[str]:
    """The calendar days a stated date can be: its own, or any a time zone puts its instant on."""
    from dateutil import parser

    try:
        when = parser.parse(value, tzinfos={"EST": -5 * 3600, "EDT": -4 * 3600, "PST": -8 * 3600})
    except (ValueError, OverflowError):
        return set()
    if when.year < 1990:
        return set()
    if when.tzinfo is None:
        return {when.date().isoformat()}
    instant = when.astimezone(UTC)
    return {(instant + timedelta(hours=h)).date().isoformat() for h in (-12, 0, 14)} | {when.date().isoformat()}


def altered_paragraphs(result: PageResult, folder: Path = BENCHMARK) -> list[str]:
    """The kept paragraphs that are not in the page's own text, spacing and invisible characters aside."""
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(_page_html(gzip.decompress((folder / "html" / f"{result.id}.html.gz").read_bytes())))
    for element in tree.xpath("//script|//style"):
        element.drop_tree()
    drop_pop_up_cards(tree)  # hidden until pointed at, and no part of the sentence they sit in
    page = _visible(tree.text_content())
    altered = []
    for paragraph in (result.body or "").split("\n\n"):
        paragraph = paragraph.strip().removeprefix("- ")
        if paragraph and not paragraph.startswith("|") and _visible(paragraph) not in page:
            altered.append(paragraph)
    return altered


def _visible(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf")


def table(rows: dict[str, Summary]) -> str:
    """A Markdown table with one row per labelled summary."""
    header = ["", *next(iter(rows.values())).row()]
    lines = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    for label, summary in rows.items():
        lines.append("| " + " | ".join([label, *summary.row().values()]) + " |")
    return "\n".join(lines)


def main() -> None:
    """Score the whole benchmark and print the README's table."""
    results = run(page_ids())
    print(table({"dealbrief add": summarize(results)}))
    for result in results:
        if result.refused:
            print(f"refused {result.id}: {result.refused}")


if __name__ == "__main__":
    main()
