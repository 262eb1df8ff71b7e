"""Quantity extraction: numbers with units, tolerances, limits, ranges and dual readings.

The grammar is specllint's own (see docs/quantities.md); Pint is only asked about unit
names from the alias table, never about contract text, so "10 mm ± 0.2 mm" cannot turn
into 2 mm² and "1,5 mm" cannot turn into 15 mm.

Public helpers: :func:`extract_quantities`, :func:`approximation_spans`, :func:`chains`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

import attrs

from . import quantity_lexicon as lex
from .model import Quantity, Tolerance
from .numbers import decimal_comma_context, find_numbers, number_at, parse_number
from .units import UnitInfo, compatible, convert_delta, lookup, power_of, quotient, reading_for

#: Texts up to this length are cached (clauses; whole documents are not).
_CACHE_LIMIT = 4000
_QUOTES_BEFORE = frozenset("\"'“‘”’″′")
#: Divisors written as a number of a smaller unit that have a name: "/24 h" is per day.
_NAMED_PERIODS = {(24.0, "hour"): "day", (60.0, "minute"): "hour", (60.0, "second"): "minute", (7.0, "day"): "week"}


@attrs.define
class _Tol:
    plus: float
    minus: float
    relative: bool
    unit: UnitInfo | None
    end: int
    #: factor from divisors written with a number ("± 2 g/10 min")
    scale: float = 1.0


@attrs.define
class _Unit:
    info: UnitInfo
    end: int
    scale: float = 1.0


@attrs.define
class _Elem:
    start: int
    end: int
    value: float
    high: float | None = None
    unit: _Unit | None = None
    tol: _Tol | None = None


@attrs.define
class _Stmt:
    start: int
    end: int
    elems: list[_Elem]
    unit: _Unit
    tol: _Tol | None = None
    dual: _Stmt | None = None
    limit: str | None = None
    limit_start: int | None = None
    hedge_start: int | None = None


class _Parser:
    """One pass over one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.dc = decimal_comma_context(text)
        self._masks: tuple[list[int], list[int]] | None = None

    # -- pieces -------------------------------------------------------------------------
    def masked(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a designation or code (found on first use)."""
        if self._masks is None:
            self._masks = _merged_spans(self.text)
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
        n = number_at(text, pos, self.dc)
        if n is None or n.is_word and signed and start != pos:
            return None
        return start, n.end, sign * n.value

    def unit(self, pos: int, number_start: int, value: float) -> _Unit | None:
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
        return _Unit(info, end, scale)

    def _unit_allowed(self, spelling: str, m: object, gap: bool, number_start: int, value: float) -> bool:
        text = self.text
        after = m.end("u")  # type: ignore[attr-defined]
        if spelling in lex.MARKS:
            before = text[number_start - 1] if number_start else ""
            return not gap and before not in _QUOTES_BEFORE
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

    def tolerance(self, pos: int) -> _Tol | None:
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

    def _tol_unit(self, plus: float, minus: float, end: int, inner: UnitInfo | None) -> _Tol:
        pct = lex.PERCENT_RE.match(self.text, end)
        if pct:
            return _Tol(plus, minus, True, None, pct.end())
        u = self.unit(end, end, plus)
        if u is not None and u.info.kind != "ratio":
            return _Tol(plus, minus, False, u.info, u.end, u.scale)
        return _Tol(plus, minus, False, inner, end)

    def range_tail(self, pos: int) -> tuple[float, int] | None:
        m = lex.RANGE_SEP_RE.match(self.text, pos)
        if m is None:
            return None
        n = self.number(m.end(), signed=True)
        return None if n is None else (n[2], n[1])

    # -- statements ---------------------------------------------------------------------
    def element(self, pos: int, signed: bool, between: bool = False) -> _Elem | None:
        n = self.number(pos, signed=signed)
        if n is None:
            return None
        e = _Elem(n[0], n[1], n[2])
        p = n[1]
        tol = self.tolerance(p)
        if tol is not None:
            e.tol, p = tol, tol.end
            if tol.unit is not None:
                e.unit = _Unit(tol.unit, tol.end, tol.scale)
            elif tol.relative:
                e.tol = _Tol(tol.plus, tol.minus, False, None, tol.end)
                e.unit = _Unit(lookup("%"), tol.end)  # type: ignore[arg-type]
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

    def _range_with_units(self, e: _Elem, p: int) -> int:
        """"10 mm to 12 mm": a second number with a compatible unit of its own."""
        tail = self.range_tail(p)
        if tail is None or e.unit is None:
            return p
        u = self.unit(tail[1], tail[1], tail[0])
        if u is None or not compatible(u.info.unit, e.unit.info.unit):
            return p
        high = convert_delta(tail[0] * u.scale, u.info.unit, e.unit.info.unit) if not u.info.offset else None
        if u.info.offset:
            from .units import convert

            high = convert(tail[0], u.info.unit, e.unit.info.unit)
        if high is None:
            return p
        e.high = high / e.unit.scale
        return u.end

    def _series(self, first: _Elem) -> tuple[list[_Elem], str]:
        """Elements joined to ``first`` by × (a chain) or by "/", "or", commas (a list)."""
        elems, p, how = [first], first.end, ""
        seps = (("chain", lex.CHAIN_SEP_RE), ("list", lex.SLASH_SEP_RE), ("list", lex.WORD_LIST_SEP_RE),
                ("comma", lex.COMMA_LIST_SEP_RE))
        while len(elems) < 8 and elems[-1].unit is None or len(elems) < 4 and how == "chain":
            for name, sep in seps:
                if how and name != how:
                    continue
                m = sep.match(self.text, p)
                nxt = self.element(m.end(), signed=False) if m else None
                if nxt is not None:
                    break
            else:
                break
            how = name
            elems.append(nxt)
            p = nxt.end
        return elems, how

    def statement(self, pos: int, allow_dual: bool = True, between: bool = False) -> _Stmt | None:
        first = self.element(pos, signed=True, between=between)
        if first is None:
            return None
        elems, how = self._series(first)
        p = elems[-1].end
        unit = elems[-1].unit
        if unit is None:
            return None
        if any(e.unit is not None and not compatible(e.unit.info.unit, unit.info.unit) for e in elems):
            elems = elems[-1:]
        if how == "comma" and len(elems) < 3 or how == "chain" and unit.info.kind != "length":
            elems = elems[-1:]  # "2 × 5 W" is a multiplier; "500, 20 kg" is not a list
        stmt = _Stmt(elems[0].start, p, elems, unit)
        if allow_dual:
            p = self._dual(stmt, p)
        tol = self.tolerance(p) if all(e.tol is None for e in elems) else None
        if tol is None and all(e.tol is None for e in elems):
            tol, p = self._paren_tolerance(p)
        if tol is None and all(e.tol is None for e in elems) and (word := lex.DIMENSION_WORD_RE.match(self.text, p)):
            tol = self.tolerance(word.end())
        if tol is not None and (tol.unit is None or compatible(tol.unit.unit, unit.info.unit)):
            stmt.tol = tol
            p = tol.end
        if allow_dual and stmt.dual is None:
            p = self._dual(stmt, p)
        stmt.end = p
        post = lex.POSTFIX_LIMIT_RE.match(self.text, p)
        if post:
            word = " ".join(post.group("w").lower().split())
            stmt.limit = "min" if word in lex.POSTFIX_MIN else "max"
            stmt.limit_start = post.start("w")
        return stmt

    def _paren_tolerance(self, p: int) -> tuple[_Tol | None, int]:
        m = lex.OPEN_PAREN_RE.match(self.text, p)
        if m is None:
            return None, p
        tol = self.tolerance(m.end())
        close = lex.CLOSE_PAREN_RE.match(self.text, tol.end) if tol else None
        if tol is None or close is None:
            return None, p
        tol.end = close.end()
        return tol, close.end()

    def _dual(self, stmt: _Stmt, p: int) -> int:
        m = lex.OPEN_PAREN_RE.match(self.text, p)
        if m is None:
            return p
        q = m.end()
        hedge = lex.HEDGE_AFTER_PAREN_RE.match(self.text, q)
        if hedge:
            q = hedge.end()
        inner = self.statement(q, allow_dual=False)
        if inner is None:
            return p
        close = lex.CLOSE_PAREN_RE.match(self.text, inner.end)
        if close is None:
            return p
        info = reading_for(inner.unit.info, stmt.unit.info.kind)
        if not compatible(info.unit, stmt.unit.info.unit):
            main = reading_for(stmt.unit.info, inner.unit.info.kind)  # "16 oz (473 ml)"
            if not compatible(main.unit, info.unit):
                return p
            stmt.unit = _Unit(main, stmt.unit.end, stmt.unit.scale)
            for e in stmt.elems:
                if e.unit is not None:
                    e.unit = _Unit(reading_for(e.unit.info, inner.unit.info.kind), e.unit.end, e.unit.scale)
        if info.unit == stmt.unit.info.unit:
            return p
        inner.unit = _Unit(info, inner.unit.end, inner.unit.scale)
        for e in inner.elems:
            if e.unit is not None:
                e.unit = _Unit(reading_for(e.unit.info, stmt.unit.info.kind), e.unit.end, e.unit.scale)
        inner.limit = None
        stmt.dual = inner
        return close.end()

    def prefix(self, stmt: _Stmt) -> None:
        """Read limit and approximation words before the statement."""
        text = self.text
        lo = max(0, stmt.start - lex.PREFIX_WINDOW)
        pos = stmt.start
        for _ in range(3):
            if stmt.hedge_start is None and (m := lex.HEDGE_BEFORE.search(text, lo, pos)):
                stmt.hedge_start = pos = m.start()
                continue
            if stmt.limit is None and (m := lex.LIMIT_MAX_BEFORE.search(text, lo, pos)):
                stmt.limit, stmt.limit_start = "max", m.start()
                pos = m.start()
                continue
            if stmt.limit is None and (m := lex.LIMIT_MIN_BEFORE.search(text, lo, pos)):
                stmt.limit, stmt.limit_start = "min", m.start()
                pos = m.start()
                continue
            break
        if stmt.limit is None and (m := lex.COMPARATIVE_BEFORE.search(text, lo, pos)):
            upper = m.group("w").lower() in lex.COMPARATIVE_MAX
            lead = text[max(0, m.start() - 40) : m.start()]
            if lex.NEGATION_BEFORE.search(lead[max(lead.rfind(";"), lead.rfind(","), lead.rfind(".")) + 1 :]):
                upper = not upper
            stmt.limit, stmt.limit_start = ("max" if upper else "min"), m.start()
        if stmt.limit is None and (m := lex.DISTANT_LIMIT_BEFORE.search(text, lo, pos)):
            stmt.limit = "max" if m.group("w").lower().startswith("max") else "min"
            stmt.limit_start = m.start("w")

    def standalone_tolerance(self, start: int) -> _Stmt | None:
        """"±1 cm", "+0.2/-0.1 mm" with no nominal before them: value 0 with that tolerance."""
        text = self.text
        lo = max(0, start - 16)
        m = lex.PM_BEFORE.search(text, lo, start)
        begin = m.start() if m else start
        if m is None and not (start and text[start - 1] == "+"):
            return None
        if m is None:
            begin = start - 1
        tol = self.tolerance(begin)
        if tol is None:
            return None
        if tol.relative:
            unit = _Unit(lookup("%"), tol.end)  # type: ignore[arg-type]
        elif tol.unit is not None:
            unit = _Unit(tol.unit, tol.end)
        else:
            return None
        elem = _Elem(begin, tol.end, 0.0, None, unit, tol)
        return _Stmt(begin, tol.end, [elem], unit)

    # -- driver -------------------------------------------------------------------------
    def run(self) -> list[Quantity]:
        out: list[Quantity] = []
        consumed = 0
        text = self.text
        for num in find_numbers(text, self.dc):
            if num.start < consumed:
                continue
            try:
                stmt = self.standalone_tolerance(num.start)
                if stmt is None:
                    start = num.start
                    if start and text[start - 1] in "-−–+" and (start < 2 or not text[start - 2].isalnum()):
                        start -= 1
                    between = bool(lex.BETWEEN_BEFORE.search(text, max(0, start - 12), start))
                    stmt = self.statement(start, between=between)
                if stmt is None or self.masked(stmt.start, stmt.end):
                    continue
                self.prefix(stmt)
            except (ValueError, OverflowError, ArithmeticError):
                continue
            consumed = stmt.end
            out.extend(_build(text, stmt))
        return out


def _merged_spans(text: str) -> tuple[list[int], list[int]]:
    """Designation spans, merged and sorted, as parallel start and end lists."""
    folded = text.casefold()
    spans = sorted(
        (m.start(), m.end())
        for d in lex.DESIGNATIONS
        if d.applies(text, folded)
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


def _clean(x: float) -> float:
    """Drop binary noise from scaled or converted values (1.2000000000000002 -> 1.2)."""
    return float(f"{x:.12g}")


def _tolerance(tol: _Tol | None, unit: _Unit) -> Tolerance | None:
    if tol is None:
        return None
    if tol.relative:
        return Tolerance(tol.plus, tol.minus, True)
    if tol.unit is None:
        return Tolerance(_clean(tol.plus * unit.scale), _clean(tol.minus * unit.scale), False)
    plus, minus = tol.plus * tol.scale, tol.minus * tol.scale
    if tol.unit.unit != unit.info.unit:
        plus_c = convert_delta(plus, tol.unit.unit, unit.info.unit)
        minus_c = convert_delta(minus, tol.unit.unit, unit.info.unit)
        if plus_c is None or minus_c is None:
            return None
        return Tolerance(_clean(plus_c), _clean(minus_c), False)
    return Tolerance(_clean(plus), _clean(minus), False)


def _build(text: str, stmt: _Stmt, dual_of: bool = False) -> list[Quantity]:
    duals: list[Quantity] = []
    if stmt.dual is not None:
        duals = _build(text, stmt.dual, dual_of=True)
    out = []
    last = len(stmt.elems) - 1
    for i, e in enumerate(stmt.elems):
        unit = e.unit or stmt.unit
        end = stmt.end if i == last else e.end
        dual = None
        if duals:
            dual = duals[i] if len(duals) == len(stmt.elems) else (duals[-1] if i == last else None)
        out.append(
            Quantity(
                start=e.start,
                end=end,
                text=text[e.start : end],
                value=_clean(e.value * unit.scale),
                high=None if e.high is None else _clean(e.high * unit.scale),
                unit=unit.info.unit,
                tolerance=_tolerance(e.tol or stmt.tol, unit),
                limit=stmt.limit,
                approximate=stmt.hedge_start is not None,
                dual=dual,
                is_count=unit.info.is_count,
                hedge_start=stmt.hedge_start,
                limit_start=stmt.limit_start if stmt.limit else None,
            )
        )
    return out


@lru_cache(maxsize=2048)
def _cached(text: str) -> tuple[Quantity, ...]:
    return tuple(_Parser(text).run())


def extract_quantities(text: str) -> tuple[Quantity, ...]:
    """Every quantity in ``text``, in order. Offsets index ``text``; never raises on text."""
    if not isinstance(text, str) or not text:
        return ()
    if len(text) <= _CACHE_LIMIT:
        return _cached(text)
    return tuple(_Parser(text).run())


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
