"""Read the hand-written gold and the articles it describes, and extract the facts to score.

Every scorer reads the gold through this module: the article gold (`<corpus>/<name>.yaml`), the deal
gold (`deals/<deal>.yaml`), each article as a `Source` loaded the way the build loads it (saved web pages
imported the way `dealbrief add` imports them), and the extractor's facts for it.
"""

from __future__ import annotations

import gzip
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from builder.errors import BriefError, Problems
from builder.extract import extract
from builder.model import Source, SourceFacts, SourceMeta
from builder.project import add_sources
from builder.readers import read_article
from builder.sources import DEFAULT_MAX_SOURCE_BYTES, RawSource, read_source, split_source

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "gold"
SHARED = ROOT.parent / "shared"
CORPORA = ("seeds", "bbc", "reuters", "web")


@dataclass(frozen=True)
class GoldQuote:
    """A quotation as the gold writes it: its words and who said them, or a quoted title that is no quote."""

    text: str
    speaker: str | None = None
    speaker_kind: str | None = None
    organization: str | None = None
    title: str | None = None
    not_a_quote: bool = False


@dataclass(frozen=True)
class GoldAmount:
    """A money amount or percentage as the gold writes it, with what it measures."""

    text: str
    value: float | None = None
    high: float | None = None
    unit: str | None = None
    kind: str | None = None
    qualifier: str | None = None
    measure: str | None = None
    subject: str | None = None
    stage: str | None = None


@dataclass(frozen=True)
class GoldPerson:
    """A person the article names, with the title and organisation it gives."""

    name: str
    title: str | None = None
    organization: str | None = None


@dataclass(frozen=True)
class GoldArticle:
    """The gold of one article and where the article is."""

    corpus: str
    name: str
    path: str
    author: str | None
    quotes: tuple[GoldQuote, ...]
    amounts: tuple[GoldAmount, ...]
    people: tuple[GoldPerson, ...]
    raw: dict[str, Any] = field(repr=False, compare=False, hash=False)

    @property
    def key(self) -> str:
        """The gold file, as deal gold names it: `reuters/<name>.yaml`."""
        return f"{self.corpus}/{self.name}.yaml"

    @property
    def file(self) -> Path:
        """The article's file under ../shared."""
        return SHARED / self.path

    @property
    def source_id(self) -> str:
        """The id the article gets as a source: its file name without extensions."""
        return self.file.name.split(".")[0].lower()


@dataclass(frozen=True)
class GoldDeal:
    """The gold of one deal told by several articles: the card, the figures reported alike, the findings."""

    name: str
    articles: tuple[str, ...]
    raw: dict[str, Any] = field(repr=False, compare=False, hash=False)


def available() -> bool:
    """Tell whether the shared articles the gold describes are beside the project."""
    return SHARED.is_dir()


def _read_yaml(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top")
    return data


def _fields(cls: type, entry: dict[str, Any]) -> dict[str, Any]:
    names = cls.__dataclass_fields__  # type: ignore[attr-defined]
    return {key: value for key, value in entry.items() if key in names}


def read_article_gold(path: Path) -> GoldArticle:
    """Read one article's gold file."""
    data = _read_yaml(path)
    quotes = tuple(GoldQuote(**_fields(GoldQuote, {**q, "text": str(q["text"])})) for q in data.get("quotes") or ())
    amounts = tuple(GoldAmount(**_fields(GoldAmount, {**a, "text": str(a["text"])})) for a in data.get("amounts") or ())
    people = tuple(GoldPerson(**_fields(GoldPerson, p)) for p in data.get("people") or ())
    return GoldArticle(
        corpus=path.parent.name,
        name=path.stem,
        path=str(data["path"]),
        author=data.get("author"),
        quotes=quotes,
        amounts=amounts,
        people=people,
        raw=data,
    )


@cache
def articles() -> tuple[GoldArticle, ...]:
    """Every article gold, corpus by corpus, in file-name order."""
    return tuple(read_article_gold(path) for corpus in CORPORA for path in sorted((GOLD / corpus).glob("*.yaml")))


@cache
def deals() -> tuple[GoldDeal, ...]:
    """Every deal gold, in file-name order."""
    found = []
    for path in sorted((GOLD / "deals").glob("*.yaml")):
        data = _read_yaml(path)
        found.append(GoldDeal(str(data.get("deal", path.stem)), tuple(data.get("articles") or ()), data))
    return tuple(found)


def article(key: str) -> GoldArticle:
    """The article gold a deal names (`reuters/<name>.yaml`)."""
    for item in articles():
        if item.key == key:
            return item
    raise KeyError(f"no article gold {key}")


@cache
def source(item: GoldArticle) -> Source:
    """The article as the build reads it; a saved web page as `dealbrief add` imports it.

    A page that `add` refuses is an empty source: every fact of its gold counts as missed (see not_imported).
    """
    if item.file.name.endswith((".html.gz", ".htm.gz")):
        try:
            return _imported_page(item)
        except BriefError as error:
            _NOT_IMPORTED[item.key] = str(error).splitlines()[-1].strip()
            return split_source(RawSource(item.source_id, item.path, SourceMeta(), "", ""))
    problems = Problems()
    data = item.file.read_bytes()
    found = read_article(data, item.file.suffix, item.path, problems)
    problems.raise_if_any()
    assert found is not None
    return split_source(RawSource(item.source_id, item.path, found.meta, found.text, ""))


_NOT_IMPORTED: dict[str, str] = {}


def not_imported(item: GoldArticle) -> str | None:
    """Why `dealbrief add` refused the article's page, or None when it imported it (or it is no page)."""
    source(item)
    return _NOT_IMPORTED.get(item.key)


def _imported_page(item: GoldArticle) -> Source:
    """Import a gzipped saved page into a scratch project with `add`, then read it back as the build does."""
    with tempfile.TemporaryDirectory(prefix="dealbrief-eval-") as scratch:
        work = Path(scratch)
        page = work / f"{item.source_id}.html"
        page.write_bytes(gzip.decompress(item.file.read_bytes()))
        project = work / "project"
        (project / "data" / "sources").mkdir(parents=True)
        added = add_sources(project, [page], {}, source_id=item.source_id)
        target = project / added[0].target
        problems = Problems()
        raw = read_source(target, item.source_id, item.path, problems, DEFAULT_MAX_SOURCE_BYTES)
        problems.raise_if_any()
        assert raw is not None
        return split_source(raw)


@cache
def facts(item: GoldArticle) -> SourceFacts:
    """What the extractor finds in the article."""
    return extract(source(item))
