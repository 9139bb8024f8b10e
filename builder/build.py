"""The pipeline: load, extract, analyze, render, site, pdf. Nothing is written until everything passed.

A rebuild does no work twice: extraction is cached per source, and the site and the PDF are rebuilt
only when what they read changed (see cache.py).
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from builder.bounds import too_long, too_many_facts
from builder.cache import BuildCache, code_version, digest
from builder.curation import LoadedCuration, check_citations, read_curation
from builder.errors import BriefError, Problem, Problems
from builder.lock import BuildLock
from builder.model import Brief, Source, SourceFacts
from builder.oserrors import located_oserrors
from builder.output import generated_pages, recover, stage_docs, staging, swap, write_atomic
from builder.sources import read_sources, split_source
from builder.userfiles import user_files_digest

if TYPE_CHECKING:
    from builder.pdf import PrintJob
    from builder.render import Rendered

# The stages after loading import their tools when they run: a rebuild with nothing to do never loads them.

log = logging.getLogger(__name__)

STAGES = ("load", "extract", "analyze", "render", "site", "pdf")


@dataclass(frozen=True)
class BuildOptions:
    """What to build and how."""

    project: Path
    site: bool = True
    pdf: bool = True
    force: bool = False
    paper: str | None = None
    max_source_bytes: int | None = None
    cache: bool = True
    docs_in_place: bool = False  # write pages one by one into docs/ (the live preview watches that folder)
    wait: bool = False  # wait for a build that runs in the project instead of refusing to start


@dataclass
class BuildResult:
    """What a build made, what it could skip, and how long each stage took."""

    brief: Brief
    project: Path
    timings: dict[str, float] = field(default_factory=dict)
    outputs: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)


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
        if (folder / "mkdocs.yml").is_file() and (folder / "data" / "brief.yaml").exists():
            return folder
    raise BriefError(
        [
            Problem(
                str(start),
                message="not inside a brief project (no mkdocs.yml with data/brief.yaml here or above); "
                "create one with `dealbrief new DIR`",
            )
        ]
    )


def build(options: BuildOptions, progress: Callable[[str], None] | None = None) -> BuildResult:
    """Build the brief of a project: read and check everything, then write docs/, site/ and the PDF."""
    project = find_project(options.project)
    with BuildLock(project, wait=options.wait), located_oserrors(project):
        return _build_locked(project, options, progress)


def _build_locked(project: Path, options: BuildOptions, progress: Callable[[str], None] | None) -> BuildResult:
    recover(project)
    cache = BuildCache(project, enabled=options.cache)
    timer = StageTimer(progress)
    with timer("load"):
        sources, loaded = load(project, options.max_source_bytes)
    inputs = inputs_key(project, sources, options)
    state = cache.state()
    if not options.force and state.get("inputs") == inputs and _outputs_intact(project, state, options):
        brief = Brief.model_validate_json(_without_header((project / "data" / "facts.json").read_text("utf-8")))
        return BuildResult(brief, project, timer.timings, skipped=["extract", "analyze", "render", "site", "pdf"])
    from builder.analyze import analyze
    from builder.output import check_hand_edits
    from builder.pdf import PrintJob
    from builder.render import render_pages, render_print_html
    from builder.verify import verify_brief, verify_pages

    limits = loaded.curation.limits
    with PrintJob(limits.print_seconds, limits.print_memory_mb) if options.pdf else nullcontext() as printer:
        with timer("extract"):
            extracted = extract_all(sources, loaded, cache)
        with timer("analyze"):
            brief = analyze(sources, extracted, loaded)
        with timer("render"):
            rendered = render_pages(brief)
            problems = verify_brief(brief) + verify_pages(rendered.files)
            if problems:
                raise BriefError(problems)
            print_html = render_print_html(brief, epoch_of(brief))
        check_hand_edits(project, rendered, options.force)
        plan = _Plan.make(project, rendered, print_html, options, options.paper or brief.print.paper, state)
        result = BuildResult(brief, project, timer.timings, extracted=list(cache.misses))
        write_outputs(project, rendered, brief, print_html, plan, timer, result, printer)
    cache.save_state({"inputs": inputs, "site": plan.site_key, "pdf": plan.pdf_key, **_fingerprints(project)})
    cache.prune({cache.extraction_key(s, loaded.curation.known_organizations()) for s in sources})
    return result


def load(project: Path, max_source_bytes: int | None = None) -> tuple[list[Source], LoadedCuration]:
    """Read the sources and the curation; report every problem of both together."""
    problems = Problems()
    loaded = read_curation(project / "data" / "brief.yaml", "data/brief.yaml", problems)
    limit = max_source_bytes or (loaded.curation.limits.max_source_bytes if loaded else 2_000_000)
    raws = read_sources(project / "data" / "sources", project, problems, limit)
    problems.raise_if_any()
    assert loaded is not None
    sources = [split_source(raw) for raw in raws]
    problems.extend(too_long(sources, loaded.curation.limits.max_sentences_per_source))
    problems.raise_if_any()
    problems.extend(check_citations(loaded, sources))
    problems.raise_if_any()
    return sources, loaded


def extract_all(
    sources: Sequence[Source], loaded: LoadedCuration, cache: BuildCache | None = None
) -> list[SourceFacts]:
    """Extract the facts of every source, from the cache where the source and the code are unchanged."""
    from builder.extract import extract

    known = loaded.curation.known_organizations()
    most = loaded.curation.limits.max_facts_per_source
    facts = []
    for source in sources:
        key = cache.extraction_key(source, known) if cache else ""
        found = cache.load_facts(key, source.id) if cache else None
        if found is None:
            found = extract(source, known)
            if cache:
                cache.store_facts(key, found)
        facts.append(found)
    problems = [p for s, f in zip(sources, facts, strict=True) if (p := too_many_facts(s, f, most)) is not None]
    if problems:
        raise BriefError(problems)
    return facts


def check(project_dir: Path, max_source_bytes: int | None = None) -> list[str]:
    """Validate everything and list the generated files that are out of date; write nothing."""
    from builder.analyze import analyze
    from builder.render import render_pages
    from builder.verify import verify_brief, verify_pages

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
    on_disk = {str(p.relative_to(project)) for p in generated_pages(project)}
    stale.extend(sorted(on_disk - set(expected)))
    return stale


def facts_json(brief: Brief, header: bool = True) -> str:
    """The whole brief as JSON: data/facts.json (with a line saying it is generated) and the site's brief.json."""
    data = brief.model_dump(mode="json")
    if header:
        data = {"generated": "by dealbrief from data/sources/ and data/brief.yaml; do not edit", **data}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _without_header(text: str) -> str:
    data = json.loads(text)
    data.pop("generated", None)
    return json.dumps(data)


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


def inputs_key(project: Path, sources: Sequence[Source], options: BuildOptions) -> str:
    """Everything a build reads: the sources, brief.yaml, mkdocs.yml, the options and the code."""
    parts = [
        code_version(),
        repr((options.site, options.pdf, options.paper)),
        os.environ.get("SOURCE_DATE_EPOCH", ""),
    ]
    parts += [f"{s.path}:{s.sha256}" for s in sources]
    parts.append(user_files_digest(project))
    for name in ("data/brief.yaml", "mkdocs.yml"):
        path = project / name
        parts.append(path.read_text(encoding="utf-8", errors="replace") if path.is_file() else "")
    return digest(*parts)


def _fingerprints(project: Path) -> dict[str, str]:
    """Hashes of the outputs as written, to notice later whether someone changed or removed them."""
    found = {"docs": _docs_digest(project), "facts": _file_digest(project / "data" / "facts.json")}
    for name in ("site/index.html", "site/brief.pdf", "docs/stylesheets/brief.css", "overrides/main.html"):
        found[name] = _file_digest(project / name)
    return found


def _outputs_intact(project: Path, state: dict[str, str], options: BuildOptions) -> bool:
    now = _fingerprints(project)
    wanted = (
        ["docs", "facts", "docs/stylesheets/brief.css", "overrides/main.html"]
        + (["site/index.html"] if options.site else [])
        + (["site/brief.pdf"] if options.pdf else [])
    )
    return all(now[name] and now[name] == state.get(name) for name in wanted)


def _docs_digest(project: Path) -> str:
    pages = generated_pages(project)
    return digest(*(f"{p.relative_to(project)}:{p.read_text('utf-8', 'replace')}" for p in pages)) if pages else ""


def _file_digest(path: Path) -> str:
    return digest(path.read_bytes()) if path.is_file() else ""


@dataclass(frozen=True)
class _Plan:
    """What this build must make, and what it can keep from the last one."""

    site: bool
    pdf: bool
    rebuild_site: bool
    rebuild_pdf: bool
    site_key: str
    pdf_key: str
    paper: str
    docs_in_place: bool = False

    @classmethod
    def make(
        cls,
        project: Path,
        rendered: Rendered,
        print_html: str,
        options: BuildOptions,
        paper: str,
        state: dict[str, str],
    ) -> _Plan:
        config = (project / "mkdocs.yml").read_text(encoding="utf-8", errors="replace")
        site_key = digest(
            code_version(),
            config,
            *(f"{k}:{v}" for k, v in sorted(rendered.files.items())),
            os.environ.get("SOURCE_DATE_EPOCH", ""),
            user_files_digest(project),
        )
        pdf_key = digest(code_version(), print_html, paper)
        site_kept = (
            (project / "site" / "index.html").is_file()
            and state.get("site") == site_key
            and (_file_digest(project / "site" / "index.html") == state.get("site/index.html"))
        )
        pdf_kept = (
            (project / "site" / "brief.pdf").is_file()
            and state.get("pdf") == pdf_key
            and (_file_digest(project / "site" / "brief.pdf") == state.get("site/brief.pdf"))
        )
        return cls(
            site=options.site,
            pdf=options.pdf,
            rebuild_site=options.site and not site_kept,
            rebuild_pdf=options.pdf and not pdf_kept,
            site_key=site_key if options.site else state.get("site", ""),  # a site not rebuilt keeps its key
            pdf_key=pdf_key if options.pdf else state.get("pdf", ""),
            paper=paper,
            docs_in_place=options.docs_in_place,
        )


def write_outputs(
    project: Path,
    rendered: Rendered,
    brief: Brief,
    print_html: str,
    plan: _Plan,
    timer: StageTimer,
    result: BuildResult,
    printer: PrintJob | None,
) -> None:
    """Stage docs/ (and site/ when it must be rebuilt) next to the project, then swap them in.

    The PDF is printed by printer's worker while the site is built; printer is None when no PDF is wanted.
    """
    from builder.site import build_site

    for target, text in rendered.files.items():
        if not target.startswith("docs/"):
            write_atomic(project / target, text)  # theme overrides: mkdocs.yml needs them in place
    if plan.rebuild_pdf:
        assert printer is not None, "a build that prints has a print job"
        printer.start(print_html, plan.paper)
    with staging(project) as stage:
        stage_docs(project / "docs", stage / "docs", rendered)
        swapped = [] if plan.docs_in_place else ["docs"]
        result.outputs.append("docs/")
        if plan.rebuild_site:
            with timer("site"):
                build_site(project / "mkdocs.yml", stage / "docs", stage / "site", epoch_of(brief))
            swapped.append("site")
            result.outputs.append("site/")
        elif plan.site:
            result.skipped.append("site")
        files: dict[str, bytes] = {}
        if plan.rebuild_pdf and printer is not None:
            with timer("pdf"):
                files["brief.pdf"] = printer.result()
            timer.timings["pdf"] = printer.seconds  # from handing over the HTML to the PDF, beside the site
            result.outputs.append("site/brief.pdf")
        elif plan.pdf:
            result.skipped.append("pdf")
            if plan.rebuild_site and (project / "site" / "brief.pdf").is_file():
                files["brief.pdf"] = (project / "site" / "brief.pdf").read_bytes()
        if plan.site or plan.pdf:
            files["brief.json"] = facts_json(brief, header=False).encode()
            files["brief.schema.json"] = brief_schema().encode()
        (stage / "facts.json").write_text(facts_json(brief), encoding="utf-8")
        if plan.rebuild_site:  # the new site goes in whole, with its files
            for name, data in files.items():
                (stage / "site" / name).write_bytes(data)
        swap(project, stage, swapped)
        if plan.docs_in_place:
            _replace_pages(project, rendered)
        if not plan.rebuild_site:  # the kept site takes the new files one by one
            for name, data in files.items():
                write_atomic(project / "site" / name, data)
        os.replace(stage / "facts.json", project / "data" / "facts.json")
        result.outputs.append("data/facts.json")


def _replace_pages(project: Path, rendered: Rendered) -> None:
    """Write each generated page into docs/ in place, and drop generated pages no longer made."""
    wanted = {target for target in rendered.files if target.startswith("docs/")}
    for target in wanted:
        write_atomic(project / target, rendered.files[target])
    for page in generated_pages(project):
        if str(page.relative_to(project)) not in wanted:
            page.unlink()


__all__ = """
    STAGES BuildOptions BuildResult build check find_project load
    """.split()
