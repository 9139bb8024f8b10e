"""Helpers for the tests that attack the builder: small projects, and the command line in a process."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
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


_HOLD = (
    "import fcntl, os, sys, time\n"
    "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o644)\n"
    "fcntl.flock(fd, fcntl.LOCK_EX)\n"
    "os.ftruncate(fd, 0); os.write(fd, str(os.getpid()).encode())\n"
    "print('held', flush=True)\n"
    "time.sleep(600)\n"
)


@contextmanager
def build_lock_held(project: Path) -> Iterator[int]:
    """Another process holding the project's build lock, as a running build does; yields its id."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(project / ".dealbrief-lock")], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield holder.pid
    finally:
        holder.kill()
        holder.wait()


SOURCE_FIELDS = ("title", "outlet", "author", "kind", "url", "body", "quote")
BRIEF_FIELDS = (
    "deal.title",
    "deal.type",
    "deal.status",
    "summary",
    "party",
    "party.alias",
    "party.role",
    "organization",
    "organization.alias",
    "source.note",
    "question",
    "question.reason",
    "event",
    "output.author",
    "output.organization",
    "output.keyword",
    "speaker",
    "speaker.title",
    "speaker.org",
    "unit",
    "qualifier",
)


def every_field_project(target: Path, values: dict[str, str]) -> Path:
    """A project in which every field a source or brief.yaml can set holds the given text (by field name)."""

    def q(name: str) -> str:
        prefix = "https://example.com/" if name == "url" else "x"
        return json.dumps(prefix + values.get(name, HOSTILE), ensure_ascii=False)

    front = "".join(f"{name}: {q(name)}\n" for name in ("title", "outlet", "author", "kind", "url"))
    body = (
        f"Acme {values.get('body', HOSTILE)} agreed to buy Widget Corp for $2.1bn.\n\n"
        f'"We {values.get("quote", HOSTILE)} win," said Jane Doe, chief executive of Acme.\n'
    )
    brief = (
        f"deal:\n  title: {q('deal.title')}\n  type: {q('deal.type')}\n  status: {q('deal.status')}\n"
        f"  summary:\n    - text: {q('summary')}\n      cite: [s-s1]\n"
        f"parties:\n  - name: {q('party')}\n    aliases: [{q('party.alias')}]\n"
        f"    roles:\n      - text: {q('party.role')}\n        cite: [s-s1]\n"
        f"organizations:\n  - name: {q('organization')}\n    aliases: [{q('organization.alias')}]\n"
        f"sources:\n  s: {{reliability: low, note: {q('source.note')}}}\n"
        f"questions:\n  - text: {q('question')}\n    reason: {q('question.reason')}\n    cite: [s-s1]\n"
        f"timeline:\n  - date: 2025-03-03\n    label: {q('event')}\n    cite: [s-s1]\n"
        f"output:\n  author: {q('output.author')}\n  organization: {q('output.organization')}\n"
        f"  keywords: [{q('output.keyword')}]\n"
        f"facts:\n  add:\n    quotes:\n      - text: Acme\n        speaker: {q('speaker')}\n"
        f"        speaker_title: {q('speaker.title')}\n        speaker_org: {q('speaker.org')}\n        cite: s-s1\n"
        f"    amounts:\n      - text: Acme\n        value: 1\n        unit: {q('unit')}\n        kind: quantity\n"
        f"        qualifier: {q('qualifier')}\n        cite: s-s1\n"
    )
    return small_project(target, {"s.md": f"---\n{front}---\n{body}"}, brief)
