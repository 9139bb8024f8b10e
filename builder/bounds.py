"""The bounds a build holds its input to, so that no input can make it run without end.

Dates a build can carry, the largest figure, and the defaults of the limits in brief.yaml: what one
source may produce, and the time and memory the print worker may take (limits.py applies them).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import AfterValidator

# The dates a build can stamp its outputs with: a 32-bit count of seconds since 1970 (gzip, zip, PDF tools).
FIRST_BUILD_DATE = date(1970, 1, 1)
LAST_BUILD_DATE = date(2106, 2, 7)
# No figure in the news is this large; a longer run of digits is not a figure.
LARGEST_FIGURE = 10**30

MAX_BRIEF_BYTES = 10_000_000
DEFAULT_MAX_SENTENCES = 2_000
DEFAULT_MAX_FACTS = 1_000
DEFAULT_PRINT_SECONDS = 600.0
DEFAULT_PRINT_MEMORY_MB = 4_096


def _build_date(value: date) -> date:
    if not FIRST_BUILD_DATE <= value <= LAST_BUILD_DATE:
        raise ValueError(
            f"expected a date from {FIRST_BUILD_DATE} to {LAST_BUILD_DATE} (the dates a build can carry), "
            f"found {value}; is it a typo?"
        )
    return value


def _figure(value: float) -> float:
    if not abs(value) < LARGEST_FIGURE:
        digits = len(str(abs(int(value))))
        raise ValueError(f"expected a figure of at most 30 digits, found one of {digits:,} digits")
    return value


BuildDate = Annotated[date, AfterValidator(_build_date)]
Figure = Annotated[float | int, AfterValidator(_figure)]
