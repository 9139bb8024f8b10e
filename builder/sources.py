"""Load the articles in data/sources into Sources: metadata, verbatim text, sentences."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from builder.errors import Problem, Problems
from builder.escaping import clean_text
from builder.extract.sentences import split_sentences
from builder.model import Sentence, Source, SourceMeta
from builder.safefiles import read_input
from builder.yamlfile import read_model

SOURCE_SUFFIXES = (".md", ".txt", ".html", ".htm")
DEFAULT_MAX_SOURCE_BYTES = 2_000_000
SOURCE_ID = re.compile(r"[a-z0-9](?:[a-z0-9_-]{0,62}[a-z0-9])?")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


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
    text = decode(data, name, problems)
    if text is None:
        return None
    text = clean_text(text)
    digest = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if suffix == ".md":
        parsed = parse_front_matter(text, name, problems)
        if parsed is None:
            return None
        meta, body = parsed
    elif suffix == ".txt":
        meta, body = SourceMeta(title=first_line(text)), text
    else:
        from builder.importers import ImportProblem, article_from_html

        try:
            article = article_from_html(text)
        except ImportProblem as problem:
            problems.add(Problem(name, message=str(problem)))
            return None
        meta, body = article.meta, article.text
    body = clean_text(body)
    if not body.strip():
        problems.add(Problem(name, message="empty: the file has no article text"))
        return None
    return RawSource(source_id, name, meta, body, digest)


def decode(data: bytes, name: str, problems: Problems) -> str | None:
    """Decode UTF-8 text; say which encoding a file seems to be in when it is not UTF-8."""
    if is_binary(data):
        problems.add(Problem(name, message="not a text file (it contains NUL bytes)"))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        guess = guess_encoding(data)
        hint = f"it looks like {guess[1]}; " if guess else ""
        problems.add(
            Problem(
                name,
                line,
                message=f"not UTF-8 (byte 0x{data[error.start]:02X} at offset {error.start}); "
                f"{hint}save it as UTF-8 or import it with `dealbrief add`, which converts it",
            )
        )
        return None


def is_binary(data: bytes) -> bool:
    """NUL bytes anywhere, and no UTF-16 byte-order mark: not a text file."""
    return b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff"))


def guess_encoding(data: bytes) -> tuple[str, str] | None:
    """The likely encoding of bytes that are not UTF-8: the codec to decode them with, and its name for people."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", "UTF-16"
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and not any("\x80" <= ch <= "\x9f" for ch in western):
        return "cp1252", "windows-1252 (Western European, a superset of Latin-1)"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return (best.encoding, best.encoding.replace("_", "-")) if best is not None else None


def parse_front_matter(text: str, name: str, problems: Problems) -> tuple[SourceMeta, str] | None:
    """Split YAML front matter from the body and validate it as SourceMeta."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        if text.startswith("---"):
            problems.add(Problem(name, 1, 1, message="front matter is not closed: add a line '---' after it"))
            return None
        return SourceMeta(), text
    read = read_model(
        match.group(1) or "",
        SourceMeta,
        name,
        problems,
        not_a_mapping=(2, "front matter must be a mapping of keys to values"),
        line_offset=1,
        empty_is_default=True,
    )
    return (read[0], text[match.end() :]) if read else None


def split_source(raw: RawSource) -> Source:
    """Split a source's text into numbered sentences."""
    sentences = tuple(
        Sentence(
            id=f"{raw.id}-s{n}",
            n=n,
            start=segment.start,
            end=segment.end,
            paragraph=segment.paragraph,
            text=raw.text[segment.start : segment.end],
        )
        for n, segment in enumerate(split_sentences(raw.text), start=1)
    )
    return Source(id=raw.id, path=raw.path, meta=raw.meta, text=raw.text, sha256=raw.sha256, sentences=sentences)


def first_line(text: str) -> str | None:
    """The first line with text, stripped: a plain-text article's headline."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return None


def shown_path(path: Path, root: Path) -> str:
    """The path as messages show it: relative to root when it is inside, as given otherwise."""
    try:  # the folder resolved, not the file: a link is named where it stands
        return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def model_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """Name the keys a model accepts, for messages."""
    return tuple(model.model_fields)
