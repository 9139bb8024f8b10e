"""Sources: an article's metadata, its verbatim text and its numbered sentences."""

from __future__ import annotations

import re

from pydantic import field_validator

from builder.bounds import BuildDate
from builder.escaping import clean_text
from builder.model.base import Model


class SourceMeta(Model):
    """What a source says about itself; anything it does not state stays None."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: BuildDate | None = None
    url: str | None = None
    kind: str | None = None
    imported_from: str | None = None

    @field_validator("title", "outlet", "author", "url", "kind", "imported_from")
    @classmethod
    def _clean(cls, value: str | None) -> str | None:
        return None if value is None else clean_text(value)


class Sentence(Model):
    """One sentence of a source, with its place in the source's text.

    Page furniture (a section label, a share bar, a byline, a date alone) keeps its place and id, marked
    with its kind: it is shown with the text but neither numbered nor read for facts.
    """

    id: str
    n: int
    start: int
    end: int
    paragraph: int
    text: str
    furniture: str | None = None


# A sentence's id: its source's id, "-s", and its number in the source.
SENTENCE_ID = re.compile(r"(?P<source>[a-z0-9][a-z0-9_-]*)-s(?P<n>\d+)")


def sentence_number(sentence_id: str) -> int:
    """The number of a sentence in its source, from its id: <source>-s<number>."""
    return int(sentence_id.rsplit("-s", 1)[1])


def sentence_source(sentence_id: str) -> str:
    """The id of the source a sentence is in, from the sentence's id: <source>-s<number>."""
    return sentence_id.rsplit("-s", 1)[0]


class Source(Model):
    """One article: its metadata, its verbatim text and its sentences; named_outlet is the outlet the text
    names itself by (a wire dateline, or the name it speaks as), for when the metadata has none."""

    id: str
    path: str
    meta: SourceMeta
    text: str
    sha256: str
    sentences: tuple[Sentence, ...]
    named_outlet: str | None = None

    def sentence(self, sentence_id: str) -> Sentence:
        """This source's sentence with that id."""
        return self.sentences[sentence_number(sentence_id) - 1]


_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})


def locate_words(sentence: str, words: str) -> tuple[int, int] | None:
    """Where the words stand in the sentence, quotation marks and spacing aside."""
    pattern = r"\s+".join(re.escape(part) for part in words.translate(_FOLD).split())
    match = re.search(pattern, sentence.translate(_FOLD)) if pattern else None
    return (match.start(), match.end()) if match else None
