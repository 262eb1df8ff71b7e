"""Regular expressions that come from rule files or config: compiled with ``regex`` and
always matched with a time limit, so a catastrophic pattern cannot hang a run."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

#: Seconds one search of one user pattern over one clause may take.
MATCH_TIMEOUT = 0.25

FLAGS = regex.IGNORECASE | regex.VERSION1


@lru_cache(maxsize=4096)
def compile_pattern(pattern: str, flags: int = FLAGS) -> regex.Pattern:
    """Compile once (cached); raises ``regex.error`` for a bad pattern."""
    return regex.compile(pattern, flags)


def finditer(pattern: regex.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match]:
    """Matches of ``pattern`` in ``text``; stops silently when the time limit is hit."""
    end = len(text) if endpos is None else endpos
    try:
        yield from pattern.finditer(text, pos, end, timeout=MATCH_TIMEOUT)
    except TimeoutError:
        return


def search(pattern: regex.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
    """First match of ``pattern`` in ``text`` or None (also None when the time limit is hit)."""
    end = len(text) if endpos is None else endpos
    try:
        return pattern.search(text, pos, end, timeout=MATCH_TIMEOUT)
    except TimeoutError:
        return None
