"""The rules that pair what the extractor found with the gold: quotes by their words, speakers by who
they name, figures by value and unit, people by name."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from builder.extract.entities import org_key, same_organization

# A found quote is the gold quote when it holds this share of the gold's words, and is right when the gold
# quotes it was paired with account for this share of its own words.
QUOTE_OVERLAP = 0.8

_WORD = re.compile(r"\w+")
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|dr|sir|lord|lady|dame|prof|professor)\.?\s+", re.I)
_SUFFIX = re.compile(r",?\s+(?:Jr|Sr|II|III|IV)\.?$")
_DESCRIPTOR_CUT = re.compile(r"\s(?:at|for|of|from|with|in|close|familiar|who|which|that|to)\s", re.I)


def words(text: str) -> Counter[str]:
    """The words of a text as a multiset, case and typographic apostrophes aside."""
    return Counter(_WORD.findall(text.replace("’", "'").casefold()))


@dataclass
class QuotePairs:
    """Which found quote each gold quote was paired with, and which found quotes are right."""

    gold_to_found: dict[int, int]
    right: set[int]
    not_quotes: set[int]


def pair_quotes(gold: Sequence[str], not_quotes: Sequence[str], found: Sequence[str]) -> QuotePairs:
    """Pair gold quotes with found quotes by shared words.

    A found quote may hold several gold quotes (the paragraphs of one quotation), each taking words out of
    it so that a repeated quotation needs a found quote of its own. Each gold quote, in order, goes to the
    found quote with which it shares most words, if that is at least QUOTE_OVERLAP of the gold's words. A
    found quote is right when the gold quotes paired with it hold at least QUOTE_OVERLAP of its words; a
    found quote that holds a quoted title or scare quote of the gold (`not_a_quote`) is wrong.
    """
    left = [words(text) for text in found]
    sizes = [sum(bag.values()) for bag in left]
    taken = [0] * len(found)
    pairs: dict[int, int] = {}
    for index, text in enumerate(gold):
        bag = words(text)
        size = sum(bag.values())
        if not size:
            continue
        best, best_shared = -1, 0
        for candidate, rest in enumerate(left):
            shared = sum((bag & rest).values())
            if shared > best_shared:
                best, best_shared = candidate, shared
        if best >= 0 and best_shared >= math.ceil(QUOTE_OVERLAP * size):
            pairs[index] = best
            taken[best] += best_shared
            left[best] = left[best] - bag
    right = {i for i in range(len(found)) if sizes[i] and taken[i] >= QUOTE_OVERLAP * sizes[i]}
    wrong_marks = set()
    for text in not_quotes:
        bag = words(text)
        for i, quote in enumerate(found):
            if i not in right and bag and words(quote) == bag:
                wrong_marks.add(i)
    return QuotePairs(pairs, right, wrong_marks)


def person_name(name: str) -> str:
    """A person's name reduced to what its spellings share: no honorific or suffix (Jr.), initials run together
    ("J.P." and "JP"), one case."""
    name = _HONORIFIC.sub("", name.replace("’", "'").strip())
    name = _SUFFIX.sub("", name)
    words: list[str] = []
    for word in name.replace(".", " ").split():
        if len(word) == 1 and words and len(words[-1]) <= 2 and words[-1].isupper():
            words[-1] += word  # "J P" → "JP"
        else:
            words.append(word)
    return " ".join(words).casefold()


def same_person(found: str, gold: str) -> bool:
    """Tell whether two names name one person: the same name, or the same with middle initials left out."""
    a, b = person_name(found), person_name(gold)
    if a == b:
        return True
    strip = [[w for i, w in enumerate(n.split()) if not (0 < i < len(n.split()) - 1 and len(w) == 1)] for n in (a, b)]
    return strip[0] == strip[1]


def same_org(found: str, gold: str) -> bool:
    """Tell whether two names name one organisation, or one is the leading part of the other ("ABN", "ABN AMRO")."""
    if same_organization(found, gold):
        return True
    a, b = org_key(found).split(), org_key(gold).split()
    short, long = sorted((a, b), key=len)
    return bool(short) and long[: len(short)] == short


_TITLE_SHORT = {"ceo": "chief executive officer", "cfo": "chief financial officer", "coo": "chief operating officer"}


def same_title(found: str, gold: str) -> bool:
    """Tell whether a found title is the article's: the same words, or the article's and more ("chief
    executive" for "chief executive officer"), but never a part of it ("executive" for "chief executive")."""

    def title_words(title: str) -> list[str]:
        tokens = re.findall(r"[a-z]+", title.casefold().replace("-", " "))
        return [word for token in tokens for word in _TITLE_SHORT.get(token, token).split()]

    mine, theirs = title_words(found), title_words(gold)
    if mine == theirs:
        return True
    if not theirs:
        return False
    # "chief executive" and "chief executive officer" are one office
    trimmed = [w for w in mine if w != "officer"], [w for w in theirs if w != "officer"]
    return trimmed[0] == trimmed[1] or set(theirs) <= set(mine)


def head_noun(phrase: str) -> str:
    """The noun a descriptor turns on ("a source familiar with the matter" → "source"), singular."""
    first = _DESCRIPTOR_CUT.split(" " + phrase.strip() + " ", maxsplit=1)[0]
    tokens = _WORD.findall(first.casefold())
    if not tokens:
        return ""
    head = str(tokens[-1])
    return head[:-1] if head.endswith("s") and not head.endswith("ss") else head


def same_speaker(found: str | None, found_kind: str | None, gold: str | None, gold_kind: str | None) -> bool:
    """Tell whether the found speaker is the gold one.

    A person must be the same person; an organisation the same organisation; an unnamed speaker or a
    document the same head noun ("analysts" and "one analyst" agree, "a source" and "a banker" do not).
    A joint speaker in the gold ("Michael Dell and Silver Lake") is matched by either of its parts, a person
    or an organisation.
    """
    if gold is None:
        return found is None
    if found is None:
        return False
    joint = " and " in gold or " & " in gold
    parts = [gold, *re.split(r"\s(?:and|&)\s", gold)] if joint else [gold]
    for part in parts:
        person = gold_kind == "person" or (joint and part != gold)
        organization = gold_kind == "organization" or (joint and part != gold)
        if person and found_kind in ("person", None) and same_person(found, part):
            return True
        if organization and found_kind in ("organization", "outlet", None) and same_org(found, part):
            return True
        if gold_kind in ("descriptor", "document"):
            if found_kind in ("descriptor", "document", None) and head_noun(found) == head_noun(part):
                return True
            if found_kind == "outlet" and same_org(found, part):
                return True
    return False


def same_value(found: float | None, gold: float | None) -> bool:
    """Tell whether a found figure is the gold one to the gold's precision ("a third" is 33.3 in the gold)."""
    if found is None or gold is None:
        return found is None and gold is None
    written = repr(float(gold))
    decimals = len(written.split(".")[1]) if "." in written and "e" not in written else 6
    return math.isclose(round(found, decimals), round(gold, decimals), rel_tol=1e-9, abs_tol=1e-9)


def same_figure(found: tuple[float, float | None, str], gold: tuple[float, float | None, str]) -> bool:
    """Tell whether a found figure is the gold one: same unit, same value (the low end of a range), same high end."""
    return found[2] == gold[2] and same_value(found[0], gold[0]) and same_value(found[1], gold[1])
