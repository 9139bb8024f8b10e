"""Regenerate the golden files the tests compare against: `make golden`, then review the diff.

The committed docs/ and data/facts/ are golden files too: `make golden` rebuilds them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner

from builder.build import build
from builder.cli import main
from builder.config import Options

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"


def extract_seeds_json() -> str:
    """The output of `extract --sources data/sources --format json`, run from the project root."""
    previous = Path.cwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(main, ["extract", "--sources", "data/sources", "--format", "json"])
    finally:
        os.chdir(previous)
    if result.exit_code != 0:
        raise RuntimeError(result.output)
    json.loads(result.stdout)
    return result.stdout


def regenerate() -> None:
    """Rebuild docs/ and data/facts/, and write the golden extract JSON."""
    build(Options(project=ROOT, site=False, pdf=False))
    GOLDEN.mkdir(exist_ok=True)
    (GOLDEN / "extract-seeds.json").write_text(extract_seeds_json(), encoding="utf-8")


if __name__ == "__main__":
    regenerate()
    print("Regenerated docs/, data/facts/ and tests/golden/extract-seeds.json; review `git diff`.")
