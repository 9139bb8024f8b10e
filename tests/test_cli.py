"""The command line, through click's runner: output, exit codes and messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import copy_project, run_cli, snapshot


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "brief")


def test_build_from_inside_the_project(project: Path) -> None:
    code, output = run_cli("build", "--no-pdf", cwd=project / "data" / "sources")
    assert code == 0, output
    assert "Built “Microsoft and Lumen Technologies strategic partnership”: 3 sources" in output
    assert f"  {project / 'site'}\n" in output  # found the project from a folder inside it
    assert (project / "site" / "index.html").is_file()


def test_build_outside_a_project_says_so(tmp_path: Path) -> None:
    code, output = run_cli("build", "--project", str(tmp_path))
    assert code == 1
    assert "not inside a brief project" in output and "dealbrief new DIR" in output


def test_check_passes_on_the_example_and_fails_when_stale(project: Path) -> None:
    code, output = run_cli("check", "--project", str(project))
    assert code == 0, output
    (project / "data" / "brief.yaml").write_text(
        (project / "data" / "brief.yaml").read_text(encoding="utf-8").replace("status: announced", "status: closed"),
        encoding="utf-8",
    )
    before = snapshot(project)
    code, output = run_cli("check", "--project", str(project))
    assert code == 1
    assert "docs/index.md: out of date: run `dealbrief build` and commit the result" in output
    assert snapshot(project) == before  # check writes nothing, not even a cache


def test_extract_prints_json(project: Path) -> None:
    code, output = run_cli("extract", "--sources", str(project / "data" / "sources"), "--format", "json")
    assert code == 0
    data = json.loads(output)
    assert len(data["sources"]) == 3 and data["quotes"]


def test_extract_of_a_missing_folder(tmp_path: Path) -> None:
    code, output = run_cli("extract", "--sources", str(tmp_path / "nowhere"), "--no-brief")
    assert code == 1
    assert "nowhere: no such folder" in output


def test_version() -> None:
    code, output = run_cli("--version")
    assert code == 0 and output.startswith("dealbrief, version ")
