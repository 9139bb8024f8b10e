"""Impossible dates, numbers too long to read, infinite figures and dates no build can carry: each is one
located message and exit code 1, never a traceback, and nothing is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.hostile import ARTICLE, MINIMAL_BRIEF, small_project

HEADER = "Error: 1 problem found; nothing was written."


def _fails(project: Path) -> list[str]:
    code, output = run_cli("build", "--no-pdf", "--project", str(project))
    assert code == 1, output
    assert "Traceback" not in output
    assert not (project / "data" / "facts").exists() and not (project / "docs").exists()
    lines = output.splitlines()
    return lines[lines.index(next(line for line in lines if line.startswith("Error:"))) :]


@pytest.mark.parametrize(
    ("brief", "expected"),
    [
        (
            MINIMAL_BRIEF + "  announced:\n    date: 2025-02-30\n    cite: [s-s1]\n",
            "data/brief.yaml:6:11: not a date: day is out of range for month (2025-02-30)",
        ),
        (
            MINIMAL_BRIEF + "limits:\n  max_source_bytes: " + "9" * 5000 + "\n",
            "data/brief.yaml:6:21: a number with too many digits to read; write a smaller number",
        ),
        (
            MINIMAL_BRIEF + "output:\n  built: 2205-03-04\n",
            "data/brief.yaml:6:10 output.built: expected a date from 1970-01-01 to 2106-02-07 (the dates a build "
            "can carry), found 2205-03-04; is it a typo?",
        ),
        (
            MINIMAL_BRIEF + "facts:\n  add:\n    amounts:\n"
            "      - {text: Acme, value: .inf, unit: USD, kind: money, cite: s-s1}\n",
            "data/brief.yaml:8:29 facts.add.amounts[0].value: expected a finite number, found inf (a number)",
        ),
        (
            MINIMAL_BRIEF + "facts:\n  add:\n    amounts:\n"
            "      - {text: Acme, value: 1.0e+400, unit: USD, kind: money, cite: s-s1}\n",
            "data/brief.yaml:8:29 facts.add.amounts[0].value: expected a finite number, found inf (a number)",
        ),
        (
            MINIMAL_BRIEF + "facts:\n  add:\n    amounts:\n"
            "      - {text: Acme, value: .nan, unit: USD, kind: money, cite: s-s1}\n",
            "data/brief.yaml:8:29 facts.add.amounts[0].value: expected a finite number, found nan (a number)",
        ),
        (
            MINIMAL_BRIEF + "facts:\n  add:\n    amounts:\n"
            "      - {text: Acme, value: " + "9" * 400 + ", unit: USD, kind: money, cite: s-s1}\n",
            "data/brief.yaml:8:29 facts.add.amounts[0].value: expected a figure of at most 30 digits, found one "
            "of 400 digits",
        ),
    ],
    ids=["impossible-date", "4301-digits", "build-date-2205", "inf", "1e400", "nan", "400-digit-figure"],
)
def test_a_bad_value_in_brief_yaml_is_one_located_message(tmp_path: Path, brief: str, expected: str) -> None:
    project = small_project(tmp_path / "p", brief=brief)
    assert _fails(project) == [HEADER, f"  {expected}"]


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("published: 2205-03-04", "3:12 published: expected a date from 1970-01-01 to 2106-02-07"),
        ("published: 1969-12-31", "3:12 published: expected a date from 1970-01-01 to 2106-02-07"),
        ("published: 2025-02-30", "3:12: not a date: day is out of range for month (2025-02-30)"),
        ("title: " + "7" * 4400, "3:8: a number with too many digits to read; write a smaller number"),
    ],
    ids=["2205", "1969", "impossible-date", "4400-digits"],
)
def test_a_bad_value_in_front_matter_is_one_located_message(tmp_path: Path, front: str, expected: str) -> None:
    project = small_project(tmp_path / "p", {"s.md": f"---\ntitle: A\n{front}\n---\n{ARTICLE}"})
    if front.startswith("title"):
        (project / "data" / "sources" / "s.md").write_text(f"---\n\n{front}\n---\n{ARTICLE}", encoding="utf-8")
    found = _fails(project)
    assert found[0] == HEADER and found[1].startswith(f"  data/sources/s.md:{expected}"), found


def test_a_run_of_digits_in_the_text_is_not_a_figure(tmp_path: Path) -> None:
    text = f"Acme paid ${'9' * 400} billion and {'1' * 5000} percent for Widget Corp.\n\n{ARTICLE}"
    project = small_project(tmp_path / "p", {"s.md": text})
    code, output = run_cli("build", "--no-pdf", "--project", str(project))
    assert code == 0, output
    facts = json.loads((project / "site" / "brief.json").read_text("utf-8"))
    assert facts["amounts"] and all(abs(amount["value"]) < 10**30 for amount in facts["amounts"])
