"""The one Jinja environment factory and its filters."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from functools import lru_cache
from typing import Any

import jinja2

from builder.model import sentence_number

TEMPLATES = jinja2.PackageLoader("builder", "templates")

# Characters that Markdown, its extensions (attribute lists, admonitions, tables, marks) and HTML give meaning.
_MARKDOWN_SPECIAL = {ch: f"&#{ord(ch)};" for ch in '\\`*_{}[]<>#!|~^="&'}
_MARKDOWN_TABLE = str.maketrans(_MARKDOWN_SPECIAL)


class Trusted(str):
    """Markup the templates built themselves: inserted as it is, never escaped again."""

    __slots__ = ()


def markdown_text(value: object) -> str:
    """Make any text literal inside Markdown: every special character becomes an entity, lines join."""
    if isinstance(value, Trusted):
        return value
    if value is None:
        return ""
    text = str(value).translate(_MARKDOWN_TABLE)
    return re.sub(r"\s*\n\s*", " ", text)


def _finalize_markdown(value: object) -> object:
    if isinstance(value, (Trusted, jinja2.runtime.Undefined)):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return markdown_text(value)


def json_for_html(value: Any) -> Trusted:
    """JSON that can stand inside a <script> element: no '<', '>' or '&' left to close it."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Trusted(text)


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
        "escape_html": lambda value: Trusted(html.escape("" if value is None else str(value))),
    }


# What each kind of template needs: the escaping of the output, and a finalize for Markdown.
_KINDS: dict[str, dict[str, Any]] = {
    "markdown": {"autoescape": False, "finalize": _finalize_markdown},
    "html": {"autoescape": True},
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
