"""Build the site with MkDocs from the generated pages, strictly: any warning fails the build."""

from __future__ import annotations

import logging
from pathlib import Path

from builder.config import source_date_epoch
from builder.errors import BriefError, Problem

log = logging.getLogger(__name__)


class _Collect(logging.Handler):
    """Keep MkDocs' warnings to report them with the failure."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def write_search_script(site_dir: Path) -> None:
    """Write the search index as a script too: opened from disk, the theme loads it instead of fetching the JSON."""
    index = site_dir / "search" / "search_index.json"
    if index.is_file():
        script = "var __index = " + index.read_text(encoding="utf-8")
        (site_dir / "search" / "search_index.js").write_text(script, encoding="utf-8")


def build_site(config_file: Path, docs_dir: Path, site_dir: Path, epoch: int) -> None:
    """Run `mkdocs build --strict` on docs_dir into site_dir; raise BriefError with MkDocs' warnings."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    collect = _Collect()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(collect)
    try:
        with source_date_epoch(epoch):
            config = load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True)
            build(config)
        write_search_script(site_dir)
    except ConfigurationError as error:
        raise BriefError([Problem(config_file.name, message=f"MkDocs configuration: {error}")]) from None
    except Abort:
        problems = [Problem("mkdocs build", message=message) for message in collect.messages]
        raise BriefError(problems or [Problem("mkdocs build", message="the site build was aborted")]) from None
    finally:
        mkdocs_log.removeHandler(collect)
