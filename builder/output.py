"""Write the build's outputs without ever leaving them half written.

docs/ and site/ are built in a scratch folder inside the project and swapped in only when every stage
succeeded; single files are replaced atomically. A build killed at any point leaves the previous
output, and the next build tidies up what it left.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from builder.atomic import write_atomic
from builder.cache import digest
from builder.config import epoch_of
from builder.contract import brief_schema, facts_json
from builder.errors import BriefError, Problem
from builder.factsfile import FACTS_DIR, facts_files
from builder.generated import content_digest, generated_pages, is_generated, split_header
from builder.lock import alive
from builder.plan import FINGERPRINTED

if TYPE_CHECKING:
    from builder.gather import Gathered, StageTimer
    from builder.model import Brief
    from builder.pdf import PrintJob
    from builder.plan import Plan
    from builder.render import Rendered

log = logging.getLogger(__name__)

SWAPPED = ("docs", "site")
STAGE_PREFIX = ".dealbrief-stage-"
OLD_PREFIX = ".dealbrief-old-"


def check_hand_edits(project: Path, rendered: Rendered, force: bool) -> None:
    """Refuse to overwrite generated files someone edited since they were generated."""
    if force:
        return
    problems = []
    targets = set(rendered.files) | {str(p.relative_to(project)) for p in generated_pages(project)}
    for target in sorted(targets):
        path = project / target
        if not path.is_file():
            continue
        digest, content = split_header(path.read_text(encoding="utf-8", errors="replace"))
        if digest is None and target.startswith("docs/"):
            problems.append(
                Problem(
                    target,
                    message="exists but was not written by dealbrief; move it away or rebuild "
                    "with --force to overwrite it",
                )
            )
        elif digest is not None and digest != content_digest(content) and not target.endswith(".css"):
            problems.append(
                Problem(
                    target,
                    message="edited by hand since it was generated; those edits would be lost. "
                    "Put them in data/brief.yaml, or rebuild with --force to overwrite",
                )
            )
    if problems:
        raise BriefError(problems)


def stage_docs(current: Path, staged: Path, rendered: Rendered) -> None:
    """The new docs/: the user's own files kept, generated pages replaced, stale generated pages dropped."""
    if current.is_dir():
        shutil.copytree(current, staged)
        for path in list(staged.rglob("*")):
            relative = f"docs/{path.relative_to(staged).as_posix()}"
            if (
                path.is_file()
                and path.suffix in (".md", ".css")
                and is_generated(relative, path.read_text("utf-8", "replace"))
            ):
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
    stage = project / f"{STAGE_PREFIX}{os.getpid()}"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir()
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def swap(project: Path, stage: Path, names: Sequence[str]) -> None:
    """Put the staged folders in place; the old ones stay aside until all are in, so a crash can be undone."""
    for name in names:
        old = project / f"{OLD_PREFIX}{name}"
        shutil.rmtree(old, ignore_errors=True)
        if (project / name).exists():
            os.rename(project / name, old)
        os.rename(stage / name, project / name)
    for name in names:
        shutil.rmtree(project / f"{OLD_PREFIX}{name}", ignore_errors=True)


def recover(project: Path) -> None:
    """Undo what an interrupted build left: restore folders set aside, drop the scratch folders of dead builds."""
    for name in SWAPPED:
        old = project / f"{OLD_PREFIX}{name}"
        if old.exists():
            if (project / name).exists():
                shutil.rmtree(old, ignore_errors=True)
            else:
                os.rename(old, project / name)
                log.warning("restored %s/ from an interrupted build", name)
    for stale in project.glob(f"{STAGE_PREFIX}*"):
        owner = stale.name.removeprefix(STAGE_PREFIX)
        if not (owner.isdigit() and int(owner) != os.getpid() and alive(int(owner))):  # only a dead build's
            shutil.rmtree(stale, ignore_errors=True)


def write_outputs(
    project: Path,
    gathered: Gathered,
    plan: Plan,
    timer: StageTimer,
    printer: PrintJob | None,
    outputs: list[str],
    skipped: list[str],
) -> None:
    """Stage docs/ (and site/ when it must be rebuilt) next to the project, then swap them in.

    The PDF is printed by printer's worker while the site is built; printer is None when no PDF is wanted.
    What was written goes into outputs, what could be kept into skipped.
    """
    from builder.site import build_site

    brief, rendered, print_html = gathered.brief, gathered.rendered, gathered.print_html
    if rendered is None or print_html is None:
        raise ValueError("outputs are written from a rendered brief")
    for target, text in rendered.files.items():
        if not target.startswith("docs/"):
            write_atomic(project / target, text)  # theme overrides: mkdocs.yml needs them in place
    printing = plan.rebuild_pdf and printer is not None
    if printing and printer is not None:
        limits = gathered.loaded.curation.curation.limits
        printer.start(print_html, plan.paper, limits.print_seconds, limits.print_memory_mb)
    with staging(project) as stage:
        stage_docs(project / "docs", stage / "docs", rendered)
        swapped = [] if plan.docs_in_place else ["docs"]
        outputs.append("docs/")
        if plan.rebuild_site:
            with timer("site"):
                build_site(project / "mkdocs.yml", stage / "docs", stage / "site", epoch_of(brief.built))
            swapped.append("site")
            outputs.append("site/")
        elif plan.site:
            skipped.append("site")
        files: dict[str, bytes] = {}
        if printing and printer is not None:
            with timer("pdf"):
                files["brief.pdf"] = printer.result()
            timer.timings["pdf"] = printer.seconds  # from handing over the HTML to the PDF, beside the site
            outputs.append("site/brief.pdf")
        elif plan.pdf:
            skipped.append("pdf")
            if plan.rebuild_site and (project / "site" / "brief.pdf").is_file():
                files["brief.pdf"] = (project / "site" / "brief.pdf").read_bytes()
        if plan.site or plan.pdf:
            files["brief.json"] = facts_json(brief).encode()
            files["brief.schema.json"] = brief_schema().encode()
        if plan.rebuild_site:  # the new site goes in whole, with its files
            for name, data in files.items():
                (stage / "site" / name).write_bytes(data)
        swap(project, stage, swapped)
        if plan.docs_in_place:
            _replace_pages(project, rendered)
        if not plan.rebuild_site:  # the kept site takes the new files one by one
            for name, data in files.items():
                write_atomic(project / "site" / name, data)
        write_facts(project, brief)
        outputs.append(f"{FACTS_DIR}/")


def _replace_pages(project: Path, rendered: Rendered) -> None:
    """Write each generated page into docs/ in place, and drop generated pages no longer made."""
    wanted = {target for target in rendered.files if target.startswith("docs/")}
    for target in wanted:
        write_atomic(project / target, rendered.files[target])
    for page in generated_pages(project):
        if str(page.relative_to(project)) not in wanted:
            page.unlink()


def write_facts(project: Path, brief: Brief) -> None:
    """Write data/facts/*.yaml, each file atomically, and drop the data/facts.json of earlier versions."""
    for target, text in facts_files(brief).items():
        path = project / target
        if not path.is_file() or path.read_text(encoding="utf-8", errors="replace") != text:
            write_atomic(path, text)
    old = project / "data" / "facts.json"
    if old.is_file() and old.read_text(encoding="utf-8", errors="replace").startswith('{\n "generated": "by dealbrief'):
        old.unlink()


def fingerprints(project: Path) -> dict[str, str]:
    """Hashes of the outputs as they are on disk, to notice whether someone changed or removed them."""
    pages = generated_pages(project)
    docs = digest(*(f"{p.relative_to(project)}:{p.read_text('utf-8', 'replace')}" for p in pages)) if pages else ""
    facts = sorted((project / FACTS_DIR).glob("*.yaml"))
    found = {
        "docs": docs,
        "facts": digest(*(f"{p.name}:{p.read_text('utf-8', 'replace')}" for p in facts)) if facts else "",
    }
    for name in FINGERPRINTED[2:]:
        found[name] = _file_digest(project / name)
    return found


def _file_digest(path: Path) -> str:
    return digest(path.read_bytes()) if path.is_file() else ""
