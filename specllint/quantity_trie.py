"""A word list as one prefix-tree pattern: the same matches as an alternation of the words
sorted longest first, found without trying every word at every position."""

from __future__ import annotations

from collections.abc import Iterable

import regex

#: What a space inside a listed phrase matches: any run of spaces or tabs, not a line break.
SPACE = r"[^\S\n]+"


def trie_pattern(words: Iterable[str]) -> str:
    """A pattern matching exactly the ``words`` (spaces as ``SPACE``), longest alternative first.

    Continuations are tried before a word ends, so on one path the longer word wins, as in an
    alternation sorted by length; words that differ in a character cannot match at the same place.
    """
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for token in _tokens(word):
            node = node.setdefault(token, {})
        node[""] = {}
    return _emit(root) if root else r"(?!)"


def _tokens(word: str) -> list[str]:
    out: list[str] = []
    for part in regex.split(r"( +)", word):
        if not part:
            continue
        if part.startswith(" "):
            out.append(SPACE)
        else:
            out.extend(regex.escape(ch) for ch in part)
    return out


def _emit(node: dict[str, dict]) -> str:
    branches = [token + _emit(child) for token, child in sorted(node.items()) if token]
    ends = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body
