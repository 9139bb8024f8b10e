"""Cue tables compiled for speed: each pattern with the words a sentence must hold for it to match, so a
sentence runs only the few patterns whose words it has."""

from __future__ import annotations

import re
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
