"""The deal card proposed from the text alone: what kind of deal, where it stands, when it was announced,
who takes part in what role, what it is worth, and a few sentences that sum it up, each cited.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta

from builder.alternation import literal_alternation
from builder.analyze.deal_cues import (
    BEFORE,
    DEAL_NOUN,
    FOR_A_TIME,
    LEAD_SENTENCES,
    MONEY,
    NO_FORMAL,
    OWN_UNIT_AFTER,
    SETTLED,
    STATUS_CUES,
    STATUS_ORDER,
    TAKEN_UP_AGAIN_DAYS,
    TYPE_CUES,
    UNREAL,
)
from builder.analyze.deal_value import deal_value
from builder.analyze.party_names import Entity, deal_entities
from builder.analyze.patterns import Caseless
from builder.analyze.roles import PartyRoles, assign_roles, role_findings, what_parties_do
from builder.extract import reference_date
from builder.extract.outlet import without_dateline
from builder.model import Amount, Citation, DateMention, NonDisclosure, Organization, Person, Sentence, Source
from builder.model.deal import (
    DealProposal,
    DealStatus,
    DealType,
    ProposedDate,
    ProposedParty,
    ProposedStatus,
    ProposedType,
)


def propose_deal(
    sources: Sequence[Source],
    organizations: Sequence[Organization],
    people: Sequence[Person],
    amounts: Sequence[Amount],
    dates: Sequence[DateMention],
    disclosures: Sequence[NonDisclosure],
) -> DealProposal:
    """The deal card the sources support, every field cited; fields the text does not give stay empty."""
    if not sources:
        return DealProposal()
    by_id = {source.id: source for source in sources}
    entities = deal_entities(organizations, people)
    people_ids = frozenset(index for index, entity in enumerate(entities) if entity.person)
    roles = assign_roles(list(role_findings(sources, entities)), people_ids)
    bidders = _bidder_forms(entities, roles)
    superseded: set[int] = set()
    status = _status(sources, bidders, superseded)
    if superseded:  # the bidders of a deal a later bidder's offer replaced are no longer parties
        roles = replace(roles, parties=[p for n, p in enumerate(roles.parties) if n not in superseded])
    ordered = sorted(sources, key=lambda s: (_day(s) < 0, _day(s), s.id))
    does = what_parties_do(ordered, entities, {entity for entity, _, _ in roles.parties})
    parties = _parties(roles, entities, does)
    names = _party_forms(entities, parties)
    sides = (_party_forms(entities, parties, ("acquirer",)), _party_forms(entities, parties, ("target", "seller")))
    return DealProposal(
        type=_deal_type(sources, roles, status is not None and status.value in ("agreed", "completed")),
        status=status,
        announced=_announced(sources, dates, names),
        parties=tuple(parties),
        value=deal_value(amounts, disclosures, by_id, lambda s: _day(by_id[s]), names, sides),
        summary=_summary(sources, names),
    )


def _party_forms(
    entities: Sequence[Entity],
    parties: Sequence[ProposedParty],
    roles: Sequence[str] = ("acquirer", "target", "seller", "partner", "investor"),
) -> re.Pattern[str] | None:
    """Every way the sources write the names of the main parties (buyers, targets, sellers, partners,
    investors), or of the parties in the roles given."""
    main = {p.name for p in parties if p.role in roles}
    forms = sorted({f for e in entities if e.name in main for f in e.forms}, key=lambda f: (-len(f), f))
    return re.compile(r"\b(?:" + literal_alternation(forms) + r")\b") if forms else None


def _day(source: Source) -> int:
    return source.meta.published.toordinal() if source.meta.published else -1


def _parties(roles: PartyRoles, entities: Sequence[Entity], does: dict[int, Citation]) -> list[ProposedParty]:
    return [
        ProposedParty(
            name=entities[entity].name,
            role=role,  # type: ignore[arg-type]
            citations=tuple(cites),
            does=does.get(entity),
        )
        for entity, role, cites in roles.parties
    ]


SETTLED_BID_MARGIN = 1.25


def _deal_type(sources: Sequence[Source], roles: PartyRoles, settled: bool = False) -> ProposedType | None:
    """The kind of deal most of the sources' words describe, weighed by who does what to whom; settled says
    the deal was agreed or done."""
    counts: Counter[DealType] = Counter()
    cites: dict[DealType, list[Citation]] = {}
    for source in sources:
        for sentence in source.sentences:
            lowered = sentence.text.lower()
            for kind, cue in TYPE_CUES:
                found = sum(1 for _ in cue.finditer(sentence.text, lowered))
                if found:
                    weight = 2 if sentence.n <= LEAD_SENTENCES else 1
                    counts[kind] += weight * found
                    cites.setdefault(kind, []).append(_cite_words(source, sentence, cue, lowered))
    role_names = {role for _, role, _ in roles.parties}
    has_buyer = "acquirer" in role_names and "target" in role_names
    if not counts:
        return None
    if "investor" in role_names and "target" in role_names and "acquirer" not in role_names:
        kind = "investment"  # "Shanghai Automotive's proposed £1bn investment in Rover": money in, no buyer
    elif "seller" in role_names and "acquirer" not in role_names and counts["sale"]:
        kind = "sale"  # "LVMH has sold its Christian Lacroix label to a US investment group": no buyer named as such
    elif not has_buyer and "partner" in role_names:
        kind = max(("partnership", "merger", "joint venture"), key=lambda k: (counts[k], k == "partnership"))
    elif counts["merger"] > counts["takeover bid"] + counts["acquisition"] and "acquirer" not in role_names:
        kind = "merger"
    elif has_buyer or counts["takeover bid"] + counts["acquisition"]:
        control = counts["takeover bid"] + counts["acquisition"]
        # words of a transaction (buy, sell, sale) against words of a contest (bid, offer, takeover)
        bought = counts["acquisition"] + (counts["sale"] if has_buyer else 0)
        if counts["stake purchase"] * 2 > control:
            kind = "stake purchase"
        else:
            # a deal agreed or done that its sources tell in words of a contest and of a purchase alike is a
            # purchase; a contest's words must then outweigh the purchase's clearly
            margin = SETTLED_BID_MARGIN if settled else 1.0
            kind = "takeover bid" if counts["takeover bid"] > margin * bought else "acquisition"
    else:
        kind = counts.most_common(1)[0][0]
    return ProposedType(value=kind, citations=tuple(_first_per_source(cites.get(kind, []))))


def _bidder_forms(entities: Sequence[Entity], roles: PartyRoles) -> dict[int, re.Pattern[str]]:
    """Every way the sources write each bidder's name, one pattern a bidder, by its place in the parties."""
    return {
        n: re.compile(
            r"\b(?:" + "|".join(map(re.escape, sorted(entities[entity].forms, key=len, reverse=True))) + r")\b"
        )
        for n, (entity, role, _) in enumerate(roles.parties)
        if role == "acquirer" and entities[entity].forms
    }


def _status(
    sources: Sequence[Source], bidders: Mapping[int, re.Pattern[str]] | None = None, superseded: set[int] | None = None
) -> ProposedStatus | None:
    """Where the deal stands: the latest dated source's word, or among undated sources the most common.

    An agreed deal stays agreed through later offers, unless a later source names none of its bidders: that
    is another bidder's offer, and the bidders of the agreed deal go into superseded.
    """
    by_id = {source.id: source for source in sources}

    def new_bidder(agreed: Citation, later: Citation) -> bool:
        sentence = by_id[agreed.source].sentence(agreed.sentence).text
        agreeing = [n for n, b in (bidders or {}).items() if b.search(sentence)]
        text = by_id[later.source].text
        if not agreeing or any((bidders or {})[n].search(text) for n in agreeing):
            return False
        if superseded is not None:
            superseded.update(agreeing)
        return True

    found: list[tuple[int, DealStatus, Citation]] = []
    capped = False
    for source in sources:
        status = _source_status(source)
        if status is not None:
            found.append((_day(source), *status))
        capped = capped or any(NO_FORMAL.search(s.text) for s in source.sentences)
    if not found:
        return None
    dated = sorted((f for f in found if f[0] >= 0), key=lambda f: f[0])
    if dated:
        current = dated[0]
        for later in dated[1:]:
            current = later if current[1] == "agreed" and new_bidder(current[2], later[2]) else _fold(current, later)
        return ProposedStatus(value=current[1], citations=(current[2],))
    votes = Counter("approach" if capped and status == "offer" else status for _, status, _ in found)
    best = max(votes, key=lambda s: (votes[s], STATUS_ORDER.index(s)))
    cites = [c for _, status, c in found if status == best or (capped and status == "offer" and best == "approach")]
    return ProposedStatus(value=best, citations=tuple(cites[:3]))


def _fold(current: tuple[int, DealStatus, Citation], later: tuple[int, DealStatus, Citation]):  # type: ignore[no-untyped-def]
    """An agreed deal stays agreed through later offers and talks: they revise it, they do not undo it; talks a
    year and more later are the deal taken up again."""
    settled = ("agreed", "completed")
    again = later[0] - current[0] >= TAKEN_UP_AGAIN_DAYS
    if current[1] in settled and later[1] in ("rumoured", "in talks", "approach", "offer") and not again:
        return current
    return later


def _source_status(source: Source) -> tuple[DealStatus, Citation] | None:
    """The most settled stage a source states as fact: in its opening sentences, or a settled one anywhere."""
    best: tuple[DealStatus, Citation] | None = None
    for sentence in source.sentences:
        lead = sentence.n <= LEAD_SENTENCES
        text, lowered = sentence.text, sentence.text.lower()
        for status, cue in STATUS_CUES:
            if not lead and status not in SETTLED:
                continue
            match = next((m for m in cue.finditer(text, lowered) if _real(text, m.start(), status, m.end())), None)
            if match is None:
                continue
            if best is None or STATUS_ORDER.index(status) > STATUS_ORDER.index(best[0]):
                cited = text[match.start() : match.end()].strip()
                best = (status, Citation(source=source.id, sentence=sentence.id, text=cited))
            break
    return best


_STILL_TO_COME = re.compile(r"\b(?:to|until|till|upon|on|after)\s$", re.I)


def _real(text: str, start: int, status: DealStatus, end: int | None = None) -> bool:
    before = text[max(0, start - 60) : start]
    if end is not None and status in SETTLED and OWN_UNIT_AFTER.match(text, end):
        return False  # "has agreed to sell its budget brand Advantage": a side deal to win approval
    if status == "terminated" and FOR_A_TIME.search(before):
        return False
    if status == "completed" and _STILL_TO_COME.search(before):
        return False  # "the time it will take to complete the deal", "until completion of the merger"
    return UNREAL.search(before) is None and (status in SETTLED or BEFORE.search(before) is None)


_ANNOUNCING = Caseless(
    r"\b(?:announc\w*|unveil\w*|agreed|said|confirmed|disclosed|revealed|launched|made|tabled|offered|bid)\b"
)


def _announced(
    sources: Sequence[Source], dates: Sequence[DateMention], names: re.Pattern[str] | None
) -> ProposedDate | None:
    """The earliest day a source says the deal, or the bid, was announced."""
    by_id = {source.id: source for source in sources}
    dated = sorted(day for day in (reference_date(s) for s in sources) if day is not None)
    found: list[tuple[date, DateMention]] = []
    for mention in dates:
        source = by_id.get(mention.source)
        if source is None or (mention.start < 12 and mention.sentence.endswith("-s1")):
            continue  # a dateline dates the article, not the deal
        sentence = source.sentence(mention.sentence).text
        lowered = sentence.lower()
        about_deal = DEAL_NOUN.search(sentence, lowered) or (names and names.search(sentence))
        if not (_ANNOUNCING.search(sentence, lowered) and about_deal):
            continue
        day = _day_of(mention, dated)
        if day is not None:
            found.append((day, mention))
    if not found:
        return None
    first = min(day for day, _ in found)
    cites = [Citation(source=m.source, sentence=m.sentence, text=m.text) for day, m in found if day == first]
    return ProposedDate(value=first, citations=tuple(_first_per_source(cites)))


def _day_of(mention: DateMention, dated: Sequence[date]) -> date | None:
    """The day a mention names; an undated source's weekday counts back from the first dated source."""
    if mention.value and mention.precision == "day":
        return date.fromisoformat(mention.value)
    if mention.value is None and mention.expression and mention.expression.startswith("weekday:") and dated:
        weekday = int(mention.expression.split(":")[1])
        return dated[0] - timedelta(days=(dated[0].weekday() - weekday) % 7)
    return None


_SUMMARY_MOST = 5
_SUMMARY_WORDS = (10, 60)


def _summary(sources: Sequence[Source], names: re.Pattern[str] | None) -> tuple[Citation, ...]:
    """Three to five sentences of the sources that say the most about the deal, in the order of events."""
    scored: list[tuple[int, int, int, Source, Sentence]] = []
    # dated sources in the order of events first, then the undated
    for order, source in enumerate(sorted(sources, key=lambda s: (_day(s) < 0, _day(s), s.id))):
        for sentence in source.sentences:
            words = len(sentence.text.split())
            if not _SUMMARY_WORDS[0] <= words <= _SUMMARY_WORDS[1] or _quoted(sentence.text):
                continue
            if sentence.n == 1 and source.meta.title and sentence.text.strip() == source.meta.title.strip():
                continue
            named = len(set(names.findall(sentence.text))) if names else 0
            lead = 3 if sentence.n <= LEAD_SENTENCES else 0
            score = min(named, 2) + 2 * bool(DEAL_NOUN.search(sentence.text)) + lead
            score += bool(MONEY.search(sentence.text))
            scored.append((score, order, sentence.n, source, sentence))
    chosen: list[tuple[int, int, Source, Sentence]] = []
    for score, order, n, source, sentence in sorted(scored, key=lambda item: (-item[0], item[1], item[2])):
        if len(chosen) >= _SUMMARY_MOST or score < 4:
            break
        if any(_alike(sentence.text, other.text) for *_, other in chosen):
            continue
        chosen.append((order, n, source, sentence))
    chosen.sort(key=lambda item: (item[0], item[1]))
    return tuple(
        Citation(source=s.id, sentence=sentence.id, text=without_dateline(sentence.text))
        for _, _, s, sentence in chosen
    )


def _quoted(text: str) -> bool:
    return text.lstrip().startswith(("“", '"', "‘")) or text.count("“") + text.count('"') >= 2


def _alike(a: str, b: str) -> bool:
    words_a, words_b = set(a.lower().split()), set(b.lower().split())
    return len(words_a & words_b) >= 0.6 * min(len(words_a), len(words_b))


def _cite_words(source: Source, sentence: Sentence, cue: Caseless, lowered: str) -> Citation:
    match = cue.search(sentence.text, lowered)
    text = sentence.text[match.start() : match.end()] if match else sentence.text
    return Citation(source=source.id, sentence=sentence.id, text=text)


def _first_per_source(citations: Sequence[Citation], most: int = 3) -> list[Citation]:
    seen: dict[str, Citation] = {}
    for citation in citations:
        seen.setdefault(citation.source, citation)
    return list(seen.values())[:most]


__all__ = ["propose_deal"]
