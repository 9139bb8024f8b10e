"""Check the brief's provenance: every citation points at a sentence that holds the cited words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from builder.errors import Problem
from builder.model import SENTENCE_ID, Brief, Citation, locate_words

_LINK = re.compile(r"\]\((?:\.\./)?sources/(?P<source>[a-z0-9][a-z0-9_-]*)\.md#(?P<anchor>[^)\s\"]+)")
_ANCHOR = re.compile(r'id="(?P<id>[^"]+)"')


def citations_in(value: Any) -> Iterator[Citation]:
    """Every Citation anywhere in a model."""
    if isinstance(value, Citation):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from citations_in(getattr(value, name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from citations_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from citations_in(item)


def verify_brief(brief: Brief) -> list[Problem]:
    """Every citation in the brief resolves to a sentence that contains the cited text."""
    sentences = {s.id: s for source in brief.sources for s in source.sentences}
    problems = []
    for citation in citations_in(brief):
        sentence = sentences.get(citation.sentence)
        if sentence is None:
            problems.append(Problem("brief", message=f"citation of {citation.sentence}, which does not exist"))
        elif citation.text not in sentence.text and locate_words(sentence.text, citation.text) is None:
            problems.append(
                Problem(
                    "brief",
                    message=f"citation of {citation.sentence} for {citation.text!r}, which it does not hold",
                )
            )
    return problems


def verify_pages(files: dict[str, str]) -> list[Problem]:
    """Every citation link in the generated pages lands on a sentence anchor of a source page."""
    anchors: set[str] = set()
    for path, text in files.items():
        if path.startswith("docs/sources/"):
            anchors.update(m.group("id") for m in _ANCHOR.finditer(text) if SENTENCE_ID.fullmatch(m.group("id")))
    problems = []
    for path, text in files.items():
        if not path.endswith(".md"):
            continue
        for match in _LINK.finditer(text):
            if match.group("anchor") not in anchors:
                problems.append(
                    Problem(
                        path,
                        message=f"link to {match.group('source')}.md#{match.group('anchor')}, "
                        "which is not a sentence anchor",
                    )
                )
    return problems
