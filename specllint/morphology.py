"""A small English morphology for lexicon entries: inflections and spelling variants.

The default pipeline has no lemmatizer, so specllint works the other way round: every
word of a rule's lexicon is expanded once, when the rule is built, into the forms it can
take in a contract (plural, -ed/-ing, comparative and superlative, -ly adverb) and into
its British and American spellings. Matching then compares lower-cased tokens with the
expanded sets, which costs nothing per clause.

Over-generation is harmless as long as it does not produce a different real word
("good" must not yield "goods"), so the part of speech decides which endings apply:
adjectives and verbs are listed in ``rules/vocabulary/morphology.yaml``; words ending like
adjectives (-able, -ous, -ful…) are adjectives, words ending in -ise/-ize/-ify verbs, and
every other word a noun (plural only).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

import regex

from . import vocabulary
from .buildcache import compile_pattern

VOWELS = "aeiou"
_ADJ_SUFFIX = compile_pattern(r"(?:able|ible|ous|ful|ive|ic|ical|less|proof|ant|ent)$")
_VERB_SUFFIX = compile_pattern(r"(?:ise|ize|yse|yze|ify)$")
_ISE = compile_pattern(r"^(\w{2,}?)is(e|ed|es|ing|er|ers|ation|ations)$")
_IZE = compile_pattern(r"^(\w{2,}?)iz(e|ed|es|ing|er|ers|ation|ations)$")
_YSE = compile_pattern(r"^(\w{2,}?)ys(e|ed|es|ing|er|ers)$")
_YZE = compile_pattern(r"^(\w{2,}?)yz(e|ed|es|ing|er|ers)$")
_LLED = compile_pattern(r"^(\w{2,}[aeiou])ll(ed|ing|er|ers)$")
_LED = compile_pattern(r"^(\w{2,}[aeiou])l(ed|ing|er|ers)$")
POS_TAGS = ("adj", "noun", "verb", "exact")


def syllables(word: str) -> int:
    """Rough syllable count (vowel groups, a final silent e not counted)."""
    groups = regex.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(1, count)


def _cvc(word: str) -> bool:
    """Ends consonant-vowel-consonant (doubling: big -> bigger, stop -> stopped)."""
    return (
        len(word) >= 3
        and word[-1] not in VOWELS + "wxy"
        and word[-2] in VOWELS
        and word[-3] not in VOWELS
        and syllables(word) == 1
    )


def plural(noun: str) -> str:
    """Regular plural of ``noun``."""
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in VOWELS:
        return noun[:-1] + "ies"
    return noun + "s"


def verb_forms(verb: str) -> set[str]:
    """Regular -s, -ed and -ing forms (with e-drop, y->i and consonant doubling)."""
    out = {plural(verb)}
    if verb.endswith("e"):
        out.add(verb + "d")
        if verb.endswith("ie"):
            out.add(verb[:-2] + "ying")
        else:
            out.add((verb if verb.endswith(("ee", "ye", "oe")) else verb[:-1]) + "ing")
    elif verb.endswith("y") and verb[-2:-1] not in tuple(VOWELS):
        out |= {verb[:-1] + "ied", verb + "ing"}
    elif _cvc(verb):
        out |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    else:
        out |= {verb + "ed", verb + "ing"}
        if verb.endswith("l") and verb[-2:-1] in tuple(VOWELS):
            out |= {verb + "led", verb + "ling"}  # British doubling: labelled, travelling
    return out


def adjective_forms(adj: str, adverb: bool = True) -> set[str]:
    """Comparative, superlative (short adjectives) and the -ly adverb."""
    out: set[str] = set()
    if syllables(adj) == 1 or (syllables(adj) == 2 and adj.endswith(("y", "le", "ow"))):
        if adj.endswith("e"):
            out |= {adj + "r", adj + "st"}
        elif adj.endswith("y") and adj[-2:-1] not in tuple(VOWELS):
            out |= {adj[:-1] + "ier", adj[:-1] + "iest"}
        elif _cvc(adj):
            out |= {adj + adj[-1] + "er", adj + adj[-1] + "est"}
        else:
            out |= {adj + "er", adj + "est"}
    if adverb:
        if adj.endswith("le") and not adj.endswith("ole"):
            out.add(adj[:-1] + "y")
        elif adj.endswith("y") and adj[-2:-1] not in tuple(VOWELS):
            out.add(adj[:-1] + "ily")
        elif adj.endswith("ic"):
            out.add(adj + "ally")
        elif adj.endswith("ll"):
            out.add(adj + "y")
        else:
            out.add(adj + "ly")
    return out


class Morphology:
    """Inflection and spelling data from ``morphology.yaml`` and ``spelling.yaml``."""

    def __init__(
        self,
        adjectives: Iterable[str],
        verbs: Iterable[str],
        uninflected: Iterable[str],
        no_adverb: Iterable[str],
        irregular: Mapping[str, Iterable[str]],
        spelling: Mapping[str, str],
    ) -> None:
        self.adjectives = frozenset(adjectives)
        self.verbs = frozenset(verbs)
        self.uninflected = frozenset(uninflected)
        self.no_adverb = frozenset(no_adverb)
        self.irregular = {k: frozenset(v) for k, v in irregular.items()}
        pairs = [(b.lower(), a.lower()) for b, a in spelling.items()]
        # longest first so "aluminium" wins over a shorter overlapping stem
        self._spelling = sorted(pairs + [(a, b) for b, a in pairs], key=lambda p: -len(p[0]))
        # a rule pack asks for the same few thousand words many times over
        self._spellings: dict[str, frozenset[str]] = {}
        self._forms: dict[tuple[str, str | None], frozenset[str]] = {}

    def pos_of(self, word: str) -> str:
        """The inflection class of a lexicon word: adj, verb, noun or exact."""
        if word in self.uninflected or not word.isalpha():
            return "exact"
        if word in self.adjectives:
            return "adj"
        if word in self.verbs:
            return "verb"
        if _ADJ_SUFFIX.search(word) and len(word) > 4:
            return "adj"
        if _VERB_SUFFIX.search(word) and len(word) > 5:
            return "verb"
        return "noun"

    def spellings(self, word: str) -> frozenset[str]:
        """``word`` and its other British/American spellings."""
        known = self._spellings.get(word)
        if known is None:
            known = self._spellings[word] = frozenset(self._spell(word))
        return known

    def _spell(self, word: str) -> set[str]:
        out = {word}
        for a, b in self._spelling:
            if a in word:
                out.add(word.replace(a, b))
        for pattern, repl in ((_ISE, "iz"), (_IZE, "is"), (_YSE, "yz"), (_YZE, "ys")):
            m = pattern.match(word)
            if m:
                out.add(m.group(1) + repl + m.group(2))
        if m := _LLED.match(word):
            out.add(m.group(1) + "l" + m.group(2))
        elif m := _LED.match(word):
            out.add(m.group(1) + "ll" + m.group(2))
        return out

    def forms(self, word: str, pos: str | None = None) -> frozenset[str]:
        """Every form of ``word`` (lower-cased) a contract may use, in every spelling."""
        key = (word, pos)
        known = self._forms.get(key)
        if known is None:
            known = self._forms[key] = self._all_forms(word, pos)
        return known

    def _all_forms(self, word: str, pos: str | None) -> frozenset[str]:
        word = word.lower()
        pos = pos or self.pos_of(word)
        if pos == "exact":
            return frozenset({word})
        out = {word} | set(self.irregular.get(word, ()))
        for spelling in self.spellings(word):
            out.add(spelling)
            if pos == "adj":
                out |= adjective_forms(spelling, adverb=word not in self.no_adverb)
            elif pos == "verb":
                out |= verb_forms(spelling)
            elif pos == "noun" and not spelling.endswith("s"):
                out.add(plural(spelling))
        final: set[str] = set()
        for form in out:
            final |= self.spellings(form)
        return frozenset(final)


def _judging_y_adjectives() -> set[str]:
    """Adjectives in -y from the judging vocabularies ("punchy", "squishy", "hefty"): a word in
    -y is a noun unless listed, and these lists name adjectives."""
    words = set(vocabulary.words("evaluative", "adjectives"))
    product = vocabulary.load("product-judgements")
    for tier in ("anywhere", "frames", "predicate"):
        for listed in (product.get(tier) or {}).values():
            words.update(str(w).lower() for w in listed or ())
    return {w for w in words if w.endswith("y") and w.isalpha()}


@cache
def default_morphology() -> Morphology:
    """The morphology built from the shipped vocabularies."""
    data = vocabulary.load("morphology")
    irregular = data.get("irregular", {}) or {}
    spelling = vocabulary.load("spelling").get("pairs", {}) or {}
    return Morphology(
        adjectives=[*vocabulary.words("morphology", "adjectives"), *_judging_y_adjectives()],
        verbs=vocabulary.words("morphology", "verbs"),
        uninflected=vocabulary.words("morphology", "uninflected"),
        no_adverb=vocabulary.words("morphology", "no-adverb"),
        irregular={str(k).lower(): [str(x).lower() for x in v] for k, v in irregular.items()},
        spelling={str(k): str(v) for k, v in spelling.items()},
    )


def forms(word: str, pos: str | None = None) -> frozenset[str]:
    """Shortcut for :meth:`Morphology.forms` with the shipped data."""
    return default_morphology().forms(word, pos)
