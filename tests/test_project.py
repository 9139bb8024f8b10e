"""A new deal in minutes: new, add, build, serve, publish — as a user runs them."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pypdf
import pytest
import yaml

from tests.conftest import FIXTURES, ROOT, run_cli, shared

HTML = FIXTURES / "articles" / "verizon-mci.html"


def test_new_makes_a_ready_project_and_refuses_to_overwrite(tmp_path: Path) -> None:
    code, output = run_cli("new", str(tmp_path / "deal"), "--title", "Acme: buys Widget")
    assert code == 0, output
    for name in ("mkdocs.yml", "data/brief.yaml", "README.md", ".gitignore"):
        assert (tmp_path / "deal" / name).is_file(), name
    assert (tmp_path / "deal" / "data" / "sources").is_dir()
    brief = yaml.safe_load((tmp_path / "deal" / "data" / "brief.yaml").read_text(encoding="utf-8"))
    assert brief["deal"]["title"] == "Acme: buys Widget"
    assert (
        yaml.safe_load((tmp_path / "deal" / "mkdocs.yml").read_text(encoding="utf-8").replace("!!", ""))["site_name"]
        == "Deal brief: Acme: buys Widget"
    )
    code, output = run_cli("new", str(tmp_path / "deal"))
    assert code == 1 and "is already a brief project: `dealbrief new` makes a brief in a new or empty folder" in output


def test_every_field_of_the_new_brief_yaml_is_explained(tmp_path: Path) -> None:
    run_cli("new", str(tmp_path / "deal"))
    text = (tmp_path / "deal" / "data" / "brief.yaml").read_text(encoding="utf-8")
    for key in (
        "title",
        "type",
        "status",
        "announced",
        "summary",
        "parties",
        "organizations",
        "sources",
        "hide",
        "correct",
        "merge",
        "notes",
        "add",
        "questions",
        "timeline",
        "paper",
        "max_source_bytes",
    ):
        line = next(line for line in text.splitlines() if re.match(rf"\s*#?\s*{key}:", line))
        assert "#" in line, key


def test_the_example_mkdocs_yml_is_the_one_new_projects_get(tmp_path: Path) -> None:
    run_cli("new", str(tmp_path / "deal"), "--title", "Microsoft and Lumen Technologies")
    made = (tmp_path / "deal" / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    ours = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    assert made[4:] == ours[4:]  # all but the title and description


def test_add_reads_metadata_from_flags_and_from_html(tmp_path: Path) -> None:
    run_cli("new", str(tmp_path / "deal"))
    project = tmp_path / "deal"
    text = tmp_path / "wire.txt"
    text.write_text("Acme agrees to buy Widget\n\nAcme said on Monday it would buy Widget Corp for $2bn.", "utf-8")
    code, output = run_cli(
        "add",
        str(text),
        "--outlet",
        "Example Wire",
        "--published",
        "2025-03-03",
        "--url",
        "https://wire.example/acme",
        cwd=project,
    )
    assert code == 0, output
    wire = (project / "data" / "sources" / "acme-agrees-to-buy-widget.md").read_text(encoding="utf-8")
    front = yaml.safe_load(wire.split("---\n")[1])
    assert front == {
        "title": "Acme agrees to buy Widget",
        "outlet": "Example Wire",
        "author": None,
        "published": __import__("datetime").date(2025, 3, 3),
        "url": "https://wire.example/acme",
        "kind": None,
        "imported_from": "wire.txt",
    }
    assert "not stated: author" in output
    code, output = run_cli("add", str(HTML), cwd=project)
    assert code == 0, output
    page = (project / "data" / "sources" / "verizon-wins-mci-after-qwest-walks-away.md").read_text(encoding="utf-8")
    front = yaml.safe_load(page.split("---\n")[1])
    assert (front["outlet"], front["author"], str(front["published"]), front["url"]) == (
        "Example Business News",
        "Jordan Lee",
        "2005-05-03",
        "https://news.example.com/business/2005/05/03/verizon-wins-mci",
    )
    body = page.split("---\n", 2)[2]
    for boilerplate in (
        "cookies",
        "Subscribe",
        "ADVERTISEMENT",
        "Comments",
        "Verizon overpaid",
        "Related stories",
    ):
        assert boilerplate not in body, boilerplate
    assert '"We are pleased that the MCI board' in body


def test_add_refuses_a_duplicate_and_a_page_that_is_no_article(tmp_path: Path) -> None:
    run_cli("new", str(tmp_path / "deal"))
    project = tmp_path / "deal"
    assert run_cli("add", str(HTML), cwd=project)[0] == 0
    before = sorted(p.name for p in (project / "data" / "sources").iterdir())
    code, output = run_cli("add", str(HTML), str(FIXTURES / "articles" / "not-an-article.html"), cwd=project)
    assert code == 1
    assert (
        f"{HTML}: already imported: data/sources/verizon-wins-mci-after-qwest-walks-away.md has the same article text"
    ) in output
    assert (
        "not-an-article.html: no article found in this page (4 words of text after menus, adverts and comments "
        "are left out); save the page of the article itself" in output
    )
    assert sorted(p.name for p in (project / "data" / "sources").iterdir()) == before


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252", "utf-8-sig"])
def test_add_converts_text_in_other_encodings_to_utf8(tmp_path: Path, encoding: str) -> None:
    run_cli("new", str(tmp_path / "deal"))
    article = "Acme buys Widget for £2bn\n\nThe café chain’s owner said the deal — its largest — closes in May.\n"
    (tmp_path / "wire.txt").write_bytes(article.encode(encoding))
    code, output = run_cli("add", str(tmp_path / "wire.txt"), "--project", str(tmp_path / "deal"))
    assert code == 0, output
    added = (tmp_path / "deal" / "data" / "sources" / "acme-buys-widget-for-2bn.md").read_text(encoding="utf-8")
    assert added.endswith(article)


def test_new_add_build_shows_facts_from_every_source(tmp_path: Path) -> None:
    corpus = [
        shared("corpus", "bbc-news", "business", name)
        for name in ("verizon-seals-takeover-of-mci.txt", "mci-shareholder-sues-to-stop-bid.txt")
    ]
    code, output = run_cli("new", str(tmp_path / "deal"), "--title", "Verizon buys MCI")
    assert code == 0, output
    project = tmp_path / "deal"
    code, output = run_cli("add", *map(str, corpus), str(HTML), cwd=project)
    assert code == 0, output
    code, output = run_cli("build", cwd=project / "data")
    assert code == 0, output
    assert (project / "site" / "index.html").is_file() and (project / "site" / "brief.pdf").is_file()
    sources = {path.stem for path in (project / "data" / "sources").glob("*.md")}
    assert sources == {
        "verizon-seals-takeover-of-mci",
        "mci-shareholder-sues-to-stop-bid",
        "verizon-wins-mci-after-qwest-walks-away",
    }
    financials = (project / "site" / "financials" / "index.html").read_text(encoding="utf-8")
    quotes = (project / "site" / "quotes" / "index.html").read_text(encoding="utf-8")
    for source in sources:
        assert f"sources/{source}/#{source}-s" in financials + quotes, source
    assert "Ivan Seidenberg" in quotes and "$8.5bn" in financials
    pdf = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(project / "site" / "brief.pdf").pages).split())
    assert "Ivan Seidenberg" in pdf and "Example Business News ¶" in pdf  # cited by its outlet


def test_publish_copies_the_built_site(tmp_path: Path, built: object) -> None:
    project = Path(built.project)  # type: ignore[attr-defined]
    target = tmp_path / "www"
    code, output = run_cli("publish", "--project", str(project), "--to", str(target))
    assert code == 0, output
    assert (target / "index.html").is_file() and (target / "brief.pdf").is_file()
    code, output = run_cli("publish", "--project", str(project), "--to", str(target))
    assert code == 1 and "is not empty; add --replace" in output
    assert run_cli("publish", "--project", str(project), "--to", str(target), "--replace")[0] == 0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def test_serve_shows_a_changed_source(tmp_path: Path) -> None:
    from tests.conftest import copy_project

    project = copy_project(tmp_path / "brief")
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "builder",
            "serve",
            "--project",
            str(project),
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/sources/newsng/"
        page = _wait_for(lambda: _get(url), lambda text: "Newsng understands" in text)
        assert "Newsng understands" in page
        source = project / "data" / "sources" / "newsng.md"
        source.write_text(
            source.read_text(encoding="utf-8").replace("Newsng understands", "Newsng has learned"),
            encoding="utf-8",
        )
        page = _wait_for(lambda: _get(url), lambda text: "Newsng has learned" in text)
        assert "Newsng has learned" in page and "Newsng understands" not in page
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _wait_for(fetch, done, seconds: float = 60.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch()
            if done(last):
                return last
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"the served page did not change within {seconds} s; last seen: {last[:200]!r}")


def test_publish_after_serve_refuses_a_stale_site_naming_what_changed(tmp_path: Path) -> None:
    from tests.conftest import copy_project

    project = copy_project(tmp_path / "brief")
    code, output = run_cli("build", "--project", str(project))
    assert code == 0, output
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "builder", "serve", "--project", str(project), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    brief = project / "data" / "brief.yaml"
    edited = "strategic partnership, as edited while serving"
    try:
        _wait_for(lambda: _get(f"http://127.0.0.1:{port}/"), lambda text: "Microsoft and Lumen" in text)
        brief.write_text(
            brief.read_text(encoding="utf-8").replace("strategic partnership", edited, 1), encoding="utf-8"
        )
        _wait_for(lambda: (project / "docs" / "index.md").read_text(encoding="utf-8"), lambda text: edited in text)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    target = tmp_path / "www"
    code, output = run_cli("publish", "--project", str(project), "--to", str(target))
    assert code == 1 and not target.exists()
    assert "site/: out of date: data/brief.yaml changed since it was built; run `dealbrief build`" in output
    assert "site/brief.pdf: out of date: data/brief.yaml changed since it was built" in output
    code, output = run_cli("check", "--project", str(project))
    assert code == 1 and "site/: out of date: data/brief.yaml changed" in output
    assert run_cli("build", "--project", str(project))[0] == 0
    code, output = run_cli("publish", "--project", str(project), "--to", str(target))
    assert code == 0, output
    assert f"Publishing the brief “Microsoft and Lumen Technologies {edited}” of {project}" in output
    assert edited in (target / "index.html").read_text(encoding="utf-8")
    pdf = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(target / "brief.pdf").pages).split())
    assert "as edited while serving" in pdf
