"""The sections `make eval` prints, in order: each a function that scores the gold and returns a Section.

A scorer lives in its own module of eval/ and reads the gold through eval.gold; add it here to have it
run, printed and written to eval/results.json.
"""

from __future__ import annotations

from collections.abc import Callable

from eval import extraction
from eval.scoring import Section

SECTIONS: dict[str, Callable[[], Section]] = {
    "extraction": extraction.score,
}
