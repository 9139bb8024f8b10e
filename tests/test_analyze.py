"""Cross-source analysis on articles written for the test: conflicts, conversions, quote groups."""

from __future__ import annotations

from pathlib import Path

from builder.analyze import analyze
from builder.analyze.ranges import bounds
from builder.curation import empty_curation
from builder.extract import extract
from builder.model import Amount, Brief
from builder.sources import load_sources
from builder.wording import Wording
from tests.conftest import FIXTURES


def conflict_brief() -> Brief:
    sources = load_sources(FIXTURES / "conflict", FIXTURES)
    return analyze(sources, [extract(source) for source in sources], empty_curation())


def test_different_prices_for_the_same_purchase_conflict() -> None:
    brief = conflict_brief()
    (conflict,) = [c for c in brief.conflicts if c.kind == "conflict"]
    assert {(item.source, item.text) for item in conflict.items} == {("daily", "$2.5bn"), ("wire", "$2.1bn")}
    assert Wording(brief).conflict_note(conflict) == (
        "The sources disagree: $2.5bn (Example Daily ¶1, ¶2) and $2.1bn (Example Wire ¶2)."
    )
    question = next(q for q in brief.questions if q.kind == "conflict")
    assert Wording(brief).question_text(question).startswith("Which figure is right")


def test_converted_figures_are_linked_to_their_primary() -> None:
    brief = conflict_brief()
    by_id = {a.id: a for a in brief.amounts}
    pounds = [a for a in brief.amounts if a.unit == "GBP"]
    assert sorted((by_id[a.converted_from].text, a.text) for a in pounds if a.converted_from) == [
        ("$2.1bn", "£1.7bn"),
        ("$2.5bn", "£2bn"),
    ]


def test_the_same_quote_in_two_layouts_is_one_group_with_the_speaker() -> None:
    brief = conflict_brief()
    (group,) = brief.quote_groups
    assert group.speaker == "Jane Doe" and group.speaker_title == "chief executive"
    assert len(group.support.sources) == 2 and all(v.identical for v in group.variants)
    assert group.support.origins == 1


def _amount(text: str, value: float, qualifier: str | None) -> Amount:
    return Amount(
        id="x",
        source="s",
        sentence="s-s1",
        start=0,
        end=len(text),
        text=text,
        value=value,
        unit="USD",
        kind="money",
        qualifier=qualifier,
    )


def test_hedges_are_read_as_ranges() -> None:
    assert bounds(_amount("$20 million", 20_000_000, "more than")) == (20_000_000, 30_000_000)
    low, high = bounds(_amount("$20 million", 20_000_000, "about"))
    assert low < 19_500_000 and high > 20_500_000
    assert bounds(_amount("$1.9bn", 1_900_000_000, None)) == (1_850_000_000, 1_950_000_000)
    low, high = bounds(_amount("$5m", 5_000_000, "under"))
    assert high == 5_000_000 and low < 5_000_000


def test_json_of_the_fixture_project_lists_the_conflict(tmp_path: Path) -> None:
    from builder.build import extract_json
    from builder.config import Options

    data = extract_json(Options(sources=FIXTURES / "conflict"))
    kinds = {c["kind"] for c in data["conflicts"]}
    assert "conflict" in kinds
    assert all(q["citations"] for q in data["questions"])
