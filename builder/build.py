"""`build` and `check`: gather the brief, then write it (build) or compare it with what is on disk (check).

A rebuild does no work twice: extraction is cached per source, and the site and the PDF are rebuilt
only when what they read changed (plan.py decides from hashes).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from builder.cache import BuildCache, code_version
from builder.config import Options, find_project
from builder.contract import facts_json
from builder.factsfile import facts_files
from builder.freshness import record_outputs
from builder.gather import STAGES, Gathered, Loaded, StageTimer, gather
from builder.generated import generated_pages
from builder.lock import BuildLock
from builder.model import Brief
from builder.oserrors import located_oserrors
from builder.output import fingerprints, recover, write_outputs
from builder.plan import Plan, inputs_key, make_plan, nothing_to_do, pdf_key, site_key
from builder.userfiles import user_files_digest

log = logging.getLogger(__name__)

BuildOptions = Options  # the name the build's callers know


@dataclass
class BuildResult:
    """What a build made, what it could skip, and how long each stage took."""

    brief: Brief
    project: Path
    timings: dict[str, float] = field(default_factory=dict)
    outputs: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)


def build(options: Options, progress: Callable[[str], None] | None = None) -> BuildResult:
    """Build the brief of a project: read and check everything, then write docs/, site/ and the PDF."""
    project = find_project(options.project)
    with BuildLock(project, wait=options.wait), located_oserrors(project):
        return _build_locked(project, options, progress)


def _build_locked(project: Path, options: Options, progress: Callable[[str], None] | None) -> BuildResult:
    recover(project)
    cache = BuildCache(project, enabled=options.cache)
    state = cache.state()
    timer = StageTimer(progress)
    inputs = ""

    def reuse(loaded: Loaded) -> Brief | None:
        nonlocal inputs
        inputs = _inputs_key(loaded)
        if not nothing_to_do(inputs, state, fingerprints(project), options.site, options.pdf, options.force):
            return None
        kept = cache.load_brief()
        try:
            return Brief.model_validate_json(kept) if kept else None
        except ValueError:
            return None

    from builder.pdf import PrintJob  # the print worker starts while the brief is gathered

    with PrintJob() if options.pdf else nullcontext() as printer:
        gathered = gather(options, timer=timer, cache=cache, reuse=reuse)
        result = BuildResult(gathered.brief, project, timer.timings, extracted=gathered.extracted)
        if gathered.reused:
            result.skipped = ["extract", "analyze", "render", "site", "pdf"]
            record_outputs(project, site=options.site, pdf=options.pdf, enabled=options.cache)
            return result
        plan = _plan(project, gathered, state)
        write_outputs(project, gathered, plan, timer, printer, result.outputs, result.skipped)
    cache.store_brief(facts_json(gathered.brief))
    cache.save_state(plan.state(inputs, fingerprints(project)))
    record_outputs(project, site=options.site, pdf=options.pdf, enabled=options.cache)
    known = gathered.loaded.curation.curation.known_organizations()
    cache.prune({cache.extraction_key(source, known) for source in gathered.loaded.sources})
    return result


def _inputs_key(loaded: Loaded) -> str:
    """The hash of everything a build reads."""
    config = loaded.config
    files = [f"{s.path}:{s.sha256}" for s in loaded.sources]
    for path in (config.brief_file, config.project / "mkdocs.yml" if config.project else None):
        files.append(path.read_text(encoding="utf-8", errors="replace") if path and path.is_file() else "")
    if config.project is not None:
        files.append(user_files_digest(config.project))
    files += [version.model_dump_json() for version in loaded.versions]
    choices = (config.site, config.pdf, config.paper)
    return inputs_key(code_version(), choices, os.environ.get("SOURCE_DATE_EPOCH", ""), files)


def _plan(project: Path, gathered: Gathered, state: dict[str, str]) -> Plan:
    """What this build must make, from the rendered files and the state the last build left."""
    from builder.output import check_hand_edits

    config = gathered.config
    rendered, print_html = gathered.rendered, gathered.print_html
    if rendered is None or print_html is None:
        raise ValueError("a build plans from a rendered brief")
    check_hand_edits(project, rendered, config.force)
    mkdocs_yml = (project / "mkdocs.yml").read_text(encoding="utf-8", errors="replace")
    return make_plan(
        site_key=site_key(
            code_version(),
            mkdocs_yml,
            rendered.files,
            os.environ.get("SOURCE_DATE_EPOCH", ""),
            user_files_digest(project),
        ),
        pdf_key=pdf_key(code_version(), print_html, config.paper),
        state=state,
        fingerprints=fingerprints(project),
        site=config.site,
        pdf=config.pdf,
        paper=config.paper,
        docs_in_place=config.docs_in_place,
    )


def check(options: Options) -> list[str]:
    """Validate everything and list the generated files that are out of date; write nothing."""
    gathered = gather(Options(project=options.project, max_source_bytes=options.max_source_bytes, cache=False))
    project = gathered.config.project
    if project is None or gathered.rendered is None:
        raise ValueError("check compares a project's rendered brief")
    expected = dict(gathered.rendered.files)
    expected.update(facts_files(gathered.brief))
    stale = []
    for target, text in sorted(expected.items()):
        path = project / target
        if not path.is_file() or path.read_text(encoding="utf-8", errors="replace") != text:
            stale.append(target)
    on_disk = {str(p.relative_to(project)) for p in generated_pages(project)}
    stale.extend(sorted(on_disk - set(expected)))
    return stale


def extract_json(options: Options) -> dict[str, object]:
    """Extract and compare the sources of a folder, applying a brief.yaml when one is given: the extract JSON."""
    from builder.contract import contract

    return contract(gather(options, render=False).brief)


__all__ = ["STAGES", "BuildOptions", "BuildResult", "build", "check", "extract_json", "find_project"]
