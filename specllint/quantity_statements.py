"""Statement level of the quantity grammar: chains, lists, dual readings, limits and hedges.

:class:`StatementParser` walks a text number by number and turns each statement it can read
("max. 600 × 400 × 350 mm ± 2 mm") into :class:`~specllint.model.Quantity` objects.
"""

from __future__ import annotations

from . import quantity_lexicon as lex
from .buildcache import compile_pattern
from .model import Quantity, Tolerance
from .numbers import Number, find_numbers, number_at
from .quantity_tokens import Element, ParsedTolerance, ParsedUnit, Statement, TokenParser
from .units import compatible, convert_delta, lookup, reading_for


class StatementParser(TokenParser):
    """One pass over one text: :meth:`run` returns its quantities."""

    def _series(self, first: Element) -> tuple[list[Element], str]:
        """Elements joined to ``first`` by × (a chain) or by "/", "or", commas (a list)."""
        elems, p, how = [first], first.end, ""
        seps = (("chain", lex.CHAIN_SEP_RE), ("list", lex.SLASH_SEP_RE), ("list", lex.WORD_LIST_SEP_RE),
                ("comma", lex.COMMA_LIST_SEP_RE))
        while (len(elems) < 8 and elems[-1].unit is None) or (len(elems) < 4 and how == "chain"):
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

    def statement(self, pos: int, allow_dual: bool = True, between: bool = False) -> Statement | None:
        first = self.element(pos, signed=True, between=between)
        if first is None:
            return None
        elems, how = self._series(first)
        p = elems[-1].end
        unit = elems[-1].unit
        if unit is None:
            if len(elems) > 1:  # no later number of this series can find a unit either
                self.dead_end = max(self.dead_end, elems[-1].end)
            return None
        if any(e.unit is not None and not compatible(e.unit.info.unit, unit.info.unit) for e in elems):
            elems = elems[-1:]
        if (how == "comma" and len(elems) < 3) or (how == "chain" and unit.info.kind != "length"):
            elems = elems[-1:]  # "2 × 5 W" is a multiplier; "500, 20 kg" is not a list
        stmt = Statement(elems[0].start, p, elems, unit)
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

    def _paren_tolerance(self, p: int) -> tuple[ParsedTolerance | None, int]:
        m = lex.OPEN_PAREN_RE.match(self.text, p)
        if m is None:
            return None, p
        tol = self.tolerance(m.end())
        close = lex.CLOSE_PAREN_RE.match(self.text, tol.end) if tol else None
        if tol is None or close is None:
            return None, p
        tol.end = close.end()
        return tol, close.end()

    def _dual(self, stmt: Statement, p: int) -> int:
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
            stmt.unit = ParsedUnit(main, stmt.unit.end, stmt.unit.scale)
            for e in stmt.elems:
                if e.unit is not None:
                    e.unit = ParsedUnit(reading_for(e.unit.info, inner.unit.info.kind), e.unit.end, e.unit.scale)
        if info.unit == stmt.unit.info.unit:
            return p
        inner.unit = ParsedUnit(info, inner.unit.end, inner.unit.scale)
        for e in inner.elems:
            if e.unit is not None:
                e.unit = ParsedUnit(reading_for(e.unit.info, stmt.unit.info.kind), e.unit.end, e.unit.scale)
        inner.limit = None
        stmt.dual = inner
        return close.end()

    def prefix(self, stmt: Statement) -> None:
        """Read limit and approximation words before the statement."""
        text = self.text
        lo = max(0, stmt.start - lex.PREFIX_WINDOW)
        pos = stmt.start
        for _ in range(3):
            if stmt.hedge_start is None and (m := lex.HEDGE_BEFORE.search(text, lo, pos)):
                stmt.hedge_start = pos = m.start()
                continue
            if stmt.limit is None:
                upper = lex.LIMIT_MAX_BEFORE.search(text, lo, pos)
                lower = lex.LIMIT_MIN_BEFORE.search(text, lo, pos)
                if upper or lower:  # the longer phrase wins: "not less than" over "less than"
                    if upper and (lower is None or upper.start() < lower.start()):
                        stmt.limit, pos = "max", upper.start()
                    else:
                        stmt.limit, pos = "min", lower.start()  # type: ignore[union-attr]
                    stmt.limit_start = pos
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

    def standalone_tolerance(self, start: int) -> Statement | None:
        """"±1 cm", "+0.2/-0.1 mm" with no nominal before them: value 0 with that tolerance."""
        text = self.text
        lo = max(0, start - 16)
        if "±" not in text[lo:start] and "+" not in text[lo:start] and "minus" not in text[lo:start]:
            return None
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
            unit = ParsedUnit(lookup("%"), tol.end)  # type: ignore[arg-type]
        elif tol.unit is not None:
            unit = ParsedUnit(tol.unit, tol.end)
        else:
            return None
        elem = Element(begin, tol.end, 0.0, None, unit, tol)
        return Statement(begin, tol.end, [elem], unit)

    # -- driver -------------------------------------------------------------------------
    def run(self) -> list[Quantity]:
        out: list[Quantity] = []
        consumed = 0
        text = self.text
        numbers = _with_numbers_after_codes(text, find_numbers(text, self.dc), self.dc)
        self.known = {n.start: n for n in numbers}
        for num in numbers:
            if num.start < consumed or num.start < self.dead_end:
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


#: A space after a code's digits ("board GC2 350 g/m²"): the number after it is not a thousands group.
_AFTER_CODE = compile_pattern(r"(?<=\p{L}\d{1,3})[^\S\n](?=\d)")


def _with_numbers_after_codes(text: str, numbers: list[Number], dc: bool) -> list[Number]:
    """``numbers`` plus the numbers that follow a code glued to its digits ("GC2 350"), which a
    thousands reading ("2 350") would otherwise swallow."""
    extra = []
    for m in _AFTER_CODE.finditer(text):
        n = number_at(text, m.end(), dc)
        if n is not None and not any(o.start <= n.start < o.end for o in numbers):
            extra.append(n)
    return sorted([*numbers, *extra], key=lambda n: n.start) if extra else numbers


def _clean(x: float) -> float:
    """Drop binary noise from scaled or converted values (1.2000000000000002 -> 1.2)."""
    return float(f"{x:.12g}")


def _tolerance(tol: ParsedTolerance | None, unit: ParsedUnit) -> Tolerance | None:
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


def _build(text: str, stmt: Statement, dual_of: bool = False) -> list[Quantity]:
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
