"""The outlet an article names itself by in its text: a wire dateline, or the name it speaks as."""

from __future__ import annotations

import re

_HEAD = 600  # a dateline stands at the top of the text
# "PARIS (Reuters) - …", "(AP) — …"
_DATELINE = re.compile(
    r"(?:^|\n)(?P<place>[^\n(.!?\"“]{0,80})\((?P<outlet>[A-Z][A-Za-z.&' ]{0,28}[A-Za-z.])\)\s[-–—]\s"
)
_DATELINE_AT = re.compile(
    r"(?P<place>[^\n(.!?\"“]{0,80})\((?P<outlet>[A-Z][A-Za-z.&' ]{0,28}[A-Za-z.])\)\s{1,3}[-–—]+\s*"
)
_SLUG = re.compile(r"[^a-z0-9]+")
# An outlet speaking of itself: "Newsng understands …", "Newsng has learned …".
_SPEAKS_AS = re.compile(
    r"\b(?P<name>[A-Z][\w]*) (?:understands|has learned|has learnt|can reveal|can confirm|has seen|"
    r"has been told|reported earlier|earlier reported|revealed)\b"
)


def outlet_named(text: str, source_id: str) -> str | None:
    """The outlet a text names itself by: a wire dateline ("(Reuters) -"), or a name in the text that is the
    source's own id ("Newsng understands …" in newsng.md); None when it names none."""
    for dateline in _DATELINE.finditer(text[:_HEAD]):
        if _is_place(dateline["place"].split()):
            return dateline.group("outlet")
    key = _SLUG.sub("", source_id.lower())
    if len(key) < 4 or not any(c.isalpha() for c in key):
        return None
    for match in _SPEAKS_AS.finditer(text):
        if _SLUG.sub("", match.group("name").lower()) == key:
            return match.group("name")
    return None


def dateline_length(text: str) -> int:
    """How many characters of a text its opening wire dateline takes ("ROME (Reuters) - "), or 0: the place
    never speaks, and is no part of what the sentence says."""
    if ") " not in text[:120]:
        return 0
    match = _DATELINE_AT.match(text)
    return match.end() if match and _is_place(match["place"].split()) else 0


def without_dateline(sentence: str) -> str:
    """A sentence without the wire dateline it opens with, to be read as prose."""
    return sentence[dateline_length(sentence) :].strip() or sentence


def _is_place(words: list[str]) -> bool:
    """A dateline's place: nothing, or a place in capitals ("PARIS", "LANSING, Michigan, Jan 5"), after any
    byline ("By Jane Doe LONDON")."""
    if not words:
        return True
    capitals = any(len(word.strip(",.")) >= 2 and word.strip(",.").isupper() for word in words)
    return capitals and all(word[:1].isupper() or word[:1].isdigit() or word in ("and", "by") for word in words)
