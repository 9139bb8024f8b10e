"""The brief's own words: whole sentences in sentence case, sources named as readers know them, questions
worded as questions and asked once."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from builder.build import BuildResult
from builder.config import epoch_of
from builder.model import Source, SourceMeta
from builder.render import render_print_html
from builder.view import View
from builder.wording import Wording, full_sentence, source_names

# Elements that hold the brief's sentences; quotations, the sources' own text, labels and navigation do not.
SENTENCES = ".//p | .//li | .//td[contains(@class, 'text')]"
NOT_SENTENCES = (
    "blockquote",
    "source-text",
    "speaker-title",
    "by",
    "toc",
    "kicker",
    "card",
    "md-nav",
    "variants",
)
DROPPED = ("cite", "fn", "flag", "proposed", "variant", "page-ref", "md-button")
_END = re.compile(r"[.!?…][\"”’')\]]*$")
_OPENING = "“‘\"'( "


def shown_sentences(html: str, root_xpath: str) -> list[str]:
    """The text of every element that holds sentences, without citations, flags and quotations."""
    document = lxml.html.fromstring(html)
    found = []
    for root in document.xpath(root_xpath):
        for element in root.xpath(SENTENCES):
            if _inside(element, NOT_SENTENCES) or element.xpath(".//li | .//p"):
                continue
            copy = lxml.html.fromstring(lxml.html.tostring(element, encoding="unicode"))
            for dropped in copy.xpath(".//*[@class]"):
                if set(dropped.get("class", "").split()) & set(DROPPED):
                    dropped.drop_tree()
            text = " ".join(copy.text_content().split()).strip(" :;·")
            if re.search(r"[A-Za-z]", text):
                found.append(text)
    return found


def _inside(element: lxml.html.HtmlElement, names: tuple[str, ...]) -> bool:
    for ancestor in [element, *element.iterancestors()]:
        if ancestor.tag in names or set(ancestor.get("class", "").split()) & set(names):
            return True
    return False


def unsentences(texts: list[str], names: set[str]) -> list[str]:
    """The texts that are not whole sentences: no end mark or ellipsis, or a lower-case start."""
    bad = []
    for text in texts:
        if text.startswith("“") and text.endswith("”") and text.count("“") == 1:
            continue  # a quotation on its own
        start = text.lstrip(_OPENING)  # a cut's ellipsis may open a sentence: "…and 60 percent more"
        lowercase = start[:1].islower() and not any(start.startswith(name) for name in names)
        if lowercase or not _END.search(text):
            bad.append(text)
    return bad


@pytest.fixture(scope="module")
def names(built: BuildResult) -> set[str]:
    return set(source_names(built.brief.sources).values())


def test_every_sentence_on_the_site_is_whole(built: BuildResult, names: set[str]) -> None:
    site = built.project / "site"
    texts: list[str] = []
    for page in sorted(site.rglob("index.html")):
        if "404" in page.parts or "search" in page.parts:
            continue
        texts += shown_sentences(page.read_text(encoding="utf-8"), "//article")
    assert len(texts) > 50
    assert unsentences(texts, names) == []


def test_every_sentence_of_the_pdf_is_whole(built: BuildResult, names: set[str]) -> None:
    html = render_print_html(built.brief, epoch_of(built.brief.built))
    texts = shown_sentences(html, "//body")
    assert len(texts) > 50
    assert unsentences(texts, names) == []


def test_the_sentence_check_can_fail() -> None:
    texts = shown_sentences(
        "<article><p>estimate this will improve Lumen’s cash flow, while also helping the company</p>"
        "<p>Whole, with a <a class='cite'>Newsng ¶2</a> citation.</p><blockquote><p>a quote</p></blockquote>"
        "<ul><li>“last month” <a class='cite'>x</a></li></ul></article>",
        "//article",
    )
    assert unsentences(texts, set()) == ["estimate this will improve Lumen’s cash flow, while also helping the company"]


def test_sources_are_named_by_outlet_author_or_title() -> None:
    def source(source_id: str, **meta: object) -> Source:
        return Source(id=source_id, path="", meta=SourceMeta(**meta), text="", sha256="", sentences=())

    names = source_names(
        [
            source("wire", outlet="Reuters", published="2025-03-04"),
            source("wire-2", outlet="Reuters", published="2025-03-05"),
            source("column", author="Sam Rivera"),
            source("acme-agrees", title="Acme agrees to buy Widget Corp for $2.1bn"),
            source("notes"),
            source("long", outlet="The Daily Chronicle of Commerce, Industry and Finance of the North"),
        ]
    )
    assert names == {
        "wire": "Reuters, 4 March 2025",
        "wire-2": "Reuters, 5 March 2025",
        "column": "Sam Rivera",
        "acme-agrees": "“Acme agrees to buy Widget Corp…”",
        "notes": "notes",
        "long": "The Daily Chronicle of…",  # a citation fits beside its text, whatever the outlet
    }


def test_citations_name_the_outlet_and_the_sentence(built: BuildResult) -> None:
    words = Wording(built.brief)
    assert words.place("converge360-s17") == "Converge360 ¶17"
    assert words.place("newsng-s2") == "Newsng ¶2"  # named by the text: "Newsng understands …"
    index = (built.project / "docs" / "index.md").read_text(encoding="utf-8")
    assert "[Converge360 ¶19](sources/converge360.md#converge360-s19" in index
    assert not re.search(r"\[[a-z0-9-]+ s\d+\]", index)


def test_questions_are_questions_asked_once(built: BuildResult) -> None:
    view = View(built.brief)
    texts = [view.words.question_text(q) for q in view.unique_questions()]
    assert all(text.endswith("?") and text[:1].isupper() for text in texts)
    assert len(texts) == len(set(texts))
    assert "What is the deal worth?" in texts
    assert not any("20 million" in text for text in texts)  # one figure hedged two ways asks nothing
    assert not any("(" in text for text in texts)  # no context pasted in brackets


def test_the_example_brief_s_questions_read_as_a_reader_asks(tmp_path: Path) -> None:
    from builder.build import build
    from builder.config import Options
    from tests.conftest import run_cli

    project = tmp_path / "acme"
    assert run_cli("new", str(project), "--title", "Acme buys Widget Corp")[0] == 0
    examples = Path(__file__).resolve().parent.parent / "examples" / "acme-widget"
    assert run_cli("add", "--project", str(project), str(examples / "wire.txt"), str(examples / "daily.html"))[0] == 0
    brief = build(Options(project=project, pdf=False, site=False)).brief
    view = View(brief)
    texts = [view.words.question_text(q) for q in view.unique_questions()]
    assert "Has Acme said how many jobs would go?" in texts
    assert "Which figure is right: $42 or $44?" in texts  # a price a share; $2.5bn including debt is no rival
    assert "Who is the analyst cited by The Example Daily?" in texts
    assert sum("analyst" in text for text in texts) == 1  # the claim and the quote of one analyst: one question
    assert len(texts) == len(set(texts))


def test_the_analyst_s_words_become_sentences() -> None:
    assert full_sentence("uses Lumen's network") == "Uses Lumen's network."
    assert full_sentence("Is it agreed?") == "Is it agreed?"
    assert (
        full_sentence("Acme agreed to buy Widget for $17.2 billion:") == "Acme agreed to buy Widget for $17.2 billion."
    )


def test_a_question_to_several_people_asks_in_the_plural() -> None:
    from builder.askers import plural_who

    assert plural_who("the two") and plural_who("The airlines") and plural_who("Acme and Widget")
    assert not plural_who("he") and not plural_who("Delta") and not plural_who("the bank")
    assert not plural_who("a spokeswoman for Sharyland Utilities") and plural_who("the heads of Acme and Widget")


def test_who_declined_reads_in_small_letters_inside_a_question() -> None:
    from builder.askers import lower_determiner

    assert lower_determiner("A spokeswoman for Northbank") == "a spokeswoman for Northbank"
    assert lower_determiner("The company") == "the company"
    assert lower_determiner("Acme") == "Acme" and lower_determiner("A.P. Moller") == "A.P. Moller"
