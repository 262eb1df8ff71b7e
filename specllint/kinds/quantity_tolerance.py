"""Tolerance kinds: ``quantity-requires-tolerance`` (SPL201) and ``tolerance-sanity`` (SPL204)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import pairwise

import regex

from .. import quantity_bounds as bounds
from .. import userpatterns
from ..buildcache import compile_pattern
from ..model import Quantity
from ..quantities import chains
from . import quantity_support as qs
from .base import ClauseContext, Hit, Kind

#: An ISO 286 fit written after a size ("Ø 6 mm h9", "Ø20 H7", "35 mm (H11)"): a tolerance by reference.
_FIT = compile_pattern(
    r"\A[^\S\n]?(?:\((?=[A-Za-z]{1,2}\d{1,2}\)))?(?:[A-Za-z]{1,2}\d{1,2})(?!\w|\.\d)(?!\s*(?:mm|cm|m)\b)"
)
#: Text between a quantity and the next one that carries a test condition over ("at 230 °C / 2.16 kg").
_CONDITION_JOIN = compile_pattern(r"\A[^\S\n]*(?:/|and|&|\+)[^\S\n]*\Z")
_LIST_JOIN = compile_pattern(r"\A[^\S\n]*(?:,|/|,?[^\S\n]+(?:or|and))[^\S\n]*\Z")
#: "dimming from 100 % to 1 %": a movement from one value to another, not a band written high to low.
#: A minimum written right before its number ("min. 3 µm", "≥ 3 µm"), unlike "over 3 µm nickel" or a "min."
#: that belongs to an earlier value ("0.2 µm min. on contacts over 3 µm nickel").
_DIRECT_MIN = compile_pattern(r"(?i:min(?:imum)?\.?|at[^\S\n]+least|not[^\S\n]+less[^\S\n]+than|≥|>=?)[^\S\n]*")
_THOUSANDS_DOT = compile_pattern(r"\A\d{1,3}(?:\.\d{3})+\Z")
_FROM_BEFORE = compile_pattern(r"(?i)\bfrom[^\S\n]*\Z")
#: A tolerance after the material a quantity names, before any other number: "1200 gsm greyboard ± 5 %".
_TRAILING_TOLERANCE = compile_pattern(
    r"[^\S\n]+(?:\p{L}[\p{L}-]*[^\S\n]+){1,3}(?:±|\+/-|\+[^\S\n]?\d[\d.,]*[^\S\n]?/[^\S\n]?[-−])"
)
#: Between two values of one condition written in parallel: " for cartons up to 10 kg, ".
_PARALLEL_FOR = compile_pattern(r"[^\S\n]+for\b[^;.\n]*,[^\S\n]*\Z")
_MIN_MAX_JOIN = compile_pattern(r"\A[^\S\n]*(?:(?i:max|min)(?:imum)?\.?)?[^\S\n]*(?:[,;/]|and|to)?[^\S\n]*\Z")


class MissingToleranceKind(Kind):
    """A product dimension or mass stated as a bare nominal: no tolerance, limit, range or
    fit, no general-tolerance statement covering it, and not a test condition."""

    name = "quantity-requires-tolerance"
    option_types = {
        "dimensions": list,
        "condition_patterns": list,
        "condition_after_patterns": list,
        "designation_patterns": list,
        "general_tolerance_patterns": list,
        "clause_tolerance_patterns": list,
        "exempt_units": list,
        "mass_condition_patterns": list,
        "test_context_patterns": list,
        "test_context_dimensions": list,
        "layer_after_patterns": list,
        "chain_designation_after_patterns": list,
        "mass_condition_after_patterns": list,
        "fill_after_patterns": list,
        "measuring_point_before_patterns": list,
        "measuring_point_after_patterns": list,
    }
    option_defaults = {
        "dimensions": ["length", "area", "volume", "mass", "areal_density"],
        "condition_patterns": [],
        "condition_after_patterns": [],
        "designation_patterns": [],
        "general_tolerance_patterns": [],
        "clause_tolerance_patterns": [],
        "exempt_units": [],
        "mass_condition_patterns": [],
        "test_context_patterns": [],
        "test_context_dimensions": ["mass", "volume"],
        "layer_after_patterns": [],
        "chain_designation_after_patterns": [],
        "mass_condition_after_patterns": [],
        "fill_after_patterns": [],
        "measuring_point_before_patterns": [],
        "measuring_point_after_patterns": [],
    }

    def __init__(self, rule, env) -> None:
        super().__init__(rule, env)
        self.dimensions = frozenset(self.options["dimensions"])
        self.before = qs.compile_before(self.options["condition_patterns"] + self.options["designation_patterns"])
        self.after = qs.compile_after(self.options["condition_after_patterns"])
        self.general = qs.compile_any(self.options["general_tolerance_patterns"])
        self.local = qs.compile_any(self.options["clause_tolerance_patterns"])
        self.fact_key = f"general-tolerance:{rule.code}"
        self.exempt_units = frozenset(self.options["exempt_units"])
        self.mass_before = qs.compile_before(self.options["mass_condition_patterns"])
        self.test_context = qs.compile_any(self.options["test_context_patterns"])
        self.test_dimensions = frozenset(self.options["test_context_dimensions"])
        self.layer_after = qs.compile_after(self.options["layer_after_patterns"])
        self.chain_designation = qs.compile_after(self.options["chain_designation_after_patterns"])
        self.mass_after = qs.compile_after(self.options["mass_condition_after_patterns"])
        self.fill_after = qs.compile_after(self.options["fill_after_patterns"])
        self.point_before = qs.compile_before(self.options["measuring_point_before_patterns"])
        self.point_after = qs.compile_after(self.options["measuring_point_after_patterns"])
        #: built-in patterns are matched directly, others with the time limit
        self._run = userpatterns.matching_for(rule.source)

    def check(self, clause: ClauseContext) -> Iterable[Hit]:
        quantities = clause.quantities
        if not quantities:
            return
        covered: frozenset[str] | None = None
        text = clause.text
        test_from: int | None = None
        memo: dict[int, bool] = {}

        def joined(j: int) -> bool:
            return j > 0 and _CONDITION_JOIN.match(text[quantities[j - 1].end : quantities[j].start]) is not None

        def conditioned(i: int) -> bool:
            """Whether quantity ``i`` is a test condition, rating or nominal size (computed on demand;
            a condition carries over "/" or "and" from the quantity before)."""
            nonlocal test_from
            if i in memo:
                return memo[i]
            if test_from is None:
                test_from = self._test_context_start(text)
            first = i
            while joined(first) and first - 1 not in memo:
                first -= 1
            for j in range(first, i + 1):
                q = quantities[j]
                memo[j] = (
                    self._condition(text, q)
                    or (test_from <= q.start and qs.kind_of(q) in self.test_dimensions)
                    or (joined(j) and memo.get(j - 1, False))
                    or parallel(j)
                )
            return memo[i]

        def parallel(j: int) -> bool:
            """"Drop height 80 cm for cartons up to 10 kg, 60 cm for …": the next value of the same
            kind after a "for …" qualifier and a comma continues the condition."""
            kind = qs.kind_of(quantities[j])
            k = next((k for k in range(j - 1, -1, -1) if qs.kind_of(quantities[k]) == kind), None)
            return (k is not None and _PARALLEL_FOR.match(text[quantities[k].end : quantities[j].start]) is not None
                    and conditioned(k))

        index = {id(q): i for i, q in enumerate(quantities)}
        groups = chains(text, quantities)
        listed: set[int] | None = None
        for n, group in enumerate(groups):
            head, last = group[0], group[-1]
            kind = qs.kind_of(head)
            if kind not in self.dimensions or head.unit in self.exempt_units or any(
                    self._bounded(q) and not self._layer_over(text, q) for q in group):
                continue
            if listed is None:
                listed = _listed(text, groups)
            if n in listed:
                continue  # an assortment ("spanners 8, 10, 13 mm"), not one nominal
            if (_FIT.match(text[last.end :]) or _TRAILING_TOLERANCE.match(text, last.end)
                    or bounds.paren_tolerance(text, last.end)):
                continue  # "Ø 6 mm h9", "1200 gsm greyboard ± 5 %", "145 cm usable (cuttable width, ±1 cm)"
            if ((len(group) == 1 and bounds.bounded_elsewhere(head, quantities)) or bounds.shared_limit(text, head)
                    or bounds.limit_carried(text, head, quantities)):
                continue  # "30 ml …; fill to 30 ml ± 0.5 ml", "not exceed 1.6 and weight 800 kg", "up to 22 kg and 1 m"
            if bounds.standard_pallet(text, group):
                continue  # "Pallet …, 1200 × 1000 mm footprint": an ISO 6780 size
            if any(conditioned(index[id(q)]) for q in group):
                continue
            if len(group) > 1 and self._after(self.chain_designation, text, last.end):
                continue  # "fuse 6,3 × 32 mm, F10A 250 V, IEC 60127-2": a size designated by a standard
            if covered is None:
                covered = qs.general_tolerances(clause.document, self.general, self.fact_key, self._run)
                covered = covered | qs.clause_tolerances(clause, self.local, self._run)
            if qs.covers(covered, kind):
                continue
            yield self._hit(text, group, kind)

    def _before(self, patterns: list[regex.Pattern], text: str, start: int) -> bool:
        return qs.before_matches(patterns, text, start, self._run)

    def _after(self, patterns: list[regex.Pattern], text: str, end: int) -> bool:
        return qs.after_matches(patterns, text, end, self._run)

    @staticmethod
    def _bounded(q: Quantity) -> bool:
        return q.tolerance is not None or q.limit is not None or q.high is not None or q.approximate

    def _layer_over(self, text: str, q: Quantity) -> bool:
        """"over 3 µm nickel": a layer under another, not a minimum."""
        if q.limit != "min" or q.limit_start is None or q.limit_start > q.start:
            return False
        direct = _DIRECT_MIN.fullmatch(text[q.limit_start : q.start]) is not None
        return not direct and self._after(self.layer_after, text, q.end)

    def _test_context_start(self, text: str) -> int:
        """Where a test description starts ("Drop test: …"): masses and volumes after it are
        loads and fills of the test, not properties of the product; len(text) + 1 when none."""
        starts = [m.end() for p in self.test_context if (m := self._run.search(p, text))]
        return min(starts, default=len(text) + 1)

    def _condition(self, text: str, q: Quantity) -> bool:
        if self._after(self.layer_after, text, q.end):
            return False  # "8 µm over 15 µm copper strike": a layer of the product, whatever comes before
        mass = qs.kind_of(q) == "mass"
        if mass and self._after(self.fill_after, text, q.end):
            return False  # "filled with 1 000 g of microfibre": the product's filling, not a test fill
        if self._before(self.before, text, q.start) or self._after(self.after, text, q.end):
            return True
        if self._after(self.point_after, text, q.end) and self._before(self.point_before, text, q.start):
            return True  # "measured flat 2 cm below the armhole": where the value is measured
        return mass and (self._before(self.mass_before, text, q.start)
                         or self._after(self.mass_after, text, q.end))

    def _hit(self, text: str, group: list[Quantity], kind: str) -> Hit:
        head, last = group[0], group[-1]
        unit = qs.written_unit(last, text) or (last.unit or "")
        tol, pct = qs.suggested_tolerance(max(group, key=lambda q: abs(q.value)), kind)
        span_text = text[head.start : last.end]
        if len(group) > 1:
            numbers = " × ".join(qs.number_text(q, text) for q in group)
            nominal = f"{numbers} {unit}"
            first = f"{nominal}, each ± ⟨{tol}⟩ {'%' if pct else unit}"
            second = f"{nominal}, general tolerances ISO 2768-⟨m⟩"
        else:
            nominal = f"{qs.number_text(last, text)} {unit}"
            first = f"{nominal} ± ⟨{tol}⟩ {'%' if pct else unit}"
            second = f"⟨min⟩–⟨max⟩ {unit}" if kind != "length" else f"{nominal}, general tolerances ISO 2768-⟨m⟩"
        return Hit(
            head.start,
            last.end,
            suggestions=(first, second),
            data={"nominal": span_text, "tolerance": tol, "unit": unit},
        )


def _dotted_thousands(text: str, q: Quantity) -> bool:
    """"5.800 mm +/- 10 mm": a nominal written with a thousands dot (5800), not 5.8 mm."""
    return _THOUSANDS_DOT.match(qs.number_text(q, text)) is not None


def _moving_from(text: str, q: Quantity) -> bool:
    return _FROM_BEFORE.search(text[max(0, q.start - 8) : q.start]) is not None


def _listed(text: str, groups: list[list[Quantity]]) -> set[int]:
    """Indices of groups that are members of a list of values sharing one unit written once
    ("8, 10 or 13 mm") or alternatives ("10 or 12 mm", "6 mm / 8 mm"); "Ø 6 mm, 197 mm long"
    are two dimensions, not a list."""
    out: set[int] = set()
    for n in range(1, len(groups)):
        a, b = groups[n - 1][-1], groups[n][0]
        join = text[a.end : b.start]
        if a.unit != b.unit or not _LIST_JOIN.match(join):
            continue
        if "," not in join or not qs.written_unit(a, text):
            out.update((n - 1, n))
    return out


class ToleranceSanityKind(Kind):
    """Tolerances that cannot be met or read: a lower bound at or below zero, a range
    written high-to-low, a minimum above the maximum, a relative tolerance of 100 % or more."""

    name = "tolerance-sanity"
    option_types = {"max_relative": (int, float)}
    option_defaults = {"max_relative": 100}

    def check(self, clause: ClauseContext) -> Iterable[Hit]:
        text = clause.text
        quantities = clause.quantities
        seen: set[tuple[int, int]] = set()
        for hit in self._single(text, quantities):
            seen.add((hit.start, hit.end))
            yield hit
        for hit in self._min_max(text, quantities):
            if (hit.start, hit.end) not in seen:
                yield hit

    def _single(self, text: str, quantities: tuple[Quantity, ...]) -> Iterator[Hit]:
        from ..units import resolve

        for q in quantities:
            info = resolve(q.unit) if q.unit else None
            unit = qs.written_unit(q, text) or (q.unit or "")
            tol = q.tolerance
            if tol is not None and tol.relative and max(tol.plus, tol.minus) >= self.options["max_relative"]:
                share = qs.format_number(max(tol.plus, tol.minus))
                yield Hit(q.start, q.end,
                          message=f"“{q.text}”: a tolerance of {share} % of the nominal allows nothing or everything",
                          suggestions=(f"{qs.number_text(q, text)} {unit} ± ⟨5⟩ %",))
            elif (tol is not None and not tol.relative and q.value > 0 and tol.minus >= q.value
                  and not (info and info.offset) and not _dotted_thousands(text, q)):
                yield Hit(q.start, q.end,
                          message=f"“{q.text}”: the tolerance is not smaller than the nominal, "
                          "so the lower bound is zero or negative",
                          suggestions=(f"{qs.number_text(q, text)} {unit} ± ⟨{qs.nice(q.value * 0.05)}⟩ {unit}",))
            elif (q.high is not None and q.high < q.value and not _moving_from(text, q)
                  and not (q.limit is not None and q.limit_start is not None and q.limit_start < q.start)):
                # "charge cycles ≥ 500 to 80 % capacity": a limit sign before the first number is not a band
                low, high = qs.format_number(q.high), qs.format_number(q.value)
                yield Hit(q.start, q.end, message=f"“{q.text}”: the range runs from high to low",
                          suggestions=(f"{low}–{high} {unit}".strip(),))

    def _min_max(self, text: str, quantities: tuple[Quantity, ...]) -> Iterator[Hit]:
        from ..units import convert

        for a, b in pairwise(quantities):
            if {a.limit, b.limit} != {"min", "max"} or a.high is not None or b.high is not None:
                continue
            if a.limit_start is None or b.limit_start is None or not a.unit or not b.unit:
                continue
            b_left = min(b.start, b.limit_start)
            if b_left < a.end or not _MIN_MAX_JOIN.match(text[a.end : b_left]):
                continue
            b_value = convert(b.value, b.unit, a.unit)
            if b_value is None:
                continue
            low, high = (a.value, b_value) if a.limit == "min" else (b_value, a.value)
            if low <= high:
                continue
            start = min(a.limit_start, a.start)
            min_q, max_q = (a, b) if a.limit == "min" else (b, a)
            yield Hit(
                start,
                b.end,
                message=f"the minimum ({min_q.text}) is above the maximum ({max_q.text}): no part can pass",
                suggestions=(f"min {max_q.text}, max {min_q.text}",),
            )
