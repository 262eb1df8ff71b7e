"""Numbers as trade specifications write them.

Recognised: decimal point or decimal comma (decided by context), thousands separators
(``10,000``, ``10 000``, ``1.234,5``), fractions and mixed numbers (``1/2``, ``10 1/2``,
``1-1/2``, ``10½``) and number words (``one`` … ``ninety-nine``, ``hundred``,
``thousand``). Signs are left to the quantity grammar, which knows whether a dash is a
minus or a range.

Every number knows its *resolution* - half a unit in its last written digit - which the
dual-unit check uses to tell rounding from contradiction.
"""

from __future__ import annotations

import math

import attrs
import regex

from .buildcache import compile_pattern

#: vulgar fraction -> (numerator, denominator)
_VULGAR = {
    "½": (1, 2), "¼": (1, 4), "¾": (3, 4), "⅛": (1, 8), "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8), "⅓": (1, 3), "⅔": (2, 3),
}
#: Denominators that fractions in measurements use; "28/410" or "10/2011" are codes.
FRACTION_DENOMINATORS = frozenset((2, 3, 4, 5, 8, 10, 16, 32, 64))
#: Longest run of digits taken as a number (longer runs are codes or garbage).
MAX_DIGITS = 15

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(_ONES)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_SCALES = {"hundred": 100, "thousand": 1000}

_WORD_ALT = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
_TENS_ALT = "|".join(_TENS)
_UNIT_DIGIT_ALT = "|".join(_ONES[1:10])

NUMBER_RE = compile_pattern(
    r"""
    (?:
        (?P<mint>\d{1,4})(?:[ \u00a0]|-)(?P<mnum>\d{1,2})/(?P<mden>\d{1,2})(?![\d/])   # 10 1/2, 1-1/2
      | (?P<fnum>\d{1,2})/(?P<fden>\d{1,2})(?![\d/.,])                               # 5/8
      | (?P<vint>\d{1,4})?(?P<vulgar>[½¼¾⅛⅜⅝⅞⅓⅔])                                     # 10½
      | (?P<gcomma>\d{1,3}(?:,\d{3})+(?:\.\d+)?)(?![\d,])                            # 10,000.5
      | (?P<geuro>\d{1,3}(?:\.\d{3})+,\d+)(?![\d,])                                  # 1.234,5
      | (?P<gspace>\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+)(?![\d.,]?\d)(?!\s?/)     # 10 000
      | (?P<plain>\d+(?:[.,]\d+)?)
    )
    | (?<![\d\p{L}.,])(?P<lead>[.]\d+)                                                # .5
    """,
    regex.VERBOSE,
)
#: Number words ("twenty-five", "three hundred"), searched only in texts that contain one.
WORD_NUMBER_RE = compile_pattern(
    r"(?<![\p{L}-])(?P<word>(?:(?:"
    + _TENS_ALT
    + r")[- ](?:"
    + _UNIT_DIGIT_ALT
    + r")|"
    + _WORD_ALT
    + r")(?:\s+(?:hundred|thousand))?)(?![\p{L}-])",
    regex.IGNORECASE,
)
_WORD_HINT = compile_pattern(r"(?i)\b(?:" + _WORD_ALT + r")\b")
#: A digit or a vulgar fraction: every match of :data:`NUMBER_RE` holds one.
_DIGIT_HINT = compile_pattern(r"[\d½¼¾⅛⅜⅝⅞⅓⅔]")

_PLAIN_RE = compile_pattern(r"\d{1,15}(?!\d)")
_COMMA_DECIMAL_HINT = compile_pattern(r"(?<![\d,.])\d+,(?:\d{1,2}|\d{4,})(?![\d,])|(?<![\d,.])0,\d+")
_POINT_DECIMAL_HINT = compile_pattern(r"(?<![\d,.])\d+\.(?:\d{1,2}|\d{4,})(?![\d.])|\d,\d{3}\.\d|(?<![\d,.])0\.\d+")


@attrs.frozen
class Number:
    """A number in the text with its value and the resolution its digits imply."""

    start: int
    end: int
    text: str
    value: float
    #: half a unit in the last written place ("2" -> 0.5, "3.9" -> 0.05, "5/8" -> 1/16)
    resolution: float
    is_word: bool = False


def decimal_comma_context(text: str) -> bool:
    """True when ``text`` writes decimals with a comma ("1,5 mm", "0,02 mm") more often
    than with a point; then an ambiguous "1,500" reads as 1.5 and "1.500" as 1500."""
    commas = len(_COMMA_DECIMAL_HINT.findall(text))
    if not commas:
        return False
    return commas > len(_POINT_DECIMAL_HINT.findall(text))


def _digits_value(raw: str, decimal_comma: bool) -> tuple[float, float] | None:
    """Value and resolution of a plain digit string with at most one separator."""
    if "," in raw or "." in raw:
        sep = "," if "," in raw else "."
        whole, frac = raw.split(sep, 1)
        thousands = len(frac) == 3 and whole != "0" and len(whole) <= 3 and (
            (sep == "," and not decimal_comma) or (sep == "." and decimal_comma)
        )
        if thousands:
            return float(whole + frac), 0.5
        if len(whole) + len(frac) > MAX_DIGITS:
            return None
        return float(f"{whole}.{frac}"), 0.5 * 10.0 ** -len(frac)
    if len(raw) > MAX_DIGITS:
        return None
    return float(raw), 0.5


def _word_value(raw: str) -> float:
    parts = regex.split(r"[\s-]+", raw.lower())
    total = 0.0
    for p in parts:
        if p in _SCALES:
            total = (total or 1.0) * _SCALES[p]
        else:
            total += WORD_VALUES.get(p, 0)
    return total


def _value(m: regex.Match, decimal_comma: bool) -> tuple[float, float, bool] | None:
    g = m.group
    kind = m.lastgroup
    if kind == "plain":
        parsed = _digits_value(g("plain"), decimal_comma)
        return None if parsed is None else (*parsed, False)
    if kind == "mden":
        num, den = int(g("mnum")), int(g("mden"))
        if den not in FRACTION_DENOMINATORS or not 0 < num < den:
            return None
        return int(g("mint")) + num / den, 0.5 / den, False
    if kind == "fden":
        num, den = int(g("fnum")), int(g("fden"))
        if den not in FRACTION_DENOMINATORS or not 0 < num < den:
            return None
        return num / den, 0.5 / den, False
    if kind == "vulgar":
        num, den = _VULGAR[g("vulgar")]
        return float(g("vint") or 0) + num / den, 0.5 / den, False
    if kind == "gcomma":
        whole, _, frac = g("gcomma").partition(".")
        head, _, tail = whole.partition(",")
        if decimal_comma and not frac and "," not in tail and tail != "000":
            return float(f"{head}.{tail}"), 0.5 * 10.0 ** -len(tail), False  # "1,250" in a decimal-comma text
        digits = whole.replace(",", "")
        if len(digits) + len(frac) > MAX_DIGITS:
            return None
        return float(f"{digits}.{frac}" if frac else digits), 0.5 * 10.0 ** -len(frac), False
    if kind == "geuro":
        whole, _, frac = g("geuro").partition(",")
        digits = whole.replace(".", "")
        return float(f"{digits}.{frac}"), 0.5 * 10.0 ** -len(frac), False
    if kind == "gspace":
        return float(regex.sub(r"\D", "", g("gspace"))), 0.5, False
    if kind == "lead":
        frac = g("lead")[1:]
        if len(frac) > MAX_DIGITS:
            return None
        return float("0." + frac), 0.5 * 10.0 ** -len(frac), False
    if kind == "word":
        return _word_value(g("word")), 0.5, True
    return None


#: Letters that may stand right before a number: diameter signs (φ and Φ in drawings from East Asia).
_DIAMETER = frozenset("Øø⌀φΦ")


def blocked_before(text: str, start: int) -> bool:
    """True when the digits at ``start`` are part of a code rather than a number:
    "M10", "IP65", "E27", "XR-200", "N/25", "#5" (but "Ø20" and "60x40" are numbers)."""
    if start == 0:
        return False
    prev = text[start - 1]
    if prev.isalpha():
        if prev in _DIAMETER:
            return False
        return not (prev in "xX" and start >= 2 and text[start - 2].isdigit())
    if prev in "-/" and start >= 2 and text[start - 2].isalpha():
        return True
    return prev == "#"


def number_at(text: str, pos: int, decimal_comma: bool = False) -> Number | None:
    """The number starting exactly at ``pos`` (None when there is none)."""
    m = NUMBER_RE.match(text, pos) or WORD_NUMBER_RE.match(text, pos)
    if m is None:
        return None
    number = _make(m, decimal_comma)
    if number is None and m.lastgroup in ("mden", "fden"):
        plain = _PLAIN_RE.match(text, pos)  # "50/60 Hz": not a fraction, but 50 is a number
        if plain is not None:
            return Number(plain.start(), plain.end(), plain.group(), float(plain.group()), 0.5)
    return number


def _make(m: regex.Match, decimal_comma: bool) -> Number | None:
    parsed = _value(m, decimal_comma)
    if parsed is None or not math.isfinite(parsed[0]):
        return None
    value, resolution, is_word = parsed
    return Number(m.start(), m.end(), m.group(), value, resolution, is_word)


def find_numbers(text: str, decimal_comma: bool | None = None) -> list[Number]:
    """Every number in ``text``, left to right; ``decimal_comma=None`` decides by context."""
    if decimal_comma is None:
        decimal_comma = decimal_comma_context(text)
    out = []
    for m in NUMBER_RE.finditer(text):
        if m.lastgroup != "lead" and blocked_before(text, m.start()):
            continue
        number = _make(m, decimal_comma)
        if number is not None:
            out.append(number)
        elif m.lastgroup in ("mden", "fden"):
            # "18/8", "2011 18/8": not a fraction, but its parts may still be numbers
            for part in _PLAIN_RE.finditer(text, m.start(), m.end()):
                if not blocked_before(text, part.start()):
                    out.append(Number(part.start(), part.end(), part.group(), float(part.group()), 0.5))
    if _WORD_HINT.search(text):
        words = [n for m in WORD_NUMBER_RE.finditer(text) if (n := _make(m, decimal_comma)) is not None]
        if words:
            out = sorted(out + words, key=lambda n: n.start)
    return out


def may_hold_number(text: str) -> bool:
    """False when :func:`find_numbers` cannot find anything in ``text`` (no digit, vulgar
    fraction or number word): a cheap test before the quantity grammar."""
    return _DIGIT_HINT.search(text) is not None or _WORD_HINT.search(text) is not None


def parse_number(raw: str, decimal_comma: bool = False) -> float | None:
    """The value of ``raw`` when the whole string is one number, else None."""
    m = NUMBER_RE.fullmatch(raw.strip()) or WORD_NUMBER_RE.fullmatch(raw.strip())
    if m is None:
        return None
    parsed = _value(m, decimal_comma)
    return None if parsed is None else parsed[0]
