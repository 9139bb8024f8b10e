"""Turn the words that name a quote's speaker into a speaker: a named person or organisation, a pronoun's
referent, an outlet or an unnamed speaker described."""

from __future__ import annotations

import re

from builder.extract import lexicon as lx
from builder.extract import referents
from builder.extract.entities import Entities, NamedMention
from builder.extract.speaker_kinds import (
    PERSON_NOUNS,
    Speaker,
    descriptor_speaker,
    head_noun,
    person_speaker,
    pronoun_speaker,
)

# The newspapers, agencies and broadcasters that carry a quote ("told the Financial Times").
OUTLETS = (
    r"(?:the\s)?(?:Financial\sTimes|Wall\sStreet\sJournal|New\sYork\sTimes|Washington\sPost|Sunday\sTimes|"
    r"Daily\sTelegraph|Sunday\sTelegraph|Telegraph|Guardian|Observer|Independent|Times|Economist|Reuters|"
    r"Bloomberg|Associated\sPress|AP|AFP|BBC(?:\s[A-Z][\w]+)*|CNN|CNBC|Dow\sJones(?:\sNewswires)?|Les\sEchos|"
    r"Handelsblatt|Nikkei|Le\sMonde|Der\sSpiegel|Sky\sNews|Radio\s4's\sToday\sprogramme|Today\sprogramme|"
    r"Agence\sFrance[\s-]Presse|Xinhua|Interfax|Kyodo|Itar-Tass|"
    r"the\s(?:newspaper|paper|magazine|agency|news\sagency)|(?:[A-Z][\w]+\s){1,4}(?:newspaper|magazine|news\sagency|website))"
)
_APPOSED_NAME = re.compile(r"[A-Z][\w&.'’-]*(?:\s(?:of\s|&\s)?[A-Z][\w&.'’-]*){0,3}")
_DESCRIPTOR = re.compile(
    r"^(?P<det>a|an|one|some|many|several|most|two|three|other|another|its|the|his|her|their|our|both)\s(?P<np>.+)$",
    re.I,
)
_GENERIC_OUTLET = re.compile(r"the\s(?:newspaper|paper|magazine|agency|news\sagency)", re.I)
_PEOPLE_AT = re.compile(r"^(?P<noun>[A-Za-z-]+s)\s(?:at|from|with|of)\s")  # "Analysts at JP Morgan": the firm's people
# The words that tie a described speaker to a person named after them: "a source close to", "a spokesman for".
_LINKED = re.compile(
    r"\s(?:close\sto|near|familiar\swith|for|of|to|at|with|from|representing|working\sfor)\s"
    r"(?:(?:the\s)?(?:Mr|Ms|Mrs|Dr)\.?\s)?$",
)
_LONGEST_UNNAMED = 8
_LOWER_WORD = re.compile(r"\b[a-z][a-z-]{2,}\b")
_PRONOUN = re.compile(r"^(?P<p>he|she|it|they|we|i)$", re.I)
_SHORT_LEAD = 10
_STAFF_AFTER = re.compile(r"\s(?:[a-z]+\s)?[a-z]+s\s*")  # "Rover bosses", "Fiat union officials"
_UNLISTED_NAME = re.compile(r"[A-Z][a-z]+(?:\s[A-Z][a-z]+[\w'’-]*){1,2}")


def resolve(phrase: str, start: int, end: int, entities: Entities) -> Speaker:
    """Turn a speaker phrase into a named person or organisation, a pronoun's referent, or a descriptor."""
    phrase = " ".join(phrase.split())  # wire copy wraps lines inside a phrase
    inside = [m for m in entities.mentions if start <= m.start < end]
    people = [m for m in inside if m.kind == "person"]
    descriptor = _DESCRIPTOR.match(phrase.strip())
    if people and descriptor and ", " not in phrase and _LINKED.search(entities.text, start, people[0].start):
        # "an unidentified source close to David Sainsbury", "a spokesman for Mr Dell": the one described speaks
        return descriptor_speaker(descriptor, phrase.strip(), start, end, entities)
    if people:
        owners = ("'s", "’s")
        subjects = [m for m in people if not entities.text.startswith(owners, m.end)]
        # "Andrei Illarionov - then adviser to President Vladimir Putin - told": a dash opens an aside, as a comma
        aside = entities.text.startswith((" - ", " – ", " — ", "—"), people[0].end)
        chosen = (subjects or people)[0] if ", " in phrase or aside or len(people) == 1 else (subjects or people)[-1]
        return person_speaker(chosen, entities, start, end)
    if ", " in phrase and not any(m.start - start < 2 for m in inside):
        # "Speaking at the forum in Dubai, he", "talks with the LSE, its chief": the last part speaks.
        lead = phrase.split(", ", 1)[0].strip()
        if _DESCRIPTOR.match(lead):  # "the source, one of several in New York": the first part speaks
            return resolve(lead, start, start + len(lead), entities)
        described = _DESCRIPTOR.match(phrase.split(", ", 1)[1].strip())
        if described and head_noun(described.group("np")) in PERSON_NOUNS and _UNLISTED_NAME.fullmatch(lead):
            # "said Will Brekke, a consultant for ...": a name no list holds, then the person it describes
            return Speaker(lead, "person", start=start, end=start + len(lead))
        tail = phrase.rsplit(", ", 1)[1].strip()
        if _PRONOUN.match(tail) or _DESCRIPTOR.match(tail):
            offset = end - len(phrase) + phrase.rindex(tail)
            return resolve(tail, offset, offset + len(tail), entities)
    words = phrase.split()
    if words and _PRONOUN.match(phrase.strip()):
        return pronoun_speaker(phrase.strip().lower(), start, entities, end)
    if 1 < len(words) <= _SHORT_LEAD and _PRONOUN.match(words[-1]):
        # "In February 2004 he": a time or place before the pronoun
        return pronoun_speaker(words[-1].lower(), end - len(words[-1]), entities, end)
    named = referents.last_outlet(start, entities) if _GENERIC_OUTLET.fullmatch(phrase.strip()) else None
    # "the agency" with no news agency named before it is the government's: "the agency said in a statement"
    agency = phrase.strip().lower() == "the agency" and named is None
    if re.fullmatch(OUTLETS, phrase.strip()) and not agency:
        return Speaker(named or phrase.strip(), "outlet", start=start, end=end)
    orgs = [m for m in inside if m.kind == "org"]
    descriptor = _DESCRIPTOR.match(phrase.strip())
    personal = descriptor is not None and head_noun(descriptor.group("np")) in PERSON_NOUNS
    if (
        orgs
        and descriptor is None
        and orgs[0].start - start < 2
        and _STAFF_AFTER.fullmatch(entities.text, orgs[0].end, end)
    ):
        staff = entities.text[orgs[0].end : end].split()[-1].lower()
        if staff in PERSON_NOUNS or staff.removesuffix("es") in PERSON_NOUNS:
            # "Rover bosses have said": unnamed people of the firm, not the firm
            org = entities.full_org_name(orgs[0].name)
            return Speaker(phrase.strip(), "descriptor", org=org, start=start, end=end)
    if ", " in phrase:
        lead, tail = phrase.rsplit(", ", 1)
        if _APPOSED_NAME.fullmatch(tail) and _LOWER_WORD.search(lead) and tail.split()[0] not in lx.NOT_NAMES:
            # "Reuters' second-largest shareholder, ValueAct": the name of the one described speaks
            offset = end - len(tail)
            if any(m.start >= offset for m in inside):
                return resolve(tail, offset, end, entities)
            return Speaker(tail, "organization", start=offset, end=end)
    people_at = _PEOPLE_AT.match(phrase.strip()) if descriptor is None else None
    if orgs and people_at and people_at.group("noun").lower() in lx.UNNAMED_NOUNS:  # not the firm itself
        return Speaker(phrase.strip(), "descriptor", org=entities.full_org_name(orgs[0].name), start=start, end=end)
    if orgs and not (descriptor and (descriptor.group("det").lower() in ("a", "an", "one") or personal)):
        return Speaker(
            entities.full_org_name(_subject_org(phrase, orgs, entities, end).name),
            "organization",
            start=start,
            end=end,
        )
    surname = entities.person(words[-1]) if words and words[-1][:1].isupper() else None
    if surname is not None:
        return Speaker(surname.name, "person", surname.title, surname.organization, start=start, end=end)
    if descriptor:
        return descriptor_speaker(descriptor, phrase.strip(), start, end, entities)
    if len(words) > _LONGEST_UNNAMED:
        return Speaker(None, None, start=start, end=end)  # a clause, not a speaker: no one is named
    if words and words[0][:1].isupper():
        return Speaker(phrase.strip(), None, start=start, end=end)
    return Speaker(phrase.strip() or None, "descriptor", start=start, end=end)


def _subject_org(phrase: str, orgs: list[NamedMention], entities: Entities, end: int) -> NamedMention:
    """The organisation a phrase names as the speaker: the first of "TCI, the fund that ...", the last of
    "F&N's adviser JP Morgan" (an organisation followed by 's only owns the speaker), the name that ends
    "Reuters' second-largest shareholder, ValueAct" (the name of what the words before describe)."""
    if ", " in phrase:
        last = orgs[-1]
        named = entities.text[last.start - 2 : last.start] == ", " and not entities.text[last.end : end].strip(" ,")
        return last if named and len(orgs) > 1 else orgs[0]
    owners = ("'s", "’s", "'", "’")
    spoken = [m for m in orgs if not entities.text.startswith(owners, m.end)]
    return spoken[-1] if spoken else orgs[0]
