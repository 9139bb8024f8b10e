"""Split a source's text into paragraphs and sentences with character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that end with a full stop without ending the sentence when a name or a number follows.
_TITLE_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st messrs mme mlle sen rep gov gen col capt lt sgt rev hon fr pres supt
    insp cllr det
    """.split()
)
# Abbreviations that often end a sentence too ("... bought by Acme Inc. The deal ..."): they end one
# only when the next word is a usual sentence opener.
_AMBIGUOUS_ABBREVIATIONS = frozenset(
    """
    inc corp co ltd plc llc llp bros cos etc vs approx est dept univ assn ave jan feb mar apr jun jul
    aug sep sept oct nov dec no nos vol pp fig mt ft a.m p.m e.g i.e u.s u.k u.n e.u
    """.split()
)
# Words that open sentences, so that a capitalised one after an ambiguous abbreviation starts a new one.
SENTENCE_OPENERS = frozenset(
    """
    the a an it its he she they we i you this that these those there here his her their our my your in
    on at for but and or so yet if when while after before as since although though because however
    meanwhile instead also still now then today yesterday last next shares analysts officials critics
    investors some many most several both each all other others such no not one two three what which
    who whom whose where why how mr mrs ms dr sir
    """.split()
)

_DATELINE = re.compile(r"\s*(?:(?:date|dated|published|updated)\s*:?\s*)?\d{4}-\d{2}-\d{2}\b", re.I)
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]{0,2}\s?[A-Z0-9£$€¥])")
_NEXT_WORD = re.compile(r"\s+[\"“‘'(\[]?([A-Za-z]+)")
_OPEN_COMMA = re.compile(r",[\"”’']?\s*$")
_TERMINAL = re.compile(r"[.!?…:;\"”’')\]]\s*$")
# A row of a Markdown table is one sentence; the row under its header (|---|---|) is none.
_TABLE_ROW = re.compile(r"\|.*\|")
_TABLE_RULE = re.compile(r"\|(?:\s*:?-+:?\s*\|)+")


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence or a paragraph as a span of the text."""

    start: int
    end: int
    paragraph: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) spans of the paragraphs: lines, with soft-wrapped lines joined.

    Wire copy sometimes wraps a sentence over lines with blank lines between them; a line that starts in
    lower case after one with no closing punctuation continues it, blank lines or not.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    current: tuple[int, int] | None = None
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        line_start, line_end = pos, pos + len(body)
        pos += len(line)
        if not stripped:
            continue  # a blank line ends the paragraph unless the next line plainly continues its sentence
        lead = len(body) - len(body.lstrip())
        trail = len(body) - len(body.rstrip())
        span = (line_start + lead, line_end - trail)
        if current is not None and _is_soft_wrap(text[current[0] : current[1]], stripped):
            current = (current[0], span[1])
            continue
        if current:
            spans.append(current)
        current = span
    if current:
        spans.append(current)
    return spans


def _is_soft_wrap(previous: str, line: str) -> bool:
    """Tell whether a line continues the previous one (a hard-wrapped paragraph).

    It does when the previous line stops without closing punctuation and this one starts in lower case or
    with a figure ("... a seller in" then "'03 at half price"), or
    when the previous line stops at a comma (`... a break fee,"` then `Qantas said in a statement.`).
    """
    if _TABLE_ROW.fullmatch(previous.rstrip()) or _TABLE_ROW.fullmatch(line):
        return False  # a table row never continues a paragraph, nor is continued
    continues = line[:1].islower() or line[:1].isdigit() or (line[:1] in "'’" and line[1:2].isdigit())
    return (not _TERMINAL.search(previous) and continues) or bool(_OPEN_COMMA.search(previous))


def split_sentences(text: str) -> list[Segment]:
    """Split text into sentences; every segment is trimmed and lies inside one paragraph."""
    segments: list[Segment] = []
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        for start, end in _sentences_in(text, p_start, p_end):
            segments.append(Segment(start, end, number))
    return segments


def _sentences_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    paragraph = text[start:end]
    if _TABLE_RULE.fullmatch(paragraph):
        return []
    if _TABLE_ROW.fullmatch(paragraph):
        return [(start, end)]
    cuts: list[int] = []
    dateline = _DATELINE.match(paragraph)
    if dateline and dateline.end() < len(paragraph) and paragraph[dateline.end()].isspace():
        cuts.append(dateline.end())
    for match in _BOUNDARY.finditer(paragraph):
        if _ends_sentence(paragraph, match.start(), match.end()):
            cuts.append(match.end())
    spans: list[tuple[int, int]] = []
    previous = 0
    for cut in [*cuts, len(paragraph)]:
        piece = paragraph[previous:cut]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if piece.strip():
            spans.append((start + previous + lead, start + cut - trail))
        previous = cut
    return spans


def _ends_sentence(paragraph: str, stop: int, after: int) -> bool:
    """Decide whether the punctuation at paragraph[stop:after] closes a sentence."""
    if paragraph[stop] != ".":
        return True
    if after - stop > 1 and paragraph[stop + 1] == ".":
        return _next_word(paragraph, after)[:1].isupper()
    tokens = paragraph[max(0, stop - 24) : stop + 1].split()
    word = tokens[-1].lstrip("\"“‘'([").lower().rstrip(".") if tokens else ""
    if not word:
        return True
    if word in _TITLE_ABBREVIATIONS:
        return False
    following = _next_word(paragraph, after)
    if len(word) == 1 and word.isalpha():
        # An initial ("John F. Kennedy") unless the next word plainly opens a sentence.
        return following.lower() in SENTENCE_OPENERS
    if word in _AMBIGUOUS_ABBREVIATIONS or ("." in word and len(word) <= 6 and word.replace(".", "").isalpha()):
        return following.lower() in SENTENCE_OPENERS
    return True


def _next_word(paragraph: str, after: int) -> str:
    match = _NEXT_WORD.match(paragraph, after)
    return match.group(1) if match else ""
