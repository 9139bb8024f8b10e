"""The rebuild plan: from the hashes of a run's inputs and of the outputs on disk, what must be made again.

Pure functions of hashes: a build reads the files, this module decides, and the decisions are tested
without running MkDocs or WeasyPrint.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from builder.cache import digest

# The outputs whose hashes a build records, to notice later whether someone changed or removed them.
FINGERPRINTED = (
    "docs",
    "facts",
    "site/index.html",
    "site/brief.pdf",
    "docs/stylesheets/brief.css",
    "overrides/main.html",
)


@dataclass(frozen=True)
class Plan:
    """What this build must make, and what it can keep from the last one."""

    site: bool
    pdf: bool
    rebuild_site: bool
    rebuild_pdf: bool
    site_key: str
    pdf_key: str
    paper: str
    docs_in_place: bool = False

    def state(self, inputs: str, fingerprints: Mapping[str, str]) -> dict[str, str]:
        """What to remember of this build for the next one."""
        return {"inputs": inputs, "site": self.site_key, "pdf": self.pdf_key, **fingerprints}


def inputs_key(code: str, choices: Sequence[object], epoch: str, files: Sequence[str]) -> str:
    """One hash of everything a build reads: the code, the choices made, the epoch and the input files."""
    return digest(code, repr(tuple(choices)), epoch, *files)


def nothing_to_do(
    inputs: str, state: Mapping[str, str], fingerprints: Mapping[str, str], site: bool, pdf: bool, force: bool
) -> bool:
    """The inputs are those of the last build and every output it made is still as it left it."""
    if force or state.get("inputs") != inputs:
        return False
    wanted = (
        ["docs", "facts", "docs/stylesheets/brief.css", "overrides/main.html"]
        + (["site/index.html"] if site else [])
        + (["site/brief.pdf"] if pdf else [])
    )
    return all(fingerprints.get(name) and fingerprints.get(name) == state.get(name) for name in wanted)


def make_plan(
    *,
    site_key: str,
    pdf_key: str,
    state: Mapping[str, str],
    fingerprints: Mapping[str, str],
    site: bool,
    pdf: bool,
    paper: str,
    docs_in_place: bool = False,
) -> Plan:
    """Rebuild the site and the PDF only where their inputs changed or their output is gone or edited."""
    site_kept = (
        bool(fingerprints.get("site/index.html"))
        and state.get("site") == site_key
        and (fingerprints.get("site/index.html") == state.get("site/index.html"))
    )
    pdf_kept = (
        bool(fingerprints.get("site/brief.pdf"))
        and state.get("pdf") == pdf_key
        and (fingerprints.get("site/brief.pdf") == state.get("site/brief.pdf"))
    )
    return Plan(
        site=site,
        pdf=pdf,
        rebuild_site=site and not site_kept,
        rebuild_pdf=pdf and not pdf_kept,
        site_key=site_key if site else state.get("site", ""),  # a site not rebuilt keeps its key
        pdf_key=pdf_key if pdf else state.get("pdf", ""),
        paper=paper,
        docs_in_place=docs_in_place,
    )


def site_key(code: str, config_text: str, files: Mapping[str, str], epoch: str, user_files: str = "") -> str:
    """What the site is made from: the code, mkdocs.yml, every generated file, the epoch and the user's files."""
    return digest(code, config_text, *(f"{k}:{v}" for k, v in sorted(files.items())), epoch, user_files)


def pdf_key(code: str, print_html: str, paper: str) -> str:
    """What the PDF is made from: the code, the print document and the paper."""
    return digest(code, print_html, paper)
