"""Deal terms the sources state in words: how the price is paid, when the deal is to close, what it needs.

Each is read from the sentences that speak of the deal, cited like a figure, and kept as the words the
source uses ("in cash", "by the end of the year", "subject to shareholder approval").
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from builder.model import Citation, Source, Term, TermMeasure

_DEAL = re.compile(
    r"\b(?:deal|offer|bid|takeover|acquisition|merger|buyout|purchase|transaction|sale|tie-?up|partnership)s?\b", re.I
)
_CONSIDERATION: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\b(?:cash[- ]and[- ](?:shares?|stock)|(?:shares?|stock)[- ]and[- ]cash|mix(?:ture)?\sof\scash\sand\s"
            r"(?:shares|stock)|part\scash|\d+\s(?:percent|per\scent|%)\sin\scash)\b",
            re.I,
        ),
        "cash and shares",
    ),
    (re.compile(r"\b(?:all[- ]cash|in\scash|cash\s(?:offer|bid|deal))\b", re.I), "cash"),
    (
        re.compile(
            r"\b(?:all[- ](?:share|stock|paper)|in\s(?:new\s)?(?:shares|stock)|share\sswap|stock\sswap)\b", re.I
        ),
        "shares",
    ),
)
# A way of paying that the clause denies or doubts ("unlikely to be able to pay for a deal fully in cash").
_DOUBTED = re.compile(r"\b(?:not|unlikely|unable|never|rather\sthan|instead\sof|without|whether)\b[^,.;]{0,60}$", re.I)
_TIMING = re.compile(
    r"\b(?:expected|set|due|scheduled|slated|likely|hopes?|aims?|plans?)\sto\s(?:be\s)?(?:close|closed|complete|"
    r"completed|finali[sz]ed?|take\seffect)\s(?P<when>(?:in|by|before|at|around|within|during|early|late|later|"
    r"next|this)\b[^,.;]{2,40})",
    re.I,
)
_CONDITIONS = re.compile(
    r"\b(?:subject\sto|conditional\s(?:on|upon)|requires?|needs?|would\srequire|pending)\s(?P<what>[^,.;]{0,60}?"
    r"\b(?:approvals?|clearance|vote|consent|condition)s?\b)",
    re.I,
)


def stated_terms(sources: Sequence[Source], target: str | None) -> list[Term]:
    """The deal's consideration, timing and conditions, each as the sources word it, with its sentences."""
    found: dict[tuple[TermMeasure, str], list[Citation]] = {}
    for source in sources:
        for sentence in source.sentences:
            text = sentence.text
            if not _DEAL.search(text):
                continue
            for measure, words, cited in _read(text):
                citation = Citation(source=source.id, sentence=sentence.id, text=cited)
                found.setdefault((measure, words), []).append(citation)
    terms = []
    for (measure, words), citations in found.items():
        seen: dict[str, Citation] = {}
        for citation in citations:
            seen.setdefault(citation.source, citation)
        terms.append(
            Term(
                id="tm-" + hashlib.sha1(f"{measure}|{words}".encode()).hexdigest()[:8],
                measure=measure,
                subject=target,
                text=words,
                verdict="single" if len(seen) == 1 else "agree",
                citations=tuple(seen.values()),
            )
        )
    return terms


def _read(text: str) -> list[tuple[TermMeasure, str, str]]:
    """Each worded term a sentence states: (measure, the words as a term, the words as written)."""
    found: list[tuple[TermMeasure, str, str]] = []
    for pattern, kind in _CONSIDERATION:
        match = pattern.search(text)
        if match and _DOUBTED.search(text, 0, match.start()):
            break  # "was unlikely to be able to pay fully in cash": how the price is not paid
        if match:
            found.append(("consideration", kind, match.group()))
            break
    timing = _TIMING.search(text)
    if timing:
        found.append(("timing", timing.group("when").strip(), timing.group().strip()))
    condition = _CONDITIONS.search(text)
    if condition:
        found.append(("conditions", condition.group("what").strip(), condition.group().strip()))
    return found
