"""Shared helpers of the quantity kinds: context windows, written units, suggested
tolerances and the document's general-tolerance statements (computed once per document)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import regex

from .. import quantity_lexicon as lex
from .. import userpatterns
from ..buildcache import compile_pattern
from ..model import Quantity
from ..numbers import number_at
from ..quantities import extract_quantities
from ..userpatterns import TIMED, Matching
from .base import ClauseContext, DocumentContext

#: Characters of context a "before" pattern sees.
WINDOW = 48
#: ISO 2768-1 class m limits for linear dimensions, in millimetres: (up to, ±limit).
_ISO_2768_M = ((6, 0.1), (30, 0.2), (120, 0.3), (400, 0.5), (1000, 0.8), (2000, 1.2), (4000, 2.0))
_TO_MM = {"micrometer": 0.001, "millimeter": 1.0, "centimeter": 10.0, "decimeter": 100.0, "meter": 1000.0,
          "inch": 25.4, "foot": 304.8, "yard": 914.4, "thou": 0.0254}
_PROPERTY_KINDS = (
    (compile_pattern(r"(?i)\b(?:weight|mass|g\.?\s?w\.?|n\.?\s?w\.?)\b"), "mass"),
    (compile_pattern(r"(?i)\b(?:gsm|grammage|fabric\s+weight)\b"), "areal_density"),
    (compile_pattern(r"(?i)\b(?:volume|capacity|fill)\b"), "volume"),
    (compile_pattern(r"(?i)\b(?:dimensions?|measurements?|sizes?|length|width|height|diameter|thickness)\b"), "length"),
)
_STATEMENT_KINDS_DEFAULT = frozenset(("length", "area"))
#: How far before and after a tolerance statement its value may stand ("± 0.5 mm general tolerance",
#: "general tolerances: ± 0.5 mm").
_STATEMENT_BEFORE = 12
_STATEMENT_AFTER = 24
#: A deviation word before a value: "lower deviation 0 g", "variation not more than 2 %".
_DEVIATION_BEFORE = compile_pattern(
    r"(?i)(?<!\bstandard[^\S\n])\b(?:deviations?|variations?|variances?|toleran(?:ce|ces))\b[^\d;,.\n]{0,30}\Z")
ALL_KINDS = "*"


def compile_before(patterns: Iterable[str]) -> list[regex.Pattern]:
    """User patterns that must match right before a quantity (a trailing gap and a diameter sign are allowed),
    joined into one pattern searched backwards from the quantity."""
    joined = "|".join(f"(?:{p})" for p in patterns)
    if not joined:
        return []
    # a diameter sign may stand between the words and the number: "for a Ø 8 mm dowel"
    pattern = f"(?:{joined})[\\s:=]*(?:[Ø⌀φΦ][^\\S\\n]*)?\\Z"
    return [userpatterns.compile_pattern(pattern, userpatterns.FLAGS | regex.REVERSE)]


def compile_after(patterns: Iterable[str]) -> list[regex.Pattern]:
    """User patterns that must match right after a quantity, joined into one."""
    joined = "|".join(f"(?:{p})" for p in patterns)
    return [userpatterns.compile_pattern(f"\\A(?:{joined})")] if joined else []


def compile_any(patterns: Iterable[str]) -> list[regex.Pattern]:
    return [userpatterns.compile_pattern(p) for p in patterns]


def before_matches(patterns: Sequence[regex.Pattern], text: str, start: int, run: Matching = TIMED) -> bool:
    """Whether a pattern matches the window before ``start``; ``run`` is the kind's
    :func:`~specllint.userpatterns.matching_for` (the time limit unless the rule is built in)."""
    if not patterns:
        return False
    window = text[max(0, start - WINDOW) : start]
    return any(run.search(p, window) for p in patterns)


def after_matches(patterns: Sequence[regex.Pattern], text: str, end: int, run: Matching = TIMED) -> bool:
    """Whether a pattern matches the window after ``end`` (``run`` as in :func:`before_matches`)."""
    if not patterns:
        return False
    window = text[end : end + WINDOW]
    return any(run.search(p, window) for p in patterns)


def written_unit(q: Quantity, text: str) -> str:
    """The unit as the clause writes it ("mm" in "250 mm ± 1 mm", "g/10 min"), "" if none."""
    pos = q.start + (1 if text[q.start : q.start + 1] in ("-", "−", "+") else 0)
    n = number_at(text, pos)
    if n is None:
        return ""
    end = n.end
    for sep in (lex.RANGE_SEP_RE, lex.PLUS_MINUS_RE):
        m = sep.match(text, end, q.end)
        following = number_at(text, m.end()) if m else None
        if following is not None:
            end = following.end
            break
    m = lex.UNIT_RE.match(text, lex.GAP_RE.match(text, end).end(), q.end)
    return m.group().strip() if m else ""


def number_text(q: Quantity, text: str) -> str:
    n = number_at(text, q.start)
    return n.text if n else q.text


def nice(x: float) -> str:
    """A short, human number: 1-2-5 steps, no trailing zeros."""
    if x <= 0 or not math.isfinite(x):
        return "0"
    exp = math.floor(math.log10(x))
    base = x / 10**exp
    step = 1 if base < 1.5 else 2 if base < 3.5 else 5 if base < 7.5 else 10
    return format_number(step * 10.0**exp)


def format_number(x: float) -> str:
    out = f"{x:.6f}".rstrip("0").rstrip(".")
    return out if out not in ("", "-0") else "0"


def suggested_tolerance(q: Quantity, kind: str) -> tuple[str, bool]:
    """A starting tolerance for ``q`` in its own unit, and whether it is a percentage."""
    if kind in ("areal_density", "linear_density", "density"):
        return "5", True
    if kind == "length" and q.unit in _TO_MM:
        mm = abs(q.value) * _TO_MM[q.unit]
        limit = next((tol for up_to, tol in _ISO_2768_M if mm <= up_to), 3.0)
        return format_number(float(f"{limit / _TO_MM[q.unit]:.2g}")), False
    return nice(abs(q.value) * 0.02), False


def kind_of(q: Quantity) -> str:
    from ..units import resolve

    info = resolve(q.unit) if q.unit else None
    return info.kind if info else "other"


def tolerance_statement_kinds(text: str, quantities: Sequence[Quantity],
                              regions: Sequence[tuple[int, int]] | None = None) -> frozenset[str]:
    """Which dimension kinds a tolerance statement covers: the kinds of the tolerances it
    states, the property it names for a percentage, else lengths (drawings, ISO 2768).
    With ``regions`` (where the statements were found) only the values in or right after a statement
    count: "net weight 250 g (−0/+5 g); tin Ø 99 mm, tolerances per drawing PK-12" covers lengths."""
    if regions is not None:
        quantities = [q for q in quantities if any(
            s - _STATEMENT_BEFORE <= q.start <= e + _STATEMENT_AFTER for s, e in regions)]
    kinds: set[str] = set()
    stated = [q for q in quantities if q.tolerance is not None and q.value == 0]
    # a deviation stated as a value: "thickness deviation no more than 0.1 mm", "permitted deviation 2 %"
    deviations = [q for q in quantities if q.tolerance is None and _DEVIATION_BEFORE.search(
        text, max(0, q.start - WINDOW), q.start)]
    for q in deviations:
        if q.unit == "percent":
            kinds |= {k for pat, k in _PROPERTY_KINDS if pat.search(text)} or {ALL_KINDS}
        elif q.unit:
            kinds.add(kind_of(q))
            if kind_of(q) == "length":
                kinds.add("area")
    # an accepted range stated for the clause: "accepted range 39.5–40.5 cm"
    for q in quantities if regions is not None else ():
        if q.high is not None and q.unit and q.unit != "percent":
            kinds.add(kind_of(q))
    for q in stated or quantities:
        if q.tolerance is None:
            continue
        if q.tolerance.relative:
            named = {k for pat, k in _PROPERTY_KINDS if pat.search(text)}
            kinds |= named or {ALL_KINDS}
        else:
            kind = kind_of(q)
            kinds.add(kind)
            if kind == "length":
                kinds.add("area")
    return frozenset(kinds or _STATEMENT_KINDS_DEFAULT)


def general_tolerances(document: DocumentContext | None, patterns: Sequence[regex.Pattern], key: str,
                       run: Matching = TIMED) -> frozenset[str]:
    """Dimension kinds covered by general-tolerance statements anywhere in the document
    (cached in ``document.facts[key]``; ``run`` as in :func:`before_matches`)."""
    if document is None or not patterns:
        return frozenset()
    cached = document.facts.get(key)
    if cached is not None:
        return cached
    kinds: set[str] = set()
    for seg in document.segments:
        text = document.text[seg.start : seg.end]
        regions = statement_regions(text, patterns, run)
        if regions:
            kinds |= tolerance_statement_kinds(text, extract_quantities(text), regions)
    result = frozenset(kinds)
    document.facts[key] = result
    return result


def clause_tolerances(clause: ClauseContext, patterns: Sequence[regex.Pattern],
                      run: Matching = TIMED) -> frozenset[str]:
    """Dimension kinds covered by a tolerance statement inside the clause itself."""
    regions = statement_regions(clause.text, patterns, run)
    if not regions:
        return frozenset()
    return tolerance_statement_kinds(clause.text, clause.quantities, regions)


def statement_regions(text: str, patterns: Sequence[regex.Pattern], run: Matching = TIMED) -> list[tuple[int, int]]:
    """Where the tolerance statements of ``patterns`` stand in ``text``."""
    return [(m.start(), m.end()) for p in patterns for m in run.finditer(p, text)]


def covers(kinds: frozenset[str], kind: str) -> bool:
    return ALL_KINDS in kinds or kind in kinds
