"""The file system as an attacker or an unlucky user leaves it: links out of the project, named pipes,
devices, unreadable files, a read-only project, a full disk. Each ends in a located message, quickly."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.conftest import snapshot
from tests.hostile import ARTICLE, cli_obeying_permissions, cli_process, small_project

HEADER = "Error: 1 problem found; nothing was written."


def _problems(output: str) -> list[str]:
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Error:"))
    return lines[start:]


def test_a_link_out_of_the_project_is_refused_and_nothing_of_it_is_published(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p")
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:the secret line\n" * 5, encoding="utf-8")
    (project / "data" / "sources" / "p.txt").symlink_to(secret)
    (project / "data" / "sources" / "q.md").symlink_to(Path("/etc/passwd"))
    result = cli_process("build", "--no-pdf", "--project", str(project))
    assert result.returncode == 1, result.stderr
    assert _problems(result.stderr) == [
        "Error: 2 problems found; nothing was written.",
        f"  data/sources/p.txt: a link to {secret.resolve()}, outside the project; copy the file into the project "
        "instead",
        "  data/sources/q.md: a link to /etc/passwd, outside the project; copy the file into the project instead",
    ]
    assert not (project / "site").exists() and not (project / "data" / "facts").exists()


def test_a_link_inside_the_project_is_read(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p", {})
    (project / "articles").mkdir()
    (project / "articles" / "wire.md").write_text(ARTICLE, encoding="utf-8")
    (project / "data" / "sources" / "wire.md").symlink_to(project / "articles" / "wire.md")
    result = cli_process("build", "--no-pdf", "--no-site", "--project", str(project))
    assert result.returncode == 0, result.stderr
    assert "Widget Corp" in (project / "docs" / "sources" / "wire.md").read_text("utf-8")


def test_a_named_pipe_among_the_sources_is_refused_at_once(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p")
    os.mkfifo(project / "data" / "sources" / "pipe.txt")
    result = cli_process("build", "--no-pdf", "--project", str(project), timeout=60)
    assert result.returncode == 1
    assert _problems(result.stderr) == [
        HEADER,
        "  data/sources/pipe.txt: not a regular file (a named pipe); only regular files can be read",
    ]


def test_an_endless_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p")
    (project / "data" / "sources" / "zero.txt").symlink_to(Path("/dev/zero"))
    result = cli_process("build", "--no-pdf", "--project", str(project), limit_memory_bytes=2 * 2**30, timeout=60)
    assert result.returncode == 1
    assert _problems(result.stderr)[1] == (
        "  data/sources/zero.txt: a link to /dev/zero, outside the project; copy the file into the project instead"
    )


def test_a_device_among_the_sources_is_refused(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p")
    try:
        os.mknod(project / "data" / "sources" / "zero.txt", stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except PermissionError:
        pytest.skip("making a device needs the right to (CAP_MKNOD)")
    result = cli_process("build", "--no-pdf", "--project", str(project), limit_memory_bytes=2 * 2**30, timeout=60)
    assert result.returncode == 1
    assert _problems(result.stderr) == [
        HEADER,
        "  data/sources/zero.txt: not a regular file (a character device); only regular files can be read",
    ]


def test_a_named_pipe_for_brief_yaml_is_refused_at_once(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p")
    (project / "data" / "brief.yaml").unlink()
    os.mkfifo(project / "data" / "brief.yaml")
    result = cli_process("check", "--project", str(project), timeout=60)
    assert result.returncode == 1
    assert "data/brief.yaml: not a regular file (a named pipe)" in result.stderr


def test_an_unreadable_source_is_one_located_message(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p", {"s.md": ARTICLE, "t.md": ARTICLE.replace("Acme", "Apex")})
    (project / "data" / "sources" / "t.md").chmod(0)
    result = cli_obeying_permissions("build", "--no-pdf", "--project", str(project))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert _problems(result.stderr) == [
        HEADER,
        "  data/sources/t.md: cannot read it: permission denied: check who owns it and its permissions",
    ]


def test_a_read_only_project_is_one_located_message(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p")
    for folder in (project / "data" / "sources", project / "data", project):
        folder.chmod(0o555)
    try:
        result = cli_obeying_permissions("build", "--no-pdf", "--project", str(project))
    finally:
        for folder in (project, project / "data", project / "data" / "sources"):
            folder.chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert _problems(result.stderr)[0] == HEADER
    assert _problems(result.stderr)[1] == (
        f"  {project}: cannot write in the project folder: permission denied: check who owns it and its permissions"
    )


def test_a_full_disk_is_one_located_message_and_the_old_output_stays(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p")
    assert cli_process("build", "--no-pdf", "--no-site", "--project", str(project)).returncode == 0
    before = {name: snapshot(project / name) for name in ("docs", "data/facts")}
    largest = max(len(data) for files in before.values() for data in files.values())
    source = project / "data" / "sources" / "s.md"
    source.write_text(ARTICLE + "\n\nAcme also said it would buy Gadget Inc for $3bn." * 40, encoding="utf-8")
    result = cli_process("build", "--no-pdf", "--no-site", "--project", str(project), limit_file_bytes=largest + 1000)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    problem = _problems(result.stderr)[1]
    assert problem.endswith(
        "the file is larger than the file system or a size limit allows: free some space or raise the limit and "
        "run it again"
    ), problem
    assert {name: snapshot(project / name) for name in ("docs", "data/facts")} == before
    assert not list(project.glob(".dealbrief-stage-*")) and not list(project.rglob("*.tmp"))


def test_a_failed_add_leaves_no_part_of_a_source_and_a_rerun_adds_it_once(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p")
    article = tmp_path / "wire.txt"
    article.write_text("Acme agrees to buy Widget\n\n" + ARTICLE * 20, encoding="utf-8")
    result = cli_process("add", "--project", str(project), str(article), limit_file_bytes=300)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert _problems(result.stderr) == [
        HEADER,
        "  data/sources/acme-agrees-to-buy-widget.md: cannot write it: the file is larger than the file system or a "
        "size limit allows: free some space or raise the limit and run it again",
    ]
    assert sorted(p.name for p in (project / "data" / "sources").iterdir()) == ["s.md"]
    result = cli_process("add", "--project", str(project), str(article))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (project / "data" / "sources").iterdir()) == ["acme-agrees-to-buy-widget.md", "s.md"]


def test_add_refuses_a_named_pipe_at_once(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p")
    os.mkfifo(tmp_path / "pipe.txt")
    result = cli_process("add", "--project", str(project), str(tmp_path / "pipe.txt"), timeout=60)
    assert result.returncode == 1
    assert _problems(result.stderr)[1] == (
        f"  {tmp_path / 'pipe.txt'}: not a regular file (a named pipe); only regular files can be read"
    )


def test_the_site_takes_in_the_users_own_files_without_no_cache(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p")
    assert cli_process("build", "--no-pdf", "--project", str(project)).returncode == 0
    (project / "docs" / "extra.md").write_text("# Our notes\n\nWritten by the analyst.\n", encoding="utf-8")
    (project / "docs" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    assert cli_process("build", "--no-pdf", "--project", str(project)).returncode == 0
    assert "Written by the analyst" in (project / "site" / "extra" / "index.html").read_text("utf-8")
    assert (project / "site" / "logo.svg").read_text("utf-8").startswith("<svg")
    (project / "docs" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg' id='v2'/>", encoding="utf-8")
    (project / "overrides" / "partials").mkdir(parents=True)
    (project / "overrides" / "partials" / "copyright.html").write_text("<p>Our own footer</p>", encoding="utf-8")
    assert cli_process("build", "--no-pdf", "--project", str(project)).returncode == 0
    assert "v2" in (project / "site" / "logo.svg").read_text("utf-8")
    assert "Our own footer" in (project / "site" / "index.html").read_text("utf-8")


def test_a_users_copy_of_a_generated_page_is_kept(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p")
    assert cli_process("build", "--no-pdf", "--project", str(project)).returncode == 0
    copy = project / "docs" / "my-quotes.md"
    copy.write_text((project / "docs" / "quotes.md").read_text("utf-8"), encoding="utf-8")
    (project / "docs" / "sources" / "mine.md").write_text(
        (project / "docs" / "sources" / "s.md").read_text("utf-8"), encoding="utf-8"
    )
    result = cli_process("build", "--no-pdf", "--project", str(project))
    assert result.returncode == 0, result.stderr
    assert copy.is_file() and (project / "docs" / "sources" / "mine.md").is_file()
    assert (project / "site" / "my-quotes" / "index.html").is_file()
    copy.unlink()  # it links to the source that goes next
    (project / "data" / "sources" / "s.md").rename(project / "data" / "sources" / "t.md")
    result = cli_process("build", "--no-pdf", "--project", str(project))
    assert result.returncode == 0, result.stderr
    assert not (project / "docs" / "sources" / "s.md").exists(), "a page of a source no longer there stays"
    assert (project / "docs" / "sources" / "mine.md").is_file()
