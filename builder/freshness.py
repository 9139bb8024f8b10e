"""Whether the built site and PDF are current: what each was made from, and what changed since.

A build records, for site/ and for site/brief.pdf, a hash of every input it read (mkdocs.yml,
data/brief.yaml, each source) and the builder's version. `publish` and `check` compare that record
with the inputs as they are now, so a site built before an edit is never published as current. Without
a record (a build with --no-cache, or .cache/ removed) they compare modification times.
"""

from __future__ import annotations

import json
from contextlib import suppress
from pathlib import Path

from builder.atomic import write_atomic
from builder.cache import CACHE_DIR, code_version, digest
from builder.errors import Problem

RECORD = "made-from.json"
# What each output is, and the file that stands for it.
OUTPUTS = (("site", "site/", "site/index.html"), ("pdf", "site/brief.pdf", "site/brief.pdf"))
_BUILDER = "dealbrief"


def input_digests(project: Path) -> dict[str, str]:
    """A hash of every input of the site and the PDF, by path, and the builder's version."""
    found = {_BUILDER: code_version()}
    for name in ("mkdocs.yml", "data/brief.yaml"):
        path = project / name
        found[name] = digest(path.read_bytes()) if path.is_file() else ""
    sources = project / "data" / "sources"
    if sources.is_dir():
        for path in sorted(sources.iterdir()):
            if path.is_file() and not path.name.startswith((".", "_")):
                found[f"data/sources/{path.name}"] = digest(path.read_bytes())
    return found


def record_outputs(project: Path, site: bool, pdf: bool, enabled: bool = True) -> None:
    """Remember that the site and/or the PDF now on disk were made from the inputs as they are now.

    A build without the cache keeps no record, and drops the one it would make wrong: the outputs are
    then judged by their modification times.
    """
    if not enabled:
        (project / CACHE_DIR / RECORD).unlink(missing_ok=True)
        return
    record = _read(project)
    now = input_digests(project)
    for key, wanted in (("site", site), ("pdf", pdf)):
        if wanted:
            record[key] = now
    with suppress(OSError):  # without the record, publish asks for a build: safe, only slower
        write_atomic(project / CACHE_DIR / RECORD, json.dumps(record, sort_keys=True, indent=1))


def stale_outputs(project: Path) -> list[Problem]:
    """The built outputs older than their inputs, each naming what changed since it was built."""
    record = _read(project)
    now = input_digests(project)
    problems = []
    for key, shown, marker in OUTPUTS:
        if not (project / marker).is_file():
            continue
        made_from = record.get(key)
        if made_from is None:
            changed = _newer_than(project, project / marker, now)
        else:
            changed = [
                change for name in sorted(set(made_from) | set(now)) if (change := _change(name, made_from, now))
            ]
        if changed:
            problems.append(
                Problem(shown, message=f"out of date: {', '.join(changed)} since it was built; run `dealbrief build`")
            )
    return problems


def _newer_than(project: Path, output: Path, inputs: dict[str, str]) -> list[str]:
    """Without a record: the inputs modified after the output was written."""
    built = output.stat().st_mtime
    return [f"{name} changed" for name in sorted(inputs) if name != _BUILDER and _mtime(project / name) > built]


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _change(name: str, before: dict[str, str], now: dict[str, str]) -> str | None:
    if before.get(name) == now.get(name):
        return None
    if name == _BUILDER:
        return "dealbrief was updated"
    if name not in before or not before[name]:
        return f"{name} was added"
    if name not in now or not now[name]:
        return f"{name} was removed"
    return f"{name} changed"


def _read(project: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads((project / CACHE_DIR / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: value for key, value in data.items() if isinstance(value, dict)}
