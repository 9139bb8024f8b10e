"""The names of the parties a brief may have: every organisation and person the extractors found, each
once with every form the sources write it in, and the marking of those names in a sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from builder.extract import lexicon as lx
from builder.extract.entities import org_key, same_organization
from builder.extract.orgnames import organization_keys
from builder.model import Organization, Person, Sentence

MARK = "\u27e8{}\u27e9"  # ⟨n⟩ stands for the n-th entity in a marked sentence


@dataclass(frozen=True)
class Entity:
    """One party candidate: the name shown, and every form the sources write it in."""

    name: str
    person: bool
    forms: tuple[str, ...]


@dataclass
class Marked:
    """A sentence with its entities replaced by marks, and the way back to the sentence's own text."""

    text: str
    sentence: Sentence
    source: str
    places: list[tuple[int, int, int]] = field(default_factory=list)  # (marked start, original start, length delta)

    def original(self, start: int, end: int) -> str:
        """The sentence's own words for a stretch of the marked text."""
        return self.sentence.text[self._back(start) : self._back(end)].strip(" ,")

    def _back(self, position: int) -> int:
        return position + sum(delta for start, _, delta in self.places if start < position)


# Words for where a party is from, which the extractors can take for names ("Australian winemaker Southcorp").
_DEMONYMS = frozenset(
    """
    American Australian Austrian Belgian Brazilian British Canadian Chinese Danish Dutch Emirati European
    Finnish French German Greek Hungarian Indian Indonesian Irish Israeli Italian Japanese Korean Malaysian
    Mexican Norwegian Polish Portuguese Qatari Russian Saudi Scottish Singaporean Spanish Swedish Swiss Taiwanese
    Thai Turkish Welsh Anglo-Dutch Anglo-American Pan-European Asian African Latin Arab Nordic
    """.split()
)
_NOT_PARTIES = lx.PLACES | lx.NOT_NAMES | _DEMONYMS | lx.ORG_HEADS


def deal_entities(organizations: Sequence[Organization], people: Sequence[Person]) -> list[Entity]:
    """The organisations and people that could be parties, each once, with every form of their name."""
    groups: list[tuple[str, bool, set[str], Counter[str]]] = []
    for org in organizations:
        forms = {_clean(n) for n in (org.name, *org.aliases, *(m.text for m in org.mentions))}
        forms = {f for f in forms if _plausible(f)}
        if forms and _plausible(_clean(org.name)):
            groups.append((_clean(org.name), False, forms, Counter({_clean(org.name): len(org.mentions)})))
    for person in people:
        if not _plausible(person.name) or " " not in person.name:
            continue
        forms = {person.name}
        surname = person.name.split()[-1]
        forms |= {f"Mr {surname}", f"Ms {surname}", f"Mrs {surname}", f"Mr. {surname}"}
        groups.append((person.name, True, forms, Counter({person.name: len(person.mentions)})))
    # Longer names first, so that "United" joins "Manchester United" and "Charoen" joins the person.
    groups.sort(key=lambda g: (-len(g[0].split()), g[1] is False, g[0]))
    merged: list[tuple[str, bool, set[str], Counter[str]]] = []
    # Each kept name is filed under the keys a matching name must share with it, so a name found later
    # is compared only with the entities it could be, the earliest first, as if compared with every one.
    index: dict[tuple[str, str], set[int]] = {}
    everywhere: set[int] = set()  # entities with a name that has no key: compared with every name
    for name, is_person, forms, counts in groups:
        keys = _match_keys(name, is_person, probe=True)
        candidates = range(len(merged)) if keys is None else sorted(everywhere.union(*(index.get(k, ()) for k in keys)))
        home_at = next((i for i in candidates if _joins(name, is_person, merged[i])), None)
        if home_at is None:
            home_at = len(merged)
            merged.append((name, is_person, set(forms), Counter(counts)))
        else:
            merged[home_at][2].update(forms)
            merged[home_at][3].update(counts)
        for kept in counts:
            kept_keys = _match_keys(kept, merged[home_at][1])
            if kept_keys is None:
                everywhere.add(home_at)
            else:
                for key in kept_keys:
                    index.setdefault(key, set()).add(home_at)
    # The name shown is the one the sources use most, the fullest on a tie.
    merged = [
        (max(counts, key=lambda n: (counts[n], len(n), n)) if not is_person else name, is_person, forms, counts)
        for name, is_person, forms, counts in merged
    ]
    # "Shell" is not "Shell Canada Ltd" where "Royal Dutch Shell" is a party too: a first word another name holds
    # names neither alone
    words = Counter(word for name, is_person, _, _ in merged if not is_person for word in set(name.split()))
    entities = []
    for name, is_person, forms, _ in merged:
        if not is_person:
            # A company's short name ("Dell" for "Dell Inc", "Macquarie" for "Macquarie Bank") is the
            # company's, even where its founder shares it.
            forms |= {key for key in (_short(f) for f in forms) if key}
            first = name.split()[0]
            if " " in name and words[first] == 1 and _distinctive(first):
                forms.add(first)
        entities.append(Entity(name=name, person=is_person, forms=tuple(sorted(forms, key=lambda f: (-len(f), f)))))
    return entities


def _distinctive(word: str) -> bool:
    """A first word that names its company alone: not a common word, a place, a first name or a head."""
    return (
        len(word) > 2
        and word[0].isupper()
        and word not in _NOT_PARTIES
        and word not in lx.FIRST_NAMES
        and word.lower() not in lx.SENTENCE_COMMON
        and word.lower() not in ("new", "royal", "national", "general", "united", "first", "china", "global")
    )


def _clean(name: str) -> str:
    """A name without the ticker wire copy sets after it."""
    return re.sub(r"(?:\s+[A-Z0-9]{2,6}\.[A-Z]{1,3})+$", "", name).strip(" .,")


def _short(name: str) -> str | None:
    """The name without its legal ending, as sources write it the second time ("Dell" for "Dell Inc")."""
    words = name.split()
    if len(words) > 1 and org_key(name) != name.lower() and words[-1].rstrip(".") in lx.ORG_HEADS:
        short = " ".join(words[:-1]).rstrip(",")
        # "Shell Canada" of "Shell Canada Ltd": a country ends the name of a company's unit there
        plausible = _plausible(short) or (" " in short and _plausible(name))
        return short if plausible and short.split()[-1].rstrip(".") not in lx.ORG_HEADS else None
    return None


def _plausible(name: str) -> bool:
    """A name that can be a party: not a place, a month, a nationality or a shouted heading word."""
    words = name.split()
    if len(name) < 2:
        return False  # "C" of "C$45", "A" of "A$7 billion": a currency's mark, not a name
    if not words or name in _NOT_PARTIES or words[0] in lx.NOT_NAMES | _DEMONYMS | _OPENERS:
        return False
    headed = any(w.rstrip(".,") in lx.ORG_HEADS for w in words)
    if words[0] in lx.PLACES and not headed:
        return False  # "London" opens "London Stock Exchange", but alone it is a dateline
    if words[0].endswith(("-based", "-led")) or any(w.isalpha() and w.isupper() and len(w) > 4 for w in words):
        return False
    if _TICKER.fullmatch(words[0]):
        return False
    # "Southeast Asia", "Shell for Australia": a place at the end of a name without a company word
    return not (words[-1] in lx.PLACES and not headed)


_WORD = re.compile(r"\w+")
_EDGE = re.compile(r"[\w&]")  # a name is whole where no such character touches it
_TICKER = re.compile(r"[A-Z0-9]{1,6}\.[A-Z]{1,3}")
_OPENERS = frozenset("Another Rival Fellow Bosses Unions Representatives Shareholders Investors".split())


def _same(a: str, b: str, a_person: bool, b_person: bool) -> bool:
    """Whether a name found later is the entity of a name kept earlier (longer names come first)."""
    if a_person and b_person:
        return a == b
    if a_person != b_person:
        # "Charoen" found as an organisation is the person Charoen Sirivadhanabhakdi
        person, other = (a, b) if a_person else (b, a)
        return " " not in other and other in person.split()
    if same_organization(a, b) or org_key(a).rstrip("s") == org_key(b).rstrip("s"):
        return True
    short_key, long_key = sorted((org_key(a), org_key(b)), key=len)
    if long_key.startswith(short_key + " "):
        # "Overseas Union" is "Overseas Union Enterprise Ltd"; "Fabrikam Canada" is the group's unit in a country,
        # not "Fabrikam Holdings"
        return long_key[len(short_key) + 1 :].split()[0].title() not in lx.PLACES
    # "United" is "Manchester United": a one-word name that ends a longer one
    # ("Shell" is "Royal Dutch Shell Plc", its last word before the legal ending)
    short, long = sorted((a, b), key=lambda n: len(n.split()))
    last = {long.split()[-1], (_short(long) or long).split()[-1]}
    return " " not in short and len(long.split()) > 1 and short in last and short not in lx.ORG_HEADS


def _joins(name: str, is_person: bool, group: tuple[str, bool, set[str], Counter[str]]) -> bool:
    return any(_same(name, kept, is_person, group[1]) for kept in group[3])


def _match_keys(name: str, person: bool, probe: bool = False) -> list[tuple[str, str]] | None:
    """Keys a name is filed under (or, with probe, looked up by) such that `_same` holds between a name looked
    up and a name filed only if they share one; None for a name that has none.

    A person matches the same person, or a one-word organisation that is one of its words; organisations
    match on the keys of `organization_keys`, on the key without a trailing s, and on the last word of the
    name ("United" for "Manchester United").
    """
    own = "person word" if person != probe else "one-word org"
    if person:
        return [("person", name), *((own, word) for word in name.split())]
    found = organization_keys(name)
    if found is None:
        return None
    keys = [("organization", key) for key in sorted(found)]
    keys.append(("plural", org_key(name).rstrip("s")))
    words = name.split()
    if " " not in name:
        keys.append((own, name))
        if name not in lx.ORG_HEADS:
            keys.append(("last", name))
    for last in {words[-1], (_short(name) or name).split()[-1]} if len(words) > 1 else ():
        if last not in lx.ORG_HEADS:
            keys.append(("last", last))
    return keys


class Marker:
    """Mark every entity of the brief in a sentence, longest names first."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        forms = sorted(
            ((form, index) for index, entity in enumerate(entities) for form in entity.forms),
            key=lambda item: (-len(item[0]), item[0]),
        )
        self.owner = {form: index for form, index in reversed(forms)}
        self.forms = list(dict.fromkeys(form for form, _ in forms))
        # A name stands whole in a sentence only where the sentence has each of its words whole, so each
        # sentence is searched only for the names whose rarest word it has, in the same order: it finds
        # what searching for every name would.
        runs = [_WORD.findall(form) for form in self.forms]
        often = Counter(word for words in runs for word in set(words))
        self.by_word: dict[str, list[int]] = {}
        self.loose: list[int] = []  # names without a word
        for rank, words in enumerate(runs):
            if words:
                self.by_word.setdefault(min(words, key=lambda w: (often[w], w)), []).append(rank)
            else:
                self.loose.append(rank)

    def _matches(self, text: str) -> list[tuple[int, int]]:
        """Where names stand whole in the text, left to right: at each place the earliest name in the order,
        as one pattern of every name, tried in that order, would find them."""
        ranks = set(self.loose).union(*(self.by_word.get(word, ()) for word in set(_WORD.findall(text))))
        found: list[tuple[int, int, int]] = []
        for rank in ranks:
            form = self.forms[rank]
            at = text.find(form)
            while at >= 0:
                end = at + len(form)
                # a stock ticker after a name ("TXU Corp. TXU.N", "KKR.UL") is no mention of it
                code = _TICKER.match(text, at)
                ticker = code is not None and text[end : end + 1] == "." and not _EDGE.match(text, code.end())
                if not (at and _EDGE.match(text, at - 1)) and not _EDGE.match(text, end) and not ticker:
                    found.append((at, rank, end))
                at = text.find(form, at + 1)
        found.sort()
        matches: list[tuple[int, int]] = []
        for at, _, end in found:
            if not matches or at >= matches[-1][1]:
                matches.append((at, end))
        return matches

    def mark(self, source: str, sentence: Sentence) -> Marked:
        """The sentence with each entity's name replaced by its mark."""
        marked = Marked(sentence.text, sentence, source)
        pieces: list[str] = []
        last = 0
        length = 0
        text = sentence.text
        for start, end in self._matches(text):
            pieces.append(text[last:start])
            length += start - last
            label = MARK.format(self.owner[text[start:end]])
            marked.places.append((length, start, end - start - len(label)))
            pieces.append(label)
            length += len(label)
            last = end
        pieces.append(sentence.text[last:])
        marked.text = "".join(pieces)
        return marked
