"""Unit kinds: ``number-requires-unit`` (SPL202) and ``dual-unit-consistency`` (SPL203)."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from .. import quantity_lexicon as lex
from .. import userpatterns
from ..model import Quantity
from ..numbers import Number, number_at
from ..quantities import chains
from ..units import convert, convert_delta, resolve
from . import quantity_support as qs
from .base import ClauseContext, Hit, Kind

_SEPARATOR = r"(?:[^\S\n]*\([^)\n]{0,24}\))?(?:[^\S\n]*[:=][^\S\n]*|[^\S\n]+(?:(?:is|of|=)[^\S\n]+)?|(?<=[Ø⌀])[^\S\n]*)"
_QUALIFIER = r"(?:(?:(?i:max|min|approx|ca|nom)\.?|(?i:maximum|minimum|about|around|nominal)|[≤≥<>~≈]|<=|>=)[^\S\n]*)?"
#: What may follow a number that has no unit: the end, punctuation or a function word.
_FOLLOWERS = regex.compile(
    r"[^\S\n]*(?:\Z|[,;:)\]!?\n]|\.(?!\d)|(?i:per|at|and|or|for|with|after|before|when|measured|tested|min|max"
    r"|minimum|maximum|on|each|±|\+/-|tolerance|if|in\s+(?:the|all|each))\b|±|\+/-)"
)
_DIGIT = regex.compile(r"\d")
_UNIT_CHAR_AFTER = regex.compile(r"(?:[\p{L}%°º℃℉″′'\"’”]|[^\S\n]?[%°º℃℉])")


class MissingUnitKind(Kind):
    """A number given for a physical property ("thickness 2", "max. torque 45") with no unit."""

    name = "number-requires-unit"
    option_types = {"properties": dict, "chain_only_properties": list, "exception_patterns": list}
    option_defaults = {"properties": {}, "chain_only_properties": [], "exception_patterns": []}

    def __init__(self, rule, env) -> None:
        super().__init__(rule, env)
        props = {str(k).lower(): str(v) for k, v in self.options["properties"].items()}
        self.units = props
        self.chain_only = frozenset(p.lower() for p in self.options["chain_only_properties"])
        words = sorted(set(props) | self.chain_only, key=len, reverse=True)
        alternation = "|".join(regex.escape(w).replace(r"\ ", r"[^\S\n]+") for w in words) or r"(?!)"
        self.pattern = regex.compile(
            rf"(?<![\p{{L}}\d-])(?P<prop>{alternation})(?![\p{{L}}-]){_SEPARATOR}{_QUALIFIER}(?=[\d.])",
            regex.IGNORECASE,
        )
        self.exceptions = qs.compile_any(self.options["exception_patterns"])

    def check(self, clause: ClauseContext) -> Iterable[Hit]:
        text = clause.text
        if _DIGIT.search(text) is None:  # every hit is a written number
            return
        taken = [(q.start, q.end) for q in clause.quantities]
        for m in self.pattern.finditer(text):
            prop = " ".join(m.group("prop").lower().split())
            span = self._bare_number(text, m.end(), prop in self.chain_only)
            if span is None:
                continue
            start, end = span
            if any(s < end and start < e for s, e in taken):
                continue
            if any(any(x.start() <= start and x.end() >= end for x in userpatterns.finditer(p, text))
                   for p in self.exceptions):
                continue
            unit = self.units.get(prop, "mm")
            written = text[start:end]
            yield Hit(start, end, suggestions=(f"{written} ⟨{unit}⟩",), data={"property": prop, "unit": unit})

    @staticmethod
    def _bare_number(text: str, pos: int, chain_only: bool) -> tuple[int, int] | None:
        first = number_at(text, pos)
        if first is None or first.is_word:
            return None
        end, parts = first.end, 1
        while parts < 4:
            sep = lex.RANGE_SEP_RE.match(text, end) or lex.CHAIN_SEP_RE.match(text, end)
            pm = None if sep else lex.PLUS_MINUS_RE.match(text, end)
            nxt = number_at(text, (sep or pm).end()) if (sep or pm) else None
            if nxt is None or nxt.is_word:
                break
            if sep is not None and lex.CHAIN_SEP_RE.match(text, end):
                parts += 1
            end = nxt.end
        if chain_only and parts < 2:
            return None
        if _UNIT_CHAR_AFTER.match(text, end) or not _FOLLOWERS.match(text, end):
            return None
        return first.start, end


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
