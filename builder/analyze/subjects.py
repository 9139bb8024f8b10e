"""Whom a figure is about: the company a deal term prices (the target), whose shares moved, whose results
these are; and who stands on the other side (the bidder, the holder of a stake)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from builder.analyze.mentions import NAME_GAP, TARGET_AFTER, TARGET_BEFORE, NameMention, Names, bare
from builder.extract import lexicon as lx
from builder.extract.entities import same_organization
from builder.model import Measure, sentence_number, sentence_source

_BIDDER_AFTER = re.compile(
    # "Primary Health Care Ltd's A$2.7 billion ($2.5 billion) bid": the sum and its conversion between
    r"^(?:['’]s?)?\s(?:(?:\w+|[A-Z]{0,3}[$£€][\d.,]+)\s){0,2}(?:\([^()]{1,30}\)\s)?(?:offer\w*|bid\w*|agreed\sto\s(?:buy|acquire)|has\sagreed|raised|raises|made|makes|"
    r"tabled|will\spay|would\spay|to\sbuy|to\sacquire|plans\sto|topp\w*|trump\w*|won)\b",
    re.I,
)
_BIDDER_BEFORE = re.compile(r"\b(?:from|by|led\sby|rival)\s(?:the\s)?" + NAME_GAP + "$", re.I)
_RIVAL_BEFORE = re.compile(r"\brival\s(?:the\s)?" + NAME_GAP + "$", re.I)
_HOLDER_AFTER = re.compile(
    r"^(?:['’]s?)?\s?,?\s(?:which\s|who\s)?(?:\w+\s){0,2}(?:owns?|holds?|held|has\sa|had\sa|controls?|with\sa|stake)\b",
    re.I,
)
_SHARES_AFTER = re.compile(r"^(?:['’]s?)?\s(?:\w+\s)?(?:shares|stock)\b", re.I)
_SHARES_BEFORE = re.compile(r"\b(?:shares|stock)\s(?:in|of)\s(?:the\s)?$", re.I)
_POSSESSIVE = re.compile(r"^['’]s?\s", re.I)
# "( MBL.AX )", or a bare wire ticker after a legal form's full stop: "Macquarie Bank Ltd. MBL.AX raised"
_TICKER_START = re.compile(r"^\.?\s*(?:\(\s?[^()]{1,20}\s?\)|[A-Z0-9]{1,6}\.[A-Z]{1,3}\b)")
_TICKER_END = re.compile(r"\(\s?[^()]{1,20}\s?\)\s*$")
_NAME = r"(?P<name>[A-Z][\w&.'’-]*(?:\s(?:of\s|&\s)?[A-Z][\w&.'’-]*){0,4})"
_PLACE_NAMES = "|".join(re.escape(place) for place in sorted(lx.PLACES, key=len, reverse=True))
_DEAL_OF = re.compile(
    r"\s(?:(?:[a-z-]+\s){0,2}?(?:acquisition|takeover|purchase|buyout|bid|offer|sale|disposal)\s(?:of|for)"
    # "agreed to pay Macquarie A$345 million to acquire the 67 percent of AlintaAGL": what the sum buys
    r"|to\s(?:buy|acquire|purchase)(?:\s(?:the\s)?[\d.]+\s(?:percent|per\scent|%)\s(?:stake\s)?(?:of|in))?)\s(?:the\s)?"
    # "sale of U.S. unit LaSalle Bank", "sale of its stake in X": the words that lead to what is sold
    r"(?:(?:[A-Z]\.){2,}\s)?(?:[A-Z][a-z]+(?:an|ish|ese|ic|i)\s(?=[a-z]))?"  # "Nordic exchange owner OMX"
    # "bid for Britain's largest pharmacy group Alliance Boots": a place's superlative leads to the name
    rf"(?:(?:{_PLACE_NAMES})['’]s\s(?:[a-z-]+\s)?(?:largest|biggest|(?:[a-z]+-)?(?:largest|biggest))\s"
    r"(?:[a-z-]+\s){0,2}(?=[A-Z]))?"
    # "bid for Wall Street Journal owner Dow Jones": the owner is bought, not what it owns
    r"(?:(?:[A-Z][\w&.'’-]*\s){1,4}(?=(?:owner|parent)\s))?"
    r"(?:(?:its|their|a|stake|stakes|holding|holdings|in|unit|units|bank|business|businesses|"
    r"division|subsidiary|arm|chain|brand|operations|rival|brewer|maker|firm|group|carrier|retailer|insurer|miner|"
    r"operator|producer|company|lender|airline|chipmaker|drugmaker|automaker|steelmaker|telecoms|utility|"
    r"exchange|owner)\s){0,3}"
    r"(?!(?:[A-Z]\.){2,}(?:\s|$))" + _NAME  # "U.S." is where, not who
)
_SOLD_BY = re.compile(_NAME + r"['’]s?\s(?:[a-z-]+\s)?$")
_SALE_AFTER = re.compile(r"\s(?:[a-z-]+\s)?(?:sale|sell-off|disposal)\b")
_BOUGHT_FOR = re.compile(
    r"\b(?:acquisition|buyout|purchase|takeover|bought|acquired|buy|buying|acquire|acquiring)\s(?:in\s\d{4}\s)?(?:of\s)?"
    # "buy ABN's U.S. bank LaSalle for": the unit bought, not its owner
    r"(?:(?:the\s)?[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3}['’]s?\s(?:[\w.-]+\s){0,3}?)?"
    + _NAME
    + r"\s(?:in\s\d{4}\s)?for\s(?:about\s|around\s|nearly\s|just\s(?:over|under)\s)?$"
)
# "ABN will sell its Chicago-based bank LaSalle to Bank of America ( BAC.N ) for $21 billion": what is sold.
_SOLD_TO = re.compile(
    r"\b(?:sell|sells|selling|sold|divest|divests|divesting|divested)\s(?:its\s|their\s|the\s|his\s|her\s)?"
    r"(?:[\w.-]+\s){0,4}?"
    + _NAME
    + r"(?:\s(?:\(\s?[^()]{1,20}\s?\)\s)?to\s[^,;]{1,80}?)?\sfor\s(?:about\s|around\s|nearly\s|some\s|roughly\s)?$"
)
_VALUED = re.compile(_NAME + r",?\s(?:which|that)\s(?:was|is|were|had\sbeen)\svalued\sat\s(?:about\s|around\s)?$")
# "Alcan was off $1.47 at $84.42 on the New York Stock Exchange": where the shares traded, not whose they are
_VENUE = re.compile(r"\bon\s(?:the\s)?$")
_MARKET = re.compile(r"\b(?:Exchange|Bourse|Boerse|B[öo]rse|Nasdaq|NYSE|Stock\sMarket)\b")
REACH = 160  # characters either side of a figure in which a name can be its subject


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
        earlier = _deal_referred_back(names, sentence, text, start, mentions)
        if earlier is not None:
            return earlier
    if measure in ("price_per_share", "premium"):
        measured = _premium_to(names, text, end)
        if measured is not None:
            return measured
    if measure in ("deal_value", "price_per_share", "premium"):
        own = _own_target(mentions, text, end)
        if own is not None:
            return own
    if measure in ("deal_value", "price_per_share", "premium", "fee", "shares", "stake", "synergies"):
        target = _in_role(mentions, text, start, end, TARGET_BEFORE, TARGET_AFTER, people=False)
        if target is not None:
            return target
        if names.target and any(m.name == names.target for m in mentions):
            return names.target
        if measure in ("deal_value", "price_per_share", "premium", "fee", "shares", "stake"):
            return names.target or _nearest(mentions, start, end, people=False)
    if measure == "financing" and names.target:
        return names.target
    if measure == "market_move":
        mentions = [
            m for m in mentions if not _VENUE.search(text, max(0, m.start - 8), m.start) or not _MARKET.search(m.name)
        ]
        moved = _in_role(mentions, text, start, end, _SHARES_BEFORE, _SHARES_AFTER, people=False, before_only=True)
        if moved is not None:
            return moved
    owner = _possessor(mentions, text, start)
    if owner is not None:
        return owner
    nearest = _nearest(mentions, start, end, people=measure in ("market_value", "context"))
    return nearest or (None if measure == "context" else names.target)


# "a 13 percent premium offered by Duke Energy Corp. ( DUK.N ) for Cinergy Corp.": the figure's own phrase
# names what it is paid for, whatever else the sentence is about
_PAID_FOR = re.compile(
    r"^(?:\s[\w-]+){0,2}\s(?:offered|paid|proposed|bid|tabled)\s(?:by\s[^,;!?]{1,80}?\s)?for\s(?:the\s)?$"
)


# "its $1 billion deal to buy a 5 percent stake in AOL": the deal's own phrase names what it buys
_DEAL_TO_BUY = re.compile(
    r"^\s(?:[\w-]+\s){0,2}?(?:deal|offer|bid|agreement|plan|transaction)\sto\s(?:buy|acquire|purchase|take\sover)\s"
    r"(?:(?:a|an|the)\s(?:[\d.]+\s(?:percent|%)\s|majority\s|minority\s|controlling\s)?(?:stake|interest|holding)\s"
    r"in\s)?(?:the\s)?$"
)


def _own_target(mentions: Sequence[NameMention], text: str, end: int) -> str | None:
    for mention in mentions:
        if mention.start < end or mention.person:
            continue
        between = text[end : mention.start]
        if _PAID_FOR.match(between) or _DEAL_TO_BUY.match(between):
            return mention.name
    return None


# "That $60-a-share bid was a 65 percent premium to Dow Jones' closing price": the premium, and the price it
# measures, are paid for the company whose price it is set against
_PREMIUM_TO = re.compile(
    r"\bpremium\s(?:to|over|above|on)\s(?:the\s)?" + _NAME + r"['’]s?\s(?:[\w-]+\s){0,3}?(?:price|close|closing)\b"
)
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+[A-Z]")


def _premium_to(names: Names, text: str, end: int) -> str | None:
    """The company a premium after the figure, in its sentence, is measured against."""
    match = _PREMIUM_TO.search(text, end, end + 160)
    if match is None or _SENTENCE_END.search(text, end, match.start()):
        return None
    found = names.scan(match.group("name"), 0)  # a firm of the brief, not "Friday's close"
    return found[0].name if found and not found[0].person else None


_NEXT_SENTENCE = re.compile(r"\s+[A-Z][a-z]")
_REFERS_BACK = re.compile(
    r"(?:^|[.!?]\s+)(?:That|This|The\searlier|The\sprevious|The\slatter)\s(?:\w+\s)?"
    r"(?:deal|transaction|acquisition|purchase|takeover|merger|buyout|bid|sale)\b[^.!?]*$"
)


def _deal_referred_back(
    names: Names, sentence: str, text: str, start: int, mentions: Sequence[NameMention]
) -> str | None:
    """ "… Duke Energy's offer for Cinergy in 2005. That deal, worth about $9 billion, was completed in 2006":
    a sentence that names no one and opens with "That deal" is about the deal the sentence before ends on,
    the last firm it names."""
    if mentions or not _REFERS_BACK.search(text, max(0, start - 120), start):
        return None
    number = sentence_number(sentence)
    if number < 2:
        return None
    before = [m for m in names.in_sentence(f"{sentence_source(sentence)}-s{number - 1}") if not m.person]
    return before[-1].name if before else None


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
        # "raised its offer … to A$7.9 billion, to trump rival Babcock's offer": a rival named after the
        # figure bids against it, so "rival" marks a bidder only before the figure
        ahead = [m for m in mentions if m.start < end or not _RIVAL_BEFORE.search(text, max(0, m.start - 40), m.start)]
        return _in_role(ahead, text, start, end, _BIDDER_BEFORE, _BIDDER_AFTER, people=True)
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
    sold = _SOLD_TO.search(text[max(0, start - 200) : start].rsplit("\n", 1)[-1])
    if sold:
        return _resolved(names, sold.group("name"))
    return None


def _resolved(names: Names, written: str) -> str:
    """The brief's name for a name as written, or the name as written when the brief has none."""
    found = names.scan(written, 0)
    return found[0].name if found else bare(written)


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
        prefix = text[max(0, mention.start - 60) : mention.start].rsplit("\n", 1)[-1].rsplit(". ", 1)[-1]
        prefix = _TICKER_END.sub("", prefix)
        suffix = _TICKER_START.sub("", text[mention.end : mention.end + 60].split("\n", 1)[0])
        if text[mention.end - 1 : mention.end] == "." and _NEXT_SENTENCE.match(suffix):
            suffix = ""  # "… offer from Microsoft Corp. Yahoo rejected the bid": the full stop ends the sentence
        if (before is not None and before.search(prefix)) or (after is not None and after.match(suffix)):
            found.append((abs(_gap(mention, start, end)), mention.start, mention.name))
    return min(found)[2] if found else None


def _possessor(mentions: Sequence[NameMention], text: str, start: int) -> str | None:
    """A name in the possessive in the few words before a figure: "Onyx's revenue of"."""
    for mention in reversed(mentions):
        if (
            mention.end <= start
            and start - mention.end <= 40
            and _POSSESSIVE.match(text[mention.end : mention.end + 3])
        ):
            return mention.name
    return None


def _nearest(mentions: Sequence[NameMention], start: int, end: int, *, people: bool) -> str | None:
    """The name nearest the figure, one before it winning a tie."""
    chosen = [m for m in mentions if people or not m.person]
    if not chosen:
        return None
    return min(chosen, key=lambda m: (abs(_gap(m, start, end)), _gap(m, start, end) > 0)).name


def same_party(a: str | None, b: str | None) -> bool:
    """Whether two parties are one: the same name, the same surname ("Malcom Glazer" for Malcolm Glazer), a
    name and its short form, or the same organisation under two names."""
    if a is None or b is None or a == b:
        return True
    words_a, words_b = a.lower().split(), b.lower().split()
    if words_a[-1] == words_b[-1] or set(words_a) <= set(words_b) or set(words_b) <= set(words_a):
        return True  # "Charoen" for Charoen Sirivadhanabhakdi
    return same_organization(a, b)
