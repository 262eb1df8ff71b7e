"""Regular expressions that come from rule files or config: compiled with ``regex`` and
always matched with a time limit, so a catastrophic pattern cannot hang a run.

A pattern that hits the limit ``MAX_TIMEOUTS`` times is given up for the rest of the
process (it then never matches), so one bad pattern costs a few time limits in total,
not one per clause of an archive. :func:`timed_out` names the patterns given up.

The patterns of the built-in rule pack are the project's own and tested; kinds may match
them directly, without the time limit (:func:`trusted`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import regex

#: Seconds one search of one user pattern over one clause may take.
MATCH_TIMEOUT = 0.25
#: Time-outs after which a pattern is no longer tried.
MAX_TIMEOUTS = 3

FLAGS = regex.IGNORECASE | regex.VERSION1

_LOCK = threading.Lock()
_TIMEOUTS: dict[tuple[str, int], int] = {}


@lru_cache(maxsize=4096)
def compile_pattern(pattern: str, flags: int = FLAGS) -> regex.Pattern:
    """Compile once (cached); raises ``regex.error`` for a bad pattern."""
    return regex.compile(pattern, flags)


def _given_up(pattern: regex.Pattern) -> bool:
    # ``_TIMEOUTS`` is empty unless some pattern has ever timed out: no key to build then
    return bool(_TIMEOUTS) and _TIMEOUTS.get((pattern.pattern, pattern.flags), 0) >= MAX_TIMEOUTS


def _timed_out(pattern: regex.Pattern) -> None:
    key = (pattern.pattern, pattern.flags)
    with _LOCK:
        _TIMEOUTS[key] = _TIMEOUTS.get(key, 0) + 1


def finditer(pattern: regex.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> list[regex.Match]:
    """Matches of ``pattern`` in ``text`` (a list); those found before the time limit
    are kept, the rest are dropped silently."""
    found: list[regex.Match] = []
    if _given_up(pattern):
        return found
    end = len(text) if endpos is None else endpos
    try:
        found.extend(pattern.finditer(text, pos, end, timeout=MATCH_TIMEOUT))
    except TimeoutError:
        _timed_out(pattern)
    return found


def search(pattern: regex.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
    """First match of ``pattern`` in ``text`` or None (also None when the time limit is hit)."""
    if _given_up(pattern):
        return None
    end = len(text) if endpos is None else endpos
    try:
        return pattern.search(text, pos, end, timeout=MATCH_TIMEOUT)
    except TimeoutError:
        _timed_out(pattern)
        return None


@lru_cache(maxsize=256)
def trusted(source: str) -> bool:
    """True for a rule file (``Rule.source``) of the built-in rule pack."""
    from .packs import builtin_pack_dir

    if not source:
        return False
    try:
        return Path(source).resolve().is_relative_to(builtin_pack_dir().resolve())
    except (OSError, ValueError):
        return False


class Matching(NamedTuple):
    """How a kind runs its patterns: ``search`` and ``finditer`` with the signatures of
    this module's functions."""

    search: Callable[[regex.Pattern, str], regex.Match | None]
    finditer: Callable[[regex.Pattern, str], Iterable[regex.Match]]


def _direct_search(pattern: regex.Pattern, text: str) -> regex.Match | None:
    return pattern.search(text)


def _direct_finditer(pattern: regex.Pattern, text: str) -> Iterable[regex.Match]:
    return pattern.finditer(text)


#: Patterns of the built-in pack: matched directly.
DIRECT = Matching(_direct_search, _direct_finditer)
#: Patterns from other packs and config: matched with the time limit.
TIMED = Matching(search, finditer)


def matching_for(source: str) -> Matching:
    """:data:`DIRECT` for a rule file of the built-in pack (:func:`trusted`), else :data:`TIMED`."""
    return DIRECT if trusted(source) else TIMED


def timed_out() -> dict[str, int]:
    """Patterns that hit the time limit in this process, with how often they did."""
    with _LOCK:
        return {pattern: n for (pattern, _), n in _TIMEOUTS.items()}
