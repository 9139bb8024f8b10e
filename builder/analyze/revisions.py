"""When a term was revised: a later version of it, at another value, that the sources say moved the deal on, told
weeks apart or raising the other; rival bids told together are a contest, a cash part no whole price."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

from builder.analyze.clusters import MAX_RATIO, SAME_NEWS_DAYS
from builder.analyze.deal_cues import TAKEN_UP_AGAIN_DAYS
from builder.analyze.ranges import exact, overlap
from builder.analyze.subjects import same_party
from builder.model import Amount, AmountGroup, Source, TermVersion

YEARS_RATIO = 3.0  # how far versions a year and more apart may stand and still be one term's history
_PHASES: dict[str, int] = {"offer": 1, "rejected": 1, "revised": 2, "agreed": 3, "completed": 3}
# What follows a sum that is only the cash part of a price: "$58.60 a share plus 0.4108 of its shares".
CASH_PART = re.compile(
    r"(?:\s(?:a|per|for\seach)\s(?:\w+\s)?share)?(?:\sin\scash)?,?\splus\s(?:\d+(?:\.\d+)?|a|one)\s(?:of\s)?"
    r"(?:(?:its|a|an|each|the|new)\s)?(?:\w+['’]s\s)?(?:\w+\s)?shares?\b",
    re.I,
)


def cash_part(amount: Amount | None, sources: Mapping[str, Source]) -> bool:
    """Whether a sum is only the cash part of its price ("$58.60 a share plus 0.41 of its shares")."""
    text = sources[amount.source].text if amount is not None and amount.source in sources else ""
    return amount is not None and CASH_PART.match(text, amount.end) is not None


def is_revised(
    versions: Sequence[TermVersion], spans: Mapping[str, tuple[float, float]], bounded: frozenset[str] = frozenset()
) -> bool:
    """Whether a later version gives the term another value: talks "up to" one sum, agreement at another.

    Values are compared as written, rounding allowed for and hedges set aside.

    Rival bids told within days of each other are a contest; a rival's bid weeks later that gives another
    value is the term's history as well.
    """
    for i, earlier in enumerate(versions):
        for later in versions[i + 1 :]:
            if earlier.unit != later.unit or (earlier.when, earlier.stage) == (later.when, later.stage):
                continue
            same_day = earlier.when is not None and earlier.when == later.when
            if same_day and "revised" not in (earlier.stage, later.stage):
                continue  # one day's figures are parts of the term (a loan and a bond), unless one raises the other
            if not same_party(earlier.party, later.party) and not _weeks_apart(earlier, later):
                continue  # rival bids told together are a contest, not a revision
            within_days = _days_apart(earlier, later) is not None and not _weeks_apart(earlier, later)
            if within_days and not _moved_on(earlier, later, bounded):
                continue  # another value days later, with nothing saying the term moved: a rival's or a slip
            (low_a, high_a), (low_b, high_b) = spans[earlier.group or ""], spans[later.group or ""]
            days = _days_apart(earlier, later)
            # a deal taken up again years later may be priced at twice the old terms and more
            ratio = YEARS_RATIO if days is not None and days >= TAKEN_UP_AGAIN_DAYS else MAX_RATIO
            if not overlap(low_a, high_a, low_b, high_b) and max(low_a, low_b) <= ratio * min(high_a, high_b):
                return True
    return False


def group_span(group: AmountGroup, amounts: Mapping[str, Amount]) -> tuple[float, float]:
    """The values a group's figures state as written (rounding allowed for, hedges not): "up to $15 billion"
    and "$11-12 billion" are two versions, however the one allows the other."""
    spans = [exact(amounts[item.amount]) for item in group.items if item.unit == group.unit and item.amount in amounts]
    if not spans:
        return (float("-inf"), float("inf"))
    low, high = max(s[0] for s in spans), min(s[1] for s in spans)
    return (low, high) if low <= high else (min(s[0] for s in spans), max(s[1] for s in spans))


def _moved_on(earlier: TermVersion, later: TermVersion, bounded: frozenset[str]) -> bool:
    """Whether a version days after another says the term moved on: a raised or cut offer, a new offer after
    one was rejected, a further stage of the deal, or a firm figure where talks gave only a bound."""
    return (
        later.stage == "revised"
        or (earlier.stage == "rejected" and later.stage != "rejected")
        or _phase(later) > _phase(earlier)
        or (earlier.group in bounded and later.group not in bounded)
    )


def _days_apart(earlier: TermVersion, later: TermVersion) -> int | None:
    if earlier.when is None or later.when is None:
        return None
    return abs((date.fromisoformat(later.when[:10]) - date.fromisoformat(earlier.when[:10])).days)


def _phase(version: TermVersion) -> int:
    """How far along a deal a version stands: talk, an offer, a raised offer, an agreement; unknown is talk."""
    return _PHASES.get(version.stage or "", 0)


def _weeks_apart(earlier: TermVersion, later: TermVersion) -> bool:
    days = _days_apart(earlier, later)
    return days is not None and days > SAME_NEWS_DAYS
