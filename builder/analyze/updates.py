"""The brief's updates: one per version, newest first, each with what changed since the version before.

The current facts count as the next version until a publish or a snapshot records them, and the updates
are made from versions alone, so recording the current facts changes none of them. Citations are checked
against the brief as it is: those of sentences no longer in its sources are named instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from builder.analyze.changes import compare, still_open
from builder.analyze.record import numbered, record
from builder.model import Brief, Citation, Side, Source, Update, locate_words, sentence_number
from builder.model.versions import Version


def with_updates(brief: Brief, recorded: Sequence[Version]) -> Brief:
    """The brief with its updates: every recorded version and this one, newest first."""
    sources = {source.id: source for source in brief.sources}
    current = numbered(record(brief), recorded)
    return brief.model_copy(update={"updates": tuple(resolved(u, sources) for u in history(recorded, current))})


def changes_since(brief: Brief, since: Version, recorded: Sequence[Version]) -> Update:
    """What changed from a version to the brief as it is now."""
    current = numbered(record(brief), recorded)
    return resolved(update(since, current), {source.id: source for source in brief.sources})


def history(recorded: Sequence[Version], current: Version) -> list[Update]:
    """One update per version, newest first; the current facts count as a version when they differ."""
    chain = sorted(recorded, key=lambda version: version.number)
    if not chain or chain[-1].number != current.number:
        chain.append(current)
    updates = [update(previous, version) for previous, version in zip([None, *chain[:-1]], chain, strict=True)]
    return updates[::-1]


def update(previous: Version | None, version: Version) -> Update:
    """A version, and what changed since the one before it."""
    if previous is None:
        return Update(number=version.number, version=version.name, dated=version.dated, sources=len(version.sources))
    return Update(
        number=version.number,
        version=version.name,
        dated=version.dated,
        sources=len(version.sources),
        since=previous.name,
        since_number=previous.number,
        since_dated=previous.dated,
        changes=tuple(compare(previous, version)),
        still_open=still_open(previous, version),
    )


def resolved(update: Update, sources: Mapping[str, Source]) -> Update:
    """An update whose citations all land in the brief as it is; the others are named as no longer there."""
    changes = tuple(
        change.model_copy(
            update={
                "before": _resolve(change.before, sources) if change.before else None,
                "after": _resolve(change.after, sources) if change.after else None,
            }
        )
        for change in update.changes
    )
    return update.model_copy(update={"changes": changes})


def _resolve(side: Side, sources: Mapping[str, Source]) -> Side:
    kept, elsewhere = [], list(side.elsewhere)
    for citation in side.citations:
        found = _locate(citation, sources)
        if found is None:
            elsewhere.append(f"{citation.source} s{sentence_number(citation.sentence)}")
        else:
            kept.append(found)
    return side.model_copy(update={"citations": tuple(kept), "elsewhere": tuple(elsewhere)})


def _locate(citation: Citation, sources: Mapping[str, Source]) -> Citation | None:
    """The citation in the brief's sources: at its sentence, or where an edit of the source moved the words."""
    source = sources.get(citation.source)
    if source is None:
        return None
    number = sentence_number(citation.sentence)
    candidates = [source.sentences[number - 1]] if 0 < number <= len(source.sentences) else []
    for sentence in [*candidates, *source.sentences]:
        if citation.text in sentence.text or locate_words(sentence.text, citation.text) is not None:
            return citation.model_copy(update={"sentence": sentence.id})
    return None
