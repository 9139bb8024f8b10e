"""The analyst's curation in data/brief.yaml: its schema, and checks against the sources."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from builder import bounds
from builder.config import DEFAULT_MAX_SOURCE_BYTES
from builder.errors import BriefError, Problem, Problems
from builder.escaping import clean_text
from builder.extract.furniture import not_a_sentence
from builder.model import SENTENCE_ID, Citation, Model, Sentence, Source, locate_words, sentence_source
from builder.safefiles import read_input
from builder.yamlfile import YamlDocument, read_model


class Cite(Model):
    """A citation written out: the sentence, and the words of it the statement rests on."""

    sentence: str
    text: str | None = None


CiteRef = str | Cite


class StatementIn(Model):
    """A statement of the analyst's, with the sentences it rests on."""

    text: str = Field(min_length=1)
    cite: tuple[CiteRef, ...] = Field(min_length=1)


class AnnouncedIn(Model):
    """When the deal was announced, and the sentences that say so."""

    date: bounds.BuildDate
    cite: tuple[CiteRef, ...] = Field(min_length=1)
    proposed: bool = False


class WordIn(Model):
    """A word of the deal card (its type or its status) with the sentences that say it."""

    value: str = Field(min_length=1)
    cite: tuple[CiteRef, ...] = ()
    proposed: bool = False


class ValueIn(Model):
    """What the whole deal is worth, or that the sources say it was not disclosed."""

    amount: float | int | None = None
    unit: str | None = None
    state: Literal["not disclosed"] | None = None
    cite: tuple[CiteRef, ...] = ()
    proposed: bool = False

    @model_validator(mode="after")
    def _amount_or_state(self) -> ValueIn:
        if (self.amount is None) == (self.state is None):
            raise ValueError("give either amount and unit, or state: not disclosed")
        if self.amount is not None and not self.unit:
            raise ValueError("an amount needs its unit (USD, GBP, EUR, …)")
        return self


class SummaryIn(StatementIn):
    """A sentence of the summary, with the sentences it rests on."""

    proposed: bool = False


# A type or status the brief.yaml of `dealbrief new` leaves for the analyst or the draft to fill.
NOT_STATED = "not stated yet"


class DealIn(Model):
    """What the deal is."""

    title: str = Field(min_length=1)
    type: str | WordIn | None = None
    status: str | WordIn | None = None
    announced: AnnouncedIn | None = None
    value: ValueIn | None = None
    summary: tuple[SummaryIn, ...] = ()


PartyRoleIn = Literal["acquirer", "target", "seller", "partner", "investor", "adviser", "financier"]


class PartyIn(Model):
    """A party to the deal."""

    name: str = Field(min_length=1)
    role: PartyRoleIn | None = None
    cite: tuple[CiteRef, ...] = ()
    aliases: tuple[str, ...] = ()
    roles: tuple[StatementIn, ...] = ()
    proposed: bool = False


class OrganizationIn(Model):
    """Other names an organisation goes by."""

    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()


class SourceNoteIn(Model):
    """The analyst's grade of a source."""

    reliability: Literal["high", "medium", "low"] | None = None
    note: str | None = None


class CorrectionIn(Model):
    """Corrections to one extracted fact."""

    speaker: str | None = None
    speaker_title: str | None = None
    speaker_org: str | None = None
    value: bounds.Figure | None = None
    unit: str | None = None
    qualifier: str | None = None
    partial: bool | None = None


class AddQuoteIn(Model):
    """A quote the extractor missed."""

    text: str = Field(min_length=1)
    speaker: str | None = None
    speaker_title: str | None = None
    speaker_org: str | None = None
    cite: CiteRef


class AddAmountIn(Model):
    """A figure the extractor missed."""

    text: str = Field(min_length=1)
    value: bounds.Figure
    unit: str = Field(min_length=1)
    kind: Literal["money", "percent", "quantity"]
    qualifier: str | None = None
    cite: CiteRef


class AddIn(Model):
    """Facts the analyst adds."""

    quotes: tuple[AddQuoteIn, ...] = ()
    amounts: tuple[AddAmountIn, ...] = ()


class FactsIn(Model):
    """What the analyst does to extracted facts, by fact id."""

    hide: tuple[str, ...] = ()
    correct: dict[str, CorrectionIn] = Field(default_factory=dict)
    merge: tuple[tuple[str, ...], ...] = ()
    notes: dict[str, str] = Field(default_factory=dict)
    add: AddIn = AddIn()

    @field_validator("merge")
    @classmethod
    def _pairs(cls, value: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
        for group in value:
            if len(group) < 2:
                raise ValueError("each merge lists at least two fact ids")
        return value


class QuestionIn(Model):
    """A question of the analyst's own."""

    text: str = Field(min_length=1)
    reason: str | None = None
    cite: tuple[CiteRef, ...] = ()


class EventIn(Model):
    """A dated event of the analyst's own."""

    date: date
    label: str = Field(min_length=1)
    cite: tuple[CiteRef, ...] = Field(min_length=1)


class OutputIn(Model):
    """Settings of the outputs."""

    built: bounds.BuildDate | None = None
    paper: Literal["a4", "letter"] = "a4"
    author: str | None = None
    organization: str | None = None
    keywords: tuple[str, ...] = ()


class LimitsIn(Model):
    """Limits that protect the build from runaway input."""

    max_source_bytes: int = Field(default=DEFAULT_MAX_SOURCE_BYTES, gt=0, le=2**40)
    max_sentences_per_source: int = Field(default=bounds.DEFAULT_MAX_SENTENCES, gt=0, le=10**9)
    max_facts_per_source: int = Field(default=bounds.DEFAULT_MAX_FACTS, gt=0, le=10**9)
    print_seconds: float = Field(default=bounds.DEFAULT_PRINT_SECONDS, gt=0, le=7 * 86_400)
    print_memory_mb: int = Field(default=bounds.DEFAULT_PRINT_MEMORY_MB, ge=64, le=2**20)


class Curation(Model):
    """Everything data/brief.yaml may hold."""

    deal: DealIn
    parties: tuple[PartyIn, ...] = ()
    organizations: tuple[OrganizationIn, ...] = ()
    sources: dict[str, SourceNoteIn] = Field(default_factory=dict)
    facts: FactsIn = FactsIn()
    questions: tuple[QuestionIn, ...] = ()
    timeline: tuple[EventIn, ...] = ()
    output: OutputIn = OutputIn()
    limits: LimitsIn = LimitsIn()
    drafted: tuple[str, ...] = ()

    def known_organizations(self) -> frozenset[str]:
        """Every organisation name the analyst gave, aliases included."""
        names = {name for party in self.parties for name in (party.name, *party.aliases)}
        names |= {name for org in self.organizations for name in (org.name, *org.aliases)}
        return frozenset(names)

    def aliases(self) -> dict[str, tuple[str, ...]]:
        """Organisation aliases by lead name."""
        table = {party.name: party.aliases for party in self.parties}
        table.update({org.name: org.aliases for org in self.organizations})
        return table


@dataclass(frozen=True)
class LoadedCuration:
    """The curation with the YAML it came from, to name lines in later errors."""

    curation: Curation
    document: YamlDocument
    file: str

    def problem(self, loc: Sequence[int | str], message: str) -> Problem:
        """A problem at the place of loc in the file."""
        from builder.yamlfile import dotted

        line, column = self.document.locate(loc)
        return Problem(self.file, line, column, dotted(loc), message)


def empty_curation() -> LoadedCuration:
    """The curation of a folder of sources without a brief.yaml: the deal not stated yet."""
    curation = Curation(deal=DealIn(title="Untitled deal"))
    return LoadedCuration(curation, YamlDocument(data={}, root=None), "(no brief.yaml)")


def load_curation(path: Path, shown: str) -> LoadedCuration:
    """Read and validate brief.yaml; raise BriefError with every problem found."""
    problems = Problems()
    loaded = read_curation(path, shown, problems)
    if loaded is None:
        raise BriefError(problems.items)
    return loaded


def read_curation(path: Path, shown: str, problems: Problems) -> LoadedCuration | None:
    """Read brief.yaml, recording problems instead of raising."""
    if not path.exists() and not path.is_symlink():
        problems.add(Problem(shown, message="missing: the brief needs a brief.yaml (`dealbrief new` writes one)"))
        return None
    data = read_input(path, shown, problems, bounds.MAX_BRIEF_BYTES, inside=path.parent)
    if data is None:
        return None
    try:
        text = clean_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        problems.add(Problem(shown, message=f"not UTF-8 (byte at offset {error.start}); save it as UTF-8"))
        return None
    read = read_model(
        text, Curation, shown, problems, not_a_mapping=(1, "brief.yaml must be a mapping with at least a 'deal' key")
    )
    return LoadedCuration(*read, shown) if read else None


def cite_sentence(ref: CiteRef) -> tuple[str, str | None]:
    """Return the sentence id and the cited words of a citation."""
    if isinstance(ref, Cite):
        return ref.sentence, ref.text
    return ref, None


def iter_citations(curation: Curation) -> Iterator[tuple[tuple[int | str, ...], CiteRef, str | None]]:
    """Every citation in the curation with its place, and the words a quote or figure says it holds."""
    deal = curation.deal
    if deal.announced:
        for i, ref in enumerate(deal.announced.cite):
            yield ("deal", "announced", "cite", i), ref, None
    for name in ("type", "status", "value"):
        entry = getattr(deal, name)
        for i, ref in enumerate(getattr(entry, "cite", ())):
            yield ("deal", name, "cite", i), ref, None
    for s, statement in enumerate(deal.summary):
        for i, ref in enumerate(statement.cite):
            yield ("deal", "summary", s, "cite", i), ref, None
    for p, party in enumerate(curation.parties):
        for i, ref in enumerate(party.cite):
            yield ("parties", p, "cite", i), ref, None
        for r, role in enumerate(party.roles):
            for i, ref in enumerate(role.cite):
                yield ("parties", p, "roles", r, "cite", i), ref, None
    for q, quote in enumerate(curation.facts.add.quotes):
        yield ("facts", "add", "quotes", q, "cite"), quote.cite, quote.text
    for a, amount in enumerate(curation.facts.add.amounts):
        yield ("facts", "add", "amounts", a, "cite"), amount.cite, amount.text
    for q, question in enumerate(curation.questions):
        for i, ref in enumerate(question.cite):
            yield ("questions", q, "cite", i), ref, None
    for e, event in enumerate(curation.timeline):
        for i, ref in enumerate(event.cite):
            yield ("timeline", e, "cite", i), ref, None


def check_citations(loaded: LoadedCuration, sources: Sequence[Source]) -> list[Problem]:
    """Check that every cited sentence exists and holds the words a quote or figure claims."""
    by_id = {source.id: source for source in sources}
    problems: list[Problem] = []
    for loc, ref, claimed in iter_citations(loaded.curation):
        sentence_id, words = cite_sentence(ref)
        where = (*loc, "sentence") if isinstance(ref, Cite) else loc
        sentence = find_sentence(by_id, sentence_id)
        if isinstance(sentence, str):
            problems.append(loaded.problem(where, sentence))
            continue
        for needle in (words, claimed):
            if needle and locate_words(sentence.text, needle) is None:
                problems.append(
                    loaded.problem(
                        loc,
                        f"the cited sentence {sentence_id} does not contain {needle!r}; it reads: {sentence.text!r}",
                    )
                )
    for name in loaded.curation.sources:
        if name not in by_id:
            problems.append(loaded.problem(("sources", name), f"no source {name!r} in data/sources"))
    return problems


def find_sentence(by_id: dict[str, Source], sentence_id: str) -> Sentence | str:
    """Return the sentence with that id, or a message saying why there is none."""
    match = SENTENCE_ID.fullmatch(sentence_id)
    if match is None:
        return f"{sentence_id!r} is not a sentence id: write <source>-s<number>, as on the source pages"
    source = by_id.get(match.group("source"))
    if source is None:
        known = ", ".join(sorted(by_id)) or "none"
        return f"cites {sentence_id!r}, but there is no source {match.group('source')!r} (sources: {known})"
    n = int(match.group("n"))
    if not 1 <= n <= len(source.sentences):
        return f"cites {sentence_id!r}, but {source.id} has sentences s1 to s{len(source.sentences)}"
    sentence = source.sentences[n - 1]
    return not_a_sentence(sentence) or sentence


def citation(by_id: dict[str, Source], ref: CiteRef) -> Citation:
    """Turn a checked citation into the model's Citation."""
    sentence_id, words = cite_sentence(ref)
    sentence = find_sentence(by_id, sentence_id)
    if isinstance(sentence, str):  # check_citations reports these before analysis runs
        raise BriefError([Problem("data/brief.yaml", message=sentence)])
    source_id = sentence_source(sentence_id)
    return Citation(
        source=source_id, sentence=sentence_id, text=_exact(sentence.text, words) if words else sentence.text
    )


def _exact(sentence: str, words: str) -> str:
    """The cited words as the sentence spells them (quotes and spaces may differ in brief.yaml)."""
    place = locate_words(sentence, words)
    return sentence[place[0] : place[1]] if place else words
