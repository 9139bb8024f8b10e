"""Read every figure as a deal professional does: what it measures, whom it is about, who is on the other
side, how far the deal had gone, and when it was said."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import cast

from builder.analyze.basis import basis_of, totals_before
from builder.analyze.cues import DEAL_TERMS, FORECASTS
from builder.analyze.measures import SentenceCues, measure_of
from builder.analyze.mentions import Names
from builder.analyze.subjects import party_of, subject_of
from builder.model import Amount, Measure, Source, Stage

STAGE_DECAY = 0.1  # a stage is said once for the whole sentence: its cues fade slowly
STAGE_THRESHOLD = 0.3  # below this no stage cue speaks for the figure
STAKE_THRESHOLD = 0.6  # a stake is a holding unless the words around it clearly trade it
# When two stages score alike, the one further along the deal wins.
_STAGE_PREFERENCE: tuple[Stage, ...] = (
    "rejected",
    "revised",
    "completed",
    "agreed",
    "rumour",
    "estimate",
    "offer",
    "talks",
)
_PAST_YEAR = re.compile(r"^[^.;]{0,50}?\b(?:in|since|during)\s((?:19|20)\d\d)\b")
PAST_WEIGHT = 1.5
FIRM_STAGE = 0.6
_FIRM: tuple[Stage, ...] = ("agreed", "rejected", "completed", "revised")
# "investors think BHP could succeed with a higher bid of $162", "a 300p a share bid would be enough", "analysts
# regard $157 as a winning offer": a price someone expects or hopes for, not one offered
_HOPED_BEFORE = re.compile(
    r"\b(?:(?:could|would|might|will)\s(?:\w+\s){0,2}?(?:succeed|win|prevail|need|require|have\sto)|polls?|"
    r"regards?|regarded)\b[^.;:]{0,60}$",
    re.I,
)
_HOPED_AFTER = re.compile(
    r"^\s(?:[\w-]+\s){0,4}?(?:would|will|could|might)\s(?:probably\s)?be\senough\b|^\s(?:[\w-]+\s){0,3}?as\sa\s"
    r"(?:winning|fair|likely)\s(?:offer|bid|price)\b",
    re.I,
)
# "At $69.50 per share, the company would be worth about $31.92 billion": a price supposed, to see what it gives
_SUPPOSED_BEFORE = re.compile(r"(?:^|[;:]\s|\.\s)at\s$", re.I)
_SUPPOSED_AFTER = re.compile(
    r"^(?:\s(?:a|per|for\seach)\s(?:\w+\s)?share)?,\s[^.;]{0,80}?\b(?:would|could|might)\b", re.I
)
# "if it raised its offer to $45 a share": a price that would be, not one offered (a fee is always owed on a
# condition, and a stake is often a condition of the offer)
_PRICES: frozenset[Measure] = frozenset({"deal_value", "price_per_share", "premium"})
_IF_BEFORE = re.compile(
    r"\b(?:if|unless)\s(?!any\b)[^,;:.]{0,80}\b(?:to|at|of|for|pay|paid|paying|offers?|offered|bids?|bid|raises?|raised|"
    r"bought|buys?)\s(?:about\s|around\s|some\s|nearly\s|more\sthan\s|less\sthan\s|up\sto\s|as\smuch\sas\s|an?\s)?$",
    re.I,
)
_STAKE_STAGES: frozenset[Stage] = frozenset({"completed", "agreed", "offer"})


def read_figures(amounts: Sequence[Amount], sources: Mapping[str, Source], names: Names) -> list[Amount]:
    """Give every figure its measure, subject, party, stage, date and (for a deal's value) basis; a conversion
    reads as its base figure."""
    cues: dict[str, SentenceCues] = {}
    read: dict[str, Amount] = {}
    last_value: dict[str, Amount] = {}  # the last deal value read in each sentence
    spans: dict[str, list[tuple[int, int]]] = {}
    for amount in amounts:
        if amount.converted_from is None:
            spans.setdefault(amount.sentence, []).append((amount.start, amount.end))
    for amount in amounts:
        if amount.converted_from is not None:
            continue
        source = sources[amount.source]
        sentence = source.sentence(amount.sentence)
        found = cues.get(sentence.id)
        if found is None:
            found = cues[sentence.id] = SentenceCues(sentence.text)
        figure = read_figure(amount, source, found, sentence.start, names, spans.get(sentence.id, ()))
        earlier = last_value.get(sentence.id)
        if earlier is not None and figure.basis == "enterprise" and totals_before(found, amount.start - sentence.start):
            # the total of the deal a figure before it prices: the same deal, whoever the sentence names nearer
            figure = figure.model_copy(
                update={"subject": earlier.subject, "party": earlier.party, "stage": earlier.stage}
            )
        if figure.measure == "deal_value":
            last_value[sentence.id] = figure
        read[amount.id] = figure
    result = []
    for amount in amounts:
        base = read.get(amount.converted_from or "")
        if base is not None:
            amount = amount.model_copy(
                update={
                    "measure": base.measure,
                    "subject": base.subject,
                    "party": base.party,
                    "stage": base.stage,
                    "when": base.when,
                    "basis": base.basis,
                }
            )
        result.append(read.get(amount.id, amount))
    return result


def read_figure(
    amount: Amount,
    source: Source,
    cues: SentenceCues,
    offset: int,
    names: Names,
    others: Sequence[tuple[int, int]] = (),
) -> Amount:
    """Read one figure; cues are its sentence's, offset where the sentence starts in the source, others the
    places of the sentence's other figures."""
    start, end = amount.start - offset, amount.end - offset
    measure = measure_of(amount, cues, start, end)
    subject = subject_of(measure, names, amount.sentence, source.text, amount.start, amount.end, others)
    party = party_of(measure, names, amount.sentence, source.text, amount.start, amount.end, others)
    if party == subject:
        party = None
    published = source.meta.published
    return amount.model_copy(
        update={
            "measure": measure,
            "subject": subject,
            "party": party,
            "stage": stage_of(measure, cues, start, end, published.year if published else None),
            "when": published.isoformat() if published else None,
            "basis": basis_of(cues, start, end, [(a - offset, b - offset) for a, b in others])
            if measure == "deal_value"
            else None,
        }
    )


def stage_of(measure: Measure, cues: SentenceCues, start: int, end: int, year: int | None = None) -> Stage | None:
    """How far the deal had gone when the sentence gave the figure; None for figures that are not deal terms.

    year is the source's: a deal the sentence places in an earlier year ("its $16 billion acquisition of
    Immunex in 2001") was done by then.
    """
    if measure not in DEAL_TERMS:
        return None
    if measure in FORECASTS:
        return "estimate"
    scores = cues.scores(cues.stages, start, end, STAGE_DECAY)
    past = _PAST_YEAR.search(cues.text[end : end + 60])
    if measure == "deal_value" and year and past and int(past.group(1)) < year:
        scores["completed"] = max(scores.get("completed", 0.0), PAST_WEIGHT)
    before, after = cues.text[max(0, start - 120) : start], cues.text[end : end + 60]
    if measure in _PRICES and (
        _IF_BEFORE.search(before)
        or _HOPED_BEFORE.search(before)
        or _HOPED_AFTER.match(after)
        or (_SUPPOSED_BEFORE.search(before[-8:]) and _SUPPOSED_AFTER.match(after))
    ):
        return "estimate"
    if not scores:
        return None
    if any(scores.get(stage, 0.0) >= FIRM_STAGE for stage in _FIRM):
        scores.pop("rumour", None)  # "has agreed to buy, people familiar said": the deal's stage, reported
    best = cast(Stage, max(scores, key=lambda key: (scores[key], -_STAGE_PREFERENCE.index(cast(Stage, key)))))
    if measure == "stake":
        if best == "completed" and _IF_BEFORE.search(before):
            return None  # "if a single investor bought a 20 percent stake": a holding that would trigger a defence
        return best if best in _STAKE_STAGES and scores[best] >= STAKE_THRESHOLD else None
    return best if scores[best] >= STAGE_THRESHOLD else None
