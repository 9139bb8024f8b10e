"""Builds that meet: one build at a time per project, recovery that spares a live build's folder, a print
worker that ends with its build, and builds side by side that never break each other."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT, copy_project
from tests.hostile import build_lock_held, cli_process, small_project


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_second_build_is_refused_while_one_runs(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p")
    with build_lock_held(project) as holder:
        result = cli_process("build", "--no-pdf", "--project", str(project))
    assert result.returncode == 1
    assert result.stderr.splitlines()[-2:] == [
        "Error: 1 problem found; nothing was written.",
        f"  {project}: another build is running in this project (process {holder}); wait for it to finish, or "
        "stop it, and run this one again",
    ]
    assert not (project / "docs").exists()
    assert cli_process("build", "--no-pdf", "--project", str(project)).returncode == 0


def test_recovery_removes_only_the_scratch_folders_of_dead_builds(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p")
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    try:
        (project / f".dealbrief-stage-{live.pid}" / "docs").mkdir(parents=True)
        (project / f".dealbrief-stage-{dead.pid}" / "docs").mkdir(parents=True)
        result = cli_process("build", "--no-pdf", "--no-site", "--project", str(project))
        assert result.returncode == 0, result.stderr
        assert (project / f".dealbrief-stage-{live.pid}" / "docs").is_dir()
        assert not (project / f".dealbrief-stage-{dead.pid}").exists()
    finally:
        live.kill()
        live.wait()


def test_builds_side_by_side_never_break_each_other(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "brief")
    assert cli_process("build", "--no-pdf", "--project", str(project)).returncode == 0
    command = [sys.executable, "-m", "builder", "build", "--no-pdf", "--force", "--no-cache", "--project", str(project)]
    pair = [
        subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)
    ]
    answers = [process.communicate(timeout=300) for process in pair]
    outcomes = [(process.returncode, errors) for process, (_, errors) in zip(pair, answers, strict=True)]
    for code, errors in outcomes:
        assert "Traceback" not in errors, errors
        assert code == 0 or "another build is running in this project" in errors, errors
    assert any(code == 0 for code, _ in outcomes)
    assert (project / "site" / "index.html").is_file() and (project / "docs" / "index.md").is_file()
    assert not list(project.glob(".dealbrief-stage-*"))


def test_a_killed_build_takes_its_print_worker_with_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "brief")
    build = subprocess.Popen(
        [sys.executable, "-m", "builder", "build", "--force", "--project", str(project)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(project.glob(".dealbrief-stage-*/site")):
        time.sleep(0.01)  # the site is built while the worker prints
    workers = _children(build.pid)
    assert workers, "the build started no print worker"
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_running(worker) for worker in workers):
        time.sleep(0.05)
    still = [worker for worker in workers if _running(worker)]
    for worker in still:
        os.kill(worker, signal.SIGKILL)
    assert not still, "the print worker went on after its build was killed"
