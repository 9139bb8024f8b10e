"""The whole pipeline in a temporary project: site pages, strict MkDocs, the PDF and its contents."""

from __future__ import annotations

import html as html_module
import itertools
import re
from html.parser import HTMLParser
from pathlib import Path

import pypdf

from builder.build import BuildResult

PAGES = """
    index.html parties/index.html quotes/index.html financials/index.html questions/index.html
    timeline/index.html updates/index.html sources/index.html
    """.split()


def test_site_has_every_section_and_a_search_index(built: BuildResult) -> None:
    site = built.project / "site"
    for page in PAGES:
        assert (site / page).is_file(), page
    for source in built.brief.sources:
        assert (site / "sources" / source.id / "index.html").is_file()
    assert (site / "search" / "search_index.json").is_file()
    assert (site / "brief.pdf").is_file() and (site / "brief.json").is_file()


def test_overview_links_the_pdf(built: BuildResult) -> None:
    html = (built.project / "site" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a [^>]*href="brief\.pdf"[^>]*>Download the PDF brief</a>', html)


def test_source_pages_are_titled_by_their_headline_or_id(built: BuildResult) -> None:
    site_name = "Deal brief: Microsoft and Lumen Technologies"
    for source in built.brief.sources:
        html = (built.project / "site" / "sources" / source.id / "index.html").read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", html)
        assert title is not None
        assert html_module.unescape(title.group(1)) == f"{source.meta.title or source.id} - {site_name}"


def test_no_external_assets(built: BuildResult) -> None:
    for page in PAGES:
        html = (built.project / "site" / page).read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        loaded = re.findall(r'<(?:script|img|iframe|source)[^>]*\ssrc="(https?:[^"]+)"', html)
        loaded += re.findall(r'<link[^>]*\shref="(https?:[^"]+)"', html)
        assert not loaded, f"{page} loads {loaded}"


def test_every_table_cell_is_parsed_into_html(built: BuildResult) -> None:
    """Markdown inside HTML is consumed: no cell is wrapped in a paragraph, no `markdown` attribute is left."""
    for page in sorted((built.project / "site").rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        name = page.relative_to(built.project).as_posix()
        assert not re.search(r"<p>\s*<t[dh][\s>]", html), f"{name}: a table cell inside a paragraph"
        assert not re.search(r"<[a-z]+[^>]*\smarkdown(?:=|\s|>)", html), f"{name}: a markdown attribute left"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.cites: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and "cite" in (values.get("class") or "").split():
            self.cites.append(values.get("href") or "")


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_citation_on_every_page_lands_on_a_sentence(built: BuildResult) -> None:
    site = built.project / "site"
    sentences = {s.id: s.text for source in built.brief.sources for s in source.sentences}
    checked = 0
    for page in sorted(site.rglob("index.html")):
        for href in _parse(page).cites:
            target, _, anchor = href.partition("#")
            target_file = (page.parent / target / "index.html").resolve()
            assert target_file.is_file(), f"{page}: {href}"
            assert anchor in _parse(target_file).ids, f"{page}: {href} has no anchor"
            assert anchor in sentences
            checked += 1
    assert checked > 50


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_pdf_has_every_section_and_the_key_facts(built: BuildResult) -> None:
    text = " ".join(_pdf_text(built.project / "site" / "brief.pdf").split())
    for section in (
        "Contents",
        "Summary",
        "Parties",
        "Quotes",
        "Financials",
        "Open questions",
        "Timeline",
        "Updates",
        "Sources",
    ):
        assert section in text
    for fact in (
        "Kate Johnson",
        "Erin Chapple",
        "more than $20 million",
        "about $20 million",
        "60 percent",
        "Financial terms of the deal were not disclosed",
        "What is the deal worth?",
        "Deal terms",
        "24 July 2024",
        "Private Connectivity Fabric",
    ):
        assert fact in text, fact


def test_brief_json_is_the_model_and_its_schema_is_published(built: BuildResult) -> None:
    import json

    from builder.model import Brief

    site = built.project / "site"
    brief = Brief.model_validate_json((site / "brief.json").read_text(encoding="utf-8"))
    assert brief == built.brief
    schema = json.loads((site / "brief.schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == "dealbrief brief" and "QuoteGroup" in schema["$defs"]
    assert schema["$defs"]["QuoteGroup"]["description"].startswith("The same quote")


def test_the_same_config_and_docs_build_with_zensical(built: BuildResult, tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    zensical = Path(sys.executable).with_name("zensical")
    if not zensical.exists() and shutil.which("zensical") is None:
        import pytest

        pytest.skip("Zensical is not installed (pip install zensical)")
    for name in ("mkdocs.yml", "docs", "overrides"):
        source = built.project / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    command = str(zensical) if zensical.exists() else "zensical"
    result = subprocess.run([command, "build"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    overview = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "application/ld+json" in overview and 'href="sources/newsng/#newsng-s2"' in overview
    assert 'id="newsng-s9"' in (tmp_path / "site" / "sources" / "newsng" / "index.html").read_text(encoding="utf-8")


def test_search_snippets_keep_table_cells_apart(built: BuildResult) -> None:
    import json

    import lxml.html

    site = built.project / "site"
    index = " ".join(
        re.sub(r"<[^>]+>", " ", doc["text"])
        for doc in json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    )
    joins = 0
    for page in site.rglob("index.html"):
        for row in lxml.html.fromstring(page.read_text(encoding="utf-8")).xpath("//article//tr"):
            cells = [" ".join(cell.text_content().split()) for cell in row.xpath("./th | ./td")]
            for left, right in itertools.pairwise(cells):
                if left and right:
                    joins += 1
                    assert left.split()[-1] + right.split()[0] not in index, (page, left, right)
    assert joins > 50
