"""Unit kinds: ``number-requires-unit`` (SPL202) and ``dual-unit-consistency`` (SPL203)."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from .. import quantity_keys as keys
from .. import quantity_lexicon as lex
from .. import userpatterns
from ..buildcache import compile_pattern
from ..model import Quantity
from ..numbers import Number, number_at
from ..quantities import chains
from ..quantity_trie import trie_pattern
from ..units import convert, convert_delta, resolve
from . import quantity_support as qs
from .base import ClauseContext, Hit, Kind

#: A short phrase that narrows the property: "elongation at break ≥ 300", "shrinkage after wash max 3"
#: (lower-case words only: "force per EN 15470" names a standard; a one-letter symbol with "=" owns the value:
#: "difference at α = 0.05").
_NARROWING = (
    r"(?:[^\S\n]+(?i:at|after|of|in|under|on|per|between|across|along|to|against|with)[^\S\n]+(?!\p{L}[^\S\n]*[:=])(?-i:\p{Ll})[\p{L}-]*(?:[^\S\n]+(?-i:\p{Ll})[\p{L}-]*){0,2}"
    r"(?=[^\S\n]*[:=≤≥<>~≈]|[^\S\n]+(?i:max|min|not|up|at|less|more)|[^\S\n]+\d)"
    # the condition of a measurement, with its unit: "noise at 1 m 35 max", "elongation after 24 h 300"
    r"|[^\S\n]+(?i:at|after|under|from|within)[^\S\n]+\d+(?:[.,]\d+)?[^\S\n]?(?!(?i:to|and|or|by|x|of|in|at|on)\b)[\p{L}°%µ]{1,3}(?![\p{L}\d])(?=[^\S\n]+\d)"
    # a value given from one end of its range: "height adjustable from 62 to 127"
    r"|[^\S\n]+(?i:from|between)(?=[^\S\n]+\d))?"
)
#: What joins a label to its value: ":", "=", a table cell ("Thickness | 1,5"), "is", "of", a copula
#: ("must be 1.6", "stays 70x140") or nothing.
_COPULA = (
    r"(?:is|are|of|=|(?:must|shall|should|will|to|would|can|may)[^\S\n]+(?:not[^\S\n]+)?(?:be|stay|remain)"
    r"(?:[^\S\n]+(?:kept|held|maintained|set|fixed)[^\S\n]+(?:at|to))?"
    r"|remains?|stays?|equals?)"
)
_SEPARATOR = (
    r"(?P<paren>[^\S\n]*\([^)\n]{0,24}\))?"
    rf"(?:[^\S\n]*[:=|\t—][^\S\n]*|[^\S\n]+[–-][^\S\n]+|[^\S\n]+(?:{_COPULA}[^\S\n]+)?|(?<=[Ø⌀φΦ])[^\S\n]*)"
)
_QUALIFIER = (
    r"(?:(?:(?i:max|min|approx|ca|nom|typ)\.?|(?i:maximum|minimum|about|around|nominal|typical|approximately"
    r"|(?:(?:must|shall|should|may|will|does|do)[^\S\n]+)?not[^\S\n]+(?:over|more[^\S\n]+than|less[^\S\n]+than|exceeding|exceed|above|below|under)|up[^\S\n]+to"
    r"|at[^\S\n]+(?:least|most)|less[^\S\n]+than|more[^\S\n]+than|over|under|above|below)|[≤≥<>~≈]|<=|>=)[^\S\n]*)?"
)
#: Letters that label the axes of a dimension chain: "LxWxH", "W × D × H".
_AXES = r"(?-i:[LWHD](?:[^\S\n]*[×xX*][^\S\n]*[LWHD]){1,2})"
#: A chain whose every number carries its axis letter: "W 100 × D 58 × H 200", "L1600 x W800 x H750".
_LETTERED_CHAIN = compile_pattern(
    r"(?<![\p{L}\d])[LWHD][^\S\n]*:?[^\S\n]*\d+(?:[.,]\d+)*"
    r"(?:(?:[^\S\n]*[×xX*][^\S\n]*|[^\S\n]*[,/]?[^\S\n]+)[LWHD][^\S\n]*:?[^\S\n]*\d+(?:[.,]\d+)*){1,2}"
)
#: What may follow a number that has no unit: the end, punctuation or a function word.
_FOLLOWERS = compile_pattern(
    r"[^\S\n]*(?:\Z|[,;:)\]!?\n]|\.(?!\d)|(?i:per|at|and|or|for|with|after|before|when|measured|tested|min|max"
    r"|minimum|maximum|on|each|±|\+/-|tolerance|if|according|typical|typ|nominal|under|during|from|beyond|between"
    r"|to(?![^\S\n]*\d)|in\s+(?:the|all|each)"
    # adverbs and qualifiers of the value: "wall thickness of 2 throughout", "overhang 2 all round", "12 DC"
    r"|throughout|overall|all\s+(?:round|around|over)|total|empty|full|incl|including|excl|excluding|apart|above"
    r"|below|across|along|around|inside|outside|only|as|thru|through|(?-i:AC|DC|RMS))\b|±|\+/-"
    r"|/[^\S\n]*(?i:pcs?|piece|unit|set|pair|ctn|carton|box|bag|roll|sheet|pack)\b|\|"
    r"|/[^\S\n]+(?=\p{L}{3})(?!(?i:min|sec|hour|day|week|month|year|pcs|piece|unit|set|pair|ctn|carton|box|bag|roll|sheet|pack|metre|meter)\b)"
    # a parenthesis that is not a unit: "30,000 (L70B50)", not "2 (mm)"
    r"|\((?![^\S\n]*[\p{L}%°µ/·²³.]{1,8}[^\S\n]*\))"
    # or one that qualifies the value: "2,5 (net)", "45 (max.)"
    r"|\((?=[^\S\n]*(?i:net|gross|approx|ref|max|min|nom|nominal|typ|typical|each|total|empty|full)\.?[^\S\n]*\)))"
)
#: A number (or chain) before a dimension adjective or noun: "18 thick", "600 x 400 long", "8 in diameter",
#: "18 thickness plywood".
_BEFORE_ADJECTIVE = compile_pattern(
    r"(?<![×*][^\S\n]?)(?<!\d[^\S\n]?[xX-][^\S\n]?)(?<![\p{L}\d.,/])(?P<num>\d+(?:[.,]\d+)?"
    r"(?:[^\S\n]*(?:[×xX*]|–|-|~)[^\S\n]*\d+(?:[.,]\d+)?){0,2})[^\S\n]+"
    r"(?P<adj>(?i:thick|wide|long|high|deep|tall|in[^\S\n]+(?:diameter|length|width|height|depth)|dia\.?"
    # or a property noun: "18 thickness plywood" (not "3 height settings")
    r"|(?:thickness|width|length|height|depth|diameter)(?![\p{L}-])(?![^\S\n]+(?:settings?|positions?|options?|levels?"
    r"|steps?|adjustments?|sizes?|class(?:es)?|grades?|variants?|versions?|choices|types?|markings?|tolerances?"
    r"|measurements?|readings?|points?|checks?|ranges?|codes?))))(?![\p{L}-])"
)
_ADJECTIVE_PROPERTY = {"thick": "thickness", "wide": "width", "long": "length", "high": "height", "deep": "depth",
                       "tall": "height", "dia": "diameter", "dia.": "diameter"}
#: "stacked 4 high", "packed 4 high", "3 rows deep": counts of layers, not sizes.
_STACKING = compile_pattern(
    r"(?i)\b(?:stack\w*|pack(?:ed|ing)|pil(?:ed|ing)|load(?:ed|ing)|palleti[sz](?:ed|ing)|rows?|tiers?|layers?|pallets?)\b"
    r"[^.;,\n]{0,20}\Z"
)
#: A one-letter symbol and "=": "t=2", "L = 1200", "Ø=8".
_SYMBOL = compile_pattern(r"(?<![\p{L}\d])(?P<sym>[LWHDT]|t|[Ø⌀φΦ])[^\S\n]*=[^\S\n]*(?=\d)")
_SYMBOL_PROPERTY = {"L": "length", "W": "width", "H": "height", "D": "diameter", "T": "thickness", "t": "thickness",
                    "Ø": "diameter", "⌀": "diameter",
                    "φ": "diameter", "Φ": "diameter"}
#: Two readings of one rating ("output 12/1.5", "frequency 50/60").
_PAIR_SEP = compile_pattern(r"[^\S\n]?/[^\S\n]?(?=\d)")
#: "200 by 200": a chain written with "by".
_BY_SEP = compile_pattern(r"[^\S\n]+by[^\S\n]+(?=\d)")
_DIGIT = compile_pattern(r"\d")
_AXES_ONLY = compile_pattern(r"[lwhd](?:\s*[×x*]\s*[lwhd]){1,2}")
#: A measuring position or direction given its own value ("top 20, bottom 35", "warp −3, weft −2", "front 150"):
#: it inherits the property named elsewhere in the clause, so a bare number after it needs a unit too.
_POSITION = compile_pattern(
    r"(?<![\p{L}\d-])(?P<pos>(?i:top|bottom|front|rear|back|left|right|upper|lower|warp|weft"
    r"|lengthwise|widthwise|crosswise|limit|extreme)|MD|CD)[^\S\n]*[:=]?[^\S\n]*(?=[−-]?\d)"
)
_AXIS_AFTER = compile_pattern(r"(?<=[\d\s])[LWHD][^\S\n]*:?[^\S\n]*\d")
#: A decimal fraction or a second number: what makes the value after an object noun a size.
_DECIMAL_OR_CHAIN = compile_pattern(r"\d[.,]\d|\d[^\S\n]*(?:[×xX*✕]|by)[^\S\n]*\d")
_UNIT_CHAR_AFTER = compile_pattern(r"(?:[\p{L}%°º℃℉″′'\"’”]|[^\S\n]?[%°º℃℉])")
#: The next table cell, which may hold the unit ("Capacity | 2000 | mAh").
_NEXT_CELL = compile_pattern(r"[^\S\n]*[|\t][^\S\n]*(?P<cell>[^|\t\n]*?)[^\S\n]*[.;,]?[^\S\n]*(?:[|\t]|\n|\Z)")
#: A bare chain of two or three numbers after a label ("Carton box: 40*30*25", "Tabletop 120 x 60"): sizes
#: whose unit is missing, whatever the label is called.
_BARE_CHAIN = compile_pattern(
    r"(?<=[\p{L}][^\S\n]*[:=|]?[^\S\n]*)(?<![\p{L}\d][^\S\n]?[×xX*][^\S\n]?)(?<![\p{Lu}\d])"
    r"(?=\d+(?:[.,]\d+)?(?:[^\S\n]*[×xX*✕][^\S\n]*|[^\S\n]+by[^\S\n]+)\d)"
)
#: Labels of chains that are not sizes: screen resolutions, fabric constructions, rib and twill structures,
#: matrices, ratios, rope constructions, nominal lumber sizes and tyre sizes ("Tyre 26 × 2.1").
_NOT_SIZE_LABEL = compile_pattern(
    r"(?i)\b(?:resolution|pixels?|construction|count|rib|twill|knit|mesh|matrix|grid|array|ratio|nominal|lumber|timber"
    r"|studs?|rope|strands?|format|layout|pattern|configuration|pins?|cores?|conductors?|ports?|channels?|drivers?|pack(?:ing|ed)?|arrangement|assortment"
    r"|layers?|stack(?:ing|ed)?|qty|quantity|moq|order|tyres?|tires?)\b"
)
#: The label right before a value: the words since the last boundary ("Carton box: ", "| Tabletop ").
_LABEL_BEFORE = compile_pattern(
    r"(?:\A|[|;,(\n\t]|[.!?][^\S\n])[^\S\n]*(?P<key>[^|;,()\n\t\d]{1,60}?)[^\S\n]*[:=|]?[^\S\n]*\Z"
)
#: Small whole numbers in a chain are an arrangement of pieces ("6 x 4"), not a size.
_SMALL_COUNTS = compile_pattern(r"\d(?:[^\S\n]*[×xX*✕][^\S\n]*\d){1,2}")
#: A cell that starts with a number: the cell before it was a label ("| Lumen | 4000 lm"), not a unit.
_VALUE_CELL = compile_pattern(r"(?<=[|\t])[^\S\n]*[\d.]")
#: A label before ":", "|" or "=" that a value follows ("Height of seat from floor: 450").
_KEY_VALUE = compile_pattern(
    r"(?:(?<=\A)|(?<=[|;,(\n\t])|(?<=[.!?][^\S\n]))[^\S\n]*(?P<key>[\p{L}Øø⌀φΦ][^|;,:=()\n\t\d]{1,48}?)[^\S\n]*[:=|\t][^\S\n]*"
)

#: Every key-value label ends in one of these: clauses without any skip the label scan.
_KEY_MARK = compile_pattern(r"[:=|\t]")


class MissingUnitKind(Kind):
    """A number given for a physical property ("thickness 2", "max. torque 45") with no unit."""

    name = "number-requires-unit"
    option_types = {"properties": dict, "chain_only_properties": list, "decimal_only_properties": dict,
                    "exception_patterns": list}
    option_defaults = {"properties": {}, "chain_only_properties": [], "decimal_only_properties": {},
                       "exception_patterns": []}

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
            rf"(?<![\p{{L}}\d-])(?P<prop>{alternation}|{_AXES}|{keys.MORPH_WORD})(?![\p{{L}}-])"
            # an abbreviation's full stop before its value: "dia. 8", "thk. 1.5"
            rf"(?:\.(?=[^\S\n]*\d))?(?P<ext>{keys.EXTENSION})"
            rf"{_NARROWING}{_SEPARATOR}{_QUALIFIER}(?=[−-]?[\d.])",
            regex.IGNORECASE,
        )
        self.exceptions = qs.compile_any(self.options["exception_patterns"])
        self.words = regex.compile(rf"(?<![\p{{L}}\d-])(?P<prop>{alternation})(?![\p{{L}}-])", regex.IGNORECASE)

    def check(self, clause: ClauseContext) -> Iterable[Hit]:
        text = clause.text
        if _DIGIT.search(text) is None:  # every hit is a written number
            return
        # "L 400 W 300 H 250": a letter before the next number labels an axis, it is not a unit (watt, henry)
        taken = [(q.start, q.end) for q in clause.quantities if not _AXIS_AFTER.match(text, q.end - 1)]
        declared: bool | None = None
        for prop, start, end in self._candidates(text):
            if any(s < end and start < e for s, e in taken):
                continue
            if any(any(x.start() <= start and x.end() >= end for x in userpatterns.finditer(p, text))
                   for p in self.exceptions):
                continue
            if declared is None:
                declared = keys.declares_unit(text)
            if declared:
                return  # "Measurements in inches: body length 28, chest 22"
            unit = self.units.get(prop, self.units.get(prop.split()[0], "unit"))
            written = text[start:end]
            yield Hit(start, end, suggestions=(f"{written} ⟨{unit}⟩",), data={"property": prop, "unit": unit})

    def _candidates(self, text: str) -> Iterable[tuple[str, int, int]]:
        """(property, start, end) of every number after a property word that has no unit."""
        seen: set[int] = set()
        for m in self.pattern.finditer(text, overlapped=True):  # "bag film gauge 0.05": also from "film"
            paren = m.group("paren")
            if paren and lex.UNIT_RE.fullmatch(paren.strip()[1:-1].strip()):
                continue  # "thickness (mm): 2": the unit is in the label
            prop = " ".join(m.group("prop").lower().split())
            if prop not in self.units and prop not in self.chain_only and not _AXES_ONLY.fullmatch(prop):
                if not keys.is_measured_noun(prop):
                    continue  # "quality 2", "reference 1234", "colour fastness 4"
            elif prop in self.chain_only and m.group("ext").strip():
                continue  # "size chart 2": the extension, not the size, has the value
            axes = _AXES_ONLY.fullmatch(prop) is not None
            signed = text[m.end()] in "−-"  # "operating temperature -10 to 45"
            span = self._bare_number(text, m.end() + signed, axes or prop in self.chain_only)
            if span is not None and signed:
                span = (m.end(), span[1])
            if span is not None and prop in self.decimal_only and not _DECIMAL_OR_CHAIN.search(text, span[0], span[1]):
                continue  # "cable 2" numbers a cable; "cable 1.8" is its length
            if span is not None and span[0] not in seen:
                seen.add(span[0])
                yield ("dimensions" if axes else prop), span[0], span[1]
        for m in _KEY_VALUE.finditer(text) if _KEY_MARK.search(text) else ():
            key = " ".join(m.group("key").split())
            prop = self._key_property(key)
            if prop is None or m.end() in seen:
                continue
            q = regex.match(_QUALIFIER, text[m.end():])
            span = self._bare_number(text, m.end() + (q.end() if q else 0), False)
            if span is not None and span[0] not in seen:
                seen.add(span[0])
                yield prop, span[0], span[1]
        for m in _BARE_CHAIN.finditer(text):
            if m.start() in seen:
                continue
            label = _LABEL_BEFORE.search(text, 0, m.start())
            key = label.group("key") if label else ""
            if not key or _NOT_SIZE_LABEL.search(key) or keys.has_unitless_word(key):
                continue
            span = self._bare_number(text, m.start(), True)
            if span is not None and not _SMALL_COUNTS.fullmatch(text, span[0], span[1]):
                seen.add(span[0])
                yield "dimensions", span[0], span[1]
        for m in _SYMBOL.finditer(text):
            span = self._bare_number(text, m.end(), False)
            if span is not None and span[0] not in seen:
                seen.add(span[0])
                yield _SYMBOL_PROPERTY[m.group("sym")], span[0], span[1]
        for m in _LETTERED_CHAIN.finditer(text):
            if m.start() in seen or _UNIT_CHAR_AFTER.match(text, m.end()) or not _FOLLOWERS.match(text, m.end()):
                continue
            seen.add(m.start())
            yield "dimensions", m.start(), m.end()
        for m in _BEFORE_ADJECTIVE.finditer(text):
            if m.start() in seen or _STACKING.search(text, max(0, m.start() - 30), m.start()):
                continue
            seen.add(m.start())
            adj = " ".join(m.group("adj").lower().split())
            yield _ADJECTIVE_PROPERTY.get(adj, adj.removeprefix("in ")), m.start(), m.end("num")
        yield from self._positions(text, seen)

    def _key_property(self, key: str) -> str | None:
        """The property a label names anywhere in it ("Height of seat from floor"), or None when it
        names none, a unit ("Weight (kg)") or a grade, index or count ("Weight class")."""
        if len(key.split()) > 6 or keys.has_unitless_word(key) or (lex.UNIT_RE.search(key.split()[-1]) and \
                lex.UNIT_RE.fullmatch(key.split()[-1])):
            return None
        for w in self.words.finditer(key):
            prop = " ".join(w.group("prop").lower().split())
            if prop not in self.chain_only:
                return prop
        return next((w.lower() for w in regex.findall(r"[\p{L}-]+", key) if keys.is_measured_noun(w)), None)

    def _positions(self, text: str, seen: set[int]) -> Iterable[tuple[str, int, int]]:
        """Bare numbers after a position word, when the clause names a measured property."""
        props: list[regex.Match] | None = None
        for m in _POSITION.finditer(text):
            signed = text[m.end()] in "−-"  # a signed change: "warp −3"
            span = self._bare_number(text, m.end() + signed, False)
            if span is None or span[0] in seen:
                continue
            span = (m.end(), span[1]) if signed else span
            if props is None:
                props = [p for p in self.words.finditer(text) if p.group("prop").lower() not in self.chain_only]
            if not props:
                return
            seen.add(span[0])
            before = [p for p in props if p.start() < m.start()]
            prop = (before[-1] if before else props[0]).group("prop")
            yield " ".join(prop.lower().split()), span[0], span[1]

    @staticmethod
    def _bare_number(text: str, pos: int, chain_only: bool) -> tuple[int, int] | None:
        first = number_at(text, pos)
        if first is None or first.is_word:
            return None
        end, parts, slashed = first.end, 1, 1
        while parts < 4:
            chained = lex.CHAIN_SEP_RE.match(text, end) or _BY_SEP.match(text, end)
            sep = lex.RANGE_SEP_RE.match(text, end) or chained or _PAIR_SEP.match(text, end)
            pm = None if sep else lex.PLUS_MINUS_RE.match(text, end)
            nxt = number_at(text, (sep or pm).end()) if (sep or pm) else None
            if nxt is None or nxt.is_word:
                break
            if sep is not None and sep is chained:
                parts += 1
            elif sep is not None and sep.group().strip() == "/":
                slashed += 1
            end = nxt.end
        if chain_only and parts < 2 and slashed < 3:  # "Dimensions: 40/30/20", not "size 8/10"
            return None
        if _UNIT_CHAR_AFTER.match(text, end) or not _FOLLOWERS.match(text, end):
            return None
        cell = _NEXT_CELL.match(text, end)
        if cell and lex.UNIT_RE.fullmatch(cell.group("cell").strip("() ")) and not _VALUE_CELL.match(text, cell.end()):
            return None  # "Capacity | 2000 | mAh": the unit has its own column
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
