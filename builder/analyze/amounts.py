"""Group the figures that state the same thing across sources, and judge whether they agree.

Figures are compared only within their key — what they measure, whom they are about, their kind and
unit — so the work grows with the figures of each key, not with the square of all figures. Within a key,
figures whose ranges overlap are one figure, however differently the words around them run; a figure
converted into another currency joins the figure it converts. Figures of one key that cannot agree are
one disagreement when they stand for the same version of a term (see `disagree`).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from builder.analyze.basis import basis_key
from builder.analyze.cite import about_of, cite
from builder.analyze.clusters import Entry, agreeing_clusters, at_market, conflicting_clusters
from builder.analyze.ranges import bounds, exact, overlap
from builder.analyze.similarity import UnionFind, figure_words, support, words
from builder.extract.units import QUALIFIER_BOUNDS
from builder.model import (
    Amount,
    AmountGroup,
    AmountItem,
    Basis,
    Conflict,
    ConflictItem,
    ImpliedRate,
    Source,
    Stage,
    Verdict,
)

CONVERSION_TOLERANCE = 1e-9
RATE_ROUNDING = 0.03  # a conversion written to two or three figures ("£1.7bn") implies its rate to about 3 %
_CONVERTED_TERMS = frozenset({"deal_value", "price_per_share", "financing", "fee"})
_VERDICT_ORDER: dict[Verdict, int] = {"conflict": 0, "conversion": 1, "hedged": 2, "agree": 3, "single": 4}
# How far along the deal a stage is; a group takes the stage of its latest, furthest member.
STAGE_RANK: dict[Stage, int] = {
    "rumour": 0,
    "talks": 1,
    "offer": 2,
    "rejected": 3,
    "revised": 4,
    "agreed": 5,
    "completed": 6,
    "estimate": -1,
}


@dataclass
class _Found:
    """Groups and disagreements found, and which group each figure went to."""

    groups: list[AmountGroup] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    group_of: dict[str, str] = field(default_factory=dict)


def amount_groups(
    amounts: Sequence[Amount],
    sources: Sequence[Source],
    merges: Sequence[tuple[str, ...]],
    notes: dict[str, str],
) -> tuple[list[AmountGroup], list[Conflict], list[Amount]]:
    """Group figures across sources; return the groups, the disagreements and the figures with group ids."""
    by_id = {source.id: source for source in sources}
    order = {source.id: index for index, source in enumerate(sources)}
    primaries = [a for a in amounts if a.converted_from is None]
    index_of = {a.id: i for i, a in enumerate(primaries)}
    conversions: dict[str, list[Amount]] = defaultdict(list)
    for amount in amounts:
        if amount.converted_from is not None and amount.converted_from in index_of:
            conversions[amount.converted_from].append(amount)
    headlines = frozenset(source.sentences[0].id for source in sources if source.sentences)
    entries = [
        Entry(i, a, bounds(a), figure_words(a), a.sentence in headlines, moving=at_market(a, _sentence(by_id, a)))
        for i, a in enumerate(primaries)
    ]
    entries += [
        Entry(index_of[c.converted_from], c, bounds(c), figure_words(c), c.sentence in headlines, proxy=True)
        for base in primaries
        for c in conversions.get(base.id, ())
        if c.converted_from is not None
    ]
    clusters = agreeing_clusters(entries, len(primaries))
    clusters, disputed = conflicting_clusters(clusters, entries)
    clusters = _with_merges(clusters, merges, index_of)
    found = _Found()
    for members_index in clusters:
        members = sorted((primaries[i] for i in members_index), key=lambda a: (order.get(a.source, 0), a.start))
        group, conflicts = _group(members, conversions, by_id, notes, disputed=bool(set(members_index) & disputed))
        found.groups.append(group)
        found.conflicts.extend(conflicts)
        for member in members:
            found.group_of[member.id] = group.id
            for conversion in conversions.get(member.id, ()):
                found.group_of[conversion.id] = group.id
    by_amount = {a.id: a for a in amounts}
    found.conflicts.extend(_implied_conversions(found.groups, by_amount))
    with_groups = [a.model_copy(update={"group": found.group_of.get(a.id)}) for a in amounts]
    return found.groups, found.conflicts, with_groups


def _implied_conversions(groups: Sequence[AmountGroup], amounts: dict[str, Amount]) -> list[Conflict]:
    """Sums some sources give only in another currency, which other sources give as a conversion of the deal's own
    figure at a different rate: "nearly $11.3 billion" where others convert S$13.75 billion to $11.2 billion."""
    alone: dict[tuple[str | None, str | None, str | None, str], list[AmountGroup]] = defaultdict(list)
    for group in groups:
        if not group.conversions and group.measure in _CONVERTED_TERMS:
            alone[(group.measure, group.subject, basis_key(group.basis), group.unit)].append(group)
    found = []
    for group in (g for g in groups if g.conversions and g.measure in _CONVERTED_TERMS):
        for unit in sorted({c.unit for c in group.conversions}):
            converted = [c for c in group.conversions if c.unit == unit]
            low = min(c.low_bound or c.value for c in converted)
            high = max(c.high_bound or c.value for c in converted)
            values = {float(c.value) for c in converted}
            for other in alone.get((group.measure, group.subject, basis_key(group.basis), unit), ()):
                if any(float(i.value) in values for i in other.items) or not all(
                    i.low_bound is not None
                    and i.high_bound is not None
                    and overlap(float(i.low_bound), float(i.high_bound), float(low), float(high))
                    for i in other.items
                ):
                    continue
                if all(_written_roughly(i, converted) for i in other.items):
                    continue  # a headline's "$4 billion" is the "$3.98 billion" of the text, rounded
                members = [amounts[c.amount] for c in converted] + [amounts[i.amount] for i in other.items]
                bases = [amounts[i.amount] for i in group.items if i.unit == group.unit]
                rates = _rates([m.model_copy(update={"converted_from": bases[0].id}) for m in members], bases)
                tag = f"{unit}:{other.id}"
                found.append(_conflict(group.id, "conversion-discrepancy", group.about, members, rates=rates, tag=tag))
    return found


def _written_roughly(item: AmountItem, converted: Sequence[AmountItem]) -> bool:
    """Whether an unhedged whole sum is one of the conversions rounded ("$4 billion" for "$3.98 billion")."""
    if item.qualifier or item.low_bound is None or item.high_bound is None or not _whole(item.text):
        return False
    low, high = float(item.low_bound), float(item.high_bound)
    return any(
        c.low_bound is not None
        and c.high_bound is not None
        and low <= float(c.low_bound)
        and float(c.high_bound) <= high
        and float(c.high_bound) - float(c.low_bound) < high - low
        for c in converted
    )


def _with_merges(
    clusters: list[list[int]], merges: Sequence[tuple[str, ...]], index_of: dict[str, int]
) -> list[list[int]]:
    """Join the clusters that the analyst's merges name together."""
    owner = {i: n for n, members in enumerate(clusters) for i in members}
    sets = UnionFind(len(clusters))
    for merge in merges:
        named = [owner[index_of[fact]] for fact in merge if fact in index_of]
        for other in named[1:]:
            sets.union(named[0], other)
    joined: dict[int, list[int]] = defaultdict(list)
    for n, members in enumerate(clusters):
        joined[sets.find(n)].extend(members)
    return sorted((sorted(members) for members in joined.values()), key=lambda members: members[0])


def _item(amount: Amount, by_id: dict[str, Source]) -> AmountItem:
    low, high = bounds(amount)
    return AmountItem(
        amount=amount.id,
        source=amount.source,
        text=amount.hedged,
        value=amount.value,
        high=amount.high,
        unit=amount.unit,
        qualifier=amount.qualifier,
        horizon=amount.horizon,
        low_bound=None if math.isinf(low) else low,
        high_bound=None if math.isinf(high) else high,
        citation=cite(amount, by_id),
    )


def _group(
    members: list[Amount],
    conversions: dict[str, list[Amount]],
    by_id: dict[str, Source],
    notes: dict[str, str],
    *,
    disputed: bool,
) -> tuple[AmountGroup, list[Conflict]]:
    lead = members[0]
    group_id = "ag-" + hashlib.sha1(lead.id.encode()).hexdigest()[:8]
    # The group's unit is its base figures': a headline's converted sum joins them, it does not lead them.
    base = next((a for a in members if conversions.get(a.id)), lead)
    sources = tuple(dict.fromkeys(a.source for a in members))
    verdict: Verdict = "single" if len(sources) == 1 else _verdict(members)
    if disputed and len(sources) > 1:
        verdict = "conflict"
    conflicts: list[Conflict] = []
    about = about_of(members, by_id)
    if verdict in ("hedged", "conflict"):
        kind = "hedged-differently" if verdict == "hedged" else "conflict"
        conflicts.append(_conflict(group_id, kind, about, members))
    converted = [c for member in members for c in conversions.get(member.id, ())]
    for unit, discrepancy in _conversion_discrepancies(members, conversions, bases_agree=verdict != "conflict"):
        conflicts.append(
            _conflict(
                group_id, "conversion-discrepancy", about, discrepancy, rates=_rates(discrepancy, members), tag=unit
            )
        )
        if _VERDICT_ORDER["conversion"] < _VERDICT_ORDER[verdict]:
            verdict = "conversion"
    staged = [a for a in members if a.stage is not None]
    latest = max(staged, key=lambda a: (a.when or "", STAGE_RANK[a.stage or "rumour"]), default=None)
    group_notes = [notes[a.id] for a in members if a.id in notes]
    group = AmountGroup(
        id=group_id,
        kind=lead.kind,
        unit=base.unit,
        about=about,
        items=tuple(_item(a, by_id) for a in members),
        verdict=verdict,
        support=support(sources, lambda: [words(_sentence(by_id, a)) for a in members]),
        note=" ".join(group_notes) or None,
        measure=lead.measure,
        subject=lead.subject,
        party=next((a.party for a in members if a.party), None),
        stage=latest.stage if latest else None,
        when=min((a.when for a in members if a.when), default=None),
        conversions=tuple(_item(c, by_id) for c in converted),
        basis=_basis(members),
    )
    return group, conflicts


def _basis(members: list[Amount]) -> Basis | None:
    """A group's basis: the one its figures state (a figure with no basis joins either)."""
    stated = {a.basis for a in members if a.basis}
    return "enterprise" if "enterprise" in stated else "equity" if stated else None


def _verdict(members: list[Amount]) -> Verdict:
    intervals = [(a.source, a.unit, bounds(a), QUALIFIER_BOUNDS.get(a.qualifier or "")) for a in members if not a.vague]
    hedged = False
    for i, (source_a, unit_a, (low_a, high_a), hedge_a) in enumerate(intervals):
        for source_b, unit_b, (low_b, high_b), hedge_b in intervals[i + 1 :]:
            if source_a == source_b or unit_a != unit_b:
                continue
            if min(high_a, high_b) < max(low_a, low_b):
                return "conflict"
            if hedge_a != hedge_b:
                hedged = True
    return "hedged" if hedged else "agree"


def _conversion_discrepancies(
    members: list[Amount], conversions: dict[str, list[Amount]], bases_agree: bool = True
) -> list[tuple[str, list[Amount]]]:
    """Conversions of the one figure into one currency that sources give differently: the rates differ.

    Where the base figures agree, two sources that convert them into the same currency and write different
    sums used different rates, and the brief shows both with the rates they imply. Where the base figures
    themselves disagree (a conflict), the conversions differ with them: only rates that differ by more than
    a written conversion's rounding are a discrepancy of their own.
    """
    by_unit: dict[str, list[Amount]] = defaultdict(list)
    for member in members:
        for conversion in conversions.get(member.id, ()):
            by_unit[conversion.unit].append(conversion)
    base_values = {member.id: float(member.value) for member in members}
    found = []
    for unit, converted in sorted(by_unit.items()):
        if len({c.source for c in converted}) < 2:
            continue
        if bases_agree:
            values = [float(c.value) for c in converted]
        else:
            values = [
                float(c.value) / base_values[c.converted_from or ""]
                for c in converted
                if base_values.get(c.converted_from or "")
            ]
        tolerance = CONVERSION_TOLERANCE if bases_agree else RATE_ROUNDING
        if bases_agree and _one_sum_rounded(converted):
            continue  # "$19.9 billion" and "$20 billion": the same conversion, written to fewer figures
        if values and max(values) - min(values) > tolerance * max(values):
            found.append((unit, converted))
    return found


def _one_sum_rounded(converted: Sequence[Amount]) -> bool:
    """Whether the conversions are the most precise one and that one rounded to a whole number ("$20 billion" for
    "$19.9 billion"): its exact interval lies within those of the others, each written without decimals."""
    intervals = {c.id: exact(c) for c in converted}
    finest = min(converted, key=lambda c: intervals[c.id][1] - intervals[c.id][0])
    low_f, high_f = intervals[finest.id]
    return all(
        c is finest or (_whole(c.text) and intervals[c.id][0] <= low_f and high_f <= intervals[c.id][1])
        for c in converted
        if float(c.value) != float(finest.value)
    )


_NUMERAL = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _whole(text: str) -> bool:
    """Whether a figure is written as a whole number: "$4 billion", not "$2.5bn"."""
    numeral = _NUMERAL.search(text)
    return numeral is not None and "." not in numeral.group()


def _rates(converted: list[Amount], members: list[Amount]) -> tuple[ImpliedRate, ...]:
    """The exchange rate each conversion implies: its value over the value of the figure it converts."""
    bases = {a.id: a for a in members}
    rates = []
    for conversion in converted:
        base = bases.get(conversion.converted_from or "")
        if base is None or not float(base.value):
            continue
        rates.append(
            ImpliedRate(
                source=conversion.source,
                base=base.hedged,
                converted=conversion.text,
                unit=f"{base.unit}/{conversion.unit}",
                rate=round(float(conversion.value) / float(base.value), 4),
            )
        )
    return tuple(rates)


def _conflict(
    group_id: str,
    kind: str,
    about: str,
    members: Sequence[Amount],
    rates: tuple[ImpliedRate, ...] = (),
    tag: str = "",
) -> Conflict:
    items = tuple(ConflictItem.of(a) for a in members)
    suffix = f":{tag}" if tag else ""
    return Conflict(
        id="cf-" + hashlib.sha1(f"{group_id}:{kind}{suffix}".encode()).hexdigest()[:8],
        kind=kind,  # type: ignore[arg-type]
        about=about,
        group=group_id,
        items=items,
        groups=(group_id,),
        rates=rates,
    )


def _sentence(by_id: dict[str, Source], amount: Amount) -> str:
    source = by_id[amount.source]
    return source.sentence(amount.sentence).text
