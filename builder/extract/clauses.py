"""Excerpts of a sentence for readers: the whole sentence, or the clauses around a fact, cut with an ellipsis.

An excerpt is the source's own words: apart from the ellipsis that marks a cut, and closing quotation marks
restored when a cut leaves one open, it is a piece of the sentence as written.
"""

from __future__ import annotations

import re

from builder.extract.outlet import dateline_length

ELLIPSIS = "…"
WHOLE_SENTENCE_WORDS = 32  # a sentence this short is shown whole
MIN_CLAUSE_WORDS = 6  # a clause shorter than this takes in its neighbour
MAX_EXCERPT_WORDS = 30  # a clause longer than this is cut to the words around the fact
# Where one clause ends and the next begins: a comma, semicolon or colon (closing marks after it stay with
# the clause before), or a dash between spaces.
_BREAK = re.compile(r"(?P<mark>[,;:])(?P<close>[\"”’')\]]*)\s+|\s+(?:—|–|--|-)\s+|—")
_WORD = re.compile(r"\S+")
_TERMINAL = re.compile(r"[.!?…][\"”’')\]]*$")
_OPEN_CLOSE = {"“": "”", "(": ")"}


def excerpt(text: str, start: int, end: int, most: int = WHOLE_SENTENCE_WORDS) -> str:
    """The sentence if it has at most `most` words; else the clauses that hold text[start:end], cut with an
    ellipsis; a single clause longer than MAX_EXCERPT_WORDS is cut to the words around the fact. A wire
    dateline before the fact ("LONDON (Reuters) - ") is no part of what the sentence says."""
    lead = dateline_length(text)
    if 0 < lead <= start:
        return excerpt(text[lead:], start - lead, end - lead, most)
    if len(text.split()) <= most:
        return text
    clauses = _clauses(text)
    inside = [i for i, (a, b) in enumerate(clauses) if a < max(end, start + 1) and start < b] or [0]
    first, last = inside[0], inside[-1]
    while _words(text, clauses[first][0], clauses[last][1]) < MIN_CLAUSE_WORDS:
        if last + 1 < len(clauses):
            last += 1
        elif first > 0:
            first -= 1
        else:
            break
    left, right = clauses[first][0], clauses[last][1]
    if _words(text, left, right) > MAX_EXCERPT_WORDS:
        left, right = _window(text, left, right, start, end, MAX_EXCERPT_WORDS)
    return cut(text, left, right)


def cut(text: str, left: int, right: int) -> str:
    """text[left:right] with an ellipsis on each side that is cut, and quotation marks it opens closed."""
    piece = text[left:right].strip()
    if right < len(text.rstrip()):
        piece = piece.rstrip(" ,;:–—-") + _closing(piece) + ELLIPSIS
    if left > 0:
        piece = ELLIPSIS + piece.lstrip(" ,;:–—-")
    return piece


def is_whole(text: str) -> bool:
    """Whether a piece of text ends as a sentence or a cut does: a full stop, a question, an ellipsis."""
    return bool(_TERMINAL.search(text.strip()))


def _clauses(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each clause; a clause's end includes the closing marks after its comma."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _BREAK.finditer(text):
        stop = match.start() if match.group("mark") is None else match.start() + 1 + len(match.group("close") or "")
        if text[begin : match.start()].strip():
            spans.append((begin, stop))
        begin = match.end()
    spans.append((begin, len(text)))
    return spans


def _words(text: str, left: int, right: int) -> int:
    return len(text[left:right].split())


def _window(text: str, left: int, right: int, start: int, end: int, most: int) -> tuple[int, int]:
    """The words of text[left:right] around the fact, `most` in all."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, left, right)]
    inside = [i for i, (a, b) in enumerate(words) if a < max(end, start + 1) and start < b] or [0]
    room = max(0, most - (inside[-1] - inside[0] + 1))
    first = max(0, inside[0] - room // 2)
    last = min(len(words) - 1, first + most - 1)
    first = max(0, min(first, last - most + 1))
    return words[first][0], words[last][1]


def _closing(piece: str) -> str:
    """The closing marks of the quotations and brackets a cut piece leaves open."""
    missing = ""
    for opening, closing in _OPEN_CLOSE.items():
        if piece.count(opening) > piece.count(closing):
            missing += closing
    if piece.count('"') % 2:
        missing += '"'
    return missing
