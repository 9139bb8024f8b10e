"""Load the articles in data/sources into Sources: metadata, verbatim text, sentences."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from builder.errors import Problem, Problems
from builder.extract.bylines import credits
from builder.extract.furniture import find_furniture
from builder.extract.outlet import outlet_named
from builder.extract.sentences import split_sentences
from builder.model import Sentence, Source, SourceMeta
from builder.readers import SOURCE_SUFFIXES, read_article
from builder.safefiles import read_input

DEFAULT_MAX_SOURCE_BYTES = 2_000_000
SOURCE_ID = re.compile(r"[a-z0-9](?:[a-z0-9_-]{0,62}[a-z0-9])?")


@dataclass(frozen=True)
class RawSource:
    """A source file read and decoded, before its text is split."""

    id: str
    path: str
    meta: SourceMeta
    text: str
    sha256: str


def load_sources(directory: Path, root: Path, max_bytes: int = DEFAULT_MAX_SOURCE_BYTES) -> tuple[Source, ...]:
    """Read every source in directory; raise BriefError listing every problem found."""
    problems = Problems()
    raws = read_sources(directory, root, problems, max_bytes)
    problems.raise_if_any()
    return tuple(split_source(raw) for raw in raws)


def read_sources(directory: Path, root: Path, problems: Problems, max_bytes: int) -> list[RawSource]:
    """Read and decode every source file, recording problems instead of stopping at the first."""
    shown = shown_path(directory, root)
    if not directory.is_dir():
        problems.add(Problem(shown, message="no such folder: put the articles of the deal here"))
        return []
    files = sorted((path for path in directory.iterdir() if not path.name.startswith((".", "_"))), key=lambda p: p.name)
    raws: list[RawSource] = []
    seen: dict[str, str] = {}
    for path in files:
        name = shown_path(path, root)
        if path.is_dir():
            problems.add(Problem(name, message="a folder among the sources; sources are files"))
            continue
        if path.suffix.lower() not in SOURCE_SUFFIXES:
            problems.add(Problem(name, message="not a source: expected a .md, .txt or .html file"))
            continue
        source_id = path.stem
        if not SOURCE_ID.fullmatch(source_id):
            problems.add(Problem(name, message=id_problem(source_id)))
            continue
        if source_id in seen:
            problems.add(Problem(name, message=f"duplicate source id {source_id!r}: {seen[source_id]} has it too"))
            continue
        seen[source_id] = name
        raw = read_source(path, source_id, name, problems, max_bytes, inside=root)
        if raw is not None:
            raws.append(raw)
    if not files and not problems:
        problems.add(Problem(shown, message="no sources: add the articles of the deal as .md or .txt files"))
    return raws


def id_problem(source_id: str) -> str:
    """Explain why a file name cannot be a source id."""
    return (
        f"the file name {source_id!r} cannot be a source id: use lower-case letters, digits, '-' and '_' "
        "(at most 64, starting and ending with a letter or digit), since it becomes a page name and an anchor"
    )


def read_source(
    path: Path, source_id: str, name: str, problems: Problems, max_bytes: int, inside: Path | None = None
) -> RawSource | None:
    """Read one regular file of the project (bounded), check its encoding, then parse its front matter."""
    data = read_input(path, name, problems, max_bytes, inside or path.parent)
    if data is None:
        return None
    article = read_article(data, path.suffix, name, problems)
    if article is None:
        return None
    return RawSource(source_id, name, article.meta, article.text, hashlib.sha256(data).hexdigest())


def split_source(raw: RawSource) -> Source:
    """Split a source's text into numbered sentences, marking page furniture; a byline names the author when
    the metadata does not."""
    segments = split_sentences(raw.text)
    furniture = find_furniture(raw.text, segments)
    sentences = tuple(
        Sentence(
            id=f"{raw.id}-s{n}",
            n=n,
            start=segment.start,
            end=segment.end,
            paragraph=segment.paragraph,
            text=raw.text[segment.start : segment.end],
            furniture=kind,
        )
        for n, (segment, kind) in enumerate(zip(segments, furniture.kinds, strict=True), start=1)
    )
    meta = raw.meta
    if meta.author is None and (author := credits(raw.text).author) is not None:
        meta = meta.model_copy(update={"author": author})
    return Source(
        id=raw.id,
        path=raw.path,
        meta=meta,
        text=raw.text,
        sha256=raw.sha256,
        sentences=sentences,
        named_outlet=outlet_named(raw.text, raw.id),
    )


def shown_path(path: Path, root: Path) -> str:
    """The path as messages show it: relative to root when it is inside, as given otherwise."""
    try:  # the folder resolved, not the file: a link is named where it stands
        return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
