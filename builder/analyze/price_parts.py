"""How a deal's price is paid and what it is set against: the mix of cash and stock, the cash part, the market's
closing price a premium is counted from, and a firm's own earnings outlook a share."""

from __future__ import annotations

import re

from builder.model import Amount, Measure

# "Fabrikam's Friday close of $38.85", "its closing price of $81 per share": the market's price
_CLOSE_BEFORE = re.compile(
    r"\b(?:close|closing(?:\s(?:share|stock))?\sprice|closing\slevel|closing|last\strade)\s(?:of|at)\s"
    r"(?:about\s|around\s|just\s(?:over|under)\s)?$",
    re.I,
)
# "with Yahoo's shares trading below the offer price, at $28.31": where the market has the shares
_TRADING_AT_BEFORE = re.compile(
    r"\b(?:shares|stock)\s(?:[\w'’-]+\s){0,3}?(?:trading|traded|trade|trades|closed|closing|ended|finished|stood|"
    r"changed\shands)\b[^;]{0,40}?\bat\s(?:about\s|around\s|just\s(?:over|under)\s)?$",
    re.I,
)
# "Yahoo closed up $9.20 a share on Friday at $28.38": a day's move in the market and where it ended
_CLOSED_UP = re.compile(
    r"\b(?:closed|ended|finished|opened|traded)\s(?:up|down|higher|lower|flat|unchanged)\s(?:[^;$£€¥]{0,40}?\bat\s)?"
    r"(?:about\s|around\s)?$",
    re.I,
)
# "at a 6.5 percent discount to Microsoft's offer price": the gap between the market and the offer
_DISCOUNT_TO_OFFER_AFTER = re.compile(
    r"^\s(?:discount|gap|spread)\s(?:to|from|below)\s(?:the\s|[\w.&'’-]+(?:['’]s?)?\s|\(\s?[A-Z0-9.]+\s?\)\s){0,4}?"
    r"(?:\w+\s){0,2}?(?:offer|bid)\b",
    re.I,
)
# "comprising 80 percent cash and 20 percent stock": the mix the price is paid in
_MIX_AFTER = re.compile(r"^\s(?:in\s)?(?:cash|stock|shares|equity|scrip)\b(?:\s(?:and|or|plus)\s|[,)])", re.I)
_MIX_BEFORE_AND = re.compile(r"\b(?:cash|stock|shares|equity|scrip)\s(?:and|or|plus)\s$", re.I)
_MIX_WORD_AFTER = re.compile(r"^\s(?:in\s)?(?:cash|stock|shares|equity|scrip)\b", re.I)
# "The C$6.7 billion cash portion of the deal"; "issue about 18 million shares ... and pay about $750 million in
# cash": the cash part of a price paid partly in shares
_PORTION_AFTER = re.compile(r"^\s(?:cash|stock|share|equity)\s(?:portion|part|component|element)\b", re.I)
_IN_CASH_AFTER = re.compile(r"^\s(?:in\s)?cash\b(?!\s(?:and|or|plus)\s(?:stock|shares|equity|scrip)\b)", re.I)
_ISSUES_SHARES = re.compile(
    r"\bissu(?:e|es|ing)\s(?:about\s|around\s|some\s|roughly\s|nearly\s)?[\d.,]+\s(?:million\s|billion\s)?"
    r"(?:new\s)?(?:\w+\s)?shares\b",
    re.I,
)
# "raised its adjusted earnings outlook for 2010 to a range of 43 to 45 cents a share": results a share
_OUTLOOK_BEFORE = re.compile(
    r"\b(?:earnings|profit|income|EPS)\s(?:[\w-]+\s){0,2}?(?:outlook|forecast|guidance|estimates?|view)\b[^.;$£€]{0,50}$",
    re.I,
)


def part_of_price(amount: Amount, text: str, start: int, end: int) -> Measure | None:
    """The measure of a figure that says how a price is paid or what it is set against; else None."""
    before, after = text[max(0, start - 160) : start], text[end : end + 60]
    if amount.kind == "percent" and (
        _MIX_AFTER.match(after) or (_MIX_WORD_AFTER.match(after) and _MIX_BEFORE_AND.search(before[-40:]))
    ):
        return "context"
    if amount.kind == "percent" and _DISCOUNT_TO_OFFER_AFTER.match(after):
        return "market_move"
    if amount.kind != "money":
        return None
    if _CLOSE_BEFORE.search(before[-40:]) or _TRADING_AT_BEFORE.search(before[-90:]) or _CLOSED_UP.search(before[-80:]):
        return "market_move"
    if _PORTION_AFTER.match(after) or (_IN_CASH_AFTER.match(after) and _ISSUES_SHARES.search(text)):
        return "financing"
    if _OUTLOOK_BEFORE.search(before[-100:]):
        return "profit"
    return None
