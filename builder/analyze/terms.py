"""The terms of the deal: for each measure the deal has, its latest value, its history and its estimates.

A term is one measure (the deal's value, the price a share, the stake, the fee, …) of one subject, usually
the target. Each group of figures that agree is one version of it; versions at a later stage or date with
another value are its history (a raised offer, an agreed price), never a disagreement. A statement that a
term was not disclosed is a version too, cited like a value.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence

from builder.analyze.amounts import STAGE_RANK
from builder.analyze.basis import basis_key
from builder.analyze.cite import cite
from builder.analyze.cues import AT_MARKET, PROSPECTIVE
from builder.analyze.mentions import Names
from builder.analyze.revisions import cash_part, group_span, is_revised
from builder.analyze.withdrawn import given_up, withdrawn_bidders
from builder.extract.units import QUALIFIER_BOUNDS
from builder.model import (
    Amount,
    AmountGroup,
    Basis,
    Citation,
    Measure,
    NonDisclosure,
    Source,
    Term,
    TermMeasure,
    TermVersion,
)

# The measures that are terms of the deal, in the order a deal professional reads them.
TERM_ORDER: tuple[TermMeasure, ...] = (
    "deal_value",
    "price_per_share",
    "premium",
    "stake",
    "consideration",
    "financing",
    "fee",
    "timing",
    "shares",
    "synergies",
    "earnings_effect",
    "conditions",
)
FIGURE_TERMS: frozenset[Measure] = frozenset(
    {"deal_value", "price_per_share", "premium", "stake", "shares", "financing", "fee", "synergies", "earnings_effect"}
)
# What a statement that something "was not disclosed" is about, by the words it uses.
_UNDISCLOSED: tuple[tuple[re.Pattern[str], TermMeasure], ...] = (
    (re.compile(r"\bfees?\b", re.I), "fee"),
    (re.compile(r"\bstake\b", re.I), "stake"),
    (re.compile(r"\b(?:timetable|timing|timeline|date)\b", re.I), "timing"),
    (re.compile(r"\b(?:financing|funding)\b", re.I), "financing"),
    (re.compile(r"\bprice\s(?:per|a)\sshare\b", re.I), "price_per_share"),
    (re.compile(r"\b(?:terms?|value|price|sum|amount|consideration|details|figures?|cost|size)\b", re.I), "deal_value"),
)
_INVESTS = re.compile(r"\b(?:is\s|are\s|will\sbe\s|was\s)?invest(?:s|ed|ing)?\s(?:\w+\s){0,2}?(?:in|with)\s", re.I)
_REASON = re.compile(
    r"\b(?:after|because|following|to\s(?:fend\soff|beat|top|counter|win|match|trump)|in\sresponse|due\sto|amid|"
    r"in\sorder\sto|so\sthat|as\sa\sresult|prompt\w*|reflect\w*)\b",
    re.I,
)
# A holding that grows is bought, not revised; a premium counted from another day's price moves with the market
# while the price stands: neither is revised on its own.
_HOLDINGS: frozenset[str] = frozenset({"stake", "shares", "premium"})
_VERDICT_RANK: dict[str, int] = {"conflict": 0, "conversion": 1, "hedged": 2, "agree": 3, "single": 4}


def figure_terms(
    groups: Sequence[AmountGroup],
    amounts: Sequence[Amount],
    disclosures: Sequence[NonDisclosure],
    sources: Mapping[str, Source],
    names: Names,
    figure_sentences: frozenset[str],
) -> list[Term]:
    """The deal's terms that figures state, and those the sources say were not disclosed."""
    subjects = _deal_subjects(names)
    vague = {amount.id for amount in amounts if amount.vague}
    by_key: dict[tuple[TermMeasure, str | None, str | None], list[AmountGroup]] = {}
    for group in groups:
        if group.measure not in FIGURE_TERMS or (group.measure == "stake" and group.stage is None):
            continue
        if subjects and group.subject not in subjects:
            continue
        if all(item.amount in vague for item in group.items):
            continue  # "billions": an order of magnitude, not a term
        # an enterprise value and an equity value are two terms, both true: never one's revision or dispute
        key = (group.measure, group.subject, basis_key(group.basis))
        by_key.setdefault(key, []).append(group)  # type: ignore[arg-type]
    by_id = {amount.id: amount for amount in amounts}
    gave_up = withdrawn_bidders(sources, names)
    terms = [_term(key[0], key[1], found, sources, by_id, gave_up, names) for key, found in by_key.items()]
    terms = _with_undisclosed(terms, disclosures, sources, names)
    terms += _unstated_investments(sources, names, figure_sentences, terms)
    return terms


def _deal_subjects(names: Names) -> set[str | None]:
    """Whom the deal's terms are about: the target, and the parties the analyst names."""
    found: set[str | None] = set(names.parties)
    if names.target:
        found.add(names.target)
    return found


def _term(
    measure: TermMeasure,
    subject: str | None,
    groups: list[AmountGroup],
    sources: Mapping[str, Source],
    amounts: Mapping[str, Amount],
    gave_up: frozenset[str] = frozenset(),
    names: Names | None = None,
) -> Term:
    spans = {group.id: group_span(group, amounts) for group in groups}
    versions = sorted((_version(group) for group in groups), key=_order)
    firm = [v for v in versions if v.stage != "estimate" and not _talk_of_change(v, sources)]
    estimates = [v for v in versions if v not in firm]
    if not firm:
        firm, estimates = estimates, []
    latest = {group.id: _latest(group, sources) for group in groups}
    standing = [v for v in firm if not given_up(v, subject, gave_up, names)] or firm
    current = max(standing, key=lambda v: (latest[v.group or ""], _stage_rank(v), len(v.citations), _order(v)))
    history = tuple(v for v in firm if v is not current)
    verdict = current.verdict
    reason = None
    bounded = frozenset(
        group.id
        for group in groups
        if QUALIFIER_BOUNDS.get(group.items[0].qualifier or "") in ("above", "below")
        and group.items[0].unit == group.unit
    )
    # a sum "plus 0.41 of its shares" is only the cash part of its price: no revision of, nor to, a whole price
    parts = {g.id for g in groups if all(cash_part(amounts.get(i.amount), sources) for i in g.items)}
    revised = measure not in _HOLDINGS and is_revised([v for v in firm if v.group not in parts], spans, bounded)
    if revised:
        if _VERDICT_RANK.get(verdict, 9) > _VERDICT_RANK["conversion"]:
            verdict = "revised"
        reason = _reason(current, sources)
    stated = {v.basis for v in versions if v.basis}
    basis: Basis | None = "enterprise" if "enterprise" in stated else "equity" if stated else None
    extra = (current.party or "") + ("|enterprise" if basis == "enterprise" else "")
    return Term(
        **current.model_dump(exclude={"verdict", "basis"}),
        basis=basis,
        verdict=verdict,
        id=_term_id(measure, subject, extra),
        measure=measure,
        subject=subject,
        history=history,
        estimates=tuple(estimates),
        revised=revised,
        reason=reason,
    )


def _latest(group: AmountGroup, sources: Mapping[str, Source]) -> str:
    """The last date a group's figures were given on (its sources' dates)."""
    days = [sources[item.source].meta.published for item in group.items]
    return max((day.isoformat() for day in days if day is not None), default="")


def _stage_rank(version: TermVersion) -> float:
    """How far along the deal a version stands; a figure stated plainly outranks a rumour of the same day."""
    if version.stage == "rumour":
        return -0.5
    return STAGE_RANK.get(version.stage, 0) if version.stage else 0


def _version(group: AmountGroup) -> TermVersion:
    lead = next((item for item in group.items if item.unit == group.unit), group.items[0])
    ranged = lead.high is not None
    seen: dict[str, Citation] = {}
    for item in group.items:
        seen.setdefault(item.source, item.citation)
    return TermVersion(
        stage=group.stage,
        when=group.when,
        value=None if ranged else lead.value,
        low=lead.value if ranged else None,
        high=lead.high,
        unit=group.unit,
        text=lead.text,
        party=group.party,
        verdict=group.verdict,
        group=group.id,
        amounts=tuple(item.amount for item in group.items),
        citations=tuple(seen.values()),
        basis=group.basis,
    )


def _order(version: TermVersion) -> tuple[str, int, str]:
    """Oldest first: by date where the sources give one, then by how far the deal had gone."""
    return (version.when or "", STAGE_RANK.get(version.stage, 0) if version.stage else 0, version.group or "")


def _talk_of_change(version: TermVersion, sources: Mapping[str, Source]) -> bool:
    """A version only talked of ("may raise its bid to"), or valued at one moment's market price."""
    sentences = [sources[c.source].sentence(c.sentence).text for c in version.citations]
    return bool(sentences) and all(PROSPECTIVE.search(text) or AT_MARKET.search(text) for text in sentences)


def _reason(current: TermVersion, sources: Mapping[str, Source]) -> Citation | None:
    """The sentence that says why the term changed, when the latest version's sentences give a reason."""
    for citation in current.citations:
        sentence = sources[citation.source].sentence(citation.sentence).text
        if _REASON.search(sentence):
            return Citation(source=citation.source, sentence=citation.sentence, text=sentence)
    return None


def _with_undisclosed(
    terms: list[Term], disclosures: Sequence[NonDisclosure], sources: Mapping[str, Source], names: Names
) -> list[Term]:
    """Add each term a source says was not disclosed: to the stated term's history, or as a term of its own."""
    by_measure = {
        term.measure: n
        for n, term in enumerate(terms)
        if term.subject == names.target and term.basis != "enterprise"  # a withheld price is the equity's
    }
    for fact in disclosures:
        measure = undisclosed_measure(fact)
        if measure is None:
            continue
        version = TermVersion(state="not disclosed", verdict="not disclosed", citations=(cite(fact, sources),))
        if measure in by_measure:
            term = terms[by_measure[measure]]
            terms[by_measure[measure]] = term.model_copy(update={"history": (*term.history, version)})
            continue
        existing = next((n for n, t in enumerate(terms) if t.measure == measure and t.state == "not disclosed"), None)
        if existing is not None:
            term = terms[existing]
            terms[existing] = term.model_copy(update={"citations": (*term.citations, *version.citations)})
            continue
        by_measure[measure] = len(terms)
        terms.append(
            Term(
                **version.model_dump(),
                id=_term_id(measure, None, "not disclosed"),
                measure=measure,
                subject=None,  # what the source withholds is the deal's, whoever its target
            )
        )
    return terms


def undisclosed_measure(fact: NonDisclosure) -> TermMeasure | None:
    """The term a statement of non-disclosure is about; None for a refusal to comment at large."""
    for pattern, measure in _UNDISCLOSED:
        if pattern.search(fact.about):
            return measure
    return None


def _unstated_investments(
    sources: Mapping[str, Source], names: Names, figure_sentences: frozenset[str], terms: Sequence[Term]
) -> list[Term]:
    """A party said to invest in or with another, with no sum anywhere: its investment is not disclosed."""
    if any(term.measure == "financing" and term.state == "stated" for term in terms):
        return []
    parties = {*names.parties, *([names.target] if names.target else [])}
    found: dict[str, Term] = {}
    for source in sources.values():
        for sentence in source.sentences:
            if sentence.id in figure_sentences or "invest" not in sentence.text.lower():
                continue
            match = _INVESTS.search(sentence.text)
            if match is None:
                continue
            mentions = names.scan(sentence.text, sentence.start)
            after = sentence.start + match.end()
            partner = next((m for m in mentions if m.start >= after and m.start - after <= 4), None)
            if partner is None or partner.name not in parties:
                continue
            investor = next((m.name for m in mentions if m.name != partner.name and m.name in parties), None)
            if investor is None or investor in found:
                continue
            words = source.text[sentence.start + match.start() : partner.end].strip()
            citation = Citation(source=source.id, sentence=sentence.id, text=words)
            found[investor] = Term(
                state="not disclosed",
                verdict="not disclosed",
                party=partner.name,
                citations=(citation,),
                id=_term_id("financing", investor, "investment"),
                measure="financing",
                subject=investor,
            )
    return list(found.values())


def _term_id(measure: str, subject: str | None, extra: str) -> str:
    return "tm-" + hashlib.sha1(f"{measure}|{subject}|{extra}".encode()).hexdigest()[:8]


def deal_value(terms: Sequence[Term]) -> Term | None:
    """The deal's value: the value term of the deal's target (stated or not disclosed), if the sources give one."""
    return next((term for term in terms if term.measure == "deal_value"), None)


def order_terms(terms: Sequence[Term], target: str | None) -> list[Term]:
    """Terms in the order a deal professional reads them: by measure, the target's first."""
    return sorted(
        terms,
        key=lambda t: (
            TERM_ORDER.index(t.measure),
            t.subject != target,
            t.basis == "enterprise",
            t.state != "stated",
            t.subject or "",
            t.id,
        ),
    )
