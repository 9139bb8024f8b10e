"""Turn saved web pages, text files and Markdown into sources: text and the metadata the page states."""

from __future__ import annotations

from dataclasses import dataclass

from builder.model import SourceMeta
from builder.webpage.text import MIN_ARTICLE_WORDS


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
    article is, see builder.webpage); tables of data are kept as Markdown tables. A date counts only
    when the page states it in its tags, never a guess.
    """
    from builder.webpage.meta import page_meta
    from builder.webpage.text import page_text

    found = page_text(html)
    if found.words < MIN_ARTICLE_WORDS:
        raise ImportProblem(
            f"no article found in this page ({found.words} words of text after menus, adverts and comments are "
            "left out); save the page of the article itself"
        )
    stated = page_meta(found.tree, found.document)
    text = found.text
    if stated.title and text.startswith(stated.title):
        text = text[len(stated.title) :].lstrip()
    body = f"{stated.title}\n\n{text}\n" if stated.title else f"{text}\n"
    meta = SourceMeta(
        title=stated.title,
        outlet=stated.outlet,
        author=stated.author,
        published=stated.published,
        url=stated.url,
        kind="article",
    )
    return Article(meta, body)
