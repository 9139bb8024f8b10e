"""Whether the built site and PDF are current: the record a build keeps, and modification times without one."""

from __future__ import annotations

import os
from pathlib import Path

from builder.freshness import record_outputs, stale_outputs


def _project(root: Path) -> Path:
    for name, text in {
        "mkdocs.yml": "site_name: x\n",
        "data/brief.yaml": "deal: {title: x}\n",
        "data/sources/wire.txt": "Acme buys Widget\n",
        "site/index.html": "<html></html>",
        "site/brief.pdf": "%PDF",
    }.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_the_record_names_each_input_that_changed_was_added_or_removed(tmp_path: Path) -> None:
    project = _project(tmp_path)
    record_outputs(project, site=True, pdf=True)
    assert stale_outputs(project) == []
    (project / "data" / "brief.yaml").write_text("deal: {title: y}\n", encoding="utf-8")
    (project / "data" / "sources" / "daily.md").write_text("Acme pays more\n", encoding="utf-8")
    (project / "data" / "sources" / "wire.txt").unlink()
    record_outputs(project, site=False, pdf=True)  # serve --pdf: the PDF is current, the site is not
    assert [str(problem) for problem in stale_outputs(project)] == [
        "site/: out of date: data/brief.yaml changed, data/sources/daily.md was added, "
        "data/sources/wire.txt was removed since it was built; run `dealbrief build`"
    ]


def test_without_a_record_an_input_newer_than_the_output_makes_it_stale(tmp_path: Path) -> None:
    project = _project(tmp_path)
    record_outputs(project, site=True, pdf=True, enabled=False)
    assert not (project / ".cache").exists()
    built = (project / "site" / "index.html").stat().st_mtime
    os.utime(project / "data" / "brief.yaml", (built - 10, built - 10))
    os.utime(project / "mkdocs.yml", (built - 10, built - 10))
    os.utime(project / "data" / "sources" / "wire.txt", (built + 10, built + 10))
    assert [problem.file for problem in stale_outputs(project)] == ["site/", "site/brief.pdf"]
    assert "data/sources/wire.txt changed since it was built" in str(stale_outputs(project)[0])
