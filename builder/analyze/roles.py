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
from builder.analyze.role_patterns import COMPILED, ENT, GROUP_ROLES, NAMED_CONSORTIUM, TICK
from builder.model import Citation, Source, sentence_number


@dataclass(frozen=True)
class RoleFinding:
    """What one sentence says an entity does in the deal; other is the entity it does it to, if named."""

    entity: int
    role: str
    citation: Citation
    other: int | None = None
    present: frozenset[int] = frozenset()


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
    r"partner|alliance|suppl|venture|merge|advis|hired|lend|bank|backer|financ|loan|invest|consortium|group|stake|beat|tops|topped|topping|trump|pay"
)


def _findings(marked: Marked) -> Iterator[RoleFinding]:
    text = marked.text
    present = frozenset(_entities_in(text))
    lowered = text.lower()
    for pattern, needs in COMPILED:
        if not any(word in lowered for word in needs):
            continue
        for match in pattern.finditer(text):
            citation = Citation(
                source=marked.source,
                sentence=marked.sentence.id,
                text=marked.original(match.start(), match.end()) or marked.sentence.text,
            )
            links = {name: _entities_in(match.group(name)) for name in GROUP_ROLES if _has(match, name)}
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
    for match in NAMED_CONSORTIUM.finditer(text) if "consortium" in lowered else ():
        entity = _entities_in(match.group("vehicle"))[0]
        citation = Citation(source=marked.source, sentence=marked.sentence.id, text=marked.sentence.text)
        yield RoleFinding(entity, "consortium", citation)


_TALKS_WITH = re.compile(r"\b(?:talks|negotiations|discussions)\swith\s(?:[\w.'’,-]+\s){0,4}?$", re.I)
# A holder who will not weigh a bid is no bidder: "would not consider a bid", "will not accept any offer".
# ... and one who says it will not buy is no buyer: "Bloomberg said it was not looking to buy Reuters", "has no
# plans to bid", "ruled out an offer".
_REFUSES = re.compile(
    r"\b(?:(?:not|never)\s(?:\w+\s){0,2}?(?:consider|accept|support|back|entertain|look|interest|plan|intend|seek|"
    r"want|prepared|bid|make\san?\s(?:offer|bid))\w*|no\s(?:plans?|intention|interest)|rul(?:ed|es)\sout|"
    r"den(?:ied|ies))\b",
    re.I,
)


def _has(match: re.Match[str], name: str) -> bool:
    return name in match.re.groupindex and match.group(name) is not None


def _entities_in(text: str) -> list[int]:
    return [int(number) for number in re.findall(ENT, text)]


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
    rf"(?P<entity>{ENT})(?:['’]s?\s\w+)?{TICK}\s(?:will|would|is\sto|are\sto|plans\sto|agreed\sto|is\sset\sto|"
    rf"has\sagreed\sto|is\stapping|is\sturning\sto)\s(?P<what>{_WHAT}*(?:\u27e8\d+\u27e9{_WHAT}*){{0,2}})"
)


_DOES_VERB = re.compile(
    r"\s(?:will|would|is\sto|are\sto|plans\sto|agreed\sto|is\sset\sto|has\sagreed\sto|is\stapping|is\sturning\sto)\s"
)


_NOT_DOING = re.compile(r"(?:be|have\sbeen|not)\b")
_OBJECT_BEFORE = re.compile(r"\b(?:with|to|of|for|by|from|against|between|than)\s$", re.I)


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
                if _NOT_DOING.match(match.group("what")) or _OBJECT_BEFORE.search(marked.text, 0, match.start()):
                    continue  # "a merger with Thomson would be a fabulous combination": said of it, not done by it
                if entity in wanted and entity not in found and len(match.group("what").split()) >= 3:
                    text = marked.original(match.start(), match.end())
                    found[entity] = Citation(source=source.id, sentence=sentence.id, text=text)
    return found
