"""Hostile text through the command line: control characters, quotes and markup in every place text can
come from build, and reach the pages as text, never as markup."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import run_cli
from tests.hostile import ARTICLE, CITING_BRIEF, created_markup, every_field_project, small_project

CONTROLS = {"DEL": "\x7f", "C1": "\x9b", "NEL": "\x85", "U+FFFE": "\ufffe", "U+FFFF": "\uffff"}
PAYLOAD = "![x](data:,pwn){: onerror=pwn() } [a](javascript:pwn()) <img src=x onerror=pwn()>"


def _pages(project: Path) -> dict[str, str]:
    return {str(p.relative_to(project / "site")): p.read_text("utf-8") for p in (project / "site").rglob("*.html")}


def _jsonld(page: str) -> object:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert match, "the page lost its JSON-LD"
    return json.loads(match.group(1))


def _titles(page: str) -> list[str]:
    """The titles of the citation links, as the theme's tooltips show them (read as HTML)."""
    return [html.unescape(html.unescape(t)) for t in re.findall(r'<a class="cite" href="[^"]*" title="([^"]*)"', page)]


@pytest.mark.parametrize("control", sorted(CONTROLS))
def test_a_control_character_never_turns_front_matter_into_markdown(tmp_path: Path, control: str) -> None:
    char = CONTROLS[control]
    escaped = f"\\u{ord(char):04x}"
    source = (
        f'---\ntitle: "Acme{escaped} buys {PAYLOAD}"\nauthor: "Jane{escaped} Doe {PAYLOAD}"\n---\n'
        f"Acme agreed to buy Widget Corp{char} for $2.1bn, the companies said.\n\n"
        f'"This is{char} a great day {PAYLOAD}," said Jane Doe, chief executive of Acme.\n'
    )
    brief = CITING_BRIEF.replace("title: T", f'title: "Deal{escaped} {PAYLOAD}"')
    project = small_project(tmp_path / "p", {"s.md": source}, brief)
    code, output = run_cli("build", "--no-pdf", "--project", str(project))
    assert code == 0, output
    pages = _pages(project)
    for name, page in pages.items():
        assert not created_markup(page), (name, created_markup(page))
        assert char not in page, name
    source_page = pages["sources/s/index.html"]
    assert _jsonld(source_page)["citation"][0]["headline"] == f"Acme buys {PAYLOAD}"  # type: ignore[index]
    assert f"<title>Acme buys {html.escape(PAYLOAD)} - " in source_page
    for written in [*(project / "data" / "facts").glob("*.yaml"), project / "site" / "brief.json"]:
        assert char not in written.read_text("utf-8"), written
    assert char not in (project / "docs" / "sources" / "s.md").read_text("utf-8")


def test_a_sentence_with_a_quoted_phrase_in_parentheses_builds(tmp_path: Path) -> None:
    sentence = "Acme agreed to buy Widget Corp for $2.3bn (the 'Deal') in cash."
    quote = "\"We *will* [win] `big` <b>now</b> (really) 'ok' \\o/ | {: .x } & more,\" said Jane Doe, chief executive."
    brief = CITING_BRIEF + "  announced:\n    date: 2025-03-03\n    cite: [s-s2]\n"
    project = small_project(tmp_path / "p", {"s.md": f"{sentence}\n\n{quote}\n"}, brief)
    code, output = run_cli("build", "--no-pdf", "--project", str(project))
    assert code == 0, output
    overview = (project / "site" / "index.html").read_text("utf-8")
    assert set(_titles(overview)) == {sentence, quote}
    quotes_page = (project / "site" / "quotes" / "index.html").read_text("utf-8")
    assert quote in _titles(quotes_page)
    for name, page in _pages(project).items():
        assert not created_markup(page), (name, created_markup(page))


def test_a_deal_title_with_markup_is_text_on_every_page(tmp_path: Path) -> None:
    title = '<img src=x onerror=pwn()> "Acme" & <script>pwn()</script> Co'
    code, output = run_cli("new", str(tmp_path / "deal"), "--title", title)
    assert code == 0, output
    project = tmp_path / "deal"
    config = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8").replace("!!", ""))
    assert config["site_name"] == html.escape(f"Deal brief: {title}")
    assert yaml.safe_load((project / "data" / "brief.yaml").read_text("utf-8"))["deal"]["title"] == title
    (project / "data" / "sources" / "s.md").write_text(ARTICLE, encoding="utf-8")
    code, output = run_cli("build", "--no-pdf", "--project", str(project))
    assert code == 0, output
    for name, page in _pages(project).items():
        assert not created_markup(page), (name, created_markup(page))
        assert "<script>pwn()" not in page, name
    index = (project / "site" / "index.html").read_text("utf-8")
    assert f"<title>Deal brief: {html.escape(title)}</title>" in index


def test_a_pipe_in_an_address_keeps_the_metadata_table(tmp_path: Path) -> None:
    url = "https://example.com/a|b?x=1&y='2'\"3\""
    source = f"---\ntitle: Acme\nurl: {json.dumps(url)}\noutlet: Daily\n---\n{ARTICLE}"
    project = small_project(tmp_path / "p", {"s.md": source})
    code, output = run_cli("build", "--no-pdf", "--project", str(project))
    assert code == 0, output
    page = (project / "site" / "sources" / "s" / "index.html").read_text("utf-8")
    rows = re.findall(r'<tr>\s*<th scope="row">(\w[\w\' ]*)</th>\s*<td>(.*?)</td>\s*</tr>', page, re.S)
    assert [name for name, _ in rows][:6] == ["Cited as", "Title", "Outlet", "Author", "Published", "Address"]
    address = dict(rows)["Address"]
    assert re.fullmatch(r'<a href="([^"]*)">(.*)</a>', address), address
    assert html.unescape(re.findall(r'href="([^"]*)"', address)[0]) == url


def test_add_echoes_no_terminal_escape_sequences(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p")
    article = tmp_path / "wire.txt"
    headline = "\x1b]0;owned\x07\x1b[31mAcme\x1b[0m buys\x9b2J Widget\x7f Corp"
    article.write_text(f"{headline}\n\n{ARTICLE}", encoding="utf-8")
    code, output = run_cli("add", "--project", str(project), str(article), "--author", "Eve\x1b[2J")
    assert code == 0, output
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", output), repr(output)
    added = next(p for p in (project / "data" / "sources").iterdir() if p.name != "s.md")
    meta = yaml.safe_load(added.read_text("utf-8").split("---\n")[1])
    assert meta["title"] == "]0;owned[31mAcme[0m buys2J Widget Corp"
    assert meta["author"] == "Eve[2J"


def test_nul_bytes_anywhere_make_a_file_binary(tmp_path: Path) -> None:
    text = ARTICLE + "Plain words. " * 1000 + "\x00 and more text.\n"
    project = small_project(tmp_path / "p", {"s.txt": text})
    code, output = run_cli("build", "--no-pdf", "--project", str(project))
    assert code == 1
    assert output.splitlines()[-2:] == [
        "Error: 1 problem found; nothing was written.",
        "  data/sources/s.txt: not a text file (it contains NUL bytes)",
    ]


def test_the_hostile_text_builds_in_every_field(tmp_path: Path) -> None:
    project = every_field_project(tmp_path / "p", {})
    code, output = run_cli("build", "--no-pdf", "--project", str(project))
    assert code == 0, output
    pages = _pages(project)
    assert len(pages) >= 9
    for name, page in pages.items():
        assert not created_markup(page), (name, created_markup(page))


@pytest.mark.parametrize("wrap", [" \n", "\u2028", " \u2028 "])
def test_a_line_wrapped_inside_a_sentence_prints(tmp_path: Path, wrap: str) -> None:
    """Wire copy wraps lines after a space; a line separator reads as a wrap too: the PDF still prints."""
    text = (
        f"Acme buys Widget\n\nAcme agreed to buy Widget Corp for $5 billion,{wrap}the companies said on Monday.\n\n"
        f'"We are glad",{wrap}said Jane Doe, chief executive of Acme.\n'
    )
    project = small_project(tmp_path / "p", {"s.txt": text})
    code, output = run_cli("build", "--project", str(project))
    assert code == 0, output
    assert (project / "site" / "brief.pdf").stat().st_size > 10_000
