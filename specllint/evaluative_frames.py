"""Where a word of the evaluative lexicon judges, in the tokens of one clause.

The words of :mod:`specllint.evaluative_lexicon` ("dainty", "impeccable", "sturdy") are
flagged only in frames where they judge the goods, the way the lexicon kind treats its
context words:

* the frames of context words (after a copula or intensifier, before "enough", coordinated
  with a flagged word, a predicate after the property it judges), checked by the caller;
* coordinated with a flagged word by a comma ("sturdy, handsome shelving");
* as the value of a label ("Glare: superb.", "finish: impeccable;") or as a terse predicate
  opening a clause part ("Fragrance intense and long-lasting");
* before a property noun ("dainty details"), and for the *strong* words (judging in every
  sense, :func:`specllint.evaluative_lexicon.strong_adjectives`) before any noun
  ("gorgeous colours", not a proper name: "Lovely Lamb brand"); any adjective or
  participle before a noun that is itself a judgement ("proven quality", "unmatched
  toughness");
* before "enough" followed by what it is enough for ("opaque enough to hide the contents");
* as the second part of a compound whose first part says how much ("rock-steady",
  "torsion-stiff", "water-clear"), but not a temper or a care instruction ("half-hard",
  "dead-soft", "air-dry"), and a simile compound ("cloud-like cushion");
* derived: the -ly adverb before a participle or adjective, ending a predicate or after
  the verb it judges ("corners crisply mitred", "seams executed cleanly", "cuts cleanly
  through"), -ously/-fully adverbs before a participle ("generously padded"), -ingly
  adverbs before an adjective ("reassuringly thick"), an intensifier before a participle
  ("highly polished");
* sensory "-y" words made from nouns and a few context words, only as predicates ("Handle
  grippy.", "Castings dense, …", "is squishy").

The words come from the external lexicon and from the product vocabulary written for the
project (:func:`specllint.evaluative_lexicon.product_words`), whose tiers say where a word
judges: *anywhere* words are strong, *predicate* words judge only as predicates, label values
or coordinated with a judgement ("Drape: fluid", not "fluid ounce"). Further frames: the
result of a verb ("leaves skin supple"), the second of a coordinated pair ("chairs solid and
substantial", "shall be presentable and serviceable"), a strong word coordinated by a comma
with a judging word ("a lush, spacious soundstage"), comparatives of product words ("a
springier foam") and an adjective before a judgement noun of the vocabulary ("considerable
heft").

A word right after a look, an appearance or an absence ("do not look bad", "must read
crisply", "free of disturbing streaks") is left to the subjective-acceptance rule. Spans
are token ranges ``(start, end)``; the caller applies fixed terms and the measurable-context
exemptions to them like to every other match.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import regex

from .evaluative_lexicon import adjectives as lexicon_adjectives
from .evaluative_lexicon import adverbs as lexicon_adverbs
from .evaluative_lexicon import product_nouns, product_nuisances, product_words, stopwords, strong_adjectives
from .morphology import adjective_forms, default_morphology
from .vocabulary import function_words

HYPHENS = frozenset({"-", "‐", "‑"})
#: compounds whose first part makes a temper, a care instruction or a plain description
COMPOUND_FIRST_STOP = frozenset({
    "half", "full", "quarter", "dead", "spring", "semi", "non", "self", "medium", "all", "well", "ill", "air",
    "drip", "tumble", "line", "flash", "dry", "pre", "post", "re", "co", "x",
})
#: context words that judge as the second part of a compound ("rock-solid", "ice-cold")
COMPOUND_CONTEXT = frozenset({
    "stable", "steady", "clear", "fast", "cold", "hot", "tight", "firm", "soft", "hard", "strong", "thin",
    "thick", "smooth", "sharp", "stiff", "tough", "flat", "even", "dense", "rigid", "quiet", "silent", "bright",
    "solid", "secure", "safe", "light", "kind", "cool", "warm",
})
#: second parts of compounds that are nouns as often as adjectives ("spot-light", "back-light")
COMPOUND_NOUN_LIKE = frozenset({"light"})
#: intensifiers that make a participle a judgement ("highly polished", "very well finished")
INTENSIFIERS = frozenset({
    "very", "highly", "extremely", "super", "ultra", "exceptionally", "incredibly", "really", "truly",
    "especially", "particularly", "perfectly", "beautifully", "superbly", "immaculately", "impeccably",
})
#: intensifiers that grade any adjective after them ("very cooling", "extremely tactile")
DEGREE_INTENSIFIERS = frozenset({
    "very", "extremely", "incredibly", "exceptionally", "super", "ultra", "remarkably", "amazingly", "exceedingly",
    "insanely", "unbelievably",
})
#: participles that an intensifier does not turn into a quality claim
PARTICIPLE_STOP = frozenset({
    "needed", "required", "used", "based", "related", "recommended", "limited", "concentrated", "regulated",
    "specified", "stated", "defined", "marked", "listed", "requested", "expected", "preferred", "advised",
    "agreed", "approved", "contracted", "declared", "certified", "tested", "inspected", "ordered", "confirmed",
})
#: words of acceptance, owned by the subjective-acceptance rule ("acceptable quality")
ACCEPTANCE = frozenset({
    "acceptable", "unacceptable", "satisfactory", "unsatisfactory", "merchantable", "close", "near",
})
#: -ly adverbs that only qualify certainty, degree or time ("really", "freshly baked" is left to context)
ADVERB_STOP = frozenset({
    "barely", "hardly", "merely", "largely", "lately", "dearly", "mainly", "duly", "supply", "substantially",
    "confidently", "handily",
})
#: strong words that also name a kind of thing before a noun ("bright zinc", "rich black",
#: "unique identifier", "effective length", "gentle cycle")
ATTRIBUTIVE_STOP = frozenset({
    "bright", "sharp", "rich", "delicate", "gentle", "easy", "unique", "serious", "effective", "faint", "huge",
    "popular", "handy", "strong", "tough", "ill", "sick", "sorry", "prominent", "light-hearted", "well-advised",
    "optimum", "ideal", "bad", "wrong", "difficult", "impossible", "favorite", "favored", "loved", "liked",
})
#: nouns that are judgements themselves: any adjective or participle before them judges
JUDGEMENT_NOUNS = frozenset({
    "quality", "workmanship", "craftsmanship", "performance", "durability", "reliability", "toughness",
    "comfort", "sturdiness", "robustness",
})
#: looks and impressions belong to the subjective-acceptance rule; a feel is a claim about the
#: goods ("the spring feels lively") and is left to SPL101 unless SPL107 reports it too
LOOK_WORDS = frozenset({
    "look", "looks", "looked", "looking", "appear", "appears", "appeared", "appearance", "seem", "seems", "seemed",
    "impression", "read", "reads", "sounds", "smells", "tastes",
})
#: verbs of a result: a judging word after them and their object judges ("leaves skin supple")
RESULT_VERBS = frozenset({
    "leave", "leaves", "leaving", "left", "keep", "keeps", "keeping", "kept", "make", "makes", "making",
    "render", "renders", "rendering", "rendered",
})
#: words that judge as a predicate but name a kind or a result as a label's value ("Polarity: positive")
VALUE_STOP = frozenset({"positive", "sound", "true"})
#: comparatives of product words that are nouns ("rain slicker")
COMPARATIVE_STOP = frozenset({"slicker", "luxer", "rapider", "fluider"})
#: before a judging word: an absence left to opinion ("free of disturbing streaks")
NEGATED = frozenset({"no", "without", "free"})
#: after "enough": what it is enough for, or the end of the predicate
ENOUGH_AFTER = frozenset({"to", "for", "and", "or", "but", ".", ",", ";", ":", "!", ")"})
#: -ly adverbs of descriptive adjectives that judge how a thing was made ("generously padded")
DERIVED_ADVERB = ("ously", "fully")
DERIVED_ADVERB_STOP = frozenset({
    "previously", "continuously", "simultaneously", "successfully", "variously", "obviously", "spontaneously",
    "fully", "dutifully", "lawfully", "unlawfully", "rightfully", "anonymously", "unanimously", "erroneously",
    "accordingly", "correspondingly", "increasingly", "decreasingly", "willingly", "knowingly", "unknowingly",
    "seemingly", "interchangeably", "alternatingly",
})
#: context words that judge as a terse predicate ("Castings dense, …"); dimensions such as
#: "long" or "wide" describe there ("Sleeves long")
TERSE_CONTEXT = frozenset({"dense", "firm", "stable", "steady", "plush", "rich", "rigid", "clean", "stiff"})
#: "-y" words that are nouns, verbs or colours, not sensory adjectives ("safety", "notify", "ivory")
Y_ENDINGS_NOT_ADJECTIVE = (
    "ly", "ey", "ay", "oy", "uy", "ity", "ary", "ory", "ery", "ency", "ancy", "acy", "ogy", "phy", "ify", "try",
    "rty", "lty", "nty",
)
Y_NOUNS = frozenset({
    "safety", "warranty", "canopy", "standby", "luxury", "epoxy", "berry", "cherry", "carry", "ready", "empty",
    "heavy", "study", "body", "copy", "duty", "city", "navy", "ivory", "honey", "money", "army", "policy", "jelly",
    "assembly", "delivery", "battery", "factory", "quantity", "entry", "energy", "buddy", "hobby", "puppy",
    "teddy", "candy", "daisy", "company", "pharmacy", "galley", "trophy",
    "terry", "dobby", "organdy", "kitty", "potty", "nappy", "hanky", "jetty", "lolly", "buggy", "dolly", "gully",
    "poppy", "lorry", "trolley", "galaxy", "alloy", "gravy", "poly", "sixty", "fifty",
    "eighty", "ninety", "thirty", "forty", "twenty", "seventy", "penny", "party", "worthy", "pretty", "happy",
    "dusty", "dirty", "sorry", "angry", "hungry", "busy", "baby", "lady", "tidy", "many", "any", "every", "only",
    "jury", "pony", "ruby", "gray", "envy", "fury", "bevy", "levy", "wavy", "oily", "holy", "deny", "defy", "rely",
    "apply", "supply", "reply", "imply", "comply", "verify", "dry", "try", "cry", "fry", "spy", "fly", "ply",
})
ARTICLES = frozenset({"the", "a", "an"})
#: words of an absence or a trace of a nuisance ("no play", "minimal backlash")
ABSENCE = frozenset({"no", "zero", "nil", "minimal", "minimum", "negligible", "little"})
#: second parts of a compound that deny a nuisance ("lag-less", "dot-free")
ABSENCE_SUFFIX = frozenset({"less", "free"})
#: after a participle: it is a passive verb ("absorbed into the skin", "concerned by the change")
PASSIVE_AFTER = frozenset({"by", "into", "in", "within", "from", "very", "quickly", "fully", "completely"})
#: words that coordinate two predicates ("grippy and non-slip", "squishy, slow-rising")
JOINS = frozenset({"and", "or", "but", "yet", ",", "&", "/"})
#: what may open the clause part before a terse predicate's subject
PART_OPENERS = frozenset({",", ";", ":", "(", "】", "]", "•"})
ADJECTIVE_ENDINGS = ("ous", "ful", "ive", "able", "ible", "ic", "al", "less")
PUNCT_CLOSE = frozenset({".", ",", ";", ":", "!", "?", ")", "/"})


def _closes(doc, i: int) -> bool:
    return i >= len(doc) or doc[i].text in PUNCT_CLOSE or doc[i].lower_ in ("and", "or", "but", "yet", "&")


def _tight(doc, i: int) -> bool:
    """Token ``i`` is followed without a space (part of a hyphenated word)."""
    return not doc[i].whitespace_


def _tight_not(doc, i: int) -> bool:
    """Token ``i`` is followed by a space (not the first part of a hyphenated word)."""
    return bool(doc[i].whitespace_)


#: nouns that close a product-line or company name ("Luxury Linen Edition", "Strong Box Ltd")
LINE_NOUNS = frozenset({
    "collection", "edition", "series", "range", "line", "family", "signature", "selection", "capsule", "programme",
    "program", "brand", "label",
    # company names ("Strong Box Ltd")
    "ltd", "ltd.", "limited", "inc", "inc.", "llc", "gmbh", "corp", "corp.", "co", "co.", "plc", "ag", "bv", "pty",
    "srl", "sarl", "oy", "company", "corporation", "group", "industries", "enterprises", "trading",
})
#: a catalogue code after a name: "… style LL-208", "…, SKU SO-1802", ", item no. 77-210", "SC40"
CODE_AFTER = regex.compile(
    r"[\s,]*(?:(?:(?i:style|item|sku|model|art|article|ref|code|no|nr)\.?\s*|#\s*)+\d[\w./-]*"
    r"|[A-Z]{1,5}[-‐]?\d[\w./-]*)"
)


def _names_product(doc, start: int, end: int) -> bool:
    """The title-case run ``doc[start:end]`` ends with a line or company noun or is followed by a code."""
    if doc[end - 1].lower_ in LINE_NOUNS:
        return True
    if end >= len(doc):
        return False
    return CODE_AFTER.match(doc.text, doc[end - 1].idx + len(doc[end - 1].text)) is not None


def is_proper_name(doc, i: int) -> bool:
    """Title-case word before another title-case word: a proper name ("Pleasant Valley
    collection"), inside a clause or opening it when lower-case words follow the pair, or a
    longer title-case run that names a product line or is followed by its code ("Luxury Linen
    Edition style LL-208")."""
    second = i + 1
    if i + 3 < len(doc) and doc[i + 1].text in HYPHENS and _tight(doc, i) and _tight(doc, i + 1) \
            and doc[i + 3].is_alpha:
        second = i + 2  # a hyphenated title-case name before a noun reads as two words ("Snug-Fit seat covers")
    if second >= len(doc) or not (doc[i].is_title and doc[second].is_title):
        return False
    if i > 0 and not doc[i - 1].is_punct:
        return True
    if second + 1 >= len(doc) or not doc[second + 1].is_title:
        return True
    end = second + 1
    while end < len(doc) and doc[end].is_title:
        end += 1
    return _names_product(doc, i, end)


class JudgingFrames:
    """Finds evaluative-lexicon words used as judgements in a spaCy Doc."""

    def __init__(
        self,
        property_nouns: Iterable[str],
        adjectives: Iterable[str],
        hedges: Iterable[str],
        cues: Iterable[str] = (),
        listed: Iterable[str] = (),
    ) -> None:
        """``listed`` are the rule's own one-word terms: their -ly adverbs judge as well
        ("snug" -> "fits snugly")."""
        anywhere = product_words("anywhere")
        #: product words that judge only as predicates ("drape: fluid", not "fluid ounce")
        self.predicative = product_words("predicate")
        self.words = lexicon_adjectives() | anywhere | product_words("frames") | self.predicative
        self.strong = (strong_adjectives() | anywhere) - ATTRIBUTIVE_STOP
        self.judgement_nouns = JUDGEMENT_NOUNS | product_nouns()
        morph = default_morphology()
        self.nuisances = frozenset(f for w in product_nuisances() for f in morph.forms(w, "noun"))
        self.function = function_words()
        own = lexicon_adverbs(w for w in listed if w.isalpha() and len(w) > 3)
        self.lexicon_adverbs = frozenset(lexicon_adverbs(self.words - self.predicative)) | {
            w for w in self.words if w.endswith("ly") and w[:-2] in stopwords()
        }
        self.adverbs = {**own, **lexicon_adverbs(self.words - self.predicative)}
        self.nouns = frozenset(property_nouns)
        self.adjectives = frozenset(adjectives) | self.words
        self.hedges = frozenset(hedges)
        self.cues = self.hedges | frozenset(cues)
        self.second = self.words | COMPOUND_CONTEXT
        #: comparatives and superlatives of product words ("springier", "plushest"): they judge
        #: anywhere unless bound to a value ("loftier than 20 cm³/g" is left to the caller)
        self.comparatives = frozenset(
            form for w in anywhere | product_words("frames") for form in adjective_forms(w)
            if form.endswith(("er", "est")) and form not in self.words and form not in COMPARATIVE_STOP
        )
        #: words whose coordinated partner may be a terse predicate ("solid and substantial")
        self.pair_words = self.adjectives | self.second

    @staticmethod
    def fragments() -> tuple[str, ...]:
        """Word endings that can start a frame without any listed word ("generously padded")."""
        return (*DERIVED_ADVERB, "ingly", "y ", "y,", "y.", "y;")

    def triggers(self) -> frozenset[str]:
        """Lower-case tokens without which no frame can match (besides :meth:`fragments`)."""
        return self.words | frozenset(self.adverbs) | INTENSIFIERS | DEGREE_INTENSIFIERS | COMPOUND_CONTEXT \
            | self.judgement_nouns \
            | self.comparatives \
            | TERSE_CONTEXT | self.nuisances | {"enough", "like"}

    def _adjective_like(self, token) -> bool:
        low = token.lower_
        return token.is_alpha and low not in ACCEPTANCE and (
            low in self.adjectives or (low.endswith(ADJECTIVE_ENDINGS) and len(low) > 5) or self._participle(token)
        )

    @staticmethod
    def _participle(token) -> bool:
        low = token.lower_
        return token.is_alpha and len(low) > 4 and low.endswith(("ed", "en")) and low not in PARTICIPLE_STOP

    def candidates(
        self,
        doc,
        taken: set[int],
        flagged: list[tuple[int, int]],
        evaluative: Callable[[int, int, list[tuple[int, int]]], bool],
    ) -> list[tuple[int, int]]:
        """Token spans of judging uses; ``flagged`` are the rule's other matches and
        ``evaluative(start, end, others)`` the caller's context-word test."""
        out: list[tuple[int, int]] = []
        for _ in range(2):  # a second pass finds words coordinated with a later find
            before = len(out)
            for i in range(len(doc)):
                if i in taken or any(s <= i < e for s, e in out):
                    continue
                span = self._frame(doc, i, taken, flagged + out, evaluative)
                if span is None or any(j in taken for j in range(*span)) or self._after_look(doc, span[0]):
                    continue
                out = [o for o in out if not (span[0] <= o[0] and o[1] <= span[1])]
                out.append(span)
            if len(out) == before:
                break
        return sorted(out)

    def _frame(self, doc, i: int, taken: set[int], others, evaluative) -> tuple[int, int] | None:
        """The span of the judging use that token ``i`` ends or starts, if any."""
        n = len(doc)
        token = doc[i]
        low = token.lower_
        if i >= 2 and doc[i - 1].text in HYPHENS and _tight(doc, i - 2) and _tight(doc, i - 1) \
                and self._compound_head(doc[i - 2]):
            if low in self.second and not (low in COMPOUND_NOUN_LIKE and not _closes(doc, i + 1)):
                return (i - 2, i + 1)
            if low == "like" and (_closes(doc, i + 1) or doc[i + 1].is_alpha):
                return (i - 2, i + 1)
        if low.endswith("ly") and low[:-2] in self.predicative and i > 0 and doc[i - 1].lower_ in self.hedges:
            return (i, i + 1)  # "snap on more positively": a hedge makes the adverb a judgement
        if (low in self.adverbs or (low in self.words and low.endswith("ly"))) and low not in ADVERB_STOP:
            if i + 1 < n and (self._adjective_like(doc[i + 1]) or doc[i + 1].lower_ in self.second) \
                    and (i + 1) not in taken:
                return (i, i + 2)
            if _closes(doc, i + 1) and i > 0 and not doc[i - 1].like_num:
                return (i, i + 1)
            if low in self.lexicon_adverbs and i > 0 and doc[i - 1].is_alpha:
                return (i, i + 1)  # after the verb it judges ("cuts cleanly through green wood")
            if low not in self.words:
                return None  # "lovely", "lively" go on as adjectives
        if low.endswith("ingly") and len(low) > 7 and low not in DERIVED_ADVERB_STOP and i + 1 < n \
                and (self._adjective_like(doc[i + 1]) or doc[i + 1].lower_ in self.second) and (i + 1) not in taken:
            return (i, i + 2)  # "reassuringly thick", "refreshingly light"
        if low.endswith(DERIVED_ADVERB) and low not in DERIVED_ADVERB_STOP and i + 1 < n \
                and self._participle(doc[i + 1]) and (i + 1) not in taken:
            return (i, i + 2)  # "generously padded", "meticulously stitched"
        if low in self.nuisances:
            return self._absence(doc, i)
        if low in ABSENCE_SUFFIX and i >= 2 and doc[i - 1].text in HYPHENS and _tight(doc, i - 2) \
                and _tight(doc, i - 1) and doc[i - 2].lower_ in self.nuisances:
            return (i - 2, i + 1)  # "lag-less", "dot-free"
        if low in self.words:
            return self._adjective(doc, i, others, evaluative)
        if low in self.comparatives and token.is_alpha and not is_proper_name(doc, i):
            return (i, i + 1)  # "a springier foam", "cushions plusher than before"
        if low in TERSE_CONTEXT or self._sensory(token):
            return self._predicate(doc, i, others)
        if low in self.judgement_nouns and i > 0 and self._adjective_like(doc[i - 1]) and (i - 1) not in taken \
                and doc[i - 1].lower_ not in self.function:
            return (i - 1, i + 1)
        if low == "enough" and i > 0 and doc[i - 1].is_alpha and doc[i - 1].lower_ not in self.function | ACCEPTANCE \
                and (i - 1) not in taken and (i + 1 >= n or doc[i + 1].lower_ in ENOUGH_AFTER):
            return (i - 1, i + 1)
        if self._participle(token) and i > 0 and doc[i - 1].lower_ in INTENSIFIERS and (i - 1) not in taken:
            return (i - 1, i + 1)
        if low in DEGREE_INTENSIFIERS and i + 1 < n and (i + 1) not in taken and self._intensified(doc, i):
            return (i, i + 2)  # "very cooling", "extremely tactile": an intensifier grades a quality
        return None

    def _intensified(self, doc, i: int) -> bool:
        """Token ``i`` is an intensifier before an adjective it grades (not "the very end")."""
        if i > 0 and doc[i - 1].lower_ in ARTICLES | {"this", "that", "its", "their"}:
            return False
        word = doc[i + 1]
        low = word.lower_
        if not word.is_alpha or low in self.function or low in stopwords() or low in ACCEPTANCE:
            return False
        return self._adjective_like(word) or (low.endswith("ing") and len(low) > 5)

    def _absence(self, doc, i: int) -> tuple[int, int] | None:
        """An absence or trace of the nuisance at ``i`` that ends its phrase: "no play", "zero
        stickiness", "minimal axial play", "no any smell"; not "no play value"."""
        if i + 1 < len(doc) and doc[i + 1].is_alpha and doc[i + 1].lower_ not in self.function:
            return None  # the nuisance names a kind of thing: "zero latency mode", "no fatigue cracks"
        j = i - 1
        if j >= 0 and doc[j].lower_ == "any":
            j -= 1
        elif j >= 1 and doc[j].is_alpha and doc[j].lower_ not in self.function and doc[j - 1].lower_ in ABSENCE:
            j -= 1  # one word between: "no visible flicker", "minimal axial play"
        if j >= 0 and doc[j].lower_ in ABSENCE | {"hardly", "barely"}:
            return (j, i + 1)
        return None

    @staticmethod
    def _passive(doc, i: int) -> bool:
        """A participle of the lexicon ("absorbed", "composed") used as a passive verb: followed
        by its agent, a preposition of the action or an adverb of manner."""
        low = doc[i].lower_
        if not low.endswith("ed") or i + 1 >= len(doc):
            return False
        nxt = doc[i + 1].lower_
        return nxt in PASSIVE_AFTER or (nxt.endswith("ly") and len(nxt) > 4)

    @staticmethod
    def _after_look(doc, start: int) -> bool:
        """A look or appearance word just before ("do not look bad", "the look is lovely"), or
        an absence ("free of disturbing streaks"): acceptance, not a claim about the goods."""
        if any(doc[j].lower_ in LOOK_WORDS for j in range(max(0, start - 3), start)):
            return True
        return any(
            doc[j].lower_ in NEGATED and not (doc[j].lower_ == "free" and j > 0 and doc[j - 1].text in HYPHENS)
            for j in range(max(0, start - 2), start)
        )  # "creak-free and reassuringly rigid" is no absence

    @staticmethod
    def _sensory(token) -> bool:
        """A sensory "-y" adjective made from a noun ("squishy", "grippy", "dewy", "lofty")."""
        low = token.lower_
        return (
            token.is_alpha and len(low) >= 4 and low.endswith("y") and low[-2] not in "aeiouy"
            and not low.endswith(Y_ENDINGS_NOT_ADJECTIVE) and low not in Y_NOUNS
        )

    def _predicate(self, doc, i: int, others: list[tuple[int, int]]) -> tuple[int, int] | None:
        """A word that judges only as a predicate: after a copula or intensifier,
        coordinated with a flagged word, or right after what it describes."""
        if i > 0 and doc[i - 1].lower_ in self.cues:
            return (i, i + 1)
        if i > 0 and doc[i - 1].lower_ in JOINS and any(e == i - 1 for _, e in others):
            return (i, i + 1)
        if i + 1 < len(doc) and doc[i + 1].lower_ in JOINS and any(s == i + 2 for s, _ in others):
            return (i, i + 1)
        if self._terse(doc, i):
            return (i, i + 1)
        return None

    def _judging_start(self, doc, i: int) -> bool:
        """Token ``i`` starts a judging word: a listed word, an adverb of one, or the first part
        of a compound whose second part judges ("cloud-soft")."""
        low = doc[i].lower_
        if low in self.words or low in self.adverbs:
            return True
        return i + 2 < len(doc) and doc[i + 1].text in HYPHENS and _tight(doc, i) and _tight(doc, i + 1) \
            and doc[i + 2].lower_ in self.second

    def _result(self, doc, i: int) -> bool:
        """Token ``i`` ends the predicate of a result verb, right after it or after its object
        of one to three words ("leaves hair glossy", "skin left plumped", "keeps the edge keen")."""
        if not _closes(doc, i + 1):
            return False
        j = i - 1
        while j >= 0 and i - j <= 4:
            low = doc[j].lower_
            if low in RESULT_VERBS:
                return j < i - 1 or low in ("left", "kept", "rendered")
            if not (self._noun_like(doc[j]) or low in ARTICLES or low in ("your", "its", "their", "his", "her")):
                return False
            j -= 1
        return False

    def _subject_word(self, doc, j: int) -> bool:
        """Token ``j`` can be part of the short subject of a terse predicate: a noun-like word,
        an article, or a part of a hyphenated compound ("Ride-on car zippy")."""
        token = doc[j]
        if self._noun_like(token) or token.lower_ in ARTICLES:
            return True
        if token.text in HYPHENS:
            return j > 0 and _tight(doc, j - 1) and _tight(doc, j)
        return token.is_alpha and j > 0 and doc[j - 1].text in HYPHENS and _tight(doc, j - 1)

    def _noun_like(self, token) -> bool:
        low = token.lower_
        return token.is_alpha and low not in self.function and low not in self.adjectives and low not in self.adverbs

    def _terse(self, doc, i: int) -> bool:
        """Token ``i`` is a terse predicate: it ends its phrase, and one to three nouns (with
        an article) before it open a clause part ("Castings dense, …", "and the print rich")."""
        if i == 0 or not _closes(doc, i + 1):
            return False
        if i >= 3 and doc[i - 1].lower_ in ("and", ",", "or") and doc[i - 2].is_alpha \
                and doc[i - 2].lower_ in self.pair_words:
            i -= 2  # the second of a coordinated pair ("Dining chairs solid and substantial")
        if not self._noun_like(doc[i - 1]):
            return False
        j = i - 1
        hyphens = 0
        while j >= 0 and i - j <= 3 + hyphens and self._subject_word(doc, j):
            hyphens += doc[j].text in HYPHENS
            j -= 1
        return j < 0 or doc[j].text in PART_OPENERS or doc[j].lower_ in ("and", "but")

    def _compound_head(self, token) -> bool:
        """The first part of a judging compound: a word, not a temper, number or prefix."""
        low = token.lower_
        return token.is_alpha and len(low) > 2 and low not in COMPOUND_FIRST_STOP and low not in self.function

    def _adjective(self, doc, i: int, others: list[tuple[int, int]], evaluative) -> tuple[int, int] | None:
        n = len(doc)
        if self._passive(doc, i):
            return None  # "be absorbed very rapidly", "is composed of": a verb, not a judgement
        if evaluative(i, i + 1, others):
            return (i, i + 1)
        prev = doc[i - 1].text if i > 0 else ""
        nxt = doc[i + 1].text if i + 1 < n else ""
        # coordinated by a comma with a flagged word ("sturdy, dependable", "vibrant, cheerful")
        if prev == "," and any(e == i - 1 for _, e in others):
            return (i, i + 1)
        if nxt == "," and any(s == i + 2 for s, _ in others):
            return (i, i + 1)
        # the second of two predicates after a copula ("shall be presentable and serviceable")
        if i >= 3 and prev in ("and", "or") and doc[i - 3].lower_ in self.cues and doc[i - 2].is_alpha \
                and _closes(doc, i + 1):
            return (i, i + 1)
        # the value of a label ("Glare: minimal.")
        if prev == ":" and _closes(doc, i + 1) and doc[i].lower_ not in VALUE_STOP:
            return (i, i + 1)
        # the result of a verb ("leaves skin supple", "left plumped")
        if self._result(doc, i):
            return (i, i + 1)
        # the first of two adjectives coordinated before the property they judge ("of sound and
        # merchantable quality", "a compact and sturdy construction")
        if i + 3 < n and nxt in ("and", "or", "&") and doc[i + 2].is_alpha and doc[i + 2].lower_ not in self.function \
                and doc[i + 3].lower_ in self.nouns:
            return (i, i + 1)
        if doc[i].lower_ in self.predicative:
            return (i, i + 1) if self._terse(doc, i) else None
        # before the property it judges ("dainty details", "unmatched toughness")
        if i + 1 < n and doc[i + 1].lower_ in self.nouns:
            return (i, i + 2)
        if i + 2 < n and doc[i + 2].lower_ in self.nouns and doc[i + 1].is_alpha \
                and doc[i + 1].lower_ in self.adjectives:
            return (i, i + 3)
        # a terse predicate right after what it describes ("Fragrance intense.", "Towels plush, thirsty")
        if self._terse(doc, i):
            return (i, i + 1)
        # a strong word before any noun ("gorgeous colours"), not a compound or a name, or
        # before another judging word it is coordinated with ("a lush, spacious soundstage")
        if doc[i].lower_ in self.strong and i + 1 < n and doc[i + 1].is_alpha and _tight_not(doc, i) \
                and doc[i + 1].lower_ not in self.function and not is_proper_name(doc, i):
            return (i, i + 1)
        if doc[i].lower_ in self.strong and nxt == "," and i + 2 < n and self._judging_start(doc, i + 2):
            return (i, i + 1)
        return None
