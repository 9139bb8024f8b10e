"""The one way through the pipeline: resolve the configuration, load, extract, analyze, render, verify.

Every command goes through gather(): `build` writes what it returns, `check` compares it with the files
on disk, `extract` prints it without rendering, `serve` builds. Only this module knows the stages' order.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from builder.cache import BuildCache
from builder.config import DEFAULT_MAX_SOURCE_BYTES, Config, Options, epoch_of, find_project
from builder.curation import LoadedCuration, check_citations, empty_curation, read_curation
from builder.errors import BriefError, Problems
from builder.limits import too_long, too_many_facts
from builder.model import Brief, Source, SourceFacts
from builder.sources import read_sources, shown_path, split_source

if TYPE_CHECKING:
    from builder.model.versions import Version
    from builder.render import Rendered

STAGES = ("load", "extract", "analyze", "render", "site", "pdf")


class StageTimer:
    """Time the pipeline's stages, and say which one runs."""

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


@dataclass(frozen=True)
class Loaded:
    """The inputs of a run, read and checked, with the configuration they resolve to, and the versions recorded."""

    config: Config
    sources: list[Source]
    curation: LoadedCuration
    versions: tuple[Version, ...] = ()


@dataclass
class Gathered:
    """Everything a run made in memory; rendered and print_html are None when not rendered."""

    loaded: Loaded
    brief: Brief
    rendered: Rendered | None = None
    print_html: str | None = None
    reused: bool = False
    extracted: list[str] = field(default_factory=list)

    @property
    def config(self) -> Config:
        return self.loaded.config


def gather(
    options: Options,
    *,
    render: bool = True,
    timer: StageTimer | None = None,
    cache: BuildCache | None = None,
    reuse: Callable[[Loaded], Brief | None] | None = None,
) -> Gathered:
    """Run the pipeline in memory: nothing is written but the extraction cache, every problem is raised together.

    reuse may answer the loaded inputs with the brief of a previous run, which then stands for this one.
    """
    timer = timer or StageTimer()
    with timer("load"):
        loaded = load(options)
    if reuse is not None and (kept := reuse(loaded)) is not None:
        return Gathered(loaded, kept, reused=True)
    from builder.analyze import analyze
    from builder.analyze.updates import with_updates

    with timer("extract"):
        extracted = extract_all(loaded.sources, loaded.curation, cache)
    with timer("analyze"):
        brief = analyze(loaded.sources, extracted, loaded.curation, paper=loaded.config.paper)
        brief = with_updates(brief, loaded.versions)
    gathered = Gathered(loaded, brief, extracted=list(cache.misses) if cache else [])
    if render:
        with timer("render"):
            gathered.rendered, gathered.print_html = render_checked(brief)
    return gathered


def load(options: Options) -> Loaded:
    """Resolve where the inputs are, read brief.yaml and the sources, and merge the options into one Config."""
    problems = Problems()
    if options.sources is not None:
        project = None
        sources_dir = options.sources
        cwd = Path.cwd().resolve()
        root = cwd if sources_dir.resolve().is_relative_to(cwd) else sources_dir.resolve().parent
        brief_file = options.brief_file
    else:
        project = root = find_project(options.project)
        sources_dir = project / "data" / "sources"
        brief_file = project / "data" / "brief.yaml"
    brief_shown = shown_path(brief_file, root) if brief_file else "(no brief.yaml)"
    curation = read_curation(brief_file, brief_shown, problems) if brief_file else empty_curation()
    limit = options.max_source_bytes or (
        curation.curation.limits.max_source_bytes if curation else DEFAULT_MAX_SOURCE_BYTES
    )
    raws = read_sources(sources_dir, root, problems, limit)
    versions = _read_versions(project, problems)
    problems.raise_if_any()
    if curation is None:  # read_curation records a problem whenever it returns None
        raise BriefError(problems.items)
    sources = [split_source(raw) for raw in raws]
    problems.extend(too_long(sources, curation.curation.limits.max_sentences_per_source))
    problems.raise_if_any()
    problems.extend(check_citations(curation, sources))
    problems.raise_if_any()
    config = Config(
        project=project,
        root=root,
        sources_dir=sources_dir,
        brief_file=brief_file,
        brief_shown=brief_shown,
        site=options.site,
        pdf=options.pdf,
        force=options.force,
        paper=options.paper or curation.curation.output.paper,
        max_source_bytes=limit,
        cache=options.cache,
        docs_in_place=options.docs_in_place,
    )
    return Loaded(config, sources, curation, versions)


def _read_versions(project: Path | None, problems: Problems) -> tuple[Version, ...]:
    """The versions a project recorded; a folder of sources outside a project has none."""
    from builder.versions import read_versions

    return read_versions(project, problems) if project is not None else ()


def extract_all(
    sources: Sequence[Source], curation: LoadedCuration, cache: BuildCache | None = None
) -> list[SourceFacts]:
    """Extract the facts of every source, from the cache where the source and the code are unchanged."""
    from builder.extract import extract

    known = curation.curation.known_organizations()
    most = curation.curation.limits.max_facts_per_source
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


def render_checked(brief: Brief) -> tuple[Rendered, str]:
    """Render the pages and the print document, and verify every citation in them."""
    from builder.render import render_pages, render_print_html
    from builder.verify import verify_brief, verify_pages

    rendered = render_pages(brief)
    problems = verify_brief(brief) + verify_pages(rendered.files)
    if problems:
        raise BriefError(problems)
    return rendered, render_print_html(brief, epoch_of(brief.built))
