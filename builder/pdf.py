"""Print the brief to PDF with WeasyPrint, from its own print template: fonts embedded, no network."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import resource
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any, SupportsIndex

from builder.bounds import DEFAULT_PRINT_MEMORY_MB, DEFAULT_PRINT_SECONDS
from builder.config import source_date_epoch
from builder.errors import BriefError, Problem

_PAPER = {"a4": "A4", "letter": "letter"}
_HREF = re.compile(r'href="#([^"]+)"')
_ID = re.compile(r'\sid="([^"]+)"')


def check_links(html: str) -> list[Problem]:
    """Every internal link of the print document must have its target."""
    targets = set(_ID.findall(html))
    return [
        Problem("print", message=f"internal link to #{target} has no target")
        for target in sorted(set(_HREF.findall(html)) - targets)
    ]


def _offline_fetcher(url: str, timeout: int = 10, ssl_context: object = None, http_headers: object = None) -> dict:  # type: ignore[type-arg]
    """Refuse every fetch: the brief is printed from its own HTML and CSS, with local fonts."""
    raise ValueError(f"network access is disabled while printing (asked for {url})")


class _FootnoteList(list):  # type: ignore[type-arg]
    """The list of footnotes waiting to be laid out, answering `in` from a count of its members.

    WeasyPrint asks, for every box of every line, whether the box's footnote (mostly None) is waiting; on a
    plain list each question reads the whole list, which makes printing a brief with thousands of citations
    grow with the square of its length. Every method that changes membership keeps the count, and the boxes
    compare by identity, so the answers are the plain list's.
    """

    def __init__(self, items: Iterable[object] = ()) -> None:
        super().__init__(items)
        self._count = Counter(map(id, self))

    def __contains__(self, item: object) -> bool:
        return self._count[id(item)] > 0

    def _gone(self, items: Iterable[object]) -> None:
        for item in items:
            self._count[id(item)] -= 1

    def append(self, item: object) -> None:
        super().append(item)
        self._count[id(item)] += 1

    def extend(self, items: Iterable[object]) -> None:
        for item in items:
            self.append(item)

    def __iadd__(self, items: Iterable[object]) -> _FootnoteList:  # type: ignore[misc]
        self.extend(items)
        return self

    def insert(self, index: SupportsIndex, item: object) -> None:
        super().insert(index, item)
        self._count[id(item)] += 1

    def remove(self, item: object) -> None:
        index = self.index(item)
        self._gone([self[index]])
        super().__delitem__(index)

    def pop(self, index: SupportsIndex = -1) -> object:
        item = super().pop(index)
        self._gone([item])
        return item

    def clear(self) -> None:
        super().clear()
        self._count.clear()

    def __setitem__(self, index: Any, value: Any) -> None:
        super().__setitem__(index, value)
        self._count = Counter(map(id, self))

    def __delitem__(self, index: Any) -> None:
        super().__delitem__(index)
        self._count = Counter(map(id, self))

    def __imul__(self, times: SupportsIndex) -> _FootnoteList:
        super().__imul__(times)
        self._count = Counter(map(id, self))
        return self

    def copy(self) -> _FootnoteList:
        return _FootnoteList(self)


@contextmanager
def _footnotes_by_count() -> Iterator[None]:
    """Give WeasyPrint's layout a _FootnoteList while printing; leave WeasyPrint as it was after."""
    from weasyprint.document import Document

    original = Document.__dict__.get("_build_layout_context")
    if not isinstance(original, classmethod):  # another WeasyPrint: print as it is
        yield
        return

    def build_layout_context(cls: type, *args: Any, **kwargs: Any) -> Any:
        context = original.__func__(cls, *args, **kwargs)
        if isinstance(getattr(context, "footnotes", None), list) and not context.footnotes:
            context.footnotes = _FootnoteList()
        return context

    Document._build_layout_context = classmethod(build_layout_context)
    try:
        yield
    finally:
        Document._build_layout_context = original


def pdf_bytes(html: str, paper: str = "a4", fast_footnotes: bool = True) -> bytes:
    """Render the print HTML to PDF: tagged, with metadata and an outline.

    The fonts it embeds are stamped with the document's own date (a font's subset carries a time of its own,
    the clock's unless SOURCE_DATE_EPOCH says otherwise), so that the same brief prints the same bytes.
    """
    from weasyprint import CSS, HTML

    problems = check_links(html)
    if problems:
        raise BriefError(problems)
    stylesheet = files("builder").joinpath("templates", "print", "brief.css").read_text(encoding="utf-8")
    paper_css = f"@page {{ size: {_PAPER[paper]}; }}"
    document = HTML(string=html, url_fetcher=_offline_fetcher, base_url=".")
    with source_date_epoch(_document_epoch(html)), _footnotes_by_count() if fast_footnotes else nullcontext():
        pdf: bytes = document.write_pdf(
            stylesheets=[CSS(string=stylesheet), CSS(string=paper_css)],
            pdf_tags=True,
            pdf_variant="pdf/ua-1",
            pdf_identifier=hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode(),
            uncompressed_pdf=False,
        )
    return pdf


_CREATED = re.compile(r'<meta name="dcterms\.created" content="(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"')


def _document_epoch(html: str) -> int:
    """The time the print HTML is dated with (its dcterms.created), as seconds since 1970; 0 when it has none."""
    found = _CREATED.search(html, 0, 4096)
    if found is None:
        return 0
    return int(datetime.strptime(found.group(1), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp())


def write_pdf(html: str, target: Path, paper: str = "a4") -> None:
    """Render the print HTML to a PDF file at target."""
    target.write_bytes(pdf_bytes(html, paper))


class PrintJob:
    """WeasyPrint in a worker process, started early so that its start-up and the printing overlap the
    rest of the build (the site above all) on a second core.

    The worker gets the paper, its memory limit and the HTML on stdin and answers with the PDF on stdout: it
    never writes a file, so a build that fails or is killed leaves nothing of it behind (the worker ends with
    its parent). Use it as a context manager; a job not given anything to print is closed without printing.
    """

    def __init__(self) -> None:
        root = str(Path(__file__).resolve().parent.parent)
        code = (
            f"import sys; sys.path.insert(0, {root!r}); from builder.pdf import serve_print_job; "
            f"serve_print_job({os.getpid()})"
        )
        # -P: the user's working folder is not searched for modules.
        self._process = subprocess.Popen(
            [sys.executable, "-P", "-c", code],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self._thread: threading.Thread | None = None
        self._answer: tuple[bytes, bytes] = (b"", b"")
        self.seconds = 0.0
        self._started = 0.0
        self.limit_seconds = DEFAULT_PRINT_SECONDS
        self.limit_memory_mb = DEFAULT_PRINT_MEMORY_MB

    def __enter__(self) -> PrintJob:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._thread is None:
            self._exchange(b"")
        elif self._thread.is_alive():
            self._process.kill()
            self._thread.join()

    def _exchange(self, payload: bytes) -> None:
        started = time.perf_counter()
        try:
            self._answer = self._process.communicate(payload)
        except OSError as error:  # the worker died before it read its input
            self._answer = (b"", str(error).encode())
        self.seconds = time.perf_counter() - started

    def start(
        self,
        html: str,
        paper: str,
        seconds: float = DEFAULT_PRINT_SECONDS,
        memory_mb: int = DEFAULT_PRINT_MEMORY_MB,
    ) -> None:
        """Hand the HTML to the worker, to print in at most seconds and memory_mb; the caller goes on."""
        problems = check_links(html)
        if problems:
            raise BriefError(problems)
        self.limit_seconds, self.limit_memory_mb = seconds, memory_mb
        payload = f"{paper} {memory_mb}\n{html}".encode()
        self._started = time.monotonic()
        self._thread = threading.Thread(target=self._exchange, args=(payload,), name="print-job", daemon=True)
        self._thread.start()

    def result(self) -> bytes:
        """Wait for the PDF; raise BriefError with the worker's last words when it failed or ran out of bounds."""
        if self._thread is None:
            raise RuntimeError("nothing was given to print")
        self._thread.join(max(0.0, self._started + self.limit_seconds - time.monotonic()))
        if self._thread.is_alive():
            self._process.kill()
            self._thread.join()
            raise BriefError([Problem("site/brief.pdf", message=_over_time(self.limit_seconds))])
        pdf, errors = self._answer
        lines = errors.decode("utf-8", "replace").strip().splitlines()
        # Out of memory, a worker may fail even while it says so: its last words or its end tell.
        ran_out = bool(lines) and lines[-1].startswith(("MemoryError", "out of memory"))
        if self._process.returncode in (_OUT_OF_MEMORY, *_KILLED_BY_MEMORY) or (self._process.returncode and ran_out):
            raise BriefError([Problem("site/brief.pdf", message=_over_memory(self.limit_memory_mb))])
        if self._process.returncode != 0 or not pdf.startswith(b"%PDF"):
            reason = lines[-1] if lines else f"the PDF worker exited with status {self._process.returncode}"
            raise BriefError([Problem("site/brief.pdf", message=f"printing failed: {reason}")])
        return pdf


_OUT_OF_MEMORY = 3
# A worker that runs out of memory inside a C library may be stopped by a signal instead of an error.
_KILLED_BY_MEMORY = (-signal.SIGSEGV, -signal.SIGABRT, -signal.SIGBUS)


def _over_time(seconds: float) -> str:
    return (
        f"printing took longer than {seconds:g} s, the limit; raise limits.print_seconds in data/brief.yaml, "
        "or build without the PDF (--no-pdf)"
    )


def _over_memory(memory_mb: int) -> str:
    return (
        f"printing needed more than {memory_mb:,} MB of memory, the limit; raise limits.print_memory_mb in "
        "data/brief.yaml, or build without the PDF (--no-pdf)"
    )


def _end_with(parent: int) -> None:
    """Stop this worker as soon as the process that started it is gone: no one is left to read the PDF."""
    while True:
        time.sleep(0.2)
        if os.getppid() != parent:
            os._exit(1)


def _peak_memory() -> int:
    """The most memory (address space) this process has taken, in bytes; 0 where it cannot be known."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def serve_print_job(parent: int | None = None) -> None:
    """The worker of PrintJob: load WeasyPrint first, then print what comes on stdin to stdout."""
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent,), name="parent-watch", daemon=True).start()
    import weasyprint  # noqa: F401  (loaded before the HTML arrives: this is the part that overlaps)

    payload = sys.stdin.buffer.read()
    if not payload:
        return
    head, _, html = payload.decode("utf-8").partition("\n")
    paper, _, memory_mb = head.partition(" ")
    limit = int(memory_mb or DEFAULT_PRINT_MEMORY_MB) * 2**20
    del payload
    with contextlib.suppress(ValueError, OSError):  # a platform without the limit prints without it
        resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
    try:
        pdf = pdf_bytes(html, paper)
    except BriefError as error:
        sys.stderr.write("; ".join(problem.message for problem in error.problems) + "\n")
        raise SystemExit(1) from None
    except Exception as error:  # running out of memory shows in C libraries as any kind of error
        if isinstance(error, MemoryError) or _peak_memory() >= limit * 0.9:
            sys.stderr.write("out of memory\n")
            raise SystemExit(_OUT_OF_MEMORY) from None
        raise
    sys.stdout.buffer.write(pdf)
    sys.stdout.buffer.flush()
