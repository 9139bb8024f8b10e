"""Read a source file of any kind into an article: one decoder, one cleaning rule, one reader per kind.

The build and `dealbrief add` read through the same registry; only `add` converts text that is not UTF-8.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from builder.errors import Problem, Problems
from builder.escaping import clean_text
from builder.importers import Article, ImportProblem, article_from_html
from builder.model import SourceMeta
from builder.yamlfile import read_model

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)

Reader = Callable[[str, str, Problems], Article | None]


def read_article(data: bytes, suffix: str, name: str, problems: Problems, *, convert: bool = False) -> Article | None:
    """Decode a file's bytes and read them by the file's kind; record every problem under name."""
    reader = READERS.get(suffix.lower())
    if reader is None:
        kinds = ", ".join(sorted(READERS))
        problems.add(Problem(name, message=f"not a source: expected a file ending in {kinds}"))
        return None
    text = decode(data, name, problems, convert=convert)
    if text is None:
        return None
    article = reader(text, name, problems)
    if article is not None:  # a saved web page's text comes from its markup: cleaned the same way
        article = Article(article.meta, clean_text(article.text))
    if article is not None and not article.text.strip():
        problems.add(Problem(name, message="empty: the file has no article text"))
        return None
    return article


def decode(data: bytes, name: str, problems: Problems, *, convert: bool = False) -> str | None:
    """UTF-8 text with Unix line endings; other encodings are converted only when asked, else named."""
    if is_binary(data):
        problems.add(Problem(name, message="not a text file (it contains NUL bytes)"))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        guess = guess_encoding(data)
        if convert and guess is not None:
            text = data.decode(guess[0], errors="replace")
        elif convert:
            problems.add(Problem(name, message="not text in any encoding this tool recognises"))
            return None
        else:
            hint = f"it looks like {guess[1]}; " if guess else ""
            problems.add(
                Problem(
                    name,
                    data.count(b"\n", 0, error.start) + 1,
                    message=f"not UTF-8 (byte 0x{data[error.start]:02X} at offset {error.start}); "
                    f"{hint}save it as UTF-8 or import it with `dealbrief add`, which converts it",
                )
            )
            return None
    return clean_text(text)  # Unix line endings, no control characters


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


def read_markdown(text: str, name: str, problems: Problems) -> Article | None:
    """Markdown with optional YAML front matter (the metadata) above the article text."""
    parsed = parse_front_matter(text, name, problems)
    return Article(*parsed) if parsed else None


def read_text(text: str, name: str, problems: Problems) -> Article | None:
    """Plain text: the first line with words is the headline."""
    return Article(SourceMeta(title=first_line(text)), text)


def read_html(text: str, name: str, problems: Problems) -> Article | None:
    """A saved web page: the article's text and the metadata the page states."""
    try:
        return article_from_html(text)
    except ImportProblem as problem:
        problems.add(Problem(name, message=str(problem)))
        return None


READERS: dict[str, Reader] = {".md": read_markdown, ".txt": read_text, ".html": read_html, ".htm": read_html}
SOURCE_SUFFIXES = tuple(READERS)


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


def first_line(text: str) -> str | None:
    """The first line with text, stripped: a plain-text article's headline."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return None
