"""The README's commands are the ones that work."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

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


def test_the_new_deal_walkthrough_works_word_for_word(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Brief a new deal", 1)[1].split("\n## ", 1)[0]
    first_block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert first_block
    script = first_block.group(1).replace("/tmp/acme-brief", str(tmp_path / "acme-brief"))
    environment = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}", "CI": "1"}
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    site = tmp_path / "acme-brief" / "site"
    assert (site / "index.html").is_file() and (site / "brief.pdf").is_file()
    assert "1 conflict," in done.stdout


def _cli_options() -> dict[str, list[str]]:
    """Every command of the CLI and the long options it prints in --help."""
    import click

    from builder.cli import main

    found = {}
    context = click.Context(main)
    for name, command in sorted(main.commands.items()):
        options = []
        for parameter in command.get_params(context):
            if isinstance(parameter, click.Option) and "--help" not in parameter.opts:
                options += [opt for opt in parameter.opts if opt.startswith("--")]
        found[name] = options
    return found


def test_every_command_and_option_of_the_cli_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Commands", 1)[1].split("\n## ", 1)[0]
    lines = {}
    for line in section.splitlines():
        match = re.match(r"dealbrief (\w+)", line)
        if match:
            lines[match.group(1)] = line
    missing = []
    for command, options in _cli_options().items():
        if command not in lines:
            missing.append(command)
            continue
        missing += [
            f"{command} {option}" for option in options if not re.search(re.escape(option) + r"\b", lines[command])
        ]
    assert not missing, f"the README's Commands section misses: {missing}"
