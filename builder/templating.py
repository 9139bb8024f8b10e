"""The one Jinja environment factory and its filters."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup

from builder.escaping import Trusted, json_for_html, markdown_attribute, markdown_text, tooltip
from builder.model import sentence_number

TEMPLATES = jinja2.PackageLoader("builder", "templates")


def _finalize_markdown(value: object) -> object:
    if isinstance(value, (Trusted, jinja2.runtime.Undefined)):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return markdown_text(value)


def long_date(value: date | str | None) -> str:
    """Write a date the way the brief shows it: 24 July 2024, July 2024, 2024, or a span of two."""
    if value is None:
        return "not stated"
    if isinstance(value, date):
        return f"{value.day} {value:%B %Y}"
    if "/" in value:
        start, end = value.split("/", 1)
        return f"{long_date(start)} – {long_date(end)}"
    parts = value.split("-")
    if len(parts) == 3:
        return long_date(date.fromisoformat(value))
    if len(parts) == 2:
        return f"{date(int(parts[0]), int(parts[1]), 1):%B %Y}"
    return value


def weekday_date(value: date | None) -> str:
    """Write a day with its weekday: Wednesday 24 July 2024."""
    return "not stated" if value is None else f"{value:%A} {long_date(value)}"


def figure(value: float | int, unit: str, kind: str) -> str:
    """Write a figure's value in its unit: USD 20,000,000 · 60 % · 6,000,000 miles."""
    number = f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"
    if kind == "percent":
        return f"{number}%"
    return f"{unit} {number}" if kind == "money" else f"{number} {unit}"


def _filters() -> dict[str, Any]:
    return {
        "md": markdown_text,
        "long_date": long_date,
        "weekday_date": weekday_date,
        "figure": figure,
        "jsonld": json_for_html,
        "markup": Trusted,
        "upper_first": lambda value: str(value)[:1].upper() + str(value)[1:],
        "sentence_number": sentence_number,
        "attribute": markdown_attribute,
        "tooltip": tooltip,
    }


_LINE_WRAP = re.compile(r"\s*\n\s*")


def _finalize_html(value: object) -> object:
    """A source's text as one run of words: a line wrapped inside a sentence ("said, \nthe") is a space,
    as HTML reads it anyway, and never a line break the printer has to keep."""
    if isinstance(value, str) and not isinstance(value, Markup) and "\n" in value:
        return _LINE_WRAP.sub(" ", value)
    return value


# What each kind of template needs: the escaping of the output, and a finalize for Markdown and HTML.
_KINDS: dict[str, dict[str, Any]] = {
    "markdown": {"autoescape": False, "finalize": _finalize_markdown},
    "html": {"autoescape": True, "finalize": _finalize_html},
    "text": {"autoescape": False},
}


@lru_cache(maxsize=3)
def environment(kind: str = "markdown") -> jinja2.Environment:
    """The Jinja environment: for 'markdown' every value is made literal, for 'html' HTML-escaped."""
    if kind not in _KINDS:
        raise ValueError(f"unknown template kind {kind!r}")
    env = jinja2.Environment(
        loader=TEMPLATES,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        **_KINDS[kind],
    )
    env.filters.update(_filters())
    return env
