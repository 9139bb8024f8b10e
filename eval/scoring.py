"""What a scorer returns: rows of ratios per corpus for the table, and the same as data for results.json."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from eval.gold import CORPORA

ALL = "all"
COLUMNS = (*CORPORA, ALL)


@dataclass
class Ratio:
    """Hits out of a total; no value when there is nothing to count."""

    hits: int = 0
    total: int = 0

    def add(self, hits: int, total: int) -> None:
        """Count more hits and a larger total."""
        self.hits += hits
        self.total += total

    @property
    def value(self) -> float | None:
        """The share of hits, or None when the total is 0."""
        return self.hits / self.total if self.total else None

    def shown(self) -> str:
        """The ratio as the table shows it: "0.97 (65/67)"."""
        return "–" if self.value is None else f"{self.value:.2f} ({self.hits}/{self.total})"

    def data(self) -> dict[str, Any]:
        """The ratio as results.json keeps it."""
        return {"value": None if self.value is None else round(self.value, 4), "hits": self.hits, "total": self.total}


@dataclass
class Row:
    """One metric, per corpus and pooled."""

    key: str
    label: str
    cells: dict[str, Ratio] = field(default_factory=lambda: {column: Ratio() for column in COLUMNS})

    def add(self, corpus: str, hits: int, total: int) -> None:
        """Count hits and a total for one article of a corpus (the pooled column too)."""
        self.cells[corpus].add(hits, total)
        self.cells[ALL].add(hits, total)


@dataclass
class Section:
    """A scorer's answer: a titled table of rows, and any further data for results.json.

    A scorer whose figures are not per corpus (the deal card, scored per deal) gives its table as `lines`,
    the first one its header, instead of rows.
    """

    name: str
    title: str
    rows: list[Row]
    extra: dict[str, Any] = field(default_factory=dict)
    lines: list[list[str]] = field(default_factory=list)

    def row(self, key: str) -> Row:
        """The row of a metric, by its key."""
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(f"{self.name} has no row {key}")

    def data(self) -> dict[str, Any]:
        """The section as results.json keeps it."""
        metrics = {row.key: {column: row.cells[column].data() for column in COLUMNS} for row in self.rows}
        return {"title": self.title, "metrics": metrics, **self.extra}


def rows(*labels: tuple[str, str]) -> dict[str, Row]:
    """Empty rows by key, in the order given."""
    return {key: Row(key, label) for key, label in labels}


def table(sections: Iterable[Section]) -> str:
    """The sections as Markdown tables, one per section."""
    blocks = []
    for section in sections:
        if section.lines:
            header, *body = section.lines
            lines = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
            blocks.append("\n".join(lines + ["| " + " | ".join(cells) + " |" for cells in body]))
            continue
        lines = [
            "| " + " | ".join((section.title, *COLUMNS)) + " |",
            "|---|" + "---:|" * len(COLUMNS),
        ]
        lines += [
            "| " + " | ".join((row.label, *(row.cells[c].shown() for c in COLUMNS))) + " |" for row in section.rows
        ]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
