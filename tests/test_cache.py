"""Incremental builds end to end: extraction cached per source, site and PDF redone only when needed.

What to redo is decided by plan.py, tested from hashes alone in test_plan.py; the tests here that are
about extraction build without the site and the PDF, and a few run the whole build once or twice.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import builder.build
import builder.cache
from builder.build import BuildResult, build
from builder.config import Options
from tests.conftest import copy_project, snapshot


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "brief")


def run(project: Path, **options: object) -> BuildResult:
    return build(Options(project=project, **options))  # type: ignore[arg-type]


def outputs(project: Path) -> dict[str, bytes]:
    found = {f"docs/{k}": v for k, v in snapshot(project / "docs").items()}
    found |= {f"site/{k}": v for k, v in snapshot(project / "site").items()}
    found |= {f"data/facts/{k}": v for k, v in snapshot(project / "data" / "facts").items()}
    return found


def test_a_rebuild_with_nothing_changed_does_no_work(project: Path) -> None:
    first = run(project)
    assert sorted(first.extracted) == ["blog-2024-07-25", "converge360", "newsng"]
    before = outputs(project)
    again = run(project)
    assert again.skipped == ["extract", "analyze", "render", "site", "pdf"]
    assert again.brief == first.brief
    assert outputs(project) == before


def test_a_changed_source_is_re_extracted_and_the_others_are_not(project: Path) -> None:
    run(project, site=False, pdf=False)
    path = project / "data" / "sources" / "newsng.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nShares in Lumen rose 12% on the news.", encoding="utf-8")
    result = run(project, site=False, pdf=False)
    assert result.extracted == ["newsng"]
    assert any(a.text == "12%" for a in result.brief.amounts)


def test_touching_a_source_without_changing_it_is_a_no_op(project: Path) -> None:
    run(project, site=False, pdf=False)
    (project / "data" / "sources" / "newsng.md").touch()
    assert run(project, site=False, pdf=False).skipped == ["extract", "analyze", "render", "site", "pdf"]


def test_a_new_extractor_version_invalidates_everything(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run(project, site=False, pdf=False)
    builder.cache.code_version.cache_clear()
    monkeypatch.setattr(builder.cache, "code_version", lambda: "another-version")
    monkeypatch.setattr(builder.build, "code_version", lambda: "another-version")
    result = run(project, site=False, pdf=False)
    assert sorted(result.extracted) == ["blog-2024-07-25", "converge360", "newsng"]


def test_a_deleted_cache_rebuilds_the_same_outputs(project: Path) -> None:
    run(project, site=False, pdf=False)
    before = outputs(project)
    shutil.rmtree(project / ".cache")
    result = run(project, site=False, pdf=False)
    assert sorted(result.extracted) == ["blog-2024-07-25", "converge360", "newsng"]
    assert outputs(project) == before


def test_outputs_are_identical_with_and_without_the_cache(tmp_path: Path) -> None:
    cached, uncached = copy_project(tmp_path / "a"), copy_project(tmp_path / "b")
    run(cached)
    path = cached / "data" / "brief.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: announced", "status: agreed"), "utf-8")
    shutil.copy(path, uncached / "data" / "brief.yaml")
    warm = run(cached)
    assert warm.extracted == []  # every source came from the cache
    assert "site/" in warm.outputs and "site/brief.pdf" in warm.outputs  # the curation is on every page
    run(uncached, cache=False)
    assert outputs(cached) == outputs(uncached)
    assert not (uncached / ".cache").exists()


def test_a_removed_pdf_is_printed_again_without_rebuilding_the_site(project: Path) -> None:
    run(project)
    (project / "site" / "brief.pdf").unlink()
    result = run(project)
    assert "site/brief.pdf" in result.outputs and "site" in result.skipped
    assert (project / "site" / "brief.pdf").is_file()


def test_a_hand_edited_page_is_still_noticed(project: Path) -> None:
    from builder.errors import BriefError

    run(project, site=False, pdf=False)
    page = project / "docs" / "timeline.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nmine\n", encoding="utf-8")
    with pytest.raises(BriefError, match=r"docs/timeline\.md: edited by hand"):
        run(project, site=False, pdf=False)
