"""Cheap pre-checks that decide which section patterns are worth running on a clause.

A *gate* is a list of token groups; every group must have one of its tokens in the text
before a signal's regular expression is searched. Tokens are lower-case words (read as
prefixes; one-letter words exactly), ``=Literal`` case-sensitive substrings, ``~text``
substrings in any case and the features (:data:`FEATURES`). Topics get the same treatment
automatically: the word prefixes of a word alternation are derived from its source. See docs/sections.md (Speed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
import regex


class GateError(ValueError):
    """A malformed gate in the section data."""


def word_keys(words: Iterable[str]) -> frozenset[str]:
    """Every word and every prefix of two or more letters of it: a word or a prefix from
    a gate is present when it is in this set (one set lookup instead of a scan)."""
    keys: set[str] = set()
    for w in words:
        keys.add(w)
        keys.update(w[:i] for i in range(2, len(w)))
    return frozenset(keys)


def word_prefix_keys(word: str, vocabulary: frozenset[str], lengths: tuple[int, ...]) -> frozenset[str]:
    """The keys :func:`word_keys` gives for ``word`` that are in ``vocabulary`` (the only
    keys any gate or pre-check of the section data can ask for). ``lengths`` are the
    lengths of the vocabulary's entries."""
    n = len(word)
    found = {word[:i] for i in lengths if 2 <= i < n}
    found.add(word)
    found &= vocabulary
    return frozenset(found) if found else _NO_KEYS


_NO_KEYS: frozenset[str] = frozenset()


@attrs.frozen
class GateGroup:
    """One group of a gate: passes when any of its words (read as prefixes; one-letter
    words exactly), literals or features is in the text."""

    words: frozenset[str] = frozenset()
    literals: tuple[str, ...] = ()
    #: ``~text`` tokens: substrings in any letter case (``~bag`` is in "polybags")
    folded: tuple[str, ...] = ()
    #: ``#digit``, ``#code``, ``#year``, ``#len`` features of the text (see :data:`FEATURES`)
    features: frozenset[str] = frozenset()
    #: the literals and folded substrings as one alternation (one search instead of many)
    literal_rx: re.Pattern | None = attrs.field(default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        if self.literals or self.folded:
            parts = [re.escape(lit) for lit in sorted(self.literals, key=len, reverse=True)]
            parts += [f"(?i:{re.escape(sub)})" for sub in self.folded]
            object.__setattr__(self, "literal_rx", re.compile("|".join(parts)))

    def passes(self, keys: frozenset[str], text: str, features: frozenset[str]) -> bool:
        """``keys`` are :func:`word_keys` of the lower-cased text's words."""
        return (
            not self.words.isdisjoint(keys)
            or not self.features.isdisjoint(features)
            or (self.literal_rx is not None and self.literal_rx.search(text) is not None)
        )


#: Gate features: ``#digit`` any digit; ``#code`` an upper-case letter next to a digit;
#: ``#hcode`` upper-case letters, a hyphen and a digit (``WB-750``); ``#year`` a year
#: 19xx/20xx (every date has one); ``#len`` a number followed by a length unit (``25 mm``,
#: ``3"``; a superset of ``{num}\s*{len}`` in the section data).
FEATURES = {
    "#digit": regex.compile(r"\d"),
    "#code": regex.compile(r"[A-Z][-_/.]?\d|\d[-_/.]?[A-Z]"),
    "#hcode": regex.compile(r"[A-Z]-\d"),
    "#year": regex.compile(r"(?:19|20)\d\d"),
    "#len": regex.compile(r"\d\s*(?:[mcd]?m|[µμu]m|micron|inch|in|ft|feet|foot|yard|yd|[\"″”])", regex.IGNORECASE),
}
#: Every feature but ``#digit`` needs a digit: texts without one skip their searches.
_NEED_DIGIT = tuple((name, rx) for name, rx in FEATURES.items() if name != "#digit")


_FEATURE_SETS: dict[frozenset[str], frozenset[str]] = {}


def text_features(text: str) -> frozenset[str]:
    """The gate features present in ``text`` (one shared set per combination)."""
    if FEATURES["#digit"].search(text) is None:
        found: frozenset[str] = frozenset()
    else:
        found = frozenset(["#digit", *(name for name, rx in _NEED_DIGIT if rx.search(text))])
    return _FEATURE_SETS.setdefault(found, found)


def gate_passes(gate: tuple[GateGroup, ...], keys: frozenset[str], text: str, features: frozenset[str]) -> bool:
    """True when every group of ``gate`` passes (an empty gate always passes)."""
    return all(group.passes(keys, text, features) for group in gate)


_LEAD_GROUP = regex.compile(r"^\((?:\?:|\?-i:)")


def _structure(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth before it) for each pattern character that is not
    escaped and not inside a character class."""
    depth, i, in_class = 0, start, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            yield i, ch, depth
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
        i += 1


def _split_top(source: str) -> list[str]:
    """Top-level alternatives of a pattern (``|`` outside groups and classes)."""
    out, start = [], 0
    for i, ch, depth in _structure(source):
        if ch == "|" and depth == 0:
            out.append(source[start:i])
            start = i + 1
    out.append(source[start:])
    return out


def _group_end(source: str, start: int) -> int:
    """Index of the ``)`` closing the group that opens at ``source[start]``."""
    for i, ch, depth in _structure(source, start):
        if ch == ")" and depth == 1:
            return i
    return -1


def word_prefixes(source: str) -> tuple[str, ...] | None:
    """Lower-case words one of which every match of ``source`` starts with, or None.

    Derived from word alternations such as ``\\b(?:materials?|made (?:of|from))\\b``; used
    as a cheap token pre-check before the regular expression runs.
    """
    out: list[str] = []
    for alt in _split_top(source):
        alt = alt.removeprefix("\\b")
        if _LEAD_GROUP.match(alt):
            close = _group_end(alt, 0)
            rest = alt[close + 1 :]
            if close < 0 or rest not in ("", "\\b"):
                return None
            inner = word_prefixes(alt[alt.index(":") + 1 : close])
            if inner is None:
                return None
            out.extend(inner)
            continue
        m = regex.match(r"[A-Za-z]+", alt)
        if m is None:
            return None
        word = m.group(0)
        if alt[m.end() : m.end() + 1] in ("?", "*", "{"):
            word = word[:-1]
        if not word:
            return None
        out.append(word.lower())
    return tuple(dict.fromkeys(out))


def topic_words(source: Any) -> frozenset[str] | None:
    """Word prefixes of a single-pattern option (None: no pre-check possible)."""
    if not isinstance(source, str):
        return None
    words = word_prefixes(source)
    return None if words is None else frozenset(words)


def prefixes_in(prefixes: frozenset[str] | None, keys: frozenset[str]) -> bool:
    """Might a pattern with these word prefixes match text with these :func:`word_keys`?"""
    return prefixes is None or not prefixes.isdisjoint(keys)


def parse_gate(raw: Any, where: str) -> tuple[GateGroup, ...]:
    groups = []
    for group in raw or []:
        if not isinstance(group, list) or not all(isinstance(t, str) and t for t in group):
            raise GateError(f"gate of {where} must be a list of lists of tokens")
        groups.append(GateGroup(
            words=frozenset(
                t.rstrip("*").lower() if len(t) > 1 else t for t in group if t[0] not in "=#~" or len(t) == 1
            ),
            literals=tuple(t[1:] for t in group if t.startswith("=") and len(t) > 1),
            folded=tuple(t[1:] for t in group if t.startswith("~") and len(t) > 1),
            features=frozenset(t for t in group if t in FEATURES),
        ))
        unknown = [t for t in group if t.startswith("#") and t not in FEATURES and len(t) > 1]
        if unknown:
            raise GateError(f"unknown gate feature {unknown[0]} in {where}")
    return tuple(groups)
