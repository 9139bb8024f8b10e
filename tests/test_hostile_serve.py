"""The live preview under stress: it answers only to its own address, waits for a running build, outlives
any error and picks up the fix, and lets a build run beside it."""

from __future__ import annotations

import http.client
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.hostile import ARTICLE, build_lock_held, cli_process, small_project


@dataclass
class Preview:
    """A running `dealbrief serve` and what it said."""

    project: Path
    port: int
    process: subprocess.Popen[str]
    said: list[str] = field(default_factory=list)

    def get(self, path: str, host: str | None = None) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path, headers={"Host": host or f"127.0.0.1:{self.port}"})
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", "replace")
        finally:
            connection.close()

    def edit(self, words: str) -> None:
        """Change the source's text, as an analyst saving it would."""
        text = ARTICLE.replace("great day", words)
        (self.project / "data" / "sources" / "s.md").write_text(text, encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until(check: Callable[[], bool], seconds: float = 60.0, what: str = "") -> None:
    """Poll until check holds; fail the test with what was awaited when it never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"waited {seconds} s for {what}")


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    project = small_project(tmp_path_factory.mktemp("serve") / "p")
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "builder", "serve", "--project", str(project), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    running = Preview(project, port, process)

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            running.said.append(line.rstrip("\n"))

    threading.Thread(target=read, daemon=True).start()
    try:
        wait_until(lambda: running.get("/sources/s/")[0] == 200, 90, "the preview to serve the source page")
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_the_preview_answers_only_to_its_own_address(preview: Preview) -> None:
    assert preview.get("/")[0] == 200
    assert preview.get("/", host=f"localhost:{preview.port}")[0] == 200
    status, body = preview.get("/", host=f"attacker.example:{preview.port}")
    assert status == 403 and "Widget" not in body
    assert preview.get("/sources/s/", host="rebind.attacker.example")[0] == 403


def test_the_preview_waits_for_a_running_build(preview: Preview) -> None:
    page = preview.project / "docs" / "sources" / "s.md"
    with build_lock_held(preview.project):
        preview.edit("queued day")
        time.sleep(3)
        assert "queued day" not in page.read_text("utf-8"), "the preview built while another build ran"
        assert preview.process.poll() is None
    wait_until(lambda: "queued day" in preview.get("/sources/s/")[1], what="the queued regeneration")


def test_the_preview_outlives_an_error_and_picks_up_the_fix(preview: Preview) -> None:
    facts = preview.project / "data" / "facts" / "quotes.yaml"
    facts.unlink()
    facts.mkdir()  # a folder where the build writes a file: an error that is not the brief's
    preview.edit("broken day")
    wait_until(
        lambda: any(
            "data/facts/quotes.yaml: cannot use it: a folder stands where a file should be" in s for s in preview.said
        ),
        what="the preview to report the error",
    )
    assert preview.process.poll() is None
    facts.rmdir()  # the fix, outside the watched inputs
    wait_until(lambda: facts.is_file() and "broken day" in facts.read_text("utf-8"), what="the fix to be picked up")
    preview.edit("fixed day")
    wait_until(lambda: "fixed day" in preview.get("/sources/s/")[1], what="the preview to go on regenerating")
    assert not any("Traceback" in line for line in preview.said), preview.said


def test_a_build_beside_the_preview_succeeds_and_the_preview_goes_on(preview: Preview) -> None:
    result = cli_process("build", "--no-pdf", "--project", str(preview.project))
    assert result.returncode == 0, result.stderr
    assert (preview.project / "site" / "index.html").is_file()
    preview.edit("later day")
    wait_until(lambda: "later day" in preview.get("/sources/s/")[1], what="the preview to regenerate after the build")
    shutil.rmtree(preview.project / "site")
