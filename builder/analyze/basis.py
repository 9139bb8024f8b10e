"""The basis a deal's value is stated on: the target's shares alone (equity value) or its debt counted in
(enterprise value). Both are true at once, so figures on different bases are different terms."""

from __future__ import annotations

import re
from collections.abc import Sequence

from builder.analyze.measures import SentenceCues
from builder.analyze.patterns import Cue
from builder.model import Basis

# The basis a deal's value is stated on. Enterprise value counts the target's debt in ("$22 billion,
# including debt", "including the assumption of debt", "enterprise value"); equity value counts its shares
# alone ("$20 billion, excluding debt", "equity value", "for the shares"). Either side of the figure.
ENTERPRISE_CUES = re.compile(
    r"(?<!\bnot\s)(?<!\bexcluding\s)\b(?:includ(?:ing|es|ed|e)|counting)\s(?:the\s)?"
    r"(?:(?:assum\w+|refinanc\w+|repayment)\s(?:(?:and|or)\s\w+\s)?(?:of\s)?)?(?:\S+\s){0,5}?"
    r"(?:debts?|borrowings|liabilities)\b"
    r"|\bwith\s(?:the\s|its\s)?(?:[\w’'-]+\s)?(?:net\s|assumed\s)?debts?\b(?!\s(?:of|from|to|at|in)\b)"
    r"|\benterprise[\s-]value\b|\bdebt-free\b",
    re.I,
)
# "plus the assumption of debt, which brought the total value of the deal to roughly $39 billion": the figure
# right after it, where the sentence speaks of debt.
ENTERPRISE_BEFORE = re.compile(
    r"\b(?:bring\w*|brought|tak(?:e|es|ing)|took|lift\w*|push\w*)\s(?:the\s)?(?:total|overall)\s"
    r"(?:value|cost|price)(?:\sof\s(?:the\s)?\w+)?\sto\s(?:about\s|around\s|roughly\s|some\s|nearly\s)?$",
    re.I,
)
DEBT_WORDS = re.compile(r"\b(?:debts?|borrowings|liabilities)\b", re.I)
EQUITY_CUES = re.compile(
    r"\b(?:excluding|not\sincluding|without|before)\s(?:the\s|its\s)?(?:\w+\s)?(?:debts?|borrowings|liabilities)\b"
    r"|\bequity[\s-](?:value|valu\w+|worth)\b"
    r"|\bvalu(?:e|es|ed|ing)\s(?:the\s|its\s)?(?:\w+\s)?equity\b|\bvalue\sof\s(?:the\s|its\s)(?:\w+\s)?equity\b",
    re.I,
)
# Cues that speak only for the figure just before them: "$6.65 billion plus debt" is the price of the shares,
# with the debt on top; "$2.1bn for the shares".
EQUITY_AFTER = re.compile(
    r"^,?\s(?:in\scash\s|in\sstock\s)?(?:plus\s(?:the\s)?(?:assum\w+\s(?:of\s)?)?(?:\S+\s){0,4}?"
    r"(?:debts?|borrowings|liabilities)\b|for\s(?:all\s)?(?:the|its|their)\s(?:\w+\s)?(?:shares|stock|equity)\b)",
    re.I,
)
# A figure that is itself the debt: "including debt of $1.6 billion", "$173 million of debt".
DEBT_BEFORE = re.compile(
    r"\b(?:debts?|borrowings|liabilities)\s(?:of|totall?ing|worth)\s(?:about\s|around\s|some\s|nearly\s|roughly\s)?$",
    re.I,
)
DEBT_AFTER = re.compile(r"^\s(?:of|in)\s(?:[\w’'.-]+\s){0,2}?(?:debts?|borrowings|liabilities)\b", re.I)

BASIS_REACH = 12.0  # words between a figure and a basis cue (a clause break counts for several)


def basis_of(cues: SentenceCues, start: int, end: int, others: Sequence[tuple[int, int]] = ()) -> Basis | None:
    """The basis of the deal value at start..end of the sentence; None where the sentence does not say.

    others are the places of the sentence's other figures: a cue speaks for the figure nearest to it ("its
    $27.5 billion purchase, including debt, of Carso as well as AIG in the $16.2 billion sale").
    """
    text = cues.text
    if _is_debt(text, start, end):
        return None  # the figure is the debt itself, not a value of the deal
    after = text[end : end + 80]
    if EQUITY_AFTER.match(after):
        return "equity"
    if totals_before(cues, start):
        return "enterprise"
    rivals = [(a, b) for a, b in others if (a, b) != (start, end) and not _is_debt(text, a, b)]
    found: list[tuple[float, int, Basis]] = []
    for pattern, basis, rank in ((ENTERPRISE_CUES, "enterprise", 0), (EQUITY_CUES, "equity", 1)):
        for match in pattern.finditer(text):
            if match.start() <= start < match.end():
                return None  # the figure sits inside the cue: "the assumption of $173 million of debt"
            cue = Cue(basis, match.start(), match.end(), 1.0)
            distance = cues.distance(start, end, cue)
            if distance > BASIS_REACH or any(
                cues.distance(a, b, cue) < distance for a, b in rivals if match.end() <= a or b <= match.start()
            ):
                continue
            found.append((distance, rank, basis))  # type: ignore[arg-type]
    return min(found)[2] if found else None


def totals_before(cues: SentenceCues, start: int) -> bool:
    """Whether the figure at start totals the deal of a figure before it with the debt counted in: "for $23
    billion, plus the assumption of debt, which brought the total value of the deal to roughly $39 billion"."""
    return bool(ENTERPRISE_BEFORE.search(cues.text[max(0, start - 80) : start]) and DEBT_WORDS.search(cues.text))


def _is_debt(text: str, start: int, end: int) -> bool:
    """Whether the figure at start..end is an amount of debt: "including debt of $1.6 billion"."""
    return bool(DEBT_BEFORE.search(text[max(0, start - 80) : start]) or DEBT_AFTER.match(text[end : end + 80]))


def basis_key(basis: str | None) -> str | None:
    """The basis a figure is compared on: enterprise value apart, equity value and an unstated basis together.

    A plain "for $2.1bn" is how wire copy heads the equity value, so a figure with no basis is compared with
    the equity value: apart, they disagree. A figure with no basis against an enterprise value is neither a
    disagreement nor a revision: the writer who left the debt out may have meant either value, and the two
    differ by the target's debt, so values apart say nothing. Written alike, the two are one figure
    (`clusters._written_alike`): a headline's "$22 billion deal" is the "$22 billion, including debt" of its story.
    """
    return "enterprise" if basis == "enterprise" else None
