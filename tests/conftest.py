"""Shared fixtures: the example project, the shared corpus, a built copy of the brief."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder.build import BuildResult, build
from builder.cli import main
from builder.config import Options
from builder.curation import LoadedCuration, load_curation
from builder.model import Source
from builder.sources import load_sources

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
PROJECT_FILES = ("mkdocs.yml", "data/brief.yaml", "data/facts", "data/sources", "docs", "overrides")


def shared(*parts: str) -> Path:
    """A path in ../shared; the test is skipped when the shared material is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (the shared material lives beside the project)")
    return path


def copy_project(target: Path) -> Path:
    """Copy the example brief project (inputs and committed docs) into target."""
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def run_cli(*args: str, cwd: Path | None = None) -> tuple[int, str]:
    """Run the command line as a user would from cwd; return the exit code and what it printed."""
    previous = Path.cwd()
    if cwd:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args))
    finally:
        os.chdir(previous)
    return result.exit_code, result.output


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder with its bytes, to compare before and after."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def seeds() -> list[Source]:
    """The example brief's sources."""
    return list(load_sources(ROOT / "data" / "sources", ROOT))


@pytest.fixture(scope="session")
def curation() -> LoadedCuration:
    """The example brief's curation."""
    return load_curation(ROOT / "data" / "brief.yaml", "data/brief.yaml")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuildResult]:
    """The example brief built once, site and PDF, in a temporary copy of the project."""
    project = copy_project(tmp_path_factory.mktemp("brief"))
    yield build(Options(project=project))


def chromium_path() -> str:
    """Debian's Chromium: required in CI, skipped with a reason elsewhere."""
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is required in CI (.ci/run installs it)")
        pytest.skip("Chromium is not installed (apt-get install chromium); browser tests need it")
    return path
