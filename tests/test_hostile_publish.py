"""publish --replace deletes what its target holds: it refuses any target that would take the project,
the home folder or the whole file system with it, and says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.hostile import small_project


@pytest.fixture
def built(tmp_path: Path) -> Path:
    project = small_project(tmp_path / "outer" / "brief")
    code, output = run_cli("build", "--no-pdf", "--project", str(project))
    assert code == 0, output
    return project


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ("..", "holds the brief project itself, which replacing it would delete; publish to a folder outside it"),
        ("../..", "holds the brief project itself, which replacing it would delete; publish to a folder outside it"),
        (".", "holds the brief project itself, which replacing it would delete; publish to a folder outside it"),
        ("data/sources", "lies inside the brief project; publish to a folder outside it"),
        ("site", "lies inside the brief project; publish to a folder outside it"),
        ("www", "lies inside the brief project; publish to a folder outside it"),
        ("/", "the root of the file system; publish to a folder of its own"),
    ],
)
def test_publish_refuses_a_target_that_would_delete_the_project(built: Path, where: str, reason: str) -> None:
    target = Path(where) if where.startswith("/") else built / where
    before = sorted(str(p.relative_to(built)) for p in built.rglob("*"))
    code, output = run_cli("publish", "--project", str(built), "--to", str(target), "--replace")
    assert code == 1, output
    assert "Traceback" not in output
    assert output.splitlines()[-2:] == ["Error: 1 problem found; nothing was written.", f"  {target}: {reason}"]
    assert sorted(str(p.relative_to(built)) for p in built.rglob("*")) == before


def test_publish_refuses_the_home_folder(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    (home / "letters").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    for target, reason in (
        (home, "the home folder; publish to a folder of its own"),
        (tmp_path, "holds the home folder, which replacing it would delete; publish to a folder of its own"),
    ):
        code, output = run_cli("publish", "--project", str(built), "--to", str(target), "--replace")
        assert code == 1 and output.splitlines()[-1] == f"  {target}: {reason}", output
    assert (home / "letters").is_dir()


def test_publish_to_a_sibling_folder_still_replaces_it(built: Path) -> None:
    target = built.parent / "www"
    (target / "old").mkdir(parents=True)
    code, output = run_cli("publish", "--project", str(built), "--to", str(target), "--replace")
    assert code == 0, output
    assert (target / "index.html").is_file() and not (target / "old").exists()
