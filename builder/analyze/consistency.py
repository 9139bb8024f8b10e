"""Terms that must move together: a deal's value follows its price a share.

When the sources give the price a share on two days and the deal's value on the same two days, and the
one rises while the other falls, the values cannot both be right: that is a disagreement, even where each
value on its own reads like a new version of the term (or is hedged wide enough to allow the other). So is a
value that moves while the sentences that give it state the same price a share ("a $2.43 billion offer, $36
a share", weeks later "a $2.3 billion, $36-per-share, takeover"): the price stood, so the deal was not revised.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from itertools import pairwise

from builder.analyze.clusters import MAX_RATIO
from builder.model import Amount, Conflict, ConflictItem, Term, TermVersion

MOVE = 0.01  # a change of less than 1% is rounding, not a move


def against_the_price(terms: Sequence[Term], amounts: Sequence[Amount]) -> list[Conflict]:
    """Values of the deal that move against its price a share between the same two days."""
    by_id = {amount.id: amount for amount in amounts}
    found = []
    for value in (t for t in terms if t.measure == "deal_value" and t.state == "stated"):
        price = next((t for t in terms if t.measure == "price_per_share" and t.subject == value.subject), None)
        if price is None:
            continue
        prices, values = _by_day(price), _by_day(value)
        days = sorted(set(prices) & set(values))
        found.extend(_at_one_price(value, amounts, by_id))
        for first, second in pairwise(days):
            (price_a, _), (price_b, _) = prices[first], prices[second]
            (value_a, ids_a), (value_b, ids_b) = values[first], values[second]
            if max(value_a, value_b) > MAX_RATIO * min(value_a, value_b):
                continue  # not the same deal's value on both days
            moved, went = _direction(price_a, price_b), _direction(value_a, value_b)
            if moved and went and moved != went:
                found.append(_conflict(value.measure, [*ids_a, *ids_b], by_id))
    return found


def _at_one_price(value: Term, amounts: Sequence[Amount], by_id: Mapping[str, Amount]) -> list[Conflict]:
    """Versions of the deal's value that differ while their own sentences give the same price a share."""
    prices: dict[str, set[float]] = {}
    for amount in amounts:
        if amount.measure == "price_per_share" and amount.stage != "estimate":
            prices.setdefault(amount.sentence, set()).add(round(float(amount.value), 2))
    versions = [v for v in (*value.history, value) if _written(v) and v.stage != "estimate"]

    def sentences(version: TermVersion) -> set[str]:
        return {by_id[i].sentence for i in version.amounts if i in by_id}

    def stated(version: TermVersion) -> set[float]:
        return {p for sentence in sentences(version) for p in prices.get(sentence, ())}

    for first, second in ((a, b) for n, a in enumerate(versions) for b in versions[n + 1 :]):
        low, high = sorted((_written(first), _written(second)))
        price = stated(first)
        # one price and the same in both (a sentence that gives two prices tells of a raise)
        apart = not sentences(first) & sentences(second)  # "$90, or $16.7 billion, versus an initial $15 billion"
        if apart and _direction(low, high) and high <= MAX_RATIO * low and len(price) == 1 and price == stated(second):
            return [_conflict(value.measure, [*first.amounts, *second.amounts], by_id)]
    return []


def _by_day(term: Term) -> dict[str, tuple[float, list[str]]]:
    """Each firm version of a term on the day it was first given, as written. Where a day has two versions, the
    one that says how far the deal had gone (talks, offer, agreed) stands for it; a day still left with two is
    left out."""
    days: dict[str, list[tuple[float, list[str], bool]]] = {}
    for version in (*term.history, term):
        written = _written(version)
        if version.when and written and version.stage != "estimate":
            days.setdefault(version.when, []).append((written, list(version.amounts), version.stage is not None))
    firm = {day: [f for f in found if f[2]] if len(found) > 1 else found for day, found in days.items()}
    return {day: (found[0][0], found[0][1]) for day, found in firm.items() if len(found) == 1}


def _written(version: TermVersion) -> float:
    """A version's value as written: its figure, or the middle of its range."""
    if version.value is not None:
        return float(version.value)
    if version.low is not None and version.high is not None:
        return (float(version.low) + float(version.high)) / 2
    return 0.0


def _direction(earlier: float, later: float) -> int:
    """+1 when a value rose between two days, -1 when it fell, 0 when it moved too little to tell."""
    if abs(later - earlier) <= MOVE * max(abs(earlier), abs(later)):
        return 0
    return 1 if later > earlier else -1


def _conflict(measure: str, ids: list[str], amounts: Mapping[str, Amount]) -> Conflict:
    members = [amounts[i] for i in dict.fromkeys(ids) if i in amounts]
    groups = tuple(dict.fromkeys(a.group or "" for a in members))
    return Conflict(
        id="cf-" + hashlib.sha1(("|".join(ids) + measure).encode()).hexdigest()[:8],
        kind="conflict",
        about=members[0].context or members[0].text,
        group=groups[0],
        groups=groups,
        items=tuple(ConflictItem.of(a) for a in members),
    )
