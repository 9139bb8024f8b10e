"""The brief's own sentences about its facts: questions, reasons, notes and event labels.

Analysis returns data; these functions word it from templates/_phrases.txt, for the pages, the PDF and
the extract JSON alike.
"""

from __future__ import annotations

from typing import Any

from builder.model import Brief, Conflict, Question, Support, TimelineEvent
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
