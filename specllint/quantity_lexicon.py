"""The words and marks of the quantity grammar, compiled once.

:mod:`specllint.quantities` walks the text with these patterns: units (built from the
alias table), range separators, tolerance marks, limit and approximation words, and the
designations that look like quantities but are not (``M10 × 50``, ``28/410``, ``40' HQ``).
"""

from __future__ import annotations

import regex

from .buildcache import compile_pattern, memo

_H = r"[^\S\n]"  # horizontal white space


def _atoms(spelling: str) -> tuple[str, ...]:
    """A spelling as regex pieces: spaces and inner full stops are optional."""
    out = []
    for ch in spelling.rstrip("."):
        if ch == " ":
            out.append(_H + "?")
        elif ch == ".":
            out.append(r"\.?")
        else:
            out.append(regex.escape(ch))
    return tuple(out)


def _trie_pattern(spellings: set[str]) -> str:
    """One regex for many spellings, factored by common prefixes (a trie): matching then
    costs one pass instead of one attempt per spelling. Longer spellings are tried first."""
    trie: dict = {}
    for sp in spellings:
        node = trie
        for atom in _atoms(sp):
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [atom + emit(child) for atom, child in sorted(node.items()) if atom]
        if "" in node:
            alts.append("")
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return emit(trie)


def _unit_alternation() -> str:
    from .unit_aliases import SYMBOLS, WORDS

    symbols = {s for group in SYMBOLS.values() for s in group}
    words = {s.casefold() for group in WORDS.values() for s in group}
    return f"{_trie_pattern(symbols)}|(?i:{_trie_pattern(words)})"


_UNIT_ALT = _unit_alternation()
_EXP = r"(?:\^?[23](?![\d.,]?\d)|[²³])"
_END = r"(?:(?<=[^\p{L}\p{N}_])|(?![\p{L}\p{N}_]))"

#: A unit with an optional exponent, then up to two divisors ("g/m²/24 h", "N/25 mm").
#: (Compiling it takes longer than everything else here; the CLI's start-up cache keeps it.)
UNIT_RE = memo("unit-pattern", lambda: regex.compile(
    rf"(?P<u>{_UNIT_ALT})(?P<e>{_EXP})?{_END}"
    rf"(?:{_H}?/{_H}?(?:(?P<n1>\d+(?:[.,]\d+)?){_H}?)?(?P<u1>{_UNIT_ALT})(?P<e1>{_EXP})?{_END})?"
    rf"(?:{_H}?/{_H}?(?:(?P<n2>\d+(?:[.,]\d+)?){_H}?)?(?P<u2>{_UNIT_ALT})(?P<e2>{_EXP})?{_END})?"
))
#: Space allowed between a number and its unit.
GAP_RE = compile_pattern(rf"{_H}{{0,3}}")

#: Marks written straight after a number for inches and feet; they must touch the digits.
MARKS = frozenset(("″", '"', "''", "”", "′", "'", "’"))
#: Words after "in" that show it is the inch ("12 in long", "2 in x 3 in").
INCH_FOLLOWERS = frozenset(
    "long wide high thick deep tall dia diameter od id length width height depth x by thickness".split()
)
_NEXT_WORD = compile_pattern(rf"{_H}*([\p{{L}}]+|[×*])")

RANGE_SEP_RE = compile_pattern(rf"{_H}*(?:–|—|-|~|～|〜|‐|(?i:to|until)(?=[\s\d+−-])|\.\.\.?|…){_H}*")
BETWEEN_AND_RE = compile_pattern(rf"{_H}+(?i:and){_H}+")
CHAIN_SEP_RE = compile_pattern(rf"{_H}*(?:[×✕✖*]|(?<=[\d\p{{L}}\"″'′.]|{_H})[xX](?=[\d\s.])){_H}*")
#: Alternatives and lists of numbers sharing one unit: "50/60 Hz", "8, 10, 13 mm", "10 or 12 mm".
SLASH_SEP_RE = compile_pattern(rf"{_H}*/{_H}*(?=[\d.])")
WORD_LIST_SEP_RE = compile_pattern(rf",?{_H}+(?i:or|and){_H}+(?=[\d.])")
COMMA_LIST_SEP_RE = compile_pattern(rf",{_H}+(?=[\d.])")
#: A dimension word between a unit and its tolerance: "2.5 cm thick ± 0.5 mm".
DIMENSION_WORD_RE = compile_pattern(rf"{_H}+(?i:thick|wide|long|high|deep|tall|dia\.?|diameter|in\s+diameter)\b")
SIGN_RE = compile_pattern(r"[-−–+](?=[\d.])")

_PM = rf"(?:±|\+{_H}?/{_H}?[-−–]|\+[-−]|(?i:plus{_H}+or{_H}+minus))"
#: "± 0.5" (symmetric tolerance), the number follows.
PLUS_MINUS_RE = compile_pattern(rf"{_H}*,?{_H}*(?:(?i:tol(?:erance)?\.?){_H}*:?{_H}*)?{_PM}{_H}*")
#: "+0.2/-0.1", "+0.2 -0.1", "-0.1/+0.2" (asymmetric tolerance); groups are the numbers.
_TOL_NUM = r"\d+(?:[.,]\d+)?|[.,]\d+"
ASYM_RE = memo("asymmetric-tolerance-pattern", lambda: regex.compile(
    rf"{_H}*,?{_H}*(?:"
    rf"\+{_H}?(?P<p>{_TOL_NUM}){_H}?(?P<pu>{_UNIT_ALT})?{_H}?(?:/?{_H}?[-−–]|/){_H}?(?P<m>{_TOL_NUM})"
    rf"|[-−–]{_H}?(?P<m2>{_TOL_NUM}){_H}?(?P<mu>{_UNIT_ALT})?{_H}?/?{_H}?\+{_H}?(?P<p2>{_TOL_NUM})"
    rf")(?![\d.,]?\d)"
))
OPEN_PAREN_RE = compile_pattern(rf"{_H}*[(\[]{_H}*")
CLOSE_PAREN_RE = compile_pattern(rf"{_H}*[)\]]")
PERCENT_RE = compile_pattern(rf"{_H}?(?:%|％|(?i:percent|pct))")

_MORE_WORDS = "longer|greater|larger|wider|thicker|heavier|taller|deeper|bigger|over"
_LESS_WORDS = "shorter|smaller|narrower|thinner|lighter|fewer|under|shallower"
#: Limit words after the statement ("18 kg max.", "10 g (0.5 oz) min."), not followed by a number.
POSTFIX_LIMIT_RE = compile_pattern(
    rf"{_H}*(?P<w>(?i:max(?:imum)?|min(?:imum)?|or{_H}+less|or{_H}+more|or{_H}+above|or{_H}+below"
    rf"|and{_H}+above|and{_H}+below|or{_H}+lower|or{_H}+higher|at{_H}+most"
    # "100 m or longer", "2 mm or thinner", "8 kg or lighter": a comparative after "or" bounds the value
    rf"|or{_H}+(?:{_MORE_WORDS}|{_LESS_WORDS})))\b\.?(?!{_H}*[\d.]\d)"
)
POSTFIX_MIN = ("min", "minimum", "or more", "or above", "and above", "or higher",
               *(f"or {w}" for w in _MORE_WORDS.split("|")))

#: Prefixes read backwards from a number. Each is anchored at the number.
_LIMIT_MAX = (
    r"≤|<=|=<|<|≦|⩽|(?i:max\.?|maximum|at{_H}+most|not{_H}+more{_H}+than|no{_H}+more{_H}+than|up{_H}+to"
    r"|not{_H}+exceeding|not{_H}+to{_H}+exceed|(?:must|shall|should|may|will|does|do){_H}+not{_H}+exceed|less{_H}+than|fewer{_H}+than|no{_H}+greater{_H}+than"
    r"|not{_H}+greater{_H}+than|not{_H}+above|within"
    # verbs of a ceiling: "shall not surpass", "must not go beyond", "capped at", "limited to", "kept below"
    r"|(?:(?:must|shall|should|may|will|does|do|to|can|cannot){_H}+)?not{_H}+(?:surpass|go{_H}+beyond|top|be{_H}+(?:over|above|more{_H}+than|greater{_H}+than))"
    r"|capped{_H}+at|limited{_H}+to|kept{_H}+(?:below|under|within)|at{_H}+or{_H}+below|up{_H}+to{_H}+and{_H}+including"
    r"|never{_H}+(?:exceed(?:s|ing)?|more{_H}+than)|(?:should|must|may|can|does|do|will|wo|ca)n[\x27’]t{_H}+exceed|cannot{_H}+exceed)"
)
_LIMIT_MIN = (
    r"≥|>=|=>|>|≧|⩾|(?i:min\.?|minimum|at{_H}+least|not{_H}+less{_H}+than|no{_H}+less{_H}+than"
    r"|more{_H}+than|greater{_H}+than|not{_H}+below|no{_H}+lower{_H}+than|not{_H}+lower{_H}+than"
    # a floor: "must not fall below", "not to go under", "at or above"
    r"|not{_H}+(?:(?:fall|go|drop|be){_H}+)?(?:below|under)|at{_H}+or{_H}+above"
    r"|in{_H}+excess{_H}+of|upwards{_H}+of|exceed(?:s|ing)?)"
)
_HEDGE = (
    r"(?i:approx\.?|approximately|appr\.?|abt\.|about|around|circa|ca\.|roughly|nearly|near|almost|close[^\S\n]+to|some)"
    r"|(?<!V[^\S\n]?)~|≈|∼|≃"
)
_SEP = rf"{_H}*(?:[:=]{_H}*)?"
#: Prefix patterns end at the number (``\Z`` with ``endpos``); searched backwards they fail fast.
_BACKWARD = regex.REVERSE
# a sign may be glued to the label before it ("width<60 mm", "weight>=5 kg"); a word may not ("maximum" in "Minimax")
LIMIT_MAX_BEFORE = compile_pattern(
    rf"(?:(?<=\p{{L}})(?:≤|<=|<|≦|⩽)|(?<![\p{{L}}])(?<!\d{_H}?)(?:{_LIMIT_MAX.format(_H=_H)})){_SEP}\Z", _BACKWARD)
LIMIT_MIN_BEFORE = compile_pattern(
    rf"(?:(?<=\p{{L}})(?:≥|>=|>|≧|⩾)|(?<![\p{{L}}])(?<!\d{_H}?)(?:{_LIMIT_MIN.format(_H=_H)})){_SEP}\Z", _BACKWARD)
HEDGE_BEFORE = compile_pattern(rf"(?:(?<![\p{{L}}])(?:{_HEDGE})){_SEP}\Z", _BACKWARD)
#: "max. rider weight 25 kg": min/max followed by up to three words, then the number.
DISTANT_LIMIT_BEFORE = compile_pattern(
    rf"(?<![\p{{L}}])(?<!\d{_H}?)(?P<w>(?i:max\.?|maximum|min\.?|minimum)){_H}+(?:[\p{{L}}][\p{{L}}'’-]*\.?{_H}+){{1,3}}"
    rf"(?:[:=]{_H}*)?\Z",
    _BACKWARD,
)
#: "longer than 5 mm" (a minimum), "shorter than 5 mm" (a maximum); a negation before flips it.
COMPARATIVE_BEFORE = compile_pattern(
    rf"(?<![\p{{L}}])(?P<w>(?i:longer|larger|wider|thicker|heavier|higher|bigger|taller|deeper|stronger|older"
    rf"|shorter|smaller|narrower|thinner|lighter|lower|shallower|weaker|newer|younger)){_H}+(?i:than){_H}*\Z",
    _BACKWARD,
)
COMPARATIVE_MAX = frozenset("shorter smaller narrower thinner lighter lower shallower weaker newer younger".split())
NEGATION_BEFORE = compile_pattern(r"(?i)\b(?:no|not|never|none|nothing)\b")
BETWEEN_BEFORE = compile_pattern(rf"(?<![\p{{L}}])(?i:between|from){_H}+\Z", _BACKWARD)
PM_BEFORE = compile_pattern(rf"{_PM}{_H}*\Z", _BACKWARD)
#: Lookbehind window for prefixes, in characters.
PREFIX_WINDOW = 48

#: "min" after a bare number reads as "minimum" after these property words.
MIN_AS_MINIMUM_CONTEXT = compile_pattern(
    r"(?i)\b(?:hardness|grade|rating|strength|force|thickness|weight|width|length|height|diameter|content"
    r"|level|index|class|density|size|count|fastness|resistance|value|torque|pressure|capacity)\b[^\d]{0,20}\Z"
)
MIN_AS_TIME_CONTEXT = compile_pattern(
    r"(?i)\b(?:for|after|within|time|duration|period|runtime|life|every|each|in|stabili[sz]ation|drying|curing|boil\w*)\b"
    r"[^\d]{0,12}\Z"
)



def next_word(text: str, pos: int) -> str:
    """The word (or × sign) after ``pos``, lower-cased; "" when none."""
    m = _NEXT_WORD.match(text, pos)
    return m.group(1).lower() if m else ""


#: An approximation word just inside a dual reading's parenthesis: "(approx. 1 in)".
HEDGE_AFTER_PAREN_RE = compile_pattern(rf"(?:(?i:approx\.?|approximately|ca\.|about|circa)|~|≈){_H}*")
