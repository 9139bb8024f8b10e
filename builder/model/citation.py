"""Citations: how every statement of the brief points at the source sentence it rests on."""

from __future__ import annotations

from builder.model.base import Model


class Citation(Model):
    """A link from a statement to the sentence it rests on; text is what of it the sentence holds."""

    source: str
    sentence: str
    text: str


class Statement(Model):
    """A sentence of the brief's own, with the source sentences behind it."""

    text: str
    citations: tuple[Citation, ...]
