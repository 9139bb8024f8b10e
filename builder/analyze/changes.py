"""What changed between two versions of the brief's facts.

Pure functions of versions. Facts are matched on what they are — a quote's words and speaker, the
sentences a figure is stated in, what a question asks about — never on ids that change with the wording.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from builder.analyze.quotes import MATCH, MIN_WORDS
from builder.analyze.record import place, question_key
from builder.analyze.similarity import contains, words
from builder.analyze.term_changes import term_changes
from builder.model import Change, ChangeKind, Citation, Question, Side
from builder.model.versions import RecordedFigure, RecordedItem, RecordedQuote, Version

# The order a reader meets the changes of one version in: what arrived, what moved, what it settles.
ORDER: tuple[ChangeKind, ...] = (
    "source-added",
    "source-edited",
    "source-removed",
    "term-revised",
    "term-stated",
    "term-contradicted",
    "term-confirmed",
    "question-answered",
    "question-closed",
    "conflict-found",
    "conflict-resolved",
    "quote-added",
    "quote-confirmed",
    "quote-dropped",
    "figure-stated",
    "figure-confirmed",
    "figure-dropped",
    "question-raised",
    "event-added",
)
_RANK = {kind: index for index, kind in enumerate(ORDER)}
_T = TypeVar("_T")


def compare(old: Version, new: Version) -> list[Change]:
    """Every difference between two versions' facts, in the order a reader should meet them."""
    terms = term_changes(old, new)
    covered = {place(c) for term in (*old.terms, *new.terms) for c in term.citations}
    found = [
        *_sources(old, new),
        *terms,
        *_quotes(old, new),
        *_figures(old, new, covered),
        *_conflicts(old, new),
        *_questions(old, new, terms),
        *_events(old, new),
    ]
    return sorted(_without_repeats(found), key=lambda change: _RANK[change.kind])


def _without_repeats(changes: Sequence[Change]) -> list[Change]:
    """Leave out what another change already tells: a question raised or closed with the figure, quote or
    conflict it asks about, and a figure confirmed by the sentence that answers its question."""
    facts = [change for change in changes if not change.kind.startswith("question-")]
    arrived = {place(c) for change in facts if change.after for c in change.after.citations}
    left = {place(c) for change in facts if change.before and not change.after for c in change.before.citations}
    answers = {
        place(c)
        for change in changes
        if change.kind == "question-answered" and change.after
        for c in change.after.citations
    }
    kept = []
    for change in changes:
        after = {place(c) for c in change.after.citations} if change.after else set()
        before = {place(c) for c in change.before.citations} if change.before else set()
        if change.kind == "question-raised" and after and after <= arrived:
            continue
        if change.kind == "question-closed" and before and before <= left:
            continue
        if change.kind == "figure-confirmed" and after and after <= answers:
            continue
        kept.append(change)
    return kept


def still_open(old: Version, new: Version) -> int:
    """How many of the old version's questions the new one still asks."""
    return len(_pair(old.questions, new.questions, _question_id, _same_question)[0])


def _sources(old: Version, new: Version) -> list[Change]:
    was = {source.id: source for source in old.sources}
    now = {source.id for source in new.sources}
    changes = []
    for source in new.sources:
        side = Side(text=source.title or source.id, dated=source.published)
        if source.id not in was:
            changes.append(Change(kind="source-added", about=source.outlet, source=source.id, after=side))
        elif was[source.id].sha256 != source.sha256:
            changes.append(Change(kind="source-edited", about=source.outlet, source=source.id, after=side))
    for source in old.sources:
        if source.id not in now:
            side = Side(text=source.title or source.id, dated=source.published)
            changes.append(Change(kind="source-removed", about=source.outlet, source=source.id, before=side))
    return changes


def _quotes(old: Version, new: Version) -> list[Change]:
    pairs, added, dropped = _pair(old.quotes, new.quotes, _quote_key, _same_quote)
    changes = [
        Change(kind="quote-added", about=quote.speaker, after=new.side(quote.text, quote.citations)) for quote in added
    ]
    for was, quote in pairs:
        known = {c.source for c in was.citations}
        repeated = [c for c in quote.citations if c.source not in known]
        if repeated:
            before, after = old.side(was.text, was.citations), new.side(quote.text, repeated)
            changes.append(Change(kind="quote-confirmed", about=quote.speaker, before=before, after=after))
    changes += [
        Change(kind="quote-dropped", about=quote.speaker, before=old.side(quote.text, quote.citations))
        for quote in dropped
    ]
    return changes


def _quote_key(quote: RecordedQuote) -> str:
    return " ".join(words(quote.speaker or "")) + ":" + " ".join(words(quote.text))


def _same_quote(a: RecordedQuote, b: RecordedQuote) -> bool:
    """The same words, or most of them in order, from the same speaker (or one not named)."""
    if {place(c) for c in a.citations} & {place(c) for c in b.citations}:
        return True
    if a.speaker and b.speaker and words(a.speaker) != words(b.speaker):
        return False
    mine, theirs = words(a.text), words(b.text)
    return mine == theirs or (min(len(mine), len(theirs)) >= MIN_WORDS and contains(mine, theirs, MATCH))


def _figures(old: Version, new: Version, covered: set[str]) -> list[Change]:
    """Figures first stated, stated by more sources, or no longer stated; deal terms tell their own figures."""
    at: dict[tuple[str, str], int] = {}
    for index, figure in enumerate(old.figures):
        for item in figure.items:
            at.setdefault((figure.unit, place(item.citation)), index)
    seen: set[int] = set()
    changes = []
    for figure in new.figures:
        places = [(figure.unit, place(item.citation)) for item in figure.items]
        matched = sorted({at[p] for p in places if p in at})
        seen.update(matched)
        if all(p in covered for _, p in places):
            continue
        if not matched:
            changes.append(Change(kind="figure-stated", about=figure.about, after=_items(new, figure.items)))
            continue
        earlier = [item for index in matched for item in old.figures[index].items]
        known = {item.citation.source for item in earlier}
        more = [item for item in figure.items if item.citation.source not in known]
        if more and figure.verdict == "agree":
            before, after = _items(old, earlier), _items(new, more)
            changes.append(Change(kind="figure-confirmed", about=figure.about, before=before, after=after))
    for index, figure in enumerate(old.figures):
        if index not in seen and not all(place(item.citation) in covered for item in figure.items):
            changes.append(Change(kind="figure-dropped", about=figure.about, before=_items(old, figure.items)))
    return changes


def _items(version: Version, items: Sequence[RecordedItem]) -> Side:
    """A figure as some sources state it: its words, each once, and their sentences."""
    text = " · ".join(dict.fromkeys(item.text for item in items))
    return version.side(text, [item.citation for item in items])


def _conflicts(old: Version, new: Version) -> list[Change]:
    at = {place(c): index for index, conflict in enumerate(old.conflicts) for c in conflict.items}
    seen: set[int] = set()
    changes = []
    for conflict in new.conflicts:
        matched = {at[p] for c in conflict.items if (p := place(c)) in at}
        seen |= matched
        if all(old.conflicts[index].kind != conflict.kind for index in matched):
            after = new.side(_texts(conflict.items), conflict.items)
            changes.append(Change(kind="conflict-found", about=conflict.about, detail=conflict.kind, after=after))
    for index, conflict in enumerate(old.conflicts):
        if index not in seen:
            holding = _figure_holding(new, conflict.items)
            changes.append(
                Change(
                    kind="conflict-resolved",
                    about=conflict.about,
                    detail=conflict.kind,
                    before=old.side(_texts(conflict.items), conflict.items),
                    after=_items(new, holding.items) if holding else None,
                )
            )
    return changes


def _texts(citations: Sequence[Citation]) -> str:
    return " · ".join(dict.fromkeys(c.text for c in citations))


def _figure_holding(version: Version, citations: Sequence[Citation]) -> RecordedFigure | None:
    """The figure of a version that holds any of these statements, when its sources now agree on it."""
    wanted = {place(c) for c in citations}
    for figure in version.figures:
        if figure.verdict == "agree" and wanted & {place(item.citation) for item in figure.items}:
            return figure
    return None


def _questions(old: Version, new: Version, terms: Sequence[Change]) -> list[Change]:
    """Questions raised, and questions no longer open: answered, with the sentence that answers them."""
    _, raised, gone = _pair(old.questions, new.questions, _question_id, _same_question)
    changes = [Change(kind="question-raised", question=_bare(q), after=new.side("", q.citations)) for q in raised]
    for question in gone:
        before = old.side("", question.citations)
        answer = _answer(question, old, new, terms)
        kind: ChangeKind = "question-answered" if answer else "question-closed"
        changes.append(Change(kind=kind, question=_bare(question), before=before, after=answer))
    return changes


def _question_id(question: Question) -> str:
    return question.id


def _same_question(a: Question, b: Question) -> bool:
    """Asking about the same thing: the same key, or a disagreement over some of the same statements."""
    if question_key(a) == question_key(b):
        return True
    return a.kind == b.kind and a.kind in ("conflict", "hedged") and bool(_places(a) & _places(b))


def _answer(question: Question, old: Version, new: Version, terms: Sequence[Change]) -> Side | None:
    """The statement that answers a question no longer open, when the new version has one."""
    asked = _places(question)
    if question.kind == "undisclosed":
        for change in terms:
            if change.before and change.after and asked & {place(c) for c in change.before.citations}:
                return change.after
        return None
    if question.kind in ("timing", "conditions"):  # answered where the sources first state it
        stated = (c for c in terms if c.kind == "term-stated" and c.about == question.kind and c.after)
        return next((c.after for c in stated if c.subject == question.subject), None)
    if question.kind not in ("single-source", "conflict", "hedged"):
        return None
    sources = {c.source for c in question.citations}
    for figure in new.figures:
        if asked & {place(item.citation) for item in figure.items}:
            others = [item for item in figure.items if item.citation.source not in sources]
            # Another source answers "is it confirmed?" however it hedges; a disagreement only by agreeing.
            if others and (question.kind == "single-source" or figure.verdict == "agree"):
                return _items(new, others)
    return None


def _places(question: Question) -> set[str]:
    return {place(c) for c in question.citations}


def _bare(question: Question) -> Question:
    """A question's data without its sentences: the change cites them itself."""
    return question.model_copy(update={"citations": ()})


def _events(old: Version, new: Version) -> list[Change]:
    known = {event.when for event in old.events}
    return [
        Change(
            kind="event-added",
            about=event.label,
            detail=event.kind,
            when=event.when,
            after=new.side(event.label or "", event.citations),
        )
        for event in new.events
        if event.when not in known
    ]


def _pair(
    olds: Sequence[_T], news: Sequence[_T], key: Callable[[_T], str], same: Callable[[_T, _T], bool]
) -> tuple[list[tuple[_T, _T]], list[_T], list[_T]]:
    """Match old facts with new ones, first by key, then by likeness: the pairs, the new facts without a
    match, and the old without one."""
    free: dict[str, list[int]] = {}
    for index, fact in enumerate(olds):
        free.setdefault(key(fact), []).append(index)
    taken: set[int] = set()
    pairs: dict[int, tuple[_T, _T]] = {}
    left = []
    for position, fact in enumerate(news):
        same_key = [index for index in free.get(key(fact), ()) if index not in taken]
        if same_key:
            taken.add(same_key[0])
            pairs[position] = (olds[same_key[0]], fact)
        else:
            left.append(position)
    unmatched = []
    for position in left:
        fact = news[position]
        found = next((i for i in range(len(olds)) if i not in taken and same(olds[i], fact)), None)
        if found is None:
            unmatched.append(fact)
        else:
            taken.add(found)
            pairs[position] = (olds[found], fact)
    return [pairs[p] for p in sorted(pairs)], unmatched, [olds[i] for i in range(len(olds)) if i not in taken]
