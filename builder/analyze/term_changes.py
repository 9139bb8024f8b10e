"""Deal terms across versions: which were first stated, revised, confirmed by more sources or contradicted.

A term is known by its measure and subject (the deal value of the target, the price per share it is
offered), and a deal's value by its basis too (with the target's debt or without); its stage and value are
what may change from one version to the next.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from builder.model import Brief, Change, ChangeKind, Citation, Side
from builder.model.versions import RecordedTerm, Version

_VALUE = ("value", "low", "high", "unit", "state")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_DISAGREE = {"conflict", "conversion"}


def record_terms(brief: Brief) -> tuple[RecordedTerm, ...]:
    """The brief's deal terms as a version keeps them (none while the brief has no terms)."""
    recorded = []
    for term in getattr(brief, "terms", ()):
        data: dict[str, Any] = term.model_dump(mode="json")
        citations = tuple(Citation.model_validate(c) for c in data.get("citations", ()))
        state = data.get("state")
        withheld = state == "not disclosed"
        recorded.append(
            RecordedTerm(
                measure=str(data["measure"]),
                subject=data.get("subject"),
                stage=data.get("stage"),
                when=data.get("when"),
                text=data.get("text") or ("not disclosed" if withheld else citations[0].text if citations else ""),
                value=data.get("value"),
                low=data.get("low"),
                high=data.get("high"),
                unit=data.get("unit"),
                state=state if withheld else None,
                verdict=data.get("verdict"),
                citations=citations,
                basis=data.get("basis"),
            )
        )
    return tuple(recorded)


def term_changes(old: Version, new: Version) -> list[Change]:
    """What became of each deal term between two versions."""
    before = _by_key(old.terms)
    changes = []
    for key, term in _by_key(new.terms).items():
        was = before.get(key)
        after = _side(term, new)
        basis = term.basis if term.basis == "enterprise" else None
        if was is None:
            changes.append(
                Change(kind="term-stated", about=term.measure, subject=term.subject, detail=basis, after=after)
            )
            continue
        earlier = _side(was, old)
        if any(getattr(was, name) != getattr(term, name) for name in _VALUE) or was.stage != term.stage:
            kind: ChangeKind = "term-revised"
        elif term.verdict in _DISAGREE and was.verdict not in _DISAGREE:
            kind = "term-contradicted"
        else:
            known = {c.source for c in was.citations}
            added = tuple(c for c in term.citations if c.source not in known)
            if not added:
                continue
            kind, after = "term-confirmed", new.side(term.text, added, stage=term.stage)
        changes.append(
            Change(kind=kind, about=term.measure, subject=term.subject, detail=basis, before=earlier, after=after)
        )
    return changes


def _by_key(terms: Sequence[RecordedTerm]) -> dict[tuple[str, str, str], RecordedTerm]:
    """Terms by measure, subject and basis (an enterprise value apart); of several stages of one term, the
    latest stated."""
    found: dict[tuple[str, str, str], RecordedTerm] = {}
    for term in terms:
        found[(term.measure, term.subject or "", "enterprise" if term.basis == "enterprise" else "")] = term
    return found


def _side(term: RecordedTerm, version: Version) -> Side:
    """A term as a version states it, dated by the day its stage was reached where the sources say."""
    side = version.side(term.text, term.citations, stage=term.stage)
    if term.when and _DAY.fullmatch(term.when):
        return side.model_copy(update={"dated": date.fromisoformat(term.when)})
    return side
