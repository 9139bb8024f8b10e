"""What a figure measures: read from the words nearest to it in its sentence, as a deal professional would."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import cast

from builder.analyze.cues import (
    DIVIDEND,
    EXCHANGE_RATE,
    MEASURE_CUES,
    MONEY_MEASURES,
    PERCENT_MEASURES,
    STAGE_CUES,
)
from builder.analyze.market_moves import moves_market
from builder.analyze.not_terms import SCALED, WORTH_BEFORE, no_term, share_sized
from builder.analyze.patterns import Cue, CueTable, compile_table
from builder.analyze.price_parts import part_of_price
from builder.model import Amount, Measure

_WORD = re.compile(r"\S+")
_BREAK = re.compile(r";|\s[-–—]{1,2}\s|:\s")
_COMMA = re.compile(r",\s")
_ASIDE = re.compile(r"\([^()]{0,40}\)")  # a ticker or a conversion in parentheses: no words between cue and figure
_RATE_AFTER = re.compile(r"^\s?(?:per|to\sthe|against\sthe|a)\s(?:U\.S\.\s)?(?:dollar|euro|pound|yen)\b", re.I)
_PER_SHARE_AFTER = re.compile(
    r"^\s?(?:-\s?)?(?:in\s(?:cash|stock|shares)\s)?(?:for\s)?(?:a|per|each)[\s-]+(?:[\w.&’'-]+\s){0,2}share\b|^\s?(?:apiece|each)\b|^-(?:a|per)-share",
    re.I,
)
_SHARE_PRICE_AFTER = re.compile(r"^\s?(?:a|per)\sshare\s(?:closing\s|close\s)?(?:price|close)\b", re.I)
# "to just under the C$61.54 per share price offered by Loblaw": the level named is the offer's
_OFFERED_AFTER = re.compile(r"^\s?(?:a|per)\sshare\s(?:price\s)?(?:offered|bid)\b", re.I)
# "16.4 percent of Britain's 125 billion-pound a year grocery market": a share of a market, not of a company
# "20% of the UK mobile market", "about 16% of Russia's total crude oil output": a share of a market or of what
# a country or a company produces, no holding in anyone
_MARKET_SHARE_AFTER = re.compile(
    r"\sof\s(?:the\s)?(?:(?:[A-Z][a-z]+['’]s?|[A-Z](?:\.?[A-Z])+\.?|[a-z\d$£€][\w$£€.'’-]*)\s){0,7}?"
    r"(?:market\b(?!\s(?:value|capitali))|(?:output|production)\b(?!\s(?:unit|arm|division|subsidiary|business)))"
)
_STAKE_AFTER = re.compile(
    r"^\sof\s(?:the\s|its\s|their\s|his\s|her\s)?(?:[A-Z]|(?:\w+\s)?(?:company|club|airline|group|bank|firm|business|"
    r"carrier|shares|stock|equity|capital|voting))"
    r"|^\sshareholder\s(?:in|of)\b"  # "a 30% shareholder in Mitsubishi Motors"
    # "in October" is when, not whose: a month is no company
    r"|^\sin\s(?:the\s)?(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b)[A-Z](?!\S*\s(?:shares|stock)\b)"
)
_PER_UNIT_AFTER = re.compile(
    r"^\s?(?:per|a|an|each)\s(?:barrel|tonne|ton|ounce|gallon|litre|liter|pound|kilo|kg|head|person|patient|user|"
    r"subscriber|customer|employee|worker|seat|ticket|unit|copy|vehicle|car|mile|night|hour|day|week)s?\b",
    re.I,
)
_NOUN_AFTER = re.compile(
    r"^(?:-a-year)?\s(?:(?!(?:the|a|an|when|and|of|in|to|for|from|by|at|on|as|that|which|but)\s)[a-z-]+\s){0,2}?"
    r"(?P<noun>company|firm|conglomerate|giant|maker|industry|market|sector|economy)\b",
    re.I,
)
_CONTEXT_NOUNS = frozenset({"industry", "market", "sector", "economy"})
# "a $3bn ($1.6bn) deal to build a network": the sum just before the deal's noun is what the deal is worth
_DEAL_NOUN_AFTER = re.compile(
    r"^\)?\s(?:\([^()]{1,30}\)\s)?(?:(?!financing|loan|credit|debt|bond|funding|rescue|bailout)[a-z-]+\s)?"
    r"(?:deal|takeover|buyout|acquisition|merger)\b"
)
# An analyst's price target and an option's strike price are prices, but no term of the deal.
_TARGET_PRICE = re.compile(
    r"\b(?:price\starget|target\sprice|price\sobjective)\b[^.;$£€]{0,30}?\b(?:at|of|to)\s$", re.I
)
_TARGET_AFTER = re.compile(
    r"^(?:\s(?:a\sshare|per\sshare))?\s(?:price\starget|target\sprice|target|strike|calls?|puts?)\b", re.I
)
_CURRENCY_BEFORE = re.compile(
    r"\b(?:euro|sterling|pound|yen|yuan|franc|rupee|dollar)\b(?!\s(?-i:[A-Z][a-z]))(?:\s\S+){0,6}\s(?:at|to)\s$", re.I
)
_FOR_BEFORE = re.compile(
    # "for $13 a share or $117.9 million": the total after the price a share is the deal's too
    r"\b(?:for|(?:a|per)\sshare,?\sor)\s(?:about\s|around\s|nearly\s|some\s|roughly\s|just\s(?:over|under)\s)?$",
    re.I,
)
# "Exel is currently valued at", "would create the world's biggest bank, valued at": a company's worth
_VALUED_NAMED = re.compile(
    r"\b(?P<noun>[\w-]+)(?:,|\s(?:is|are|was|were)(?:\scurrently|\snow)?)\svalued\sat\s"
    r"(?:about\s|around\s|some\s|nearly\s|roughly\s|more\sthan\s)?$"
)
# What may stand before "valued at" and is no company: a deal, or a word that may stand for one
_NOT_COMPANIES = frozenset(
    "deal deals offer bid takeover acquisition transaction merger purchase buyout sale stake order contract "
    "agreement package proposal which that it they and".split()
)
_DEAL_VERB = re.compile(r"\b(?:buy\w*|bought|acquir\w*|sell\w*|sold|purchas\w*|stake|took\sover|takeover)\b", re.I)
# "if a green shoe option is exercised ... at the offering price": the sale of new shares to the public
_LISTING = re.compile(
    r"\b(?:listing|IPO|flotation|initial\spublic\soffering|share\ssale|green\s?shoe|offering\sprice)\b", re.I
)
_EPS_AFTER = re.compile(
    r"^\s?(?:a|per)\s(?:diluted|basic)\sshare\b|^\s(?:in\s)?(?:\w+\s)?per-share\s(?:earnings|profit|income|loss)", re.I
)
# "a loss of $304.7 million on revenue of $167.4 million", "$2.52 a share on revenue of": results set against sales
_ON_SALES_AFTER = re.compile(
    r"^(?:\s(?:a|per)\sshare)?,?\s(?:on|from)\s(?:total\s|net\s|annual\s)?(?:revenues?|sales|turnover)\s(?:of\s)?", re.I
)
# "a new offer of 582 pence, up 3.6 percent from its previous proposal": the step of the offer, not the market
_STEP_FROM_OFFER = re.compile(
    r"^\s(?:from|on|over|above)\s(?:its|the|their|his|her)\s(?:previous|earlier|initial|original|first|last|old)\s"
    r"(?:\w+\s)?(?:offer|bid|proposal|price|approach)\b",
    re.I,
)
_CHANGE_AFTER = re.compile(
    r"^\s?(?:-\s?)?(?:(?:a|per)\s(?:\w+\s)?share\s)?(?:increase|rise|raise|cut|reduction|decrease|hike|gain|drop)\b",
    re.I,
)
_RAISED_BY = re.compile(
    r"\b(?:rais\w*|increas\w*|sweeten\w*|boost\w*|lift\w*|cut|cuts|cutting|lower\w*|reduc\w*|trimm?\w*)\s"
    # "an increase in the original $24.4 billion bid by about $350 million": a sum may stand between
    r"(?:[\w’'$£€.-]+\s){0,5}?(?:offer|bid|price|proposal|terms)\s(?:\S+\s){0,7}?"
    r"by\s(?:about\s|around\s|nearly\s|almost\s|roughly\s|some\s|just\s|another\s|a\sfurther\s)?$",
    re.I,
)
# "$5 (per share) above its initial bid price": how far one price stands from another
_STEP_AFTER = re.compile(
    r"^\s?\(?(?:(?:a|per)\s(?:\w+\s)?share\)?\s)?(?:above|below|higher\sthan|lower\sthan|more\sthan|less\sthan)\s"
    r"(?:its|the|their|his|her|a)\s(?:\w+\s){0,2}(?:bid|offer|price|proposal)\b",
    re.I,
)
_DEBT_OF_BEFORE = re.compile(
    r"\b(?:including|plus)\s(?:the\s)?(?:assumption\sof\s)?(?:net\s)?debts?\sof\s(?:about\s|around\s|some\s)?$", re.I
)
_GOODS_AFTER = re.compile(
    r"^\s(?:in|of|worth\sof)\s(?:[\w-]+\s){0,3}(?:products|goods|exports|imports|purchases|commodities)\b", re.I
)
# "46 percent of the cost of the deal will be covered by the issue of shares": how the price is paid
_PART_OF_DEAL_AFTER = re.compile(
    r"^,?\s(?:of\s(?:the\s)?(?:cost\sof\s(?:the\s)?)?(?:deal|acquisition|purchase|buyout|takeover|price|consideration))\b",
    re.I,
)
_FUNDED = re.compile(r"\b(?:financ\w*|funded|covered|paid\s(?:for\s)?(?:in|with|by))\b", re.I)
# "its 4.625 percent, 2021 bonds", "its 2.3 percent, 2015s": a bond's coupon
_COUPON_AFTER = re.compile(r"^,?\s(?:19|20)\d\d(?:s\b|\s(?:bonds?|notes?)\b)|^\scoupon\b", re.I)
# "has lost 40 percent of its value": what its shares are worth fell
# "shares leapt 32 percent to 649 pence, valuing the company at about 8.2 billion pounds": what the market makes
# the company worth after its shares moved, not a price anyone offered
_MARKET_VALUING_BEFORE = re.compile(
    r"\b(?:shares|stock)\s(?:[\w.-]+\s){0,3}?(?:rose|fell|leapt|leaped|jumped|climbed|soared|surged|rallied|gained|"
    r"added|lost|slipped|dropped|tumbled|eased|edged|closed|ended|traded|were\s(?:up|down|flat)|was\s(?:up|down|flat))"
    r"\b[^;]{0,160}?,\s(?:valuing|which\svalued?|giving)\s(?:[\w-]+\s){0,3}?at\s(?:[a-z]+\s){0,2}$",
    re.I,
)
# "options on up to 4,200 shares at 90 pence apiece", "stock options at": staff or traders' options, not the
# deal's shares or price ("buying stock or options to buy shares at 230 crowns" is a bidder's price)
_OPTIONS_BEFORE = re.compile(r"\b(?:options?\son\s(?:up\sto\s)?|(?:share|stock)\soptions?\s(?:on\s|for\s)?)$", re.I)
_OPTION_PRICE_BEFORE = re.compile(
    r"\b(?:options?\son\s[^;]{0,60}?\bshares|(?:share|stock)\soptions?)\s(?:at|for)\s(?:[a-z]+\s)?$", re.I
)
_OUTSTANDING_AFTER = re.compile(r"^\s(?:shares\s)?(?:outstanding|in\sissue)\b", re.I)
_VALUE_LOST_AFTER = re.compile(r"^\sof\s(?:its|their|the\scompany['’]s)\s(?:market\s)?value\b", re.I)
# "listing stocks with a total capitalisation of £1.4 trillion": the market's, not a party's worth
_LISTED_WORTH_BEFORE = re.compile(
    r"\b(?:stocks|companies|shares)\s(?:with\s)?(?:a\s)?(?:total|combined)\s(?:market\s)?(?:capitali[sz]ation|value)\s"
    r"of\s(?:about\s|around\s|some\s|more\sthan\s)?$",
    re.I,
)
_SPECIAL = re.compile(r"\bspecial\b", re.I)
# "Tokyo Stock Exchange $5.82": an exchange's name is no talk of shares
_SHARE_TALK = re.compile(
    r"\b(?:offer\w*|bid\w*|deal|buyout|takeover|price\w*|shares?|stock(?!\s(?:exchanges?|markets?)\b))\b", re.I
)
STRONG = 1.5  # a market cue this sure outweighs "a share" after a sum
DECAY = 0.2  # how fast a cue's say fades with each word between it and the figure
BREAK_WORDS = 4.0  # a clause break counts as that many words
COMMA_WORDS = 1.5
_PERIODS = frozenset({"year", "annum", "quarter", "month"})
THRESHOLD = 0.15  # below this, no cue speaks for the figure: it is context
# When two measures score alike, the more specific wins.
_PREFERENCE: tuple[Measure, ...] = (
    "exchange_rate",
    "price_per_share",
    "premium",
    "fee",
    "synergies",
    "earnings_effect",
    "market_move",
    "market_value",
    "stake",
    "financing",
    "revenue",
    "profit",
    "deal_value",
    "context",
)


class SentenceCues:
    """The cues of one sentence, found once for all the figures in it."""

    def __init__(self, text: str) -> None:
        self.text = text
        asides = [(m.start(), m.end()) for m in _ASIDE.finditer(text)] if "(" in text else []
        starts = [m.start() for m in _WORD.finditer(text)]
        self.word_starts = [p for p in starts if not any(a <= p < b for a, b in asides)] if asides else starts
        self.breaks = [m.start() for m in _BREAK.finditer(text)]
        self.commas = [m.start() for m in _COMMA.finditer(text)]
        self._measures: list[Cue] | None = None
        self._stages: list[Cue] | None = None

    @property
    def measures(self) -> list[Cue]:
        """The measure cues of the sentence."""
        if self._measures is None:
            self._measures = _MEASURE_TABLE.find(self.text)
        return self._measures

    @property
    def stages(self) -> list[Cue]:
        """The stage cues of the sentence."""
        if self._stages is None:
            self._stages = _STAGE_TABLE.find(self.text)
        return self._stages

    def distance(self, start: int, end: int, cue: Cue) -> float:
        """Words between a figure (start, end) and a cue, clause breaks counting for several."""
        if cue.end <= start:
            low, high = cue.end, start
        elif cue.start >= end:
            low, high = end, cue.start
        else:
            return 0.0
        words = bisect_left(self.word_starts, high) - bisect_right(self.word_starts, low)
        breaks = bisect_left(self.breaks, high) - bisect_left(self.breaks, low)
        commas = bisect_left(self.commas, high) - bisect_left(self.commas, low)
        return max(0, words) + BREAK_WORDS * breaks + COMMA_WORDS * commas

    def scores(self, cues: list[Cue], start: int, end: int, decay: float = DECAY) -> dict[str, float]:
        """The best score of each cue key for the figure at start..end: weight fading with distance."""
        best: dict[str, float] = {}
        for cue in cues:
            score = cue.weight / (1.0 + decay * self.distance(start, end, cue))
            if score > best.get(cue.key, 0.0):
                best[cue.key] = score
        return best


_MEASURE_PATTERNS = compile_table(MEASURE_CUES)  # type: ignore[arg-type]
_STAGE_PATTERNS = compile_table(STAGE_CUES)  # type: ignore[arg-type]
_MEASURE_TABLE = CueTable(_MEASURE_PATTERNS)
_STAGE_TABLE = CueTable(_STAGE_PATTERNS)


def measure_of(amount: Amount, cues: SentenceCues, start: int, end: int) -> Measure:
    """What the figure at start..end of the sentence measures."""
    text = cues.text
    after, before = text[end : end + 50], text[max(0, start - 160) : start]
    if _is_exchange_rate(text, start, end) or (
        amount.kind == "money" and (_RATE_AFTER.match(after) or _CURRENCY_BEFORE.search(before))
    ):
        return "exchange_rate"
    if _OPTIONS_BEFORE.search(before[-60:]) or _OPTION_PRICE_BEFORE.search(before[-120:]):
        return "context"
    aside = no_term(amount, text, start, end) or part_of_price(amount, text, start, end)
    if aside is not None:
        return aside
    if amount.kind == "quantity":
        if amount.unit == "shares" and _OUTSTANDING_AFTER.match(after):
            return "context"  # "Thomson had 639.78 million shares outstanding": the company's capital, no term
        if amount.unit == "shares":
            return "shares"
        if amount.unit != "percentage points":
            return "context"
    if amount.kind == "money" and (_RAISED_BY.search(before) or _STEP_AFTER.match(after)):
        return "context"  # "raised its takeover offer by $5 a share to $70": the step, not the price
    if _STEP_FROM_OFFER.match(after):
        return "context"  # "up 3.6 percent from its previous proposal": how far the offer moved
    if amount.kind == "money" and (_TARGET_PRICE.search(before[-40:]) or _TARGET_AFTER.match(after)):
        return "context"  # "UBS set its price target for Yahoo at $34", "March $20 calls": no term of the deal
    if amount.kind == "money" and (_ON_SALES_AFTER.match(after) or _EPS_AFTER.match(after)):
        return "profit"  # "a loss of $30m on revenue of $160m", "$2.53 in per-share earnings"
    if amount.kind == "percent" and _VALUE_LOST_AFTER.match(after):
        return "market_move"
    if amount.kind == "money" and _MARKET_VALUING_BEFORE.search(before):
        return "market_value"
    if amount.kind == "money" and (_DEBT_OF_BEFORE.search(before) or _LISTED_WORTH_BEFORE.search(before)):
        return "context"  # "including debt of $1.6 billion", "stocks with a total capitalisation of": not the deal's
    if _GOODS_AFTER.match(after):
        return "context"  # "$50 billion in annual purchases of farm goods": trade, not a deal
    if amount.kind == "percent" and _PART_OF_DEAL_AFTER.match(after) and _FUNDED.search(after):
        return "financing"  # "a third of the acquisition will be financed with equity"
    if (amount.kind == "money" and _CHANGE_AFTER.match(after)) or _COUPON_AFTER.match(after):
        return "context"  # "a 10-cent increase", "its 4.625 percent, 2021 bonds": a change or a coupon
    allowed = PERCENT_MEASURES if amount.kind != "money" else MONEY_MEASURES
    scores: dict[str, float] = {k: v for k, v in cues.scores(cues.measures, start, end).items() if k in allowed}
    moved = moves_market(before)
    if moved:
        scores["market_move"] = max(scores.get("market_move", 0.0), moved)
    if amount.kind == "money" and (amount.per == "share" or _PER_SHARE_AFTER.match(after)):
        return _per_share(text, start, end, after, scores)
    if amount.kind == "percent" and _MARKET_SHARE_AFTER.match(text, end, end + 90):
        return "context"
    if amount.kind == "percent" and _STAKE_AFTER.match(after) and scores.get("premium", 0.0) < 1.0 and moved < 1.0:
        return "stake"
    if amount.kind == "money" and amount.per in _PERIODS and scores.get("synergies", 0.0) >= 1.0:
        return "synergies"  # "to save about $150m a year": savings are counted by the year
    if amount.kind == "money" and (amount.per is not None or _PER_UNIT_AFTER.match(after)):
        return "market_move" if scores.get("market_move", 0.0) >= 1.0 else "context"
    if amount.kind == "money" and _DEAL_NOUN_AFTER.match(after):
        scores["deal_value"] = max(scores.get("deal_value", 0.0), STRONG)
    noun = _NOUN_AFTER.match(after)
    if noun and amount.kind == "money":
        return "context" if noun.group("noun").lower() in _CONTEXT_NOUNS else "market_value"
    valued = _VALUED_NAMED.search(before)
    if amount.kind == "money" and valued and valued.group("noun").lower() not in _NOT_COMPANIES:
        return "market_value"  # "Exel is currently valued at £2.6bn": what a company is worth, not a price paid
    if amount.kind == "money" and _FOR_BEFORE.search(before) and _DEAL_VERB.search(before[-90:]):
        scores["deal_value"] = max(scores.get("deal_value", 0.0), 1.0)  # "bought X for $1bn"
    if amount.kind == "money" and SCALED.search(amount.text):
        scores.pop("price_per_share", None)  # "a $2.3 billion, $36-per-share, takeover": millions price no share
    best = max(scores, key=lambda key: (scores[key], -_PREFERENCE.index(cast(Measure, key))), default=None)
    measure = cast(Measure, "context" if best is None or scores[best] < THRESHOLD else best)
    if measure == "fee" and scores["fee"] < 1.0 and WORTH_BEFORE.search(before[-30:]):
        return "deal_value"  # "worth C$1.3 billion if it had gone through": a failed deal's value, no fee
    if measure == "financing" and _LISTING.search(text):
        return "deal_value"  # the sum a listing raises is what the deal is worth
    if measure in ("deal_value", "market_value", "context") and _per_share_price(amount, text):
        return "price_per_share"
    return measure


def _per_share(text: str, start: int, end: int, after: str, scores: dict[str, float]) -> Measure:
    """A sum a share: the offer's price, a share price on the market, or a dividend."""
    if _OFFERED_AFTER.match(after):
        return "price_per_share"
    if _SHARE_PRICE_AFTER.match(after):
        return "market_move"
    if _EPS_AFTER.match(after):
        return "profit"
    near = text[max(0, start - 40) : end + 30]
    if DIVIDEND.search(near) and not _SPECIAL.search(near):
        return "context"
    market = scores.get("market_move", 0.0)
    if scores.get("profit", 0.0) >= 0.8 and scores["profit"] > market:
        return "profit"  # earnings a share
    return "market_move" if market >= STRONG and market > scores.get("price_per_share", 0.0) else "price_per_share"


def _per_share_price(amount: Amount, text: str) -> bool:
    """A small sum in a sentence about an offer or shares: a price per share, whether or not "a share" follows."""
    return (
        amount.kind == "money" and share_sized(amount) and not DIVIDEND.search(text) and bool(_SHARE_TALK.search(text))
    )


def _is_exchange_rate(text: str, start: int, end: int) -> bool:
    """A figure inside a rate note such as "($1 = A$1.27)" or "$1 = 0.61 pound"."""
    window = text[max(0, start - 14) : end + 4]
    return "=" in window and bool(EXCHANGE_RATE.search(text[max(0, start - 14) : end + 14]))
