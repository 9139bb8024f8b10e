"""Helpers for the tests that attack the builder: small projects, and the command line in a process."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import ROOT

MINIMAL_BRIEF = "deal:\n  title: T\n  type: acquisition\n  status: announced\n"
ARTICLE = (
    "Acme agreed to buy Widget Corp for $2.1bn in cash, the companies said on Monday.\n\n"
    '"This is a great day," said Jane Doe, chief executive of Acme.\n'
)
CITING_BRIEF = MINIMAL_BRIEF + "  summary:\n    - text: Acme buys Widget Corp.\n      cite: [s-s1]\n"


def small_project(
    target: Path, sources: dict[str, str] | None = None, brief: str = MINIMAL_BRIEF, mkdocs: str | None = None
) -> Path:
    """A brief project with the given source files (name to text) and brief.yaml, and the example's mkdocs.yml."""
    (target / "data" / "sources").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    if mkdocs is not None:
        (target / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    (target / "data" / "brief.yaml").write_text(brief, encoding="utf-8")
    for name, text in (sources if sources is not None else {"s.md": ARTICLE}).items():
        (target / "data" / "sources" / name).write_text(text, encoding="utf-8")
    return target


def cli_process(
    *args: str,
    cwd: Path | None = None,
    limit_file_bytes: int | None = None,
    limit_memory_bytes: int = 4 * 2**30,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Run `python -m builder ARGS` in its own process, its memory capped; limit_file_bytes caps any file it writes."""

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit_memory_bytes, limit_memory_bytes))
        if limit_file_bytes is not None:  # a write past the cap fails as on a full disk
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_bytes, limit_file_bytes))

    return subprocess.run(
        [sys.executable, "-m", "builder", *args],
        cwd=cwd or ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=limits,
    )


def obey_permissions() -> None:
    """In a child process about to start: make file permissions apply even to root.

    Root reads and writes past permissions through two capabilities; dropping them from the bounding set
    before the program starts leaves root without them.
    """
    if os.geteuid() != 0:
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def cli_obeying_permissions(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the command line in a process to which file permissions apply, whoever runs the tests."""
    return subprocess.run(
        [sys.executable, "-m", "builder", *args],
        cwd=cwd or ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=obey_permissions,
    )


# Markup, quotes, brackets, YAML and Markdown syntax and control characters; "pwn" marks what must never run.
HOSTILE_PIECES = (
    "<img src=x onerror=pwn()>",
    "<pwn-tag>",
    "<script>pwn()</script>",
    "</title><script>pwn()</script>",
    '" onmouseover="pwn()',
    "' onfocus='pwn()",
    "{: onpwn=1 .pwnclass }",
    "[a](javascript:pwn())",
    "![x](data:,pwn){: onerror=pwn() }",
    "&lt;pwn-entity&gt;",
    "&#60;pwn-number&#62;",
    "{{ pwn }}",
    "{% pwn %}",
    "!!python/object:pwn",
    "key: value",
    "--- ",
    "(the 'Deal')",
    "[^pwn]",
    "`code`",
    "\\",
    "|",
    "\x7f",
    "\x85",
    "\x9b",
    "\ufffe",
    "\uffff",
    "\x1b[31m",
    "\u2028",
    "\x0c",
)
HOSTILE = " ".join(HOSTILE_PIECES)
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "xlink:href")


class _Markup(HTMLParser):
    """Record every element and attribute a page would make of its input."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.tags: list[str] = []
        self.script = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if "pwn" in tag:
            self.found.append(f"element <{tag}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.found.append("element <img src=x>")
        for name, value in attrs:
            text = (value or "").strip().lower()
            if name.startswith("on") or "pwn" in name or (name == "class" and "pwn" in text):
                self.found.append(f"attribute {name}={text[:20]} on <{tag}>")
            if name in _URL_ATTRIBUTES and text.startswith(("javascript:", "data:", "vbscript:")):
                self.found.append(f"<{tag} {name}={text[:40]}>")
            if name == "title":  # the theme turns titles into tooltips by reading them as HTML
                inner = _Markup()
                inner.feed(value or "")
                self.found += [f"in a title: {item}" for item in inner.found]
                self.found += [f"in a title: element <{t}>" for t in inner.tags]
        self.script = tag if tag == "script" else ""

    def handle_endtag(self, tag: str) -> None:
        self.script = ""

    def handle_data(self, data: str) -> None:
        if self.script == "script" and "pwn" in data and '"@context"' not in data:
            self.found.append(f"script: {data[:60]}")


def created_markup(page: str) -> list[str]:
    """Elements and attributes that input made in an HTML page: tags, handlers, script addresses, title markup."""
    parser = _Markup()
    parser.feed(page)
    return parser.found
