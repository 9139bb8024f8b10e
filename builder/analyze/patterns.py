"""Cue tables compiled for speed: each pattern with the words a sentence must hold for it to match, so a
sentence runs only the few patterns whose words it has."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class CuePattern:
    """A compiled cue with its meaning, and the words one of which a sentence must hold for it to match."""

    key: str
    weight: float
    pattern: re.Pattern[str]
    needs: tuple[str, ...] | None  # None: the pattern has no fixed word to look for first

    def finds(self, lowered: str) -> bool:
        """Whether the pattern can match a sentence, given the sentence in lower case."""
        return self.needs is None or any(word in lowered for word in self.needs)


def compile_table(table: dict[str, tuple[tuple[str, float], ...]]) -> tuple[CuePattern, ...]:
    """Compile each pattern of a cue table, case-insensitively, with the words it needs."""
    return tuple(
        CuePattern(key, weight, re.compile(pattern, re.I), _needs(pattern))
        for key, cues in table.items()
        for pattern, weight in cues
    )


@dataclass(frozen=True)
class Cue:
    """A word or phrase of a sentence that says what its figures are or how far the deal had gone."""

    key: str
    start: int
    end: int
    weight: float


class CueTable:
    """A cue table indexed by the words its patterns need, so each sentence runs only the patterns whose words
    it holds."""

    def __init__(self, patterns: tuple[CuePattern, ...]) -> None:
        self.patterns = patterns
        self.always = tuple(n for n, cue in enumerate(patterns) if cue.needs is None)
        self.by_word: dict[str, list[int]] = {}
        for n, cue in enumerate(patterns):
            for word in cue.needs or ():
                self.by_word.setdefault(word, []).append(n)
        self.words = tuple(sorted(self.by_word))

    def find(self, text: str) -> list[Cue]:
        """Every cue of the table in a sentence, read as if each run of spaces or line break were one space
        ("Qantas's  share price" in wire copy), at its place in the sentence as written."""
        if not _SPACED.search(text):
            return self._find(text)
        at: list[int] = []  # where each character of the squeezed sentence stands in the sentence as written
        place = 0
        for run in _SPACES.finditer(text):
            at.extend(range(place, run.start() + 1))
            place = run.end()
        at.extend(range(place, len(text) + 1))
        return [Cue(c.key, at[c.start], at[c.end], c.weight) for c in self._find(_SPACES.sub(" ", text))]

    def _find(self, text: str) -> list[Cue]:
        lowered = text.lower()
        chosen = set(self.always)
        for word in self.words:
            if word in lowered:
                chosen.update(self.by_word[word])
        found: list[Cue] = []
        for n in sorted(chosen):
            cue = self.patterns[n]
            found.extend(Cue(cue.key, m.start(), m.end(), cue.weight) for m in cue.pattern.finditer(text))
        return found


_SPACES = re.compile(r"\s+")
# a run of spaces, as wire copy has around tickers and names, or a line break or tab inside a sentence
_SPACED = re.compile(r"\s\s|[^\S ]")


_LEAD = re.compile(r"^(?:\\b|\(\?<[!=](?:[^()]|\([^()]*\))*\)|\^)*")
_LITERAL = re.compile(r"^(?:[a-zA-Z&'’-]|\\s| )+")


def _needs(pattern: str) -> tuple[str, ...] | None:
    """The fixed words that open each alternative of a pattern; None when one opens with no fixed word."""
    body = pattern
    if body.startswith(r"\b(?:") and body.endswith(r")\b"):
        body = body[len(r"\b(?:") : -len(r")\b")]
    needs: list[str] = []
    for alternative in _top_level(body):
        opening = _opening(_LEAD.sub("", alternative))
        if opening is None:
            return None
        needs.extend(opening)
    return tuple(dict.fromkeys(needs))


def _opening(alternative: str) -> list[str] | None:
    """The words one of which an alternative must open with: its literal start, or its first group's."""
    if alternative.startswith("(?:"):
        depth, end = 0, 0
        for position, char in enumerate(alternative):
            depth += char == "("
            depth -= char == ")"
            if depth == 0:
                end = position
                break
        if end + 1 < len(alternative) and alternative[end + 1] in "?*":
            return None  # an optional group opens nothing for sure
        openings: list[str] = []
        for inner in _top_level(alternative[3:end]):
            opening = _opening(_LEAD.sub("", inner))
            if opening is None:
                return None
            openings.extend(opening)
        return openings
    literal = _LITERAL.match(alternative)
    written = literal.group().replace("\\s", " ").lower() if literal else ""
    if literal and literal.end() < len(alternative) and alternative[literal.end()] in "?*{":
        written = written[:-1]  # the last letter is optional: "offers?" needs only "offer"
    return [written] if len(written) >= 3 else None


def _top_level(pattern: str) -> list[str]:
    """A pattern's alternatives at the outermost level."""
    parts, depth, start, escaped = [], 0, 0, False
    for position, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:position])
            start = position + 1
    parts.append(pattern[start:])
    return parts


class Caseless:
    """A case-blind pattern run on the lower-cased text, where Python's engine can skip ahead by the first
    letters it needs; under re.I it tries every alternative at every position. Spans are those of the
    text itself, since lower-casing keeps each character one character (else the pattern runs under re.I).

    The pattern is written in lower case: under re.I its letters match either case anyway.
    """

    def __init__(self, pattern: str) -> None:
        if re.search(r"(?<!\\)[A-Z]", re.sub(r"\\.", "", pattern)):
            raise ValueError(f"a caseless pattern is written in lower case: {pattern[:60]}")
        self.pattern = pattern
        self.needs = _needs(pattern)
        self._exact = re.compile(pattern)
        self._folded = re.compile(pattern, re.I)

    def _on(self, text: str, lowered: str | None) -> tuple[re.Pattern[str], str] | None:
        lowered = text.lower() if lowered is None else lowered
        if self.needs is not None and not any(word in lowered for word in self.needs):
            return None  # none of the words the pattern opens with: no match
        return (self._exact, lowered) if len(lowered) == len(text) else (self._folded, text)

    def search(self, text: str, lowered: str | None = None) -> re.Match[str] | None:
        """The first match; its span is the text's, its groups are in lower case."""
        run = self._on(text, lowered)
        return run[0].search(run[1]) if run else None

    def finditer(self, text: str, lowered: str | None = None) -> Iterator[re.Match[str]]:
        """Every match; spans are the text's, groups are in lower case."""
        run = self._on(text, lowered)
        return run[0].finditer(run[1]) if run else iter(())
