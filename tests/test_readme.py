"""The README's commands are the ones that work."""

from __future__ import annotations

import re
import subprocess

from tests.conftest import ROOT


def _quick_start() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, "the Quick start has a sh block"
    return [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_is_make_brief_and_make_test() -> None:
    assert _quick_start() == ["make brief", "make test"]


def test_the_make_targets_do_what_the_readme_says() -> None:
    brief = subprocess.run(["make", "-n", "brief"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    test = subprocess.run(["make", "-n", "test"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "dealbrief build" in brief
    assert "pytest" in test


def test_ci_runs_make_test() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in script and "apt-get update" in script and "chromium" in script
