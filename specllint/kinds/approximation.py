"""``approximation``: a value hedged by "about", "approx.", "~" or followed by "or so".

Approximate quantities come from the quantity grammar (``clause.quantities``: the
``approximate`` flag and ``hedge_start``); hedged numbers the grammar does not read as a
quantity ("SPF around 30", "about 24 teeth") and trailing hedges ("2~3 weeks or so") are
found with a pattern built from the rule's hedge words. ``exempt_before_patterns``
(regular expressions matched against the text before the hedge) drop a hit, e.g. "around"
used for a place ("an ellipse around 3000 K"). ``units`` splits the findings between
rules: durations ("about 24 hours", "approx. 3 years") are vague times, every other value
an approximation.

Each hit suggests the clause's own value with a tolerance ("approximately 500 g" becomes
"500 g ± ⟨10⟩ g") and offers that as an unsafe fix: the ⟨…⟩ tolerance is the buyer's to set.
When a tolerance is already written ("around ±4 %"), the fix drops the hedge.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from functools import lru_cache

import attrs
import regex

from .. import userpatterns
from ..buildcache import compile_pattern
from ..evidence import NUM, facts_for
from ..quantities import extract_quantities
from ..suggest import fill
from ..vocabulary import function_words
from .base import ClauseContext, Hit, Kind
from .language import language_support

_DIGIT = compile_pattern(r"\d")
TIME_UNITS_PINT = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
_VALUE = compile_pattern(rf"^(?P<value>[±]?\s*{NUM}(?:\s*(?:[-–~～]|to)\s*{NUM})?)\s*(?P<unit>.*?)\s*$", regex.S)
_WORD = r"(?:%|‰|°\s?[CF]\b|(?:(?:working|business|calendar|clear)\s+)?[A-Za-zµμΩ][\w°/²³·]*(?:/[A-Za-z]+)?)"
_NOT_UNIT = frozenset({"wide", "long", "high", "thick", "deep", "tall", "each", "only", "more", "less", "over",
                       "under", "max", "min", "maximum", "minimum", "times", "x", "×", "total", "approx"})


@attrs.frozen
class _Approx:
    start: int
    end: int
    value: str
    unit: str
    tolerance: str | None
    time: bool
    count: bool


def nice_step(x: float) -> float:
    """The 1-2-5 step nearest to ``x`` (the default tolerance to suggest)."""
    if x <= 0 or not math.isfinite(x):
        return 1.0
    exp = math.floor(math.log10(x))
    base = x / 10**exp
    step = min((1, 2, 5, 10), key=lambda s: abs(s - base))
    return step * 10**exp


def _number(text: str) -> float | None:
    t = text.replace(" ", "").lstrip("±")
    t = regex.split(r"[-–~～]|to", t)[0]
    if regex.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):
        t = t.replace(",", "")
    t = t.replace(",", ".")
    try:
        value = float(t)
    except ValueError:
        return None
    return value if math.isfinite(value) else None  # 400 nines: no tolerance to compute


@lru_cache(maxsize=512)
def _measured_unit(unit: str) -> bool:
    """True for a physical unit ("g", "mm"); False for counted things ("pcs", "teeth")."""
    found = extract_quantities(f"1 {unit}")
    return bool(found) and found[0].unit is not None and not found[0].is_count


def _fmt(x: float) -> str:
    return f"{x:.6f}".rstrip("0").rstrip(".")


class ApproximationKind(Kind):
    """Hedged values with a tolerance suggestion built from the clause's own number."""

    name = "approximation"
    option_types = {
        "hedges": list,
        "trailing_hedges": list,
        "units": str,
        "time_words": list,
        "tolerance_percent": (int, float),
        "fix": bool,
        "suggest_by_topic": dict,
        "exempt_before_patterns": list,
    }
    option_defaults = {
        "hedges": ["about", "approx.", "approx", "approximately", "around", "circa", "ca.", "roughly", "nearly",
                   "~", "≈", "app.", "appr.", "apprx.", "abt.", "abt", "est.", "estimated", "more or less", "close to",
                   "in the region of", "something like"],
        "trailing_hedges": ["or so", "or thereabouts", "more or less", "give or take"],
        "units": "any",
        "time_words": ["s", "sec", "second", "min", "minute", "h", "hr", "hour", "day", "week", "wk", "month",
                       "year", "yr", "working day", "business day"],
        "tolerance_percent": 2,
        "fix": True,
        "suggest_by_topic": {},
        "exempt_before_patterns": [],
    }

    def __init__(self, rule, env) -> None:
        super().__init__(rule, env)
        if self.options["units"] not in ("any", "time", "non-time"):
            raise ValueError(f"{rule.code}: option 'units' must be any, time or non-time")
        words = sorted(self.options["hedges"], key=len, reverse=True)
        # "230 V ~ 50 Hz": a tilde right after a voltage is the alternating-current mark
        # (IEC 60417-5032), not a hedge.
        alts = "|".join(regex.escape(w) + (r"\b" if w[-1].isalnum() else "") for w in words)
        self.before = userpatterns.compile_pattern(
            rf"(?<![\w])(?<!\d\s*)(?!(?<=\d\s*V\s*)[~～])(?P<hedge>{alts})\s*(?P<value>[±]?\s*{NUM}(?:\s*(?:[-–~～]|to)\s*{NUM})?)(?:\s*(?P<unit>{_WORD}))?"
        )
        trailing = "|".join(regex.escape(w) for w in sorted(self.options["trailing_hedges"], key=len, reverse=True))
        self.after = userpatterns.compile_pattern(
            rf"(?<![\w.])(?P<value>{NUM}(?:\s*(?:[-–~～]|to)\s*{NUM})?)(?:\s*(?P<unit>{_WORD}))?\s+(?:{trailing})\b"
        ) if trailing else None
        #: a cheap first test: a clause without any hedge word (as a substring) has no hit
        self.hedge_words = tuple({w.lower() for w in (*self.options["hedges"], *self.options["trailing_hedges"])})
        self.time_words: set[str] = set()
        for w in self.options["time_words"]:
            self.time_words |= {w, w + "s"}
        self.function = function_words()
        self.support = language_support(env.nlp)
        self.exempt_before = [userpatterns.compile_pattern(p + r"\s*$") for p in self.options["exempt_before_patterns"]]
        #: the built-in pack's patterns are matched directly, others with a time limit
        self._run = userpatterns.matching_for(rule.source)

    # -- finding --------------------------------------------------------------------------
    def _is_time(self, unit: str) -> bool:
        words = unit.lower().rstrip(".").split()
        return bool(words) and words[-1] in self.time_words

    def _from_quantities(self, clause: ClauseContext, blocked: list[tuple[int, int]]) -> Iterator[_Approx]:
        """Approximate quantities of the clause. One that is bounded anyway (a nominal value
        with its own tolerance, or a value whose unit has a tolerance or limit elsewhere in the
        clause: "approx. 500 g; tolerance ± 10 g") is skipped and its span added to ``blocked``."""
        text = clause.text
        quantities = clause.quantities
        bounded = {q.unit for q in quantities if q.unit and not q.approximate and (q.tolerance or q.limit)}
        for q in quantities:
            if not q.approximate:
                continue
            start = q.hedge_start if q.hedge_start is not None else q.start
            if (q.tolerance is not None and q.value != 0) or (q.unit is not None and q.unit in bounded):
                blocked.append((start, q.end))
                continue
            m = _VALUE.match(q.text)
            value, unit = (m.group("value"), m.group("unit")) if m else (q.text, "")
            tol = None
            if q.tolerance is not None:
                tol = text[q.start : q.end]
                value = ""
            time = (q.unit or "") in TIME_UNITS_PINT or self._is_time(unit)
            yield _Approx(start, q.end, value.strip(), unit, tol, time, q.is_count)

    def _from_patterns(self, text: str) -> Iterator[tuple[_Approx, bool]]:
        """Hedged numbers found by pattern, each with whether the hedge trails the value."""
        for m in self._run.finditer(self.before, text):
            unit, end = self._unit(m)
            value = m.group("value")
            tol = value if value.lstrip().startswith("±") else None
            yield _Approx(m.start(), end, value.strip(), unit, tol, self._is_time(unit), False), False
        if self.after is not None:
            for m in self._run.finditer(self.after, text):
                unit, _ = self._unit(m)
                yield _Approx(m.start(), m.end(), m.group("value"), unit, None, self._is_time(unit), False), True

    def _unit(self, m: regex.Match) -> tuple[str, int]:
        unit = m.group("unit") or ""
        if unit and (unit.lower() in self.function or unit.lower() in _NOT_UNIT):
            return "", m.end("value")
        return unit, m.end()

    def _found(self, clause: ClauseContext) -> list[_Approx]:
        blocked: list[tuple[int, int]] = []
        found = list(self._from_quantities(clause, blocked))
        ranges = [(q.start, q.end) for q in clause.quantities if q.high is not None and not q.approximate]
        for a, trailing in self._from_patterns(clause.text):
            taken = [(b.start, b.end) for b in found] + blocked + ([] if trailing else ranges)
            if not any(a.start < e and s < a.end for s, e in taken):
                found.append(a)
        want = self.options["units"]
        return sorted(
            (a for a in found if want == "any" or (want == "time") == a.time),
            key=lambda a: a.start,
        )

    # -- reporting ------------------------------------------------------------------------
    def check(self, clause: ClauseContext) -> Iterable[Hit]:
        lower = clause.lower
        # substring tests: much faster than one alternation of the words in ``regex``
        if _DIGIT.search(lower) is None or not any(w in lower for w in self.hedge_words):
            return ()
        found = self._found(clause)
        if not found:
            return ()
        return self._hits(clause, found)

    def _hits(self, clause: ClauseContext, found: list[_Approx]) -> Iterator[Hit]:
        facts = facts_for(clause)
        by_topic = self.options["suggest_by_topic"]
        for a in found:
            topics = self.support.topics(clause, facts, a.start)
            topic = next((t for t in topics if t in by_topic), topics[0])
            templates = tuple(by_topic.get(topic, ())) + self.rule.suggestions
            seg_start = facts.segment_of(a.start)[0]
            before = clause.text[seg_start : a.start]
            if any(self._run.search(p, before) for p in self.exempt_before):
                continue
            values = self._values(a)
            values["match"] = clause.text[a.start : a.end]
            values["topic"] = topic
            ranged = values["first"] != values["last"] and not a.time
            if a.tolerance is not None or ranged:
                # the bounds are written ("around ±4 %", "about 5–6 kg"): drop the hedge
                stated = (
                    a.tolerance.strip()
                    if a.tolerance is not None
                    else f"{values['first']}–{values['last']}{values['u']}"
                )
                suggestions = (stated,)
                replacement = stated
            else:
                suggestions = tuple(dict.fromkeys(fill(t, values) for t in templates))
                replacement = fill(self.rule.suggestions[0], values) if self.rule.suggestions else None
            yield Hit(
                a.start,
                a.end,
                suggestions=suggestions[:3],
                replacement=replacement if self.options["fix"] else None,
                fix_safe=False,
                data=values,
            )

    def _values(self, a: _Approx) -> dict[str, str]:
        number = _number(a.value) if a.value else None
        tol = ""
        if number is not None:
            step = nice_step(abs(number) * float(self.options["tolerance_percent"]) / 100)
            whole = regex.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", a.value.strip())
            if whole and (a.count or not a.unit or a.unit == "%" or not _measured_unit(a.unit)):
                step = max(step, 1.0)
            tol = _fmt(step)
        unit = a.unit
        spaced = f" {unit}" if unit else ""
        ends = [p.strip() for p in regex.split(r"\s*(?:[-–~～]|\bto\b)\s*", a.value.strip().lstrip("±")) if p.strip()]
        first, last = (ends[0], ends[-1]) if ends else (a.value, a.value)
        return {"value": a.value, "first": first, "last": last, "unit": unit, "u": spaced, "tol": tol or "N",
                "low": _fmt(number - float(tol)) if number is not None and tol else "min",
                "high": _fmt(number + float(tol)) if number is not None and tol else "max"}
