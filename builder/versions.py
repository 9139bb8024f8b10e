"""Versions on disk: data/versions/<name>.json, one for each publish or snapshot that changed the facts.

Plain JSON files beside the inputs, so they work with git or without it: commit them to keep the
history, or compare with the brief.json of any earlier build (a published site keeps one).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from builder.analyze.record import numbered, record
from builder.atomic import write_atomic
from builder.errors import BriefError, Problem, Problems
from builder.lock import BuildLock
from builder.model import Brief
from builder.model.versions import Version
from builder.safefiles import read_input

FOLDER = ("data", "versions")
MAX_VERSION_BYTES = 100_000_000  # far above the facts of the largest brief: a bound, not a budget
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def versions_folder(project: Path) -> Path:
    """Where a project keeps its versions."""
    return project.joinpath(*FOLDER)


def read_versions(project: Path, problems: Problems) -> tuple[Version, ...]:
    """The project's versions in the order they were recorded; a broken one is a problem of the run."""
    folder = versions_folder(project)
    if not folder.is_dir():
        return ()
    found: dict[int, Version] = {}
    for path in sorted(folder.glob("*.json")):
        shown = "/".join((*FOLDER, path.name))
        data = read_input(path, shown, problems, MAX_VERSION_BYTES, inside=project)
        if data is None:
            continue
        try:
            version = Version.model_validate_json(data)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "the file"
            problems.add(Problem(shown, where=where, message=f"not a version of the brief: {first['msg']}"))
            continue
        if version.name != path.stem:
            problems.add(Problem(shown, message=f"holds version {version.name!r}: a version's file is named after it"))
        elif version.number in found:
            other = found[version.number].name
            problems.add(Problem(shown, message=f"has number {version.number}, like {other}; renumber one of them"))
        else:
            found[version.number] = version
    return tuple(found[number] for number in sorted(found))


def version_json(version: Version) -> str:
    """A version as its file holds it: indented JSON, defaults left out, one fact per few lines."""
    return json.dumps(version.model_dump(mode="json", exclude_defaults=True), ensure_ascii=False, indent=1) + "\n"


def record_version(project: Path, brief: Brief) -> tuple[Version, bool]:
    """Record the brief's facts as the next version unless they are the latest one's; say which and whether new."""
    with BuildLock(project):  # no build reads the versions while one is added
        problems = Problems()
        recorded = read_versions(project, problems)
        problems.raise_if_any()
        version = numbered(record(brief), recorded)
        if any(known.number == version.number for known in recorded):
            return version, False
        write_atomic(versions_folder(project) / f"{version.name}.json", version_json(version))
    return version, True


def record_site(project: Path) -> tuple[Version, bool]:
    """Record the facts of the built site, from its brief.json, as a version."""
    path = project / "site" / "brief.json"
    if not path.is_file():
        raise BriefError([Problem("site/brief.json", message="no built brief to record: run `dealbrief build` first")])
    return record_version(project, Brief.model_validate_json(path.read_bytes()))


def since_version(project: Path, recorded: Sequence[Version], since: str | None) -> Version | None:
    """The version `--since` names: a version's name or number, a date (the version of that day), or a file."""
    if since is None:
        return recorded[-1] if recorded else None
    for version in recorded:
        if since in (version.name, str(version.number), f"v{version.number}"):
            return version
    path = Path(since)
    if path.is_file():
        return _version_file(path)
    if _DATE.fullmatch(since):
        day = _day(since)
        earlier = [v for v in recorded if v.dated is not None and v.dated <= day]
        if earlier:
            return earlier[-1]
        raise BriefError([Problem("--since", message=f"no version is dated {since} or earlier; {_known(recorded)}")])
    raise BriefError(
        [Problem("--since", message=f"{since!r} is no version, date (YYYY-MM-DD) or file; {_known(recorded)}")]
    )


def _version_file(path: Path) -> Version:
    """A version from a file: a version of data/versions/, or the brief.json of any build."""
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BriefError([Problem(str(path), line=error.lineno, message=f"not JSON: {error.msg}")]) from None
    try:
        if isinstance(data, dict) and "number" in data:
            return Version.model_validate(data)
        if isinstance(data, dict):
            data.pop("generated", None)  # the note an earlier data/facts.json began with
        facts = record(Brief.model_validate(data))
    except ValidationError as error:
        message = f"neither a version nor a brief's facts: {error.errors()[0]['msg']}"
        raise BriefError([Problem(str(path), message=message)]) from None
    return facts.model_copy(update={"name": path.name})


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BriefError([Problem("--since", message=f"{text!r} is not a date (YYYY-MM-DD)")]) from None


def _known(recorded: Sequence[Version]) -> str:
    if not recorded:
        return "the brief has no version yet (`dealbrief publish` or `dealbrief build --snapshot` records one)"
    return "versions: " + ", ".join(f"{v.number} ({v.name})" for v in recorded)
