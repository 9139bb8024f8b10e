"""What the templates show, arranged: lookups, orders and selections of the brief's data; it never decides facts.

The site's pages and the printed brief share this one View, so that the overview's tear sheet and the PDF's
summary page select the same parties, terms, people, quotes and questions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from builder.analyze.cite import cite as cite_fact
from builder.extract.furniture import FURNITURE_NAMES
from builder.model import (
    AmountGroup,
    Brief,
    Citation,
    DateMention,
    DiffPiece,
    Fact,
    Mention,
    Organization,
    Person,
    Question,
    QuoteGroup,
    QuoteVariant,
    Sentence,
    Source,
    SourceNote,
    Term,
    sentence_source,
)
from builder.wording import Wording

_DIFF_CONTEXT = 5
_KIND_ORDER: tuple[str, ...] = ("undisclosed", "conflict", "revision", "timing", "conditions", "hedged", "unnamed")
_KIND_ORDER += ("single-source", "party", "analyst")
# What matters most to a reader of a deal: what is withheld, disputed, changed or asked by the analyst first.
_IMPORTANCE: tuple[str, ...] = ("undisclosed", "conflict", "revision", "analyst", "timing", "conditions", "hedged")
_IMPORTANCE += ("party", "unnamed", "single-source")
# Financials shows figures by what they measure: the deal's terms first, then the parties, the market, the rest.
_MEASURE_ORDER: tuple[str, ...] = ("deal_value", "price_per_share", "premium", "stake", "financing", "fee", "shares")
_MEASURE_ORDER += ("synergies", "earnings_effect", "revenue", "profit", "market_value", "market_move", "exchange_rate")
_MEASURE_ORDER += ("context",)
KEY_PEOPLE = 4
KEY_QUOTES = 3
KEY_QUOTE_WORDS = 45
TOP_QUESTIONS = 3
FOOTNOTE_WORDS = 20  # a footnote quotes a sentence whole up to this length, else the clause it cites


@dataclass(frozen=True)
class Speaker:
    """A speaker and the quote groups the brief has of them."""

    name: str
    groups: list[QuoteGroup]

    @property
    def title(self) -> str | None:
        return next((g.speaker_title for g in self.groups if g.speaker_title), None)

    @property
    def org(self) -> str | None:
        return next((g.speaker_org for g in self.groups if g.speaker_org), None)

    @property
    def unknown(self) -> bool:
        return not self.name


class View:
    """Lookups and arrangements the templates need; it never decides facts."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.sources = {source.id: source for source in brief.sources}
        self.notes = {note.source: note for note in brief.source_notes}
        self.words = Wording(brief)
        self._quoted: set[str] = set()

    def footnote(self, citation: Citation, shown: str = "") -> str:
        """What a printed footnote quotes of its sentence: the clause that holds the cited words, the first
        time the brief cites the sentence; nothing when an earlier footnote quoted it, or when the text the
        citation stands beside (shown) is the sentence's own words. Asked for in the order of printing."""
        sentence = _plain(self.sentence(citation.sentence).text)
        pieces = [_plain(piece).strip('" ') for piece in shown.split("…")]
        if citation.sentence in self._quoted or (shown and all(piece in sentence for piece in pieces if piece)):
            return ""
        self._quoted.add(citation.sentence)
        return self.words.excerpt(citation, most=FOOTNOTE_WORDS)

    def source_names(self) -> list[str]:
        """The sources as readers know them, in the brief's order."""
        return [self.words.source_name(source.id) for source in self.brief.sources]

    def sentence(self, sentence_id: str) -> Sentence:
        """The sentence with that id."""
        return self.sources[sentence_source(sentence_id)].sentence(sentence_id)

    def sentence_text(self, citation: Citation) -> str:
        """The whole sentence a citation points at (shown when hovering the citation)."""
        return self.sentence(citation.sentence).text

    def cite(self, fact: Fact) -> Citation:
        """The citation of a fact."""
        return cite_fact(fact, self.sources)

    def first_mentions(self, mentions: Sequence[Mention]) -> list[Citation]:
        """One citation per source: the first place each source names the entity in its article."""
        seen: dict[str, Mention] = {}
        for mention in mentions:
            if not self.sentence(mention.sentence).furniture:
                seen.setdefault(mention.source, mention)
        order = {source.id: index for index, source in enumerate(self.brief.sources)}
        return [
            Citation(source=m.source, sentence=m.sentence, text=m.text)
            for m in sorted(seen.values(), key=lambda m: order.get(m.source, 0))
        ]

    def other_organizations(self) -> list[Organization]:
        """Organisations the sources mention that are not parties to the deal."""
        return [org for org in self.brief.organizations if not org.party and org.mentions]

    def group(self, group_id: str | None) -> AmountGroup | None:
        """The figure group with that id."""
        if not hasattr(self, "_groups"):
            self._groups = {group.id: group for group in self.brief.amount_groups}
        return self._groups.get(group_id or "")

    def key_figures(self) -> list[AmountGroup]:
        """The figures that state the deal's terms, in the terms' order: latest versions first, then history."""
        found: dict[str, AmountGroup] = {}
        for term in self.brief.terms:
            for version in (term, *term.history):
                group = self.group(version.group)
                if group is not None:
                    found.setdefault(group.id, group)
        return list(found.values())

    def figures_by_measure(self) -> list[tuple[str, list[AmountGroup]]]:
        """Figure groups by what they measure, the deal's terms first."""
        by_measure: dict[str, list[AmountGroup]] = {}
        for group in self.brief.amount_groups:
            by_measure.setdefault(group.measure or "context", []).append(group)
        return [(measure, by_measure[measure]) for measure in _MEASURE_ORDER if measure in by_measure]

    def value_term(self) -> Term | None:
        """The term that gives the deal's value (the target's first), if the sources state or withhold one."""
        return next((term for term in self.brief.terms if term.measure == "deal_value"), None)

    def value_from_sources(self) -> bool:
        """Whether the deal's value is shown as the sources' term: the card proposes it from them, and the
        analyst has neither confirmed, corrected nor deleted it."""
        return self.value_term() is not None and "value" in self.brief.deal.proposed

    def other_terms(self) -> list[Term]:
        """The deal's terms after its value, in the terms' fixed order."""
        value = self.value_term()
        return [term for term in self.brief.terms if term is not value]

    def revised_terms(self) -> list[Term]:
        """The terms whose value changed as the deal went on."""
        return [term for term in self.brief.terms if term.revised]

    def key_people(self) -> list[Person]:
        """The people of the deal a reader should know: those with a title or organisation, most cited first."""
        named = [p for p in self.brief.people if (p.title or p.organization) and self.first_mentions(p.mentions)]
        return named[:KEY_PEOPLE]

    def key_quotes(self) -> list[QuoteGroup]:
        """A few quotes that carry the deal: named people first, the widely carried first, one a speaker."""
        candidates = [
            g
            for g in self.brief.quote_groups
            if g.speaker and not g.unnamed and not g.partial and len(self.key_quote_text(g).split()) <= KEY_QUOTE_WORDS
        ]
        candidates.sort(key=lambda g: (g.speaker_kind != "person", -len(g.support.sources)))
        chosen: list[QuoteGroup] = []
        for group in candidates:
            if all(group.speaker != other.speaker for other in chosen):
                chosen.append(group)
        return chosen[:KEY_QUOTES]

    def key_quote_text(self, group: QuoteGroup) -> str:
        """A quote as the summary shows it: its first paragraph, with an ellipsis when more follows."""
        paragraphs = self.quote_paragraphs(group.text)
        return paragraphs[0] + (" …" if len(paragraphs) > 1 else "")

    def top_questions(self) -> list[Question]:
        """The open questions that matter most, a few."""
        questions = self.unique_questions()
        return sorted(questions, key=_importance)[:TOP_QUESTIONS]

    def unique_questions(self) -> list[Question]:
        """The brief's questions, each asked once: questions worded alike, or asking who the same unnamed
        speaker of one sentence is, are one, with the citations and facts of both."""
        kept: dict[tuple[str, ...], Question] = {}
        for question in self.brief.questions:
            key = self._question_key(question)
            if key in kept:
                other = kept[key]
                citations = {c.sentence: c for c in (*other.citations, *question.citations)}
                kept[key] = other.model_copy(
                    update={
                        "citations": tuple(citations.values()),
                        "facts": tuple(dict.fromkeys((*other.facts, *question.facts))),
                    }
                )
            else:
                kept[key] = question
        return list(kept.values())

    def _question_key(self, question: Question) -> tuple[str, ...]:
        if question.kind == "unnamed" and question.who and question.citations:
            return ("unnamed", question.who.lower(), question.citations[0].sentence)
        return ("text", self.words.question_text(question))

    def quotes_by_speaker(self) -> list[tuple[Speaker, list[QuoteGroup]]]:
        """Quote groups by speaker, speakers in the order the brief first quotes them."""
        by_speaker: dict[str, list[QuoteGroup]] = {}
        for group in self.brief.quote_groups:
            by_speaker.setdefault(group.speaker or "", []).append(group)
        return [(Speaker(name, groups), groups) for name, groups in by_speaker.items()]

    @staticmethod
    def same_words(group: QuoteGroup) -> bool:
        """Whether every source of a quote carries it word for word."""
        return all(variant.identical for variant in group.variants)

    def diff(self, variant: QuoteVariant) -> list[DiffPiece]:
        """The pieces of a variant around its differences, with long same stretches cut to a few words."""
        pieces: list[DiffPiece] = []
        last = len(variant.diff) - 1
        for index, piece in enumerate(variant.diff):
            if piece.op != "same":
                pieces.append(piece)
                continue
            words = piece.text.split()
            keep_head = index > 0
            keep_tail = index < last
            if len(words) <= 2 * _DIFF_CONTEXT + 1 or not (keep_head or keep_tail):
                text = piece.text if (keep_head or keep_tail) else " ".join(words[:_DIFF_CONTEXT]) + " …"
            elif keep_head and keep_tail:
                text = " ".join(words[:_DIFF_CONTEXT]) + " … " + " ".join(words[-_DIFF_CONTEXT:])
            elif keep_head:
                text = " ".join(words[:_DIFF_CONTEXT]) + " …"
            else:
                text = "… " + " ".join(words[-_DIFF_CONTEXT:])
            pieces.append(DiffPiece(op="same", text=text))
        return pieces

    @staticmethod
    def quote_paragraphs(text: str) -> list[str]:
        """A quote's paragraphs, without the opening marks that continue a quote into a new paragraph."""
        paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
        return [paragraphs[0], *(p.lstrip("“\"‘'") for p in paragraphs[1:])] if paragraphs else [text]

    def horizons(self, group: AmountGroup) -> list[str]:
        """The horizons the sources give a figure, each once."""
        return list(dict.fromkeys(item.horizon for item in group.items if item.horizon))

    def questions_by_kind(self) -> list[tuple[str, list[Question]]]:
        """Questions by kind, in the order a reader should see them, each asked once."""
        questions = self.unique_questions()
        return [
            (kind, [q for q in questions if q.kind == kind])
            for kind in _KIND_ORDER
            if any(q.kind == kind for q in questions)
        ]

    def fact_pages(self, question: Question) -> list[tuple[str, str, int]]:
        """Where the facts behind a question are shown: for each page, the anchor of the first quote or figure
        group, and how many of them the question has there (one link a page: "See the figures.")."""
        if not hasattr(self, "_pages_of_facts"):
            self._pages_of_facts = {q.id: ("quotes.md", q.group) for q in self.brief.quotes if q.group}
            self._pages_of_facts |= {a.id: ("financials.md", a.group) for a in self.brief.amounts if a.group}
        places = dict.fromkeys(self._pages_of_facts[f] for f in question.facts if f in self._pages_of_facts)
        pages: dict[str, tuple[str, int]] = {}
        for page, anchor in places:
            first, count = pages.get(page, (anchor, 0))
            pages[page] = (first, count + 1)
        return [(page, anchor, count) for page, (anchor, count) in pages.items()]

    def unplaced_dates(self) -> list[DateMention]:
        """Relative dates that no source date resolves."""
        return [d for d in self.brief.dates if d.value is None]

    def paragraphs(self, source: Source) -> list[list[Sentence]]:
        """A source's sentences by paragraph."""
        paragraphs: dict[int, list[Sentence]] = {}
        for sentence in source.sentences:
            paragraphs.setdefault(sentence.paragraph, []).append(sentence)
        return [paragraphs[key] for key in sorted(paragraphs)]

    @staticmethod
    def safe_url(url: str | None) -> str | None:
        """A source's address, only when it is a web address."""
        if (
            url
            and url.strip().lower().startswith(("http://", "https://"))
            and not any(c.isspace() for c in url.strip())
        ):
            return url.strip()
        return None

    def cited_sentences(self) -> set[str]:
        """Every sentence the printed brief cites: the ones its appendix prints."""
        from builder.verify import citations_in

        cited = {c.sentence for c in citations_in(self.brief)}
        cited |= {fact.sentence for fact in self.brief.disclosures}
        entities: list[Person | Organization] = [*self.brief.people, *self.other_organizations()]
        for entity in entities:
            cited |= {c.sentence for c in self.first_mentions(entity.mentions)[:1]}
        return cited

    def feed_id(self) -> str:
        """The feed's id: the deal's title as a name that stays while the title does."""
        return "urn:dealbrief:" + ("-".join(re.findall(r"[a-z0-9]+", self.brief.deal.title.lower())) or "brief")

    @staticmethod
    def atom_date(day: date | None) -> str:
        """A version's date as the feed gives it; an undated version is dated at the epoch, never by the clock."""
        return f"{(day or date(1970, 1, 1)).isoformat()}T00:00:00Z"

    @staticmethod
    def furniture_name(kind: str) -> str:
        """What a kind of page furniture is called: "a section label", "the byline"."""
        return FURNITURE_NAMES.get(kind, "page furniture")

    def source_note(self, source_id: str) -> SourceNote | None:
        """The analyst's note on a source."""
        return self.notes.get(source_id)


def _plain(text: str) -> str:
    """Text as compared for being the same words: quotation marks and spacing aside."""
    return " ".join(text.translate(_QUOTE_MARKS).split())


_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _importance(question: Question) -> int:
    """How much a question matters to the deal: a term withheld before a person who declined to comment."""
    if question.kind == "undisclosed" and question.who and question.measure is None:
        return _IMPORTANCE.index("party")
    return _IMPORTANCE.index(question.kind)
