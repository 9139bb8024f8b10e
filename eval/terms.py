"""Score how the brief reads deal terms against the hand gold in eval/gold/.

- measure accuracy: every money figure and percentage of every gold article, read in the brief of its deal
  (or alone, for an article of no gold deal); subject and stage agreement are reported beside it;
- basis accuracy: of the gold's deal values, the share whose basis (equity, enterprise or unstated) the
  brief reads alike; the results also count those whose sentence states a basis;
- findings found: each conflict, conversion discrepancy and revision of the deal gold that a finding of the
  same kind in the brief covers (two of its figures, from different articles where the gold has them);
- false alarms: findings of the brief that cover no gold finding;
- figures grouped alike: of the figures the gold says several articles report alike, the share the brief
  puts in one group.

Each deal's articles go through the pipeline together as one brief, as `dealbrief extract` would read them.
Run alone with `python eval/terms.py`; `evaluate()` returns the table rows and the results.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from builder.analyze import analyze
from builder.analyze.figures import read_figure
from builder.analyze.measures import SentenceCues
from builder.analyze.mentions import Names, brief_names
from builder.curation import empty_curation
from builder.errors import Problems
from builder.extract import extract
from builder.model import Amount, Brief, Source
from builder.readers import read_article
from builder.sources import RawSource, split_source

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "gold"
SHARED = ROOT.parent / "shared"
FLOORS = {"measure": 0.90, "basis": 0.95, "findings": 1.0, "false_alarms": 0, "grouped": 0.90}
_FINDING_KINDS = {"conflict": "conflict", "conversion-discrepancy": "conversion"}
_DATED_NAME = re.compile(r"^(\d{4})(\d{2})(\d{2})-")


@dataclass(frozen=True)
class GoldAmount:
    """A figure as the gold reads it."""

    text: str
    measure: str | None
    subject: str | None
    stage: str | None
    kind: str | None = None
    unit: str | None = None
    basis: str | None = None


@dataclass(frozen=True)
class GoldArticle:
    """One article of the gold: where it is and its figures in text order."""

    key: str
    path: str
    amounts: tuple[GoldAmount, ...]


@dataclass(frozen=True)
class GoldSet:
    """Figures the gold names by article and text: alike, or one finding."""

    kind: str
    measure: str
    subject: str | None
    members: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class GoldDeal:
    """A deal told by several gold articles."""

    name: str
    articles: tuple[str, ...]
    alike: tuple[GoldSet, ...]
    findings: tuple[GoldSet, ...]


@cache
def gold_articles() -> dict[str, GoldArticle]:
    """Every article of the gold, by its file under eval/gold/."""
    found = {}
    for path in sorted(GOLD.glob("*/*.yaml")):
        if path.parent.name == "deals":
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        amounts = tuple(
            GoldAmount(
                str(a["text"]),
                a.get("measure"),
                a.get("subject"),
                a.get("stage"),
                a.get("kind"),
                a.get("unit"),
                a.get("basis"),
            )
            for a in data.get("amounts") or ()
        )
        key = f"{path.parent.name}/{path.name}"
        found[key] = GoldArticle(key, data["path"], amounts)
    return found


@cache
def gold_deals() -> tuple[GoldDeal, ...]:
    """Every deal of the gold."""
    deals = []
    for path in sorted((GOLD / "deals").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))

        def sets(items: Iterable[dict[str, Any]], kind: str | None = None) -> tuple[GoldSet, ...]:
            return tuple(
                GoldSet(
                    kind or item["kind"],
                    item["measure"],
                    item.get("subject"),
                    tuple((m["article"], str(m["text"])) for m in item["members"]),
                )
                for item in items or ()
            )

        deals.append(
            GoldDeal(
                data["deal"],
                tuple(data["articles"]),
                sets(data.get("alike"), "alike"),
                sets(data.get("findings")),
            )
        )
    return tuple(deals)


def source_of(article: GoldArticle) -> Source:
    """The article as the builder loads it: a Reuters story dated by its file name, a web page as imported."""
    path = SHARED / article.path
    data = path.read_bytes()
    suffix = path.suffix
    if suffix == ".gz":
        data, suffix = gzip.decompress(data), Path(path.stem).suffix
    problems = Problems()
    read = read_article(data, suffix, article.path, problems, convert=True)
    if read is None:
        raise ValueError(f"{article.path}: {problems.items}")
    meta = read.meta
    dated = _DATED_NAME.match(path.name)
    if dated and meta.published is None:
        meta = meta.model_copy(update={"published": date(*map(int, dated.groups()))})
    source_id = Path(article.key).stem[:64].strip("-_")
    return split_source(RawSource(source_id, article.path, meta, read.text, ""))


def brief_of(sources: Sequence[Source]) -> Brief:
    """The brief of some sources with no analyst's curation."""
    return analyze(sources, [extract(source) for source in sources], empty_curation())


@dataclass
class Reading:
    """The brief's figures matched to the gold's, article by article."""

    brief: Brief
    names: Names
    sources: dict[str, Source]
    matched: dict[str, list[Amount]] = field(default_factory=dict)  # article key -> system reading per gold amount

    def candidates(self, article: str, text: str) -> list[Amount]:
        """The figures of the brief a gold member (article, text) may stand for."""
        gold = gold_articles()[article].amounts
        return [
            amount
            for wanted, amount in zip(gold, self.matched[article], strict=True)
            if _norm(wanted.text) == _norm(text) and amount.id
        ]


def read_deal(keys: Sequence[str]) -> Reading:
    """Run the articles through the pipeline as one brief and match the gold's figures to the brief's."""
    articles = [gold_articles()[key] for key in keys]
    sources = [source_of(article) for article in articles]
    brief = brief_of(sources)
    sentences = frozenset(s.id for source in sources for s in source.sentences)
    names = brief_names(brief.organizations, brief.people, (), sources, sentences)
    reading = Reading(brief, names, {s.id: s for s in sources})
    for article, source in zip(articles, sources, strict=True):
        reading.matched[article.key] = _match(article, source, brief, names)
    return reading


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def _match(article: GoldArticle, source: Source, brief: Brief, names: Names) -> list[Amount]:
    """For each gold figure, the brief's figure at its place, or the brief's reading of one made there."""
    mine = [a for a in brief.amounts if a.source == source.id]
    used: set[str] = set()
    flat = source.text
    position = 0
    result = []
    for gold in article.amounts:
        at = _find(flat, gold.text, position)
        found = None
        if at is not None:
            start, end = at
            position = start + 1
            found = next(
                (a for a in mine if a.id not in used and a.start < end and start < a.end),
                None,
            )
        if found is None:
            found = next((a for a in mine if a.id not in used and _norm(a.text) == _norm(gold.text)), None)
        if found is not None:
            used.add(found.id)
            result.append(found)
        elif at is not None:
            result.append(_read_at(source, at, gold, names))
        else:
            result.append(
                Amount(id="", source=source.id, sentence="", start=0, end=0, text="", value=0, unit="", kind="money")
            )
    return result


def _find(text: str, wanted: str, position: int) -> tuple[int, int] | None:
    """Where wanted stands in text at or after position (any run of spaces matching any other)."""
    pattern = re.compile(r"\s+".join(re.escape(word) for word in wanted.split()))
    match = pattern.search(text, position) or pattern.search(text)
    return (match.start(), match.end()) if match else None


def _read_at(source: Source, at: tuple[int, int], gold: GoldAmount, names: Names) -> Amount:
    """The brief's reading of a gold figure its extractor did not find."""
    start, end = at
    sentence = next(s for s in source.sentences if s.start <= start < s.end)
    percent = gold.kind == "percent" or (gold.kind is None and ("%" in gold.text or "percent" in gold.text.lower()))
    per = "share" if re.match(r"\s*(?:a|per|-a-)\s?share", source.text[end : end + 12]) else None
    amount = Amount(
        id="",
        source=source.id,
        sentence=sentence.id,
        start=start,
        end=end,
        text=gold.text,
        value=0,
        unit="%" if percent else gold.unit or "",
        kind="percent" if percent else "money",
        per=per,
    )
    return read_figure(amount, source, SentenceCues(sentence.text), sentence.start, names)


def same_subject(gold: str | None, mine: str | None) -> bool:
    """Whether two names plausibly name one party: one's words start the other's, or initials match."""
    if gold is None or mine is None:
        return gold is mine
    a, b = _name_words(gold), _name_words(mine)
    if not a or not b:
        return False
    initials_a, initials_b = "".join(w[0] for w in a), "".join(w[0] for w in b)
    return a[0] == b[0] or initials_a in (b[0], initials_b) or initials_b == a[0]


def _name_words(name: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", name.lower().replace("’s", "").replace("'s", "").replace("&", " and "))
    words = [w for w in words if w not in ("the", "of", "and")]
    if len(words) > 1 and len(words[0]) == 1 and len(words[1]) > 1:
        words = words[1:]  # "J. Sainsbury" is Sainsbury; "J.P. Morgan" keeps its initials
    return words


@dataclass
class Score:
    """Counts for one deal or pooled."""

    measures: int = 0
    measures_right: int = 0
    subjects_right: int = 0
    stages_right: int = 0
    values: int = 0  # the gold's deal values, whose basis is scored
    bases_right: int = 0
    stated: int = 0  # of them, those whose sentence states a basis
    stated_right: int = 0
    findings: int = 0
    found: int = 0
    alarms: int = 0
    alike: int = 0
    grouped: int = 0
    missed: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    bases: list[str] = field(default_factory=list)  # deal values whose basis the brief reads otherwise
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, other: Score) -> None:
        """Pool another score into this one."""
        for name in (
            "measures",
            "measures_right",
            "subjects_right",
            "stages_right",
            "values",
            "bases_right",
            "stated",
            "stated_right",
            "findings",
            "found",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.alarms += other.alarms
        self.alike += other.alike
        self.grouped += other.grouped
        self.missed += other.missed
        self.false += other.false
        self.bases += other.bases
        self.confusions.update(other.confusions)

    def rates(self) -> dict[str, float]:
        """The rates the floors apply to."""
        return {
            "measure": self.measures_right / self.measures if self.measures else 1.0,
            "subject": self.subjects_right / self.measures if self.measures else 1.0,
            "stage": self.stages_right / self.measures if self.measures else 1.0,
            "basis": self.bases_right / self.values if self.values else 1.0,
            "basis_stated": self.stated_right / self.stated if self.stated else 1.0,
            "findings": self.found / self.findings if self.findings else 1.0,
            "false_alarms": float(self.alarms),
            "grouped": self.grouped / self.alike if self.alike else 1.0,
        }


def score_measures(reading: Reading, keys: Iterable[str]) -> Score:
    """Measure, subject and stage agreement over every gold figure of the articles."""
    score = Score()
    for key in keys:
        for gold, mine in zip(gold_articles()[key].amounts, reading.matched[key], strict=True):
            score.measures += 1
            if gold.measure == mine.measure:
                score.measures_right += 1
            else:
                score.confusions[(str(gold.measure), str(mine.measure))] += 1
            score.subjects_right += gold.measure == "exchange_rate" or same_subject(gold.subject, mine.subject)
            score.stages_right += gold.stage == mine.stage
            if gold.measure == "deal_value":
                right = gold.basis == mine.basis
                score.values += 1
                score.bases_right += right
                if gold.basis is not None:
                    score.stated += 1
                    score.stated_right += right
                if not right:
                    score.bases.append(f"{key}: {gold.text} is {gold.basis}, read as {mine.basis}")
    return score


def system_findings(brief: Brief) -> list[tuple[str, frozenset[str]]]:
    """The brief's findings as (kind, figure ids): conflicts, conversion discrepancies and revisions."""
    found = [
        (_FINDING_KINDS[c.kind], frozenset(item.amount for item in c.items if item.amount))
        for c in brief.conflicts
        if c.kind in _FINDING_KINDS
    ]
    for term in brief.terms:
        if term.revised:
            ids = {amount for version in (*term.history, term) for amount in version.amounts}
            found.append(("revision", frozenset(ids)))
    return found


def _covers(reading: Reading, gold: GoldSet, ids: frozenset[str]) -> bool:
    """Whether a set of figure ids holds two of the gold's figures, from two articles where the gold has two."""
    hit = [
        (article, text) for article, text in gold.members if any(a.id in ids for a in reading.candidates(article, text))
    ]
    articles = {article for article, _ in gold.members}
    if len(articles) > 1:
        return len({article for article, _ in hit}) > 1
    return len(hit) > 1


def score_deal(deal: GoldDeal, reading: Reading) -> Score:
    """Findings found, false alarms and figures grouped alike for one deal."""
    score = score_measures(reading, deal.articles)
    mine = system_findings(reading.brief)
    for gold in deal.findings:
        score.findings += 1
        if any(kind == gold.kind and _covers(reading, gold, ids) for kind, ids in mine):
            score.found += 1
        else:
            score.missed.append(f"{deal.name}: {gold.kind} {gold.measure} {[t for _, t in gold.members]}")
    for kind, ids in mine:
        if not any(gold.kind == kind and _covers(reading, gold, ids) for gold in deal.findings):
            texts = sorted({a.text for a in reading.brief.amounts if a.id in ids})
            score.alarms += 1
            score.false.append(f"{deal.name}: {kind} {texts}")
    for gold in deal.alike:
        groups: Counter[str] = Counter()
        for article, text in gold.members:
            groups.update({a.group for a in reading.candidates(article, text) if a.group})
        best = max(groups.values(), default=0)
        score.alike += len(gold.members)
        score.grouped += best if best > 1 else 0
    return score


def evaluate(verbose: bool = False) -> tuple[list[list[str]], dict[str, Any]]:
    """Score every deal and the articles of no deal; return table rows and the results by deal and pooled."""
    pooled = Score()
    results: dict[str, Any] = {"deals": {}}
    rows = [
        ["deal", "figures", "measure", "subject", "stage", "basis", "findings found", "false alarms", "grouped alike"]
    ]
    in_deals = {key for deal in gold_deals() for key in deal.articles}
    for deal in gold_deals():
        score = score_deal(deal, read_deal(deal.articles))
        pooled.add(score)
        results["deals"][deal.name] = score.rates()
        rows.append(_row(deal.name, score))
    alone = Score()
    unread = []
    for key in sorted(set(gold_articles()) - in_deals):
        try:
            reading = read_deal([key])
        except ValueError:  # a saved page the importer finds no article in: nothing to read
            unread.append(key)
            continue
        alone.add(score_measures(reading, [key]))
    results["unread"] = unread
    pooled.add(alone)
    rows.append(_row("articles of no deal", alone))
    rows.append(_row("pooled", pooled))
    results["pooled"] = pooled.rates()
    results["missed"] = pooled.missed
    results["false"] = pooled.false
    results["bases"] = pooled.bases
    results["confusions"] = [f"{g} read as {m}: {n}" for (g, m), n in pooled.confusions.most_common()]
    return rows, results


def _row(name: str, score: Score) -> list[str]:
    rates = score.rates()
    return [
        name,
        str(score.measures),
        f"{rates['measure']:.2f}",
        f"{rates['subject']:.2f}",
        f"{rates['stage']:.2f}",
        f"{rates['basis']:.2f} ({score.stated_right}/{score.stated})" if score.values else "—",
        f"{score.found}/{score.findings}" if score.findings else "—",
        str(score.alarms),
        f"{score.grouped}/{score.alike}" if score.alike else "—",
    ]


def table(rows: Sequence[Sequence[str]]) -> str:
    """The rows as a Markdown table."""
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)


def main() -> None:
    """Print the table, what was missed and what was flagged wrongly."""
    if not SHARED.is_dir():
        raise SystemExit(f"{SHARED} is not here: the gold's articles live beside the project")
    rows, results = evaluate()
    print(table(rows))
    for title in ("unread", "missed", "false", "bases", "confusions"):
        if results[title]:
            print(f"\n{title}:")
            print("\n".join(f"  {line}" for line in results[title]))
    if "--json" in sys.argv:
        print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
