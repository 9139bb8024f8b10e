"""Hypothesis: no source text and no well-formed brief.yaml makes the builder crash; no markup in a
source ever becomes markup in the page."""

from __future__ import annotations

import json
import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.analyze import analyze
from builder.config import Options
from builder.errors import BriefError
from builder.gather import extract_all, load
from builder.render import render_pages
from tests.conftest import copy_project
from tests.hostile import BRIEF_FIELDS, HOSTILE_PIECES, SOURCE_FIELDS, created_markup, every_field_project

MINIMAL_BRIEF = "deal:\n  title: T\n  type: acquisition\n  status: announced\n"
MARKUP = [
    "<",
    ">",
    "&",
    "[",
    "]",
    "(",
    ")",
    "!",
    "*",
    "_",
    "`",
    "{",
    "}",
    "#",
    "|",
    "~",
    "^",
    "=",
    ":",
    '"',
    "'",
    "\\",
    "<script>",
    "</script>",
    "<b>",
    "javascript:",
    "data:",
    "{{",
    "}}",
    "{%",
    "%}",
    "!!! note",
    "{: .x }",
    "[^1]",
    "<!--",
    "-->",
    "&amp;",
    "&#60;",
    "http://x.example",
    "\n",
    "\n\n",
    "    ",
    "- ",
    "1. ",
    "> ",
    "# ",
    "word",
    "Word",
    " ",
    ".",
    "“",
    "”",
]
markup_text = st.lists(st.sampled_from(MARKUP), min_size=1, max_size=40).map("".join)
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _project_with(text: str | None = None, brief: str | None = None) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="dealbrief-prop-"))
    project = copy_project(folder / "p")
    if text is not None:
        shutil.rmtree(project / "data" / "sources")
        (project / "data" / "sources").mkdir()
        (project / "data" / "sources" / "s.md").write_text(text, encoding="utf-8")
        (project / "data" / "brief.yaml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    if brief is not None:
        (project / "data" / "brief.yaml").write_text(brief, encoding="utf-8")
    return project


def _pipeline(project: Path) -> dict[str, str] | None:
    """Run load → extract → analyze → render; a BriefError is an answer, anything else a crash."""
    try:
        inputs = load(Options(project=project))
        brief = analyze(inputs.sources, extract_all(inputs.sources, inputs.curation), inputs.curation)
        return render_pages(brief).files
    except BriefError:
        return None
    finally:
        shutil.rmtree(project.parent, ignore_errors=True)


@SETTINGS
@given(st.one_of(st.text(max_size=300), markup_text))
def test_any_source_text_builds_or_is_refused_clearly(text: str) -> None:
    _pipeline(_project_with(text=text))


yaml_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20), st.dates()
)
KEYS = """
    deal title type status announced date cite summary text parties name aliases roles facts hide
    correct merge notes add quotes amounts questions timeline output paper limits sources organizations
    newsng-s1 x
    """.split()
yaml_values = st.recursive(
    yaml_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.sampled_from(KEYS), children, max_size=5)
    ),
    max_leaves=20,
)


def _mutations(base: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.builds(lambda key, value: {**base, key: value}, st.sampled_from(KEYS), yaml_values)


@SETTINGS
@given(st.one_of(yaml_values, _mutations(yaml.safe_load(MINIMAL_BRIEF))))
def test_any_well_formed_brief_yaml_builds_or_is_refused_clearly(data: Any) -> None:
    _pipeline(_project_with(brief=yaml.safe_dump(data, allow_unicode=True)))


class _SentenceText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.inside: dict[str, list[str]] = {}
        self.current: str | None = None
        self.foreign: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "span" and "sentence" in (values.get("class") or ""):
            self.current = values.get("id")
            self.inside[self.current or ""] = []
        elif self.current is not None and not (tag == "a" and values.get("class") == "sid"):
            self.foreign.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.current is not None:
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.inside[self.current].append(data)


@SETTINGS
@given(markup_text)
def test_markup_in_a_source_stays_text(text: str) -> None:
    project = _project_with(text="Headline\n\n" + text)
    inputs = load(Options(project=project))
    brief = analyze(inputs.sources, extract_all(inputs.sources, inputs.curation), inputs.curation)
    page = render_pages(brief).files["docs/sources/s.md"]
    shutil.rmtree(project.parent, ignore_errors=True)
    body = page.split("\n---\n", 1)[1]
    html = markdown.markdown(body, extensions=["attr_list", "md_in_html", "tables", "toc"])
    parser = _SentenceText()
    parser.feed(html)
    assert not parser.foreign, parser.foreign
    for sentence in inputs.sources[0].sentences:
        inside = "".join(parser.inside[sentence.id])
        # A sentence is shown after its number; page furniture is shown unnumbered.
        shown = inside if sentence.furniture else (inside.split(None, 1)[1] if " " in inside else "")
        assert " ".join(shown.split()) == " ".join(sentence.text.split())


# Text for any field: markup, quotes, brackets, backslashes, YAML and Markdown syntax, control characters.
PIECES = (
    *HOSTILE_PIECES,
    *("\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b", "\ufffe", "\uffff", "\u2028", "\u2029", "\r", "\t", "\ufeff"),
    *("'", '"', "\\", "[", "]", "(", ")", "{", "}", "<", ">", "&", "|", "#", "*", "_", "`", "!", ":", "~", "="),
    *("- ", "---", "...", "? ", "%YAML", "&anchor", "*alias", "!!str", "@", "> ", "1. ", "    ", "\n", "\n\n"),
)
any_field_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=10).map("".join)
# A NUL byte makes a file binary, which the build refuses by design; in brief.yaml it is only removed.
source_field_text = any_field_text.map(lambda text: text.replace("\x00", ""))
every_field = st.fixed_dictionaries(
    {**{name: source_field_text for name in SOURCE_FIELDS}, **{name: any_field_text for name in BRIEF_FIELDS}}
)


@settings(SETTINGS, max_examples=25)
@given(every_field)
def test_any_text_in_every_field_builds_and_creates_no_markup(values: dict[str, str]) -> None:
    from mkdocs.utils.meta import get_data

    folder = Path(tempfile.mkdtemp(prefix="dealbrief-prop-"))
    try:
        inputs = load(Options(project=every_field_project(folder / "p", values)))
        brief = analyze(inputs.sources, extract_all(inputs.sources, inputs.curation), inputs.curation)
        pages = render_pages(brief).files
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for path, text in pages.items():
        if not path.endswith(".md"):
            continue
        body, meta = get_data(text)  # as MkDocs reads a page: front matter it cannot read becomes Markdown
        assert set(meta) == ({"title", "jsonld"} if path == "docs/sources/s.md" else {"jsonld"}), (path, meta)
        assert json.loads(meta["jsonld"])["@type"] == "Report"
        html = markdown.markdown(body, extensions=["attr_list", "md_in_html", "tables", "toc"])
        assert not created_markup(html), (path, created_markup(html))
