"""Speaker lines of wire copy: "NAME, TITLE, FIRM" in capitals, then the quotations that are theirs.

"Instant view", "Factbox" and quote-box pieces name each speaker on a line of capitals and follow it
with one or more quoted paragraphs; a line naming only a firm ("BEAR STEARNS") speaks for the firm. A
line of common words ("GOLDEN SHARE", "HOSTILE, TOPPING BIDS") is a section heading, not a speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.extract import lexicon as lx

# A run of capitalised tokens (tickers in parentheses allowed) ending right before an opening quotation mark.
_TICKER_MARK = r"\([ \t]*[A-Z0-9.]+[ \t]*\)"
_LINE = re.compile(
    rf"(?P<line>[A-Z][A-Z0-9&.'’/-]*(?:(?:,?:?[ \t]+|[ \t]*{_TICKER_MARK}[ \t]*)[A-Z0-9&][A-Z0-9&.'’/-]*)*"
    rf"(?:[ \t]*{_TICKER_MARK})?)[ \t]*(?:[:-][ \t]*)?(?=[“\"][A-Z‘'(\[])"
)
_HINT = re.compile(r"[A-Z]{2}[A-Z.)\s,:-]*[“\"]")
_BOUNDARY = frozenset(".!?”\"'):*•-–—\n")
_TICKER = re.compile(r"\(\s*[A-Z0-9.]+\s*\)|\b[A-Z]{1,5}\.[A-Z]{1,3}\b\.?")
_AT = re.compile(r"\s(?:AT|WITH)\s(?:LAW\sFIRM\s|INVESTMENT\sBANK\s)?")
_IN_PLACE = re.compile(r"\sIN\s[A-Z][A-Z ]+$")
_TITLE_WORDS = frozenset(word.upper() for word in lx.TITLE_HEADS) | frozenset(
    "CO-HEAD HEAD ANALYST STRATEGIST PARTNER CONSULTANT INVESTOR ECONOMIST COUNSEL LEADER SPOKESMAN".split()
)
_SMALL_WORDS = frozenset("of at and the for in on to with de du la le von van co".split())


@dataclass(frozen=True)
class SpeakerLine:
    """A line of capitals naming who speaks the quotations after it."""

    start: int
    end: int
    name: str
    kind: str
    title: str | None
    org: str | None
    name_start: int
    name_end: int


def _hinted(text: str) -> bool:
    """Whether two capitals stand before a quotation mark with only capitals, spaces and ".),:-" between: what
    `_HINT` finds, read back from each mark instead of tried at every place of the text."""
    for mark in ("“", '"'):
        position = text.find(mark)
        while position != -1:
            index, capital_after = position - 1, False
            while index >= 0 and (text[index] in _HINT_MARKS or text[index].isspace()):
                capital = "A" <= text[index] <= "Z"
                if capital and capital_after:
                    return True
                capital_after, index = capital, index - 1
            position = text.find(mark, position + 1)
    return False


_HINT_MARKS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ.),:-")


def speaker_lines(text: str) -> list[SpeakerLine]:
    """Find the speaker lines of a text, in order."""
    if not _hinted(text):
        return []
    words: _Words | None = None
    lines: list[SpeakerLine] = []
    for match in _LINE.finditer(text):
        start = match.start("line")
        if not _opens_line(text, start):
            continue
        if words is None:
            words = _Words(text)
        line = _read(start, match.end(), match.group("line"), words)
        if line is not None:
            lines.append(line)
    return lines


def _opens_line(text: str, start: int) -> bool:
    """A speaker line starts a paragraph or follows the end of a sentence or quotation."""
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in _BOUNDARY


class _Words:
    """How the text writes its words outside capitals: as names ("Morningstar", "LeBrun") or in lower case."""

    def __init__(self, text: str) -> None:
        self.names: dict[str, str] = {}
        self.lower: set[str] = set(lx.TITLE_WORDS) | _SMALL_WORDS
        for word in re.findall(r"\b[A-Za-z][\w'’]*[a-z][\w'’]*\b", text):
            if word[0].isupper():
                self.names.setdefault(word.lower(), word)
            else:
                self.lower.add(word)

    def known(self, word: str) -> bool:
        """Tell whether the text uses the word outside capitals."""
        lower = word.lower()
        return lower in self.names or lower in self.lower

    def shown(self, capitals: str, kind: str) -> str:
        """Capitals as the text writes them: names in initial capitals, titles in lower case, acronyms kept."""
        return " ".join("-".join(self._part(part, kind) for part in word.split("-")) for word in capitals.split())

    def _part(self, part: str, kind: str) -> str:
        lower = part.lower()
        if kind == "person":
            return self.names.get(lower, part.capitalize())
        if kind == "org" and part.title() in lx.ORG_HEADS:
            return part.title()
        if lower in _SMALL_WORDS:
            return lower
        if lower in self.names and not (kind == "title" and lower in self.lower):
            return self.names[lower]
        if part.title() in lx.PLACES:
            return part.title()
        short = len(part) <= (4 if kind == "title" else 3)
        if not re.search(r"[AEIOUY]", part) or "&" in part or (short and lower not in self.lower):
            return part  # an acronym: UBS, HSBC, M&A, EMEA
        return lower if kind == "title" else part.capitalize()


def _read(start: int, end: int, raw: str, words: _Words) -> SpeakerLine | None:
    label = raw.rsplit(":", 1)
    body = label[1] if len(label) == 2 and label[1].strip() else raw.rstrip(" :")
    offset = start + (len(raw) - len(body)) if body is not raw else start
    clean = " ".join(_TICKER.sub(" ", body).split()).strip(" ,:-")
    if len(re.sub(r"[^A-Z]", "", clean)) < 4 or clean.endswith("."):
        return None
    segments = [part.strip() for part in clean.split(",") if part.strip()]
    titled = next((i for i, part in enumerate(segments) if set(re.split(r"[\s/]+", part)) & _TITLE_WORDS), None)
    lead = body.lstrip()
    name_start = offset + (len(body) - len(lead))
    if titled is not None and titled > 0:
        name = " ".join(segments[:titled])
        if not 2 <= len(name.split()) <= 4:
            return None
        title_part = segments[titled]
        org = None
        at = _AT.search(title_part)
        if at:
            title_part, org = title_part[: at.start()], title_part[at.end() :]
        elif titled + 1 < len(segments):
            org = segments[titled + 1]
        if org:
            org = _IN_PLACE.sub("", org)
            org = None if _is_place(org) else org
        name_end = name_start + len(lead.split(",")[0].rstrip())
        return SpeakerLine(
            start,
            end,
            words.shown(name, "person"),
            "person",
            words.shown(title_part, "title"),
            words.shown(org, "org") if org else None,
            name_start,
            name_end,
        )
    if titled is not None or all(words.known(word) for word in re.findall(r"[A-Z][A-Z'&-]+", clean)):
        return None  # a heading of common words, or a title with no name
    tokens = clean.split()
    name_end = name_start + len(lead.rstrip(" :-"))
    if tokens[0].title() in lx.FIRST_NAMES and 2 <= len(tokens) <= 3 and len(segments) == 1:
        return SpeakerLine(start, end, words.shown(clean, "person"), "person", None, None, name_start, name_end)
    return SpeakerLine(start, end, words.shown(clean, "org"), "organization", None, None, name_start, name_end)


def _is_place(name: str) -> bool:
    shown = name.title()
    return shown in lx.PLACES or all(word in lx.PLACES for word in shown.split())
