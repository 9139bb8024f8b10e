"""Whether the words before a figure make it a market move: a movement verb just before it, with shares, an
index or a traded good named as what moved, not revenue or profit."""

from __future__ import annotations

import re

from builder.analyze.cues import MARKET_ONLY_MOVES, MOVES

_SHARE_WORDS = re.compile(
    r"(?<!market\s)\b(?:shares?|stocks?|index|indices|traded|trading|bonds?|yields?|crude|oil|gold|copper|aluminium|"
    r"aluminum|Dow|Nasdaq|S&P|FTSE|DAX|Nikkei|Brent|futures)\b|\(\s?[A-Z]{2,5}\.[A-Z]{1,2}\s?\)",
    re.I,
)
_PER_SHARE_WORDS = re.compile(r"\b(?:a|per|each)\s(?:\w+\s)?share\b", re.I)
_RESULTS = re.compile(
    r"\b(?:revenues?|sales|profits?|earnings|income|turnover|prices|dividends?|output|M&A|volumes?|shipments|"
    r"deliveries|orders|production|guidance|outlook)\b",
    re.I,
)
# "rose 4.5% to", "rose 4.5% by 0900 GMT to 6.2 euros", "up 6%, or 16.75 pence, to 293.5p": a move, then the level
_MOVE_TO = re.compile(
    r"\w+\s(?:\S+\s){0,2}(?:percent|%|points?|\S*\d%),?\s(?:or\s\S+\s(?:pence|cents?|points?)?,?\s?)?"
    r"(?:(?:by|at)\s\d{4}\s(?:GMT|BST|CET|EST)\s)?(?:to|at)\s(?:\S+\s){0,4}$",
    re.I,
)
MOVE_REACH = 5  # a movement verb this many words before a figure, with shares named, makes it a market move
# "has built up a stake of 14 percent", "snapped up shares": "up" of a verb that gathers, not of a price that rose
_PHRASAL_UP = re.compile(
    r"\b(?:buil[dt]s?|building|snap(?:s|ped|ping)?|pick(?:s|ed|ing)?|ramp(?:s|ed|ing)?|mop(?:s|ped|ping)?|"
    r"buy(?:s|ing)?|bought|sets?|setting|tak(?:e|es|en|ing)|took|shor(?:e|ed|ing))\sup$",
    re.I,
)


def moves_market(before: str) -> float:
    """How surely the words before a figure make it a market move: a movement verb just before it ("up 2.4%",
    "fell 3.7% to $5.17"), surer when shares, an index or a traded good moved, not revenue or profit."""
    words = before.split()
    near = " ".join(words[-MOVE_REACH:])
    wider = " ".join(words[-MOVE_REACH - 1 :])  # near and the word before it, to read "built up"
    if _MOVE_TO.search(before[-40:]):
        near = wider = before[-40:]
    offset = len(wider) - len(near)
    verbs = [v for v in MOVES.finditer(near) if not _PHRASAL_UP.search(wider, 0, offset + v.end())]
    verbs = verbs or list(MARKET_ONLY_MOVES.finditer(near))
    if not verbs:
        return 0.0
    verb = verbs[-1]
    at = len(before) - len(near) + verb.start()
    mover = _per_share_words(before[max(0, at - 90) : at])
    if _RESULTS.search(mover[-40:]):
        return 0.0  # "revenue rose 5 percent": results, not the market
    if _SHARE_WORDS.search(mover):
        return 1.5
    return 0.4 if MOVES.match(verb.group()) else 0.0


def _per_share_words(text: str) -> str:
    """Text with "a share" and "per diluted share" taken out: a price's unit, not the shares that moved."""
    return _PER_SHARE_WORDS.sub(" ", text)
