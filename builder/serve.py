"""Live preview: regenerate docs/ when data/ or the templates change, and let MkDocs' dev server reload.

The preview survives any error: it reports it and tries again once anything in the project changes. It
waits for a build that runs in the project instead of breaking it, and it answers only requests made
to it by its own address (no page elsewhere can reach it by a DNS name that points at this machine).
"""

from __future__ import annotations

import ipaddress
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from builder.build import build
from builder.config import Options
from builder.errors import BriefError
from builder.oserrors import oserror_problem

log = logging.getLogger(__name__)
TEMPLATES = Path(__file__).parent / "templates"
# Not inputs: what builds write, and the version control's own files.
_NOT_INPUTS = ("site", ".cache", ".git", ".dealbrief-")


def snapshot_mtimes(paths: list[Path]) -> dict[str, float]:
    """Modification times of every file and folder under paths, to notice a change by polling."""
    found: dict[str, float] = {}
    for root in paths:
        try:
            files = [root, *root.rglob("*")] if root.is_dir() else [root]
        except OSError:
            continue
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
        self.failed: str | None = None

    def regenerate(self) -> bool:
        """Regenerate once; report any problem instead of stopping the preview."""
        try:
            build(Options(project=self.project, site=False, pdf=self.pdf, docs_in_place=True, wait=True))
        except BriefError as error:
            return self._failed(error.format_message())
        except OSError as error:
            return self._failed(BriefError([oserror_problem(error, self.project)]).format_message())
        except Exception as error:  # the preview outlives any fault; the next change gets a new try
            log.debug("regeneration failed", exc_info=True)
            return self._failed(f"could not regenerate docs/: {type(error).__name__}: {error}")
        self.failed = None
        self.report(
            "docs/ and site/brief.pdf regenerated; site/ is not: run `dealbrief build` before publishing"
            if self.pdf
            else "docs/ regenerated; site/ and site/brief.pdf are not: run `dealbrief build` before publishing"
        )
        return True

    def _failed(self, message: str) -> bool:
        if message != self.failed:
            self.report(message)
        self.failed = message
        return False

    def inputs(self) -> list[Path]:
        """What to watch: the inputs; after a failure, everything in the project, to pick up any fix."""
        if self.failed is None:
            return self.watched
        try:
            everything = [p for p in self.project.iterdir() if not p.name.startswith(_NOT_INPUTS)]
        except OSError:
            everything = []
        return [*self.watched, *everything]

    def watch(self) -> None:
        """Poll the inputs until stopped, regenerating after each change."""
        seen = snapshot_mtimes(self.inputs())
        while not self.stopped.wait(self.poll):
            if snapshot_mtimes(self.inputs()) != seen:
                time.sleep(0.1)  # let an editor finish writing
                seen = snapshot_mtimes(self.inputs())  # taken before: a change made while it runs is not lost
                self.regenerate()


def allowed_host(host: str, served: str) -> bool:
    """Whether a request's Host header names this server: an address, localhost, or the host it serves on."""
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    name = name.strip("[]").lower()
    if name in ("localhost", served.strip("[]").lower()):
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@contextmanager
def host_guard(served: str) -> Iterator[None]:
    """Make MkDocs' dev server refuse requests whose Host names another machine (DNS rebinding)."""
    import mkdocs.commands.serve as mkdocs_serve
    from mkdocs.livereload import LiveReloadServer

    class GuardedServer(LiveReloadServer):
        def serve_request(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
            if not allowed_host(str(environ.get("HTTP_HOST", "")), served):
                start_response("403 Forbidden", [("Content-Type", "text/plain; charset=utf-8")])
                return [b"403 Forbidden: this preview answers only to its own address\n"]
            return super().serve_request(environ, start_response)

    namespace = vars(mkdocs_serve)  # the name mkdocs serve builds its server from
    original = namespace["LiveReloadServer"]
    namespace["LiveReloadServer"] = GuardedServer
    try:
        yield
    finally:
        namespace["LiveReloadServer"] = original


def serve(project: Path, dev_addr: str, pdf: bool, report: Callable[[str], None]) -> None:
    """Regenerate the brief, then serve it with live reload until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    regenerator = Regenerator(project, pdf, report)
    regenerator.regenerate()
    watcher = threading.Thread(target=regenerator.watch, name="dealbrief-watch", daemon=True)
    watcher.start()
    try:
        with host_guard(dev_addr.rsplit(":", 1)[0]):
            mkdocs_serve(config_file=str(project / "mkdocs.yml"), livereload=True, dev_addr=dev_addr)
    finally:
        regenerator.stopped.set()
