"""gather(): the options merged once with brief.yaml, then every stage in order, in memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.config import Options
from builder.errors import BriefError
from builder.gather import StageTimer, gather
from tests.conftest import ROOT, copy_project


def test_the_paper_chosen_on_the_command_line_reaches_every_output(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    gathered = gather(Options(project=project, paper="letter"))
    assert gathered.config.paper == "letter"
    assert gathered.brief.print.paper == "letter"  # brief.json carries it
    assert 'class="paper-letter"' in (gathered.print_html or "")


def test_brief_yaml_chooses_the_paper_when_the_command_line_does_not(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    path = project / "data" / "brief.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("output:\n", "output:\n  paper: letter\n"), "utf-8")
    assert gather(Options(project=project), render=False).brief.print.paper == "letter"
    assert gather(Options(project=project, paper="a4"), render=False).brief.print.paper == "a4"


def test_the_stages_run_in_order_and_extract_stops_before_rendering() -> None:
    seen: list[str] = []
    gathered = gather(
        Options(sources=ROOT / "data" / "sources", cache=False), render=False, timer=StageTimer(seen.append)
    )
    assert seen == ["load", "extract", "analyze"]
    assert gathered.rendered is None and gathered.config.project is None
    assert len(gathered.brief.sources) == 3


def test_a_previous_brief_can_stand_for_the_run(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    first = gather(Options(project=project), render=False)
    seen: list[str] = []
    again = gather(Options(project=project), timer=StageTimer(seen.append), reuse=lambda loaded: first.brief)
    assert again.reused and again.brief is first.brief and seen == ["load"]


def test_nothing_is_gathered_from_a_folder_that_is_not_a_project(tmp_path: Path) -> None:
    with pytest.raises(BriefError, match="not inside a brief project"):
        gather(Options(project=tmp_path))
