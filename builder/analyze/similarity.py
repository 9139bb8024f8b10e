"""How alike two pieces of text are, in words: for grouping quotes and counting independent origins."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from builder.extract.units import CURRENCY_WORDS, QUALIFIERS
from builder.model import Amount, Support

_WORD = re.compile(r"[\w$£€¥%]+(?:[.,'’][\w]+)*")
STOPWORDS = frozenset(
    """
    a an the and or but of to in on at for with by from as is are was were be been being it its this
    that these those has have had will would can could should may might must do does did not no so than
    then there their they them he she his her we our you your i me my which who whom whose what when
    where why how all any some such into over under about after before while also just more most less
    very up out off only own same too per via among between both each other another again further once
    here said says told
    """.split()
)


def words(text: str) -> tuple[str, ...]:
    """The words of a text, lower-cased, with quotation marks and apostrophe styles folded."""
    return tuple(_WORD.findall(text.lower().replace("’", "'")))


def content_words(text: str) -> frozenset[str]:
    """The words that carry meaning: no stop words, no bare numbers, plurals folded."""
    return content_of(words(text))


def content_of(tokens: Sequence[str]) -> frozenset[str]:
    """The content words among a text's words (see content_words)."""
    kept = {word.removesuffix("'s") for word in set(tokens) - STOPWORDS if len(word) > 2 and not word[0].isdigit()}
    return frozenset(w[:-1] if len(w) > 4 and w[-1] == "s" and w[-2] != "s" else w for w in kept)


@lru_cache(maxsize=65536)
def matched(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """How many words of a and b line up in order."""
    return sum(block.size for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())


def containment(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """The share of the shorter text's words found, in order, in the longer."""
    if not a or not b:
        return 0.0
    return matched(a, b) / min(len(a), len(b))


def contains(a: tuple[str, ...], b: tuple[str, ...], threshold: float) -> bool:
    """Whether containment(a, b) reaches threshold; the words the two share, counted, bound the words that
    line up in order, so most pairs are settled without lining them up."""
    if not a or not b:
        return threshold <= 0.0
    shortest = min(len(a), len(b))
    if sum((Counter(a) & Counter(b)).values()) / shortest < threshold:
        return False
    return matched(a, b) / shortest >= threshold


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of the smaller set found in the larger."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def count_origins(texts: Sequence[tuple[str, ...]], threshold: float = 0.6) -> int:
    """Count independent origins: texts that share most of their wording are copies of one origin."""
    clusters: list[list[tuple[str, ...]]] = []
    for text in texts:
        for cluster in clusters:
            if any(contains(text, other, threshold) for other in cluster):
                cluster.append(text)
                break
        else:
            clusters.append([text])
    return len(clusters)


def support(sources: tuple[str, ...], texts: Callable[[], Sequence[tuple[str, ...]]]) -> Support:
    """How many sources carry a fact, and from how many independent origins their wordings come.

    texts gives the wordings when asked: one source is one origin, whatever it repeats.
    """
    origins = 1 if len(sources) == 1 else count_origins(texts())
    return Support(
        sources=sources,
        origins=origins,
        single_source=len(sources) == 1,
    )


class UnionFind:
    """Disjoint sets over 0..size-1, for grouping facts."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        """The representative of item's set."""
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        """Join the sets of a and b; the smaller index represents them."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def join_named(self, groups: Sequence[Sequence[str]], index_of: Mapping[str, int]) -> None:
        """Join each group of ids (the analyst's merges); ids not in index_of are ignored."""
        for group in groups:
            indices = [index_of[name] for name in group if name in index_of]
            for other in indices[1:]:
                self.union(indices[0], other)

    def sets(self) -> list[list[int]]:
        """Every set as its members in order, the sets ordered by their smallest member."""
        members: dict[int, list[int]] = {}
        for item in range(len(self.parent)):
            members.setdefault(self.find(item), []).append(item)
        return [members[root] for root in sorted(members)]


SUBJECT_WINDOW = 8  # words either side of a figure that say what it is about
_NOISE = frozenset(
    {
        *CURRENCY_WORDS,
        *(w for q in QUALIFIERS for w in q.split()),
        *"million billion trillion thousand percent cent next year month week day over coming following".split(),
        *"potential estimate estimated around more less bn worth total per share".split(),
    }
)


def figure_words(amount: Amount) -> frozenset[str]:
    """The words that say what a figure is about: those close to it in its clause."""
    around = amount.context.split()
    figure = amount.text.split()
    at = next((i for i in range(len(around)) if around[i : i + len(figure)] == figure), None)
    if at is not None:
        around = around[max(0, at - SUBJECT_WINDOW) : at + len(figure) + SUBJECT_WINDOW]
    found = content_words(" ".join(around)) - content_words(amount.text)
    return frozenset(w for w in found if w not in _NOISE and w not in STOPWORDS and not any(c.isdigit() for c in w))
