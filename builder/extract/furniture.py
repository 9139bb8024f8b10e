"""Page furniture: the lines of a saved article that are not its sentences.

Saved pages and pasted articles keep section labels ("News", "Featured"), share bars, bylines and
reporting credits, dates on a line of their own and the author's box. They stay in the text, verbatim and
at their offsets, but are marked, so that they are neither numbered as the article's sentences nor read
for facts. Who wrote the article is bylines.py's to say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from builder.extract.dates import MONTHS, WEEKDAYS, find_dates
from builder.extract.sentences import Segment
from builder.model.sources import Sentence

# Labels a page prints above, beside or below an article; matched as the whole line, case aside.
_LABELS = frozenset(
    " ".join(label.split())
    for label in """
    news|featured|feature|advertisement|advert|ad|sponsored|sponsored content|promoted|related|related articles
    |related stories|related content|related coverage|related topics|read more|read next|more|more on this story
    |more from|see also|share|share this|share this article|share this story|share article|comments|comment
    |subscribe|sign up|newsletter|about the author|about the authors|about the writer|author|authors
    |most read|most popular|popular|trending|top stories|latest|latest news|editor's picks|editors' picks
    |recommended|recommended for you|you may also like|you might also like|follow us|skip to content
    |skip to main content|listen|listen to this article|print|email|topics|tags|analysis|opinion|exclusive
    |breaking|breaking news|live|updated|advertisement - scroll to continue|story continues below
    |continue reading|back to top|image|photo|video|watch|getty images|don't miss|must read|see more
    """.split("|")
)
_AUTHOR_BOX = frozenset({"about the author", "about the authors", "about the writer"})
# Words of a share bar: the networks and the verbs around them.
_SHARE_WORDS = frozenset(
    """
    share shares facebook twitter x linkedin email e-mail mail whatsapp reddit pinterest print copy link
    tweet messenger telegram flipboard pocket save bookmark comments comment threads bluesky mastodon url
    this article story on via
    """.split()
)
_NETWORKS = frozenset("facebook twitter linkedin whatsapp reddit pinterest telegram flipboard bluesky".split())
# Words that may stand beside a date on its own line ("Published 25 July 2024, 10:15 BST").
_DATE_WORDS = frozenset(
    """
    date dated published posted updated last modified first on at am pm a.m p.m gmt bst utc et edt est pt
    pdt pst cet cest ist jst aest time
    """.split()
)
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|der|del|la|le|bin|al))*"
_BYLINE = re.compile(
    rf"^(?i:by|written by|words by|story by|reported by)\s+(?P<name>{_NAME})"
    rf"(?:\s*(?:,|and|&)\s*{_NAME})*(?:\s*[,|·–—-]\s*[^.!?]*)?$"
)
_CREDITS = re.compile(
    r"^\(?\s*(?P<lead>additional\s+)?(?:reporting|writing|editing|compiled|produced|research|graphics)"
    r"(?:\s+and\s+\w+)?\s+by\b[^()]*\)?\.?$",
    re.I,
)
_TOKEN = re.compile(r"\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?|[\w'’.@-]+", re.I)
_LETTER = re.compile(r"[^\W_]")
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?$", re.I)
# What each kind of furniture is called where a reader or an analyst is told of it.
FURNITURE_NAMES = {
    "label": "a section label",
    "share": "a share bar",
    "byline": "the byline",
    "credits": "the reporting credits",
    "date": "a date on a line of its own",
    "author": "the author's box",
}
_MAX_LABEL_WORDS = 6
_MAX_BYLINE_WORDS = 14
_MAX_DATE_LINE_WORDS = 12
_MAX_BIO_PARAGRAPHS = 3
_BYLINE_PARAGRAPHS = 4  # a byline stands among the first lines of an article, or its last


@dataclass(frozen=True)
class Furniture:
    """What each segment of a text is when it is not a sentence."""

    kinds: tuple[str | None, ...]


def not_a_sentence(sentence: Sentence) -> str | None:
    """Why a citation of page furniture is refused; None for a sentence of the article."""
    if not sentence.furniture:
        return None
    kind = FURNITURE_NAMES.get(sentence.furniture, "page furniture")
    return (
        f"cites {sentence.id!r}, which is {kind} ({sentence.text!r}), not a sentence of the article: "
        "cite a sentence that states it"
    )


def find_furniture(text: str, segments: Sequence[Segment]) -> Furniture:
    """Mark the segments that are page furniture; None marks a sentence of the article."""
    sizes: dict[int, int] = {}
    for segment in segments:
        sizes[segment.paragraph] = sizes.get(segment.paragraph, 0) + 1
    kinds: list[str | None] = []
    bio_paragraphs: set[int] = set()
    previous_paragraph = -1
    last_paragraph = segments[-1].paragraph if segments else 0
    for segment in segments:
        line = text[segment.start : segment.end].strip()
        first = segment.paragraph != previous_paragraph
        previous_paragraph = segment.paragraph
        kind = _kind(line, alone=sizes[segment.paragraph] == 1, first=first)
        if kind == "byline" and _BYLINE_PARAGRAPHS <= segment.paragraph < last_paragraph - 1:
            kind = None  # "by" opening a line mid-article continues the line before it
        if segment.paragraph in bio_paragraphs and kind is None:
            kind = "author"
        elif kind == "label" and _normal(line) in _AUTHOR_BOX:
            bio_paragraphs = set(range(segment.paragraph + 1, segment.paragraph + 1 + _MAX_BIO_PARAGRAPHS))
        elif kind not in (None, "date", "byline", "credits"):
            bio_paragraphs = set()
        kinds.append(kind)
    return Furniture(tuple(kinds))


def _kind(line: str, alone: bool, first: bool) -> str | None:
    """The kind of furniture a line is, or None for a sentence."""
    if not _LETTER.search(line):
        return "label" if alone else None
    words = _TOKEN.findall(line.lower()) if alone or first else []
    if (alone or first) and _is_date_line(line, words):
        return "date"
    if _CREDITS.match(line) and (line.startswith("(") or (alone and not line.endswith((".", "!", "?")))):
        return "credits"
    if not alone:
        return None
    if len(words) <= _MAX_LABEL_WORDS and _normal(line) in _LABELS:
        return "label"
    if all(word in _SHARE_WORDS for word in words) and (set(words) & _NETWORKS or words[0] == "share"):
        return "share"
    if len(words) <= _MAX_BYLINE_WORDS and _name(_BYLINE, line):
        return "byline"
    return None


def _name(pattern: re.Pattern[str], line: str) -> str | None:
    """The person a byline names: two to five words, not a date ("By Monday" is no byline)."""
    match = pattern.match(line)
    if not match:
        return None
    words = match.group("name").rstrip(".").split()
    while words and words[-1].lower() in ("in", "at", "and"):
        words.pop()
    if not 2 <= len(words) <= 5 or words[0].lower() in MONTHS or words[0].lower() in WEEKDAYS:
        return None
    return " ".join(words)


def _normal(line: str) -> str:
    return " ".join(line.lower().replace("’", "'").strip(" :.|-–—•·").split())


def _is_date_line(line: str, words: list[str]) -> bool:
    """A line that only dates the page: a date with at most a label, a time and a zone beside it."""
    if len(words) > _MAX_DATE_LINE_WORDS:
        return False
    found = [f for f in find_dates(line) if f.expression is None and f.value]
    if not found:
        return False
    rest = line
    for item in sorted(found, key=lambda f: -f.start):
        rest = rest[: item.start] + " " + rest[item.end :]
    leftover = [w for w in _TOKEN.findall(rest.lower()) if w.strip(".:") not in _DATE_WORDS and not _TIME.match(w)]
    return not leftover
