"""`dealbrief draft`: the proposed deal card goes into brief.yaml, marked, and never over the analyst's words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, copy_project, run_cli

EXAMPLE = ROOT / "examples" / "acme-widget"


@pytest.fixture
def acme(tmp_path: Path) -> Path:
    """The README's new brief: `new` and `add` of the two example articles, nothing else."""
    project = tmp_path / "acme"
    assert run_cli("new", str(project), "--title", "Acme buys Widget Corp")[0] == 0
    code, output = run_cli("add", "--project", str(project), str(EXAMPLE / "wire.txt"), str(EXAMPLE / "daily.html"))
    assert code == 0, output
    return project


_ROW = re.compile(r'<th scope="row"[^>]*>([^<]+)</th>\s*<td markdown="span">(.*?)</td>\s*</tr>')


def card(overview: str) -> dict[str, str]:
    """The overview's deal card by field: the rows of its deal terms, and its parties' lines."""
    rows = {match.group(1): match.group(2) for match in _ROW.finditer(overview)}
    parties = overview.split("## Parties", 1)[1].split("\n## ", 1)[0]
    rows["Parties"] = " ".join(line.replace("**", "") for line in parties.splitlines() if line.startswith("- "))
    return rows


def brief_yaml(project: Path) -> str:
    return (project / "data" / "brief.yaml").read_text(encoding="utf-8")


def test_draft_writes_the_proposal_marked_and_keeps_the_comments(acme: Path) -> None:
    before = brief_yaml(acme)
    code, output = run_cli("draft", "--project", str(acme))
    assert code == 0, output
    assert "added: deal.type, deal.status, deal.announced, deal.value, deal.summary" in output
    after = brief_yaml(acme)
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert all(line in after for line in comments)
    data = yaml.safe_load(after)
    deal = data["deal"]
    assert deal["type"]["value"] == "acquisition" and deal["type"]["proposed"] is True
    assert deal["status"]["value"] == "agreed"
    assert deal["announced"]["date"].isoformat() == "2025-03-03"
    assert deal["value"]["unit"] == "USD" and deal["value"]["cite"]
    assert 3 <= len(deal["summary"]) <= 5 and all(item["proposed"] for item in deal["summary"])
    assert {(p["name"], p["role"]) for p in data["parties"]} == {("Acme", "acquirer"), ("Widget Corp", "target")}
    assert "type: acquisition" in data["drafted"]


def test_draft_twice_changes_nothing_the_second_time(acme: Path) -> None:
    run_cli("draft", "--project", str(acme))
    first = brief_yaml(acme)
    code, output = run_cli("draft", "--project", str(acme))
    assert code == 0 and "Nothing new to propose: data/brief.yaml is unchanged." in output
    assert brief_yaml(acme) == first


def test_the_analysts_edits_survive_draft_and_build(acme: Path) -> None:
    run_cli("draft", "--project", str(acme))
    text = brief_yaml(acme)
    edited = text.replace("type: {value: acquisition,", "type: {value: takeover bid,")  # corrected, mark left
    edited = "\n".join(line for line in edited.splitlines() if "name: Acme, role: acquirer" not in line) + "\n"
    status = next(line for line in edited.splitlines() if line.startswith("  status:"))
    edited = edited.replace(status, status.replace(", proposed: true}", "}") + "  # checked against the wire")
    (acme / "data" / "brief.yaml").write_text(edited, encoding="utf-8")
    code, output = run_cli("draft", "--project", str(acme))
    assert code == 0, output
    assert brief_yaml(acme) == edited  # the correction, the confirmation, the deletion and the comment stay
    assert "kept as you wrote them: deal.type, deal.status" in output
    code, output = run_cli("build", "--project", str(acme), "--no-pdf", "--no-site")
    assert code == 0, output
    rows = card((acme / "docs" / "index.md").read_text(encoding="utf-8"))
    assert "Takeover bid" in rows["Deal"] and "proposed from the sources" not in rows["Deal"]
    assert "Agreed" in rows["Status"] and "proposed from the sources" not in rows["Status"]
    assert "Widget Corp (target" in rows["Parties"] and "Acme (" not in rows["Parties"]
    assert "proposed from the sources" in rows["Value"]
    assert brief_yaml(acme) == edited


def test_draft_leaves_the_example_curation_as_the_analyst_wrote_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    before = brief_yaml(project)
    code, output = run_cli("draft", "--project", str(project))
    assert code == 0, output
    after = brief_yaml(project)
    assert after.startswith(before.split("parties:")[0].split("  summary:")[0])  # title, type, status, announced
    data = yaml.safe_load(after)
    assert data["deal"]["type"] == "strategic partnership" and data["deal"]["status"] == "announced"
    assert data["deal"]["value"] == {
        "state": "not disclosed",
        "cite": [{"sentence": "converge360-s19", "text": "Financial terms of the deal were not disclosed"}],
        "proposed": True,
    }
    assert [p["name"] for p in data["parties"]] == ["Microsoft", "Lumen Technologies"]
    assert "Microsoft: the sources make it partner; add `role: partner` to confirm" in output
    assert data["deal"]["summary"] == yaml.safe_load(before)["deal"]["summary"]


def test_a_deleted_proposal_is_not_proposed_again(acme: Path) -> None:
    run_cli("draft", "--project", str(acme))
    text = brief_yaml(acme)
    value = next(line for line in text.splitlines() if line.startswith("  value:"))
    (acme / "data" / "brief.yaml").write_text(text.replace(value + "\n", ""), encoding="utf-8")
    run_cli("draft", "--project", str(acme))
    assert "value" not in yaml.safe_load(brief_yaml(acme))["deal"]
    run_cli("build", "--project", str(acme), "--no-pdf", "--no-site")
    overview = (acme / "docs" / "index.md").read_text(encoding="utf-8")
    assert card(overview)["Value"] == '<span class="not-stated">Not stated</span>'


def test_new_add_build_shows_the_proposed_card_with_no_hand_edit(acme: Path) -> None:
    from builder.config import Options
    from builder.gather import gather

    code, output = run_cli("build", "--project", str(acme), "--no-pdf", "--no-site")
    assert code == 0, output
    assert "proposed from the sources type, status, announced, value, summary, 2 party roles" in output
    overview = (acme / "docs" / "index.md").read_text(encoding="utf-8")
    rows = card(overview)
    assert "Acme buys Widget Corp" in overview
    assert "Acquisition" in rows["Deal"] and "Agreed" in rows["Status"]
    assert "Acme (acquirer" in rows["Parties"] and "Widget Corp (target" in rows["Parties"]
    assert "$2.5bn" in rows["Value"] or "$2.1bn" in rows["Value"]
    for row in ("Deal", "Status", "Announced", "Value", "Parties"):
        assert "proposed from the sources" in rows[row], row
    print_html = gather(Options(project=acme, pdf=False, site=False)).print_html or ""
    assert "proposed from the sources" in print_html and "Acme</strong> (acquirer)" in print_html
