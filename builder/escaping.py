"""The one rule for text that reaches a page: cleaned where it enters, escaped for where it lands.

Text enters from source files, brief.yaml and the command line; `clean_text` removes the characters
that no reader needs and that parsers downstream treat as structure (control characters, characters
YAML refuses). Every value is then escaped for the context it lands in:

- Markdown text (`markdown_text`): special characters become numeric entities;
- a quoted attribute or link title in a Markdown page (`markdown_attribute`): the same, and quotes and
  brackets too, so the link or tag around the value keeps its shape;
- text the theme writes as HTML (`theme_html`): page titles, the site's name;
- an attribute the theme reads back as HTML (`tooltip`): Material's tooltips put a link's title into the
  page as HTML, so the title carries the text escaped for HTML, and that escaped for the attribute;
- YAML front matter (`front_matter`): double-quoted scalars, checked to read back as written;
- JSON inside a `<script>` element (`json_for_html`).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping

import yaml


class Trusted(str):
    """Markup the templates built themselves: inserted as it is, never escaped again."""

    __slots__ = ()


# Control characters (but tab and newline), DEL, C1 controls, surrogates and Unicode's noncharacters.
_UNWANTED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)
# Line breaks other than "\n": YAML, Markdown and JavaScript disagree about them, so they become "\n".
_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029]")
# What YAML cannot hold as it is inside a quoted scalar (it refuses or folds these characters).
_NOT_FOR_YAML = re.compile(
    "[^\x09\x0a\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\x0a\x85\u2028\u2029\ufeff]"
)

# Characters that Markdown, its extensions (attribute lists, admonitions, tables, marks) and HTML give meaning.
_MARKDOWN_SPECIAL = '\\`*_{}[]<>#!|~^="&'
_MARKDOWN_TABLE = str.maketrans({ch: f"&#{ord(ch)};" for ch in _MARKDOWN_SPECIAL})
# Inside a quoted attribute or a link's title, quotes and parentheses would end it.
_ATTRIBUTE_TABLE = str.maketrans({ch: f"&#{ord(ch)};" for ch in _MARKDOWN_SPECIAL + "'()"})


def clean_text(text: str) -> str:
    """Remove control characters and noncharacters; make every line break a newline."""
    return _UNWANTED.sub("", _LINE_BREAKS.sub("\n", text))


def has_unwanted(text: str) -> bool:
    """Whether clean_text would change the text."""
    return bool(_UNWANTED.search(text) or _LINE_BREAKS.search(text))


def markdown_text(value: object) -> str:
    """Make any text literal inside Markdown: every special character becomes an entity, lines join."""
    if isinstance(value, Trusted):
        return value
    if value is None:
        return ""
    text = clean_text(str(value)).translate(_MARKDOWN_TABLE)
    return re.sub(r"\s*\n\s*", " ", text)


def markdown_attribute(value: object) -> Trusted:
    """Make text literal inside a quoted attribute or a link title of a Markdown page."""
    text = "" if value is None else clean_text(str(value))
    return Trusted(re.sub(r"\s*\n\s*", " ", text).translate(_ATTRIBUTE_TABLE))


def theme_html(value: object) -> str:
    """Text the theme writes into its HTML as it is (page titles, the site's name): escaped for HTML."""
    return html.escape(clean_text("" if value is None else str(value)), quote=True)


def tooltip(value: object) -> Trusted:
    """A title the theme turns into a tooltip by reading it as HTML: escaped for HTML, then for the attribute."""
    return markdown_attribute(html.escape(clean_text("" if value is None else str(value)), quote=False))


def _escape_for_yaml(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}" if ord(match.group()) <= 0xFFFF else f"\\U{ord(match.group()):08x}"


def yaml_quoted(value: str) -> str:
    """A YAML double-quoted scalar that reads back as value, whatever it holds."""
    return _NOT_FOR_YAML.sub(_escape_for_yaml, json.dumps(value, ensure_ascii=False))


def json_for_html(value: object) -> Trusted:
    """JSON that can stand inside a <script> element and a single-quoted YAML scalar.

    No '<', '>' or '&' is left to close the element, and nothing YAML would refuse or fold.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Trusted(_NOT_FOR_YAML.sub(_escape_for_yaml, text))


class FrontMatterError(ValueError):
    """Front matter that would not read back as written."""


def front_matter(values: Mapping[str, str]) -> str:
    """YAML front matter holding the values, checked to read back as exactly those values.

    MkDocs drops front matter it cannot read and renders it as Markdown instead, so a page whose front
    matter does not survive must never be written.
    """
    lines = [f"{key}: {yaml_quoted(value)}" for key, value in values.items()]
    text = "---\n" + "".join(f"{line}\n" for line in lines) + "---\n"
    try:
        read = yaml.safe_load(text.removeprefix("---\n").removesuffix("---\n"))
    except yaml.YAMLError as error:
        raise FrontMatterError(f"front matter does not read back: {error}") from None
    if read != dict(values):
        raise FrontMatterError("front matter does not read back as written")
    return text
