"""The analyst's curation in brief.yaml: hide, correct, merge, note and add survive a re-extraction."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from builder.build import build
from builder.config import Options
from builder.errors import BriefError
from builder.gather import load
from tests.conftest import copy_project, snapshot

KATE = "converge360-q-"  # the prefix of the ids of Converge360's quotes


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "brief")


def curate(project: Path, facts: dict) -> None:  # type: ignore[type-arg]
    path = project / "data" / "brief.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["facts"] = facts
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def brief_of(project: Path):  # type: ignore[no-untyped-def]
    return build(Options(project=project, site=False, pdf=False)).brief


def ids(project: Path) -> dict[str, str]:
    brief = brief_of(project)
    found = {q.text[:40]: q.id for q in brief.quotes}
    found.update({f"{a.source}:{a.text}": a.id for a in brief.amounts})
    return found


def test_fact_ids_are_stable_across_builds(project: Path) -> None:
    assert ids(project) == ids(project)


def test_hide_correct_note_merge_and_add(project: Path) -> None:
    known = ids(project)
    announcement = known["This AI-ready infrastructure will streng"]
    miles = known["converge360:6 million miles"]
    latency = known["converge360:5 milliseconds"]
    chapple_a = known["Azure’s advanced global infrastructure h"]
    chapple_b = known["We are committed to partnering with Lume"]
    curate(
        project,
        {
            "hide": [latency],
            "correct": {announcement: {"speaker": "Microsoft"}, miles: {"value": 6500000}},
            "notes": {miles: "Lumen's own figure."},
            "merge": [[chapple_a, chapple_b]],
            "add": {
                "quotes": [{"text": "Lumen benefits, too", "speaker": "Converge360", "cite": "converge360-s16"}],
                "amounts": [
                    {
                        "text": "hundreds of millions of users",
                        "value": 200000000,
                        "unit": "users",
                        "kind": "quantity",
                        "qualifier": "more than",
                        "cite": "converge360-s10",
                    }
                ],
            },
        },
    )
    brief = brief_of(project)
    assert latency not in {a.id for a in brief.amounts}
    assert not any(item.text == "under 5 milliseconds" for g in brief.amount_groups for item in g.items)
    corrected = next(q for q in brief.quotes if q.id == announcement)
    assert (corrected.speaker, corrected.curated) == ("Microsoft", "corrected")
    group = next(g for g in brief.amount_groups if miles in {i.amount for i in g.items})
    assert group.items[0].value == 6500000 and group.note == "Lumen's own figure."
    merged = next(g for g in brief.quote_groups if chapple_a in g.quotes)
    assert chapple_b in merged.quotes
    added = next(q for q in brief.quotes if q.text == "Lumen benefits, too")
    assert added.curated == "added" and added.sentence == "converge360-s16"
    assert any(a.curated == "added" and a.unit == "users" for a in brief.amounts)
    # The curation survives a re-extraction: the same ids are found and the same edits apply.
    assert brief_of(project).model_dump() == brief.model_dump()


def test_an_unknown_id_fails_with_file_and_line(project: Path) -> None:
    curate(project, {"hide": ["newsng-q-00000000"]})
    before = {name: snapshot(project / name) for name in ("data", "docs", "site")}
    with pytest.raises(BriefError) as caught:
        build(Options(project=project, site=False, pdf=False))
    text = (project / "data" / "brief.yaml").read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if "newsng-q-00000000" in row)
    (problem,) = caught.value.problems
    assert str(problem).startswith(f"data/brief.yaml:{line}:")
    assert "facts.hide[0]: no fact with id 'newsng-q-00000000'" in str(problem)
    assert {name: snapshot(project / name) for name in ("data", "docs", "site")} == before


def test_an_added_quote_must_stand_in_its_sentence(project: Path) -> None:
    curate(project, {"add": {"quotes": [{"text": "words nobody wrote", "cite": "newsng-s2"}]}})
    with pytest.raises(BriefError) as caught:
        load(Options(project=project))
    assert "the cited sentence newsng-s2 does not contain 'words nobody wrote'" in str(caught.value)


def test_a_correction_that_does_not_fit_the_fact(project: Path) -> None:
    quote = next(iter(i for t, i in ids(project).items() if t.startswith("Lumen will migrate")))
    curate(project, {"correct": {quote: {"value": 3}}})
    with pytest.raises(BriefError) as caught:
        brief_of(project)
    assert f"'{quote}' is a quote; it has no value" in str(caught.value)


def test_citing_page_furniture_is_a_located_error(project: Path) -> None:
    path = project / "data" / "brief.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("cite: [converge360-s19]", "cite: [converge360-s1]", 1),
        encoding="utf-8",
    )
    with pytest.raises(BriefError) as raised:
        build(Options(project=project, site=False, pdf=False))
    message = str(raised.value)
    assert "data/brief.yaml:" in message
    assert "cites 'converge360-s1', which is a section label ('News'), not a sentence of the article" in message
