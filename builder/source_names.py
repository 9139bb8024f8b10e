"""How readers know each source: the name its citations carry ("Reuters (2)", "BBC News, 4 May 2007")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from builder.model import Source
from builder.templating import long_date

SHORT_TITLE = 32  # a title that names a source is cut, at a word, to this many characters


def source_names(sources: Sequence[Source]) -> dict[str, str]:
    """How readers know each source: its outlet (as its metadata or its text names it), else its author,
    else its title, else its id; a date, then a number, tells apart sources that would share a name."""
    names = {source.id: _name(source) for source in sources}
    counts = Counter(names.values())
    for source in sources:
        if counts[names[source.id]] > 1 and source.meta.published is not None:
            names[source.id] = f"{names[source.id]}, {long_date(source.meta.published)}"
    counts = Counter(names.values())
    seen: Counter[str] = Counter()
    for source in sources:
        name = names[source.id]
        if counts[name] > 1:
            seen[name] += 1
            names[source.id] = f"{name} ({seen[name]})"
    return names


def _name(source: Source) -> str:
    meta = source.meta
    if meta.outlet or source.named_outlet or meta.author:
        return _short(str(meta.outlet or source.named_outlet or meta.author))
    title = _short(meta.title or "")
    return f"“{title}”" if title else source.id


def _short(name: str) -> str:
    """A name on one line, cut at a word to SHORT_TITLE characters: a citation must fit beside its text."""
    name = " ".join(name.split())
    if len(name) > SHORT_TITLE:
        name = name[:SHORT_TITLE].rsplit(" ", 1)[0].rstrip(",;:–—-") + "…"
    return name
