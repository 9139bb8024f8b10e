"""People with their titles and organisations, and organisations with their aliases."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from builder.extract import lexicon as lx
from builder.extract.names import Candidate, NameTable, find_names
from builder.extract.speaker_lines import SpeakerLine, speaker_lines
from builder.model import Mention, Organization, Person, Source

_TITLE_TOKEN = r"(?:[a-z][\w-]*|CEO|CFO|COO|CTO|CIO|MD|VP|SVP|EVP|MP)"
_TITLE_PHRASE = (
    rf"{_TITLE_TOKEN}(?: {_TITLE_TOKEN})*(?: (?:of|for) (?:the )?[A-Z][\w&-]*(?: (?:and |& )?[A-Z][\w&-]*)*)?"
)
_ORG_TOKEN = r"[A-Z][\w&’'-]*(?:\.[\w&-]+)*"
_ORG_PHRASE = rf"(?:the [a-z]+(?: [a-z]+)?|{_ORG_TOKEN}(?: (?:of |& |and )?{_ORG_TOKEN})*)"
_AFTER = re.compile(
    rf"^\s?,\s(?:an?\s|the\s)?(?P<title>{_TITLE_PHRASE})(?:,?\s(?:of|at|for|with)\s|,\s(?:of\s)?)(?P<org>{_ORG_PHRASE})"
    rf"|^\s?,\s(?P<org_first>{_ORG_PHRASE})['’]s?\s(?P<title_second>{_TITLE_PHRASE})"
    rf"|^\s?,\s(?:an?\s|the\s)?(?P<title_only>{_TITLE_PHRASE})(?=\s?[,.;]|\s(?:said|says|told|added))"
    rf"|^\sof\s(?:the\s)?(?P<org_only>{_ORG_PHRASE})"
)
_BEFORE = re.compile(
    r"(?:(?P<org>(?:the\s[a-z]+|[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)*))['’]s?\s|(?P<org2>[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)*)\s)?"
    r"(?P<title>(?:(?:vice-chairman|vice-president|co-founder|co-chairman|deputy-chairman|"
    r"chief|executive|financial|operating|managing|vice|deputy|senior|group|global|corporate|non-executive|"
    r"finance|former|founder|president|chairman|chairwoman|director|boss|head|spokesman|spokeswoman|analyst|economist|"
    r"minister|secretary|governor|CEO|CFO|COO|CTO|MD|officer|partner|trader|strategist|editor|chancellor)\s){1,4})$"
)
_POSSESSOR = re.compile(rf"(?P<org>{_ORG_TOKEN}(?: {_ORG_TOKEN})*)['’]s? $")
_COPULA = re.compile(
    rf"^\s*(?:\([^)]*\)\s*)?(?:is|was|has\sbeen|became|becomes)\s(?:the|a|an)\s(?P<title>{_TITLE_PHRASE}?)"
    rf"\s(?:of|at|for)\s(?P<org>{_ORG_PHRASE})"
)
_LEGAL_SUFFIXES = frozenset(
    """
    inc corp corporation co company ltd limited plc llc group holdings sa ag nv
    """.split()
)
_SLUG = re.compile(r"[^a-z0-9]+")
_LOWER_HEADS = frozenset(head.lower() for head in lx.ORG_HEADS)


@dataclass(frozen=True)
class NamedMention:
    """A mention of a person or an organisation, for resolving pronouns and speakers."""

    start: int
    end: int
    kind: str
    name: str
    gender: str | None
    opens_sentence: bool = False


@dataclass(frozen=True)
class Entities:
    """The people and organisations of one source, and every mention in text order."""

    people: tuple[Person, ...]
    organizations: tuple[Organization, ...]
    products: frozenset[str]
    mentions: tuple[NamedMention, ...]
    lines: tuple[SpeakerLine, ...] = ()

    def before(self, position: int, kinds: Sequence[str] = ("person", "org")) -> list[NamedMention]:
        """Return the mentions that end before position, nearest first."""
        index = bisect_right([m.end for m in self.mentions], position)
        return [m for m in reversed(self.mentions[:index]) if m.kind in kinds]

    def salient_org(self, position: int) -> str | None:
        """The organisation "it" or "the company" most likely means: the last one that opened a sentence
        recently, else the last one named."""
        recent = self.before(position, ("org",))
        for mention in recent[:6]:
            if mention.opens_sentence:
                return mention.name
        return recent[0].name if recent else None

    def person(self, name: str) -> Person | None:
        """Find a person by full name or surname."""
        for person in self.people:
            if person.name == name or person.name.split()[-1] == name:
                return person
        return None

    def organization(self, name: str) -> Organization | None:
        """Find an organisation by name or alias."""
        key = org_key(name)
        for org in self.organizations:
            if key in {org_key(alias) for alias in (org.name, *org.aliases)}:
                return org
        return None


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
    return " ".join(words)


@lru_cache(maxsize=16384)
def same_organization(a: str, b: str) -> bool:
    """Tell whether two names name one organisation: suffixes, apostrophes and initials aside."""
    key_a, key_b = org_key(a), org_key(b)
    if key_a == key_b:
        return True
    short, long = sorted((key_a.split(), key_b.split()), key=len)
    heads = _LOWER_HEADS
    if short and long[: len(short)] == short and all(word in heads for word in long[len(short) :]):
        return True
    capitals = [word for word in long if word not in ("of", "and", "the", "for")]
    return len(short) == 1 and len(capitals) > 1 and short[0] == "".join(word[0] for word in capitals)


def extract_entities(source: Source, known_orgs: frozenset[str] = frozenset()) -> Entities:
    """Find the people and organisations of a source with their titles and mentions."""
    spans = [(s.start, s.end) for s in source.sentences]
    lines = speaker_lines(source.text)
    masked = _title_spans(source.text) + [(line.start, line.end) for line in lines]
    table = find_names(source.text, spans, known_orgs, masked)
    sentence_of = _sentence_finder(source)
    people = [_person(source, name, found, table, sentence_of) for name, found in table.people.items()]
    named = [
        Organization(id=f"o-{slug(name)}", name=name, mentions=_mentions(source, found, sentence_of))
        for name, found in table.orgs.items()
    ]
    for line in lines:
        mention = Mention(
            source=source.id,
            sentence=sentence_of(line.name_start),
            start=line.name_start,
            end=line.name_end,
            text=source.text[line.name_start : line.name_end],
        )
        if line.kind == "organization":
            named.append(Organization(id=f"o-{slug(line.name)}", name=line.name, mentions=(mention,)))
        else:
            people = _with_line_person(people, line, mention)
    orgs = merge_organizations(named, {})
    for person in people:
        if (
            person.organization
            and person.organization[:1].isupper()
            and not any(same_organization(person.organization, o.name) for o in orgs)
        ):
            orgs.append(Organization(id=f"o-{slug(person.organization)}", name=person.organization))
    mentions = _named_mentions(source, table, people, orgs)
    return Entities(
        tuple(people), tuple(sorted(orgs, key=lambda o: o.id)), frozenset(table.products), mentions, tuple(lines)
    )


def _with_line_person(people: list[Person], line: SpeakerLine, mention: Mention) -> list[Person]:
    """Add the person a speaker line names, or the line's mention to the person the text names elsewhere."""
    for index, person in enumerate(people):
        if person.name.lower() == line.name.lower():
            people[index] = person.model_copy(
                update={
                    "title": person.title or line.title,
                    "organization": person.organization or line.org,
                    "mentions": tuple(sorted((*person.mentions, mention), key=lambda m: m.start)),
                }
            )
            return people
    people.append(
        Person(id=f"p-{slug(line.name)}", name=line.name, title=line.title, organization=line.org, mentions=(mention,))
    )
    return people


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
                if len(words) > 1:
                    buckets["".join(w[0] for w in words if w not in ("of", "and", "the", "for"))].append(i)
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
        lead = next((n for n in names if n in aliases), names[0])
        alias_set = sorted({*names, *aliases.get(lead, ())} - {lead})
        mentions = tuple(sorted({m for member in group for m in member.mentions}, key=lambda m: (m.source, m.start)))
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


def _aliased(names: Sequence[str], others: Sequence[str], aliases: Mapping[str, Sequence[str]]) -> bool:
    for lead, alias_list in aliases.items():
        family = {org_key(n) for n in (lead, *alias_list)}
        if any(org_key(n) in family for n in names) and any(org_key(n) in family for n in others):
            return True
    return False


def _title_spans(text: str) -> list[tuple[int, int]]:
    """Places of titles in appositions ("..., corporate vice president of Azure Core Product and Design,")."""
    spans = []
    for match in re.finditer(rf",\s(?:an?\s|the\s)?(?P<t>{_TITLE_PHRASE}),", text):
        title = match.group("t")
        if any(word.lower() in lx.TITLE_HEADS for word in title.split()[:4]):
            spans.append((match.start("t"), match.end("t")))
    return spans


def _person(source: Source, name: str, found: list[Candidate], table: NameTable, sentence_of: SentenceFinder) -> Person:
    title: str | None = None
    organization: str | None = None
    text = source.text
    for candidate in found:
        after = text[candidate.end : candidate.end + 160]
        before = text[max(0, candidate.start - 80) : candidate.start]
        match = _AFTER.match(after)
        if match and match.group("org_only") and not _starts_sentence(match.group("org_only")):
            organization = match.group("org_only")
            continue
        if match and _is_title(match.group("title") or match.group("title_only") or match.group("title_second")):
            title = match.group("title") or match.group("title_only") or match.group("title_second")
            org = match.group("org") or match.group("org_first")
            if org and not _starts_sentence(org):
                organization = org
            elif title and re.search(r"\s(?:of|at|for)\s[A-Z]", title):
                title, _, organization = re.split(r"\s(of|at|for)\s(?=[A-Z])", title, maxsplit=1)[0:3]
            break
        match = _BEFORE.search(before)
        if match and _is_title(match.group("title")):
            title = match.group("title").strip()
            org = match.group("org") or match.group("org2")
            if org and (org.startswith("the ") or _plausible_org(org, table)):
                organization = org
            break
        possessive = _POSSESSOR.search(before)
        if possessive and _plausible_org(possessive.group("org"), table):
            organization = possessive.group("org")
        match = _COPULA.match(after)
        if match and _is_title(match.group("title")):
            title, organization = match.group("title"), match.group("org")
            break
    if organization:
        organization = organization.rstrip(".,")
        known = next((o for o in table.orgs if same_organization(o, organization)), None)
        organization = max((known or organization, organization), key=len) if known else organization
    return Person(
        id=f"p-{slug(name)}",
        name=name,
        title=title,
        organization=organization,
        mentions=_mentions(source, found, sentence_of),
    )


def _plausible_org(name: str, table: NameTable) -> bool:
    """A capitalised name right before a title or a person is their organisation unless it is a place."""
    if name in table.orgs or any(same_organization(name, o) for o in table.orgs):
        return True
    words = name.split()
    return not (
        name in lx.PLACES
        or all(w in lx.PLACES for w in words)
        or words[0] in lx.NOT_NAMES
        or name in table.people
        or name in table.products
    )


def _is_title(title: str | None) -> bool:
    return bool(title) and any(word.lower() in lx.TITLE_HEADS for word in title.split())  # type: ignore[union-attr]


def _starts_sentence(text: str) -> bool:
    return text.split()[0] in lx.NOT_NAMES if text.split() else True


class SentenceFinder:
    """Find the sentence that holds a character offset."""

    def __init__(self, source: Source) -> None:
        self.starts = [s.start for s in source.sentences]
        self.sentences = source.sentences

    def __call__(self, position: int) -> str:
        index = max(0, bisect_right(self.starts, position) - 1)
        return self.sentences[index].id


def _sentence_finder(source: Source) -> SentenceFinder:
    return SentenceFinder(source)


def _mentions(source: Source, found: list[Candidate], sentence_of: SentenceFinder) -> tuple[Mention, ...]:
    return tuple(
        Mention(
            source=source.id,
            sentence=sentence_of(c.start),
            start=c.start,
            end=c.end,
            text=source.text[c.start : c.end],
        )
        for c in sorted(found, key=lambda c: c.start)
    )


def _named_mentions(
    source: Source, table: NameTable, people: list[Person], orgs: list[Organization]
) -> tuple[NamedMention, ...]:
    openers = {s.start for s in source.sentences}
    mentions = [
        NamedMention(m.start, m.end, "person", person.name, table.gender.get(person.name), m.start in openers)
        for person in people
        for m in person.mentions
    ]
    mentions += [
        NamedMention(m.start, m.end, "org", org.name, None, m.start in openers) for org in orgs for m in org.mentions
    ]
    return tuple(sorted(mentions, key=lambda m: m.start))
