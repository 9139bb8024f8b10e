"""Golden files: the committed docs/ and facts, and the extract JSON of the seeds, match what the builder makes."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from builder.build import build
from builder.config import Options
from tests.conftest import ROOT, copy_project, snapshot
from tests.golden import GOLDEN, extract_seeds_json


def unified_diff(name: str, committed: bytes | None, generated: bytes | None, limit: int = 60) -> str:
    """What changed in a golden file, as a unified diff cut to its first lines."""
    old = (committed or b"").decode("utf-8", "replace").splitlines(keepends=True)
    new = (generated or b"").decode("utf-8", "replace").splitlines(keepends=True)
    lines = list(difflib.unified_diff(old, new, f"committed/{name}", f"generated/{name}"))
    cut = f"… {len(lines) - limit} more lines\n" if len(lines) > limit else ""
    return "".join(lines[:limit]) + cut


def test_the_diff_shows_what_changed() -> None:
    diff = unified_diff("a.md", b"one\ntwo\n", b"one\nthree\n")
    assert "-two\n" in diff and "+three\n" in diff and "--- committed/a.md" in diff


def test_committed_docs_are_what_the_builder_generates(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    build(Options(project=project, site=False, pdf=False))
    generated, committed = snapshot(project / "docs"), snapshot(ROOT / "docs")
    generated |= {f"../data/facts/{k}": v for k, v in snapshot(project / "data" / "facts").items()}
    committed |= {f"../data/facts/{k}": v for k, v in snapshot(ROOT / "data" / "facts").items()}
    stale = sorted(name for name in set(generated) | set(committed) if generated.get(name) != committed.get(name))
    diffs = "".join(unified_diff(name, committed.get(name), generated.get(name)) for name in stale)
    assert not stale, f"docs/ or data/facts/ is stale: run `make golden` and review the diff:\n{diffs}"


def test_extract_json_of_the_seeds_is_golden() -> None:
    golden = (GOLDEN / "extract-seeds.json").read_bytes()
    made = extract_seeds_json().encode()
    diff = unified_diff("extract-seeds.json", golden, made)
    assert made == golden, f"extract JSON changed: run `make golden` and review the diff:\n{diff}"


def test_extract_json_has_the_documented_shape() -> None:
    data = json.loads((GOLDEN / "extract-seeds.json").read_text(encoding="utf-8"))
    assert {
        "sources",
        "quotes",
        "amounts",
        "dates",
        "people",
        "organizations",
        "conflicts",
        "questions",
    } <= set(data)
    assert {"id", "title", "outlet", "author", "published", "url", "path"} <= set(data["sources"][0])
    assert {
        "id",
        "text",
        "speaker",
        "speaker_title",
        "speaker_org",
        "source",
        "sentence",
        "start",
        "end",
        "partial",
    } <= set(data["quotes"][0])
    assert {
        "id",
        "text",
        "value",
        "unit",
        "kind",
        "qualifier",
        "per",
        "source",
        "sentence",
        "start",
        "end",
    } <= set(data["amounts"][0])
    assert {"id", "text", "value", "precision", "source", "sentence", "start", "end"} <= set(data["dates"][0])
    assert {"id", "name", "title", "organization", "mentions"} <= set(data["people"][0])
    assert {"id", "name", "aliases", "mentions"} <= set(data["organizations"][0])
    assert {"id", "kind", "about", "items", "note"} <= set(data["conflicts"][0])
    assert {"source", "sentence", "text", "value", "unit"} <= set(data["conflicts"][0]["items"][0])
    assert {"id", "text", "reason", "citations"} <= set(data["questions"][0])
