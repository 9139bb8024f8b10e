"""The JSON of `extract --format json`: the shape other tools rely on (keys may be added, never renamed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from builder.analyze import analyze
from builder.bounds import too_long
from builder.build import extract_all
from builder.curation import Curation, DealIn, LoadedCuration, check_citations, read_curation
from builder.errors import Problems
from builder.model import Brief
from builder.sources import read_sources, shown_path, split_source
from builder.yamlfile import YamlDocument


def extract_json(sources_dir: Path, brief_file: Path | None) -> dict[str, Any]:
    """Extract and compare the sources in a folder; apply a brief.yaml when one is given."""
    problems = Problems()
    root = Path.cwd() if sources_dir.resolve().is_relative_to(Path.cwd().resolve()) else sources_dir.resolve().parent
    loaded = read_curation(brief_file, shown_path(brief_file, root), problems) if brief_file else _no_curation()
    limit = loaded.curation.limits.max_source_bytes if loaded else 2_000_000
    raws = read_sources(sources_dir, root, problems, limit)
    problems.raise_if_any()
    assert loaded is not None
    sources = [split_source(raw) for raw in raws]
    problems.extend(too_long(sources, loaded.curation.limits.max_sentences_per_source))
    problems.raise_if_any()
    problems.extend(check_citations(loaded, sources))
    problems.raise_if_any()
    return contract(analyze(sources, extract_all(sources, loaded), loaded))


def contract(brief: Brief) -> dict[str, Any]:
    """Project the brief onto the documented JSON shape."""

    def dump(model: Any, *, exclude: set[str] | None = None) -> dict[str, Any]:
        return model.model_dump(mode="json", exclude=exclude)  # type: ignore[no-any-return]

    return {
        "sources": [
            {
                "id": s.id,
                "title": s.meta.title,
                "outlet": s.meta.outlet,
                "author": s.meta.author,
                "published": s.meta.published.isoformat() if s.meta.published else None,
                "url": s.meta.url,
                "path": s.path,
                "kind": s.meta.kind,
                "sentences": len(s.sentences),
            }
            for s in brief.sources
        ],
        "quotes": [dump(q) for q in brief.quotes],
        "amounts": [dump(a) for a in brief.amounts],
        "dates": [dump(d) for d in brief.dates],
        "people": [dump(p) for p in brief.people],
        "organizations": [dump(o) for o in brief.organizations],
        "conflicts": [dump(c) for c in brief.conflicts],
        "questions": [dump(q) for q in brief.questions],
        "disclosures": [dump(d) for d in brief.disclosures],
        "unnamed": [dump(u) for u in brief.unnamed],
        "quote_groups": [dump(g, exclude={"variants"}) for g in brief.quote_groups],
        "amount_groups": [dump(g) for g in brief.amount_groups],
    }


def _no_curation() -> LoadedCuration:
    curation = Curation(deal=DealIn(title="Untitled deal", type="not stated", status="not stated"))
    return LoadedCuration(curation, YamlDocument(data={}, root=None), "(no brief.yaml)")
