"""The parties to a deal and their roles, from what the sources say each one does: buys, sells, advises…

Every name the extractors found is marked in each sentence; patterns over the marked sentence read who
bids for whom, who sells to whom, who advises or lends. Each finding cites its sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from builder.extract import lexicon as lx
from builder.extract.entities import org_key, same_organization
from builder.model import Citation, Organization, Person, Sentence, Source

MARK = "\u27e8{}\u27e9"  # ⟨n⟩ stands for the n-th entity in a marked sentence
_ENT = r"\u27e8(\d+)\u27e9"
# Stock tickers that wire copy sets after a name: "( BARC.L )", "AAH.AS", "TPG.UL".
_TICK = (
    r"(?:\.?(?:\s*\(\s*[A-Z0-9.]+\s*\)|\s+[A-Z0-9]{2,6}\.[A-Z]{1,3}\b))?"
    r"(?:,\s(?:the|a|an|its|his|their)\s[^,\u27e8.;]{1,50},)?"  # and an apposition: ", the investment bank,"
)
# A few words that describe an entity before its name: "Dutch rival", "private equity firm", "the".
_DESC = r"(?:(?:[\w.'’,-]+\s){0,4}?)"
_GAP = (
    r"(?:(?!\u27e8)(?:[^.;:\"“”]|(?<=\d)\.(?=\d)))"  # words between two parts of a finding, never across another entity
)
_LIST = rf"{_ENT}{_TICK}(?:(?:\s*,\s*|,?\s+and\s+|\s*&\s*){_DESC}{_ENT}{_TICK})*"
_BUY = (
    r"(?:buy|buys|bought|buying|acquire|acquires|acquired|acquiring|purchase|purchases|purchased|purchasing|"
    r"take\sover|takes\sover|took\sover|taking\sover|snap\sup|snapped\sup|merge\swith|merges\swith)"
)
_STAKE = r"(?:stake|shares|holding|interest)"
# "an offer [worth $2bn] from": a few words between the bid and its bidder, none of them a verb of its own
_TO_BY = (
    r"(?:\s(?!(?:was|were|is|are|has|have|had|been|received|made|backed|approved|tabled|put|given|announced|"
    r"rejected|accepted)\b)[\w$£€.,;%()-]+){0,6}?\s(?:from|by)\s"
)
_BID = r"(?:bid|bids|offer|offers|approach|approaches|takeover|buyout|pursuit|acquisition|purchase|(?:takeover|buyout|merger)\sproposal)"


@dataclass(frozen=True)
class Entity:
    """One party candidate: the name shown, and every form the sources write it in."""

    name: str
    person: bool
    forms: tuple[str, ...]


@dataclass(frozen=True)
class RoleFinding:
    """What one sentence says an entity does in the deal; other is the entity it does it to, if named."""

    entity: int
    role: str
    citation: Citation
    other: int | None = None
    present: frozenset[int] = frozenset()


@dataclass
class _Marked:
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
    for name, person, forms, counts in groups:
        home = next((g for g in merged if any(_same(name, n, person, g[1]) for n in g[3])), None)
        if home is None:
            merged.append((name, person, set(forms), Counter(counts)))
        else:
            home[2].update(forms)
            home[3].update(counts)
    # The name shown is the one the sources use most, the fullest on a tie.
    merged = [
        (max(counts, key=lambda n: (counts[n], len(n), n)) if not person else name, person, forms, counts)
        for name, person, forms, counts in merged
    ]
    firsts = Counter(name.split()[0] for name, person, _, _ in merged if not person and " " in name)
    entities = []
    for name, person, forms, _ in merged:
        if not person:
            # A company's short name ("Dell" for "Dell Inc", "Macquarie" for "Macquarie Bank") is the
            # company's, even where its founder shares it.
            forms |= {key for key in (_short(f) for f in forms) if key}
            first = name.split()[0]
            if " " in name and firsts[first] == 1 and _distinctive(first):
                forms.add(first)
        entities.append(Entity(name=name, person=person, forms=tuple(sorted(forms, key=lambda f: (-len(f), f)))))
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
        return short if _plausible(short) and short.split()[-1].rstrip(".") not in lx.ORG_HEADS else None
    return None


def _plausible(name: str) -> bool:
    """A name that can be a party: not a place, a month, a nationality or a shouted heading word."""
    words = name.split()
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
    if words[-1] in lx.PLACES and not headed:
        return False
    return True


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
    if org_key(b).startswith(org_key(a) + " ") or org_key(a).startswith(org_key(b) + " "):
        return True  # "Overseas Union" is "Overseas Union Enterprise Ltd"
    # "United" is "Manchester United": a one-word name that ends a longer one
    short, long = sorted((a, b), key=lambda n: len(n.split()))
    return " " not in short and len(long.split()) > 1 and long.split()[-1] == short and short not in lx.ORG_HEADS


class Marker:
    """Mark every entity of the brief in a sentence, longest names first."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        forms = sorted(
            ((form, index) for index, entity in enumerate(entities) for form in entity.forms),
            key=lambda item: (-len(item[0]), item[0]),
        )
        self.owner = {form: index for form, index in reversed(forms)}
        pattern = "|".join(re.escape(form) for form, _ in forms)
        self.pattern = re.compile(rf"(?<![\w&])(?:{pattern})(?![\w&])") if forms else None

    def mark(self, source: str, sentence: Sentence) -> _Marked:
        """The sentence with each entity's name replaced by its mark."""
        marked = _Marked(sentence.text, sentence, source)
        if self.pattern is None:
            return marked
        pieces: list[str] = []
        last = 0
        length = 0
        for match in self.pattern.finditer(sentence.text):
            pieces.append(sentence.text[last : match.start()])
            length += match.start() - last
            label = MARK.format(self.owner[match.group()])
            marked.places.append((length, match.start(), len(match.group()) - len(label)))
            pieces.append(label)
            length += len(label)
            last = match.end()
        pieces.append(sentence.text[last:])
        marked.text = "".join(pieces)
        return marked


# Each pattern names the groups that hold an entity list and the role each list plays; "other" links a
# buyer to what it buys. Patterns are tried on the whole marked sentence, case aside for the verbs.
_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Acme agreed to buy Widget; Acme offered on Monday to buy Dutch rival Widget
    (rf"(?P<acquirer>{_ENT}){_TICK}{_GAP}{{0,60}}?\b{_BUY}\s(?:all\sof\s|control\sof\s)?{_DESC}(?P<target>{_ENT})", ()),
    # Acme bid $2bn for Widget; Acme's offer for Widget; Acme made an approach to Widget
    (
        rf"(?P<acquirer>{_ENT}){_TICK}(?:['’]s?)?{_GAP}{{0,50}}?\b(?:{_BID}|bid|offered)\b{_GAP}{{0,40}}?\b(?:for|to)\s{_DESC}(?P<target>{_ENT})",
        (),
    ),
    # Acme bought a 19% stake in Widget
    (
        rf"(?P<acquirer>{_ENT}){_TICK}{_GAP}{{0,40}}?\b{_BUY}\s(?:\S+\s){{0,4}}?{_STAKE}\s(?:in|of)\s{_DESC}(?P<target>{_ENT})",
        (),
    ),
    # Acme's takeover offer (the target named elsewhere in the sentence or the brief)
    (rf"(?P<acquirer>{_ENT})['’]s?\s(?:\S+\s){{0,3}}?{_BID}\b", ()),
    # Acme approached Widget
    (rf"(?P<acquirer>{_ENT}){_TICK}\s(?:has\s|had\s)?approached\s{_DESC}(?P<target>{_ENT})", ()),
    # an offer for Widget from Acme; Widget rejected a $10bn takeover offer from larger rival Acme
    (rf"\b{_BID}{_TO_BY}{_DESC}(?P<acquirer>{_LIST})", ()),
    (rf"(?P<target>{_ENT}){_TICK}{_GAP}{{0,80}}?\b{_BID}{_TO_BY}{_DESC}(?P<acquirer>{_ENT})", ()),
    # takeover of Widget by Acme; bid for Widget
    (
        rf"\b{_BID}\s(?:of|for)\s{_DESC}(?P<target>{_ENT}){_TICK}(?:{_GAP}{{0,30}}?\bby\s{_DESC}(?P<acquirer>{_ENT}))?",
        (),
    ),
    # Widget agreed to sell itself to Acme; Widget agreed to be bought by Acme
    (
        rf"(?P<target>{_ENT}){_TICK}{_GAP}{{0,40}}?\b(?:sell|sells|selling|sold)\s(?:itself|the\scompany)\sto\s{_DESC}(?P<acquirer>{_LIST})",
        (),
    ),
    (
        rf"(?P<target>{_ENT}){_TICK}{_GAP}{{0,40}}?\b(?:be|being)\s(?:bought|acquired|taken\sover)\sby\s{_DESC}(?P<acquirer>{_LIST})",
        (),
    ),
    # rival bidder Acme; suitor Acme
    (rf"\b(?:bidder|suitor|buyer|acquirer)s?\s(?:is\s|was\s)?{_DESC}(?P<acquirer>{_ENT})", ()),
    # Acme bought the stake from Seller; Seller sold its stake in Widget to Acme
    (
        rf"\b(?:bought|buys|buy|acquired|purchased|buying){_GAP}{{0,60}}?\b{_STAKE}\b{_GAP}{{0,40}}?\bfrom\s{_DESC}(?P<seller>{_ENT})",
        (),
    ),
    (
        rf"(?P<seller>{_ENT}){_TICK}{_GAP}{{0,40}}?\b(?:sold|sells|sell|selling)\s(?:its|his|her|their|a|the)\s{_GAP}{{0,30}}?\b{_STAKE}\sin\s{_DESC}(?P<target>{_ENT}){_TICK}\sto\s{_DESC}{_ENT}",
        (),
    ),
    # a partnership of Acme and Widget; Acme and Widget announced a partnership; the merger of A and B
    (
        rf"(?P<partner>{_ENT}){_TICK}\s(?:and|&)\s{_DESC}(?P<partner2>{_ENT}){_TICK}{_GAP}{{0,60}}?\b(?:partnership|alliance|joint\sventure|merger|merge|combination|tie-up|collaboration)\b",
        (),
    ),
    (
        rf"\b(?:partnership|alliance|joint\sventure|merger|combination|tie-up|collaboration)s?\s(?:between|of)\s{_DESC}(?P<partner>{_ENT}){_TICK}\s(?:and|&|with)\s{_DESC}(?P<partner2>{_ENT})",
        (),
    ),
    (
        rf"(?P<partner>{_ENT}){_TICK}(?:['’]s?)?{_GAP}{{0,50}}?\b(?:partnership|alliance|joint\sventure|merger|deal|tie-up|collaboration|partnering|partnered|partner)\s(?:\w+\s)?with\s{_DESC}(?P<partner2>{_ENT})",
        (),
    ),
    # Acme's financial adviser Bank; hired financial advisor Bank; advised by Bank, Bank and Bank
    (
        rf"\badvis[eo]rs?\s(?:to\s{_DESC}{_ENT}{_TICK}\s)?(?:is\s|was\s|are\s|were\s|including\s)?(?P<adviser>{_LIST})",
        (),
    ),
    (rf"\badvised\sby\s{_DESC}(?P<adviser>{_LIST})", ()),
    (
        rf"(?P<adviser>{_LIST}){_TICK},?\s(?:is\s|was\s|are\s|were\s|has\sbeen\s|have\sbeen\s)?(?:also\s)?(?:advising|(?:the|its|their|his|as)\s(?:\w+\s){{0,3}}?advis[eo]rs?\b)",
        (),
    ),
    (rf"\bhired\s{_DESC}(?P<adviser>{_ENT})", ()),
    (rf"\badvis(?:ing|ed|es|e)\b{_GAP}{{0,50}}?\balong\swith\s{_DESC}(?P<adviser>{_LIST})", ()),
    # lead banks Bank, Bank and Bank; financial backers including Bank; Bank will provide the financing
    (
        rf"\b(?:lead\sbanks?|lenders?|backers?|underwriters?|financiers?),?\s(?:including\s|such\sas\s|are\s|were\s|is\s)?{_DESC}(?P<financier>{_LIST})",
        (),
    ),
    (
        rf"(?P<financier>{_LIST}){_TICK}\s(?:will\s|would\s|are\sto\s|agreed\sto\s|is\s|are\s|were\s|have\s|has\s)?(?:also\s)?(?:provide|provides|providing|provided|offer|offers|underwrite|underwriting|lend|lending|arrange|arranging)\s{_GAP}{{0,40}}?\b(?:financing|loans?|debt|funding|credit|facilit)",
        (),
    ),
    (rf"\b(?:financing|loans?|debt|funding|credit\sfacilit\w+)\s{_GAP}{{0,30}}?\bfrom\s(?P<financier>{_LIST})", ()),
    (
        rf"(?P<financier>{_LIST}){_TICK}\s(?:agreed\sto\s|will\s|to\s)?invest{_GAP}{{0,60}}?\bin\s{_DESC}(?P<backs>{_ENT})",
        (),
    ),
    # a consortium that includes Fund and Fund; a group led by Fund
    (
        rf"\b(?:consortium|group|team|club)\s(?:that\s|which\s)?(?:also\s)?(?:includes?|including|led\sby|comprising|of)\s{_DESC}(?P<member>{_LIST})",
        (),
    ),
    (
        rf"(?P<investor>{_LIST}){_TICK}\s(?:will\s|would\s)?(?:become|becomes|be)\s(?:\w+\s)?(?:minority\s|major\s)?(?:investors?|shareholders?)",
        (),
    ),
    # who won a contest for the target, who left it, and who says it will bid again
    (
        rf"(?P<winner>{_ENT}){_TICK}{_GAP}{{0,40}}?\b(?:won|wins|clinched)\s(?:a|the)\s(?:\S+\s){{0,3}}?(?:battle|contest|race|auction|war|fight)",
        (),
    ),
    (
        rf"(?P<withdrawn>{_ENT}){_TICK}(?:\s(?:group|consortium|camp))?{_GAP}{{0,20}}?\b(?:bowed\sout|withdrew|pulled\sout|dropped\sout|walked\saway)",
        (),
    ),
    (
        rf"(?P<rebid>{_ENT}){_TICK}{_GAP}{{0,60}}?\b(?:table|submit|make|launch|put\sforward)\s(?:a|an)\s(?:new|improved|higher|revised|fresh|better)\s(?:offer|bid)",
        (),
    ),
)
_COMPILED = tuple((re.compile(pattern, re.I), roles) for pattern, roles in _PATTERNS)
_NAMED_CONSORTIUM = re.compile(
    rf"(?P<vehicle>{_ENT})(?:\s\((?:[A-Z]+|{_ENT})\))?,\s(?:a|the)\s(?:\w+\s)?consortium", re.I
)
_GROUP_ROLES = (
    "acquirer",
    "target",
    "seller",
    "partner",
    "partner2",
    "adviser",
    "financier",
    "member",
    "investor",
    "winner",
    "withdrawn",
    "rebid",
)


def role_findings(sources: Sequence[Source], entities: Sequence[Entity]) -> Iterator[RoleFinding]:
    """Every role a sentence gives an entity, in the order of the sources and their sentences."""
    marker = Marker(entities)
    for source in sources:
        for sentence in source.sentences:
            if not _MAYBE.search(sentence.text):
                continue
            marked = marker.mark(source.id, sentence)
            if marked.text.count("\u27e8") == 0:
                continue
            yield from _findings(marked)


_MAYBE = re.compile(
    r"buy|bought|acqui|purchas|take\sover|took\sover|bid|offer|approach|propos|takeover|buyout|suitor|sell|sold|"
    r"partner|alliance|venture|merge|advis|hired|lend|bank|backer|financ|loan|invest|consortium|group|stake",
    re.I,
)


def _findings(marked: _Marked) -> Iterator[RoleFinding]:
    text = marked.text
    present = frozenset(_entities_in(text))
    for pattern, _ in _COMPILED:
        for match in pattern.finditer(text):
            citation = Citation(
                source=marked.source,
                sentence=marked.sentence.id,
                text=marked.original(match.start(), match.end()) or marked.sentence.text,
            )
            links = {name: _entities_in(match.group(name)) for name in _GROUP_ROLES if _has(match, name)}
            others = {"acquirer": "target", "target": "acquirer", "partner": "partner2", "partner2": "partner"}
            for name, found in links.items():
                role = {"partner2": "partner"}.get(name, name)
                counterpart = links.get(others.get(name, ""), [])
                if name == "financier" and _has(match, "backs"):
                    counterpart = _entities_in(match.group("backs"))
                for entity in found:
                    yield RoleFinding(entity, role, citation, counterpart[0] if counterpart else None, present)
    for match in _NAMED_CONSORTIUM.finditer(text):
        entity = _entities_in(match.group("vehicle"))[0]
        citation = Citation(source=marked.source, sentence=marked.sentence.id, text=marked.sentence.text)
        yield RoleFinding(entity, "consortium", citation)


def _has(match: re.Match[str], name: str) -> bool:
    return name in match.re.groupindex and match.group(name) is not None


def _entities_in(text: str) -> list[int]:
    return [int(number) for number in re.findall(_ENT, text)]


_PRIORITY = ("target", "acquirer", "partner", "seller", "financier", "adviser", "investor")


@dataclass
class PartyRoles:
    """The parties the findings support, each with one role and the sentences that give it."""

    parties: list[tuple[int, str, list[Citation]]]
    target: int | None


def assign_roles(findings: Sequence[RoleFinding], people: frozenset[int] = frozenset()) -> PartyRoles:
    """One role for each party: the deal's target first, then who bids for it, sells it, backs or advises it.

    people are the entities that are persons: a person may buy, sell or invest, but advisers and lenders
    are firms.
    """
    by_role: dict[str, dict[int, list[RoleFinding]]] = {}
    for finding in findings:
        if finding.role in ("adviser", "financier") and finding.entity in people:
            continue
        by_role.setdefault(finding.role, {}).setdefault(finding.entity, []).append(finding)
    targets = by_role.get("target", {})
    target = (
        max(targets, key=lambda e: (len({f.citation.source for f in targets[e]}), len(targets[e]), -e))
        if targets
        else None
    )
    vehicles = set(by_role.get("consortium", {}))
    chosen: dict[int, tuple[str, list[Citation]]] = {}

    def take(entity: int, role: str, found: list[RoleFinding]) -> None:
        if entity in chosen and _PRIORITY.index(chosen[entity][0]) <= _PRIORITY.index(role):
            return
        chosen[entity] = (role, _citations(found))

    if target is not None:
        take(target, "target", targets[target])
    bidders = {
        entity: [f for f in found if f.other == target or (f.other is None and target in f.present)]
        for entity, found in by_role.get("acquirer", {}).items()
        if entity != target and (target is None or any(f.other == target for f in found))
    }
    # A contest someone won leaves the others out, unless they say they will bid again; so does leaving it.
    winners = set(by_role.get("winner", {})) & set(bidders)
    left = set(by_role.get("withdrawn", {})) - set(by_role.get("rebid", {}))
    for entity, aimed in bidders.items():
        lost = winners and entity not in winners and entity not in by_role.get("rebid", {})
        if not lost and entity not in left:
            take(entity, "acquirer", aimed)
    buyers = {e for e, (role, _) in chosen.items() if role == "acquirer"}
    named_vehicle = bool(vehicles & buyers)
    for entity, found in by_role.get("member", {}).items():
        if entity != target and entity not in vehicles and entity not in left:
            if named_vehicle:  # the members of a named consortium invest in it; the consortium bids
                chosen.pop(entity, None)
            take(entity, "investor" if named_vehicle else "acquirer", found)
    for entity, found in by_role.get("seller", {}).items():
        aimed = [f for f in found if f.other is None or f.other == target]
        if entity != target and aimed:
            take(entity, "seller", aimed)
    partners = by_role.get("partner", {})
    if partners and not buyers:
        # nobody buys anybody: a merger or a partnership of equals, the would-be target among them
        if target is not None and target in partners:
            del chosen[target]
        for entity, found in partners.items():
            take(entity, "partner", found)
    for entity, found in by_role.get("financier", {}).items():
        if entity == target:
            continue
        backing_target = [f for f in found if f.other is not None and f.other == target]
        take(entity, "investor" if backing_target else "financier", found)
    for role in ("adviser", "investor"):
        for entity, found in by_role.get(role, {}).items():
            if entity != target:
                take(entity, role, found)
    parties = [(entity, role, cites) for entity, (role, cites) in chosen.items()]
    order = {finding.entity: index for index, finding in reversed(list(enumerate(findings)))}
    parties.sort(key=lambda p: (_PRIORITY.index(p[1]), order.get(p[0], 0)))
    return PartyRoles(parties, target)


def _citations(found: Sequence[RoleFinding], most: int = 3) -> list[Citation]:
    """The first sentence of each source that gives the role, up to most."""
    seen: dict[str, Citation] = {}
    for finding in found:
        seen.setdefault(finding.citation.source, finding.citation)
    return list(seen.values())[:most]
