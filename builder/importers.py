"""Turn saved web pages, text files and Markdown into sources: text and the metadata the page states."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from builder.model import SourceMeta

MIN_ARTICLE_WORDS = 40
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ImportProblem(Exception):
    """A file that cannot become a source, with the reason."""


@dataclass(frozen=True)
class Article:
    """An article's text and what it says about itself."""

    meta: SourceMeta
    text: str


def article_from_html(html: str) -> Article:
    """The main text of a saved web page, with title, author, date and canonical address.

    Menus, advertisements, related links and comments are left out (trafilatura decides what the
    article is). A date counts only when the page states it in its metadata, never a guess.
    """
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if isinstance(document, dict):  # only with as_dict=True, which is not asked for
        raise TypeError("trafilatura answered with a dict")
    text = (document.text or "").strip() if document is not None else ""
    words = len(text.split())
    if document is None or words < MIN_ARTICLE_WORDS:
        raise ImportProblem(
            f"no article found in this page ({words} words of text after menus, adverts and comments are left out); "
            "save the page of the article itself"
        )
    title = (document.title or "").strip() or None
    if title and text.startswith(title):
        text = text[len(title) :].lstrip("\n")
    body = f"{title}\n\n{text}" if title else text
    published = _date(document.date) if _page_states_date(html) else None
    url = document.url if document.url and document.url.startswith(("http://", "https://")) else None
    meta = SourceMeta(
        title=title,
        outlet=document.sitename or None,
        author=document.author or None,
        published=published,
        url=url,
        kind="article",
    )
    return Article(meta, body)


def _page_states_date(html: str) -> bool:
    return bool(
        re.search(r"(?:published_time|datePublished|pubdate|<time[^>]+datetime=|name=[\"']date[\"'])", html, re.I)
    )


def _date(value: str | None) -> date | None:
    if value and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None
