"""Live preview: regenerate docs/ when data/ or the templates change, and let MkDocs' dev server reload."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from builder.build import build
from builder.config import Options
from builder.errors import BriefError

log = logging.getLogger(__name__)
TEMPLATES = Path(__file__).parent / "templates"


def snapshot_mtimes(paths: list[Path]) -> dict[str, float]:
    """Modification times of every file under paths, to notice a change by polling."""
    found: dict[str, float] = {}
    for root in paths:
        files = [root] if root.is_file() else (p for p in root.rglob("*") if p.is_file())
        for path in files:
            try:
                found[str(path)] = path.stat().st_mtime
            except OSError:
                continue
    return found


class Regenerator:
    """Rebuild docs/ (and the PDF when asked) whenever the brief's inputs change."""

    def __init__(self, project: Path, pdf: bool, report: Callable[[str], None], poll: float = 0.5) -> None:
        self.project = project
        self.pdf = pdf
        self.report = report
        self.poll = poll
        self.stopped = threading.Event()
        self.watched = [project / "data" / "sources", project / "data" / "brief.yaml", TEMPLATES]

    def regenerate(self) -> bool:
        """Regenerate once; report a problem instead of stopping the preview."""
        try:
            build(Options(project=self.project, site=False, pdf=self.pdf, docs_in_place=True))
        except BriefError as error:
            self.report(error.format_message())
            return False
        self.report(
            "docs/ and site/brief.pdf regenerated; site/ is not: run `dealbrief build` before publishing"
            if self.pdf
            else "docs/ regenerated; site/ and site/brief.pdf are not: run `dealbrief build` before publishing"
        )
        return True

    def watch(self) -> None:
        """Poll the inputs until stopped, regenerating after each change."""
        seen = snapshot_mtimes(self.watched)
        while not self.stopped.wait(self.poll):
            now = snapshot_mtimes(self.watched)
            if now != seen:
                seen = now
                time.sleep(0.1)  # let an editor finish writing
                self.regenerate()


def serve(project: Path, dev_addr: str, pdf: bool, report: Callable[[str], None]) -> None:
    """Regenerate the brief, then serve it with live reload until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    regenerator = Regenerator(project, pdf, report)
    regenerator.regenerate()
    watcher = threading.Thread(target=regenerator.watch, name="dealbrief-watch", daemon=True)
    watcher.start()
    try:
        mkdocs_serve(config_file=str(project / "mkdocs.yml"), livereload=True, dev_addr=dev_addr)
    finally:
        regenerator.stopped.set()
