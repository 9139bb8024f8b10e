"""Render the brief into Markdown pages for the site, and into the HTML the PDF is printed from."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib.resources import files
from typing import Any

from builder.analyze.cite import cite as cite_fact
from builder.escaping import front_matter, json_for_html, theme_html
from builder.generated import content_digest, header
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
    sentence_source,
)
from builder.templating import environment
from builder.wording import Wording

# The pages of the brief in reading order: path under docs/, template, title.
PAGES: tuple[tuple[str, str, str], ...] = (
    ("index.md", "overview.md.j2", "Overview"),
    ("parties.md", "parties.md.j2", "Parties"),
    ("quotes.md", "quotes.md.j2", "Quotes"),
    ("financials.md", "financials.md.j2", "Financials"),
    ("questions.md", "questions.md.j2", "Open questions"),
    ("timeline.md", "timeline.md.j2", "Timeline"),
    ("updates.md", "updates.md.j2", "Updates"),
    ("sources/index.md", "sources.md.j2", "Sources"),
)
# Files copied from the package into the project on every build, so a brief never runs on stale assets.
ASSETS: tuple[tuple[str, str], ...] = (
    ("docs/stylesheets/brief.css", "site/brief.css"),
    ("overrides/main.html", "site/main.html"),
)
INPUTS = "data/sources/ and data/brief.yaml"
_DIFF_CONTEXT = 5
_KIND_ORDER = ("undisclosed", "conflict", "hedged", "unnamed", "single-source", "party", "analyst")


@dataclass(frozen=True)
class Rendered:
    """Every generated file, by its path from the project root."""

    files: dict[str, str]


class View:
    """Lookups and arrangements the templates need; it never decides facts."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.sources = {source.id: source for source in brief.sources}
        self.notes = {note.source: note for note in brief.source_notes}
        self.words = Wording(brief)

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
        """One citation per source: the first place each source names the entity."""
        seen: dict[str, Mention] = {}
        for mention in mentions:
            seen.setdefault(mention.source, mention)
        order = {source.id: index for index, source in enumerate(self.brief.sources)}
        return [
            Citation(source=m.source, sentence=m.sentence, text=m.text)
            for m in sorted(seen.values(), key=lambda m: order.get(m.source, 0))
        ]

    def other_organizations(self) -> list[Organization]:
        """Organisations the sources mention that are not parties to the deal."""
        return [org for org in self.brief.organizations if not org.party and org.mentions]

    def key_figures(self) -> list[AmountGroup]:
        """Money and percentage figures, the ones more sources give first."""
        groups = [g for g in self.brief.amount_groups if g.kind in ("money", "percent")]
        return sorted(groups, key=lambda g: (-len(g.support.sources), g.kind != "money"))

    def quotes_by_speaker(self) -> list[tuple[_Speaker, list[QuoteGroup]]]:
        """Quote groups by speaker, speakers in the order the brief first quotes them."""
        by_speaker: dict[str, list[QuoteGroup]] = {}
        for group in self.brief.quote_groups:
            by_speaker.setdefault(group.speaker or "", []).append(group)
        return [(_Speaker(name, groups), groups) for name, groups in by_speaker.items()]

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

    def figures_by_kind(self) -> list[tuple[str, list[AmountGroup]]]:
        """Figure groups by kind: money, percentages, quantities."""
        found = []
        for kind in ("money", "percent", "quantity"):
            groups = [g for g in self.brief.amount_groups if g.kind == kind]
            if groups:
                found.append((kind, groups))
        return found

    def horizons(self, group: AmountGroup) -> list[str]:
        """The horizons the sources give a figure, each once."""
        return list(dict.fromkeys(item.horizon for item in group.items if item.horizon))

    def questions_by_kind(self) -> list[tuple[str, list[Question]]]:
        """Questions by kind, in the order a reader should see them."""
        return [
            (kind, [q for q in self.brief.questions if q.kind == kind])
            for kind in _KIND_ORDER
            if any(q.kind == kind for q in self.brief.questions)
        ]

    def fact_pages(self, question: Question) -> list[tuple[str, str]]:
        """Where the facts behind a question are shown: (page, anchor) of their quote or figure group."""
        if not hasattr(self, "_pages_of_facts"):
            self._pages_of_facts = {q.id: ("quotes.md", q.group) for q in self.brief.quotes if q.group}
            self._pages_of_facts |= {a.id: ("financials.md", a.group) for a in self.brief.amounts if a.group}
        return list(dict.fromkeys(self._pages_of_facts[f] for f in question.facts if f in self._pages_of_facts))

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

    def source_note(self, source_id: str) -> SourceNote | None:
        """The analyst's note on a source."""
        return self.notes.get(source_id)


@dataclass(frozen=True)
class _Speaker:
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


def render_pages(brief: Brief) -> Rendered:
    """Render every page of the site and the assets it needs."""
    env = environment("markdown")
    view = View(brief)
    files_out: dict[str, str] = {}
    for path, template, title in PAGES:
        body = env.get_template(template).render(brief=brief, view=view)
        files_out[f"docs/{path}"] = _page(body, _jsonld(brief, title, path), INPUTS)
    for source in brief.sources:
        body = env.get_template("source.md.j2").render(brief=brief, view=view, source=source)
        files_out[f"docs/sources/{source.id}.md"] = _page(
            body, _jsonld(brief, source.id, "sources"), source.path, title=source.meta.title or source.id
        )
    for target, asset in ASSETS:
        text = files("builder").joinpath("templates", asset).read_text(encoding="utf-8")
        files_out[target] = _asset(target, text)
    feed = environment("html").get_template("updates.xml.j2").render(brief=brief, view=view)
    files_out["docs/updates.xml"] = _after_first_line(feed, header(INPUTS, content_digest(feed)))
    return Rendered(files_out)


def render_print_html(brief: Brief, epoch: int) -> str:
    """Render the HTML document the PDF is printed from; epoch dates it (never the clock)."""
    stamp = datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return environment("html").get_template("print/brief.html.j2").render(brief=brief, view=View(brief), stamp=stamp)


def _page(body: str, jsonld: dict[str, Any], origin: str, title: str | None = None) -> str:
    # A page outside the nav needs its title said: MkDocs reads a heading as the title only when it comes
    # first, and the generated-file header comes before it. The theme writes the title into its HTML as it is.
    values = {"title": theme_html(title)} if title else {}
    values["jsonld"] = json_for_html(jsonld)
    content = f"{front_matter(values)}{body.strip()}\n"
    return _with_header(content, origin)


def _with_header(content: str, origin: str) -> str:
    """Put the header after any front matter, recording the hash of everything else."""
    digest = content_digest(content)
    line = header(origin, digest)
    if content.startswith("---\n"):
        end = content.index("\n---\n", 4) + 5
        return content[:end] + line + "\n" + content[end:]
    return line + "\n" + content


def _after_first_line(content: str, line: str) -> str:
    """Put a header line after the first line (an XML declaration must stay first)."""
    first, _, rest = content.partition("\n")
    return f"{first}\n{line}\n{rest}"


def _asset(target: str, text: str) -> str:
    if target.endswith(".css"):
        digest = content_digest(text)
        return f"/* Generated by dealbrief from its own templates. Do not edit. sha256:{digest} */\n{text}"
    return (
        _with_header(text, "dealbrief's own templates")
        .replace("<!-- Generated", "{#- Generated", 1)
        .replace(" -->\n", " -#}\n", 1)
    )


def _jsonld(brief: Brief, title: str, path: str) -> dict[str, Any]:
    """schema.org data for a page: a Report about the deal's parties, citing its sources."""
    deal = brief.deal
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Report",
        "name": f"{deal.title}: {title}",
        "about": [{"@type": "Organization", "name": party.name} for party in deal.parties],
        "inLanguage": "en",
    }
    if path in ("index.md", "sources/index.md"):
        data["citation"] = [_article(source) for source in brief.sources]
    elif path == "sources":
        data["citation"] = [_article(source) for source in brief.sources if source.id == title]
    if brief.built:
        data["datePublished"] = brief.built.isoformat()
    if path == "parties.md":
        data["mentions"] = [_person(p.name, p.title, p.organization) for p in brief.people] + [
            {"@type": "Organization", "name": org.name} for org in brief.organizations
        ]
    elif path == "quotes.md":
        data["hasPart"] = [
            {
                "@type": "Quotation",
                "text": group.text,
                **({"creator": _creator(group)} if group.speaker else {}),
            }
            for group in brief.quote_groups
        ]
    elif path in ("index.md", "financials.md"):
        data["mentions"] = [
            {"@type": "MonetaryAmount", "currency": group.unit, "value": item.value, "description": item.text}
            for group in brief.amount_groups
            if group.kind == "money"
            for item in group.items
        ]
    return data


def _article(source: Source) -> dict[str, Any]:
    article: dict[str, Any] = {"@type": "NewsArticle", "identifier": source.id}
    meta = source.meta
    if meta.title:
        article["headline"] = meta.title
    if meta.published:
        article["datePublished"] = meta.published.isoformat()
    if meta.author:
        article["author"] = {"@type": "Person", "name": meta.author}
    if meta.outlet:
        article["publisher"] = {"@type": "Organization", "name": meta.outlet}
    if View.safe_url(meta.url):
        article["url"] = meta.url
    return article


def _person(name: str, title: str | None, org: str | None) -> dict[str, Any]:
    person: dict[str, Any] = {"@type": "Person", "name": name}
    if title:
        person["jobTitle"] = title
    if org:
        person["worksFor"] = {"@type": "Organization", "name": org}
    return person


def _creator(group: QuoteGroup) -> dict[str, Any]:
    if group.speaker_kind == "person":
        return _person(group.speaker or "", group.speaker_title, group.speaker_org)
    return {
        "@type": "Organization" if group.speaker_kind == "organization" else "Thing",
        "name": group.speaker,
    }
