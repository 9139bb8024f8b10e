"""Find the quotation marks of a text and pair them: double, single and unmarked block quotations.

Also tell the quotation marks that are not speech: titles of films and products, and scare quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.extract import lexicon as lx

# An opening single mark at the start or after a space or bracket. The mark comes first in the pattern, so the
# engine looks only where a mark is; the lookbehinds then check what stands before it.
_SINGLE_OPEN = re.compile(r"[‘'](?:(?<=^[‘'])|(?<=[\s(\[—–][‘']))(?=[A-Za-z0-9£$€])")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?%])[’'](?=$|[\s.,;:!?)\]—–-])")
_LETTER = re.compile(r"[A-Za-z]")
_MAX_SINGLE_WORDS = 30
# Double marks, and two single marks written for one ("“It was an attempt to mislead voters,’’ Moy said").
_MARKS = re.compile(r"[“”\"]")
_MARKS_WITH_DOUBLED = re.compile(r"(?=[“”\"’'‘])(?:[“”\"]|’’|''|‘‘)")  # for a text that has a doubled one
_BLOCK_WORDS = 12
_LIST_ITEM = re.compile(r"[-*•–—]|\d+[.)]\s|\(?[a-z][.)]\s")
_VERB_WORDS = frozenset(lx.SPEECH_VERBS)
_TITLE_WORDS = 5
_TITLE_BEFORE = re.compile(r"(?:['’]s|\bon|\bin)\s$")
_SCARE_WORDS = 2
_TERM_WORDS = 4
_NOUN_AFTER = re.compile(r"\s[a-z]")
_MINOR_WORDS = frozenset("of the and a an in on for to at & de du la von".split())
# Nouns of words written rather than said, and the links between such a noun and the words it shows.
_WRITTEN_NOUNS = frozenset(
    """slogan slogans tagline taglines motto mottos mottoes hashtag hashtags sayings sign signs banner banners
    placard placards poster posters""".split()
)
_WRITTEN_LINKS = frozenset("as reading read saying said of".split())
_ENDS_CLAUSE = re.compile(r"[.!?,:;…—–)-]\s*$")
_POINTED_AT = re.compile(r"\b(?:this|that|these|those)\s$", re.I)
# Words that name the quotation after them as a term: "a process known as "marking to market"", "so-called".
_NAMED_AS = re.compile(
    r"\b(?:known\s+as|referred\s+to\s+as|so-called|dubbed|termed|(?:is|are|was|were|been|be)\s+called)\s$", re.I
)
# Where a quotation whose closing mark is missing ends: at the comma before a short attribution and its verb.
_UNCLOSED_END = re.compile(r"[,!?](?=\s(?:[A-Z][\w.'’-]*\s){1,5}(?:said|says|told|added|wrote|noted)\b)")


@dataclass
class QuoteSpan:
    """The place of one quotation: its marks and its words."""

    open: int
    close: int
    inner_start: int
    inner_end: int
    paragraph: int
    single: bool = False
    block: bool = False


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Pair quotation marks paragraph by paragraph; a quote left open continues in the next paragraph."""
    spans: list[QuoteSpan] = []
    carried: tuple[int, int] | None = None  # (open mark, paragraph) of a quote left open
    doubled = "’’" in text or "''" in text or "‘‘" in text
    marks = _MARKS_WITH_DOUBLED if doubled else _MARKS
    for number, (p_start, p_end) in enumerate(paragraphs):
        paragraph = text[p_start:p_end]
        open_at: int | None = None
        opened_in = number
        if carried is not None:
            if paragraph[:1] in '“"':
                open_at, opened_in = carried
                paragraph_offset = 1
            else:
                previous_end = paragraphs[number - 1][1]
                spans.append(_span(text, carried[0], previous_end, carried[1]))
                paragraph_offset = 0
            carried = None
        else:
            paragraph_offset = 0
        for mark in marks.finditer(text, p_start + paragraph_offset, p_end):
            position = mark.start()
            shape = _shape(text, position, p_start, p_end)
            if open_at is None:
                if shape == "open" or _loose_opening(text, position, p_end):
                    open_at, opened_in = position, number
            elif position == open_at + 1 and text[position] == text[open_at]:
                open_at = position  # a doubled opening mark, a typing slip: ""unfair"
            elif shape == "close":
                spans.append(_span(text, open_at, mark.end() - 1, opened_in))  # a mark's last character closes
                open_at = None
            elif shape == "open" and position > open_at + 1:
                # A new quotation opens before the last one closed: paragraphs run together in the text, or
                # the first mark was a stray one ("The latest change is a "transparent attempt ...").
                if _ENDS_CLAUSE.search(text, open_at, position):
                    spans.append(_span(text, open_at, position, opened_in))
                else:
                    unclosed = _UNCLOSED_END.search(text, open_at, position)
                    if unclosed:  # the closing mark is missing before "..., Seymour Pierce's Andrew Wade said."
                        spans.append(_span(text, open_at, unclosed.start() + 1, opened_in))
                open_at, opened_in = position, number
        if open_at is not None:
            carried = (open_at, opened_in)
    if carried is not None:
        spans.append(_span(text, carried[0], paragraphs[-1][1], carried[1]))
    spans = [span for span in spans if _LETTER.search(text, span.inner_start, span.inner_end)]
    spans.extend(_single_quote_spans(text, paragraphs, spans))
    spans.extend(_block_quotes(text, paragraphs))
    spans.sort(key=lambda span: span.open)
    return spans


def _loose_opening(text: str, position: int, end: int) -> bool:
    """A straight mark with a space on both sides, when no quote is open and a mark closes after it in the
    paragraph, opens a quote: 'he told Cook. " You guys have done a good job."'."""
    return (
        text[position] == '"'
        and text[position - 1 : position].isspace()
        and text[position + 1 : position + 2] == " "
        and text.find('"', position + 1, end) != -1
    )


def _block_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """A paragraph quoted without marks after one that introduces it ("The company explains in a blog post:")."""
    found: list[QuoteSpan] = []
    for number in range(1, len(paragraphs)):
        (intro_start, intro_end), (start, end) = paragraphs[number - 1], paragraphs[number]
        if (
            text[intro_end - 1] != ":"
            or _MARKS.search(text, start, end)
            or len(text[start:end].split()) < _BLOCK_WORDS
            or _LIST_ITEM.match(text, start)
        ):
            continue  # no introduction, quotation marks of its own, too short, or an item of a list
        intro = text[max(intro_start, intro_end - 160) : intro_end].lower().split()
        if _VERB_WORDS.intersection(intro):
            found.append(QuoteSpan(start - 1, end, start, end, number, block=True))
    return found


def _shape(text: str, position: int, start: int, end: int) -> str:
    """Tell an opening quotation mark from a closing one: by its glyph, or for '"' by what stands around it."""
    char = text[position]
    if char == "“" or text.startswith("‘‘", position):
        return "open"
    if char == "”" or text.startswith("’’", position):
        return "close"
    before = text[position - 1] if position > start else " "
    after = text[position + 1] if position + 1 < end else " "
    if (before.isspace() or before in "([—–-/") and not after.isspace():
        return "open"
    if not before.isspace():
        return "close"
    return "open" if not after.isspace() else "close"


def _span(text: str, open_mark: int, close_mark: int, paragraph: int) -> QuoteSpan:
    inner_start = open_mark + (2 if text.startswith(("‘‘", "''"), open_mark) else 1)
    inner_end = close_mark - 1 if text[close_mark - 1 : close_mark + 1] in ("’’", "''") else close_mark
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1] in " \n\t,":
        inner_end -= 1
    return QuoteSpan(open_mark, close_mark, inner_start, inner_end, paragraph)


def _single_quote_spans(text: str, paragraphs: list[tuple[int, int]], doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """Pair single quotation marks that are not apostrophes, outside double-quoted passages."""
    found: list[QuoteSpan] = []
    for number, (p_start, p_end) in enumerate(paragraphs):
        for opening in _SINGLE_OPEN.finditer(text, p_start, p_end):
            start = opening.start()
            if any(d.open <= start <= d.close for d in doubles) or any(f.open <= start <= f.close for f in found):
                continue
            closing = _SINGLE_CLOSE.search(text, start + 2, min(p_end, start + 240))
            if closing is None:
                continue
            inner = text[start + 1 : closing.start()]
            if len(inner.split()) > _MAX_SINGLE_WORDS or not _LETTER.search(inner):
                continue
            span = _span(text, start, closing.start(), number)
            span.single = True
            found.append(span)
    return found


def not_speech(text: str, span: QuoteSpan, partial: bool, attributed: bool, in_headline: bool) -> bool:
    """Tell quotation marks that carry no one's words.

    A title ("Star Wars", "Trading Nation") in a sentence that does not quote it; a term or scare quote that
    no one is said to have said, of one or two words ("phase one", "skinny") or naming a thing ("entertainment
    and leisure" robots); a headline's claim in quotation marks with no one named ("Deutsche Boerse set to
    'woo' LSE").
    """
    words = text[span.inner_start : span.inner_end].split()
    if not words or _names_written_words(text, span.open):
        return True
    named = partial or not attributed or _TITLE_BEFORE.search(text, max(0, span.open - 12), span.open)
    if named and len(words) <= _TITLE_WORDS and _title_case(words):
        return True
    if partial and not attributed and len(words) <= _SCARE_WORDS:
        return True
    if span.single and len(words) <= _SCARE_WORDS and _POINTED_AT.search(text, max(0, span.open - 8), span.open):
        return True  # a term named before and pointed back at: "claims that this 'put' is still valid"
    if partial and not attributed and len(words) <= _TERM_WORDS and _NOUN_AFTER.match(text, span.close + 1):
        return True  # a term used as a name for a thing: "entertainment and leisure" robots
    if not attributed and len(words) <= _TERM_WORDS and _NAMED_AS.search(text, max(0, span.open - 24), span.open):
        return True  # a term the sentence names: "a practice known as "buying the dip.""
    return in_headline and not attributed


def _names_written_words(text: str, open_mark: int) -> bool:
    """Whether the words before a quotation name it as written, not said: "the slogan", "signs reading"."""
    before = [word.strip(",:(") for word in text[max(0, open_mark - 40) : open_mark].lower().split()[-4:]]
    if not before:
        return False
    if before[-1] in _WRITTEN_NOUNS:
        return True  # "with the slogan "Meth, we're on it.""
    return before[-1] in _WRITTEN_LINKS and bool(_WRITTEN_NOUNS.intersection(before[:-1]))  # "signs reading"


def _title_case(words: list[str]) -> bool:
    letters = [word.strip("\"'‘’“”.,;:!?()") for word in words]
    return letters[0][:1].isupper() and all(
        word[:1].isupper() or word[:1].isdigit() or word.lower() in _MINOR_WORDS for word in letters if word
    )
