"""Versions on disk and what changed since one: publish and snapshots record them, `changes` and the
Updates section and feed read them — on the seeds, on made-up versions, and on a Reuters deal told over two days."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ElementTree
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest

from builder.build import BuildResult
from builder.errors import BriefError, Problems
from builder.model import Brief
from builder.model.versions import Version
from builder.versions import read_versions, record_version, since_version, version_json
from tests.conftest import copy_project, run_cli, shared

ATOM = "{http://www.w3.org/2005/Atom}"
ARCHSTONE = "corpus/reuters-deals/2007"
TALKS = "20070528-businesspro-archstonesmith-deal-c-idusn2827757220070528.txt"
AGREED = (
    "20070529-us-archstonesmith-deal-idusn2827757220070529.txt",
    "20070529-us-archstonesmith-takeover-iduswnas262120070529.txt",
)


def test_the_seeds_are_one_version_and_say_so_in_one_line(built: BuildResult) -> None:
    line = "First version of the brief, 25 July 2024, from 3 sources."
    [update] = built.brief.updates
    assert (update.number, update.since, update.changes) == (1, None, ())
    page = (built.project / "docs" / "updates.md").read_text(encoding="utf-8")
    body = page.split("# Updates", 1)[1]
    assert body.count("\n## ") == 1 and line in body and "\n- " not in body
    assert f"**What changed:** {line}" in (built.project / "docs" / "index.md").read_text(encoding="utf-8")
    pdf = " ".join(
        " ".join(p.extract_text() for p in pypdf.PdfReader(built.project / "site" / "brief.pdf").pages).split()
    )
    assert "Version 1, 25 July 2024: 3 sources" in pdf and line in pdf


def test_the_feed_is_atom_with_one_entry_a_version_and_no_address_elsewhere(built: BuildResult) -> None:
    feed = (built.project / "site" / "updates.xml").read_text(encoding="utf-8")
    root = ElementTree.fromstring(feed)
    assert root.tag == f"{ATOM}feed"
    for element in (root, *root.iter(f"{ATOM}entry")):
        assert all(element.find(f"{ATOM}{name}") is not None for name in ("id", "title", "updated"))
    assert root.find(f"{ATOM}author/{ATOM}name") is not None
    [entry] = root.iter(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}updated") == "2024-07-25T00:00:00Z"
    assert entry.find(f"{ATOM}link").get("href") == "updates/#2024-07-25-3-sources"  # type: ignore[union-attr]
    addresses = [word for word in feed.split('"') if word.startswith(("http:", "https:"))]
    assert addresses == ["http://www.w3.org/2005/Atom", "http://www.w3.org/1999/xhtml"]
    index = (built.project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'rel="alternate" type="application/atom+xml" title="Updates" href="updates.xml"' in index


def test_a_snapshot_is_recorded_once_and_read_back_as_written(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "brief")
    code, output = run_cli("build", "--project", str(project), "--no-site", "--no-pdf", "--snapshot")
    assert code == 0 and "Recorded version 1: data/versions/2024-07-25-3-sources.json" in output, output
    written = (project / "data" / "versions" / "2024-07-25-3-sources.json").read_bytes()
    code, output = run_cli("build", "--project", str(project), "--no-site", "--no-pdf", "--snapshot")
    assert code == 0 and "The facts are those of version 1 (2024-07-25-3-sources); nothing recorded." in output
    [version] = read_versions(project, Problems())
    assert version_json(version).encode() == written
    code, output = run_cli("changes", "--project", str(project))
    assert (
        code == 0 and output.splitlines()[1] == "Since version 1 (25 July 2024): no change; 4 questions are still open."
    )


def test_without_a_version_changes_says_first_version(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "brief")
    code, output = run_cli("changes", "--project", str(project))
    assert code == 0
    assert output.splitlines()[:2] == [
        "Version 1, 25 July 2024: 3 sources",
        "First version of the brief, 25 July 2024, from 3 sources.",
    ]
    code, output = run_cli("changes", "--project", str(project), "--format", "json")
    data = json.loads(output)
    assert (data["number"], data["since"], data["changes"]) == (1, None, [])


def test_broken_versions_are_problems_with_their_file(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "versions"
    folder.mkdir(parents=True)
    (folder / "2024-07-25-3-sources.json").write_text('{"number": "one"}', encoding="utf-8")
    good = Version(number=1, name="elsewhere", dated=None, deal="d", sources=())
    (folder / "renamed.json").write_text(version_json(good), encoding="utf-8")
    problems = Problems()
    assert read_versions(tmp_path, problems) == ()
    assert [str(p) for p in problems.items] == [
        "data/versions/2024-07-25-3-sources.json number: not a version of the brief: "
        "Input should be a valid integer, unable to parse string as an integer",
        "data/versions/renamed.json: holds version 'elsewhere': a version's file is named after it",
    ]


def test_since_takes_a_name_a_number_a_date_or_a_file(tmp_path: Path) -> None:
    v1 = Version(number=1, name="2007-05-28-1-source", dated=date(2007, 5, 28), deal="d", sources=())
    v2 = v1.model_copy(update={"number": 2, "name": "2007-05-30-3-sources", "dated": date(2007, 5, 30)})
    recorded = (v1, v2)
    assert since_version(tmp_path, recorded, None) == v2
    assert since_version(tmp_path, recorded, "2007-05-28-1-source") == v1
    assert since_version(tmp_path, recorded, "1") == v1 and since_version(tmp_path, recorded, "v2") == v2
    assert since_version(tmp_path, recorded, "2007-05-29") == v1
    (tmp_path / "old.json").write_text(version_json(v1), encoding="utf-8")
    assert since_version(tmp_path, recorded, str(tmp_path / "old.json")) == v1
    with pytest.raises(BriefError) as error:
        since_version(tmp_path, recorded, "2007-05-01")
    assert str(error.value.problems[0]) == (
        "--since: no version is dated 2007-05-01 or earlier; "
        "versions: 1 (2007-05-28-1-source), 2 (2007-05-30-3-sources)"
    )


def test_changes_since_the_brief_json_of_an_earlier_build(tmp_path: Path, built: BuildResult) -> None:
    project = copy_project(tmp_path / "brief")
    older = tmp_path / "brief-then.json"
    shutil.copy(built.project / "site" / "brief.json", older)
    code, output = run_cli("changes", "--project", str(project), "--since", str(older))
    assert code == 0 and output.splitlines()[1].startswith("Since brief-then.json: no change"), output


def _lines(project: Path) -> tuple[str, list[str]]:
    """What `changes` prints, and its change lines."""
    code, output = run_cli("changes", "--project", str(project))
    assert code == 0, output
    return output, [line[4:] for line in output.splitlines() if line.startswith("  - ")]


def _only_new(data: dict[str, Any], day_one: str) -> None:
    """Nothing of the first day is listed as changed: every change rests on a sentence of the new stories."""
    for change in data["changes"]:
        assert not change["kind"].endswith(("-dropped", "-removed", "-edited", "-closed")), change["line"]
        if change["kind"] != "source-added":
            cited = {c["source"] for c in change["after"]["citations"]}
            assert cited - {day_one}, change["line"]


def test_a_deal_told_over_two_days(tmp_path: Path) -> None:
    """Talks on day one, the agreed deal the next: what the second build says is new, and nothing else."""
    corpus = shared(ARCHSTONE)
    project = tmp_path / "archstone"
    assert run_cli("new", str(project), "--title", "Tishman Speyer and Lehman buy Archstone-Smith")[0] == 0
    add = ["add", "--project", str(project), "--outlet", "Reuters", "--published"]
    assert run_cli(*add, "2007-05-28", str(corpus / TALKS))[0] == 0
    assert run_cli("build", "--project", str(project), "--no-pdf")[0] == 0
    code, output = run_cli("publish", "--project", str(project), "--to", str(tmp_path / "www"))
    assert code == 0 and "Recorded version 1: data/versions/2007-05-28-1-source.json" in output, output

    assert run_cli(*add, "2007-05-29", *(str(corpus / name) for name in AGREED))[0] == 0
    assert run_cli("build", "--project", str(project), "--no-pdf")[0] == 0
    output, lines = _lines(project)
    assert output.splitlines()[0] == "Version 2, 29 May 2007: 3 sources"
    assert output.splitlines()[1].startswith("Since version 1 (28 May 2007): 2 new sources;")
    agreed, talks = (
        "tishman-speyer-and-lehman-to-buy-archstone-smith",
        "tishman-lehman-near-deal-for-archstone-smith-wsj",
    )
    expected = [
        r"New source: “Tishman Speyer and Lehman to buy Archstone-Smith” \(Reuters, 29 May 2007\)\.",
        r"New quote, Richard Imperiale: “I think the low-hanging fruit is gone” \[Reuters, 29 May 2007 \(2\) ¶\d+\]",
        # the value including debt reported in talks, then the total the companies gave: a revision, with both
        # figures and their citations
        r"Deal value including debt of Archstone-Smith Trust revised: could top \$20 billion \(rumour, 28 May 2007\) "
        r"\[Reuters, 28 May 2007 ¶\d+\] → \$22\.2 billion \(29 May 2007\) \[Reuters, 29 May 2007 \(2\) ¶\d+\]",
        # the equity value agreed is another term, first stated on day two: not a revision of the value with debt
        r"Deal value of Archstone-Smith Trust first stated: \$13\.5 billion \(agreed, 29 May 2007\) "
        r"\[Reuters, 29 May 2007 \(2\) ¶\d+\]",
        # the first day's figure, now told by a second source: confirmed, cited
        r"Figure confirmed by more sources: could top \$20 billion \[Reuters, 29 May 2007 \(1\) ¶\d+\]",
    ]
    for pattern in expected:
        assert any(re.fullmatch(pattern, line) for line in lines), f"{pattern!r} matches no line of:\n{output}"
    # "could top $20 billion" in talks and $22.2 billion agreed are two stages of the deal, not a disagreement
    assert not [line for line in lines if "disagree" in line], output
    # nor is $13.5 billion for the shares a revision of "$20 billion, including debt"
    assert not [line for line in lines if line.startswith("Deal value of Archstone-Smith Trust revised")], output
    page = (project / "docs" / "updates.md").read_text(encoding="utf-8")
    assert "New quote, Richard Imperiale: “I think the low-hanging fruit is gone” [" in page
    assert re.search(rf"\(sources/{agreed}\.md#{agreed}-s\d+ ", page)

    # Nothing of the first day is listed as changed: only what the second day's stories say.
    data = json.loads(run_cli("changes", "--project", str(project), "--format", "json")[1])
    _only_new(data, talks)

    # Building again with nothing new changes nothing; the recorded versions and the feed stay byte for byte.
    site = project / "site" / "updates.xml"
    feed, updates = site.read_bytes(), page
    assert run_cli("build", "--project", str(project), "--no-pdf", "--snapshot")[0] == 0
    versions = {p.name: p.read_bytes() for p in (project / "data" / "versions").iterdir()}
    assert sorted(versions) == ["2007-05-28-1-source.json", "2007-05-29-3-sources.json"]
    assert run_cli("build", "--project", str(project), "--no-pdf", "--no-cache", "--snapshot")[0] == 0
    assert {p.name: p.read_bytes() for p in (project / "data" / "versions").iterdir()} == versions
    assert site.read_bytes() == feed and (project / "docs" / "updates.md").read_text(encoding="utf-8") == updates
    output, lines = _lines(project)
    assert lines == [] and output.splitlines()[1].startswith("Since version 2 (29 May 2007): no change")
    assert record_version(project, json_brief(project))[1] is False


def json_brief(project: Path) -> Brief:
    """The brief the last build wrote."""
    return Brief.model_validate_json((project / "site" / "brief.json").read_bytes())


def test_another_deal_lists_the_new_stories_quotes_and_nothing_old(tmp_path: Path) -> None:
    """Barclays and ABN AMRO: the deal "looms" on a Sunday, is agreed on the Monday."""
    corpus = shared("corpus/reuters-deals/2007")
    project = tmp_path / "abn"
    assert run_cli("new", str(project), "--title", "Barclays and ABN AMRO")[0] == 0
    add = ["add", "--project", str(project), "--outlet", "Reuters", "--published"]
    assert run_cli(*add, "2007-04-22", str(corpus / "20070422-us-abn-takeover-rbs-idusl2268229920070422.txt"))[0] == 0
    assert run_cli("build", "--project", str(project), "--no-site", "--no-pdf", "--snapshot")[0] == 0
    day_two = (
        "20070423-us-abn-takeover-barclays-idusl2325329120070423.txt",
        "20070423-us-abn-takeover-details-idusl2314291820070423.txt",
    )
    assert run_cli(*add, "2007-04-23", *(str(corpus / name) for name in day_two))[0] == 0
    output, lines = _lines(project)
    assert output.splitlines()[1].startswith("Since version 1 (22 April 2007): 2 new sources;")
    assert (
        "New quote, John Varley: “The appeal of this transaction is the substantial growth opportunity it presents” "
        "[Reuters, 23 April 2007 (1) ¶11]"
    ) in lines
    # the deal's value first stated on the day it is agreed, and the question of timing answered, both cited
    assert any(
        re.fullmatch(
            r"Deal value of ABN AMRO first stated: about 67 billion euros \(agreed, 23 April 2007\) \[.*¶\d+\].*", line
        )
        for line in lines
    ), lines
    assert any(
        line.startswith(
            "Question answered: When is the deal expected to close or take effect? [Reuters, 22 April 2007 ¶"
        )
        and "— by “in the fourth quarter” (23 April 2007) [Reuters, 23 April 2007 (2) ¶" in line
        for line in lines
    ), lines
    _only_new(
        json.loads(run_cli("changes", "--project", str(project), "--format", "json")[1]),
        "barclays-deal-for-abn-looms-lasalle-set-for-sale",
    )


def test_a_version_that_links_out_of_the_project_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.json"
    outside.write_text(version_json(Version(number=1, name="v", dated=None, deal="d", sources=())), encoding="utf-8")
    folder = tmp_path / "brief" / "data" / "versions"
    folder.mkdir(parents=True)
    (folder / "v.json").symlink_to(outside)
    problems = Problems()
    assert read_versions(tmp_path / "brief", problems) == ()
    assert [str(p) for p in problems.items] == [
        f"data/versions/v.json: a link to {outside.resolve()}, outside the project; "
        "copy the file into the project instead"
    ]
