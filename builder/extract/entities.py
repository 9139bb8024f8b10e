"""People with their titles and organisations, and organisations with their aliases."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from builder.extract import lexicon as lx
from builder.extract.bylines import credits
from builder.extract.name_runs import surname
from builder.extract.names import Candidate, NameTable, find_names
from builder.extract.orgnames import merge_organizations, org_key, same_organization, slug
from builder.extract.speaker_lines import SpeakerLine, speaker_lines
from builder.model import Mention, Organization, Person, Source

# A title's words; a head written in capitals after a name too ("Sanjiv Rao, Director, Kestrel Securities").
_CAPITAL_TITLES = "|".join(sorted(word.capitalize() for word in lx.TITLE_WORDS if word.isalpha()))
_TITLE_TOKEN = rf"(?:[a-z][\w-]*|CEO|CFO|COO|CTO|CIO|MD|VP|SVP|EVP|MP|{_CAPITAL_TITLES})"
_TITLE_PHRASE = (
    rf"{_TITLE_TOKEN}(?: {_TITLE_TOKEN})*(?: (?:of|for) (?:the )?[A-Z][\w&-]*(?: (?:and |& )?[A-Z][\w&-]*)*)?"
)
_ORG_TOKEN = r"(?:(?:St|Ste|Mt|Ft)\.\s(?=[A-Z]))?[A-Z][\w&’'-]*(?:\.[\w&-]+)*"  # "St. John's University"
_ORG_PHRASE = rf"(?:the [a-z]+(?: [a-z]+)?|{_ORG_TOKEN}(?: (?:of |& |and )?{_ORG_TOKEN})*)"
# What kind of firm stands before its name: "managing director of hedge fund MM&E Capital".
_FIRM_KIND = (
    r"(?:(?:hedge|investment|private|equity|fund|firm|bank|brokerage|research|law|consulting|asset|management)\s)"
    r"{1,3}(?=[A-Z])"
)
_AFTER = re.compile(
    # "David Cumming, head of UK equities at (for) Standard Life Investments": the office, then the firm
    rf"^\s?,\s(?:an?\s|the\s)?(?P<title_at>{_TITLE_TOKEN}\sof(?:\s[\w&'’-]+){{1,5}}?)\s(?:at|for|with)\s(?P<org_at>{_ORG_PHRASE})"
    rf"|^\s?,\s(?:an?\s|the\s)?(?P<title>{_TITLE_PHRASE})(?:,?\s(?:of|at|for|with)\s|,\s(?:of\s)?)"
    rf"(?:the\s(?=[A-Z])|{_FIRM_KIND})?(?P<org>{_ORG_PHRASE})"
    rf"|^\s?,\s(?P<org_first>{_ORG_PHRASE})['’]s?\s(?P<title_second>{_TITLE_PHRASE})"
    rf"|^\s?,\s(?:an?\s|the\s|(?P<its>its)\s)?(?P<title_only>{_TITLE_PHRASE})(?=\s?[,.;]|\s(?:said|says|told|added))"
    rf"|^\sof\s(?:the\s)?(?P<org_only>{_ORG_PHRASE})"
    # "said Colin Morton at Rensburg Fund Management": a firm by its name, never "at the meeting"
    rf"|^\sat\s(?P<at_only>{_ORG_TOKEN}(?: (?:of |& |and )?{_ORG_TOKEN})*)"
)
# A word of a name: a full stop belongs to it only in initials and legal forms ("J.P.", "Inc."), not "Qwest."
_SALIENT_MENTIONS = 6
# Words that may stand before a sentence's subject: "But the LSE", "However, Acme", "(Reuters) - Acme"
_SUBJECT_LEAD = re.compile(
    r"(?:[A-Z]{2,}[A-Z ,]*\s*)?(?:\(Reuters\)\s*-\s*)?(?:(?:But|And|However|Meanwhile|Now|Yet|Still),?\s)?"
    r"(?:(?:[Tt]he|[Ii]ts|[Rr]ival|[Bb]oth)\s)?"
)
_NAME_WORD = r"(?:[A-Z]\.(?:[A-Z]\.)+|(?:Inc|Corp|Co|Ltd)\.|[A-Z](?:[\w&-]|\.(?=\w))*)"
_BEFORE = re.compile(
    rf"(?:(?P<org>(?:the\s[a-z]+|{_NAME_WORD}(?:\s{_NAME_WORD})*))['’]s?\s|(?P<org2>{_NAME_WORD}(?:\s(?:of\s|&\s)?{_NAME_WORD})*?)(?:\s\(\s?[A-Z0-9.]+\s?\)|\s[A-Z0-9]{{2,6}}\.[A-Z]{{1,3}})?\s)?"
    r"(?P<title>(?i:(?:vice-chairman|vice-president|co-founder|co-chairman|deputy-chairman|co-CEO|coach|"
    r"chief|executive|financial|operating|managing|vice|deputy|senior|group|global|corporate|non-executive|"
    r"finance|former|founder|president|chairman|chairwoman|director|boss|head|spokesman|spokeswoman|analyst|economist|"
    r"minister|secretary|governor|CEO|CFO|COO|CTO|MD|officer|partner|trader|strategist|editor|chancellor|"
    r"fund|portfolio|manager|"
    # "industry minister Ehud Olmert": a minister's portfolio is part of the title
    r"(?:industry|trade|economy|foreign|energy|oil|telecoms|communications|transport|health|defence|defense|"
    r"interior|commerce|agriculture|treasury)(?=\s(?:minister|secretary)))\s(?:and\s(?=co-|chief|president|chairman|managing))?){1,4})$"
)
_BEFORE_TITLE_WORDS = frozenset(
    """vice-chairman vice-president co-founder co-chairman deputy-chairman chief executive financial operating
    managing vice deputy senior group global corporate non-executive finance former founder president chairman
    chairwoman director boss head spokesman spokeswoman analyst economist minister secretary governor ceo cfo coo cto
    md officer partner trader strategist editor chancellor fund portfolio manager co-ceo coach""".split()
)
_POSSESSOR = re.compile(rf"(?P<org>{_ORG_TOKEN}(?: {_ORG_TOKEN})*)['’]s? $")
_COPULA = re.compile(
    rf"^\s*(?:\([^)]*\)\s*)?(?:is|was|has\sbeen|became|becomes)\s(?:the|a|an)\s(?P<title>{_TITLE_PHRASE}?)"
    rf"\s(?:of|at|for)\s(?P<org>{_ORG_PHRASE})"
)


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
    text: str = ""
    sentence_starts: tuple[int, ...] = ()
    byline: str | None = None

    def before(self, position: int, kinds: Sequence[str] = ("person", "org")) -> list[NamedMention]:
        """Return the mentions that end before position, nearest first."""
        index = bisect_right([m.end for m in self.mentions], position)
        return [m for m in reversed(self.mentions[:index]) if m.kind in kinds]

    def salient_org(self, position: int) -> str | None:
        """The organisation "it" or "the company" most likely means: the subject of a recent sentence (named
        in its first words), else the last one named."""
        recent = self.before(position, ("org",))
        for mention in recent[:_SALIENT_MENTIONS]:
            sentence = self.sentence_of(mention.start)
            start = self.sentence_starts[sentence] if self.sentence_starts else 0
            if mention.opens_sentence or _SUBJECT_LEAD.fullmatch(self.text, start, mention.start):
                return mention.name
        return recent[0].name if recent else None

    def sentence_of(self, position: int) -> int:
        """The number (from 0) of the sentence that holds a position."""
        return max(0, bisect_right(self.sentence_starts, position) - 1)

    def full_org_name(self, name: str) -> str:
        """The full name of an organisation named in short ("United" → "Manchester United"), when the text makes
        it plain which one is meant."""
        words = name.split()
        longer = sorted(
            (
                (len(org.mentions), org.name)
                for org in self.organizations
                if len(org.name.split()) > len(words)
                and (org.name.split()[-len(words) :] == words or org.name.split()[: len(words)] == words)
            ),
            reverse=True,
        )
        if len(longer) == 1 or (len(longer) > 1 and longer[0][0] > longer[1][0]):
            return longer[0][1]  # the only one, or the one the text names most often
        return name

    def person(self, name: str) -> Person | None:
        """Find a person by full name or surname."""
        for person in self.people:
            if person.name == name or surname(person.name) == name:
                return person
        return None

    def organization(self, name: str) -> Organization | None:
        """Find an organisation by name or alias."""
        key = org_key(name)
        for org in self.organizations:
            if key in {org_key(alias) for alias in (org.name, *org.aliases)}:
                return org
        return None


def extract_entities(source: Source, known_orgs: frozenset[str] = frozenset()) -> Entities:
    """Find the people and organisations of a source with their titles and mentions."""
    spans = [(s.start, s.end) for s in source.sentences]
    lines = speaker_lines(source.text)
    newsroom = credits(source.text)  # the article's writers and editors are not people of the deal
    masked = [*_title_spans(source.text), *((line.start, line.end) for line in lines), *newsroom.spans]
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
        tuple(people),
        tuple(sorted(orgs, key=lambda o: o.id)),
        frozenset(table.products),
        mentions,
        tuple(lines),
        source.text,
        tuple(s.start for s in source.sentences),
        newsroom.author,
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
        if match and match.group("title_at") and _is_title(match.group("title_at").split()[0]):
            title, organization = match.group("title_at"), match.group("org_at")
            break
        if match and match.group("org_only") and not _starts_sentence(match.group("org_only")):
            organization = match.group("org_only")
            continue
        if match and match.group("at_only") and _plausible_org(match.group("at_only"), table):
            organization = match.group("at_only")  # a title before the name may follow: "fund manager …"
        if match and _is_title(match.group("title") or match.group("title_only") or match.group("title_second")):
            title = match.group("title") or match.group("title_only") or match.group("title_second")
            org = match.group("org") or match.group("org_first")
            if org and not _starts_sentence(org):
                organization = org
            elif title and re.search(r"\s(?:of|at|for)\s[A-Z]", title):
                title, _, organization = re.split(r"\s(of|at|for)\s(?=[A-Z])", title, maxsplit=1)[0:3]
            elif match.group("its"):
                organization = _last_org_before(table, candidate) or organization  # "Michael Dell, its founder"
            break
        match = _BEFORE.search(before) if before.rsplit(None, 1)[-1:] and _ends_with_title(before) else None
        if match and _is_title(match.group("title")):
            title = match.group("title").strip()
            org = match.group("org") or match.group("org2")
            while org and " " in org and org.split()[0] in lx.NOT_NAMES:
                org = org.split(" ", 1)[1]  # "And WMC chief executive …": the sentence's And is no part of it
            if org and len(org.split()) >= 3 and org.isupper():
                # "CLOCK TICKS FOR SUITORS ABN Chief Executive …": a wire story's heading run into the firm
                words = org.split()
                tails = (" ".join(words[start:]) for start in range(1, len(words)))
                org = next((tail for tail in tails if any(same_organization(tail, k) for k in table.orgs)), None)
            if org and all(word.lower() in _BEFORE_TITLE_WORDS for word in org.split()):
                title, org = f"{org} {title}", None  # "Chief Executive Michael Dell": all of it is the title
            elif org and org.split()[-1].lower() in _BEFORE_TITLE_WORDS:
                words = org.split()  # "OMX Chief Executive Per Larsson": the firm is OMX, the title Chief Executive
                while words and words[-1].lower() in _BEFORE_TITLE_WORDS:
                    title = f"{words.pop()} {title}"
                org = " ".join(words)
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
        organization = organization.rstrip(".,'’")
        known = next((o for o in table.orgs if same_organization(o, organization)), None)
        organization = max((known or organization, organization), key=len) if known else organization
    return Person(
        id=f"p-{slug(name)}",
        name=name,
        title=title,
        organization=organization,
        mentions=_mentions(source, found, sentence_of),
    )


def _last_org_before(table: NameTable, candidate: Candidate) -> str | None:
    """The organisation named last before a person in the person's sentence: what "its" in "Michael Dell, its
    founder" stands for."""
    before = [
        (c.start, name)
        for name, found in table.orgs.items()
        for c in found
        if c.sentence == candidate.sentence and c.end <= candidate.start
    ]
    return max(before)[1] if before else None


def _ends_with_title(before: str) -> bool:
    """Tell cheaply whether the words before a name end with a title word, before the costly pattern runs."""
    return before.rsplit(None, 1)[-1].lower() in _BEFORE_TITLE_WORDS


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


__all__ = [
    "Entities",
    "NamedMention",
    "SentenceFinder",
    "extract_entities",
    "merge_organizations",
    "org_key",
    "same_organization",
    "slug",
]
