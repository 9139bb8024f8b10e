"""Figures that analysis pieces give beside a deal's terms and that are none of them: what traders paid for the
stock, the size of deals in general, a law's threshold, the size of a fund, a sum wiped from an investment, what a
firm spends on its own projects."""

from __future__ import annotations

import re

from builder.extract.units import MINOR_UNITS
from builder.model import Amount, Measure

_HEDGE = r"(?:about\s|around\s|some\s|nearly\s|roughly\s|almost\s|over\s|under\s|more\sthan\s|less\sthan\s|up\sto\s)?"
SMALL_PRICE = 10_000  # a sum below this, in a major unit, prices a share, not a company
SCALED = re.compile(  # "$98 bln", "£4.2bn": a sum in millions and more
    r"\d\s?(?:bln|mln|bn|m|k|billion|million|trillion|thousand)\b", re.I
)
# "traders who bought at $40 and will sell at $48", "any arb that bought into the stock ... would have paid more
# than $130": people who trade the stock, and the price they trade it at
_TRADERS = re.compile(
    r"\b(?:arbs?|arbitrageurs?|hedge\sfunds?|traders?|speculators?|investors|short[\s-]sellers?|fast\smoney)\b", re.I
)
_TRADED_AT = re.compile(rf"\b(?:bought|buy|buying|sold|sell|selling|paid|pay|paying)\s(?:at\s)?{_HEDGE}$", re.I)
# "deals in the $3 to $4 billion mark", "for deals above $10 billion", "bids for more than $10 billion of assets":
# deals in general, or many together
_DEALS_IN_GENERAL = re.compile(
    r"\b(?:deals|takeovers|transactions|acquisitions|mergers|buyouts)\s(?:in\sthe|above|below|over|under|exceeding|"
    rf"topping|larger\sthan|bigger\sthan|smaller\sthan|of\s(?:more|less)\sthan|worth\s(?:more|less)\sthan)\s{_HEDGE}$"
    r"|\b(?:bids|offers)\sfor\s(?:more|less)\sthan\s$",
    re.I,
)
# "a threshold, set at C$299 million", "the cap of $5 billion": what a law or a rule allows
_THRESHOLD = re.compile(
    rf"\b(?:a|an|the|its|their)\s(?:[\w-]+\s)?(?:threshold|ceiling|(?<!market\s)cap|limit)\b[^.;$£€¥]{{0,30}}?\b(?:at|of|is|was)\s"
    rf"{_HEDGE}$",
    re.I,
)
# "the country's $300 billion sovereign wealth fund": the size of a fund, which is no party to the deal
_FUND_AFTER = re.compile(
    r"^\s(?:[a-z-]+\s)?(?:wealth|pension|hedge|investment|sovereign|equity|buyout|mutual|index)\sfunds?\b", re.I
)
# "saw $10 billion quickly wiped from its investment", "wiped $4 billion off its value"
_WIPED_AFTER = re.compile(r"^\s(?:\w+\s){0,2}?(?:wiped|knocked)\s(?:off|from|out)\b", re.I)
_WIPED_BEFORE = re.compile(rf"\b(?:wiped|knocked)\s(?:out\s)?{_HEDGE}$", re.I)
# "is committed to spend $13 billion on various projects": a firm's own spending, not a purchase
_SPEND_BEFORE = re.compile(rf"\b(?:spend|spending|spends|spent|invest|investing|invests)\s{_HEDGE}$", re.I)
_ON_PROJECTS_AFTER = re.compile(
    r"^\s(?:[a-z]+\s){0,3}?on\s(?!(?:the|an?|its|their)\s(?:acquisition|takeover|purchase|deal|buyout|bid|stake)\b)"
    r"(?:[a-z][\w-]*\s){0,3}?(?:projects?|plants?|mines?|expansion|capacity|facilit(?:y|ies)|factories|factory|"
    r"equipment|research|infrastructure|networks?|stores|capital\sspending)\b",
    re.I,
)
# "which would have been worth some C$1.3 billion if it had gone through": the value of a deal that failed
WORTH_BEFORE = re.compile(rf"\bworth\s{_HEDGE}$", re.I)


def no_term(amount: Amount, text: str, start: int, end: int) -> Measure | None:
    """The measure of a figure that is none of the deal's terms, when the words around it say so; else None."""
    before, after = text[max(0, start - 160) : start], text[end : end + 80]
    if amount.kind == "money":
        if share_sized(amount) and _TRADED_AT.search(before[-40:]) and _TRADERS.search(before):
            return "market_move"
        if _FUND_AFTER.match(after):
            return "context"
        if _WIPED_AFTER.match(after) or _WIPED_BEFORE.search(before[-30:]):
            return "market_move"
        if _SPEND_BEFORE.search(before[-40:]) and _ON_PROJECTS_AFTER.match(after):
            return "context"
        if _THRESHOLD.search(before[-60:]):
            return "context"
    if _DEALS_IN_GENERAL.search(before[-60:]):
        return "context"
    return None


def share_sized(amount: Amount) -> bool:
    """A sum too small to price a company, written with no scale ("$98 bln" may be read as 98): a share's price."""
    major = float(amount.value) / (100 if amount.unit in MINOR_UNITS else 1)
    return 0 < major < SMALL_PRICE and not SCALED.search(amount.text)
