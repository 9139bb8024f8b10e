"""The brief's own sentences about its facts: questions, reasons, notes and event labels.

Analysis returns data; these functions word it from templates/_phrases.txt, for the pages, the PDF and
the extract JSON alike.
"""

from __future__ import annotations

from typing import Any

from builder.model import (
    Brief,
    Change,
    Citation,
    Conflict,
    Question,
    Side,
    Support,
    TimelineEvent,
    Update,
    sentence_number,
)
from builder.templating import environment, long_date


def phrase(name: str, **values: Any) -> str:
    """Write one of the brief's phrases (questions, notes) from templates/_phrases.txt."""
    macro = getattr(environment("text").get_template("_phrases.txt").module, name)
    return " ".join(str(macro(**values)).split())


class Wording:
    """Words the brief's data for a reader, with the sources named as the brief names them."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.sources = {source.id: source for source in brief.sources}

    def source_name(self, source_id: str) -> str:
        """How the brief names a source."""
        return source_id

    def question_text(self, question: Question) -> str:
        """The question, as a reader reads it."""
        if question.text is not None:
            return question.text
        items = [(item.text, self.source_name(item.source)) for item in question.items]
        if question.kind == "undisclosed":
            if question.who:
                return phrase("q_declined", who=question.who, about=question.about)
            return phrase("q_undisclosed", about=question.about, plural=question.plural)
        if question.conflict is not None:
            return phrase("q_" + question.conflict.replace("-", "_"), about=question.about, items=items)
        if question.kind == "single-source":
            return phrase("q_single_figure", text=question.items[0].text, about=question.about)
        if question.kind == "party":
            return phrase("q_party", role=question.who, about=question.about)
        if question.items:  # a claim of unnamed people
            return phrase("q_unnamed", descriptor=question.who, claim=question.claim)
        return phrase("q_unnamed_quote", speaker=question.who, quote=question.claim)

    def question_reason(self, question: Question) -> str:
        """Why the sources leave the question open."""
        if question.kind == "analyst":
            return question.reason or phrase("r_analyst")
        first = question.citations[0] if question.citations else None
        source = self.source_name(first.source) if first else ""
        if question.kind == "undisclosed" and first is not None:
            sentence = self.sources[first.source].sentence(first.sentence).text
            return phrase("r_undisclosed", source=source, text=sentence)
        if question.conflict is not None:
            items = [{"text": item.text, "source": self.source_name(item.source)} for item in question.items]
            return phrase("conflict_note", kind=question.conflict, items=items)
        if question.kind == "single-source":
            return phrase("r_single", source=self.source_name(question.items[0].source))
        if question.kind == "party" and first is not None:
            return phrase("r_party", role=question.who, about=question.about, source=source, words=first.text)
        if question.items:
            return phrase("r_unnamed", source=self.source_name(question.items[0].source))
        return phrase("r_unnamed_quote", speaker=question.who)

    def conflict_note(self, conflict: Conflict) -> str:
        """What the sources say of a figure they disagree on, or hedge differently."""
        items = [{"text": item.text, "source": self.source_name(item.source)} for item in conflict.items]
        return phrase("conflict_note", kind=conflict.kind, items=items)

    @staticmethod
    def support_note(support: Support) -> str:
        """How many sources carry a fact, and how independently."""
        return phrase("support_note", sources=len(support.sources), origins=support.origins)

    def event_label(self, event: TimelineEvent) -> str:
        """What happened on an event's date."""
        if event.kind == "announced":
            return phrase("event_announced", title=self.brief.deal.title)
        if event.kind == "dateline" and event.citations:
            return phrase("event_dated", source=self.source_name(event.citations[0].source))
        return event.label or ""

    def event_note(self, event: TimelineEvent) -> str | None:
        """How the date of an event was worked out, when a reader needs to know."""
        if event.counted_from_announcement:
            return phrase("note_anchor", date=long_date(self.brief.deal.announced))
        return None

    def change_parts(self, change: Change) -> list[tuple[str, tuple[Citation, ...]]]:
        """A change as one line: its parts, each with the sentences it rests on."""
        before, after = change.before, change.after
        parts: list[tuple[str, Side | None]]
        if change.kind.startswith("source-"):
            side = after or before
            title, dated = (side.text, long_date(side.dated) if side.dated else None) if side else ("", None)
            parts = [(phrase("ch_source", kind=change.kind, title=title, outlet=change.about, date=dated), None)]
        elif change.kind.startswith("term-"):
            measure = phrase("measure", what=change.about or "", subject=change.subject)
            if before is not None and change.kind in ("term-revised", "term-contradicted"):
                parts = [
                    (phrase("ch_term", kind=change.kind, measure=measure, side=self._side(before)), before),
                    (phrase("ch_term_to", kind=change.kind, side=self._side(after)), after),
                ]
            else:
                parts = [(phrase("ch_term", kind=change.kind, measure=measure, side=self._side(after)), after)]
        elif change.kind.startswith("quote-"):
            side = after or before
            text = before.text if change.kind == "quote-dropped" and before else (side.text if side else "")
            parts = [(phrase("ch_quote", kind=change.kind, speaker=change.about, text=text), side)]
        elif change.kind.startswith("figure-"):
            side = after or before
            parts = [(phrase("ch_figure", kind=change.kind, text=side.text if side else "", about=change.about), side)]
        elif change.kind.startswith("conflict-"):
            shown = before if change.kind == "conflict-resolved" else after
            text = shown.text if shown else ""
            parts = [
                (phrase("ch_conflict", kind=change.kind, detail=change.detail, text=text, about=change.about), shown)
            ]
            if change.kind == "conflict-resolved" and after is not None:
                parts.append((phrase("ch_conflict_now", text=after.text), after))
        elif change.kind.startswith("question-"):
            question = self.question_text(change.question) if change.question else ""
            asked = after if change.kind == "question-raised" else before
            parts = [(phrase("ch_question", kind=change.kind, question=question), asked)]
            if change.kind == "question-answered" and after is not None:
                dated = long_date(after.dated) if after.dated else None
                parts.append((phrase("ch_answer", text=after.text, date=dated), after))
        else:
            label = (
                change.about if change.detail != "announced" else phrase("event_announced", title=self.brief.deal.title)
            )
            parts = [(phrase("ch_event", date=long_date(change.when), label=label), after)]
        return [(self._with_elsewhere(text, side), side.citations if side else ()) for text, side in parts]

    @staticmethod
    def _side(side: Side | None) -> str:
        if side is None:
            return ""
        return phrase("side", text=side.text, stage=side.stage, date=long_date(side.dated) if side.dated else None)

    @staticmethod
    def _with_elsewhere(text: str, side: Side | None) -> str:
        """A part of a change, naming the sentences it cites that are no longer in the sources."""
        if side is None or not side.elsewhere:
            return text
        return f"{text} {phrase('ch_elsewhere', places=side.elsewhere)}"

    def change_text(self, change: Change) -> str:
        """A change as one line of plain text, each citation as its source and sentence number."""
        pieces = []
        for text, citations in self.change_parts(change):
            cites = " ".join(f"[{self.source_name(c.source)} s{sentence_number(c.sentence)}]" for c in citations)
            pieces.append(f"{text} {cites}".strip())
        return " ".join(pieces)

    @staticmethod
    def update_title(update: Update) -> str:
        """A version's heading: its number, date and sources."""
        dated = long_date(update.dated) if update.dated else None
        return phrase("update_title", number=update.number, date=dated, sources=update.sources)

    def update_summary(self, update: Update) -> str:
        """What changed in a version, in one line: counts by kind, the deal terms by name."""
        if update.since is None:
            return phrase(
                "update_first", date=long_date(update.dated) if update.dated else None, sources=update.sources
            )
        by_kind: dict[str, list[Change]] = {}
        for change in update.changes:
            by_kind.setdefault(change.kind, []).append(change)
        parts = []
        for kind, found in by_kind.items():
            names = list(dict.fromkeys(phrase("measure", what=c.about or "", subject=None) for c in found))
            parts.append(phrase("update_count", kind=kind, count=len(found), names=names))
        since_date = long_date(update.since_dated) if update.since_dated else None
        since = phrase("update_since", number=update.since_number, version=update.since, date=since_date)
        return phrase("update_summary", since=since, parts=parts, still_open=update.still_open)
