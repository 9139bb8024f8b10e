"""Print the brief to PDF with WeasyPrint, from its own print template: fonts embedded, no network."""

from __future__ import annotations

import hashlib
import re
from importlib.resources import files
from pathlib import Path

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


def write_pdf(html: str, target: Path, paper: str = "a4") -> None:
    """Render the print HTML to a PDF at target: tagged, with metadata and an outline."""
    from weasyprint import CSS, HTML

    problems = check_links(html)
    if problems:
        raise BriefError(problems)
    stylesheet = files("builder").joinpath("templates", "print", "brief.css").read_text(encoding="utf-8")
    paper_css = f"@page {{ size: {_PAPER[paper]}; }}"
    document = HTML(string=html, url_fetcher=_offline_fetcher, base_url=".")
    document.write_pdf(
        str(target),
        stylesheets=[CSS(string=stylesheet), CSS(string=paper_css)],
        pdf_tags=True,
        pdf_variant="pdf/ua-1",
        pdf_identifier=hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode(),
        uncompressed_pdf=False,
    )
