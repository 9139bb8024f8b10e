"""Brief projects: make a new one, import articles into it, and publish its site."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from pydantic import ValidationError

from builder.errors import BriefError, Problem, Problems
from builder.escaping import clean_text, theme_html, yaml_quoted
from builder.importers import Article
from builder.model import SourceMeta
from builder.oserrors import located_oserrors, oserror_message
from builder.readers import SOURCE_SUFFIXES, first_line, read_article
from builder.safefiles import RefusedFile, read_bounded, write_new
from builder.sources import SOURCE_ID
from builder.templating import environment

TEMPLATE_SOURCE = "your-source"  # the source id the examples in a new brief.yaml cite
_SLUG = re.compile(r"[^a-z0-9]+")
META_ORDER = ("title", "outlet", "author", "published", "url", "kind", "imported_from")
MAX_IMPORT_BYTES = 50_000_000  # a saved web page is larger than its article


def new_project(target: Path, title: str) -> list[str]:
    """Make a ready brief project in target (a new or empty folder); return the files written."""
    if target.exists() and any(target.iterdir()):
        what = "is already a brief project" if (target / "mkdocs.yml").exists() else "is not empty"
        raise BriefError(
            [Problem(str(target), message=f"{what}: `dealbrief new` makes a brief in a new or empty folder")]
        )
    env = environment("text")
    title = clean_text(title)
    # The theme writes the site's name and description into its HTML as they are.
    values = {
        "title": title,
        "site_name": yaml_quoted(theme_html(f"Deal brief: {title}")),
        "site_description": yaml_quoted(theme_html(f"A sourced brief of {title}, built from its news coverage.")),
    }
    files = {
        "mkdocs.yml": env.get_template("project/mkdocs.yml.j2").render(**values),
        "data/brief.yaml": env.get_template("project/brief.yaml.j2").render(title=yaml_quoted(title)),
        "README.md": env.get_template("project/README.md.j2").render(title=title),
        ".gitignore": env.get_template("project/gitignore").render(),
        "data/sources/.gitkeep": "",
    }
    for name, text in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return sorted(files)


@dataclass(frozen=True)
class Added:
    """One imported article: where it went and which metadata it has or lacks."""

    file: str
    target: str
    meta: SourceMeta

    @property
    def id(self) -> str:
        return Path(self.target).stem

    @property
    def found(self) -> list[str]:
        return [name for name in META_ORDER[:5] if getattr(self.meta, name) is not None]

    @property
    def missing(self) -> list[str]:
        return [name for name in META_ORDER[:5] if getattr(self.meta, name) is None]


def add_sources(
    project: Path, files: list[Path], overrides: dict[str, str | None], source_id: str | None = None
) -> list[Added]:
    """Import articles into data/sources/ as Markdown with front matter; never overwrite a source.

    Every file is read and checked first; if any cannot be imported, none is.
    """
    folder = project / "data" / "sources"
    problems = Problems()
    known_texts = _existing_texts(folder)
    taken = {path.stem for path in folder.iterdir()} if folder.is_dir() else set()
    planned: list[tuple[Path, str, Article]] = []
    if source_id is not None and len(files) != 1:
        problems.add(Problem("--id", message="an id can be given only when adding one file"))
    for file in files:
        shown = str(file)
        article = _article(file, problems)
        if article is None:
            continue
        article = _with_overrides(article, overrides, shown, problems)
        fingerprint = _fingerprint(article.text)
        if fingerprint in known_texts:
            problems.add(
                Problem(shown, message=f"already imported: {known_texts[fingerprint]} has the same article text")
            )
            continue
        wanted = source_id or _slug(article.meta.title or file.stem)
        if source_id is not None and (not SOURCE_ID.fullmatch(source_id) or source_id in taken):
            reason = (
                "is taken" if source_id in taken else "is not a valid source id (lower-case letters, digits, '-', '_')"
            )
            problems.add(Problem(shown, message=f"the id {source_id!r} {reason}"))
            continue
        chosen = _unique(wanted, taken)
        taken.add(chosen)
        known_texts[fingerprint] = f"data/sources/{chosen}.md"
        planned.append((file, chosen, article))
    problems.raise_if_any()
    added: list[Added] = []
    with located_oserrors(project):
        folder.mkdir(parents=True, exist_ok=True)
        try:
            for file, chosen, article in planned:
                meta = article.meta.model_copy(update={"imported_from": clean_text(file.name)})
                write_new(folder / f"{chosen}.md", _markdown(meta, article.text).encode("utf-8"))
                added.append(Added(str(file), f"data/sources/{chosen}.md", meta))
        except OSError:  # all or none: take back what this run added
            for done in added:
                (project / done.target).unlink(missing_ok=True)
            raise
    return added


def template_examples(project: Path) -> list[int]:
    """The lines of data/brief.yaml that still cite the template's example source instead of a real one."""
    try:
        lines = (project / "data" / "brief.yaml").read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    pattern = re.compile(rf"\b{TEMPLATE_SOURCE}-s\d+")
    return [number for number, line in enumerate(lines, start=1) if pattern.search(line)]


def _article(file: Path, problems: Problems) -> Article | None:
    """Read a file to import through the build's readers, converting text that is not UTF-8."""
    shown = str(file)
    suffix = file.suffix.lower()
    if suffix not in SOURCE_SUFFIXES:
        problems.add(
            Problem(
                shown,
                message=f"cannot import a {suffix or 'file without extension'}: give .html, .htm, .txt or .md files",
            )
        )
        return None
    if not file.exists():
        problems.add(Problem(shown, message="no such file"))
        return None
    try:
        data = read_bounded(file, MAX_IMPORT_BYTES)
    except RefusedFile as refused:
        problems.add(Problem(shown, message=str(refused)))
        return None
    except OSError as error:
        problems.add(Problem(shown, message=f"cannot read it: {oserror_message(error)}"))
        return None
    article = read_article(data, suffix, shown, problems, convert=True)
    if article is not None and article.meta.title is None:
        article = Article(article.meta.model_copy(update={"title": first_line(article.text)}), article.text)
    return article


def _with_overrides(article: Article, overrides: dict[str, str | None], shown: str, problems: Problems) -> Article:
    update: dict[str, object] = {}
    for name, value in overrides.items():
        if value is None:
            continue
        if name == "published":
            try:
                update[name] = date.fromisoformat(value)
            except ValueError:
                problems.add(Problem(shown, message=f"--published expects a date (YYYY-MM-DD), found {value!r}"))
        elif name == "url" and not value.startswith(("http://", "https://")):
            problems.add(Problem(shown, message=f"--url expects an http(s) address, found {value!r}"))
        else:
            update[name] = value
    try:  # validated again, so that the options are held to the rules of front matter
        meta = SourceMeta.model_validate({**article.meta.model_dump(), **update})
    except ValidationError as error:
        for detail in error.errors():
            field = ".".join(str(part) for part in detail["loc"])
            problems.add(Problem(shown, message=f"--{field}: {detail['msg'].removeprefix('Value error, ')}"))
        return article
    return Article(meta, article.text)


def _existing_texts(folder: Path) -> dict[str, str]:
    """The article texts already in the project, by fingerprint, to refuse a second copy of one."""
    found: dict[str, str] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in (".md", ".txt") and not path.name.startswith("."):
            try:
                article = read_article(
                    read_bounded(path, MAX_IMPORT_BYTES, inside=folder), path.suffix, path.name, Problems()
                )
            except (RefusedFile, OSError):
                continue
            if article is not None:
                found[_fingerprint(article.text)] = f"data/sources/{path.name}"
    return found


def _fingerprint(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).lower().encode()).hexdigest()


def _slug(text: str) -> str:
    slug = _SLUG.sub("-", text.lower()).strip("-")[:48].strip("-")
    return slug or "source"


def _unique(wanted: str, taken: set[str]) -> str:
    candidate, number = wanted, 2
    while candidate in taken:
        candidate = f"{wanted[:44]}-{number}"
        number += 1
    return candidate


def _markdown(meta: SourceMeta, text: str) -> str:
    data = {name: getattr(meta, name) for name in META_ORDER}
    front = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1000)
    return f"---\n{front}---\n{text.rstrip()}\n"


def published_title(project: Path) -> str | None:
    """The title of the brief the built site shows (from site/brief.json), to say which brief is published."""
    try:
        data = json.loads((project / "site" / "brief.json").read_text(encoding="utf-8"))
        title = data["deal"]["title"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return title if isinstance(title, str) else None
