"""Who a speaker phrase names: the Speaker a pronoun, a person's name or a descriptor ("the company",
"a spokesman", "the statement") resolves to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.extract import lexicon as lx
from builder.extract import referents
from builder.extract.entities import Entities, NamedMention

PERSON_NOUNS = lx.UNNAMED_NOUNS | lx.TITLE_HEADS | frozenset(noun + "s" for noun in lx.TITLE_HEADS)
_TITLE_NOUNS = lx.TITLE_HEADS | frozenset({"chief", "boss", "executive", "head"})
_UNNAMED_GROUPS = frozenset({"consortium", "syndicate", "coalition"})
_STATEMENTS = frozenset({"statement", "release"})
_BOTH_PARTIES = re.compile(r"(?:two\s)?(?:companies|firms|groups|partners|parties)")


@dataclass(frozen=True)
class Speaker:
    """Who said a quote, as resolved."""

    name: str | None
    kind: str | None
    title: str | None = None
    org: str | None = None
    unnamed: bool = False
    reported_by: str | None = None
    start: int = 0
    end: int = 0


def head_noun(noun_phrase: str) -> str:
    return re.split(r"\s(?:at|for|of|from|with|in|close|familiar|who|which)\s", noun_phrase)[0].split()[-1].lower()


def person_speaker(mention: NamedMention, entities: Entities, start: int, end: int) -> Speaker:
    person = entities.person(mention.name)
    title = person.title if person else None
    org = person.organization if person else None
    return Speaker(mention.name, "person", title, org, start=start, end=end)


def pronoun_speaker(pronoun: str, position: int, entities: Entities, end: int) -> Speaker:
    wanted = lx.PRONOUNS.get(pronoun)
    if wanted in ("male", "female"):
        found = referents.antecedent(wanted, position, entities)
        if found is not None and found.kind == "person":
            person = entities.person(found.name)
            title, org = (person.title, person.organization) if person else (None, None)
            return Speaker(found.name, "person", title, org, start=position, end=end)
        if found is not None:
            return Speaker(found.name, "descriptor", unnamed=True, start=position, end=end)
    elif wanted == "plural" and _IN_A_STATEMENT.match(entities.text, end):
        # "Acme have denied it. "...," they said in a statement": a firm written in the plural, the one that
        # opens the sentence before
        firm = _firm_opening_sentence_before(position, entities)
        if firm is not None:
            return Speaker(entities.full_org_name(firm), "organization", start=position, end=end)
    elif wanted == "it":
        salient = entities.salient_org(position)
        if salient is not None:
            return Speaker(entities.full_org_name(salient), "organization", start=position, end=end)
    return Speaker(pronoun, "descriptor", start=position, end=end)


_IN_A_STATEMENT = re.compile(r"\s(?:said|says|wrote|added)\sin\s(?:a|an|their)\s(?:statement|e-?mail|release|letter)\b")


def _firm_opening_sentence_before(position: int, entities: Entities) -> str | None:
    before = entities.sentence_of(position) - 1
    for mention in entities.mentions:
        if mention.kind == "org" and mention.opens_sentence and entities.sentence_of(mention.start) == before:
            return mention.name
    return None


_STATE_BODIES = frozenset("ministry government department embassy parliament cabinet".split())


def descriptor_speaker(match: re.Match[str], phrase: str, start: int, end: int, entities: Entities) -> Speaker:
    determiner = match.group("det").lower()
    noun_phrase = match.group("np")
    head = head_noun(noun_phrase)
    if (
        head in lx.DOCUMENT_NOUNS
        or head.removesuffix("s") in lx.DOCUMENT_NOUNS
        or noun_phrase.lower().split()[0] in lx.DOCUMENT_NOUNS
    ):
        if head in _STATEMENTS or noun_phrase.lower().split()[0] in _STATEMENTS:
            issuer = entities.salient_org(start)  # a statement speaks for the organisation that issued it
            if issuer is not None:
                return Speaker(entities.full_org_name(issuer), "organization", start=start, end=end)
        return Speaker(phrase, "document", start=start, end=end)
    if determiner in ("the", "both") and _BOTH_PARTIES.fullmatch(noun_phrase.lower()):
        parties = referents.two_parties(start, entities)
        if parties is not None:
            return Speaker(parties, "organization", start=start, end=end)
    earlier = referents.introduced(head, start, entities) if determiner == "the" and head in PERSON_NOUNS else None
    if earlier is not None:
        unnamed = head in lx.UNNAMED_NOUNS or head in _TITLE_NOUNS
        return Speaker(earlier, "descriptor", unnamed=unnamed, start=start, end=end)
    if determiner in ("the", "its", "their") and head in _TITLE_NOUNS:
        named = [m.name for m in entities.mentions if start <= m.start < end and m.kind == "org"]
        holder = referents.titled_person(head, start, entities, named[0] if named and determiner == "the" else None)
        if holder is not None:
            return person_speaker(NamedMention(start, end, "person", holder, None), entities, start, end)
    if head in _UNNAMED_GROUPS:
        return Speaker(phrase, "organization", start=start, end=end)  # "the consortium": no one name stands for it
    appositive = referents.named_in_apposition(head, start, entities) if determiner == "the" else None
    if appositive is not None and head in lx.ORG_NOUNS:
        return Speaker(appositive, "organization", start=start, end=end)
    # "the French finance ministry": a state's body that its modifier names, never the firm the story is about
    state_body = head in _STATE_BODIES and any(word[:1].isupper() for word in noun_phrase.split()[:-1])
    if determiner == "the" and head in lx.ORG_NOUNS and not head.endswith("s") and not state_body:
        salient = entities.salient_org(start)
        if salient is not None:
            return Speaker(entities.full_org_name(salient), "organization", start=start, end=end)
        return Speaker(phrase, "organization", start=start, end=end)
    if head in lx.ORG_NOUNS:
        return Speaker(phrase, "organization", start=start, end=end)
    unnamed = head in lx.UNNAMED_NOUNS or head.rstrip("s") in lx.UNNAMED_NOUNS
    return Speaker(phrase, "descriptor", unnamed=unnamed, start=start, end=end)
