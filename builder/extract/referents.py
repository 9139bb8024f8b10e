"""Who a pronoun or a description in an attribution stands for.

"he said" is the person the text is following: the most recent sentence that names a person of the
right sex (or a spokesman or spokeswoman) gives the antecedent, and in that sentence its subject, the
first one named. "the chief executive said" is the last person given that title; "the newspaper" the
last newspaper named; "the two companies" the two companies the text is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from builder.extract import lexicon as lx
from builder.extract.entities import Entities, NamedMention

_LOOKBACK_SENTENCES = 4
_NEAR = 70
_SPOKESPERSON = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Tt]he|[Aa]nother|[Ii]ts|[Tt]heir)\s(?:[\w’'-]+\s){0,2}?(?P<noun>spokesman|spokeswoman|spokesperson)"
    r"(?:\s(?:for|at|of|from|with)\s(?:the\s)?[A-Z][\w&.’'-]*(?:\s(?:[A-Z][\w&.’'-]*|of|and|&))*)?"
)
_GENDER = {"spokesman": "male", "spokeswoman": "female", "spokesperson": None}
# One unnamed person the story quotes: "…," said one investor; a lawyer said "…". "he" in the next sentence
# is that speaker.
_ONE_UNNAMED = (
    r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s(?:[\w’'-]+\s){0,2}?(?P<noun>"
    + "|".join(sorted((w for w in lx.UNNAMED_NOUNS if not w.endswith("s") or w.endswith("ss")), key=len, reverse=True))
    + r")\b"
)
_UNNAMED_SPEAKING = re.compile(
    rf"(?=[staoAO])\b(?:said|says|told|added|according\sto)\s(?P<d>{_ONE_UNNAMED})"
    rf"|\b(?P<d2>{_ONE_UNNAMED.replace('noun', 'noun2')})(?:,[^,]{{0,80}},)?\s(?:said|says|told|added)\b"
)
_SPEAKS = re.compile(r"(?:,[^,]{0,80},)?\s(?:also\s|has\s|had\s)?(?:said|says|told|added|wrote|noted|explained)\b")
_PRONOUN_SPEAKS = {
    gender: re.compile(
        rf"\b(?P<p>{word})\s(?:also\s|later\s|then\s)?(?:said|says|told|added|argued|noted|explained)\b", re.I
    )
    for gender, word in (("male", "he"), ("female", "she"))
}
# A sentence whose subject is "he" ("He then cited Cole's testimony"): the person it stands for is further back.
_PRONOUN_OPENS = {gender: re.compile(rf"\s*(?P<p>{word})\s") for gender, word in (("male", "He"), ("female", "She"))}
_OUTLET_NAME = re.compile(
    r"\b(?:the\s)?(?:(?:Sunday|Daily|Financial|Wall\sStreet|New\sYork|Washington|Evening)\s)?"
    r"(?:Times|Telegraph|Journal|Post|Guardian|Observer|Independent|Mail|Express|Herald|Standard|Mirror|Sun)\b"
    r"|\b(?:Reuters|Bloomberg|Handelsblatt|Les\sEchos|Nikkei|Le\sMonde|Der\sSpiegel|Financial\sTimes|Economist)\b"
)


@dataclass(frozen=True)
class Referent:
    """What an attribution's pronoun stands for: a person, or an unnamed speaker such as a spokeswoman."""

    name: str
    kind: str
    start: int
    end: int


def antecedent(gender: str, position: int, entities: Entities, depth: int = 0) -> Referent | None:
    """The person (or spokesperson) "he" or "she" at position most likely stands for.

    A sentence whose speaker is itself "he" ("At a conference hosted by Gordon Brown, he said ...") hands
    the question back to the sentences before it.
    """
    current = entities.sentence_of(position)
    candidates = [m for m in entities.before(position, ("person",)) if m.gender in (gender, None)]
    candidates += [m for m in _spokespeople(entities, position) if m.gender in (gender, None)]
    by_sentence: dict[int, list[NamedMention]] = {}
    for mention in candidates:
        by_sentence.setdefault(entities.sentence_of(mention.start), []).append(mention)
    order = [*range(current - 1, max(-1, current - 1 - _LOOKBACK_SENTENCES), -1), current]
    for number in order:
        found = sorted(by_sentence.get(number, ()), key=lambda m: m.start)
        chained = number != current and depth < _LOOKBACK_SENTENCES
        speaking = _pronoun_speaker(gender, number, entities) if chained else None
        if speaking is not None and not any(_SPEAKS.match(entities.text, m.end) for m in found if m.start < speaking):
            return antecedent(gender, speaking, entities, depth + 1)
        if found:
            return _referent(next((m for m in found if _SPEAKS.match(entities.text, m.end)), found[0]))
    return _referent(max(candidates, key=lambda m: m.start)) if candidates else None


def _pronoun_speaker(gender: str, number: int, entities: Entities) -> int | None:
    """Where a sentence has "he said" (or "she told"), or opens with "He", the place of that pronoun."""
    starts = entities.sentence_starts
    if not starts or number < 0:
        return None
    end = starts[number + 1] if number + 1 < len(starts) else len(entities.text)
    match = _PRONOUN_SPEAKS[gender].search(entities.text, starts[number], end) or _PRONOUN_OPENS[gender].match(
        entities.text, starts[number], end
    )
    return match.start("p") if match else None


def _referent(mention: NamedMention) -> Referent:
    return Referent(mention.name, "person" if mention.kind == "person" else "descriptor", mention.start, mention.end)


def _spokespeople(entities: Entities, position: int) -> list[NamedMention]:
    """Spokesmen and spokeswomen the few sentences before position name as their organisation's voice."""
    first = entities.sentence_of(position) - _LOOKBACK_SENTENCES
    start = entities.sentence_starts[max(0, first)] if entities.sentence_starts else 0
    found = [
        NamedMention(m.start(), m.end(), "descriptor", m.group(), _GENDER[m.group("noun")])
        for m in _SPOKESPERSON.finditer(entities.text, start, position)
    ]
    for m in _UNNAMED_SPEAKING.finditer(entities.text, start, position):
        group = "d" if m.group("d") else "d2"
        if not any(f.start <= m.start(group) < f.end for f in found):
            found.append(NamedMention(m.start(group), m.end(group), "descriptor", m.group(group), None))
    return found


@cache
def _introduction(head: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s(?:(?!(?:of|the|for|and)\s)[\w-]+\s){{0,3}}?{re.escape(head)}\b"
        r"(?:\s(?:at|for|of|from|with)\s(?:the\s)?[A-Z][\w&.’'-]*(?:\s[A-Z][\w&.’'-]*)*)?"
    )


@cache
def _apposition(noun: str) -> re.Pattern[str]:
    return re.compile(rf"\b[Tt]he\s{re.escape(noun)},\s(?P<name>[A-Z][\w&.’'-]*(?:\s[A-Z][\w&.’'-]*){{0,5}}),")


def titled_person(title: str, position: int, entities: Entities, org: str | None = None) -> str | None:
    """The person "the chief executive" or "the Lockheed executive" at position stands for: the last one before
    it with that title (given after the name, or written before it: "President Donald Trump"), of that
    organisation when one is named; else the first one after it."""
    word = title.lower()
    people = [m for m in entities.mentions if m.kind == "person"]
    before = [m for m in reversed(people) if m.end <= position]
    after = [m for m in people if m.start >= position]
    for mention in (*before, *after):
        person = entities.person(mention.name)
        if person is None:
            continue
        titled = bool(person.title) and word in person.title.lower().split()  # type: ignore[union-attr]
        written = re.search(
            rf"\b{re.escape(word)}\s(?:[A-Z][\w.'’-]*\s)*$",
            entities.text[max(0, mention.start - 40) : mention.start],
            re.I,
        )
        if (titled or written) and (org is None or _works_for(person.organization, org, mention, entities)):
            return person.name
    return None


def _works_for(organization: str | None, org: str, mention: NamedMention, entities: Entities) -> bool:
    """Tell whether a person is of an organisation: as their title says, or named just before them."""
    lead = org.lower().split()
    if organization and organization.lower().split()[: len(lead)] == lead:
        return True
    return org.lower() in entities.text[max(0, mention.start - _NEAR) : mention.start].lower()


def introduced(head: str, position: int, entities: Entities) -> str | None:
    """An unnamed speaker introduced shortly before ("an unnamed executive at Euronext") that "the executive"
    at position refers back to."""
    first = entities.sentence_of(position) - _LOOKBACK_SENTENCES
    start = entities.sentence_starts[max(0, first)] if entities.sentence_starts else 0
    found = None
    for match in _introduction(head).finditer(entities.text, start, position):
        found = match
    if found is None or any(m.kind == "person" and found.end() <= m.start < position for m in entities.mentions):
        return None  # none, or a person named since
    return found.group()


def named_in_apposition(noun: str, position: int, entities: Entities) -> str | None:
    """The name an earlier apposition gave "the group" at position: "The group, WeWorkers Coalition, formed ..."."""
    if f"he {noun}, " not in entities.text:
        return None
    found = None
    for match in _apposition(noun).finditer(entities.text, 0, position):
        found = match.group("name")
    return found


def last_outlet(position: int, entities: Entities) -> str | None:
    """The last newspaper, agency or broadcaster named before position ("the newspaper said" stands for it)."""
    found = None
    for match in _OUTLET_NAME.finditer(entities.text, 0, position):
        found = match.group()
    return found.removeprefix("the ").strip() if found else None


def two_parties(position: int, entities: Entities) -> str | None:
    """ "the two companies": the two organisations named last before position, as "A and B" in the order the
    text first names them."""
    names: list[str] = []
    for mention in entities.before(position, ("org",)):
        if mention.name not in names:
            names.append(mention.name)
        if len(names) == 2:
            first = {name: min(m.start for m in entities.mentions if m.name == name) for name in names}
            return " and ".join(sorted(names, key=first.__getitem__))
    return None
