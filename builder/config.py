"""What a run is asked to do: the command line's options, and the configuration they resolve to.

Options come from the command line; the configuration is the options merged once with data/brief.yaml
(the way MkDocs merges its options into its configuration), so that every stage sees the same values.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Literal

from builder.errors import BriefError, Problem

DEFAULT_MAX_SOURCE_BYTES = 2_000_000
Paper = Literal["a4", "letter"]


@dataclass(frozen=True)
class Options:
    """What the command line asked for; None where it left the choice to brief.yaml."""

    project: Path = Path(".")
    site: bool = True
    pdf: bool = True
    force: bool = False
    paper: Paper | None = None
    max_source_bytes: int | None = None
    cache: bool = True
    docs_in_place: bool = False  # write pages one by one into docs/ (the live preview watches that folder)
    wait: bool = False  # wait for a build that runs in the project instead of refusing to start
    sources: Path | None = None  # `extract`: a folder of sources outside any project
    brief_file: Path | None = None  # `extract`: the brief.yaml to apply, if any


@dataclass(frozen=True)
class Config:
    """The options merged with brief.yaml: what every stage of one run reads."""

    project: Path | None
    root: Path  # paths in messages are shown relative to this folder
    sources_dir: Path
    brief_file: Path | None
    brief_shown: str
    site: bool
    pdf: bool
    force: bool
    paper: Paper
    max_source_bytes: int
    cache: bool
    docs_in_place: bool


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


def epoch_of(built: date | None) -> int:
    """The timestamp outputs carry: SOURCE_DATE_EPOCH when set, else the brief's date, never the clock."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    when = built or date(1970, 1, 1)
    return int(datetime(when.year, when.month, when.day, tzinfo=UTC).timestamp())


@contextmanager
def source_date_epoch(epoch: int) -> Iterator[None]:
    """Set SOURCE_DATE_EPOCH for the tools that stamp dates (the sitemap, the fonts the PDF embeds), then restore it."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
