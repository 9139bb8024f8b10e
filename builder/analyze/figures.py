"""Read every figure as a deal professional does: what it measures, whom it is about, who is on the other
side, how far the deal had gone, and when it was said."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from builder.analyze.cues import DEAL_TERMS, FORECASTS
from builder.analyze.measures import SentenceCues, measure_of
from builder.analyze.subjects import Names, party_of, subject_of
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
_STAKE_STAGES: frozenset[Stage] = frozenset({"completed", "agreed", "offer"})


def read_figures(amounts: Sequence[Amount], sources: Mapping[str, Source], names: Names) -> list[Amount]:
    """Give every figure its measure, subject, party, stage and date; a conversion reads as its base figure."""
    cues: dict[str, SentenceCues] = {}
    read: dict[str, Amount] = {}
    for amount in amounts:
        if amount.converted_from is not None:
            continue
        source = sources[amount.source]
        sentence = source.sentence(amount.sentence)
        found = cues.get(sentence.id)
        if found is None:
            found = cues[sentence.id] = SentenceCues(sentence.text)
        read[amount.id] = read_figure(amount, source, found, sentence.start, names)
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
                }
            )
        result.append(read.get(amount.id, amount))
    return result


def read_figure(amount: Amount, source: Source, cues: SentenceCues, offset: int, names: Names) -> Amount:
    """Read one figure; cues are its sentence's, offset where the sentence starts in the source."""
    start, end = amount.start - offset, amount.end - offset
    measure = measure_of(amount, cues, start, end)
    subject = subject_of(measure, names, amount.sentence, source.text, amount.start, amount.end)
    party = party_of(measure, names, amount.sentence, source.text, amount.start, amount.end)
    if party == subject:
        party = None
    published = source.meta.published
    return amount.model_copy(
        update={
            "measure": measure,
            "subject": subject,
            "party": party,
            "stage": stage_of(measure, cues, start, end),
            "when": published.isoformat() if published else None,
        }
    )


def stage_of(measure: Measure, cues: SentenceCues, start: int, end: int) -> Stage | None:
    """How far the deal had gone when the sentence gave the figure; None for figures that are not deal terms."""
    if measure not in DEAL_TERMS:
        return None
    if measure in FORECASTS:
        return "estimate"
    scores = cues.scores(cues.stages, start, end, STAGE_DECAY)
    if not scores:
        return None
    best = max(scores, key=lambda key: (scores[key], -_STAGE_PREFERENCE.index(key)))  # type: ignore[arg-type]
    if measure == "stake":
        return best if best in _STAKE_STAGES and scores[best] >= STAKE_THRESHOLD else None  # type: ignore[return-value]
    return best if scores[best] >= STAGE_THRESHOLD else None  # type: ignore[return-value]
