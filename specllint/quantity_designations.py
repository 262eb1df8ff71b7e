"""Designations and codes that contain numbers but are not quantities.

"M10 × 50", "ISO 4017", "28/410", "40' HQ", "2026-05-15", "AQL 2.5", "+86 574 8765 4321" …:
a number inside one of these spans gives no quantity. Each pattern is compiled on its own
(one alternation of all of them scans far slower than its parts) and guarded by words or
marks that must occur in the text, so a clause pays only for the patterns that can match it.
"""

from __future__ import annotations

import attrs
import regex

from .buildcache import compile_pattern

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_STANDARD_BODIES = (
    r"ISO|IEC|EN|DIN|ASTM|ANSI|BS|JIS|GB|GB/T|QB/T|FZ/T|HG/T|JB/T|SN/T|UL|AATCC|ISTA|IPC|SAE|NF|ASME|TAPPI"
    r"|IES|CIE|CISPR|FCC|ETSI|NEMA|IEEE|AS/NZS|GOST|KS|CNS|CSA|BIFMA|J-STD|EN ISO|ISO/IEC|ASTM|ICH|USP"
    r"|EPA|CPSIA|CPSC|FDA|BIS|SNI|TIS|NOM|ABNT|UNE|UNI|OEKO-TEX|GOTS|GRS|RoHS|WEEE|REACH|PCO|GPI|FEFCO|SPI"
)
_MONTH_GUARD = tuple(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october "
    "nov november dec december".split()
)
_CLASS_GUARD = ("class", "grade", "type", "category", "no", "nr", "item", "model", "art", "ref", "rev", "revision",
                "ver", "version", "batch", "phase", "part", "article", "style")
_STANDARD_TRIGGER = tuple({w for w in regex.split(r"[|/ -]", _STANDARD_BODIES) if w})
_WORDS = compile_pattern(r"[^\W\d_]+")


@attrs.frozen
class Designation:
    """A pattern for codes that contain numbers, tried only when the text has one of its
    guard ``words`` (case-folded) or one of its ``marks`` (substrings)."""

    words: frozenset[str]
    marks: tuple[str, ...]
    pattern: regex.Pattern

    def applies(self, text: str, words: frozenset[str]) -> bool:
        return not self.words.isdisjoint(words) or any(m in text for m in self.marks)


def _designation(guards: tuple[str, ...], pattern: regex.Pattern) -> Designation:
    words = frozenset(g.casefold() for g in guards if g.isalpha())
    return Designation(words, tuple(g for g in guards if not g.isalpha()), pattern)


def text_words(text: str) -> frozenset[str]:
    """The case-folded words of ``text`` (for designation guards)."""
    return frozenset(w.casefold() for w in _WORDS.findall(text))


#: The designation patterns, in no particular order (their spans are merged).
DESIGNATIONS: tuple[Designation, ...] = (
    _designation(
        _STANDARD_TRIGGER,
        compile_pattern(
        rf"(?<![\p{{L}}])(?:{_STANDARD_BODIES})(?:[ \u00a0/-]?(?:{_STANDARD_BODIES}))*"
        rf"(?:[ \u00a0-]?(?:Part|Pt\.?|TM|LM|Method))?[ \u00a0-]?[A-Z]{{0,3}}-?\d[\dA-Za-z]*(?:[-.:/+][A-Za-z\d]+)*"
        ),
    ),
    _designation(
        ("CFR",),
        compile_pattern(
        r"\b\d+\s?CFR\s?\d+(?:\.\d+)*"
        ),
    ),
    _designation(
        ("EU", "EC"),
        compile_pattern(
        r"\(?\b(?:EU|EC|EEC)\)?\s?(?:No\.?\s?)?\d+/\d+"
        ),
    ),
    _designation(
        ("EU", "EC", "EEC"),
        compile_pattern(
        r"\b\d{4}/\d+/(?:EU|EC|EEC)\b"
        ),
    ),
    _designation(
        ("UN",),
        compile_pattern(
        r"\bUN\s?\d{4}\b"
        ),
    ),
    _designation(
        ("hs",),
        compile_pattern(
        r"(?i:\bHS(?:\s?code)?[:\s]*\d{4}(?:\.\d+)*)"
        ),
    ),
    _designation(
        ("AQL",),
        compile_pattern(
        r"\bAQL\s?\d+(?:[.,]\d+)?"
        ),
    ),
    _designation(
        ("UL",),
        compile_pattern(
        r"\bUL\s?94(?:\s?(?:V-?\d|HB|5VA|5VB))?"
        ),
    ),
    _designation(
        ("M", "G"),
        compile_pattern(
        r"\b[MG]\d+(?:[.,]\d+)?(?:\s?[×xX*]\s?\d+(?:[.,]\d+)?){0,2}\b"
        ),
    ),
    _designation(
        ("npt", "nps", "bsp", "unc", "unf", "hex", "drive", "shank", "finish", "twist", "neck", "closure"),
        compile_pattern(
        r"\b\d+(?:/\d+)?\s?(?:mm\b|\"|″|”|in(?:ch)?\b)?\s?-?(?:NPT|NPS|BSPP|BSPT|BSP|UNC|UNF|UNEF"
        r"|(?i:hex|drive|shank|sq\.?\s?drive|lug\s+finish|twist-off|neck\s+finish|neck|closure))\b"
        ),
    ),
    _designation(
        ("-", "/", "."),
        compile_pattern(
        r"\b\d{4}([-/.])\d{1,2}\1\d{1,2}\b"
        ),
    ),
    _designation(
        ("-", "/", "."),
        compile_pattern(
        r"\b\d{1,2}([-/.])\d{1,2}\1(?:\d{4}|\d{2})\b"
        ),
    ),
    _designation(
        ("/",),
        compile_pattern(
        r"\b\d{1,2}/\d{4}\b"
        ),
    ),
    _designation(
        _MONTH_GUARD,
        compile_pattern(
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s*,?\s*\d{{4}}\b"
        ),
    ),
    _designation(
        _MONTH_GUARD,
        compile_pattern(
        rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
        ),
    ),
    _designation(
        (":",),
        compile_pattern(
        r"\b\d{1,2}:\d{2}(?::\d{2})?\b"
        ),
    ),
    _designation(
        ("pantone", "pms"),
        compile_pattern(
        r"(?i:\b(?:pantone|pms)\s?(?:\d{2}-\d{4}(?:\s?(?:tcx|tpx|tpg|tc|tp))?|\d{3,4}(?:\s?(?:c|u|m|cp|xgc)\b)?))"
        ),
    ),
    _designation(
        ("RAL",),
        compile_pattern(
        r"\bRAL\s?\d{4}\b"
        ),
    ),
    _designation(
        ("/",),
        compile_pattern(
        r"\b\d{2,3}/\d{3}\b"
        ),
    ),
    _designation(
        ("awg", "gauge", "ga"),
        compile_pattern(
        r"(?i:\b\d+\s?(?:awg|gauge|ga)\b)"
        ),
    ),
    _designation(
        ("'", "′", "’", "ft", "feet", "foot"),
        compile_pattern(
        r"(?i:\b(?:20|40|45|53)\s?(?:'|′|’|ft|feet|foot)\s?-?(?:hq|hc|gp|dc|dv|rf|rh|ot|fr|st|std|container|ctr"
        r"|high\s?cube)\b)"
        ),
    ),
    _designation(
        _CLASS_GUARD,
        compile_pattern(
        r"(?i:\b(?:property\s+class|tolerance\s+class|class|grade|type|category|no\.?|nr\.?|item|model|art\.?"
        r"|ref\.?|rev\.?|revision|version|ver\.?|batch|phase|part|article|style)"
        r"[ \u00a0]?[:#]?[ \u00a0]?[A-Z]{0,3}\d[\w.-]*)"
        ),
    ),
    _designation(
        ("property",),
        compile_pattern(
        r"\b\d+\.\d+\s+(?i:property\s+class)"
        ),
    ),
    _designation(
        ("v",),
        compile_pattern(
        r"\b[vV]\d+(?:\.\d+)+\b"
        ),
    ),
    _designation(
        ("+", "00"),
        compile_pattern(
        r"(?:\+|\b00)\d{1,3}[\s.-]?(?:\(\d+\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,3}\b"
        ),
    ),
    _designation(
        ("tel", "phone", "mobile", "fax", "whatsapp", "wechat"),
        compile_pattern(
        r"(?i:\b(?:tel|phone|mobile|fax|whatsapp|wechat)\.?:?\s*[\d\s+().-]{6,})"
        ),
    ),
    _designation(
        ("in",),
        compile_pattern(
        r"(?i:\b\d+\s?-?\s?in\s?-?\s?\d+\b)"
        ),
    ),
    _designation(
        ("s/", "S/"),
        compile_pattern(
        r"\b\d+[sS]/\d+\b"
        ),
    ),
    _designation(
        ("Ne", "Nm", "NE"),
        compile_pattern(
        r"\bN[emE]\s?\d+(?:/\d+)?\b"
        ),
    ),
    _designation(
        ("USD", "US", "EUR", "RMB", "CNY", "GBP", "JPY", "HKD", "AUD", "CAD", "€", "$", "¥", "£"),
        compile_pattern(
        r"(?:USD|US\$|EUR|RMB|CNY|GBP|JPY|HKD|AUD|CAD|€|\$|¥|£)\s?\d[\d,.]*"
        ),
    ),
    _designation(
        ("#",),
        compile_pattern(
        r"#\d+"
        ),
    ),
    _designation(
        # copper foil weight of a circuit board, a grade in oz/ft²: "copper 1 oz", "2 oz Cu"
        ("copper", "Cu", "cu"),
        compile_pattern(
        r"(?i:\b(?:copper|cu)(?:[^\S\n]+(?:weight|foil))?[^\S\n]*:?[^\S\n]*\d+(?:[.,/]\d+)?[^\S\n]?oz\b"
        r"|\b\d+(?:[.,/]\d+)?[^\S\n]?oz\.?[^\S\n]+(?:(?:outer|inner|base|finished|top|bottom)[^\S\n]+)?(?:copper|cu)\b)"
        ),
    ),
    _designation(
        ("button", "buttons"),
        compile_pattern(
        r"(?i:\bbuttons?\b)[^.;\n]{0,40}?\K\b\d{1,2}[^\S\n]?L\b"
        ),
    ),
)
