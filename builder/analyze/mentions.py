"""Where a brief names organisations and people, under one name each, and which of them is the deal's target."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from builder.extract.entities import same_organization
from builder.extract.lexicon import FIRST_NAMES, ORG_HEADS, SENTENCE_COMMON
from builder.extract.orgnames import UNIT_WORDS, OrganizationIndex
from builder.model import Organization, Person, Source

_GAP_STOP = (
    "from|by|to|with|at|and|or|but|than|of|for|in|on|into|after|before|as|when|while|since|because|if|that|which|"
    "who|whose|where|said|says|was|were|is|are|has|had|have|won|wins"
)
NAME_GAP = rf"(?:(?!(?:{_GAP_STOP})\s)[^\s\d$£€¥][\w'’&.,-]*\s){{0,4}}"
TARGET_BEFORE = re.compile(
    r"(?:\b(?:bid|bids|offer|offers|approach|proposal|buyout|deal|takeover|acquisition|purchase|merger|sale|control|"
    r"stake|holding|shares|stock|valuation|interest)\s(?:\S+\s){0,3}(?:for|of|in|on)"
    r"|\b(?:buy|buying|bought|acquir\w*|purchas\w*|sell|selling|sold|valu(?:e|es|ing|ed)|taking|take|took|merge\swith))"
    rf"\s(?:the\s)?{NAME_GAP}$",
    re.I,
)
TARGET_AFTER = re.compile(
    r"^(?:['’]s?)?\s(?:\w+\s)?(?:board|shareholders|shares|stock|directors|rejected|rejects|accepted|accepts|"
    r"agreed\sto\sbe|has\sagreed\sto\sbe|is\sin\stalks\sto\sbe|to\sbe\sbought|explores|to\ssell\sitself|said\sit\shad\sreceived)",
    re.I,
)
_TICKER = re.compile(r"\(?[A-Z0-9]{1,6}\.[A-Z]{1,3}\)?|[A-Z]{2,5}\.[A-Z]{1,2}")
_SUFFIXES = frozenset("inc corp corporation co cos company ltd limited plc llc sa ag nv holdings group".split())
_GENERIC = frozenset(
    """american british national international general united first new royal global china chinese
    japanese german french european australian canadian indian brazilian swiss dutch asian world italian
    spanish russian korean swedish norwegian danish finnish irish scottish welsh english belgian austrian
    mexican african arab israeli turkish greek polish portuguese thai singaporean indonesian malaysian
    western eastern northern southern nordic scandinavian baltic""".split()
)
_CAPITALISED_RUN = re.compile(r"[A-Z][\w&'’.-]*(?:\s(?:of\s|and\s|&\s)?[A-Z0-9][\w&'’.-]*)*")
_TOKEN = re.compile(r"\S+")
_COMPOUND_ADJECTIVE = re.compile(
    r"^(?:Anglo|Franco|Sino|Indo|Euro|Afro|Austro|Russo|Italo|Hispano|Swiss|Dutch|German)-[A-Z]\w+$"
)
_FOLD = re.compile(r"['’]s$|[.,]$")
MAX_FORM_WORDS = 5
HEADLINE_WEIGHT = 2


@dataclass(frozen=True)
class NameMention:
    """A place where a source names an organisation or a person, under the brief's name for it."""

    start: int
    end: int
    name: str
    person: bool
    beyond: bool = False  # another figure stands between it and the figure it is read for


@dataclass
class Names:
    """The organisations and people of a brief by sentence, and the deal's target as the sources tell it."""

    by_sentence: dict[str, list[NameMention]] = field(default_factory=dict)
    target: str | None = None
    parties: tuple[str, ...] = ()
    forms: dict[str, str] = field(default_factory=dict)

    def in_sentence(self, sentence: str) -> list[NameMention]:
        """The mentions in a sentence, in text order."""
        return self.by_sentence.get(sentence, [])

    def scan(self, text: str, offset: int) -> list[NameMention]:
        """The organisations a text names, by any of their forms; offset is where the text starts in its source."""
        return scan(text, offset, self.forms)


def brief_names(
    organizations: Sequence[Organization],
    people: Sequence[Person],
    parties: Sequence[str],
    sources: Sequence[Source],
    sentences: frozenset[str],
) -> Names:
    """Index the brief's names in the given sentences and find the deal's target.

    Besides the places the extractor named, every sentence is searched for the organisations' shorter
    forms ("Dell" for Dell Inc, "Qantas" for Qantas Airways Ltd): a company named by its short name is
    still the company, even where the extractor took the word for a person's surname.
    """
    forms = _surface_forms(organizations, parties)
    by_sentence: dict[str, list[NameMention]] = defaultdict(list)
    for org in organizations:
        if not _names_something(org.name):
            continue
        for mention in org.mentions:
            if mention.sentence in sentences:
                by_sentence[mention.sentence].append(NameMention(mention.start, mention.end, org.name, False))
    for person in people:
        for mention in person.mentions:
            if mention.sentence in sentences:
                by_sentence[mention.sentence].append(NameMention(mention.start, mention.end, person.name, True))
    for source in sources:
        for sentence in source.sentences:
            if sentence.id in sentences:
                found = scan(sentence.text, sentence.start, forms)
                if found:
                    by_sentence[sentence.id] = _combined(by_sentence.get(sentence.id, []), found)
    for mentions in by_sentence.values():
        mentions.sort(key=lambda m: (m.start, -m.end))
    names = Names(by_sentence=dict(by_sentence), parties=tuple(parties), forms=forms)
    texts = {source.id: source.text for source in sources}
    headlines = frozenset(source.sentences[0].id for source in sources if source.sentences)
    names.target = _fuller(_target(names, organizations, parties, texts, headlines), organizations)
    if names.target:
        _name_target_parts(names, organizations)
    return names


def _fuller(target: str | None, organizations: Sequence[Organization]) -> str | None:
    """The target by its full name where the sources mostly use a short one: "Shoppers" is Shoppers Drug Mart
    Corp when that is the one organisation whose name it opens (not a unit's, "Shoppers Financial")."""
    if target is None or bare(target) != target:
        return target  # "Reuters Group Plc" is a full name already, whatever else opens with "Reuters"
    words = target.split()
    longer = [
        org.name
        for org in organizations
        if (named := bare(org.name).split())[: len(words)] == words
        and len(named) > len(words)
        and not {word.lower() for word in named[len(words) :]} <= UNIT_WORDS
    ]
    return longer[0] if len(longer) == 1 else target


def _name_target_parts(names: Names, organizations: Sequence[Organization]) -> None:
    """Call the target by one name where a source shortens it ("United" for Manchester United)."""
    target = names.target or ""
    whole = {w.lower() for w in bare(target).split()}
    parts = {
        org.name for org in organizations if org.name != target and {w.lower() for w in bare(org.name).split()} <= whole
    }
    if not parts:
        return
    for sentence, mentions in names.by_sentence.items():
        names.by_sentence[sentence] = [
            NameMention(m.start, m.end, target, False) if not m.person and m.name in parts else m for m in mentions
        ]


def _names_something(name: str) -> bool:
    """Whether a name can be a party: not a lone adjective or common word ("Dutch", "European")."""
    words = name.split()
    if len(words) > 1:
        return True
    word = words[0]
    demonyms = word.lower().split("-")  # "Brazilian-Belgian", "Anglo-Dutch"
    return (
        word.lower() not in _GENERIC
        and word.lower() not in SENTENCE_COMMON
        and not _COMPOUND_ADJECTIVE.match(word)
        and not (len(demonyms) > 1 and all(part in _GENERIC for part in demonyms))
    )


def _surface_forms(organizations: Sequence[Organization], parties: Sequence[str]) -> dict[str, str]:
    """Each written form of an organisation, lower-cased, with the brief's name for it."""
    forms: dict[str, str] = {}
    first_words: Counter[str] = Counter()
    for org in organizations:
        first_words[bare(org.name).split()[0].lower() if bare(org.name) else ""] += 1
    for org in sorted(organizations, key=lambda o: (not o.party, o.name)):
        if not _names_something(org.name):
            continue
        for written in (org.name, *org.aliases, bare(org.name)):
            if written and len(written) >= 2:
                forms.setdefault(written.lower(), org.name)
        head = bare(org.name).split()[:1]
        if head and _distinctive(head[0]) and first_words[head[0].lower()] == 1:
            forms.setdefault(head[0].lower(), org.name)
    for party in parties:
        forms.setdefault(party.lower(), party)
    return forms


def bare(name: str) -> str:
    """A name without tickers and legal suffixes: "Corus Group Plc CS.L" is "Corus"."""
    words = [w for w in name.split() if not _TICKER.fullmatch(w)]
    while len(words) > 1 and (words[-1].lower().strip(".,") in _SUFFIXES):
        words.pop()
    return " ".join(words)


def _distinctive(word: str) -> bool:
    """Whether a name's first word names it alone: not a common word, a first name or an organisation word."""
    return (
        len(word) >= 3
        and word[:1].isupper()
        and word.lower() not in SENTENCE_COMMON
        and word not in FIRST_NAMES
        and word not in ORG_HEADS
        and word.lower() not in _GENERIC
    )


def scan(text: str, offset: int, forms: dict[str, str]) -> list[NameMention]:
    """The organisations a sentence names by any of their forms, longest form first."""
    found = []
    for run in _CAPITALISED_RUN.finditer(text):
        tokens = [(m.start() + run.start(), m.end() + run.start()) for m in _TOKEN.finditer(run.group())]
        position = 0
        while position < len(tokens):
            for stop in range(min(len(tokens), position + MAX_FORM_WORDS), position, -1):
                start, end = tokens[position][0], tokens[stop - 1][1]
                name = forms.get(_FOLD.sub("", text[start:end]).lower())
                if name is not None:
                    found.append(NameMention(offset + start, offset + end, name, False))
                    position = stop
                    break
            else:
                position += 1
    return found


def _combined(extracted: list[NameMention], scanned: list[NameMention]) -> list[NameMention]:
    """The extractor's mentions and the scanned ones; a one-word surname that is a company's name is the company."""
    kept = [
        m
        for m in extracted
        if not any(s.start <= m.start and m.end <= s.end and (not m.person or s.start == m.start) for s in scanned)
    ]
    return kept + scanned


def _target(
    names: Names,
    organizations: Sequence[Organization],
    parties: Sequence[str],
    texts: dict[str, str],
    headlines: frozenset[str],
) -> str | None:
    """The organisation the sources most often put where a deal's target stands ("a bid for X", "X rejected")."""
    evidence: Counter[str] = Counter()
    for sentence, mentions in names.by_sentence.items():
        text = texts.get(sentence.rsplit("-s", 1)[0], "")
        weight = HEADLINE_WEIGHT if sentence in headlines else 1
        for mention in mentions:
            if mention.person:
                continue
            before = text[max(0, mention.start - 60) : mention.start].rsplit("\n", 1)[-1]
            after = text[mention.end : mention.end + 60].split("\n", 1)[0]
            if TARGET_BEFORE.search(before) or TARGET_AFTER.match(after):
                evidence[mention.name] += weight
    mentioned = Counter({org.name: len({m.source for m in org.mentions}) for org in organizations})
    index = OrganizationIndex(parties)
    named = [
        org.name
        for org in organizations
        if any(same_organization(parties[i], org.name) for i in index.candidates((org.name,)))
    ]
    candidates = [name for name in named if evidence[name]] or list(evidence) or named
    if not candidates:
        return None
    return max(candidates, key=lambda name: (evidence[name], mentioned[name], name))
