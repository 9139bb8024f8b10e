"""Bad input gets a clear error naming file and place; the run writes nothing and loses nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder.build import BuildResult
from builder.cli import main
from tests.conftest import snapshot


@pytest.fixture
def project(built: BuildResult, tmp_path: Path) -> Path:
    """A copy of the built example brief: data/, docs/ and site/ all present."""
    target = tmp_path / "brief"
    shutil.copytree(built.project, target)
    return target


def fails(project: Path, *args: str) -> list[str]:
    """Run a build that must fail: exit code 1, the problems listed, no file changed."""
    before = {name: snapshot(project / name) for name in ("data", "docs", "site")}
    result = CliRunner().invoke(main, ["build", "--project", str(project), *args])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert {name: snapshot(project / name) for name in ("data", "docs", "site")} == before
    lines = result.output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Error: "))
    return [line.strip() for line in lines[start:]]


def brief_yaml(project: Path, text: str) -> None:
    (project / "data" / "brief.yaml").write_text(text, encoding="utf-8")


def source(project: Path, name: str, content: str | bytes) -> None:
    path = project / "data" / "sources" / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def test_malformed_yaml_names_line_and_column(project: Path) -> None:
    brief_yaml(project, "deal:\n  title: [unclosed\n  type: x\n")
    assert fails(project) == [
        "Error: 1 problem found; nothing was written.",
        "data/brief.yaml:3:7: malformed YAML: expected ',' or ']', but got ':' (while parsing a flow sequence)",
    ]


def test_unknown_missing_and_wrong_keys_are_reported_together(project: Path) -> None:
    brief_yaml(
        project,
        "deal:\n  type: x\n  status: s\n  annouced: 2024-01-01\nparties:\n  - name: A\n    roles: x\n",
    )
    assert fails(project) == [
        "Error: 3 problems found; nothing was written.",
        "data/brief.yaml:2:3 deal.title: missing: this key is required",
        "data/brief.yaml:4:3 deal.annouced: unknown key; did you mean 'announced'? "
        "(allowed: title, type, status, announced, value, summary)",
        "data/brief.yaml:7:12 parties[0].roles: expected a list, found 'x' (text)",
    ]


def test_wrong_type_says_what_was_expected_and_found(project: Path) -> None:
    brief_yaml(
        project,
        "deal:\n  title: T\n  type: x\n  status: s\n  announced:\n    date: yesterday\n    cite: [newsng-s1]\n",
    )
    assert fails(project)[1:] == [
        "data/brief.yaml:6:11 deal.announced.date: expected a date (YYYY-MM-DD), found 'yesterday' (text)"
    ]


def test_citations_of_missing_sources_and_sentences(project: Path) -> None:
    brief_yaml(
        project,
        "deal:\n  title: T\n  type: x\n  status: s\n  summary:\n"
        "    - text: A statement.\n      cite: [newsng-s99, nosuch-s1, newsng]\n",
    )
    assert fails(project)[1:] == [
        "data/brief.yaml:7:14 deal.summary[0].cite[0]: cites 'newsng-s99', but newsng has sentences s1 to s13",
        "data/brief.yaml:7:26 deal.summary[0].cite[1]: cites 'nosuch-s1', but there is no source 'nosuch' "
        "(sources: blog-2024-07-25, converge360, newsng)",
        "data/brief.yaml:7:37 deal.summary[0].cite[2]: 'newsng' is not a sentence id: write <source>-s<number>, "
        "as on the source pages",
    ]


def test_a_quote_its_cited_sentence_does_not_hold(project: Path) -> None:
    brief_yaml(
        project,
        "deal:\n  title: T\n  type: x\n  status: s\nfacts:\n  add:\n    quotes:\n"
        "      - text: We never said this\n        cite: newsng-s2\n",
    )
    (problem,) = fails(project)[1:]
    assert problem.startswith(
        "data/brief.yaml:9:15 facts.add.quotes[0].cite: the cited sentence newsng-s2 does not "
        "contain 'We never said this'; it reads: 'The two companies announced"
    )


def test_yaml_aliases_are_refused(project: Path) -> None:
    brief_yaml(project, "base: &b {title: x}\ndeal: *b\n")
    assert fails(project)[1:] == [
        "data/brief.yaml:2:7: YAML aliases (*name) are not allowed here; write the value out in full"
    ]


def test_front_matter_problems(project: Path) -> None:
    source(
        project,
        "badmeta.md",
        "---\ntitle: A\npublished: last week\nauthor: [x]\nsource: y\n---\nText here.\n",
    )
    source(project, "unclosed.md", "---\ntitle: A\nText here.\n")
    assert fails(project)[1:] == [
        "data/sources/badmeta.md:3:12 published: expected a date (YYYY-MM-DD), found 'last week' (text)",
        "data/sources/badmeta.md:4:9 author: expected text, found a list",
        "data/sources/badmeta.md:5:1 source: unknown key (allowed: title, outlet, author, published, url, kind, "
        "imported_from)",
        "data/sources/unclosed.md:1:1: front matter is not closed: add a line '---' after it",
    ]


def test_duplicate_and_odd_ids(project: Path) -> None:
    source(project, "newsng.txt", "Another newsng\n\nText.")
    source(project, "My Article.md", "Text.")
    source(project, "..hidden-is-skipped.md", "Text.")
    assert fails(project)[1:] == [
        "data/sources/My Article.md: the file name 'My Article' cannot be a source id: use lower-case letters, "
        "digits, '-' and '_' (at most 64, starting and ending with a letter or digit), since it becomes a page "
        "name and an anchor",
        "data/sources/newsng.txt: duplicate source id 'newsng': data/sources/newsng.md has it too",
    ]


def test_empty_binary_and_foreign_encoded_files(project: Path) -> None:
    source(project, "empty.md", "")
    source(project, "latin.txt", "caf\xe9 au lait, na\xefve r\xe9sum\xe9 \xe0 Paris\n".encode("latin-1"))
    source(project, "blob.txt", b"\x00\x01\x02binary")
    assert fails(project)[1:] == [
        "data/sources/blob.txt: not a text file (it contains NUL bytes)",
        "data/sources/empty.md: empty: the file has no article text",
        "data/sources/latin.txt:1: not UTF-8 (byte 0xE9 at offset 3); it looks like windows-1252 (Western "
        "European, a superset of Latin-1); save it as UTF-8 or import it with `dealbrief add`, which converts it",
    ]


def test_absurdly_large_files_have_a_limit_that_can_be_raised(project: Path) -> None:
    source(project, "huge.txt", "Headline\n\n" + "Word after word. " * 200_000)
    assert fails(project)[1:] == [
        "data/sources/huge.txt: too large: 3,400,010 bytes, the limit is 2,000,000 (raise it with "
        "--max-source-bytes if the file really is one article)"
    ]
    assert fails(project, "--max-source-bytes", "1000")[1].startswith("data/sources/blog-2024-07-25.md: too large")


def test_a_hand_edited_page_is_not_overwritten_without_force(project: Path) -> None:
    page = project / "docs" / "quotes.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMy own note.\n", encoding="utf-8")
    assert fails(project, "--no-pdf")[1:] == [
        "docs/quotes.md: edited by hand since it was generated; those edits would be lost. Put them in "
        "data/brief.yaml, or rebuild with --force to overwrite"
    ]
    result = CliRunner().invoke(main, ["build", "--project", str(project), "--no-pdf", "--force"])
    assert result.exit_code == 0, result.output
    assert "My own note." not in page.read_text(encoding="utf-8")


def test_a_successful_build_never_writes_into_the_inputs(project: Path) -> None:
    before = snapshot(project / "data" / "sources"), (project / "data" / "brief.yaml").read_bytes()
    result = CliRunner().invoke(main, ["build", "--project", str(project), "--no-pdf"])
    assert result.exit_code == 0, result.output
    assert (snapshot(project / "data" / "sources"), (project / "data" / "brief.yaml").read_bytes()) == before


def test_generated_files_say_they_are_generated(project: Path) -> None:
    for path in (project / "docs").rglob("*.md"):
        assert "Generated by dealbrief from " in path.read_text(encoding="utf-8"), path
    for path in (project / "data" / "facts").glob("*.yaml"):
        assert path.read_text(encoding="utf-8").startswith("# Generated by `dealbrief build`"), path
