"""What a saved web page states about itself: title, outlet, author or credit, date and address.

trafilatura reads these from the page's tags; the page's own JSON-LD and meta tags then clean them:
the site's name comes off the title, titles, publishers and dates come off the authors, an
organisation's byline is kept as the credit, and a date counts only when the page's tags state it.
"""

from __future__ import annotations

import html as html_entities
import json
import re
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

# The last words of a byline that says what someone does, not who they are ("AP Auto Writer").
_ROLE_NOUNS = frozenset(
    """
    writer writers reporter reporters correspondent correspondents editor editors columnist contributor
    contributors journalist journalists staff staffer producer photographer critic intern freelancer
    """.split()
)
_ROLE_QUALIFIERS = frozenset(
    """
    ap news senior chief staff national international political politics sports auto business security
    technology tech science health economics foreign world local deputy associate assistant managing
    executive contributing special investigative digital data video photo features global markets finance
    legal education entertainment travel food lifestyle culture arts opinion breaking general
    """.split()
)
# Words of a date that a byline can run into ("Malcolm Owen Monday, November 18").
_DATE_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december published updated posted
    """.split()
)
# The last words of an organisation's name, or a web address's ending.
_ORGANISATION_ENDINGS = frozenset(
    """
    media press news newspaper newspapers network networks group inc ltd llc plc agency wire wires service
    services com net org co uk magazine times post journal daily herald tribune gazette television radio
    """.split()
)
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-–—:·•»~/]|::)\s+|\s*[|·•»]\s*|:\s+")
_NAME_SPLIT = re.compile(r"\s*(?:[,;|&/]|\band\b)\s*", re.I)
_BY = re.compile(r"^\s*(?:written\s+by|words\s+by|by)\s+", re.I)
_CLAUSE = re.compile(r"\s+(?:is|was|has been)\s+(?:a|an|the)\s+.*$", re.I)
_KEY = re.compile(r"[\W_]+")
_SITE_TYPES = ("WebSite", "NewsMediaOrganization", "Organization")
_ARTICLE_TYPES = re.compile(r"(?:Article|BlogPosting|Report|Posting)$")
_DATE_HINT = re.compile(r"date|time|publish|posted|dateline|byline", re.I)
LONGEST_DATE_ELEMENT = 120


@dataclass(frozen=True)
class PageMeta:
    """The metadata a page states; None where it states nothing."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None


@dataclass
class _Stated:
    """Names the page gives itself and its authors in JSON-LD and meta tags."""

    sites: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    copyright: str = ""


def page_meta(tree: HtmlElement | None, document: Any) -> PageMeta:
    """The page's metadata: trafilatura's reading, cleaned with what the page's own tags say."""
    if tree is None:
        return PageMeta()
    stated = _stated(tree)
    url = document.url if document is not None and (document.url or "").startswith(("http://", "https://")) else None
    sitename = (document.sitename or None) if document is not None else None
    raw_title = " ".join(html_entities.unescape((document.title or "") if document is not None else "").split())
    names = [name for name in [*stated.sites, *([sitename] if sitename else [])] if _key(name) != _key(raw_title)]
    sites = _site_keys(names, url)
    title = without_site_name(raw_title, sites) or None
    found = byline_names((document.author or "") if document is not None else "", sites, stated.copyright)
    tagged = byline_names("; ".join(stated.authors), sites, stated.copyright)
    names = found.people or tagged.people or found.organisations or tagged.organisations
    return PageMeta(title, sitename, "; ".join(names) or None, stated_date(tree, url), url)


def without_site_name(title: str, sites: set[str]) -> str:
    """The title without the site's names before or after it ("Acme buys Widget | The Daily")."""
    shorter = _without_one_site_name(title, sites)
    while shorter != title:
        title, shorter = shorter, _without_one_site_name(shorter, sites)
    return title


def _without_one_site_name(title: str, sites: set[str]) -> str:
    separators = list(_TITLE_SEPARATOR.finditer(title))
    for separator in separators:
        head, tail = title[: separator.start()].strip(), title[separator.end() :].strip()
        if head and _key(tail) in sites:
            return head
    for separator in separators:
        head, tail = title[: separator.start()].strip(), title[separator.end() :].strip()
        if tail and _key(head) in sites:
            return tail
    return title


@dataclass(frozen=True)
class Byline:
    """The people a byline names, and the organisations it credits (used when it names no one)."""

    people: list[str]
    organisations: list[str]


def byline_names(byline: str, sites: set[str], copyright_notice: str = "") -> Byline:
    """Split a byline into people, without their titles or dates, and organisations: publishers, agencies, sites."""
    people: list[str] = []
    organisations: list[str] = []
    notice = _key(copyright_notice)
    for part in _NAME_SPLIT.split(_BY.sub("", byline)):
        name = _without_trailing(_CLAUSE.sub("", _BY.sub("", part)).strip(" .:-"))
        if not name or not any(ch.isalpha() for ch in name):
            continue
        key = _key(name)
        words = name.casefold().replace(".", " ").split()
        initials = len(words) == 1 and name.isupper() and len(name) <= 4  # AP, or letters after a name: MS, RDN
        if key in sites or (notice and key in notice) or words[-1] in _ORGANISATION_ENDINGS or initials:
            organisations.append(name)
        elif not all(word in _ROLE_NOUNS | _ROLE_QUALIFIERS | _DATE_WORDS for word in words):
            people.append(_name_case(name))
    return Byline(_distinct_people(people), list(dict.fromkeys(organisations)))


def _without_trailing(name: str) -> str:
    """Drop a role ("News reporter") or a date ("Monday") that runs on after a name."""
    words = name.split()
    if words and words[-1].casefold() in _ROLE_NOUNS:
        while words and words[-1].casefold().strip(".,") in _ROLE_NOUNS | _ROLE_QUALIFIERS:
            words.pop()
    while words and words[-1].casefold().strip(".,") in _DATE_WORDS:
        words.pop()
    return " ".join(words)


def _name_case(name: str) -> str:
    """A name written in capitals, as a name is written: STEVE PEOPLES → Steve Peoples."""
    if name.isupper() and sum(ch.isalpha() for ch in name) > 3:
        return " ".join(word.capitalize() for word in name.split())
    return name


def _distinct_people(names: list[str]) -> list[str]:
    """Keep one form of each person: "Troy L Smith" over "Troy Smith", "Kevin Rebong" over "Kevin-R"."""
    kept: list[str] = []
    for name in sorted(dict.fromkeys(names), key=lambda n: -len(n)):
        if not any(_same_person(name, other) for other in kept):
            kept.append(name)
    return [name for name in dict.fromkeys(names) if name in kept]


def _same_person(short: str, long: str) -> bool:
    a, b = _KEY.sub(" ", short.casefold()).split(), _KEY.sub(" ", long.casefold()).split()
    if not a or not b or a[0] != b[0]:
        return False
    if len(a) == 1:
        return len(b) > 1  # a first name alone, beside a full name that has it
    return a[-1] == b[-1] or (len(a[-1]) == 1 and b[-1].startswith(a[-1]))


def stated_date(tree: HtmlElement, url: str | None) -> date | None:
    """The publication date the page states in its tags, its date elements or its address; never from its prose.

    htmldate reads a copy of the page that holds only the head's tags and the short elements that name a
    date, so whatever it finds is a date the page gives for itself.
    """
    from htmldate import find_date
    from lxml.html import Element

    evidence = Element("html")
    head = Element("head")
    evidence.append(head)
    for tag in tree.iter("meta", "link", "script"):
        if tag.tag != "script" or (tag.get("type") or "").lower() == "application/ld+json":
            head.append(_copy(tag))
    body = Element("body")
    evidence.append(body)
    for element in _date_elements(tree):
        body.append(_copy(element))
    found = find_date(
        evidence, extensive_search=False, original_date=True, url=url, min_date="1995-01-01", max_date="2999-12-31"
    )
    try:
        return date.fromisoformat(found) if found else None
    except ValueError:
        return None


def _date_elements(tree: HtmlElement) -> Iterator[HtmlElement]:
    """Short elements that name a date: <time>, and those whose class, id or itemprop says date or published."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "meta", "link", "html", "body"):
            continue
        named = " ".join(element.get(name) or "" for name in ("class", "id", "itemprop"))
        hinted = element.tag in ("time", "abbr") or _DATE_HINT.search(named)
        if hinted and len(element.text_content()) <= LONGEST_DATE_ELEMENT:
            yield element


def _copy(element: HtmlElement) -> HtmlElement:
    copied = deepcopy(element)
    copied.tail = None
    return copied


def _stated(tree: HtmlElement) -> _Stated:
    stated = _Stated()
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text_content())
        except ValueError:
            continue
        for item in _json_ld_objects(data):
            kinds = _as_list(item.get("@type"))
            if any(isinstance(kind, str) and _ARTICLE_TYPES.search(kind) for kind in kinds):
                for author in _as_list(item.get("author")):
                    name = author.get("name") if isinstance(author, dict) else author
                    if isinstance(name, str):
                        stated.authors.append(html_entities.unescape(name))
                for key in ("publisher", "copyrightHolder", "sourceOrganization"):
                    owner = item.get(key)
                    if isinstance(owner, dict) and isinstance(owner.get("name"), str):
                        stated.sites.append(owner["name"])
            elif any(kind in _SITE_TYPES for kind in kinds) and isinstance(item.get("name"), str):
                stated.sites.append(item["name"])
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").casefold()
        value = " ".join((meta.get("content") or "").split())
        if key in ("og:site_name", "application-name", "publisher") and value:
            stated.sites.append(html_entities.unescape(value))
        elif key in ("copyright", "dcterms.rights", "rights") and value:
            stated.copyright += " " + value
        elif key == "author" and value and not stated.authors and not value.startswith("http"):
            stated.authors.append(html_entities.unescape(value))
    return stated


def _json_ld_objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _json_ld_objects(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _json_ld_objects(data["@graph"])


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _site_keys(names: list[str], url: str | None) -> set[str]:
    """The site's names as compared: its stated names and their parts, and its host name with and without the ending."""
    parts = [part for name in names for part in (name, *_TITLE_SEPARATOR.split(name))]  # "Name | Tagline"
    keys = {_key(part) for part in parts if _key(part)}
    host = urlsplit(url).hostname if url else None
    if host:
        labels = host.removeprefix("www.").split(".")
        keys.add(_key(".".join(labels)))
        core = [label for label in labels[:-1] if label not in ("co", "com", "org", "net", "ac", "gov")]
        if core:
            keys.add(_key(core[-1]))
    return keys


def _key(text: str) -> str:
    return _KEY.sub("", text.casefold())
