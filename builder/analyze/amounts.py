"""Group figures that describe the same thing across sources, and judge whether they agree."""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from builder.analyze.cite import about_of, cite
from builder.analyze.similarity import STOPWORDS, UnionFind, content_words, support, words
from builder.extract.lexicon import SENTENCE_COMMON
from builder.extract.numbers import significant_step
from builder.extract.units import CURRENCY_WORDS, QUALIFIER_BOUNDS, QUALIFIERS
from builder.model import Amount, AmountGroup, AmountItem, Conflict, ConflictItem, Source, Verdict

ABOUT = 0.05  # "about X" means X within five percent
NEARLY = 0.10  # "nearly X" means up to ten percent below X
CONVERSION_TOLERANCE = 0.02
MAX_WORD_FIGURES = 200
SPECIFIC_MONEY = 1_000_000
SPECIFIC_OVERLAP = 0.1
HEDGE_REACH = 1.5  # "more than X" is read as X to 1.5 X, "under X" as X / 1.5 to X
SUBJECT_OVERLAP = 0.3  # share of context words figures that agree must have in common
CONFLICT_OVERLAP = 0.5  # and figures that disagree
_CAPITALISED = re.compile(r"\b[A-Z][\w’'&.-]*")
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")
SUBJECT_WINDOW = 8  # words either side of a figure that say what it is about
_MOVES = re.compile(
    r"\b(?:rose|rise[ns]?|rising|fell|fall(?:en|s|ing)?|up|down|climb\w*|gain\w*|drop\w*|slid|slip\w*|jump\w*|"
    r"surge\w*|plunge\w*|tumble\w*|soar\w*|lost|added|shed|increase\w*|decrease\w*|grew|grow\w*|declin\w*|"
    r"rais\w*|boost\w*|lift\w*|cut\w*|lower\w*|revis\w*|improv\w*|sweeten\w*)\b",
    re.I,
)
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_NOISE = frozenset(
    {
        *CURRENCY_WORDS,
        *(w for q in QUALIFIERS for w in q.split()),
        "million",
        "billion",
        "trillion",
        "thousand",
        "percent",
        "cent",
        "next",
        "year",
        "month",
        "week",
        "day",
        "over",
        "coming",
        "following",
        "potential",
        "estimate",
        "estimated",
        "around",
        "more",
        "less",
        "bn",
        "worth",
        "total",
        "per",
        "share",
    }
)
_VERDICT_ORDER: dict[Verdict, int] = {"conflict": 0, "conversion": 1, "hedged": 2, "agree": 3, "single": 4}


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
    conversions: dict[str, list[Amount]] = defaultdict(list)
    for amount in amounts:
        if amount.converted_from is not None:
            conversions[amount.converted_from].append(amount)
    subjects = [_subject(a) for a in primaries]
    weights = _informativeness(subjects)
    times = [_time_key(by_id[a.source], a) for a in primaries]
    union = UnionFind(len(primaries))
    ranges = [bounds(a) for a in primaries]
    links = []
    for i, j in _candidate_pairs(primaries, subjects):
        score = _similarity(
            primaries[i],
            primaries[j],
            subjects[i],
            subjects[j],
            weights,
            times[i],
            times[j],
            ranges[i],
            ranges[j],
        )
        if score is not None:
            agree = _overlap(*ranges[i], *ranges[j])
            links.append((not agree, -score, i, j))  # agreements first: a conflict joins only what is left
    linked = {(i, j) for _, _, i, j in links}
    cluster: dict[int, list[int]] = {i: [i] for i in range(len(primaries))}
    for _, _, i, j in sorted(links):
        a, b = union.find(i), union.find(j)
        if a != b and _may_join(cluster[a], cluster[b], primaries, ranges, linked):
            union.union(a, b)
            root = union.find(a)
            cluster[root] = cluster[a] + cluster[b]
    union.join_named(merges, {a.id: i for i, a in enumerate(primaries)})
    groups: list[AmountGroup] = []
    conflicts: list[Conflict] = []
    group_of: dict[str, str] = {}
    for indices in union.sets():
        members = sorted((primaries[i] for i in indices), key=lambda a: (order.get(a.source, 0), a.start))
        group, found = _group(members, conversions, by_id, notes)
        groups.append(group)
        conflicts.extend(found)
        for member in members:
            group_of[member.id] = group.id
            for conversion in conversions.get(member.id, ()):
                group_of[conversion.id] = group.id
    return groups, conflicts, [a.model_copy(update={"group": group_of.get(a.id)}) for a in amounts]


def _subject(amount: Amount) -> frozenset[str]:
    """The words that say what a figure is about: those close to it in its clause."""
    words_around = amount.context.split()
    figure = amount.text.split()
    at = next((i for i in range(len(words_around)) if words_around[i : i + len(figure)] == figure), None)
    if at is not None:
        words_around = words_around[max(0, at - SUBJECT_WINDOW) : at + len(figure) + SUBJECT_WINDOW]
    found = content_words(" ".join(words_around)) - content_words(amount.text)
    return frozenset(w for w in found if w not in _NOISE and not any(c.isdigit() for c in w))


def _similarity(
    a: Amount,
    b: Amount,
    subject_a: frozenset[str],
    subject_b: frozenset[str],
    weights: dict[str, float],
    time_a: frozenset[str],
    time_b: frozenset[str],
    range_a: tuple[float, float],
    range_b: tuple[float, float],
) -> float | None:
    """How surely two figures state the same thing; None when they cannot.

    Context words are weighed by how rare they are among the brief's figures, so that "economy" or
    "shares" say less than "Verizon" or "cash flow". Figures that agree need a little shared context;
    figures that would disagree need a lot, since a conflict is a strong claim. Figures dated to
    different years are different figures, and market moves ("shares rose 3%") only agree.
    """
    if a.kind != b.kind or a.unit != b.unit or a.per != b.per:
        return None
    if a.horizon_months and b.horizon_months and a.horizon_months != b.horizon_months:
        return None
    if a.source == b.source and a.value != b.value:
        return None
    if time_a and time_b and not time_a & time_b:
        return None
    shared = subject_a & subject_b
    weight = sum(weights[w] for w in shared)
    ratio = weight / max(1e-9, min(sum(weights[w] for w in subject_a), sum(weights[w] for w in subject_b)))
    if _overlap(*range_a, *range_b):
        # Large sums of money rarely coincide by chance: one shared word is enough to join them.
        specific = a.kind == "money" and min(abs(float(a.value)), abs(float(b.value))) >= SPECIFIC_MONEY
        named = bool(_names(a.context) & _names(b.context))
        repeated = a.source == b.source and a.text == b.text  # an article repeating its own figure
        if len(shared) < 2 and not (((specific and named) or repeated) and shared):
            return None
        return ratio if ratio >= (SPECIFIC_OVERLAP if specific else SUBJECT_OVERLAP) else None
    if len(shared) < 3:
        return None
    if _MOVES.search(a.context) or _MOVES.search(b.context):
        return None
    low, high = sorted((abs(float(a.value)), abs(float(b.value))))
    if low == 0 or high / low > 2 or not _names(a.context) & _names(b.context):
        return None  # a disagreement needs the same named subject on both sides
    return ratio if ratio >= CONFLICT_OVERLAP else None


def _names(context: str) -> frozenset[str]:
    """Capitalised words inside a context (not its first): the named things a figure is about."""
    words = (word.lower().removesuffix("’s").removesuffix("'s") for word in _CAPITALISED.findall(context))
    return frozenset(word for word in words if word not in SENTENCE_COMMON and word not in STOPWORDS)


def _candidate_pairs(amounts: Sequence[Amount], subjects: Sequence[frozenset[str]]) -> list[tuple[int, int]]:
    """Pairs of figures of one kind, unit and per-unit that share at least one context word."""
    index: dict[tuple[str, str, str | None, str], list[int]] = defaultdict(list)
    for i, (amount, subject) in enumerate(zip(amounts, subjects, strict=True)):
        for word in subject:
            index[(amount.kind, amount.unit, amount.per, word)].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) > MAX_WORD_FIGURES:
            continue  # a word shared by that many figures tells none of them apart
        for position, i in enumerate(members):
            for j in members[position + 1 :]:
                pairs.add((i, j))
    return sorted(pairs)


def _informativeness(subjects: Sequence[frozenset[str]]) -> dict[str, float]:
    """Inverse document frequency of each context word over the brief's figures."""
    counts: Counter[str] = Counter(word for subject in subjects for word in subject)
    total = len(subjects) + 1
    return {word: 1.0 + math.log(total / count) for word, count in counts.items()}


def _time_key(source: Source, amount: Amount) -> frozenset[str]:
    """The years a figure's sentence names, to tell this year's figure from last year's."""
    sentence = source.sentence(amount.sentence).text
    return frozenset(_YEARS.findall(sentence))


def _may_join(
    a: list[int],
    b: list[int],
    amounts: Sequence[Amount],
    ranges: Sequence[tuple[float, float]],
    linked: set[tuple[int, int]],
) -> bool:
    """Join two groups only if no source gives two values in the result, and at least half the pairs of
    figures in it that would disagree were linked on their own evidence (no chains of near-agreements)."""
    values: dict[str, set[float]] = defaultdict(set)
    for index in (*a, *b):
        values[amounts[index].source].add(float(amounts[index].value))
    if any(len(found) > 1 for found in values.values()):
        return False
    disagreeing = [(i, j) for i in a for j in b if not _overlap(*ranges[i], *ranges[j])]
    supported = sum((min(i, j), max(i, j)) in linked for i, j in disagreeing)
    return supported * 2 >= len(disagreeing)


def _overlap(low_a: float, high_a: float, low_b: float, high_b: float) -> bool:
    """Whether two ranges share more than an end point ("£1.4bn" and "£1.5bn" only touch at £1.45bn)."""
    finite = [abs(v) for v in (low_a, high_a, low_b, high_b) if math.isfinite(v)]
    tolerance = 1e-9 * max([1.0, *finite])
    return min(high_a, high_b) - max(low_a, low_b) > tolerance or low_a == high_a == low_b == high_b


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
    if amount.vague:
        return value, math.inf
    if hedge == "above":
        return value, top * HEDGE_REACH if value > 0 else math.inf
    if hedge == "below":
        return (value / HEDGE_REACH if value > 0 else -math.inf), top
    if hedge == "about":
        return value * (1 - ABOUT) - step, top * (1 + ABOUT) + step
    if hedge == "nearly":
        return value * (1 - NEARLY), top
    return value - step, top + step


def _item(amount: Amount, by_id: dict[str, Source]) -> AmountItem:
    low, high = bounds(amount)
    text = f"{amount.qualifier} {amount.text}" if amount.qualifier else amount.text
    return AmountItem(
        amount=amount.id,
        source=amount.source,
        text=text,
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
) -> tuple[AmountGroup, list[Conflict]]:
    lead = members[0]
    group_id = "ag-" + hashlib.sha1(lead.id.encode()).hexdigest()[:8]
    items = tuple(_item(a, by_id) for a in members)
    sources = tuple(dict.fromkeys(a.source for a in members))
    verdict: Verdict = "single" if len(sources) == 1 else _verdict(members)
    conflicts: list[Conflict] = []
    about = about_of(members, by_id)
    if verdict in ("hedged", "conflict"):
        kind = "hedged-differently" if verdict == "hedged" else "conflict"
        conflicts.append(_conflict(group_id, kind, about, members))
    discrepancy = _conversion_discrepancy(members, conversions)
    if discrepancy:
        conflicts.append(_conflict(group_id, "conversion-discrepancy", about, discrepancy))
        if _VERDICT_ORDER["conversion"] < _VERDICT_ORDER[verdict]:
            verdict = "conversion"
    group_notes = [notes[a.id] for a in members if a.id in notes]
    group = AmountGroup(
        id=group_id,
        kind=lead.kind,
        unit=lead.unit,
        about=about,
        items=items,
        verdict=verdict,
        support=support(sources, [words(_sentence(by_id, a)) for a in members]),
        note=" ".join(group_notes) or None,
    )
    return group, conflicts


def _verdict(members: list[Amount]) -> Verdict:
    intervals = [(a.source, bounds(a), QUALIFIER_BOUNDS.get(a.qualifier or "")) for a in members if not a.vague]
    hedged = False
    for i, (source_a, (low_a, high_a), hedge_a) in enumerate(intervals):
        for source_b, (low_b, high_b), hedge_b in intervals[i + 1 :]:
            if source_a == source_b:
                continue
            if not _overlap(low_a, high_a, low_b, high_b):
                return "conflict"
            if hedge_a != hedge_b:
                hedged = True
    return "hedged" if hedged else "agree"


def _conversion_discrepancy(members: list[Amount], conversions: dict[str, list[Amount]]) -> list[Amount]:
    """Conversions of the same figure into the same currency at rates that cannot be the same.

    Each conversion gives a range of exchange rates once the rounding of both figures is allowed for;
    when two sources' ranges do not meet (with a small tolerance), the conversions disagree.
    """
    by_unit: dict[str, list[tuple[float, float, Amount]]] = defaultdict(list)
    for member in members:
        low, high = bounds(member.model_copy(update={"qualifier": None}))
        if low <= 0:
            continue
        for conversion in conversions.get(member.id, ()):
            c_low, c_high = bounds(conversion.model_copy(update={"qualifier": None}))
            by_unit[conversion.unit].append((c_low / high, c_high / low, conversion))
    for converted in by_unit.values():
        for i, (low_a, high_a, a) in enumerate(converted):
            for low_b, high_b, b in converted[i + 1 :]:
                if a.source != b.source and (
                    low_b > high_a * (1 + CONVERSION_TOLERANCE) or low_a > high_b * (1 + CONVERSION_TOLERANCE)
                ):
                    return [c for _, _, c in converted]
    return []


def _conflict(group_id: str, kind: str, about: str, members: Sequence[Amount]) -> Conflict:
    items = tuple(
        ConflictItem(
            source=a.source,
            sentence=a.sentence,
            text=f"{a.qualifier} {a.text}" if a.qualifier else a.text,
            value=a.value,
            unit=a.unit,
        )
        for a in members
    )
    return Conflict(
        id="cf-" + hashlib.sha1(f"{group_id}:{kind}".encode()).hexdigest()[:8],
        kind=kind,  # type: ignore[arg-type]
        about=about,
        group=group_id,
        items=items,
    )


def _sentence(by_id: dict[str, Source], amount: Amount) -> str:
    source = by_id[amount.source]
    return source.sentence(amount.sentence).text
