"""The brief's own sentences about its facts: source names, places, questions, reasons, notes, event labels.

Analysis returns data; these functions word it from templates/_phrases.txt, for the pages, the PDF and
the extract JSON alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from builder.askers import descriptor, lower_determiner, plural_who, short_quote
from builder.extract import reference_date
from builder.extract.clauses import WHOLE_SENTENCE_WORDS, excerpt, is_whole
from builder.model import (
    AmountGroup,
    Brief,
    Change,
    Citation,
    Conflict,
    ImpliedRate,
    Question,
    Side,
    Source,
    Support,
    Term,
    TermVersion,
    TimelineEvent,
    Update,
    locate_words,
    sentence_number,
    sentence_source,
)
from builder.source_names import source_names
from builder.templating import environment, long_date

_TERMINAL = re.compile(r"[.!?…][\"”’')\]]*$")
_PAST = {
    "say": "said",
    "disclose": "disclosed",
    "reveal": "revealed",
    "comment": "commented",
    "give": "given",
    "confirm": "confirmed",
    "specify": "specified",
    "elaborate": "elaborated",
    "discuss": "discussed",
    "name": "named",
}
_HOW_MUCH = frozenset("sum amount fee price figure value consideration cost".split())


def phrase(name: str, **values: Any) -> str:
    """Write one of the brief's phrases (questions, notes) from templates/_phrases.txt."""
    macro = getattr(environment("text").get_template("_phrases.txt").module, name)
    return " ".join(str(macro(**values)).split())


def full_sentence(text: str) -> str:
    """A statement of the analyst's as a sentence: a capital first letter, a full stop at the end."""
    text = " ".join(text.split())
    if not text:
        return text
    text = text[:1].upper() + text[1:].rstrip(":;,")  # "… for $17.2 billion:", a factbox's lead-in, ends here
    return text if _TERMINAL.search(text) else text + "."


class Wording:
    """Words the brief's data for a reader, with the sources named as readers know them."""

    full = staticmethod(full_sentence)

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.sources = {source.id: source for source in brief.sources}
        self.names = source_names(brief.sources)
        self.dates = {mention.id: mention for mention in brief.dates}

    def source_name(self, source_id: str) -> str:
        """How the brief names a source."""
        return self.names.get(source_id, source_id)

    def place(self, sentence_id: str) -> str:
        """Where a sentence is, as readers cite it: "Converge360 ¶17"."""
        return f"{self.source_name(sentence_source(sentence_id))} ¶{sentence_number(sentence_id)}"

    def sentence(self, sentence_id: str) -> str:
        """The whole text of a sentence."""
        return self.sources[sentence_source(sentence_id)].sentence(sentence_id).text

    @staticmethod
    def quoted(words: str) -> str:
        """A source's words in quotation marks, as a sentence of the brief: a full stop after them when they
        have none of their own."""
        return f"“{words}”" if is_whole(words) else f"“{words}”."

    @staticmethod
    def shown(words: str) -> str:
        """A source's words shown as the brief's text: as they are when they end as a sentence or a cut does,
        in quotation marks when they do not (a headline, a caption)."""
        return words if not words or is_whole(words) else f"“{words}”"

    def excerpt(self, citation: Citation, most: int = WHOLE_SENTENCE_WORDS) -> str:
        """The clause of the cited sentence that holds the cited words: the sentence itself when short."""
        text = self.sentence(citation.sentence)
        place = locate_words(text, citation.text) or (0, len(text))
        return excerpt(text, *place, most=most)

    def question_text(self, question: Question) -> str:
        """The question, as a reader reads it."""
        if question.text is not None:
            return full_sentence(question.text)
        if question.kind == "undisclosed" and question.measure is not None:
            return phrase("q_undisclosed_term", measure=question.measure, subject=question.subject)
        if question.kind == "revision":
            items = [(item.text, self.source_name(item.source)) for item in question.items]
            return phrase("q_revision", label=self.measure_label(question.measure or ""), items=items)
        if question.kind in ("timing", "conditions"):
            return phrase("q_" + question.kind)
        if question.kind == "undisclosed":
            return self._undisclosed(question)
        if question.conflict is not None:
            texts = list(dict.fromkeys(item.text for item in question.items))
            return phrase("q_figures", kind=question.conflict, items=texts)
        if question.kind == "single-source":
            return phrase("q_single_figure", text=question.items[0].text)
        if question.kind == "party":
            return phrase("q_party", role=question.who, about=question.about)
        who, plural = descriptor(question.who or "")
        if question.items:  # claims of unnamed people
            source = self.source_name(question.items[0].source)
            claims = len({c.sentence for c in question.citations})
            return phrase("q_unnamed", descriptor=who, plural=plural, source=source, claims=claims)
        quote = short_quote(question.claim or "")
        return phrase("q_unnamed_quote", descriptor=who or "speaker", plural=plural, quote=quote)

    def question_reason(self, question: Question) -> str:
        """Why the sources leave the question open, with the words they leave it open in."""
        if question.kind == "analyst":
            return full_sentence(question.reason) if question.reason else phrase("r_analyst")
        first = question.citations[0] if question.citations else None
        source = self.source_name(first.source) if first else ""
        if question.kind == "undisclosed" and first is not None:
            return phrase("r_undisclosed", source=source, text=self.sentence(first.sentence))
        if question.kind in ("revision", "timing", "conditions"):
            return phrase("r_" + question.kind)
        if question.conflict is not None:
            items = [
                {"source": self.source_name(c.source), "excerpt": self.excerpt(c)}
                for c in _one_per_source(question.citations, self.sources)
            ]
            return phrase("r_figures", kind=question.conflict, items=items)
        if question.kind == "single-source" and first is not None:
            return phrase("r_single", source=self.source_name(question.items[0].source), excerpt=self.excerpt(first))
        if question.kind == "party" and first is not None:
            return phrase("r_party", role=question.who, about=question.about, source=source, words=first.text)
        if question.items and first is not None:
            said = [c for c in question.citations if c.source == first.source]
            texts = list(dict.fromkeys(self.sentence(c.sentence) for c in said))
            return phrase("r_unnamed", source=source, texts=texts)
        return phrase("r_unnamed_quote", source=source)

    def conflict_note(self, conflict: Conflict) -> str:
        """What the sources say of a figure they disagree on, or hedge differently."""
        places: dict[tuple[str, str], list[str]] = {}
        for item in conflict.items:
            places.setdefault((item.text, item.source), []).append(f"¶{sentence_number(item.sentence)}")
        items = [
            {"text": text, "source": f"{self.source_name(source)} {', '.join(dict.fromkeys(numbers))}"}
            for (text, source), numbers in places.items()
        ]
        return phrase("conflict_note", kind=conflict.kind, items=items)

    @staticmethod
    def measure_label(measure: str) -> str:
        """What a measure is called in the brief: "Value", "Price per share", "Other figures"."""
        return phrase("measure_label", measure=measure)

    @staticmethod
    def stage_label(stage: str | None) -> str:
        """How far the deal had gone, in a reader's words: "offered", "agreed"."""
        return phrase("stage_label", stage=stage) if stage else ""

    def term_label(self, term: Term) -> str:
        """A term's row heading: its measure, and for a deal's value what it counts ("Value including debt")."""
        return phrase("measure_label", measure=term.measure, basis=term.basis)

    @staticmethod
    def group_label(group: AmountGroup) -> str:
        """What a group of figures measures, with the basis of a deal's value: "Value including debt"."""
        return phrase("measure_label", measure=group.measure or "", basis=group.basis)

    @staticmethod
    def term_party(term: Term) -> str:
        """Who is on the other side of a term: "by Tata Steel", "held by TCI", "with Lumen"."""
        return phrase("term_party", measure=term.measure, party=term.party) if term.party else ""

    @staticmethod
    def term_value(version: TermVersion) -> str:
        """A term's value as the sources state it, or "Not disclosed"."""
        return phrase("term_value", state=version.state, text=version.text or "")

    def version_note(self, version: TermVersion) -> str:
        """An earlier version of a term, with its stage, date and source."""
        source = self.source_name(version.citations[0].source) if version.citations else ""
        when = long_date(version.when) if version.when else ""
        text = self.term_value(version)
        return phrase("version_note", text=text, stage=self.stage_label(version.stage), when=when, source=source)

    def rate_note(self, rate: ImpliedRate) -> str:
        """The exchange rate a source's conversion implies."""
        return phrase(
            "rate_note",
            base=rate.base,
            converted=rate.converted,
            unit=rate.unit,
            rate=f"{rate.rate:g}",
            source=self.source_name(rate.source),
        )

    @staticmethod
    def support_note(support: Support) -> str:
        """How many sources carry a fact, and how independently; nothing for a single source."""
        return phrase("support_note", sources=len(support.sources), origins=support.origins)

    def event_label(self, event: TimelineEvent) -> str:
        """What happened on an event's date."""
        if event.kind == "announced":
            return phrase("event_announced", title=self.brief.deal.title)
        if event.kind == "analyst":
            return full_sentence(event.label or "")
        return self.shown(event.label or "")

    def event_note(self, event: TimelineEvent) -> str | None:
        """How each relative date of an event was placed, in the words the sources use."""
        if event.kind != "mention":
            return None
        notes = []
        for fact in event.facts:
            mention = self.dates.get(fact)
            if mention is None or not mention.relative or mention.anchor is None:
                continue
            source = self.sources[mention.source]
            date = self.brief.deal.announced if mention.anchor == "announcement" else reference_date(source)
            basis = phrase("basis", anchor=mention.anchor, date=long_date(date), source=self.source_name(source.id))
            notes.append(phrase("note_reading", phrase=mention.text[:1].upper() + mention.text[1:], basis=basis))
        return " ".join(dict.fromkeys(notes)) or None

    def change_parts(self, change: Change) -> list[tuple[str, tuple[Citation, ...]]]:
        """A change as one line: its parts, each with the sentences it rests on."""
        before, after = change.before, change.after
        parts: list[tuple[str, Side | None]]
        if change.kind.startswith("source-"):
            side = after or before
            title, dated = (side.text, long_date(side.dated) if side.dated else None) if side else ("", None)
            parts = [(phrase("ch_source", kind=change.kind, title=title, outlet=change.about, date=dated), None)]
        elif change.kind.startswith("term-"):
            measure = phrase("measure", what=change.about or "", subject=change.subject, basis=change.detail)
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

    @staticmethod
    def _measure_named(change: Change) -> str:
        """What a change is about, as an update's summary names it: "deal value including debt"."""
        basis = change.detail if change.kind.startswith("term-") else None
        return phrase("measure", what=change.about or "", subject=None, basis=basis)

    def change_text(self, change: Change) -> str:
        """A change as one line of plain text, each citation as its source and sentence number."""
        pieces = []
        for text, citations in self.change_parts(change):
            cites = " ".join(f"[{self.place(c.sentence)}]" for c in citations)
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
            names = list(dict.fromkeys(self._measure_named(c) for c in found))
            parts.append(phrase("update_count", kind=kind, count=len(found), names=names))
        since_date = long_date(update.since_dated) if update.since_dated else None
        since = phrase("update_since", number=update.since_number, version=update.since, date=since_date)
        return phrase("update_summary", since=since, parts=parts, still_open=update.still_open)

    def _undisclosed(self, question: Question) -> str:
        about = question.about or ""
        if question.who:
            verb, _, what = about.partition(" ")
            done = _PAST.get(verb, verb)
            who = lower_determiner(question.who)
            return phrase("q_declined", who=who, plural=plural_who(who), done=done, what=what)
        head = about.split(" of ", 1)[0].split()[-1:] or [""]
        return phrase("q_undisclosed", about=about, plural=question.plural, how_much=head[0].lower() in _HOW_MUCH)


def _one_per_source(citations: Sequence[Citation], sources: dict[str, Source]) -> list[Citation]:
    """A citation per source: its first that is a whole sentence (not a headline), else its first."""
    chosen: dict[str, Citation] = {}
    for citation in citations:
        known = chosen.get(citation.source)
        if known is None or (not _whole(known, sources) and _whole(citation, sources)):
            chosen[citation.source] = citation
    return list(chosen.values())


def _whole(citation: Citation, sources: dict[str, Source]) -> bool:
    return is_whole(sources[citation.source].sentence(citation.sentence).text)
