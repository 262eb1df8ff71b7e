"""Reasons a bare quantity is bounded or designated after all, found in the rest of its clause (for the
missing-tolerance rule, SPL201):

* the same value stated again with a tolerance or limit ("Dropper bottle 30 ml …; fill to 30 ml ± 0.5 ml");
* a limit that governs a coordinated property ("height should not exceed 1.6 m and weight 800 kg");
* a tolerance in the parenthesis that qualifies the value ("width 145 cm usable (cuttable width, ±1 cm)");
* a standard pallet footprint of ISO 6780 in a clause about pallets ("1200 × 1000 mm footprint");
* a limit word before a pair joined by "and" bounds both ("for children up to 22 kg and 110 cm").
"""

from __future__ import annotations

from collections.abc import Sequence

from .buildcache import compile_pattern
from .model import Quantity

#: The footprints of ISO 6780 (and the half EUR pallet), in millimetres, smaller side first.
_PALLET_FOOTPRINTS = frozenset(((800, 1200), (1000, 1200), (1140, 1140), (1100, 1100), (1067, 1067),
                                (1016, 1219), (600, 800)))
_TO_MM = {"millimeter": 1.0, "centimeter": 10.0, "meter": 1000.0, "inch": 25.4}
_AND_JOIN = compile_pattern(r"[^\S\n]*,?[^\S\n]*(?:and|&)[^\S\n]*")
_PALLET = compile_pattern(r"(?i)\bpallets?\b")
#: A verb of a ceiling or floor before an earlier value, then "and" and another property, whose value it governs
#: too: "should not exceed 1.6 and weight 800 kg" (a limit word such as "max." binds one value only).
_SHARED_LIMIT = compile_pattern(
    r"(?i:not[^\S\n]+(?:to[^\S\n]+)?(?:exceed|surpass|go[^\S\n]+beyond|fall[^\S\n]+below"
    r"|be[^\S\n]+(?:more|greater|higher|heavier|longer|larger|less|lower|smaller)[^\S\n]+than"
    r"|be[^\S\n]+(?:over|above|below|under)))[^\S\n]*"
    r"\d[\d.,]*(?:[^\S\n]*[\p{L}%°]{1,3}\.?)?"
    r"[^\S\n]+and[^\S\n]+(?:(?:the|its|a)[^\S\n]+)?\p{L}[\p{L}-]*(?:[^\S\n]+\p{L}[\p{L}-]*)?(?:[^\S\n]+of)?[^\S\n]*[:=]?[^\S\n]*\Z"
)
#: A parenthesis after the value (a few words may stand between) that holds a tolerance:
#: "145 cm usable (cuttable width, ±1 cm)", "500 mm (length, +2/−0 mm)", "12 mm (0/+0.1)".
_PAREN_TOLERANCE = compile_pattern(
    r"(?:[^\S\n]+\p{L}[\p{L}-]*){0,2}[^\S\n]*\([^()\d\n]{0,30}(?:±|\+/-|\+[^\S\n]?\d[\d.,]*[^\S\n]?/[^\S\n]?[-−]"
    # a one-sided band with a zero side: "12 mm (0/+0.1)", "(+0.1/0)"
    r"|[-−+]?0[^\S\n]*/[^\S\n]*[-−+]\d|[-−+]\d[\d.,]*[^\S\n]*/[^\S\n]*[-−+]?0(?![\d.,]))"
)


def standard_pallet(text: str, group: Sequence[Quantity]) -> bool:
    """Whether a chain of two lengths is an ISO 6780 pallet footprint in a clause that names pallets."""
    if len(group) != 2 or group[-1].unit not in _TO_MM or not _PALLET.search(text):
        return False
    factor = _TO_MM[group[-1].unit]
    sides = sorted(round(q.value * factor) for q in group)
    return (sides[0], sides[1]) in _PALLET_FOOTPRINTS


def bounded_elsewhere(q: Quantity, quantities: Sequence[Quantity]) -> bool:
    """Whether the same value in the same unit is stated with a tolerance or a limit elsewhere in the clause."""
    return any(o is not q and o.value == q.value and o.unit == q.unit and o.high is None
               and (o.tolerance is not None or o.limit is not None) for o in quantities)


def shared_limit(text: str, q: Quantity) -> bool:
    """Whether a limit before an earlier value governs this coordinated one ("not exceed 1.6 and weight 800 kg")."""
    return _SHARED_LIMIT.search(text, max(0, q.start - 80), q.start) is not None


def paren_tolerance(text: str, end: int) -> bool:
    """Whether a parenthesis right after the value (a few words may stand between) states a tolerance."""
    return _PAREN_TOLERANCE.match(text, end) is not None


def limit_carried(text: str, q: Quantity, quantities: Sequence[Quantity]) -> bool:
    """Whether the quantity right before ``q``, joined to it by "and" only, has a limit written before it:
    "up to 22 kg and 110 cm" bounds both."""
    before = [o for o in quantities if o.end <= q.start]
    if not before:
        return False
    prev = before[-1]
    return (prev.limit is not None and prev.limit_start is not None and prev.limit_start < prev.start
            and _AND_JOIN.fullmatch(text, prev.end, q.start) is not None)
