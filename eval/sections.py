"""The sections `make eval` prints, in order: each a function that scores the gold and returns a Section.

A scorer lives in its own module of eval/ and reads the gold through eval.gold; add it here to have it
run, printed and written to eval/results.json.
"""

from __future__ import annotations

from collections.abc import Callable

from eval import cards, extraction, terms
from eval.scoring import Section


def card_section() -> Section:
    """The proposed deal card against the deal gold (eval/cards.py), one score per field over the deals."""
    lines, results = cards.evaluate()
    return Section("cards", lines[0][0], [], results, lines)


def terms_section() -> Section:
    """Deal terms against the deal gold (eval/terms.py): measures, findings, false alarms, figures grouped alike."""
    lines, results = terms.evaluate()
    extra = {key: results[key] for key in ("pooled", "deals", "missed", "false", "confusions")}
    return Section("terms", lines[0][0], [], extra, lines)


SECTIONS: dict[str, Callable[[], Section]] = {
    "extraction": extraction.score,
    "cards": card_section,
    "terms": terms_section,
}
