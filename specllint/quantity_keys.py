"""What makes a label name a measured property, beyond a list of property words.

The missing-unit rule (SPL202) reads a bare number after a label. Its property list cannot
name every property a buyer writes, so this module adds what generalises:

* word formation: nouns of measure built with -ness, -ity, -ance/-ence/-ency and -age
  (``stiffness``, ``permeability``, ``inductance``, ``amperage``), minus the many such nouns
  that are not measured in a unit (``quality``, ``reference``, ``package``, ``fastness``);
* key phrases: a label before ``:``, ``|`` or ``=`` that contains a property word anywhere
  (``Height of seat from floor: 450``);
* words that make a label unit-less (``class``, ``grade``, ``index``, ``ratio`` …) or a count
  (``levels``, ``positions`` …);
* a unit declared once for a clause's values (``Measurements in inches: …``, ``(mm):``).
"""

from __future__ import annotations

from .buildcache import compile_pattern
from .quantity_lexicon import UNIT_RE

_H = r"[^\S\n]"

#: Nouns of measure formed by a suffix: thickness, stiffness, opacity, resistivity, inductance, latency, amperage.
MORPH_WORD = r"(?:\p{L}[\p{L}-]{2,}(?:ness|ity|ance|ence|ency|age))"
_MORPH_FULL = compile_pattern(rf"(?i){MORPH_WORD}")

#: Nouns with those suffixes that are not measured in a unit: scores, grades, indexes, abstractions,
#: documents and money.
_NOT_MEASURED = frozenset("""
quality quantity priority severity probability visibility variety identity entity facility activity community
authority majority minority security liability availability ability compatibility university property parity
utility city unity clarity integrity continuity polarity nationality eternity opportunity charity sanity
seniority reality originality personality speciality specialty functionality traceability conformity uniformity
durability stability flammability washability printability recyclability sustainability suitability
reliability repeatability reproducibility solubility formality commodity celebrity capability gravity
emissivity absorbance cavity cavities
reference sequence evidence presence sentence licence license conference experience preference occurrence
residence existence confidence incidence coherence consequence influence audience science silence
patience independence correspondence excellence essence absence appearance importance acceptance assurance
guidance instance substance finance insurance compliance conformance maintenance performance significance
grievance ordinance entrance balance advance endurance
package page stage image message average usage storage postage damage language village heritage advantage
percentage age cage wage baggage luggage cartage mortgage voyage shortage overage linkage passage garage
manage homage montage vintage cottage sausage beverage cabbage
agency currency urgency emergency tendency dependency consistency fluency constituency presidency
fastness colourfastness colorfastness whiteness yellowness blackness fineness business witness readiness
cleanliness happiness darkness awareness effectiveness
""".split())
#: Nouns of that formation that are measured although they look abstract: "difference 2", "clearance 0.5".
_MEASURED_ANYWAY = frozenset("difference clearance tolerance distance allowance footage mileage".split())

#: Words in a label that make its value a grade, an index, a code or a count, not a measurement.
UNITLESS_WORDS = frozenset("""
class grade type index factor ratio number no nr count code category level levels rating group series version
model style item art ref reference lot batch size sizes colour color colours colors shade stage stages step steps
position positions setting settings mode modes option options gear gears program programs programme
function functions layer layers ply plies hole holes piece pieces pcs pc set sets pack packs carton cartons unit
units times cycle cycles row rows tier tiers pair pairs qty quantity scale ph cri spf upf tog aql
uniformity coefficient gauge awg swg
""".split())
_UNITLESS_ALT = "|".join(sorted(UNITLESS_WORDS, key=len, reverse=True))
#: Up to two lower-case nouns that extend a property word into a longer label: "frequency response",
#: "beam spread", "power cord" (not "weight class", "speed settings" or a preposition).
_FUNCTION = (
    "at|after|of|in|under|on|per|between|across|along|for|with|to|from|by|and|or|is|are|be|must|shall|should"
    "|will|was|were|remains?|stays?|equals?|measures?|becomes?|max|min|maximum|minimum|not|up|less|more|approx|about|around|nominal|typical|over|below|above|than"
)
EXTENSION = rf"(?:{_H}+(?!(?i:{_FUNCTION}|{_UNITLESS_ALT})(?![\p{{L}}-]))(?-i:\p{{Ll}}[\p{{Ll}}-]+)){{0,2}}"

#: A unit declared for the values of the clause: "Measurements in inches:", "all dimensions in mm",
#: "(cm):", "unit: mm", "in mm".
_DECLARED = compile_pattern(
    rf"(?i:\b(?:(?:all{_H}+)?(?:measurements?|dimensions?|sizes?|values?|figures?|specs?|spec(?:ification)?s?)"
    rf"(?:{_H}+(?:are|given|stated|shown|listed))?{_H}+in|units?(?:{_H}+of{_H}+measure)?{_H}*[:=]|uom{_H}*[:=]"
    rf"|(?<=(?:[:(,;—–]|\A){_H}*)(?:(?:all|both|each){_H}+)?in)){_H}+(?P<u>\S+?)(?=[\s:),;.]|\Z)"
    rf"|\({_H}*(?P<p>[^\d()\n]{{1,12}}?){_H}*\){_H}*:"
)


def is_measured_noun(word: str) -> bool:
    """Whether ``word`` is a noun of measure by its formation (-ness, -ity, -ance/-ence, -age)."""
    w = word.lower()
    if not _MORPH_FULL.fullmatch(w):
        return False
    last = w.rsplit("-", 1)[-1]
    return last in _MEASURED_ANYWAY or (last not in _NOT_MEASURED and w not in _NOT_MEASURED)


def has_unitless_word(phrase: str) -> bool:
    return any(w.strip(".,()").lower() in UNITLESS_WORDS for w in phrase.split())


def declares_unit(text: str) -> bool:
    """Whether the clause states once the unit of its values ("Measurements in inches: …")."""
    for m in _DECLARED.finditer(text):
        unit = m.group("u") or m.group("p") or ""
        unit = unit.strip().strip(".")
        if unit and UNIT_RE.fullmatch(unit):
            return True
    return False
