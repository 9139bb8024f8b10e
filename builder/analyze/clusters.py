"""Which figures are one figure, and which disagree: clusters within each key of measure, subject, unit and
basis (a deal's value with its debt or without).

Candidates are blocked by key and swept in order of value, so only figures whose ranges meet are ever
compared; a cluster takes a figure only if every figure in it still allows a common value (no chains of
near-agreements), and only if the parties, the stage of the figure (an estimate is never the deal's own
figure) and, for a market move, the day agree (or the next day's story tells the same move again).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from builder.analyze.basis import basis_key
from builder.analyze.cues import AT_MARKET
from builder.analyze.ranges import overlap
from builder.analyze.similarity import UnionFind
from builder.analyze.subjects import same_party
from builder.extract.units import QUALIFIER_BOUNDS
from builder.model import Amount, Measure

SPECIFIC_MONEY = 1_000_000  # sums this large rarely coincide by chance
MAX_ACTIVE = 64  # figures of one key with ranges meeting one figure's; more say nothing about any of them
MAX_RATIO = 2.0  # figures further apart than this are different things, not a disagreement
SAME_NEWS_DAYS = 7  # a live term told further apart than this may have moved in between: history
RETOLD_DAYS = 1  # a market move given the same in the next day's story is that move told again
STRONG_WORDS = 3  # shared words that let figures of a loose measure (context, results) disagree
# Measures whose key names one term of the deal: two versions of it that cannot agree disagree.
IDENTITY: frozenset[Measure] = frozenset({"deal_value", "price_per_share", "premium", "fee", "financing"})
NEVER_DISAGREE: frozenset[Measure] = frozenset({"market_move", "exchange_rate", "stake"})
Key = tuple[str | None, str | None, str, str, str | None, str | None]  # measure, subject, kind, unit, per, basis


@dataclass(frozen=True)
class Entry:
    """A figure as clustering sees it: the primary figure it stands for (itself, or the figure it converts)."""

    index: int
    amount: Amount
    range: tuple[float, float]
    words: frozenset[str]
    headline: bool
    proxy: bool = False
    moving: bool = False  # an offer's value at one moment's market price, which moves with the market

    @property
    def key(self) -> Key:
        """What the figure is: measure, subject, kind, unit, per-unit and basis."""
        a = self.amount
        per = "share" if a.measure == "price_per_share" else a.per  # a price a share, whether "a share" follows
        return (a.measure, a.subject, a.kind, a.unit, per, basis_key(a.basis))


@dataclass
class _State:
    """What a cluster allows: a common range per unit, its parties, whether it is an estimate, its days."""

    ranges: dict[str, tuple[float, float]] = field(default_factory=dict)
    parties: set[str] = field(default_factory=set)
    subjects: set[str] = field(default_factory=set)
    estimate: bool = False
    days: set[str] = field(default_factory=set)
    bases: set[str] = field(default_factory=set)

    def takes(self, other: _State, equal: bool = False) -> bool:
        """Whether the two clusters can be one figure; equal says they join on figures written alike."""
        if self.estimate != other.estimate or not (equal or _parties_agree(self.parties | other.parties)):
            return False
        if len(self.subjects | other.subjects) > 1 or len(self.bases | other.bases) > 1:
            return False  # two companies, or an equity and an enterprise value: two figures
        if self.days and other.days and self.days != other.days:
            days = sorted(self.days | other.days)
            if not (equal and _days_apart(days[0], days[-1]) <= RETOLD_DAYS):
                return False  # moves of other days, unless one told again word for word the next day
        return all(
            overlap(*self.ranges[unit], *other.ranges[unit]) for unit in self.ranges.keys() & other.ranges.keys()
        )

    def absorb(self, other: _State) -> None:
        """Take another cluster in."""
        for unit, (low, high) in other.ranges.items():
            if unit in self.ranges:
                mine = self.ranges[unit]
                self.ranges[unit] = (max(mine[0], low), min(mine[1], high))
            else:
                self.ranges[unit] = (low, high)
        self.parties |= other.parties
        self.subjects |= other.subjects
        self.days |= other.days
        self.bases |= other.bases


def agreeing_clusters(entries: Sequence[Entry], count: int) -> list[list[int]]:
    """Cluster the primary figures 0..count-1: those of one key whose ranges allow a common value."""
    blocks: dict[Key, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.amount.measure != "exchange_rate":
            blocks[entry.key].append(entry)
    pairs: list[tuple[float, int, int, int, int]] = []
    for block in blocks.values():
        if len(block) > 1:
            pairs.extend(_block_pairs(block))
    unnamed = (lambda k: (k[0], *k[2:]), lambda k: k[1] is not None, lambda k, e: k[1] is None)
    pairs.extend(_written_alike(blocks, *unnamed))
    unstated = (lambda k: k[:5], lambda k: k[5] == "enterprise", lambda k, e: k[5] is None and not e.amount.basis)
    pairs.extend(_written_alike(blocks, *unstated))
    sets = UnionFind(count)
    find = sets.find
    states = [_State() for _ in range(count)]
    for entry in entries:
        if not entry.proxy:
            states[entry.index] = _state(entry)

    def join(a: int, b: int, equal: bool = False) -> None:
        root_a, root_b = find(a), find(b)
        if root_a != root_b and states[root_a].takes(states[root_b], equal):
            sets.union(root_a, root_b)  # the smaller index keeps the set
            states[min(root_a, root_b)].absorb(states[max(root_a, root_b)])

    # Equal figures first; then the joins that bring most figures together, so that a figure between two
    # values joins the one more sources give.
    for _, a, b in sorted((c, a, b) for c, a, b, _, _ in pairs if c == 0.0):
        join(a, b, equal=True)
    sizes: dict[int, int] = defaultdict(int)
    for i in range(count):
        sizes[find(i)] += 1
    for _, _, a, b in sorted((-(sizes[find(a)] + sizes[find(b)]), c, a, b) for c, a, b, _, _ in pairs if c > 0.0):
        join(a, b)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(count):
        members[find(i)].append(i)
    return [members[root] for root in sorted(members)]


def _block_pairs(block: list[Entry]) -> list[tuple[float, int, int, int, int]]:
    """The pairs of one key's figures that agree, found by sweeping them in order of value."""
    pairs = []
    ordered = sorted(block, key=lambda e: (e.range[0], e.index, e.proxy))
    active: list[Entry] = []
    for entry in ordered:
        if len(active) > MAX_ACTIVE:
            active = active[-MAX_ACTIVE:]
        active = [other for other in active if other.range[1] >= entry.range[0]]
        for other in active:
            if _pair_agrees(entry, other):
                pairs.append(_pair(entry, other))
        active.append(entry)
    return pairs


def _written_alike(
    blocks: dict[Key, list[Entry]],
    match: Callable[[Key], tuple[str | None, ...]],
    anchored: Callable[[Key], bool],
    loose: Callable[[Key, Entry], bool],
) -> list[tuple[float, int, int, int, int]]:
    """Loose figures join anchored figures written exactly alike whose keys match: a figure whose sentence names
    nobody joins a named one; a deal's value with no basis joins an enterprise value ("a $22 billion deal" is
    the "$22 billion, including debt" of its story), while values apart stay apart, neither disputed nor revised.
    """
    anchors: dict[tuple[tuple[str | None, ...], float], list[Entry]] = defaultdict(list)
    for key, block in blocks.items():
        if anchored(key):
            for entry in block:
                anchors[(match(key), float(entry.amount.value))].append(entry)
    pairs = []
    for key, block in blocks.items():
        for entry in (e for e in block if loose(key, e)) if anchors else ():
            for other in anchors.get((match(key), float(entry.amount.value)), ())[:MAX_ACTIVE]:
                if _pair_agrees(entry, other):
                    pairs.append(_pair(entry, other))
    return pairs


def _pair(a: Entry, b: Entry) -> tuple[float, int, int, int, int]:
    return (_closeness(a, b), min(a.index, b.index), max(a.index, b.index), a.proxy, b.proxy)


def _state(entry: Entry) -> _State:
    a = entry.amount
    return _State(
        ranges={a.unit: entry.range},
        parties={a.party} if a.party else set(),
        subjects={a.subject} if a.subject else set(),
        estimate=a.stage == "estimate",
        days={a.when} if a.measure == "market_move" and a.when else set(),
        bases={a.basis} if a.basis else set(),
    )


def _closeness(a: Entry, b: Entry) -> float:
    mid_a, mid_b = _mid(a.range), _mid(b.range)
    return abs(mid_a - mid_b) / max(abs(mid_a), abs(mid_b), 1e-9)


def _after_rejection(x: Amount, y: Amount) -> bool:
    """Whether one figure comes weeks after the other, which was rejected, and is not the rejected one retold."""
    if not (x.when and y.when) or _days_apart(x.when, y.when) <= SAME_NEWS_DAYS:
        return False
    earlier, later = (x, y) if x.when < y.when else (y, x)
    return earlier.stage == "rejected" and later.stage != "rejected"


def _bounded(amount: Amount) -> bool:
    """A figure given as a floor or a ceiling ("up to", "more than")."""
    return QUALIFIER_BOUNDS.get(amount.qualifier or "") in ("above", "below")


def _mid(bounds: tuple[float, float]) -> float:
    low, high = bounds
    return low if high == float("inf") else (low + high) / 2


def _pair_agrees(a: Entry, b: Entry) -> bool:
    """Whether two figures of one key can state the same thing."""
    x, y = a.amount, b.amount
    if (a.proxy and b.proxy) or a.index == b.index or not overlap(*a.range, *b.range):
        return False
    if a.amount.subject and b.amount.subject and a.amount.subject != b.amount.subject:
        return False
    same_source = x.source == y.source
    equal = float(x.value) == float(y.value) and x.high == y.high and _bounded(x) == _bounded(y)
    if (x.vague or y.vague) and not same_source:
        return False
    if same_source and not (equal or a.headline or b.headline):
        return False  # one article giving two figures means two things
    if (x.stage == "estimate") != (y.stage == "estimate"):
        return False
    if not same_party(x.party, y.party) and not equal:
        return False  # one figure told alike with two bidders named is likelier a misread bidder than two bids
    if x.measure == "market_move" or a.moving or b.moving:
        # the same move told the same day, or told again word for word in the next day's story
        retold = equal and x.when is not None and y.when is not None and _days_apart(x.when, y.when) <= RETOLD_DAYS
        return (same_source and equal) or (x.when is not None and x.when == y.when) or retold
    if x.measure in IDENTITY and not equal:
        if x.when and y.when and _days_apart(x.when, y.when) > SAME_NEWS_DAYS:
            return False  # close values weeks apart: a term that may have moved, not one figure
        if (_bounded(x) or _bounded(y)) and (x.stage != y.stage or x.when != y.when):
            return False  # talks "up to X", then "Y" agreed: two versions, however X bounds Y
    if x.measure in IDENTITY and not equal and (x.stage == "revised") != (y.stage == "revised"):
        return False  # a raised offer is a new version, however close to the old
    if x.measure in IDENTITY and _after_rejection(x, y):
        return False  # a figure weeks after an offer was rejected belongs to a new one
    if x.measure == "context" and not (same_source and equal):
        needed = 1 if x.kind == "money" and min(abs(float(x.value)), abs(float(y.value))) >= SPECIFIC_MONEY else 2
        return len(a.words & b.words) >= needed
    return True


@dataclass
class _Version:
    """A cluster as a version of a term: its stages, sources, parties, value and words."""

    members: list[int]
    key: Key
    stages: set[str]
    sources: set[str]
    parties: set[str]
    estimate: bool
    mid: float
    words: frozenset[str]
    days: list[str]
    low: float
    high: float


def conflicting_clusters(clusters: list[list[int]], entries: Sequence[Entry]) -> tuple[list[list[int]], set[int]]:
    """Join clusters of one key that state different values for the same version of a term.

    Versions at different stages (talks, then an offer, then an agreed price) are history, not a
    disagreement, and so are a raised offer and a figure one source gives beside another. Returns the
    clusters and the figures now in a disagreement.
    """
    primary = {e.index: e for e in entries if not e.proxy}
    versions = [_version(members, primary) for members in clusters]
    blocks: dict[Key, list[int]] = defaultdict(list)
    for n, version in enumerate(versions):
        measure, subject = version.key[0], version.key[1]
        if subject is not None and measure not in NEVER_DISAGREE:
            blocks[version.key].append(n)
    sets = UnionFind(len(versions))
    find = sets.find
    component = {n: [n] for n in range(len(versions))}
    for block in blocks.values():
        ordered = sorted(block, key=lambda n: (versions[n].mid, n))
        contested = not _parties_agree({p for n in block for p in versions[n].parties})
        for position, n in enumerate(ordered):
            for m in ordered[position + 1 : position + 1 + MAX_ACTIVE]:
                if versions[m].mid > versions[n].mid * MAX_RATIO:
                    break
                if contested and not (versions[n].parties and versions[m].parties):
                    continue  # rival bidders: a figure that names none may be either's
                a, b = find(n), find(m)
                if a == b or not _disagree(versions[n], versions[m]):
                    continue
                if all(_same_version(versions[i], versions[j]) for i in component[a] for j in component[b]):
                    sets.union(a, b)  # the smaller index keeps the set
                    component[min(a, b)] += component.pop(max(a, b))
    joined: dict[int, list[int]] = defaultdict(list)
    for n in range(len(versions)):
        joined[find(n)].append(n)
    result, disputed = [], set()
    for root in sorted(joined):
        members = sorted(i for n in joined[root] for i in versions[n].members)
        result.append(members)
        if len(joined[root]) > 1:
            disputed.update(members)
    return result, disputed


def _version(members: list[int], primary: dict[int, Entry]) -> _Version:
    found = [primary[i] for i in members]
    amounts = [e.amount for e in found]
    enterprise = "enterprise" if any(a.basis == "enterprise" for a in amounts) else None  # what joined it is too
    return _Version(
        members=members,
        key=(*found[0].key[:5], enterprise),
        stages={a.stage for a in amounts if a.stage},
        sources={a.source for a in amounts},
        parties={a.party for a in amounts if a.party},
        estimate=any(e.amount.stage == "estimate" or e.moving for e in found),
        mid=min(_mid(e.range) for e in found),
        words=frozenset().union(*(e.words for e in found)),
        days=sorted(a.when for a in amounts if a.when) if all(a.when for a in amounts) else [],
        low=max(e.range[0] for e in found),
        high=min(e.range[1] for e in found),
    )


def _same_version(a: _Version, b: _Version) -> bool:
    """Whether two clusters can be the same version of a term, or one came after the other.

    A raised or cut offer is history; so are talks, then an offer, then an agreement; so is a new offer
    after one was rejected, and a live offer told weeks apart. A completed deal has one value, however
    long ago it was done.
    """
    stages = a.stages | b.stages
    if "revised" in stages:
        return False
    if a.stages and b.stages and not a.stages & b.stages:
        return False
    if ("rejected" in a.stages) != ("rejected" in b.stages):
        return False
    if "completed" in a.stages & b.stages:
        return True
    if any(v.days and _days_apart(v.days[0], v.days[-1]) > SAME_NEWS_DAYS for v in (a, b)):
        return False  # a figure repeated over weeks of a live deal may stand for several versions
    if a.days and b.days and (a.days[-1] < b.days[0] or b.days[-1] < a.days[0]):
        return (
            _days_apart(a.days[-1], b.days[0]) <= SAME_NEWS_DAYS
            and _days_apart(b.days[-1], a.days[0]) <= SAME_NEWS_DAYS
        )
    return True


def _days_apart(first: str, second: str) -> int:
    return abs((date.fromisoformat(second[:10]) - date.fromisoformat(first[:10])).days)


def _disagree(a: _Version, b: _Version) -> bool:
    """Whether two clusters of one key are the same version of a term stated differently."""
    if a.estimate or b.estimate or a.sources & b.sources or not _parties_agree(a.parties | b.parties):
        return False
    if not _same_version(a, b):
        return False
    if a.mid <= 0 or b.mid <= 0 or overlap(a.low, a.high, b.low, b.high):
        return False
    if a.key[0] in IDENTITY:
        return True
    shared = a.words & b.words
    return len(shared) >= STRONG_WORDS and len(shared) * 2 >= min(len(a.words), len(b.words))


def _parties_agree(parties: set[str]) -> bool:
    """Whether a set of parties names one party at most."""
    named = sorted(parties)
    return all(same_party(named[0], other) for other in named[1:])


def at_market(amount: Amount, sentence: str) -> bool:
    """Whether a figure values an offer at one moment's market price: it moves with the market, like a share price."""
    return amount.measure in ("deal_value", "price_per_share") and bool(AT_MARKET.search(sentence))
