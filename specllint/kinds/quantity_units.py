"""Unit kinds: ``number-requires-unit`` (SPL202), here, and ``dual-unit-consistency`` (SPL203), in
:mod:`~specllint.kinds.dual_units`. The shapes of a bare value are in
:mod:`~specllint.kinds.bare_value_shapes`, the scans that give numbers their roles in
:mod:`~specllint.kinds.bare_value_roles`."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from .. import quantity_keys as keys
from .. import userpatterns
from ..quantity_trie import trie_pattern
from . import quantity_support as qs
from .bare_value_roles import BareValueRoles
from .bare_value_shapes import (
    AXES,
    AXIS_AFTER,
    DIGIT,
    LETTERED_AFTER,
    NARROWING,
    QUALIFIER,
    SEPARATOR,
    distinct_axes,
)
from .base import ClauseContext, Hit, Kind
from .dual_units import DualUnitKind

__all__ = ["DualUnitKind", "MissingUnitKind"]


class MissingUnitKind(BareValueRoles, Kind):
    """A number given for a physical property ("thickness 2", "max. torque 45") with no unit."""

    name = "number-requires-unit"
    option_types = {"properties": dict, "chain_only_properties": list, "decimal_only_properties": dict,
                    "exception_patterns": list, "composition_words": list}
    option_defaults = {"properties": {}, "chain_only_properties": [], "decimal_only_properties": {},
                       "exception_patterns": [], "composition_words": []}

    def __init__(self, rule, env) -> None:
        super().__init__(rule, env)
        props = {str(k).lower(): str(v) for k, v in self.options["properties"].items()}
        self.decimal_only = {str(k).lower(): str(v) for k, v in self.options["decimal_only_properties"].items()}
        props.update({k: v for k, v in self.decimal_only.items() if k not in props})
        self.units = props
        self.chain_only = frozenset(p.lower() for p in self.options["chain_only_properties"])
        # one prefix tree instead of an alternation of some 300 words: the same matches, about half the time
        alternation = trie_pattern(" ".join(w.split()) for w in set(props) | self.chain_only)
        self.pattern = regex.compile(
            rf"(?<![\p{{L}}\d-])(?P<prop>{alternation}|{AXES}|{keys.MORPH_WORD})(?![\p{{L}}-])"
            # an abbreviation's full stop before its value: "dia. 8", "thk. 1.5"
            rf"(?:\.(?=[^\S\n]*\d))?(?P<ext>{keys.EXTENSION})"
            rf"{NARROWING}{SEPARATOR}{QUALIFIER}(?=[−-]?[\d.])",
            regex.IGNORECASE,
        )
        self.exceptions = qs.compile_any(self.options["exception_patterns"])
        self.share_words = frozenset(str(w).lower() for w in self.options["composition_words"])
        self.words = regex.compile(rf"(?<![\p{{L}}\d-])(?P<prop>{alternation})(?![\p{{L}}-])", regex.IGNORECASE)
        #: built-in patterns are matched directly, others with the time limit
        self._run = userpatterns.matching_for(rule.source)

    def check(self, clause: ClauseContext) -> Iterable[Hit]:
        text = clause.text
        if DIGIT.search(text) is None:  # every hit is a written number
            return
        # "L 400 W 300 H 250": a letter before the next number labels an axis, it is not a unit (watt, henry)
        axes_after = [(m.start(), m.end()) for m in LETTERED_AFTER.finditer(text) if distinct_axes(m.group())]
        taken = [(q.start, q.end) for q in clause.quantities if not AXIS_AFTER.match(text, q.end - 1)
                 and not any(s <= q.start and q.end <= e for s, e in axes_after)]
        declared: bool | None = None
        exempt: dict[int, list[tuple[int, int]]] = {}  # exception pattern -> its matches, found once per clause
        for prop, start, end in self._candidates(text):
            if any(s < end and start < e for s, e in taken):
                continue
            if any(any(s <= start and e >= end for s, e in self._exception_spans(exempt, n, text))
                   for n in range(len(self.exceptions))):
                continue
            if declared is None:
                declared = keys.declares_unit(text)
            if declared:
                return  # "Measurements in inches: body length 28, chest 22"
            unit = self.units.get(prop, self.units.get(prop.split()[0], "unit"))
            written = text[start:end]
            yield Hit(start, end, suggestions=(f"{written} ⟨{unit}⟩",), data={"property": prop, "unit": unit})

    def _exception_spans(self, found: dict[int, list[tuple[int, int]]], n: int, text: str) -> list[tuple[int, int]]:
        """The spans of exception pattern ``n`` in ``text``, searched at most once per clause (``found``)."""
        spans = found.get(n)
        if spans is None:
            spans = found[n] = [(x.start(), x.end()) for x in self._run.finditer(self.exceptions[n], text)]
        return spans
