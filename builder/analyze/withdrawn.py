"""Bidders that gave up: a source says they withdrew their offer or left the contest, so their offers are
the deal's history, never its current terms."""

from __future__ import annotations

import re
from collections.abc import Mapping

from builder.analyze.mentions import Names
from builder.analyze.subjects import same_party
from builder.model import Source, TermVersion

_WITHDRAWN = re.compile(
    r"\b(?:withdr[ae]wn?|pulled|dropped|abandoned|scrapped)\s(?:its|their|his|her|the)\s(?:\w+\s){0,2}?"
    r"(?:offer|bid|approach|proposal)s?\b|\b(?:pulled\sout\sof|walked\saway\sfrom|quit)\s(?:the\s)?(?:\w+\s){0,2}?"
    r"(?:race|contest|battle|bidding|auction)\b",
    re.I,
)
_NOT_DONE = re.compile(
    r"\b(?:not|n['’]t|never|would|could|may|might|threat\w*|if|whether|unless|to)\s(?:\w+\s){0,2}$", re.I
)


def withdrawn_bidders(sources: Mapping[str, Source], names: Names) -> frozenset[str]:
    """The organisations a source says withdrew their offer or left the contest."""
    found: set[str] = set()
    for source in sources.values():
        for sentence in source.sentences:
            match = _WITHDRAWN.search(sentence.text)
            if match is None or _NOT_DONE.search(sentence.text, 0, match.start()):
                continue
            at = sentence.start + match.start()
            mentions = names.in_sentence(sentence.id) or names.scan(sentence.text, sentence.start)
            before = [m for m in mentions if not m.person and m.end <= at and at - m.end < 80]
            if before:
                found.add(before[-1].name)
    return frozenset(found)


def given_up(version: TermVersion, subject: str | None, gave_up: frozenset[str], names: Names | None) -> bool:
    """Whether a version is the offer of a bidder that gave up: its party, or the only bidders its sentences name."""
    if not gave_up:
        return False
    if version.party:
        return any(same_party(version.party, name) for name in gave_up)
    if names is None or not version.citations:
        return False
    for citation in version.citations:
        named = {m.name for m in names.in_sentence(citation.sentence) if not m.person and m.name != subject}
        if not named or not all(any(same_party(name, quitter) for quitter in gave_up) for name in named):
            return False
    return True
