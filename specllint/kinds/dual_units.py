"""``dual-unit-consistency`` (SPL203): a value given in two units whose readings disagree."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from .. import quantity_lexicon as lex
from ..model import Quantity
from ..numbers import Number, number_at
from ..quantities import chains
from ..units import convert, convert_delta, resolve
from . import quantity_support as qs
from .base import ClauseContext, Hit, Kind


class DualUnitKind(Kind):
    """A value given in two units ("10 cm (5 in)") whose readings disagree by more than
    the rounding of their written digits allows."""

    name = "dual-unit-consistency"
    option_types = {"max_rounding": (int, float)}
    option_defaults = {"max_rounding": 0.06}

    def check(self, clause: ClauseContext) -> Iterable[Hit]:
        text = clause.text
        for group in chains(text, clause.quantities):
            pairs = [(q, q.dual) for q in group if q.dual is not None]
            if not pairs:
                continue
            bad = [(q, d, exp) for q, d in pairs if (exp := self._mismatch(text, q, d)) is not None]
            if not bad:
                continue
            last_dual = pairs[-1][1]
            close = text.find(")", last_dual.end)
            close = text.find("]", last_dual.end) if close < 0 else close
            end = close + 1 if close >= 0 else last_dual.end
            yield self._hit(text, group[0].start, end, pairs, bad)

    def _mismatch(self, text: str, q: Quantity, d: Quantity) -> float | None:
        """The value ``d`` should have, when the written one is wrong; else None."""
        if not q.unit or not d.unit:
            return None
        info = resolve(d.unit)
        offset = bool(info and info.offset)
        for a, b in ((q.value, d.value), (q.high, d.high)):
            if a is None or b is None:
                continue
            expected = convert(a, q.unit, d.unit)
            if expected is None:
                return None
            res_b = _resolution(text, d, b is d.high)
            res_a = convert_delta(_resolution(text, q, a is q.high), q.unit, d.unit) or 0.0
            allowed = max(res_b, res_a)
            if not offset:
                allowed = min(allowed, self.options["max_rounding"] * abs(b))
            if abs(expected - b) > allowed + 1e-9 * max(1.0, abs(b)):
                return convert(q.value, q.unit, d.unit)
        return None

    def _hit(self, text: str, start: int, end: int, pairs, bad) -> Hit:
        q, d, expected = bad[0]
        dual_unit = qs.written_unit(d, text) or d.unit
        main_unit = qs.written_unit(q, text) or q.unit
        fixed = _replace_numbers(text, start, end, [(dd, _rounded(e, _decimals(text, dd))) for _, dd, e in bad])
        back = convert(d.value, d.unit, q.unit)
        message = (
            f"{qs.number_text(q, text)} {main_unit} is {_rounded(expected, _decimals(text, d))} {dual_unit}, "
            f"not {qs.number_text(d, text)} {dual_unit}: the two readings contradict each other"
        )
        suggestions = [fixed]
        if back is not None and len(pairs) == 1:
            back_text = _rounded(back, _decimals(text, q))
            suggestions.append(f"⟨{back_text}⟩ {main_unit} ({qs.number_text(d, text)} {dual_unit})")
        return Hit(start, end, message=message, suggestions=tuple(suggestions))


def _number(text: str, q: Quantity, high: bool) -> Number | None:
    n = number_at(text, q.start + (1 if text[q.start : q.start + 1] in "-−+" else 0))
    if n is None or not high:
        return n
    sep = lex.RANGE_SEP_RE.match(text, n.end)
    return number_at(text, sep.end()) if sep else n


def _resolution(text: str, q: Quantity, high: bool) -> float:
    n = _number(text, q, high)
    return n.resolution if n else 0.5


def _decimals(text: str, q: Quantity) -> int:
    n = _number(text, q, False)
    if n is None:
        return 1
    digits = regex.search(r"[.,](\d+)\Z", n.text)
    return len(digits.group(1)) if digits else 0


def _rounded(x: float | None, decimals: int) -> str:
    if x is None:
        return "?"
    d = decimals
    while d < 6 and abs(round(x, d) - x) > 0.01 * abs(x):
        d += 1
    return qs.format_number(round(x, d))


def _replace_numbers(text: str, start: int, end: int, fixes: list[tuple[Quantity, str]]) -> str:
    out = text[start:end]
    for d, new in sorted(fixes, key=lambda f: f[0].start, reverse=True):
        n = _number(text, d, False)
        if n is None:
            continue
        a, b = n.start - start, n.end - start
        out = out[:a] + new + out[b:]
    return out
