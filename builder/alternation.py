"""Word lists as regular expressions the engine runs quickly."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def literal_alternation(words: Iterable[str]) -> str:
    """A pattern matching any of words, the longest where several match at one place, as a trie.

    `(?:alpha|alp|beta)` makes the engine try every word at every position; the trie `(?:alp(?:ha)?|beta)`
    tries one branch per letter, so a pattern of thousands of names is as fast as one of ten.
    """
    trie: dict[str, Any] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(trie) if trie else "(?!)"


def _branches(node: dict[str, Any]) -> str:
    ends = "" in node
    choices = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not choices:
        return ""
    body = choices[0] if len(choices) == 1 else "(?:" + "|".join(choices) + ")"
    # greedy: the longer word first, the word that ends here only when no longer one matches
    return f"(?:{body})?" if ends else body
