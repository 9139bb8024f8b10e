"""The article text of a saved web page: what trafilatura finds, retried and completed where it stops short."""

from __future__ import annotations

import re
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from builder.webpage.tables import markdown_tables, unwrap_layout_tables

MIN_ARTICLE_WORDS = 40
# Scripts written without spaces between words: kana and CJK ideographs, each of which counts as a word,
# as word processors count them.
_SPACELESS = re.compile("[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_WORD = re.compile(r"\w+")
# A paragraph long enough to recognise when it turns up again in the extracted text.
_PROSE_WORDS = 8
_CONTAINERS = ("div", "section", "article")
_BOX_WORDS = 60  # the most words a sign-up box holds around its form
_LINK_BLOCK_WORDS = 8
# The class of a card that pops up over a word of the sentence, hidden in the page until then.
_POP_UP = re.compile(r"rollover[\w-]*-block|tooltip-?text|tooltip-content|popover-(?:content|body)|hovercard", re.I)


@dataclass(frozen=True)
class PageText:
    """The article text found in a page (paragraphs apart by blank lines), what trafilatura read, and the page."""

    text: str
    document: Any  # trafilatura's Document: title, author, sitename, url, date; None when nothing was found
    words: int
    tree: HtmlElement | None  # the parsed page, its layout tables unwrapped


def word_count(text: str) -> int:
    """Count words: runs between spaces, and each character of a script written without spaces."""
    spaceless = len(_SPACELESS.findall(text))
    return spaceless + len(_WORD.findall(_SPACELESS.sub(" ", text)))


def page_text(html: str) -> PageText:
    """The article of a page: in trafilatura's precision mode, or its recall mode when that finds too little."""
    import trafilatura

    tree = trafilatura.load_html(html)
    if tree is None:
        return PageText("", None, 0, None)
    unwrap_layout_tables(tree)
    keep_inline_text(tree)
    drop_sign_up_boxes(tree)
    drop_link_blocks(tree)
    precise = _extract(tree, recall=False)
    if precise.words >= MIN_ARTICLE_WORDS:
        return precise
    broad = _extract(tree, recall=True)
    return broad if broad.words >= MIN_ARTICLE_WORDS else precise  # a refusal counts the words precision kept


def keep_inline_text(tree: HtmlElement) -> None:
    """Take the class, id and style off spans inside paragraphs, so no rule for page furniture drops words mid-sentence.

    An extractor drops elements whose class names furniture ("link", "bottom"); a span of a sentence
    with such a class would leave the sentence with words missing. A pop-up card hidden in the sentence goes first.
    """
    drop_pop_up_cards(tree)
    for span in tree.xpath("//p//span"):
        for name in ("class", "id", "style"):
            span.attrib.pop(name, None)


def drop_pop_up_cards(tree: HtmlElement) -> None:
    """Drop the cards hidden inside a sentence until a word is pointed at (a person's "rollover" box of
    headlines, a tooltip's text): no part of the sentence; the words after a card stay."""
    for span in tree.xpath("//p//span"):
        if _POP_UP.search(span.get("class", "")) and span.getparent() is not None:
            span.drop_tree()


def drop_sign_up_boxes(tree: HtmlElement) -> None:
    """Drop a newsletter's sign-up box: the form that asks for an email address, with the heading and the pitch
    around it ("Subscribe to the Morning Review", "Get the day's top headlines ..."), as far up as the box holds
    no more than a few lines of words."""
    for form in tree.xpath("//form[.//input[@type='email' or contains(@name, 'email')]]"):
        box = form
        for ancestor in form.iterancestors():
            if ancestor.tag in ("body", "html", "article", "main") or _visible_words(ancestor) > _BOX_WORDS:
                break
            box = ancestor
        if box.getparent() is not None:
            box.drop_tree()


def drop_link_blocks(tree: HtmlElement) -> None:
    """Drop a link of a sentence's length that stands as a block of its own between line breaks, outside any
    paragraph: a promotion or another story's headline ("Get access to ... for as little as Rs 599"), not
    the article's words, which a page writes in paragraphs."""
    for link in tree.xpath("//a[@href]"):
        parent = link.getparent()
        if parent is None or parent.tag not in _CONTAINERS or len(link.text_content().split()) < _LINK_BLOCK_WORDS:
            continue
        before, after = link.getprevious(), link.getnext()
        opens = (
            (parent.text or "").strip() == ""
            if before is None
            else before.tag == "br" and not (before.tail or "").strip()
        )
        closes = not (link.tail or "").strip() and (after is None or after.tag == "br")
        if opens and closes:
            link.drop_tree()


def _visible_words(element: HtmlElement) -> int:
    texts = element.xpath(".//text()[not(ancestor::style) and not(ancestor::script)]")
    return sum(len(str(text).split()) for text in texts)


def _extract(tree: HtmlElement, recall: bool) -> PageText:
    import trafilatura

    document = trafilatura.bare_extraction(
        deepcopy(tree),  # trafilatura prunes the tree it is given
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=not recall,
        favor_recall=recall,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if isinstance(document, dict):  # only with as_dict=True, which is not asked for
        raise TypeError("trafilatura answered with a dict")
    found = (document.text or "") if document is not None else ""
    parts = [found, *continuations(tree, found, recall)] if found else []
    text = markdown_tables("\n".join(parts))
    return PageText(text, document, word_count(text), tree)


def continuations(tree: HtmlElement, found: str, recall: bool) -> list[str]:
    """The text of containers that continue the article after the one the extractor took.

    Some pages split an article's body into several containers of the same kind (the same element and
    class), with advertisements between them; an extractor that takes the first such container stops
    short. A container continues the article when an earlier one of its kind is in the text found and
    none of its own paragraphs is.
    """
    import trafilatura

    seen = _normal(found)
    extra: list[str] = []
    for members in _same_kind_groups(tree):
        shares = [sum(paragraph in seen for paragraph in paragraphs) / len(paragraphs) for _, paragraphs in members]
        for index, (member, _) in enumerate(members):
            if shares[index] == 0 and any(share >= 0.5 for share in shares[:index]):
                fragment = etree.tostring(member, encoding="unicode", method="html")
                document = trafilatura.bare_extraction(
                    fragment,
                    include_comments=False,
                    include_tables=True,
                    favor_precision=not recall,
                    favor_recall=recall,
                )
                text = getattr(document, "text", None)
                if text:
                    extra.append(text)
    return extra


def _same_kind_groups(tree: HtmlElement) -> Iterator[list[tuple[HtmlElement, list[str]]]]:
    """Containers that share their element and class and each hold paragraphs of prose, by kind."""
    groups: dict[tuple[str, str], list[tuple[HtmlElement, list[str]]]] = {}
    for element in tree.iter(*_CONTAINERS):
        kind = element.get("class")
        if not kind:
            continue
        paragraphs = [
            _normal(p.text_content()) for p in element.findall("p") if len(p.text_content().split()) >= _PROSE_WORDS
        ]
        if len(paragraphs) >= 2:
            groups.setdefault((element.tag, kind), []).append((element, paragraphs))
    for members in groups.values():
        elements = {id(element) for element, _ in members}
        outermost = [(e, p) for e, p in members if not any(id(a) in elements for a in e.iterancestors())]
        if len(outermost) >= 2:
            yield outermost


def _normal(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))
