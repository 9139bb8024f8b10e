"""Publish the built site: copy it to a folder for hosting, never onto the project or a folder that holds it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from builder.errors import BriefError, Problem
from builder.freshness import stale_outputs
from builder.lock import BuildLock
from builder.oserrors import located_oserrors


def target_problem(project: Path, target: Path) -> str | None:
    """Why target cannot take the published site, or None when it can.

    Replacing the folder deletes what it holds, so the target must not hold the project, lie inside it,
    or be the root of the file system or the home folder.
    """
    project, target = project.resolve(), target.resolve()
    if target == Path(target.anchor):
        return "the root of the file system; publish to a folder of its own"
    home = Path.home().resolve()
    if target == home:
        return "the home folder; publish to a folder of its own"
    if target in home.parents:
        return "holds the home folder, which replacing it would delete; publish to a folder of its own"
    if target == project or target in project.parents:
        return "holds the brief project itself, which replacing it would delete; publish to a folder outside it"
    if project in target.parents:
        return "lies inside the brief project; publish to a folder outside it"
    return None


def publish(project: Path, target: Path, replace: bool) -> int:
    """Copy the built site to target for hosting; return the number of files copied."""
    site = project / "site"
    refused = target_problem(project, target)
    if refused is not None:
        raise BriefError([Problem(str(target), message=refused)])
    if not (site / "index.html").is_file():
        raise BriefError([Problem("site/", message="no built site to publish: run `dealbrief build` first")])
    stale = stale_outputs(project)
    if stale:
        raise BriefError(stale)
    target = target.resolve()
    if target.exists() and not target.is_dir():
        raise BriefError([Problem(str(target), message="is a file; publish to a folder")])
    if target.exists() and any(target.iterdir()) and not replace:
        raise BriefError([Problem(str(target), message="is not empty; add --replace to replace what is there")])
    with BuildLock(project), located_oserrors():  # the site stays whole while it is copied
        staged = target.with_name(f".{target.name}.publishing-{os.getpid()}")
        shutil.rmtree(staged, ignore_errors=True)
        shutil.copytree(site, staged)
        if target.exists():
            old = target.with_name(f".{target.name}.old-{os.getpid()}")
            os.rename(target, old)
            os.rename(staged, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.rename(staged, target)
    return sum(1 for path in target.rglob("*") if path.is_file())
