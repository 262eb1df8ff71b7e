"""Quantity extraction: numbers with units, tolerances, limits, ranges and dual readings.

The grammar is specllint's own (see docs/quantities.md); Pint is only asked about unit
names from the alias table, never about contract text, so "10 mm ± 0.2 mm" cannot turn
into 2 mm² and "1,5 mm" cannot turn into 15 mm. The grammar lives in
:mod:`specllint.numbers`, :mod:`specllint.quantity_tokens` and
:mod:`specllint.quantity_statements`; its words in :mod:`specllint.quantity_lexicon`.

Public helpers: :func:`extract_quantities`, :func:`approximation_spans`, :func:`chains`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from . import quantity_lexicon as lex
from .model import Quantity
from .numbers import may_hold_number
from .quantity_statements import StatementParser
from .units import compatible

#: Texts up to this length are cached (clauses; whole documents are not).
_CACHE_LIMIT = 4000


@lru_cache(maxsize=2048)
def _cached(text: str) -> tuple[Quantity, ...]:
    return tuple(StatementParser(text).run())


def extract_quantities(text: str) -> tuple[Quantity, ...]:
    """Every quantity in ``text``, in order. Offsets index ``text``; never raises on text."""
    if not isinstance(text, str) or not text or not may_hold_number(text):
        return ()
    if len(text) <= _CACHE_LIMIT:
        return _cached(text)
    return tuple(StatementParser(text).run())


def approximation_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(hedge start, quantity end) of every approximate quantity ("approx. 500 g")."""
    return tuple(
        (q.hedge_start if q.hedge_start is not None else q.start, q.end)
        for q in extract_quantities(text)
        if q.approximate
    )


def chains(text: str, quantities: Sequence[Quantity]) -> list[list[Quantity]]:
    """Group quantities into dimension chains ("60 × 40 × 35 cm" is one group of three);
    every other quantity is a group of its own."""
    groups: list[list[Quantity]] = []
    for q in quantities:
        if groups and q.dual is not groups[-1][-1] and _joined(text, groups[-1][-1], q):
            groups[-1].append(q)
        else:
            groups.append([q])
    return groups


def _joined(text: str, a: Quantity, b: Quantity) -> bool:
    if not a.unit or not b.unit or a.end > b.start or not compatible(a.unit, b.unit):
        return False
    m = lex.CHAIN_SEP_RE.match(text, a.end)
    return m is not None and m.end() == b.start
