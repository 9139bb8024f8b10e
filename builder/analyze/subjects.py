"""Whom a figure is about: the company a deal term prices (the target), whose shares moved, whose results
these are; and who stands on the other side (the bidder, the holder of a stake)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from builder.extract.entities import same_organization
from builder.extract.lexicon import FIRST_NAMES, ORG_HEADS, SENTENCE_COMMON
from builder.model import Measure, Organization, Person, Source

_GAP_STOP = (
    "from|by|to|with|at|and|or|but|than|of|for|in|on|into|after|before|as|when|while|since|because|if|that|which|"
    "who|whose|where|its|their|his|her|said|says|says|was|were|is|are|has|had|have|won|wins"
)
_NAME_GAP = rf"(?:(?!(?:{_GAP_STOP})\s)[^\s\d$£€¥][\w'’&.,-]*\s){{0,4}}"
_TARGET_BEFORE = re.compile(
    r"(?:\b(?:bid|bids|offer|offers|approach|proposal|buyout|deal|takeover|acquisition|purchase|merger|sale|control|"
    r"stake|holding|shares|stock|valuation|interest)\s(?:\S+\s){0,3}(?:for|of|in|on)"
    r"|\b(?:buy|buying|bought|acquir\w*|purchas\w*|sell|selling|sold|valu(?:e|es|ing|ed)|taking|take|took|merge\swith))"
    rf"\s(?:the\s)?{_NAME_GAP}$",
    re.I,
)
_TARGET_AFTER = re.compile(
    r"^(?:['’]s?)?\s(?:\w+\s)?(?:board|shareholders|shares|stock|directors|rejected|rejects|accepted|accepts|"
    r"agreed\sto\sbe|has\sagreed\sto\sbe|is\sin\stalks\sto\sbe|to\sbe\sbought|explores|to\ssell\sitself|said\sit\shad\sreceived)",
    re.I,
)
_BIDDER_AFTER = re.compile(
    r"^(?:['’]s?)?\s(?:\w+\s){0,2}(?:offer\w*|bid\w*|agreed\sto\s(?:buy|acquire)|has\sagreed|raised|raises|made|makes|"
    r"tabled|will\spay|would\spay|to\sbuy|to\sacquire|plans\sto|topp\w*|trump\w*|won)\b",
    re.I,
)
_BIDDER_BEFORE = re.compile(r"\b(?:from|by|led\sby|rival)\s(?:the\s)?" + _NAME_GAP + "$", re.I)
_HOLDER_AFTER = re.compile(
    r"^(?:['’]s?)?\s?,?\s(?:which\s|who\s)?(?:\w+\s){0,2}(?:owns?|holds?|held|has\sa|had\sa|controls?|with\sa|stake)\b",
    re.I,
)
_SHARES_AFTER = re.compile(r"^(?:['’]s?)?\s(?:\w+\s)?(?:shares|stock)\b", re.I)
_SHARES_BEFORE = re.compile(r"\b(?:shares|stock)\s(?:in|of)\s(?:the\s)?$", re.I)
_POSSESSIVE = re.compile(r"^['’]s?\s", re.I)
_TICKER = re.compile(r"\(?[A-Z0-9]{1,6}\.[A-Z]{1,3}\)?|[A-Z]{2,5}\.[A-Z]{1,2}")
_SUFFIXES = frozenset("inc corp corporation co company ltd limited plc llc sa ag nv holdings group".split())
_GENERIC = frozenset(
    """american british national international general united first new royal global china chinese
    japanese german french european australian canadian indian brazilian swiss dutch asian world""".split()
)
_CAPITALISED_RUN = re.compile(r"[A-Z][\w&'’.-]*(?:\s(?:of\s|and\s|&\s)?[A-Z0-9][\w&'’.-]*)*")
_TOKEN = re.compile(r"\S+")
_TICKER_START = re.compile(r"^\s*\(\s?[^()]{1,20}\s?\)")
_TICKER_END = re.compile(r"\(\s?[^()]{1,20}\s?\)\s*$")
_COMPOUND_ADJECTIVE = re.compile(r"^(?:Anglo|Franco|Sino|Indo|Euro|Afro|Austro|Russo|Italo|Hispano|Swiss|Dutch|German)-[A-Z]\w+$")
_FOLD = re.compile(r"['’]s$|[.,]$")
MAX_FORM_WORDS = 5
_NAME = r"(?P<name>[A-Z][\w&.'’-]*(?:\s(?:of\s|&\s)?[A-Z][\w&.'’-]*){0,4})"
_DEAL_OF = re.compile(
    r"\s(?:[a-z-]+\s){0,2}?(?:acquisition|takeover|purchase|buyout|bid|offer)\s(?:of|for)\s(?:the\s)?" + _NAME
)
_SOLD_BY = re.compile(_NAME + r"['’]s?\s(?:[a-z-]+\s)?$")
_SALE_AFTER = re.compile(r"\s(?:[a-z-]+\s)?(?:sale|sell-off|disposal)\b")
_BOUGHT_FOR = re.compile(
    r"\b(?:acquisition|buyout|purchase|takeover|bought|acquired|buy|buying|acquire|acquiring)\s(?:in\s\d{4}\s)?(?:of\s)?"
    + _NAME
    + r"\s(?:in\s\d{4}\s)?for\s(?:about\s|around\s|nearly\s|just\s(?:over|under)\s)?$"
)
_VALUED = re.compile(_NAME + r",?\s(?:which|that)\s(?:was|is|were|had\sbeen)\svalued\sat\s(?:about\s|around\s)?$")
REACH = 160  # characters either side of a figure in which a name can be its subject
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
        return _scan(text, offset, self.forms)


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
                found = _scan(sentence.text, sentence.start, forms)
                if found:
                    by_sentence[sentence.id] = _combined(by_sentence.get(sentence.id, []), found)
    for mentions in by_sentence.values():
        mentions.sort(key=lambda m: (m.start, -m.end))
    names = Names(by_sentence=dict(by_sentence), parties=tuple(parties), forms=forms)
    texts = {source.id: source.text for source in sources}
    headlines = frozenset(source.sentences[0].id for source in sources if source.sentences)
    names.target = _target(names, organizations, parties, texts, headlines)
    if names.target:
        _name_target_parts(names, organizations)
    return names


def _name_target_parts(names: Names, organizations: Sequence[Organization]) -> None:
    """Call the target by one name where a source shortens it ("United" for Manchester United)."""
    target = names.target or ""
    whole = {w.lower() for w in _bare(target).split()}
    parts = {
        org.name
        for org in organizations
        if org.name != target and {w.lower() for w in _bare(org.name).split()} <= whole
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
    return word.lower() not in _GENERIC and word.lower() not in SENTENCE_COMMON and not _COMPOUND_ADJECTIVE.match(word)


def _surface_forms(organizations: Sequence[Organization], parties: Sequence[str]) -> dict[str, str]:
    """Each written form of an organisation, lower-cased, with the brief's name for it."""
    forms: dict[str, str] = {}
    first_words: Counter[str] = Counter()
    for org in organizations:
        first_words[_bare(org.name).split()[0].lower() if _bare(org.name) else ""] += 1
    for org in sorted(organizations, key=lambda o: (not o.party, o.name)):
        if not _names_something(org.name):
            continue
        for written in (org.name, *org.aliases, _bare(org.name)):
            if written and len(written) >= 2:
                forms.setdefault(written.lower(), org.name)
        head = _bare(org.name).split()[:1]
        if head and _distinctive(head[0]) and first_words[head[0].lower()] == 1:
            forms.setdefault(head[0].lower(), org.name)
    for party in parties:
        forms.setdefault(party.lower(), party)
    return forms


def _bare(name: str) -> str:
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


def _scan(text: str, offset: int, forms: dict[str, str]) -> list[NameMention]:
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
            if _TARGET_BEFORE.search(before) or _TARGET_AFTER.match(after):
                evidence[mention.name] += weight
    mentioned = Counter({org.name: len({m.source for m in org.mentions}) for org in organizations})
    named = [org.name for org in organizations if any(same_organization(p, org.name) for p in parties)]
    candidates = [name for name in named if evidence[name]] or list(evidence) or named
    if not candidates:
        return None
    return max(candidates, key=lambda name: (evidence[name], mentioned[name], name))


def subject_of(
    measure: Measure,
    names: Names,
    sentence: str,
    text: str,
    start: int,
    end: int,
    others: Sequence[tuple[int, int]] = (),
) -> str | None:
    """The organisation (or person) a figure at start..end of the source text is about.

    others are the other figures of the sentence: a name nearer one of them is that figure's.
    """
    mentions = _around(names, sentence, start, end, others)
    if measure == "deal_value":
        named = _deal_named(names, text, start, end)
        if named is not None:
            return named
    if measure in ("deal_value", "price_per_share", "premium", "fee", "shares", "stake", "synergies"):
        target = _in_role(mentions, text, start, end, _TARGET_BEFORE, _TARGET_AFTER, people=False)
        if target is not None:
            return target
        if names.target and any(m.name == names.target for m in mentions):
            return names.target
        if measure in ("deal_value", "price_per_share", "premium", "fee", "shares", "stake"):
            return names.target or _nearest(mentions, start, end, people=False)
    if measure == "financing" and names.target:
        return names.target
    if measure == "market_move":
        moved = _in_role(mentions, text, start, end, _SHARES_BEFORE, _SHARES_AFTER, people=False, before_only=True)
        if moved is not None:
            return moved
    owner = _possessor(mentions, text, start)
    if owner is not None:
        return owner
    nearest = _nearest(mentions, start, end, people=measure in ("market_value", "context"))
    return nearest or (None if measure == "context" else names.target)


def party_of(
    measure: Measure,
    names: Names,
    sentence: str,
    text: str,
    start: int,
    end: int,
    others: Sequence[tuple[int, int]] = (),
) -> str | None:
    """Who stands on the other side of a term: the bidder of an offer, the holder of a stake."""
    mentions = _around(names, sentence, start, end, others)
    if measure == "stake":
        return _in_role(mentions, text, start, end, None, _HOLDER_AFTER, people=True, before_only=True)
    if measure in ("deal_value", "price_per_share", "premium", "financing"):
        return _in_role(mentions, text, start, end, _BIDDER_BEFORE, _BIDDER_AFTER, people=True)
    return None


def _deal_named(names: Names, text: str, start: int, end: int) -> str | None:
    """The company a deal figure names in its own phrase: "$8.5 billion acquisition of Warner Chilcott",
    "Human Genome Sciences' $3 billion sale", "Immunex Corp, which was valued at about $10 billion"."""
    after = _DEAL_OF.match(text, end)
    if after:
        return _resolved(names, after.group("name"))
    before = text[max(0, start - 80) : start].rsplit("\n", 1)[-1]
    possessive = _SOLD_BY.search(before)
    if possessive and _SALE_AFTER.match(text, end):
        return _resolved(names, possessive.group("name"))
    valued = _VALUED.search(before) or _BOUGHT_FOR.search(before)
    if valued:
        return _resolved(names, valued.group("name"))
    return None


def _resolved(names: Names, written: str) -> str:
    """The brief's name for a name as written, or the name as written when the brief has none."""
    found = names.scan(written, 0)
    return found[0].name if found else _bare(written)


def _around(
    names: Names, sentence: str, start: int, end: int, others: Sequence[tuple[int, int]] = ()
) -> list[NameMention]:
    """The mentions near a figure, not inside it ("4.17 Australian dollars" names no one), nor nearer another."""
    found = []
    for m in names.in_sentence(sentence):
        gap = abs(_gap(m, start, end))
        if gap > REACH or (m.start < end and start < m.end):
            continue
        between = [(a, b) for a, b in others if (a, b) != (start, end) and _between(m, (a, b), (start, end))]
        found.append(NameMention(m.start, m.end, m.name, m.person, bool(between)))
    return found


def _between(mention: NameMention, other: tuple[int, int], figure: tuple[int, int]) -> bool:
    """Whether another figure stands between a mention and this figure."""
    low, high = (mention.end, figure[0]) if mention.end <= figure[0] else (figure[1], mention.start)
    return low <= other[0] and other[1] <= high


def _gap(mention: NameMention, start: int, end: int) -> int:
    """Characters from a mention to a figure: negative before it, positive after it."""
    if mention.end <= start:
        return mention.end - start
    if mention.start >= end:
        return mention.start - end
    return 0


def _in_role(
    mentions: Sequence[NameMention],
    text: str,
    start: int,
    end: int,
    before: re.Pattern[str] | None,
    after: re.Pattern[str] | None,
    *,
    people: bool,
    before_only: bool = False,
) -> str | None:
    """The nearest mention that the words around it put in a role: what comes before it, or after it."""
    found = []
    for mention in mentions:
        if (mention.person and not people) or mention.beyond:
            continue
        if before_only and mention.start >= end:
            continue
        prefix = _TICKER_END.sub("", text[max(0, mention.start - 60) : mention.start].rsplit("\n", 1)[-1])
        suffix = _TICKER_START.sub("", text[mention.end : mention.end + 60].split("\n", 1)[0])
        if (before is not None and before.search(prefix)) or (after is not None and after.match(suffix)):
            found.append((abs(_gap(mention, start, end)), mention.start, mention.name))
    return min(found)[2] if found else None


def _possessor(mentions: Sequence[NameMention], text: str, start: int) -> str | None:
    """A name in the possessive in the few words before a figure: "Onyx's revenue of"."""
    for mention in reversed(mentions):
        if mention.end <= start and start - mention.end <= 40 and _POSSESSIVE.match(text[mention.end : mention.end + 3]):
            return mention.name
    return None


def _nearest(mentions: Sequence[NameMention], start: int, end: int, *, people: bool) -> str | None:
    """The name nearest the figure, one before it winning a tie."""
    chosen = [m for m in mentions if people or not m.person]
    if not chosen:
        return None
    return min(chosen, key=lambda m: (abs(_gap(m, start, end)), _gap(m, start, end) > 0)).name




def same_party(a: str | None, b: str | None) -> bool:
    """Whether two parties are one: the same name, the same surname ("Malcom Glazer" for Malcolm Glazer), or
    the same organisation under two names."""
    if a is None or b is None or a == b:
        return True
    last_a, last_b = a.split()[-1].lower(), b.split()[-1].lower()
    return last_a == last_b or same_organization(a, b)
