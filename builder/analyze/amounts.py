"""Group figures that describe the same thing across sources, and judge whether they agree."""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Sequence

from builder.analyze.cite import cite
from builder.analyze.similarity import UnionFind, content_words, count_origins, words
from builder.extract.numbers import significant_step
from builder.extract.units import CURRENCY_WORDS, QUALIFIER_BOUNDS, QUALIFIERS
from builder.model import Amount, AmountGroup, AmountItem, Conflict, ConflictItem, Source, Support, Verdict
from builder.templating import phrase

ABOUT = 0.05  # "about X" means X within five percent
NEARLY = 0.10  # "nearly X" means up to ten percent below X
CONVERSION_TOLERANCE = 0.02
SUBJECT_OVERLAP = 0.4
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_NOISE = frozenset(
    {*CURRENCY_WORDS, *(w for q in QUALIFIERS for w in q.split()), "million", "billion", "trillion", "thousand",
     "percent", "cent", "next", "year", "month", "week", "day", "over", "coming", "following", "potential",
     "estimate", "estimated", "around", "more", "less", "bn", "worth", "total", "per", "share"}
)  # fmt: skip
_VERDICT_ORDER: dict[Verdict, int] = {"conflict": 0, "conversion": 1, "hedged": 2, "agree": 3, "single": 4}


def amount_groups(
    amounts: Sequence[Amount], sources: Sequence[Source], merges: Sequence[tuple[str, ...]], notes: dict[str, str]
) -> tuple[list[AmountGroup], list[Conflict], list[Amount]]:
    """Group figures across sources; return the groups, the disagreements and the figures with group ids."""
    by_id = {source.id: source for source in sources}
    order = {source.id: index for index, source in enumerate(sources)}
    primaries = [a for a in amounts if a.converted_from is None]
    conversions: dict[str, list[Amount]] = defaultdict(list)
    for amount in amounts:
        if amount.converted_from is not None:
            conversions[amount.converted_from].append(amount)
    subjects = [_subject(a) for a in primaries]
    union = UnionFind(len(primaries))
    for i in range(len(primaries)):
        for j in range(i + 1, len(primaries)):
            if _same_figure(primaries[i], primaries[j], subjects[i], subjects[j]):
                union.union(i, j)
    index_of = {a.id: i for i, a in enumerate(primaries)}
    for group in merges:
        members = [index_of[f] for f in group if f in index_of]
        for other in members[1:]:
            union.union(members[0], other)
    members_of: dict[int, list[int]] = defaultdict(list)
    for i in range(len(primaries)):
        members_of[union.find(i)].append(i)
    groups: list[AmountGroup] = []
    conflicts: list[Conflict] = []
    group_of: dict[str, str] = {}
    for root in sorted(members_of):
        members = sorted((primaries[i] for i in members_of[root]), key=lambda a: (order.get(a.source, 0), a.start))
        group, found = _group(members, conversions, by_id, notes)
        groups.append(group)
        conflicts.extend(found)
        for member in members:
            group_of[member.id] = group.id
            for conversion in conversions.get(member.id, ()):
                group_of[conversion.id] = group.id
    return groups, conflicts, [a.model_copy(update={"group": group_of.get(a.id)}) for a in amounts]


def _subject(amount: Amount) -> frozenset[str]:
    """The words that say what a figure is about."""
    return frozenset(w for w in content_words(amount.context) - content_words(amount.text) if w not in _NOISE)


def _same_figure(a: Amount, b: Amount, subject_a: frozenset[str], subject_b: frozenset[str]) -> bool:
    if a.kind != b.kind or a.unit != b.unit or a.per != b.per:
        return False
    if a.horizon_months and b.horizon_months and a.horizon_months != b.horizon_months:
        return False
    if a.source == b.source and a.value != b.value:
        return False  # one article giving two figures is not a disagreement
    shared = subject_a & subject_b
    if len(shared) < 2 or len(shared) / max(1, min(len(subject_a), len(subject_b))) < SUBJECT_OVERLAP:
        return False
    low, high = sorted((abs(float(a.value)), abs(float(b.value))))
    return high == 0 or (low > 0 and high / low <= 2)


def bounds(amount: Amount) -> tuple[float, float]:
    """The interval a hedged figure allows: "more than X" is above X, "about X" within a few percent."""
    value = float(amount.value)
    top = float(amount.high) if amount.high is not None else value
    numeral = _NUMBER.search(amount.text)
    step = 0.0
    if numeral:
        written = float(numeral.group().replace(",", "")) or 1.0
        step = float(significant_step(numeral.group())) * abs(value / written)
    hedge = QUALIFIER_BOUNDS.get(amount.qualifier or "")
    if hedge == "above" or amount.vague:
        return value, math.inf
    if hedge == "below":
        return -math.inf, top
    if hedge == "about":
        return value * (1 - ABOUT) - step, top * (1 + ABOUT) + step
    if hedge == "nearly":
        return value * (1 - NEARLY), top
    return value - step, top + step


def _item(amount: Amount, by_id: dict[str, Source]) -> AmountItem:
    low, high = bounds(amount)
    text = f"{amount.qualifier} {amount.text}" if amount.qualifier else amount.text
    return AmountItem(
        amount=amount.id, source=amount.source, text=text, value=amount.value, high=amount.high, unit=amount.unit,
        qualifier=amount.qualifier, horizon=amount.horizon, low_bound=None if math.isinf(low) else low,
        high_bound=None if math.isinf(high) else high, citation=cite(amount, by_id),
    )  # fmt: skip


def _group(
    members: list[Amount], conversions: dict[str, list[Amount]], by_id: dict[str, Source], notes: dict[str, str]
) -> tuple[AmountGroup, list[Conflict]]:
    lead = members[0]
    group_id = "ag-" + hashlib.sha1(lead.id.encode()).hexdigest()[:8]
    items = tuple(_item(a, by_id) for a in members)
    sources = tuple(dict.fromkeys(a.source for a in members))
    verdict: Verdict = "single" if len(sources) == 1 else _verdict(members)
    conflicts: list[Conflict] = []
    about = lead.context or lead.text
    if verdict in ("hedged", "conflict"):
        kind = "hedged-differently" if verdict == "hedged" else "conflict"
        conflicts.append(_conflict(group_id, kind, about, members))
    discrepancy = _conversion_discrepancy(members, conversions)
    if discrepancy:
        conflicts.append(_conflict(group_id, "conversion-discrepancy", about, discrepancy))
        if _VERDICT_ORDER["conversion"] < _VERDICT_ORDER[verdict]:
            verdict = "conversion"
    origins = count_origins([words(_sentence(by_id, a)) for a in members])
    group_notes = [notes[a.id] for a in members if a.id in notes]
    group = AmountGroup(
        id=group_id, kind=lead.kind, unit=lead.unit, about=about, items=items, verdict=verdict,
        support=Support(sources=sources, origins=origins, single_source=len(sources) == 1,
                        note=phrase("support_note", sources=len(sources), origins=origins)),
        note=" ".join(group_notes) or None,
    )  # fmt: skip
    return group, conflicts


def _verdict(members: list[Amount]) -> Verdict:
    intervals = [(a.source, bounds(a), QUALIFIER_BOUNDS.get(a.qualifier or ""), a.value) for a in members]
    hedged = False
    for i, (source_a, (low_a, high_a), hedge_a, value_a) in enumerate(intervals):
        for source_b, (low_b, high_b), hedge_b, value_b in intervals[i + 1 :]:
            if source_a == source_b:
                continue
            if high_a < low_b or high_b < low_a:
                return "conflict"
            if hedge_a != hedge_b or value_a != value_b:
                hedged = True
    return "hedged" if hedged else "agree"


def _conversion_discrepancy(members: list[Amount], conversions: dict[str, list[Amount]]) -> list[Amount]:
    """Conversions of the same figure into the same currency that differ between sources."""
    by_unit: dict[str, list[Amount]] = defaultdict(list)
    for member in members:
        for conversion in conversions.get(member.id, ()):
            by_unit[conversion.unit].append(conversion)
    for converted in by_unit.values():
        values = [float(c.value) for c in converted]
        if len({c.source for c in converted}) > 1 and min(values) > 0 and max(values) / min(values) - 1 > CONVERSION_TOLERANCE:
            return converted
    return []


def _conflict(group_id: str, kind: str, about: str, members: Sequence[Amount]) -> Conflict:
    items = tuple(
        ConflictItem(source=a.source, sentence=a.sentence, text=f"{a.qualifier} {a.text}" if a.qualifier else a.text,
                     value=a.value, unit=a.unit)
        for a in members
    )  # fmt: skip
    return Conflict(
        id="cf-" + hashlib.sha1(f"{group_id}:{kind}".encode()).hexdigest()[:8], kind=kind,  # type: ignore[arg-type]
        about=about, group=group_id, items=items, note=phrase("conflict_note", kind=kind, items=items),
    )  # fmt: skip


def _sentence(by_id: dict[str, Source], amount: Amount) -> str:
    source = by_id[amount.source]
    return source.sentences[int(amount.sentence.rsplit("-s", 1)[1]) - 1].text
