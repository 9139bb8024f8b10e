"""The brief's updates: newest first, the same before and after recording, citations checked against the brief."""

from __future__ import annotations

from builder.analyze.record import numbered
from builder.analyze.updates import history, resolved
from builder.model import Sentence, Source, SourceMeta
from tests.test_changes import DAY1, DAY2, cite, figure, source, version


def test_history_is_newest_first_and_the_same_before_and_after_recording() -> None:
    v1 = numbered(version(0, DAY1), [])
    current = numbered(version(0, DAY2, sources=(source("talks", DAY1), source("agreed", DAY2))), [v1])
    pending = history([v1], current)
    assert [(u.number, u.since) for u in pending] == [(2, v1.name), (1, None)]
    assert history([v1, current], current) == pending
    assert [u.number for u in history([], v1)] == [1] and history([], v1)[0].changes == ()


def test_citations_follow_their_words_and_name_what_is_gone() -> None:
    text = "The deal was agreed. It is worth $7.3 billion."
    sentences = (
        Sentence(id="agreed-s1", n=1, start=0, end=20, paragraph=1, text="The deal was agreed."),
        Sentence(id="agreed-s2", n=2, start=21, end=len(text), paragraph=1, text="It is worth $7.3 billion."),
    )
    brief_sources = {
        "agreed": Source(id="agreed", path="x", meta=SourceMeta(), text=text, sha256="", sentences=sentences)
    }
    v1 = version(1, DAY1)
    v2 = version(
        2,
        DAY2,
        figures=(
            figure(("$7.3 billion", 7.3e9, cite("agreed", 5, "$7.3 billion"))),
            figure(("$1", 1, cite("gone", 1, "$1"))),
        ),
    )
    update = resolved(history([v1], v2)[0], brief_sources)
    moved, gone = (change.after for change in update.changes)
    assert moved is not None and moved.citations == (cite("agreed", 2, "$7.3 billion"),)
    assert gone is not None and gone.citations == () and gone.elsewhere == ("gone s1",)
