"""The speaker of a quote that a passive verb reports: debt "deemed "unwise" by the board"."""

from __future__ import annotations

import re

_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|been|be|is|are)\s(?:\w+ly\s)?(?:deemed|described|called|branded|labelled|labeled|termed|dubbed"
    r"|considered|criticised|criticized)\s(?:as\s)?$"
)
_BY_AFTER = re.compile(
    r"\s*,?\s*by\s(?P<who>[^\"“”.;!?,]{2,80}?)(?=\s(?:when|as|after|before|because|in|on|at|who|which|that|for)\b|[.;!?,]|\s*$)"
)


def passive_agent(
    text: str, head_start: int, open_mark: int, tail_start: int, tail_end: int
) -> tuple[str, int, int] | None:
    """The speaker of a quote that a passive verb reports: debt "deemed "unwise" by the board"."""
    if not _PASSIVE_BEFORE.search(text, head_start, open_mark):
        return None
    match = _BY_AFTER.match(text, tail_start, tail_end)
    if match is None:
        return None
    return match.group("who"), match.start("who"), match.end("who")
