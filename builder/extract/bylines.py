"""Who wrote an article and who helped: bylines ("By Jane Doe"), wire credits ("(Reporting by Jane Doe;
Editing by John Roe)"), "About the Author" notes and "contributed reporting" lines.

The first reporter, writer or compiler of a credit, the name of a byline, or the author an "About the Author"
note names is the article's author. Every name in these lines belongs to the newsroom, not to the deal:
the people extractor leaves them out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = r"[A-Z][\w'’.-]*(?:[ \t]{1,2}[A-Z][\w'’.-]*){1,3}"
# A parenthesised wire credit, or one at the end of the text without its closing parenthesis.
_CREDIT = re.compile(
    r"\(\s*(?:(?:Additional\s)?(?:[Rr]eporting|[Ww]riting|[Ww]ritten|[Cc]ompiled|[Ee]diting|[Ee]dited|[Cc]ontributing)"
    r"[^()]{0,400}?)(?:\)|$)"
)
_ROLE = re.compile(
    r"^\s*(?P<extra>[Aa]dditional\s)?(?P<role>reporting|writing|written|compiled|editing|edited|contributing)"
    r"(?:\sreporting)?\s(?:by\s)?",
    re.I,
)
_AUTHOR_ROLES = frozenset({"reporting", "writing", "written", "compiled"})
_NAMES = re.compile(_NAME)
_BYLINE = re.compile(rf"^\s*[Bb][Yy]\s(?P<name>{_NAME})\s*(?:$|[,|–—-])", re.M)
_ABOUT = re.compile(rf"About\sthe\sAuthor\s*:?\s*(?P<name>{_NAME})")
_CONTRIBUTED = re.compile(rf"(?P<names>{_NAME}(?:(?:,\s|\sand\s){_NAME})*)\scontributed\s(?:reporting|to\sthis)")
_BYLINE_AREA = 400
_NOT_PLACES = frozenset({"in", "from"})


@dataclass(frozen=True)
class Credits:
    """The article's author and the places of every newsroom credit in its text."""

    author: str | None
    spans: tuple[tuple[int, int], ...]


def credits(text: str) -> Credits:
    """Find the author and the credit lines of a text."""
    author: str | None = None
    spans: list[tuple[int, int]] = []
    byline = _BYLINE.search(text, 0, _BYLINE_AREA)
    if byline is not None:
        author = _clean(byline.group("name"))
        spans.append((byline.start("name"), byline.end("name")))
    about = _ABOUT.search(text) if "About the Author" in text else None
    if about is not None:
        author = author or _clean(about.group("name"))
        spans.append((about.start(), about.end()))
    if "eporting" in text or "diting" in text or "ompiled" in text or "riting" in text:
        for credit in _CREDIT.finditer(text):
            spans.append((credit.start(), credit.end()))
            author = author or _credited_author(credit.group())
    if "contributed" in text:
        spans.extend((m.start(), m.end()) for m in _CONTRIBUTED.finditer(text))
    return Credits(author, tuple(spans))


def _credited_author(credit: str) -> str | None:
    """The first reporter, writer or compiler a wire credit names, unless only helpers are credited."""
    for part in re.split(r";|\s/\s", credit.strip("() \n")):
        role = _ROLE.match(part)
        if role is None or role.group("extra") or role.group("role").lower() not in _AUTHOR_ROLES:
            continue
        name = _NAMES.search(part, role.end())
        if name is not None:
            return _clean(name.group())
    return None


def _clean(name: str) -> str:
    words = name.split()
    while words and words[-1].lower() in _NOT_PLACES:
        words.pop()
    return " ".join(words)
