"""The words and marks of the quantity grammar, compiled once.

:mod:`specllint.quantities` walks the text with these patterns: units (built from the
alias table), range separators, tolerance marks, limit and approximation words, and the
designations that look like quantities but are not (``M10 × 50``, ``28/410``, ``40' HQ``).
"""

from __future__ import annotations

import attrs
import regex

from .units import spellings

_H = r"[^\S\n]"  # horizontal white space


def _spelling_pattern(spelling: str) -> str:
    out = []
    for ch in spelling.rstrip("."):
        if ch == " ":
            out.append(_H + "?")
        elif ch == ".":
            out.append(r"\.?")
        else:
            out.append(regex.escape(ch))
    return "".join(out)


def _unit_alternation() -> str:
    from .unit_aliases import SYMBOLS

    symbol_set = {s for group in SYMBOLS.values() for s in group}
    parts = []
    for s in sorted(set(spellings()), key=lambda s: (-len(s), s)):
        pat = _spelling_pattern(s)
        parts.append(pat if s in symbol_set else f"(?i:{pat})")
    return "|".join(parts)


_UNIT_ALT = _unit_alternation()
_EXP = r"(?:\^?[23](?![\d.,]?\d)|[²³])"
_END = r"(?:(?<=[^\p{L}\p{N}_])|(?![\p{L}\p{N}_]))"

#: A unit with an optional exponent, then up to two divisors ("g/m²/24 h", "N/25 mm").
UNIT_RE = regex.compile(
    rf"(?P<u>{_UNIT_ALT})(?P<e>{_EXP})?{_END}"
    rf"(?:{_H}?/{_H}?(?:(?P<n1>\d+(?:[.,]\d+)?){_H}?)?(?P<u1>{_UNIT_ALT})(?P<e1>{_EXP})?{_END})?"
    rf"(?:{_H}?/{_H}?(?:(?P<n2>\d+(?:[.,]\d+)?){_H}?)?(?P<u2>{_UNIT_ALT})(?P<e2>{_EXP})?{_END})?"
)
#: Space allowed between a number and its unit.
GAP_RE = regex.compile(rf"{_H}{{0,3}}")

#: Marks written straight after a number for inches and feet; they must touch the digits.
MARKS = frozenset(("″", '"', "''", "”", "′", "'", "’"))
#: Words after "in" that show it is the inch ("12 in long", "2 in x 3 in").
INCH_FOLLOWERS = frozenset(
    "long wide high thick deep tall dia diameter od id length width height depth x by thickness".split()
)
_NEXT_WORD = regex.compile(rf"{_H}*([\p{{L}}]+|[×*])")

RANGE_SEP_RE = regex.compile(rf"{_H}*(?:–|—|-|~|～|〜|‐|(?i:to|until)(?=[\s\d+−-])|\.\.\.?|…){_H}*")
BETWEEN_AND_RE = regex.compile(rf"{_H}+(?i:and){_H}+")
CHAIN_SEP_RE = regex.compile(rf"{_H}*(?:[×✕✖*]|(?<=[\d\p{{L}}\"″'′.]|{_H})[xX](?=[\d\s.])){_H}*")
#: Alternatives and lists of numbers sharing one unit: "50/60 Hz", "8, 10, 13 mm", "10 or 12 mm".
SLASH_SEP_RE = regex.compile(rf"{_H}*/{_H}*(?=[\d.])")
WORD_LIST_SEP_RE = regex.compile(rf",?{_H}+(?i:or|and){_H}+(?=[\d.])")
COMMA_LIST_SEP_RE = regex.compile(rf",{_H}+(?=[\d.])")
#: A dimension word between a unit and its tolerance: "2.5 cm thick ± 0.5 mm".
DIMENSION_WORD_RE = regex.compile(rf"{_H}+(?i:thick|wide|long|high|deep|tall|dia\.?|diameter|in\s+diameter)\b")
SIGN_RE = regex.compile(r"[-−–+](?=[\d.])")

_PM = rf"(?:±|\+{_H}?/{_H}?[-−–]|\+[-−]|(?i:plus{_H}+or{_H}+minus))"
#: "± 0.5" (symmetric tolerance), the number follows.
PLUS_MINUS_RE = regex.compile(rf"{_H}*,?{_H}*(?:(?i:tol(?:erance)?\.?){_H}*:?{_H}*)?{_PM}{_H}*")
#: "+0.2/-0.1", "+0.2 -0.1", "-0.1/+0.2" (asymmetric tolerance); groups are the numbers.
_TOL_NUM = r"\d+(?:[.,]\d+)?|[.,]\d+"
ASYM_RE = regex.compile(
    rf"{_H}*,?{_H}*(?:"
    rf"\+{_H}?(?P<p>{_TOL_NUM}){_H}?(?P<pu>{_UNIT_ALT})?{_H}?(?:/?{_H}?[-−–]|/){_H}?(?P<m>{_TOL_NUM})"
    rf"|[-−–]{_H}?(?P<m2>{_TOL_NUM}){_H}?(?P<mu>{_UNIT_ALT})?{_H}?/?{_H}?\+{_H}?(?P<p2>{_TOL_NUM})"
    rf")(?![\d.,]?\d)"
)
OPEN_PAREN_RE = regex.compile(rf"{_H}*[(\[]{_H}*")
CLOSE_PAREN_RE = regex.compile(rf"{_H}*[)\]]")
PERCENT_RE = regex.compile(rf"{_H}?(?:%|％|(?i:percent|pct))")

#: Limit words after the statement ("18 kg max.", "10 g (0.5 oz) min."), not followed by a number.
POSTFIX_LIMIT_RE = regex.compile(
    rf"{_H}*(?P<w>(?i:max(?:imum)?|min(?:imum)?|or{_H}+less|or{_H}+more|or{_H}+above|or{_H}+below"
    rf"|and{_H}+above|and{_H}+below|or{_H}+lower|or{_H}+higher|at{_H}+most))\b\.?(?!{_H}*[\d.]\d)"
)
POSTFIX_MIN = ("min", "minimum", "or more", "or above", "and above", "or higher")

#: Prefixes read backwards from a number. Each is anchored at the number.
_LIMIT_MAX = (
    r"≤|<=|=<|<|≦|⩽|(?i:max\.?|maximum|at{_H}+most|not{_H}+more{_H}+than|no{_H}+more{_H}+than|up{_H}+to"
    r"|not{_H}+exceeding|not{_H}+to{_H}+exceed|less{_H}+than|fewer{_H}+than|no{_H}+greater{_H}+than"
    r"|not{_H}+greater{_H}+than|not{_H}+above|within)"
)
_LIMIT_MIN = (
    r"≥|>=|=>|>|≧|⩾|(?i:min\.?|minimum|at{_H}+least|not{_H}+less{_H}+than|no{_H}+less{_H}+than"
    r"|more{_H}+than|greater{_H}+than|not{_H}+below|no{_H}+lower{_H}+than|not{_H}+lower{_H}+than)"
)
_HEDGE = r"(?i:approx\.?|approximately|appr\.?|about|around|circa|ca\.|roughly|nearly|some)|(?<!V[^\S\n]?)~|≈|∼|≃"
_SEP = rf"{_H}*(?:[:=]{_H}*)?"
LIMIT_MAX_BEFORE = regex.compile(rf"(?:(?<![\p{{L}}])(?<!\d{_H}?)(?:{_LIMIT_MAX.format(_H=_H)})){_SEP}\Z")
LIMIT_MIN_BEFORE = regex.compile(rf"(?:(?<![\p{{L}}])(?<!\d{_H}?)(?:{_LIMIT_MIN.format(_H=_H)})){_SEP}\Z")
HEDGE_BEFORE = regex.compile(rf"(?:(?<![\p{{L}}])(?:{_HEDGE})){_SEP}\Z")
#: "max. rider weight 25 kg": min/max followed by up to three words, then the number.
DISTANT_LIMIT_BEFORE = regex.compile(
    rf"(?<![\p{{L}}])(?<!\d{_H}?)(?P<w>(?i:max\.?|maximum|min\.?|minimum)){_H}+(?:[\p{{L}}][\p{{L}}'’-]*\.?{_H}+){{1,3}}"
    rf"(?:[:=]{_H}*)?\Z"
)
#: "longer than 5 mm" (a minimum), "shorter than 5 mm" (a maximum); a negation before flips it.
COMPARATIVE_BEFORE = regex.compile(
    rf"(?<![\p{{L}}])(?P<w>(?i:longer|larger|wider|thicker|heavier|higher|bigger|taller|deeper|stronger|older"
    rf"|shorter|smaller|narrower|thinner|lighter|lower|shallower|weaker|newer|younger)){_H}+(?i:than){_H}*\Z"
)
COMPARATIVE_MAX = frozenset("shorter smaller narrower thinner lighter lower shallower weaker newer younger".split())
NEGATION_BEFORE = regex.compile(r"(?i)\b(?:no|not|never|none|nothing)\b")
BETWEEN_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?i:between|from){_H}+\Z")
PM_BEFORE = regex.compile(rf"{_PM}{_H}*\Z")
#: Lookbehind window for prefixes, in characters.
PREFIX_WINDOW = 48

#: "min" after a bare number reads as "minimum" after these property words.
MIN_AS_MINIMUM_CONTEXT = regex.compile(
    r"(?i)\b(?:hardness|grade|rating|strength|force|thickness|weight|width|length|height|diameter|content"
    r"|level|index|class|density|size|count|fastness|resistance|value|torque|pressure|capacity)\b[^\d]{0,20}\Z"
)
MIN_AS_TIME_CONTEXT = regex.compile(
    r"(?i)\b(?:for|after|within|time|duration|period|runtime|every|each|in|stabili[sz]ation|drying|curing|boil\w*)\b"
    r"[^\d]{0,12}\Z"
)

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_STANDARD_BODIES = (
    r"ISO|IEC|EN|DIN|ASTM|ANSI|BS|JIS|GB|GB/T|QB/T|FZ/T|HG/T|JB/T|SN/T|UL|AATCC|ISTA|IPC|SAE|NF|ASME|TAPPI"
    r"|IES|CIE|CISPR|FCC|ETSI|NEMA|IEEE|AS/NZS|GOST|KS|CNS|CSA|BIFMA|J-STD|EN ISO|ISO/IEC|ASTM|ICH|USP"
    r"|EPA|CPSIA|CPSC|FDA|BIS|SNI|TIS|NOM|ABNT|UNE|UNI|OEKO-TEX|GOTS|GRS|RoHS|WEEE|REACH|PCO|GPI|FEFCO|SPI"
)
_MONTH_GUARD = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_CLASS_GUARD = ("class", "grade", "type", "category", "no", "nr", "item", "model", "art", "ref", "rev", "ver", "batch",
                "phase", "part", "article", "style")
#: One search tells whether any standards body is named at all.
_STANDARD_TRIGGER = regex.compile(rf"(?:{_STANDARD_BODIES})[ \u00a0/-]?[A-Z]{{0,3}}-?\d")


@attrs.frozen
class Designation:
    """A pattern for codes that contain numbers, tried only when one of ``guards`` (plain
    substrings, case-folded when ``folded``) occurs in the text."""

    guards: tuple[str, ...] | regex.Pattern
    folded: bool
    pattern: regex.Pattern

    def applies(self, text: str, folded: str) -> bool:
        """True when the pattern can match ``text`` (``folded`` is its case-folded form)."""
        if isinstance(self.guards, regex.Pattern):
            return self.guards.search(text) is not None
        haystack = folded if self.folded else text
        return any(g in haystack for g in self.guards)


#: Designations and codes: a number inside one of these is not a quantity. Each pattern is
#: compiled on its own (one alternation of all of them scans far slower than its parts) and
#: guarded by substrings, so a clause pays only for the patterns that can match it.
DESIGNATIONS: tuple[Designation, ...] = (
    Designation(
        _STANDARD_TRIGGER,
        False,
        regex.compile(
        rf"(?<![\p{{L}}])(?:{_STANDARD_BODIES})(?:[ \u00a0/-]?(?:{_STANDARD_BODIES}))*"
        rf"(?:[ \u00a0-]?(?:Part|Pt\.?|TM|LM|Method))?[ \u00a0-]?[A-Z]{{0,3}}-?\d[\dA-Za-z]*(?:[-.:/+][A-Za-z\d]+)*"
        ),
    ),
    Designation(
        ("CFR",),
        False,
        regex.compile(
        r"\b\d+\s?CFR\s?\d+(?:\.\d+)*"
        ),
    ),
    Designation(
        ("EU", "EC"),
        False,
        regex.compile(
        r"\(?\b(?:EU|EC|EEC)\)?\s?(?:No\.?\s?)?\d+/\d+"
        ),
    ),
    Designation(
        ("/EU", "/EC", "/EEC"),
        False,
        regex.compile(
        r"\b\d{4}/\d+/(?:EU|EC|EEC)\b"
        ),
    ),
    Designation(
        ("UN",),
        False,
        regex.compile(
        r"\bUN\s?\d{4}\b"
        ),
    ),
    Designation(
        ("hs",),
        True,
        regex.compile(
        r"(?i:\bHS(?:\s?code)?[:\s]*\d{4}(?:\.\d+)*)"
        ),
    ),
    Designation(
        ("AQL",),
        False,
        regex.compile(
        r"\bAQL\s?\d+(?:[.,]\d+)?"
        ),
    ),
    Designation(
        ("UL",),
        False,
        regex.compile(
        r"\bUL\s?94(?:\s?(?:V-?\d|HB|5VA|5VB))?"
        ),
    ),
    Designation(
        ("M", "G"),
        False,
        regex.compile(
        r"\b[MG]\d+(?:[.,]\d+)?(?:\s?[×xX*]\s?\d+(?:[.,]\d+)?){0,2}\b"
        ),
    ),
    Designation(
        ("npt", "nps", "bsp", "unc", "unf", "hex", "drive", "shank", "finish", "twist", "neck", "closure"),
        True,
        regex.compile(
        r"\b\d+(?:/\d+)?\s?(?:mm\b|\"|″|”|in(?:ch)?\b)?\s?-?(?:NPT|NPS|BSPP|BSPT|BSP|UNC|UNF|UNEF"
        r"|(?i:hex|drive|shank|sq\.?\s?drive|lug\s+finish|twist-off|neck\s+finish|neck|closure))\b"
        ),
    ),
    Designation(
        ("-", "/", "."),
        False,
        regex.compile(
        r"\b\d{4}([-/.])\d{1,2}\1\d{1,2}\b"
        ),
    ),
    Designation(
        ("-", "/", "."),
        False,
        regex.compile(
        r"\b\d{1,2}([-/.])\d{1,2}\1(?:\d{4}|\d{2})\b"
        ),
    ),
    Designation(
        ("/",),
        False,
        regex.compile(
        r"\b\d{1,2}/\d{4}\b"
        ),
    ),
    Designation(
        _MONTH_GUARD,
        True,
        regex.compile(
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s*,?\s*\d{{4}}\b"
        ),
    ),
    Designation(
        _MONTH_GUARD,
        True,
        regex.compile(
        rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
        ),
    ),
    Designation(
        (":",),
        False,
        regex.compile(
        r"\b\d{1,2}:\d{2}(?::\d{2})?\b"
        ),
    ),
    Designation(
        ("pantone", "pms"),
        True,
        regex.compile(
        r"(?i:\b(?:pantone|pms)\s?(?:\d{2}-\d{4}(?:\s?(?:tcx|tpx|tpg|tc|tp))?|\d{3,4}(?:\s?(?:c|u|m|cp|xgc)\b)?))"
        ),
    ),
    Designation(
        ("RAL",),
        False,
        regex.compile(
        r"\bRAL\s?\d{4}\b"
        ),
    ),
    Designation(
        ("/",),
        False,
        regex.compile(
        r"\b\d{2,3}/\d{3}\b"
        ),
    ),
    Designation(
        ("awg", "gauge", "ga"),
        True,
        regex.compile(
        r"(?i:\b\d+\s?(?:awg|gauge|ga)\b)"
        ),
    ),
    Designation(
        ("'", "′", "’", "ft", "feet", "foot"),
        True,
        regex.compile(
        r"(?i:\b(?:20|40|45|53)\s?(?:'|′|’|ft|feet|foot)\s?-?(?:hq|hc|gp|dc|dv|rf|rh|ot|fr|st|std|container|ctr"
        r"|high\s?cube)\b)"
        ),
    ),
    Designation(
        _CLASS_GUARD,
        True,
        regex.compile(
        r"(?i:\b(?:property\s+class|tolerance\s+class|class|grade|type|category|no\.?|nr\.?|item|model|art\.?"
        r"|ref\.?|rev\.?|revision|version|ver\.?|batch|phase|part|article|style)"
        r"[ \u00a0]?[:#]?[ \u00a0]?[A-Z]{0,3}\d[\w.-]*)"
        ),
    ),
    Designation(
        ("property",),
        True,
        regex.compile(
        r"\b\d+\.\d+\s+(?i:property\s+class)"
        ),
    ),
    Designation(
        ("v",),
        True,
        regex.compile(
        r"\b[vV]\d+(?:\.\d+)+\b"
        ),
    ),
    Designation(
        ("+", "00"),
        False,
        regex.compile(
        r"(?:\+|\b00)\d{1,3}[\s.-]?(?:\(\d+\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,3}\b"
        ),
    ),
    Designation(
        ("tel", "phone", "mobile", "fax", "whatsapp", "wechat"),
        True,
        regex.compile(
        r"(?i:\b(?:tel|phone|mobile|fax|whatsapp|wechat)\.?:?\s*[\d\s+().-]{6,})"
        ),
    ),
    Designation(
        ("in",),
        True,
        regex.compile(
        r"(?i:\b\d+\s?-?\s?in\s?-?\s?\d+\b)"
        ),
    ),
    Designation(
        ("s/", "S/"),
        False,
        regex.compile(
        r"\b\d+[sS]/\d+\b"
        ),
    ),
    Designation(
        ("Ne", "Nm", "NE"),
        False,
        regex.compile(
        r"\bN[emE]\s?\d+(?:/\d+)?\b"
        ),
    ),
    Designation(
        ("USD", "US$", "EUR", "RMB", "CNY", "GBP", "JPY", "HKD", "AUD", "CAD", "€", "$", "¥", "£"),
        False,
        regex.compile(
        r"(?:USD|US\$|EUR|RMB|CNY|GBP|JPY|HKD|AUD|CAD|€|\$|¥|£)\s?\d[\d,.]*"
        ),
    ),
    Designation(
        ("#",),
        False,
        regex.compile(
        r"#\d+"
        ),
    ),
    Designation(
        ("button",),
        True,
        regex.compile(
        r"(?i:\bbuttons?\b)[^.;\n]{0,40}?\K\b\d{1,2}[^\S\n]?L\b"
        ),
    ),
)


def next_word(text: str, pos: int) -> str:
    """The word (or × sign) after ``pos``, lower-cased; "" when none."""
    m = _NEXT_WORD.match(text, pos)
    return m.group(1).lower() if m else ""


#: An approximation word just inside a dual reading's parenthesis: "(approx. 1 in)".
HEDGE_AFTER_PAREN_RE = regex.compile(rf"(?:(?i:approx\.?|approximately|ca\.|about|circa)|~|≈){_H}*")
