"""The cost of a build is bounded: what one source may produce, and the print worker's time and memory.
Each bound ends the build early with a message that says how to raise it."""

from __future__ import annotations

import time
from pathlib import Path

from tests.conftest import ROOT, run_cli
from tests.hostile import MINIMAL_BRIEF, cli_process, small_project

HEADER = "Error: 1 problem found; nothing was written."


def _long_article() -> str:
    """An article of 1.95 MB: the example's three articles over and over, each round under other names."""
    body = "\n\n".join(p.read_text("utf-8").split("---\n", 2)[2] for p in sorted((ROOT / "data" / "sources").glob("*")))
    rounds, size, text = 0, 0, []
    while size < 1_950_000:
        piece = body.replace("Lumen", f"Lumen{rounds}") + "\n\n"
        text.append(piece)
        size += len(piece.encode())
        rounds += 1
    return "".join(text)


def test_a_source_too_long_for_one_article_is_refused_before_any_work(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p", {"long.md": _long_article()})
    started = time.monotonic()
    result = cli_process("build", "--project", str(project))
    assert time.monotonic() - started < 20
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines()[-2:] == [
        HEADER,
        "  data/sources/long.md: too long: 12,208 sentences, the limit is 2,000; if the file really is one "
        "article, raise limits.max_sentences_per_source in data/brief.yaml",
    ]


def test_a_source_with_too_many_facts_is_refused(tmp_path: Path) -> None:
    text = "".join(f"Acme sold {n} widgets for ${n}m on {n % 28 + 1} March 2024.\n\n" for n in range(1, 40))
    brief = MINIMAL_BRIEF + "limits:\n  max_facts_per_source: 50\n"
    project = small_project(tmp_path / "p", {"many.md": text}, brief)
    code, output = run_cli("build", "--no-pdf", "--project", str(project))
    assert code == 1
    assert output.splitlines()[-1].startswith("  data/sources/many.md: too many facts: ")
    assert output.splitlines()[-1].endswith(
        ", the limit is 50; if the file really is one article, raise limits.max_facts_per_source in data/brief.yaml"
    )
    raised = MINIMAL_BRIEF + "limits:\n  max_facts_per_source: 500\n"
    (project / "data" / "brief.yaml").write_text(raised, encoding="utf-8")
    code, output = run_cli("build", "--no-pdf", "--no-site", "--project", str(project))
    assert code == 0, output


def test_printing_stops_at_its_time_limit(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p", brief=MINIMAL_BRIEF + "limits:\n  print_seconds: 0.05\n")
    code, output = run_cli("build", "--project", str(project))
    assert code == 1
    assert output.splitlines()[-2:] == [
        HEADER,
        "  site/brief.pdf: printing took longer than 0.05 s, the limit; raise limits.print_seconds in "
        "data/brief.yaml, or build without the PDF (--no-pdf)",
    ]
    assert not (project / "site").exists()


def test_printing_stops_at_its_memory_limit(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p", brief=MINIMAL_BRIEF + "limits:\n  print_memory_mb: 64\n")
    code, output = run_cli("build", "--project", str(project))
    assert code == 1
    assert output.splitlines()[-2:] == [
        HEADER,
        "  site/brief.pdf: printing needed more than 64 MB of memory, the limit; raise limits.print_memory_mb in "
        "data/brief.yaml, or build without the PDF (--no-pdf)",
    ]
