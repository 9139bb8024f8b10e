"""The build cache in .cache/: extraction per source by content, and what the last build produced.

Every key includes a hash of the builder's own code (and of the tools it drives), so a cache is never
trusted after the code changed. The cache is safe to delete: it only ever saves work.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pydantic import ValidationError

from builder.atomic import write_atomic
from builder.model import Source, SourceFacts

log = logging.getLogger(__name__)

CACHE_DIR = ".cache/dealbrief"
_FORMAT = "1"


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the builder's code and templates, and of the versions of the tools it drives."""
    digest = hashlib.sha256(_FORMAT.encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".j2", ".txt", ".css", ".html"):
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    for name in ("mkdocs", "mkdocs-material", "weasyprint", "pydantic", "jinja2", "markdown"):
        digest.update(f"{name}={_version(name)}".encode())
    return digest.hexdigest()[:20]


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "absent"


def digest(*parts: str | bytes) -> str:
    """A short stable hash of several parts."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode() if isinstance(part, str) else part)
        hasher.update(b"\0")
    return hasher.hexdigest()[:32]


@dataclass
class BuildCache:
    """Reads and writes .cache/dealbrief of one project; counts what it saved."""

    root: Path
    enabled: bool = True
    hits: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        return self.root / CACHE_DIR

    def extraction_key(self, source: Source, known_orgs: Iterable[str]) -> str:
        """What an extraction depends on: the source as loaded, the analyst's organisations, the code."""
        return digest(code_version(), source.model_dump_json(), "\n".join(sorted(known_orgs)))

    def load_facts(self, key: str, source_id: str) -> SourceFacts | None:
        """The cached facts of a source, or None."""
        if not self.enabled:
            return None
        path = self.folder / "extract" / f"{key}.json"
        try:
            facts = SourceFacts.model_validate_json(path.read_bytes())
        except (OSError, ValidationError, ValueError):
            self.misses.append(source_id)
            return None
        self.hits.append(source_id)
        return facts

    def store_facts(self, key: str, facts: SourceFacts) -> None:
        """Keep the facts of a source."""
        if self.enabled:
            self._write(self.folder / "extract" / f"{key}.json", facts.model_dump_json())

    def state(self) -> dict[str, str]:
        """What the last successful build produced, by output."""
        if not self.enabled:
            return {}
        try:
            data = json.loads((self.folder / "state.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) and data.get("code") == code_version() else {}

    def save_state(self, state: dict[str, str]) -> None:
        """Remember what this build produced."""
        if self.enabled:
            self._write(self.folder / "state.json", json.dumps({**state, "code": code_version()}, sort_keys=True))

    def load_brief(self) -> str | None:
        """The JSON of the brief the last build made, to stand for a build whose inputs have not changed."""
        if not self.enabled:
            return None
        try:
            return (self.folder / "brief.json").read_text(encoding="utf-8")
        except OSError:
            return None

    def store_brief(self, brief_json: str) -> None:
        """Keep the brief this build made."""
        if self.enabled:
            self._write(self.folder / "brief.json", brief_json)

    def prune(self, keep: set[str]) -> None:
        """Drop extraction entries no current source needs, so the cache does not grow without end."""
        folder = self.folder / "extract"
        if not self.enabled or not folder.is_dir():
            return
        for path in folder.glob("*.json"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)

    def _write(self, path: Path, text: str) -> None:
        try:
            write_atomic(path, text)
        except OSError as error:  # a cache that cannot be written only costs time
            log.warning("could not write the build cache at %s: %s", path, error)
