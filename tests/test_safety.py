"""Inert, deterministic, recoverable: hostile text stays text, builds repeat byte for byte, a killed
build loses nothing."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest

from builder.build import BuildResult, build
from builder.config import Options
from builder.output import recover
from tests.conftest import FIXTURES, ROOT, copy_project, snapshot

HOSTILE_STRINGS = [
    "<script>alert(1)</script>",
    "{{ jinja }}",
    "{% if true %}x{% endif %}",
    "!!! warning",
    "![img](data:image/png;base64,AAAA)",
    "<img src=x onerror=alert(1)>",
    "{: .injected }",
    "[big](http://evil.example/)",
    "# Not a heading",
]


def hostile_project(target: Path) -> Path:
    copy_project(target)
    shutil.rmtree(target / "data" / "sources")
    (target / "data" / "sources").mkdir()
    shutil.copy(FIXTURES / "hostile" / "evil.md", target / "data" / "sources" / "evil.md")
    shutil.copy(FIXTURES / "hostile-brief.yaml", target / "data" / "brief.yaml")
    shutil.rmtree(target / "data" / "facts")
    return target


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return build(Options(project=hostile_project(tmp_path_factory.mktemp("hostile")), force=True))


class _Audit(HTMLParser):
    """Collect what a page would run or load, and its visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self.tags: set[str] = set()
        self.in_script = False
        self.script_type = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            if name in ("href", "src", "action") and value.startswith(("javascript:", "data:")):
                self.problems.append(f"<{tag} {name}={value[:30]}>")
        if tag == "script":
            self.in_script = True
            self.script_type = dict(attrs).get("type") or ""
        if tag == "img" and dict(attrs).get("src") == "x":
            self.problems.append("<img src=x>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script:
            if self.script_type == "application/ld+json":
                json.loads(data)  # data, never code: it must parse, and hold no "<" that could end it
                if "<" in data:
                    self.problems.append("JSON-LD holds '<'")
            elif "alert(" in data:
                self.problems.append(f"script runs source text: {data[:60]}")
        else:
            self.text.append(data)


def audit(path: Path) -> _Audit:
    parser = _Audit()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_hostile_text_never_runs_links_or_renders(hostile: BuildResult) -> None:
    pages = sorted((hostile.project / "site").rglob("*.html"))
    assert pages
    for page in pages:
        found = audit(page)
        assert not found.problems, (page, found.problems)
        assert not found.tags & {"b", "img", "iframe", "em", "mark", "h6"}, (page, found.tags)


def test_hostile_text_appears_literally_on_its_source_page(hostile: BuildResult) -> None:
    found = audit(hostile.project / "site" / "sources" / "evil" / "index.html")
    text = " ".join(" ".join(found.text).split())
    for literal in HOSTILE_STRINGS:
        assert literal in text, literal
    assert "admonition" not in (hostile.project / "site" / "sources" / "evil" / "index.html").read_text()
    assert 'class="injected"' not in (hostile.project / "site" / "sources" / "evil" / "index.html").read_text()


def test_curated_markup_is_literal_too(hostile: BuildResult) -> None:
    overview = hostile.project / "site" / "index.html"
    text = " ".join(" ".join(audit(overview).text).split())
    assert "Hostile <i>takeover</i> {{ deal }}" in text and "<script>alert(4)</script>" in text
    assert "<i>takeover</i>" not in overview.read_text(encoding="utf-8")


def test_a_source_address_shows_only_when_it_is_http(hostile: BuildResult) -> None:
    page = (hostile.project / "site" / "sources" / "evil" / "index.html").read_text(encoding="utf-8")
    assert 'href="javascript:' not in page.lower()


def test_hostile_text_is_literal_in_the_pdf(hostile: BuildResult) -> None:
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(hostile.project / "site" / "brief.pdf").pages)
    assert "<script>alert(1)</script>" in " ".join(text.split())
    assert "Hostile <i>takeover</i> {{ deal }}" in " ".join(text.split())


def _build_in_process(project: Path, seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    env.pop("SOURCE_DATE_EPOCH", None)
    subprocess.run(
        [sys.executable, "-m", "builder", "build", "--project", str(project), "--force"],
        env=env,
        check=True,
        capture_output=True,
        cwd=ROOT,
    )


def _outputs(project: Path) -> dict[str, bytes]:
    found = {f"docs/{k}": v for k, v in snapshot(project / "docs").items()}
    found |= {f"site/{k}": v for k, v in snapshot(project / "site").items()}
    found |= {f"data/facts/{k}": v for k, v in snapshot(project / "data" / "facts").items()}
    return found


@pytest.mark.slow
def test_two_builds_with_different_hash_seeds_are_byte_identical(tmp_path: Path) -> None:
    first, second = copy_project(tmp_path / "one"), copy_project(tmp_path / "two")
    _build_in_process(first, "1")
    time.sleep(1.1)  # a clock that leaked into the output would now differ
    _build_in_process(second, "2")
    a, b = _outputs(first), _outputs(second)
    assert sorted(a) == sorted(b)
    differing = sorted(name for name in a if a[name] != b[name])
    assert differing == [], differing
    assert "site/brief.pdf" in a and "site/search/search_index.json" in a


def test_a_killed_build_leaves_the_previous_output(tmp_path: Path, built: BuildResult) -> None:
    project = tmp_path / "brief"
    shutil.copytree(built.project, project)
    before = {name: snapshot(project / name) for name in ("docs", "site")}
    text = (project / "data" / "brief.yaml").read_text(encoding="utf-8")
    (project / "data" / "brief.yaml").write_text(text.replace("status: announced", "status: pending"), "utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "builder", "build", "--project", str(project)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(project.glob(".dealbrief-stage-*/site")):
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert {name: snapshot(project / name) for name in ("docs", "site")} == before
    result = build(Options(project=project, pdf=False))
    assert result.brief.deal.status == "pending"
    assert [path.name for path in project.glob(".dealbrief-*")] == [".dealbrief-lock"]  # no scratch left


def test_recovery_after_a_crash_between_renames(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "brief")
    before = snapshot(project / "docs")
    os.rename(project / "docs", project / ".dealbrief-old-docs")
    recover(project)
    assert snapshot(project / "docs") == before and not (project / ".dealbrief-old-docs").exists()
