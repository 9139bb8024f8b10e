"""Organisation names: what their variants share, and merging one organisation named several ways."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from builder.extract import lexicon as lx
from builder.model import Mention, Organization, sentence_number

_LEGAL_SUFFIXES = frozenset(
    """
    inc corp corporation co cos company ltd limited plc llc group holdings sa ag nv
    """.split()
)
_SHORT_WORD = 3
_SLUG = re.compile(r"[^a-z0-9]+")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,5}")
_LOWER_HEADS = frozenset(head.lower() for head in lx.ORG_HEADS)
# Words after a firm's name that name one of its units or regions: "Thomson Financial", "AOL Europe"
UNIT_WORDS = _LOWER_HEADS | frozenset(
    "europe asia america americas uk us international interactive wholesale retail mobile learning".split()
)


def slug(text: str) -> str:
    """Make an id part from a name."""
    return _SLUG.sub("-", text.lower()).strip("-")[:48] or "x"


@lru_cache(maxsize=8192)
def org_key(name: str) -> str:
    """Reduce an organisation name to what its variants share."""
    words = re.sub(r"['’]s\b|['’.,]", "", name.lower()).replace("&", " and ").split()
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
        if len(words) > 1 and words[-1] == "and":  # "Dow Jones & Co Inc": the "&" of "& Co" goes with it
            words.pop()
    return " ".join(words)


@lru_cache(maxsize=16384)
def same_organization(a: str, b: str) -> bool:
    """Tell whether two names name one organisation: suffixes, apostrophes and initials aside."""
    key_a, key_b = org_key(a), org_key(b)
    if key_a == key_b:
        return True
    short, long = sorted((key_a.split(), key_b.split()), key=len)
    heads = _LOWER_HEADS
    if (
        short
        and long[: len(short)] == short
        and all(word in heads for word in long[len(short) :])
        and long[len(short) :] != ["capital"]  # "Barclays Capital" is a unit of Barclays, "GE Capital" of GE
    ):
        return True
    if short and len(long) == len(short) + 1 and len(long[0]) == 1 and long[1:] == short:
        return True  # "J. Sainsbury" for "Sainsbury": a founder's initial before the name
    if len(short) == len(long) > 1 and all(_abbreviates(x, y) for x, y in zip(short, long, strict=True)):
        return True  # "Man United" for "Manchester United"
    shorter = a if len(key_a.split()) <= len(key_b.split()) else b
    if len(short) == 1 < len(long) and long[0] == short[0] and _ACRONYM.fullmatch(shorter.strip()):
        return True  # "ABN" for "ABN AMRO": a name in capitals that leads the longer name
    capitals = [word for word in long if word not in ("of", "and", "the", "for")]
    if len(short) == 1 and len(capitals) > 1 and short[0] == "".join(word[0] for word in capitals):
        return True
    # "SAIC" for "Shanghai Automotive Industry Corp": initials that take in the legal ending too
    return len(short) == 1 and len(capitals) > 1 and short[0] == _full_initials(a if shorter == b else b)


def _full_initials(name: str) -> str:
    """The initials of every word of a name, its legal ending included."""
    words = re.sub(r"['’]s\b|['’.,]", "", name.lower()).replace("&", " and ").split()
    return "".join(word[0] for word in words if word not in ("of", "and", "the", "for"))


@lru_cache(maxsize=16384)
def organization_keys(name: str) -> frozenset[str] | None:
    """Keys two names share whenever `same_organization` holds between them; None for a name with no key.

    Equal keys, and a key that opens the other, share the first word; a name that shortens each word of
    the other shares the first letters of every word; initials share the first word with the initials.
    """
    words = org_key(name).split()
    if not words:
        return None
    keys = {f"first {words[0]}"}
    if len(words) > 1 and len(words[0]) == 1:
        keys.add(f"first {words[1]}")  # "J. Sainsbury" meets "Sainsbury"
    if len(words) > 1:
        keys.add("abbreviated " + " ".join(word[:_SHORT_WORD] for word in words))
    capitals = [word for word in words if word not in ("of", "and", "the", "for")]
    if len(capitals) > 1:
        keys.add("first " + "".join(word[0] for word in capitals))
        keys.add("first " + _full_initials(name))
    return frozenset(keys)


class OrganizationIndex:
    """Names filed by their keys, to find those that can be `same_organization` with a name without trying all."""

    def __init__(self, names: Sequence[str]) -> None:
        self.size = len(names)
        self.by_key: dict[str, list[int]] = defaultdict(list)
        self.anywhere: list[int] = []  # names without a key
        for position, name in enumerate(names):
            keys = organization_keys(name)
            if keys is None:
                self.anywhere.append(position)
            for key in keys or ():
                self.by_key[key].append(position)

    def candidates(self, names: Iterable[str]) -> list[int]:
        """The positions, in order, of the filed names that can be `same_organization` with one of names."""
        found = set(self.anywhere)
        for name in names:
            keys = organization_keys(name)
            if keys is None:
                return list(range(self.size))
            for key in keys:
                found.update(self.by_key.get(key, ()))
        return sorted(found)


def _abbreviates(x: str, y: str) -> bool:
    a, b = sorted((x, y), key=len)
    return a == b or (len(a) >= _SHORT_WORD and b.isalpha() and b.startswith(a))


def merge_organizations(orgs: Iterable[Organization], aliases: Mapping[str, Sequence[str]]) -> list[Organization]:
    """Merge organisations that are one under different names; the longest name leads.

    Names are compared only with names that share their first word, or whose initials they could be,
    or that the analyst lists as aliases, so the work grows with the number of names, not its square.
    """
    items = list(orgs)
    union = list(range(len(items)))

    def find(i: int) -> int:
        while union[i] != i:
            union[i] = union[union[i]]
            i = union[i]
        return i

    buckets: dict[str, list[int]] = defaultdict(list)
    for i, org in enumerate(items):
        for name in (org.name, *org.aliases):
            key = org_key(name)
            words = key.split()
            if words:
                buckets[words[0]].append(i)
                if len(words) > 1 and len(words[0]) == 1:
                    buckets[words[1]].append(i)  # "J. Sainsbury" meets "Sainsbury"
                if len(words) > 1:
                    buckets["".join(w[0] for w in words if w not in ("of", "and", "the", "for"))].append(i)
                    buckets[_full_initials(name)].append(i)
            for lead, listed in aliases.items():
                if key in {org_key(n) for n in (lead, *listed)}:
                    buckets["alias:" + lead].append(i)
    for bucket in buckets.values():
        for position, i in enumerate(bucket):
            for j in bucket[position + 1 :]:
                if find(i) == find(j):
                    continue
                names_i, names_j = (items[i].name, *items[i].aliases), (items[j].name, *items[j].aliases)
                if any(same_organization(a, b) for a in names_i for b in names_j) or _aliased(
                    names_i, names_j, aliases
                ):
                    union[find(j)] = find(i)
    groups: dict[int, list[Organization]] = defaultdict(list)
    for i, org in enumerate(items):
        groups[find(i)].append(org)
    merged = []
    for _, group in sorted(groups.items()):
        names = sorted({n for member in group for n in (member.name, *member.aliases)}, key=lambda n: (-len(n), n))
        mentions = tuple(sorted({m for member in group for m in member.mentions}, key=lambda m: (m.source, m.start)))
        lead = next((n for n in names if n in aliases), None) or _introduced(names, mentions)
        alias_set = sorted({*names, *aliases.get(lead, ())} - {lead})
        merged.append(
            Organization(
                id=f"o-{slug(lead)}",
                name=lead,
                aliases=tuple(alias_set),
                party=any(m.party for m in group),
                mentions=mentions,
            )
        )
    return merged


def _introduced(names: Sequence[str], mentions: Sequence[Mention]) -> str:
    """The longest name, unless it is a unit's: the longest name plus words such as "Financial" or "Europe"
    ("Thomson Financial", "AOL Europe") that no source's body opens with gives way to the longest name the
    sources do open with ("Thomson Corp."); a headline's short form is no introduction."""
    first: dict[str, str] = {}
    for mention in mentions:
        if sentence_number(mention.sentence) > 1:
            first.setdefault(mention.source, org_key(mention.text))
    for mention in mentions:
        first.setdefault(mention.source, org_key(mention.text))  # a source that names it only in its headline
    introduced = set(first.values())
    longest = org_key(names[0]).split()
    if " ".join(longest) in introduced:
        return names[0]
    for key in introduced:
        words = key.split()
        if (
            longest[: len(words)] == words
            and 0 < len(words) < len(longest)
            and set(longest[len(words) :]) <= UNIT_WORDS
        ):
            return next(name for name in names if org_key(name) in introduced)
    return names[0]


def _aliased(names: Sequence[str], others: Sequence[str], aliases: Mapping[str, Sequence[str]]) -> bool:
    for lead, alias_list in aliases.items():
        family = {org_key(n) for n in (lead, *alias_list)}
        if any(org_key(n) in family for n in names) and any(org_key(n) in family for n in others):
            return True
    return False
