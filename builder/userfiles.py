"""The user's own files beside the generated ones: kept by every build, and read by the site.

Images, extra pages and theme files in docs/ and overrides/ are inputs of the site as much as the
generated pages are, so the site's cache key covers them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from builder.generated import is_generated

# The folders whose files MkDocs reads or copies into the site.
SITE_INPUTS = ("docs", "overrides")
_HEADER_LINES = 40


def user_files(project: Path) -> list[Path]:
    """The regular files under docs/ and overrides/ that the user put there, in a stable order."""
    found = []
    for folder in SITE_INPUTS:
        root = project / folder
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if not path.is_file():
                continue
            relative = path.relative_to(project).as_posix()
            if path.suffix in (".md", ".css", ".html") and is_generated(relative, _head(path)):
                continue
            found.append(path)
    return found


def user_files_digest(project: Path) -> str:
    """A hash of the user's files that the site is built from: their names and their bytes."""
    hasher = hashlib.sha256()
    for path in user_files(project):
        hasher.update(path.relative_to(project).as_posix().encode() + b"\0")
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                hasher.update(block)
        hasher.update(b"\0")
    return hasher.hexdigest()[:32]


def _head(path: Path) -> str:
    with open(path, encoding="utf-8", errors="replace") as handle:
        return "".join(handle.readline() for _ in range(_HEADER_LINES))
