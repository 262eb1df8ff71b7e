"""Token level of the quantity grammar: numbers, units, tolerances and ranges at a position.

:class:`TokenParser` reads the pieces of one quantity statement; :mod:`specllint.quantity_statements`
puts them together. Nothing here hands text to Pint: units come from the alias table.
"""

from __future__ import annotations

from bisect import bisect_right

import attrs

from . import quantity_lexicon as lex
from .numbers import Number, decimal_comma_context, number_at, parse_number
from .quantity_designations import DESIGNATIONS, text_words
from .units import UnitInfo, compatible, convert, convert_delta, lookup, power_of, quotient

_QUOTES_BEFORE = frozenset("\"'“‘”’″′")
#: Divisors written as a number of a smaller unit that have a name: "/24 h" is per day.
_NAMED_PERIODS = {(24.0, "hour"): "day", (60.0, "minute"): "hour", (60.0, "second"): "minute", (7.0, "day"): "week"}


#: The opening quote a closing mark pairs with.
_OPENING = {"'": "'", "’": "‘", '"': '"', "”": "“"}


def _closes_quote(text: str, number_start: int, mark: str) -> bool:
    """Whether the mark after a number closes a quotation opened earlier in the text ("size label
    'EU 38 / UK 10 / US 6'"): the opening quote starts a word and nothing closes it before the number."""
    opening = _OPENING.get(mark[:1])
    if opening is None:
        return False
    i = text.rfind(opening, 0, number_start)
    if i < 0 or (i > 0 and not (text[i - 1].isspace() or text[i - 1] in "([:;,")) or text[i + 1 : i + 2].isspace():
        return False
    between = text[i + 1 : number_start]
    return mark[:1] not in between and opening not in between


@attrs.define
class ParsedTolerance:
    plus: float
    minus: float
    relative: bool
    unit: UnitInfo | None
    end: int
    #: factor from divisors written with a number ("± 2 g/10 min")
    scale: float = 1.0


@attrs.define
class ParsedUnit:
    info: UnitInfo
    end: int
    scale: float = 1.0


@attrs.define
class Element:
    start: int
    end: int
    value: float
    high: float | None = None
    unit: ParsedUnit | None = None
    tol: ParsedTolerance | None = None


@attrs.define
class Statement:
    start: int
    end: int
    elems: list[Element]
    unit: ParsedUnit
    tol: ParsedTolerance | None = None
    dual: Statement | None = None
    limit: str | None = None
    limit_start: int | None = None
    hedge_start: int | None = None


class TokenParser:
    """Reads the pieces of quantity statements in one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.dc = decimal_comma_context(text)
        self._masks: tuple[list[int], list[int]] | None = None
        self.dead_end = 0
        #: numbers already found, by start (filled by the statement walk)
        self.known: dict[int, Number] = {}

    # -- pieces -------------------------------------------------------------------------
    def masked(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a designation or code (found on first use)."""
        if self._masks is None:
            self._masks = merged_designations(self.text)
        starts, ends = self._masks
        i = bisect_right(starts, end - 1) - 1
        return i >= 0 and ends[i] > start
        return i >= 0 and self.mask_ends[i] > start

    def number(self, pos: int, signed: bool = False) -> tuple[int, int, float] | None:
        """(start, end, value) of the number at ``pos``, with a leading sign if ``signed``."""
        text = self.text
        sign = 1.0
        start = pos
        if signed and pos < len(text) and lex.SIGN_RE.match(text, pos):
            sign = -1.0 if text[pos] in "-−–" else 1.0
            pos += 1
        n = self.known.get(pos) or number_at(text, pos, self.dc)
        if n is None or (n.is_word and signed and start != pos):
            return None
        return start, n.end, sign * n.value

    def unit(self, pos: int, number_start: int, value: float) -> ParsedUnit | None:
        text = self.text
        q = lex.GAP_RE.match(text, pos).end()
        m = lex.UNIT_RE.match(text, q)
        if m is None:
            return None
        spelling = m.group("u")
        info = lookup(spelling)
        if info is None or not self._unit_allowed(spelling, m, q > pos, number_start, value):
            return None
        end = m.end("u")
        if m.group("e"):
            info = power_of(info, 2 if m.group("e")[-1] in "2²" else 3) if info.kind == "length" else None
            if info is None:
                return None
            end = m.end("e")
        scale = 1.0
        for n_key, u_key, e_key in (("n1", "u1", "e1"), ("n2", "u2", "e2")):
            if not m.group(u_key):
                break
            divisor = lookup(m.group(u_key))
            if divisor is not None and m.group(e_key):
                divisor = power_of(divisor, 2 if m.group(e_key)[-1] in "2²" else 3)
            factor = parse_number(m.group(n_key), self.dc) if m.group(n_key) else 1.0
            if divisor is not None and factor and (named := _NAMED_PERIODS.get((factor, divisor.unit))):
                divisor, factor = lookup(named), 1.0
            combined = quotient(info, divisor) if divisor is not None else None
            if combined is None or not factor:
                break
            info, scale, end = combined, scale / factor, m.end(e_key) if m.group(e_key) else m.end(u_key)
        return ParsedUnit(info, end, scale)

    def _unit_allowed(self, spelling: str, m: object, gap: bool, number_start: int, value: float) -> bool:
        text = self.text
        after = m.end("u")  # type: ignore[attr-defined]
        if spelling in lex.MARKS:
            before = text[number_start - 1] if number_start else ""
            return not gap and before not in _QUOTES_BEFORE and not _closes_quote(text, number_start, spelling)
        if spelling == "in":
            nxt = text[after] if after < len(text) else ""
            if nxt.isalnum() or nxt == "-":
                return False
            word = lex.next_word(text, after)
            following = text[after:].lstrip(" \t")
            return not following[:1].isalpha() or word in lex.INCH_FOLLOWERS
        if spelling == "min":
            window = text[max(0, number_start - 40) : number_start]
            if lex.MIN_AS_TIME_CONTEXT.search(window):
                return True
            return not lex.MIN_AS_MINIMUM_CONTEXT.search(window)
        if spelling == "s" and not gap:
            return not text.startswith("/", after)
        if spelling == "K" and not gap:
            return value >= 1000 and value % 50 == 0  # "6500K"; not "4K" or the grade "1102K"
        if spelling == "V":
            return not (text.startswith("-", after) and text[after + 1 : after + 2].isdigit())
        return True

    def tolerance(self, pos: int) -> ParsedTolerance | None:
        text = self.text
        m = lex.PLUS_MINUS_RE.match(text, pos)
        if m:
            n = number_at(text, m.end(), self.dc)
            if n is None or n.is_word:
                return None
            return self._tol_unit(n.value, n.value, n.end, None)
        m = lex.ASYM_RE.match(text, pos)
        if m:
            plus = parse_number(m.group("p") or m.group("p2"), self.dc)
            minus = parse_number(m.group("m") or m.group("m2"), self.dc)
            if plus is None or minus is None:
                return None
            inner = m.group("pu") or m.group("mu")
            return self._tol_unit(plus, minus, m.end(), lookup(inner) if inner else None)
        return None

    def _tol_unit(self, plus: float, minus: float, end: int, inner: UnitInfo | None) -> ParsedTolerance:
        pct = lex.PERCENT_RE.match(self.text, end)
        if pct:
            return ParsedTolerance(plus, minus, True, None, pct.end())
        u = self.unit(end, end, plus)
        if u is not None and u.info.kind != "ratio":
            return ParsedTolerance(plus, minus, False, u.info, u.end, u.scale)
        return ParsedTolerance(plus, minus, False, inner, end)

    def range_tail(self, pos: int) -> tuple[float, int] | None:
        m = lex.RANGE_SEP_RE.match(self.text, pos)
        if m is None:
            return None
        n = self.number(m.end(), signed=True)
        return None if n is None else (n[2], n[1])

    # -- statements ---------------------------------------------------------------------
    def element(self, pos: int, signed: bool, between: bool = False) -> Element | None:
        n = self.number(pos, signed=signed)
        if n is None:
            return None
        e = Element(n[0], n[1], n[2])
        p = n[1]
        tol = self.tolerance(p)
        if tol is not None:
            e.tol, p = tol, tol.end
            if tol.unit is not None:
                e.unit = ParsedUnit(tol.unit, tol.end, tol.scale)
            elif tol.relative:
                e.tol = ParsedTolerance(tol.plus, tol.minus, False, None, tol.end)
                e.unit = ParsedUnit(lookup("%"), tol.end)  # type: ignore[arg-type]
        else:
            tail = self._between_tail(p) if between else self.range_tail(p)
            if tail is not None:
                e.high, p = tail
        if e.unit is None:
            u = self.unit(p, e.start, e.value)
            if u is not None:
                e.unit, p = u, u.end
                if e.high is None and e.tol is None:
                    p = self._range_with_units(e, p)
        e.end = p
        return e

    def _between_tail(self, pos: int) -> tuple[float, int] | None:
        m = lex.BETWEEN_AND_RE.match(self.text, pos)
        n = self.number(m.end(), signed=True) if m else None
        return None if n is None else (n[2], n[1])

    def _range_with_units(self, e: Element, p: int) -> int:
        """"10 mm to 12 mm": a second number with a compatible unit of its own."""
        tail = self.range_tail(p)
        if tail is None or e.unit is None:
            return p
        u = self.unit(tail[1], tail[1], tail[0])
        if u is None or not compatible(u.info.unit, e.unit.info.unit):
            return p
        if u.info.offset:
            high = convert(tail[0], u.info.unit, e.unit.info.unit)
        else:
            high = convert_delta(tail[0] * u.scale, u.info.unit, e.unit.info.unit)
        if high is None:
            return p
        e.high = high / e.unit.scale
        return u.end


def merged_designations(text: str) -> tuple[list[int], list[int]]:
    """Designation spans, merged and sorted, as parallel start and end lists."""
    words = text_words(text)
    spans = sorted(
        (m.start(), m.end())
        for d in DESIGNATIONS
        if d.applies(text, words)
        for m in d.pattern.finditer(text)
    )
    starts: list[int] = []
    ends: list[int] = []
    for s, e in spans:
        if ends and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends
