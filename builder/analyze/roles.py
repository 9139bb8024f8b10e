"""The parties to a deal and their roles, from what the sources say each one does: buys, sells, advises…

Every name the extractors found is marked in each sentence; patterns over the marked sentence read who
bids for whom, who sells to whom, who advises or lends. Each finding cites its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from builder.analyze.party_names import Entity, Marked, Marker
from builder.analyze.patterns import Caseless
from builder.model import Citation, Source, sentence_number

_ENT = r"\u27e8(\d+)\u27e9"
# Stock tickers that wire copy sets after a name: "( BARC.L )", "AAH.AS", "TPG.UL".
_TICK = (
    r"(?:\.?(?:\s*\(\s*[A-Z0-9.]+\s*\)|\s+[A-Z0-9]{2,6}\.[A-Z]{1,3}\b))?"
    # and an apposition: ", the investment bank,"
    r"(?:,\s(?:the|a|an|its|his|their|whose|which)\s[^,\u27e8.;]{1,80},)?"
)
# A few words that describe an entity before its name: "Dutch rival", "private equity firm", "the".
_DESC = r"(?:(?:[\w.'’,-]+\s){0,4}?)"
_DESC_NOT_FROM = r"(?:(?!from\s)(?:[\w.'’,-]+\s)){0,4}?"
_GAP = (
    r"(?:(?!\u27e8)(?:[^.;:\"“”]|(?<=\d)\.(?=\d)))"  # words between two parts of a finding, never across another entity
)
_LIST = rf"{_ENT}{_TICK}(?:(?:\s*,\s*|,?\s+and\s+|\s*&\s*){_DESC}{_ENT}{_TICK})*"
_BUY = (
    r"(?:buy|buys|bought|buying|acquire|acquires|acquired|acquiring|purchase|purchases|purchased|purchasing|"
    r"take\sover|takes\sover|took\sover|taking\sover|snap\sup|snapped\sup|merge\swith|merges\swith)"
)
_STAKE = r"(?:stake|shares|holding|interest)"
# A verb of buying in the active voice: "agreed to be acquired by Acme" makes its subject the one bought.
_ACTIVE = r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bis\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bare\s)"
# "an offer [worth $2bn] from": a few words between the bid and its bidder, none of them a verb of its own
_TO_BY = (
    r"(?:\s(?!(?:was|were|is|are|has|have|had|been|received|made|backed|approved|tabled|put|given|announced|"
    r"rejected|accepted)\b)[\w$£€.,;%()-]+){0,6}?\s(?:from|by)\s"
)
_BID = (
    r"(?:bid|bids|offer|offers|approach|approaches|takeover|buyout|pursuit|acquisition|purchase|"
    r"(?:takeover|buyout|merger)\sproposal)"
)


@dataclass(frozen=True)
class RoleFinding:
    """What one sentence says an entity does in the deal; other is the entity it does it to, if named."""

    entity: int
    role: str
    citation: Citation
    other: int | None = None
    present: frozenset[int] = frozenset()


# Each pattern names the groups that hold an entity list and the role each list plays; "other" links a
# buyer to what it buys. Patterns are tried on the whole marked sentence, case aside for the verbs, and
# only where the sentence holds one of the words the pattern needs (in lower case): most hold none.
_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Acme agreed to buy Widget; Acme offered on Monday to buy Dutch rival Widget (not "bought two labels from
    # Widget", where Widget sells)
    (
        rf"(?P<acquirer>{_ENT}){_TICK}{_GAP}{{0,60}}?{_ACTIVE}\b{_BUY}\s(?:all\sof\s|control\sof\s)?{_DESC_NOT_FROM}(?P<target>{_ENT})",
        ("buy", "bought", "acqui", "purchas", "tak", "took", "snap", "merge"),
    ),
    # Acme bid $2bn for Widget; Acme's offer for Widget; Acme made an approach to Widget
    (
        rf"(?P<acquirer>{_ENT}){_TICK}(?:['’]s?)?{_GAP}{{0,50}}?\b(?:{_BID}|bid|offered)\b{_GAP}{{0,40}}?\b(?:for|to)\s{_DESC}(?P<target>{_ENT})",
        ("bid", "offer", "approach", "takeover", "buyout", "pursuit", "acquisition", "purchase", "merger"),
    ),
    # Acme bought a 19% stake in Widget
    (
        rf"(?P<acquirer>{_ENT}){_TICK}{_GAP}{{0,40}}?\b{_BUY}\s(?:\S+\s){{0,4}}?{_STAKE}\s(?:in|of)\s{_DESC}(?P<target>{_ENT})",
        ("buy", "bought", "acqui", "purchas", "tak", "took", "snap", "merge"),
    ),
    # Acme's decision to buy 20% of Widget's car arm
    (
        rf"(?P<acquirer>{_ENT}){_TICK}(?:['’]s?)?{_GAP}{{0,60}}?\b{_BUY}\s(?:a\s|an\s)?\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)\s(?:of|in)\s{_DESC}(?P<target>{_ENT})",
        ("buy", "bought", "acqui", "purchas", "tak", "took", "snap", "merge"),
    ),
    # Widget has the right to sell its car division to Acme: Acme would buy what Widget sells; Widget has sold
    # its fashion label (to a buyer not named)
    (
        rf"(?P<seller>{_ENT}){_TICK}{_GAP}{{0,60}}?\b(?:sell|sells|selling|sold)\s(?:its|their|the)\s(?:\S+\s){{0,4}}?(?:unit|division|arm|business|operations|subsidiary|label|brand|house)\b(?:\sto\s{_DESC}(?P<acquirer>{_ENT}))?",
        ("sell", "sold"),
    ),
    # Acme's proposed £1bn investment in Widget: Acme invests, Widget is what the deal is about
    (
        rf"(?P<investor>{_ENT}){_TICK}['’]s?\s(?:\S+\s){{0,3}}?investment\sin\s{_DESC}(?P<target>{_ENT})",
        ("investment",),
    ),
    # Acme's takeover offer (the target named elsewhere in the sentence or the brief)
    (
        rf"(?P<acquirer>{_ENT})['’]s?\s(?:\S+\s){{0,3}}?(?:\([^()]{{1,30}}\)\s)?{_BID}\b",
        ("bid", "offer", "approach", "takeover", "buyout", "pursuit", "acquisition", "purchase", "merger"),
    ),  # "A$2.7 billion ($2.5 billion) bid"
    # Acme approached Widget
    (rf"(?P<acquirer>{_ENT}){_TICK}\s(?:has\s|had\s)?approached\s{_DESC}(?P<target>{_ENT})", ("approached",)),
    # an offer for Widget from Acme; Widget rejected a $10bn takeover offer from larger rival Acme
    (
        rf"\b{_BID}{_TO_BY}{_DESC}(?P<acquirer>{_LIST})",
        ("bid", "offer", "approach", "takeover", "buyout", "pursuit", "acquisition", "purchase", "merger"),
    ),
    (
        rf"(?P<target>{_ENT}){_TICK}{_GAP}{{0,160}}?\b{_BID}{_TO_BY}{_DESC}(?P<acquirer>{_LIST})",
        ("bid", "offer", "approach", "takeover", "buyout", "pursuit", "acquisition", "purchase", "merger"),
    ),
    # takeover of Widget by Acme; bid for Widget
    (
        rf"\b{_BID}\s(?:of|for)\s{_DESC}(?P<target>{_ENT}){_TICK}(?:{_GAP}{{0,30}}?\bby\s{_DESC}(?P<acquirer>{_ENT}))?",
        ("bid", "offer", "approach", "takeover", "buyout", "pursuit", "acquisition", "purchase", "merger"),
    ),
    # Widget agreed to sell itself to Acme; Widget agreed to be bought by Acme
    (
        rf"(?P<target>{_ENT}){_TICK}{_GAP}{{0,40}}?\b(?:sell|sells|selling|sold)\s(?:itself|the\scompany)\sto\s{_DESC}(?P<acquirer>{_LIST})",
        ("sell", "sold"),
    ),
    (
        rf"(?P<target>{_ENT}){_TICK}{_GAP}{{0,40}}?\b(?:be|being)\s(?:bought|acquired|taken\sover)\sby\s{_DESC}(?P<acquirer>{_LIST})",
        ("bought", "acquired", "taken"),
    ),
    # rival bidder Acme; suitor Acme
    (
        rf"\b(?:bidder|suitor|buyer|acquirer)s?\s(?:is\s|was\s)?{_DESC}(?P<acquirer>{_ENT})",
        ("bidder", "suitor", "buyer", "acquirer"),
    ),
    # Acme bought the stake from Seller; Seller sold its stake in Widget to Acme
    (
        rf"\b(?:bought|buys|buy|acquired|purchased|buying){_GAP}{{0,60}}?\b{_STAKE}\b{_GAP}{{0,40}}?\bfrom\s{_DESC}(?P<seller>{_ENT})",
        ("bought", "buy", "acquired", "purchased"),
    ),
    (
        rf"(?P<seller>{_ENT}){_TICK}{_GAP}{{0,40}}?\b(?:sold|sells|sell|selling)\s(?:its|his|her|their|a|the)\s{_GAP}{{0,30}}?\b{_STAKE}\sin\s{_DESC}(?P<target>{_ENT}){_TICK}\sto\s{_DESC}{_ENT}",
        ("sold", "sell"),
    ),
    # a partnership of Acme and Widget; Acme and Widget announced a partnership; the merger of A and B
    (
        rf"(?P<partner>{_ENT}){_TICK}\s(?:and|&)\s{_DESC}(?P<partner2>{_ENT}){_TICK}{_GAP}{{0,60}}?\b(?:partnership|alliance|joint\sventure|merger|merge|combination|tie-up|collaboration)\b",
        ("partnership", "alliance", "joint", "merge", "combination", "tie-up", "collaboration"),
    ),
    (
        rf"\b(?:partnership|alliance|joint\sventure|merger|combination|tie-up|collaboration)s?\s(?:between|of)\s{_DESC}(?P<partner>{_ENT}){_TICK}\s(?:and|&|with)\s{_DESC}(?P<partner2>{_ENT})",
        ("partnership", "alliance", "joint", "merger", "combination", "tie-up", "collaboration"),
    ),
    (
        rf"(?P<partner>{_ENT}){_TICK}(?:['’]s?)?{_GAP}{{0,50}}?\b(?:partnership|alliance|joint\sventure|merger|deal|tie-up|collaboration|partnering|partnered|partner)\s(?:\w+\s)?with\s{_DESC}(?P<partner2>{_ENT})",
        ("partner", "alliance", "joint", "merger", "deal", "tie-up", "collaboration"),
    ),
    # Acme's financial adviser Bank; hired financial advisor Bank; advised by Bank, Bank and Bank
    (
        rf"\badvis[eo]rs?\s(?:to\s{_DESC}{_ENT}{_TICK}\s)?(?:is\s|was\s|are\s|were\s|including\s)?(?P<adviser>{_LIST})",
        ("advis",),
    ),
    (rf"\badvised\sby\s{_DESC}(?P<adviser>{_LIST})", ("advised",)),
    (
        rf"(?P<adviser>{_LIST}){_TICK},?\s(?:is\s|was\s|are\s|were\s|has\sbeen\s|have\sbeen\s)?(?:also\s)?(?:advising|(?:the|its|their|his|as)\s(?:\w+\s){{0,3}}?advis[eo]rs?\b)",
        ("advis",),
    ),
    (rf"\bhired\s{_DESC}(?P<adviser>{_ENT})", ("hired",)),
    (rf"\badvis(?:ing|ed|es|e)\b[^.;:]{{0,60}}?\balong\swith\s{_DESC}(?P<adviser>{_LIST})", ("advis",)),
    # lead banks Bank, Bank and Bank; financial backers including Bank; Bank will provide the financing
    (
        rf"\b(?:lead\sbanks?|lenders?|backers?|underwriters?|financiers?),?\s(?:including\s|such\sas\s|are\s|were\s|is\s)?{_DESC}(?P<financier>{_LIST})",
        ("bank", "lender", "backer", "underwriter", "financier"),
    ),
    (
        rf"(?P<financier>{_LIST}){_TICK}\s(?:will\s|would\s|are\sto\s|agreed\sto\s|is\s|are\s|were\s|have\s|has\s)?(?:also\s)?(?:provide|provides|providing|provided|offer|offers|underwrite|underwriting|lend|lending|arrange|arranging)\s{_GAP}{{0,40}}?\b(?:financing|loans?|debt|funding|credit|facilit)",
        ("provid", "offer", "underwrit", "lend", "arrang"),
    ),
    (
        rf"\b(?:financing|loans?|debt|funding|credit\sfacilit\w+)\s{_GAP}{{0,30}}?\bfrom\s(?P<financier>{_LIST})",
        ("financing", "loan", "debt", "funding", "credit"),
    ),
    (
        rf"(?P<financier>{_LIST}){_TICK}\s(?:agreed\sto\s|will\s|to\s)?invest{_GAP}{{0,60}}?\bin\s{_DESC}(?P<backs>{_ENT})",
        ("invest",),
    ),
    # a consortium that includes Fund and Fund; a group led by Fund
    (
        rf"\b(?:consortium|group|team|club)\s(?:that\s|which\s)?(?:also\s)?(?:includes?|including|led\sby|comprising|of)\s{_DESC}(?P<member>{_LIST})",
        ("consortium", "group", "team", "club"),
    ),
    (
        rf"(?P<investor>{_LIST}){_TICK}\s(?:will\s|would\s)?(?:become|becomes|be)\s(?:\w+\s)?(?:minority\s|major\s)?(?:investors?|shareholders?)",
        ("investor", "shareholder"),
    ),
    # who won a contest for the target, who left it, and who says it will bid again
    (
        rf"(?P<winner>{_ENT}){_TICK}{_GAP}{{0,40}}?\b(?:won|wins|clinched)\s(?:a|the)\s(?:\S+\s){{0,3}}?(?:battle|contest|race|auction|war|fight)",
        ("won", "wins", "clinched"),
    ),
    (
        rf"(?P<withdrawn>{_LIST}){_TICK}(?:\s(?:group|consortium|camp))?{_GAP}{{0,20}}?\b(?:bowed\sout|withdrew|pulled\sout|"
        rf"dropped\sout|walked\saway|(?:left|quit)\s(?:the\s)?(?:\w+\s)?(?:team|consortium|group|race|contest|bidding))",
        ("bowed", "withdrew", "pulled", "dropped", "walked", "left", "quit"),
    ),
    (
        rf"(?P<rebid>{_ENT}){_TICK}{_GAP}{{0,60}}?\b(?:table|submit|make|launch|put\sforward)\s(?:a|an)\s(?:new|improved|higher|revised|fresh|better)\s(?:offer|bid)",
        ("table", "submit", "make", "launch", "put"),
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


_MAYBE = Caseless(
    r"buy|bought|acqui|purchas|take\sover|took\sover|bid|offer|approach|propos|takeover|buyout|suitor|sell|sold|"
    r"partner|alliance|venture|merge|advis|hired|lend|bank|backer|financ|loan|invest|consortium|group|stake"
)


def _findings(marked: Marked) -> Iterator[RoleFinding]:
    text = marked.text
    present = frozenset(_entities_in(text))
    lowered = text.lower()
    for pattern, needs in _COMPILED:
        if not any(word in lowered for word in needs):
            continue
        for match in pattern.finditer(text):
            citation = Citation(
                source=marked.source,
                sentence=marked.sentence.id,
                text=marked.original(match.start(), match.end()) or marked.sentence.text,
            )
            links = {name: _entities_in(match.group(name)) for name in _GROUP_ROLES if _has(match, name)}
            if "acquirer" in links and "target" in links and _TALKS_WITH.search(text, 0, match.start("acquirer")):
                # "in final negotiations with LVMH to buy Lacroix": the one talked with sells, the speaker buys
                links["seller"] = links.pop("acquirer")
            others = {
                "acquirer": "target",
                "target": "acquirer",
                "partner": "partner2",
                "partner2": "partner",
                "investor": "target",
            }
            for name, found in links.items():
                if name == "acquirer" and _REFUSES.search(text, match.end(name), match.end()):
                    continue  # "David Sainsbury would not consider a bid of less than 600 pence for J Sainsbury"
                role = {"partner2": "partner"}.get(name, name)
                counterpart = links.get(others.get(name, ""), [])
                if name == "financier" and _has(match, "backs"):
                    counterpart = _entities_in(match.group("backs"))
                for entity in found:
                    yield RoleFinding(entity, role, citation, counterpart[0] if counterpart else None, present)
    for match in _NAMED_CONSORTIUM.finditer(text) if "consortium" in lowered else ():
        entity = _entities_in(match.group("vehicle"))[0]
        citation = Citation(source=marked.source, sentence=marked.sentence.id, text=marked.sentence.text)
        yield RoleFinding(entity, "consortium", citation)


_TALKS_WITH = re.compile(r"\b(?:talks|negotiations|discussions)\swith\s(?:[\w.'’,-]+\s){0,4}?$", re.I)
# A holder who will not weigh a bid is no bidder: "would not consider a bid", "will not accept any offer".
_REFUSES = re.compile(r"\b(?:not|never)\s(?:\w+\s){0,2}?(?:consider|accept|support|back|entertain)\w*\b", re.I)


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
    # "BHP has hired Merrill Lynch to explore buying Alcan": in a sentence that makes a firm an adviser,
    # the buying is its client's
    advising = {(f.entity, f.citation.sentence) for f in findings if f.role == "adviser" and f.entity not in people}
    for finding in findings:
        if finding.role in ("adviser", "financier") and finding.entity in people:
            continue
        if finding.role != "adviser" and (finding.entity, finding.citation.sentence) in advising:
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
    # a bidder is said to bid for the target: in a source's opening, or more than once
    bidders = {
        entity: aimed
        for entity, found in by_role.get("acquirer", {}).items()
        if entity != target
        and (aimed := [f for f in found if f.other == target or (f.other is None and target in f.present)])
        and (
            target is None
            or any(f.other == target and _opening(f) for f in found)
            or any(f.other is None and target in f.present and _opening(f) for f in found)
            or (len(aimed) > 1 and any(f.other == target for f in found))
        )
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
    backers = {e for e, found in by_role.get("investor", {}).items() if any(f.other == target for f in found)}
    if partners and not buyers and not (target is not None and backers):
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


def _opening(finding: RoleFinding) -> bool:
    """Whether a finding is in the first sentences of its source, where a story says what it is about."""
    return sentence_number(finding.citation.sentence) <= _OPENING


_OPENING = 3


def _citations(found: Sequence[RoleFinding], most: int = 3) -> list[Citation]:
    """The first sentence of each source that gives the role, up to most."""
    seen: dict[str, Citation] = {}
    for finding in found:
        seen.setdefault(finding.citation.source, finding.citation)
    return list(seen.values())[:most]


# "Microsoft will use Lumen's network": what a party is to do in the deal, in the sources' words, to the end
# of its clause (a comma, colon or semicolon, or the sentence's end); a full stop inside the sentence belongs
# to a word ("U.S.", "13.6", "AAH.AS"), as does a thousands comma.
_WHAT = r"(?:[^,;:.\u27e8]|\.(?!\s*$)|(?<=\d),(?=\d{3}))"
_DOES = re.compile(
    rf"(?P<entity>{_ENT})(?:['’]s?\s\w+)?{_TICK}\s(?:will|would|is\sto|are\sto|plans\sto|agreed\sto|is\sset\sto|"
    rf"has\sagreed\sto|is\stapping|is\sturning\sto)\s(?P<what>{_WHAT}*(?:\u27e8\d+\u27e9{_WHAT}*){{0,2}})"
)


_DOES_VERB = re.compile(
    r"\s(?:will|would|is\sto|are\sto|plans\sto|agreed\sto|is\sset\sto|has\sagreed\sto|is\stapping|is\sturning\sto)\s"
)


def what_parties_do(sources: Sequence[Source], entities: Sequence[Entity], wanted: set[int]) -> dict[int, Citation]:
    """For each wanted entity, the first sentence that says what it will do in the deal."""
    marker = Marker(entities)
    found: dict[int, Citation] = {}
    for source in sources:
        for sentence in source.sentences:
            if len(found) == len(wanted):
                return found
            if not _DOES_VERB.search(sentence.text):
                continue  # the verb stands outside the names, so a sentence without it says nothing here
            marked = marker.mark(source.id, sentence)
            for match in _DOES.finditer(marked.text):
                entity = int(match.group("entity")[1:-1])
                if entity in wanted and entity not in found and len(match.group("what").split()) >= 3:
                    text = marked.original(match.start(), match.end())
                    found[entity] = Citation(source=source.id, sentence=sentence.id, text=text)
    return found
