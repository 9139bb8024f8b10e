"""The README's commands are the ones that work."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
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


def _walkthrough() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Brief a new deal", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)```", section, re.S)


def test_the_new_deal_walkthrough_works_word_for_word(tmp_path: Path) -> None:
    """Run every block of the walkthrough as written, in order; `serve` until the preview answers, then Ctrl-C."""
    blocks = _walkthrough()
    assert len(blocks) == 4 and blocks[2].strip().startswith("dealbrief serve"), blocks
    environment = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}", "CI": "1"}
    outputs = []
    for number, block in enumerate(blocks):
        script = block.replace("/tmp/acme-brief", str(tmp_path / "acme-brief"))
        script = script.replace("/tmp/acme-www", str(tmp_path / "acme-www"))
        if number == 2:
            _serve_until_it_answers(script, environment)
            continue
        done = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", 'export PATH="$PWD/.venv/bin:$PATH"\n' + script],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=environment,
            timeout=600,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        outputs.append(done.stdout)
    site = tmp_path / "acme-brief" / "site"
    assert (site / "index.html").is_file() and (site / "brief.pdf").is_file()
    assert "1 conflict," in outputs[0]
    assert "id: acme-agrees-to-buy-widget-corp-for-2-1bn " in outputs[0]
    assert "proposed: true" in (tmp_path / "acme-brief" / "data" / "brief.yaml").read_text(encoding="utf-8")
    assert "Publishing the brief “Acme buys Widget Corp” of " in outputs[2]
    assert (tmp_path / "acme-www" / "index.html").is_file() and (tmp_path / "acme-www" / "brief.pdf").is_file()


def _serve_until_it_answers(script: str, environment: dict[str, str]) -> None:
    command = script.split("#")[0].strip()
    address = "127.0.0.1:8000"
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", 8000)) == 0:  # taken by something else on this machine
            with socket.socket() as free:
                free.bind(("127.0.0.1", 0))
                address = f"127.0.0.1:{free.getsockname()[1]}"
            command += f" --dev-addr {address}"
    process = subprocess.Popen(
        ["bash", "-c", f'export PATH="$PWD/.venv/bin:$PATH"; exec {command}'],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://{address}/", timeout=5) as response:
                    if "Acme buys Widget Corp" in response.read().decode("utf-8"):
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline and process.poll() is None, "the preview did not answer"
            time.sleep(0.5)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


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
