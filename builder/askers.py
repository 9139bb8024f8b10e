"""Who a question is put to, and what of their words it repeats: "the analysts", "a BAE spokesman", a quote
cut at a clause."""

from __future__ import annotations

import re

from builder.extract.clauses import cut
from builder.extract.lexicon import SENTENCE_COMMON

QUOTE_WORDS = 16  # a quote a question repeats is cut, at a clause, to about this many words
_QUANTIFIERS = frozenset(
    "the this that these those one a an some many several other most two three few certain unnamed".split()
)
_SINGULAR_LEADS = frozenset("one a an".split())
_FRAMES = re.compile(r"^(?:it\s|is\s|are\s|reportedly|reports?\b|rumou?rs?)", re.I)
_DETERMINERS = frozenset("a an the one some many several its his her their".split())


def descriptor(who: str) -> tuple[str, bool]:
    """The unnamed people a claim is put to, as "the …" takes them, and whether they are many; "" for a frame
    ("it is understood") that names nobody."""
    words = who.split()
    if words[:1] and words[0].lower() == "according" and words[1:2] == ["to"]:
        words = words[2:]
    if not words or _FRAMES.match(" ".join(words)):
        return "", False
    single = words[0].lower() in _SINGULAR_LEADS
    while words and words[0].lower() in _QUANTIFIERS:
        words = words[1:]
    if not words:
        return "", False
    words[0] = words[0] if words[0][1:].lower() != words[0][1:] or words[0].isupper() else words[0].lower()
    head = words[0] if len(words) == 1 else (words[1] if words[0] in ("industry", "city", "market") else words[0])
    plural = not single and ((head.endswith("s") and not head.endswith("ss")) or head == "people")
    return " ".join(words), plural


def short_quote(text: str) -> str:
    """A quote cut at a clause to about QUOTE_WORDS words, with an ellipsis where it is cut."""
    text = " ".join(text.split())
    if len(text.split()) <= QUOTE_WORDS:
        return text
    stop = len(" ".join(text.split()[:QUOTE_WORDS]))
    breaks = [m.start() for m in re.finditer(r"[,;:—–]", text[:stop])]
    return cut(text, 0, breaks[-1] if breaks else stop)


def lower_determiner(who: str) -> str:
    """ "A BAE spokesman" as it stands inside a question: "a BAE spokesman"; names keep their capitals."""
    first, _, rest = who.partition(" ")
    common = first.lower() in _DETERMINERS or first.lower() in SENTENCE_COMMON
    return f"{first.lower()} {rest}".strip() if common and (len(first) == 1 or first[1:].islower()) else who


def plural_who(who: str) -> bool:
    """Whether the people a question is put to are many: "the airlines", "the two", "Acme and Widget"; the
    words before "for" or "of" say it ("a spokeswoman for Sharyland Utilities" is one)."""
    head = _OF_WHOM.split(who, maxsplit=1)[0]
    words = head.split()
    if words[:1] and words[0].lower() in _SINGULAR_LEADS:
        return False
    return (
        " and " in f" {head} "
        or (len(words) > 1 and words[-1].endswith("s") and not words[-1].endswith("ss"))
        or (len(words) > 1 and words[-1].lower() in _MANY)  # "the two", "all three"
    )


_OF_WHOM = re.compile(r"\s(?:for|of|at|from|with|in)\s")


_MANY = frozenset("two three four five both all several many".split())
