"""What the whole deal is worth, as the sources state it, or that they say it was not disclosed.

Kept apart from the rest of the deal card: the value is a deal term, and it is read here from the figures
and the statements of non-disclosure until the terms of the deal (measure, subject, stage) say it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence

from builder.analyze.basis import basis_of
from builder.analyze.cite import cite
from builder.analyze.measures import SentenceCues
from builder.model import Amount, NonDisclosure, Source, sentence_number
from builder.model.deal import ProposedValue

# Words beside a figure that make it the price of the deal, and words that make it something else.
_DEAL_WORDS = re.compile(
    r"\b(?:deal|offer\w*|bid\w*|buyout|takeover|acquisition|merger|purchase|buy\w*|bought|sell\w*|sold|"
    r"valu\w*|worth|price\stag|transaction|proposal|approach|pay)\b",
    re.I,
)
_OTHER_MEASURES = re.compile(
    r"\b(?:debt|loans?|financing|revenues?|sales|profits?|earnings|income|market\s(?:value|capitali[sz]ation|cap)|"
    r"capitali[sz]ation|fees?|dividends?|fine|settlement|cash\sflow|savings|synerg\w*|costs?|spen[dt]\w*|capex|"
    r"assets|bonds?|notes|shares\sworth|stake\sworth|lost|losses|fraud|raise[ds]?\s(?:up\sto\s)?\$)\b",
    re.I,
)
# "would create the world's fourth biggest bank, valued at $180bn": the worth of the firm a tie-up makes
_CREATED_FIRM = re.compile(r"\bcreat(?:e|es|ed|ing)\b[^$£€¥\d]{0,80}?\b(?:valued|worth)\b", re.I)
_REVISED = re.compile(r"\b(?:rais\w*|increas\w*|sweeten\w*|improv\w*|revis\w*|new|higher|final|lift\w*|upp\w*)\b", re.I)
_TERMS = re.compile(r"\b(?:terms|price|value|amount|sum|consideration|financial|figure|cost)\b", re.I)
_WITH_DEBT = re.compile(r"\b(?:debt|enterprise\svalue)\b", re.I)
_SMALLEST_DEAL = 1_000_000


def deal_value(
    amounts: Sequence[Amount],
    disclosures: Sequence[NonDisclosure],
    sources: Mapping[str, Source],
    when: Callable[[str], int],
    parties: re.Pattern[str] | None = None,
    sides: tuple[re.Pattern[str] | None, re.Pattern[str] | None] = (None, None),
) -> ProposedValue | None:
    """The value of the deal from the latest source that gives one, in the currency the deal is priced in.

    when places a source in time (a day number, or -1 for a source without a date); among undated sources
    the figure most of them give wins, a raised one first. sides are the names of the buyers and of the
    targets: a figure told beside both is the deal's before one told of a party's other deal ("Yahoo bought
    Maven for $160 million" in a story of Microsoft's bid for Yahoo).
    """
    candidates = [a for a in amounts if _is_deal_value(a) and _about_parties(a, sources, parties)]
    candidates = _without_debt(candidates, amounts, sources) or candidates
    if not candidates:
        return _not_disclosed(disclosures, sources)
    by_id = {a.id: a for a in amounts}
    latest = max(when(a.source) for a in candidates)
    pool = [a for a in candidates if when(a.source) == latest]
    undated = latest < 0
    counts = _alike_counts(pool) if undated else {}
    buyers, targets = sides

    def one_side(amount: Amount) -> bool:
        text = sources[amount.source].sentence(amount.sentence).text
        return buyers is not None and targets is not None and not (buyers.search(text) and targets.search(text))

    best = min(
        pool,
        key=lambda a: (
            undated and not _REVISED.search(a.context),
            one_side(a),
            -counts[a.id] if undated else 0,
            sentence_number(a.sentence),
            a.source,
            a.start,
        ),
    )
    base = _base_figure(best, amounts, by_id)
    alike = [a for a in candidates if _same_figure(a, base)] or [base]
    return ProposedValue(
        amount=base.value,
        unit=base.unit,
        qualifier=base.qualifier,
        text=base.text,
        citations=tuple(cite(a, sources) for a in [base, *[a for a in alike if a.id != base.id]][:3]),
    )


def _without_debt(
    candidates: Sequence[Amount], amounts: Sequence[Amount], sources: Mapping[str, Source]
) -> list[Amount]:
    """The candidates that are not a value with the debt counted in, nor that value told again: "Acme to pay
    $2.5bn" heads the story that says "$2.5bn, including debt". The card's value is the price of the shares."""
    with_debt: dict[str, list[Amount]] = {}
    for amount in amounts:
        if amount.kind != "money" or amount.per:
            continue
        sentence = sources[amount.source].sentence(amount.sentence)
        if not _WITH_DEBT.search(sentence.text):
            continue
        cues = SentenceCues(sentence.text)
        if basis_of(cues, amount.start - sentence.start, amount.end - sentence.start) == "enterprise":
            with_debt.setdefault(amount.source, []).append(amount)
    return [a for a in candidates if not any(_same_figure(a, b) for b in with_debt.get(a.source, ()))]


def _is_deal_value(amount: Amount) -> bool:
    if amount.kind != "money" or amount.per or amount.vague or amount.converted_from is not None:
        return False
    if amount.value < _SMALLEST_DEAL or amount.horizon:
        return False
    return (
        bool(_DEAL_WORDS.search(amount.context))
        and not _OTHER_MEASURES.search(amount.context)
        and not _CREATED_FIRM.search(amount.context)
    )


def _about_parties(amount: Amount, sources: Mapping[str, Source], parties: re.Pattern[str] | None) -> bool:
    """A figure of this deal is said in a sentence that names one of its parties."""
    if parties is None:
        return True
    return bool(parties.search(sources[amount.source].sentence(amount.sentence).text))


def _same_figure(a: Amount, b: Amount) -> bool:
    return a.unit == b.unit and abs(a.value - b.value) <= 0.01 * max(abs(a.value), abs(b.value))


def _alike_counts(pool: Sequence[Amount]) -> dict[str, int]:
    """For each figure, how many of pool are the same figure: only neighbours in value can be, so each is
    compared with those within a few percent of it rather than with all."""
    by_unit: dict[str, list[Amount]] = {}
    for amount in pool:
        by_unit.setdefault(amount.unit, []).append(amount)
    counts: dict[str, int] = {}
    for figures in by_unit.values():
        figures.sort(key=lambda a: a.value)
        values = [a.value for a in figures]
        for a in figures:  # deal values are at least _SMALLEST_DEAL, so positive
            low, high = bisect_left(values, a.value * 0.98), bisect_right(values, a.value / 0.98)
            counts[a.id] = sum(1 for b in figures[low:high] if _same_figure(a, b))
    return counts


def _base_figure(chosen: Amount, amounts: Sequence[Amount], by_id: Mapping[str, Amount]) -> Amount:
    """The figure a converted one was converted from, where any source gives both: the deal's own currency."""
    for amount in amounts:
        if amount.converted_from and _same_figure(amount, chosen) and amount.converted_from in by_id:
            return by_id[amount.converted_from]
    return chosen


def _not_disclosed(disclosures: Sequence[NonDisclosure], sources: Mapping[str, Source]) -> ProposedValue | None:
    said = [d for d in disclosures if d.who is None and _TERMS.search(d.about)]
    if not said:
        return None
    return ProposedValue(state="not disclosed", citations=tuple(cite(d, sources) for d in said[:3]))
