"""The pipeline: load, extract, analyze, render, site, pdf. Output is staged and swapped in only on success."""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from builder.analyze import analyze
from builder.curation import LoadedCuration, check_citations, read_curation
from builder.errors import BriefError, Problem, Problems
from builder.extract import extract
from builder.model import Brief, Source, SourceFacts
from builder.pdf import write_pdf
from builder.render import Rendered, content_digest, render_pages, render_print_html, split_header
from builder.site import build_site
from builder.sources import read_sources, split_source
from builder.verify import verify_brief, verify_pages

log = logging.getLogger(__name__)

STAGES = ("load", "extract", "analyze", "render", "site", "pdf")
SWAPPED = ("docs", "site")
_STAGE_PREFIX = ".dealbrief-stage-"
_OLD_PREFIX = ".dealbrief-old-"


@dataclass(frozen=True)
class BuildOptions:
    """What to build and how."""

    project: Path
    site: bool = True
    pdf: bool = True
    force: bool = False
    paper: str | None = None
    max_source_bytes: int | None = None


@dataclass
class BuildResult:
    """What a build made, and how long each stage took."""

    brief: Brief
    project: Path
    timings: dict[str, float] = field(default_factory=dict)
    outputs: list[str] = field(default_factory=list)


class StageTimer:
    """Time the pipeline's stages."""

    def __init__(self, report: Callable[[str], None] | None = None) -> None:
        self.timings: dict[str, float] = {}
        self.report = report

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        if self.report:
            self.report(stage)
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] = self.timings.get(stage, 0.0) + time.perf_counter() - started


def find_project(start: Path) -> Path:
    """The brief project that holds start: the nearest folder with mkdocs.yml and data/brief.yaml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "data" / "brief.yaml").is_file():
            return folder
    raise BriefError(
        [Problem(str(start), message="not inside a brief project (no mkdocs.yml with data/brief.yaml here or above); "
                                     "create one with `dealbrief new DIR`")]  # fmt: skip
    )


def build(options: BuildOptions, progress: Callable[[str], None] | None = None) -> BuildResult:
    """Build the brief of a project: read and check everything, then write docs/, site/ and the PDF."""
    project = find_project(options.project)
    recover(project)
    timer = StageTimer(progress)
    with timer("load"):
        sources, loaded = load(project, options.max_source_bytes)
    with timer("extract"):
        extracted = extract_all(sources, loaded)
    with timer("analyze"):
        brief = analyze(sources, extracted, loaded)
    with timer("render"):
        rendered = render_pages(brief)
        problems = verify_brief(brief) + verify_pages(rendered.files)
        if problems:
            raise BriefError(problems)
        print_html = render_print_html(brief, epoch_of(brief))
        facts = facts_json(brief)
    check_hand_edits(project, rendered, options.force)
    paper = options.paper or brief.print.paper
    outputs = write_outputs(project, rendered, facts, print_html, brief, options, paper, timer)
    return BuildResult(brief=brief, project=project, timings=timer.timings, outputs=outputs)


def check(project_dir: Path, max_source_bytes: int | None = None) -> list[str]:
    """Validate everything and list the generated files that are out of date; write nothing."""
    project = find_project(project_dir)
    sources, loaded = load(project, max_source_bytes)
    brief = analyze(sources, extract_all(sources, loaded), loaded)
    rendered = render_pages(brief)
    problems = verify_brief(brief) + verify_pages(rendered.files)
    if problems:
        raise BriefError(problems)
    expected = dict(rendered.files)
    expected["data/facts.json"] = facts_json(brief)
    stale = []
    for target, text in sorted(expected.items()):
        path = project / target
        if not path.is_file() or path.read_text(encoding="utf-8", errors="replace") != text:
            stale.append(target)
    on_disk = {str(p.relative_to(project)) for p in _generated_pages(project)}
    stale.extend(sorted(on_disk - set(expected)))
    return stale


def load(project: Path, max_source_bytes: int | None = None) -> tuple[list[Source], LoadedCuration]:
    """Read the sources and the curation; report every problem of both together."""
    problems = Problems()
    loaded = read_curation(project / "data" / "brief.yaml", "data/brief.yaml", problems)
    limit = max_source_bytes or (loaded.curation.limits.max_source_bytes if loaded else 2_000_000)
    raws = read_sources(project / "data" / "sources", project, problems, limit)
    problems.raise_if_any()
    assert loaded is not None
    sources = [split_source(raw) for raw in raws]
    problems.extend(check_citations(loaded, sources))
    problems.raise_if_any()
    return sources, loaded


def extract_all(sources: Sequence[Source], loaded: LoadedCuration) -> list[SourceFacts]:
    """Extract the facts of every source."""
    known = loaded.curation.known_organizations()
    return [extract(source, known) for source in sources]


def facts_json(brief: Brief, header: bool = True) -> str:
    """The whole brief as JSON: data/facts.json (with a line saying it is generated) and the site's brief.json."""
    data = brief.model_dump(mode="json")
    if header:
        data = {"generated": "by dealbrief from data/sources/ and data/brief.yaml; do not edit", **data}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def brief_schema() -> str:
    """The JSON Schema of brief.json, published beside it."""
    schema = Brief.model_json_schema()
    schema["title"] = "dealbrief brief"
    schema["description"] = "The whole brief a dealbrief site and PDF are rendered from (brief.json)."
    return json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def epoch_of(brief: Brief) -> int:
    """The timestamp outputs carry: SOURCE_DATE_EPOCH when set, else the brief's date, never the clock."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    when = brief.built or date(1970, 1, 1)
    return int(datetime(when.year, when.month, when.day, tzinfo=UTC).timestamp())


def check_hand_edits(project: Path, rendered: Rendered, force: bool) -> None:
    """Refuse to overwrite generated files someone edited since they were generated."""
    if force:
        return
    problems = []
    targets = set(rendered.files) | {str(p.relative_to(project)) for p in _generated_pages(project)}
    for target in sorted(targets):
        path = project / target
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        digest, content = split_header(text)
        if digest is None and target.startswith("docs/"):
            problems.append(Problem(target, message="exists but was not written by dealbrief; move it away or rebuild "
                                                    "with --force to overwrite it"))  # fmt: skip
        elif digest is not None and digest != content_digest(content) and not target.endswith(".css"):
            problems.append(Problem(target, message="edited by hand since it was generated; those edits would be lost. "
                                                    "Put them in data/brief.yaml, or rebuild with --force to overwrite"))  # fmt: skip
    if problems:
        raise BriefError(problems)


def _generated_pages(project: Path) -> list[Path]:
    docs = project / "docs"
    if not docs.is_dir():
        return []
    return [path for path in docs.rglob("*.md") if split_header(path.read_text(encoding="utf-8", errors="replace"))[0]]


def write_outputs(
    project: Path,
    rendered: Rendered,
    facts: str,
    print_html: str,
    brief: Brief,
    options: BuildOptions,
    paper: str,
    timer: StageTimer,
) -> list[str]:
    """Stage docs/ and site/ next to the project, build them, then swap them in."""
    for target, text in rendered.files.items():
        if not target.startswith("docs/"):
            write_atomic(project / target, text)  # theme overrides: mkdocs.yml needs them in place
    with staging(project) as stage:
        docs = stage / "docs"
        _stage_docs(project / "docs", docs, rendered)
        outputs = ["docs/"]
        swapped = ["docs"]
        if options.site or options.pdf:
            site = stage / "site"
            if options.site:
                with timer("site"):
                    build_site(project / "mkdocs.yml", docs, site, epoch_of(brief))
                outputs.append("site/")
            else:
                shutil.copytree(project / "site", site) if (project / "site").is_dir() else site.mkdir()
            if options.pdf:
                with timer("pdf"):
                    write_pdf(print_html, site / "brief.pdf", paper)
                outputs.append("site/brief.pdf")
            (site / "brief.json").write_text(facts_json(brief, header=False), encoding="utf-8")
            (site / "brief.schema.json").write_text(brief_schema(), encoding="utf-8")
            swapped.append("site")
        (stage / "facts.json").write_text(facts, encoding="utf-8")
        _swap(project, stage, swapped)
        os.replace(stage / "facts.json", project / "data" / "facts.json")
        outputs.append("data/facts.json")
    return outputs


def _stage_docs(current: Path, staged: Path, rendered: Rendered) -> None:
    """The new docs/: the user's own files kept, generated pages replaced, stale generated pages dropped."""
    if current.is_dir():
        shutil.copytree(current, staged)
        for path in list(staged.rglob("*")):
            if path.is_file() and path.suffix in (".md", ".css") and split_header(path.read_text("utf-8", "replace"))[0]:
                path.unlink()
    staged.mkdir(parents=True, exist_ok=True)
    for target, text in rendered.files.items():
        if target.startswith("docs/"):
            path = staged / target.removeprefix("docs/")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


@contextmanager
def staging(project: Path) -> Iterator[Path]:
    """A scratch folder inside the project (same file system, so renames are atomic), removed after."""
    stage = project / f"{_STAGE_PREFIX}{os.getpid()}"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir()
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _swap(project: Path, stage: Path, names: Sequence[str]) -> None:
    """Put the staged folders in place; the old ones stay aside until all are in, so a crash can be undone."""
    for name in names:
        old = project / f"{_OLD_PREFIX}{name}"
        shutil.rmtree(old, ignore_errors=True)
        if (project / name).exists():
            os.rename(project / name, old)
        os.rename(stage / name, project / name)
    for name in names:
        shutil.rmtree(project / f"{_OLD_PREFIX}{name}", ignore_errors=True)


def recover(project: Path) -> None:
    """Undo what an interrupted build left: restore folders set aside, drop scratch folders."""
    for name in SWAPPED:
        old = project / f"{_OLD_PREFIX}{name}"
        if old.exists():
            if (project / name).exists():
                shutil.rmtree(old, ignore_errors=True)
            else:
                os.rename(old, project / name)
                log.warning("restored %s/ from an interrupted build", name)
    for stale in project.glob(f"{_STAGE_PREFIX}*"):
        shutil.rmtree(stale, ignore_errors=True)


def write_atomic(path: Path, text: str) -> None:
    """Write a file so that readers see the old or the new content, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_file() and path.read_text(encoding="utf-8", errors="replace") == text:
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


__all__ = ["STAGES", "BuildOptions", "BuildResult", "build", "find_project", "load", "read_curation"]
