"""Evaluative adjectives from an external subjectivity lexicon, for the vague-term rules.

Our own term lists only grow with the wording they have seen. This module derives a broad
list of judging adjectives once from the Pattern subjectivity lexicon (Tom De Smedt and
Walter Daelemans, ``en-sentiment.xml``, dedicated to the public domain under the ODC PDDL;
shipped in the TextBlob wheel as ``textblob/en/en-sentiment.xml``) and writes it to
``rules/vocabulary/evaluative.yaml``::

    python -m specllint.evaluative_lexicon path/to/en-sentiment.xml   # rewrite the file

A word is kept when one of its adjective senses is at least :data:`MIN_SUBJECTIVITY`
subjective and at least :data:`MIN_POLARITY` positive or negative, and it is not in
:data:`STOPLIST`: words that name a measurable or categorical property (colours, shapes,
temperatures, sizes, states), words that work as determiners or function words ("able",
"due", "other"), technical and legal terms ("critical" defects, "captive" screw, "genuine"
leather, "dangerous" goods) and words another rule owns ("satisfied", "excessive").

Words whose every sense is subjective and one strongly polar are also listed as *strong*.
The lexicon kind uses these words like its *context words*: one is flagged only where it
judges (:mod:`specllint.evaluative_frames`), never merely because it occurs.

The source lexicon was built from reviews of films and books and lacks most words of product
copy ("supple", "lofty", "snappy", "cosseting"). Those are in a vocabulary written for the
project, ``rules/vocabulary/product-judgements.yaml``, by sense and by where a word judges
(:func:`product_words`, :func:`product_nouns`); the frames use both lists together.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from . import vocabulary
from .morphology import adjective_forms

NAME = "evaluative"
MIN_SUBJECTIVITY = 0.5
MIN_POLARITY = 0.2
#: "strong" words judge before any noun: every sense subjective, one clearly so and polar
STRONG_SUBJECTIVITY = 0.8
STRONG_POLARITY = 0.5

#: Words kept out of the list, by reason (see the module docstring).
STOPLIST: dict[str, tuple[str, ...]] = {
    "measurable or categorical property": (
        "black", "golden", "green", "rose", "broad", "convex", "cold", "hot", "dry", "dried", "raw", "naked",
        "empty", "filled", "full", "half", "single", "large", "little", "small", "high", "higher", "heavy", "light",
        "thick", "thin", "tight", "loose", "hard", "straight", "solid", "clear", "clean", "pure", "fast", "quick",
        "slow", "new", "older", "late", "latest", "past", "previous", "live", "static", "polar", "uncut",
        "unsalted", "unstirred", "ungraded", "cast-iron", "blasted", "twisted", "cutting", "crushing", "seasoned",
        "alcoholic", "artificial", "artesian", "aeriform", "intimate", "classic", "contemporary", "everyday",
        "decreased", "limited", "warm", "cool", "remote", "down", "behind", "base", "blind", "captive", "fly",
        "magic", "crude", "acute", "extreme", "rare", "smart", "legible", "fragile", "super", "plain", "round",
        "square", "natural", "matte", "hidden", "secret", "distant", "guarded", "fresh", "mean", "unique",
    ),
    "determiner, function or degree word": (
        "able", "unable", "absolute", "certain", "due", "other", "own", "first", "first-string", "main", "major",
        "minor", "more", "most", "many", "mere", "particular", "primary", "secondary", "special", "general",
        "same", "different", "random", "ready", "right", "true", "sure", "subject", "top", "usual", "typical",
        "normal", "ok", "okay", "exact", "approximate", "relevant", "important", "significant", "necessary",
        "unnecessary", "unknown", "unlikely", "willing", "welcome", "kind", "rank", "odd", "titular",
        "characteristic", "critical", "average", "common", "positive", "affirmative", "simple", "slight",
    ),
    "technical, legal or trade term": (
        "genuine", "authentic", "original", "professional", "dangerous", "hazardous", "criminal", "illegal",
        "economic", "ethical", "foreign", "accessible", "confirmed", "fabricated", "experienced", "fake",
        "false", "complimentary", "conventional", "active", "advanced", "elect", "fair", "free", "evident",
        "supporting", "mental", "sexual", "pregnant", "married", "juvenile", "implicated", "innocent",
        "interested", "mature", "erroneous",
    ),
    "owned by another rule (acceptance, escape, approximation)": (
        "satisfied", "pleased", "delighted", "happy", "glad", "excessive", "dirty", "dusty", "appropriate",
        "suitable", "reasonable", "adequate", "exaggerated", "fine", "ok", "disturbing", "reputable", "famous",
        "celebrated", "legendary", "infamous", "successful",
    ),
    "price, not the goods": ("expensive", "cheap", "economical"),
    "part of ingredient, material, place or job names": (
        "sweet", "grand", "precious", "noble", "chicken", "casual", "creative", "educational", "collectible",
        "comic", "unilateral",
    ),
    "duty or capacity of a party": ("responsible", "capable", "aware", "careful", "careless", "competent", "detailed"),
}


def stopwords() -> frozenset[str]:
    """Every word of :data:`STOPLIST`."""
    return frozenset(w for words in STOPLIST.values() for w in words)


def select(xml_text: str) -> tuple[list[str], list[str]]:
    """(evaluative adjectives, the strong ones among them), sorted, lower-case, one word
    or hyphenated."""
    root = ET.fromstring(xml_text)
    stop = stopwords()
    senses: dict[str, list[tuple[float, float]]] = {}
    for entry in root.iter("word"):
        form = (entry.get("form") or "").lower()
        if entry.get("pos") != "JJ" or not form.replace("-", "").isalpha() or form in stop:
            continue
        polarity = float(entry.get("polarity") or 0.0)
        subjectivity = float(entry.get("subjectivity") or 0.0)
        senses.setdefault(form, []).append((polarity, subjectivity))
    keep = sorted(w for w, ss in senses.items() if any(s >= MIN_SUBJECTIVITY and abs(p) >= MIN_POLARITY for p, s in ss))
    strong = [
        w for w in keep
        if all(s >= MIN_SUBJECTIVITY for _, s in senses[w])
        and any(s >= STRONG_SUBJECTIVITY and abs(p) >= STRONG_POLARITY for p, s in senses[w])
    ]
    return keep, strong


def render(words: Sequence[str], strong: Sequence[str]) -> str:
    """The YAML file: provenance header, thresholds and the word lists."""
    lines = [
        "# Evaluative adjectives: words that judge rather than describe (generated, do not edit).",
        "#",
        "# Source: Pattern subjectivity lexicon for English adjectives (en-sentiment.xml, v1.3),",
        "#   Tom De Smedt & Walter Daelemans, CLiPS, University of Antwerp; distributed in the",
        "#   TextBlob 0.20.1 wheel as textblob/en/en-sentiment.xml.",
        "# Licence of the source: Open Data Commons Public Domain Dedication and License (PDDL).",
        f"# Selection: part of speech JJ, a sense with subjectivity >= {MIN_SUBJECTIVITY} and",
        f"#   |polarity| >= {MIN_POLARITY}, minus the stoplist in specllint/evaluative_lexicon.py.",
        "# Rebuild: python -m specllint.evaluative_lexicon path/to/en-sentiment.xml",
        f"# strong: every sense subjectivity >= {MIN_SUBJECTIVITY}, one sense >= {STRONG_SUBJECTIVITY} with",
        f"#   |polarity| >= {STRONG_POLARITY}; these judge also before any noun (\"dainty details\").",
        "# Used by the lexicon kind (option evaluative_lexicon): a word is flagged only where it judges.",
        "",
        "adjectives:",
    ]
    lines += [f"  - {w}" for w in words]
    lines += ["", "strong:"]
    lines += [f"  - {w}" for w in strong]
    return "\n".join(lines) + "\n"


def output_path() -> Path:
    """Where the generated list lives."""
    return vocabulary.vocabulary_dir() / f"{NAME}.yaml"


@cache
def adjectives() -> frozenset[str]:
    """The shipped evaluative adjectives."""
    return frozenset(vocabulary.words(NAME, "adjectives"))


@cache
def strong_adjectives() -> frozenset[str]:
    """The shipped adjectives that judge wherever they stand before a noun."""
    return frozenset(vocabulary.words(NAME, "strong"))


#: the product-domain vocabulary written for the project (``rules/vocabulary/product-judgements.yaml``)
PRODUCT = "product-judgements"
#: its tiers: where a word judges (see the file's header)
PRODUCT_TIERS = ("anywhere", "frames", "predicate")


@cache
def product_words(tier: str) -> frozenset[str]:
    """The product-quality judging words of one tier (``anywhere``, ``frames``, ``predicate``),
    all senses together."""
    if tier not in PRODUCT_TIERS:
        raise ValueError(f"unknown tier {tier!r}")
    senses = vocabulary.load(PRODUCT).get(tier) or {}
    if not isinstance(senses, dict):
        raise vocabulary.VocabularyError(f"{PRODUCT}.yaml: {tier!r} must map senses to word lists")
    return frozenset(str(w).lower() for words in senses.values() for w in words or ())


@cache
def product_nouns() -> frozenset[str]:
    """Nouns that are judgements of the goods ("heft", "panache"): an adjective before one judges."""
    return frozenset(vocabulary.words(PRODUCT, "nouns"))


@cache
def product_nuisances() -> frozenset[str]:
    """Graded nuisances ("play", "glare", "stickiness"): their absence or trace judges ("no play")."""
    return frozenset(vocabulary.words(PRODUCT, "nuisances"))


def adverbs(words: Iterable[str]) -> dict[str, str]:
    """-ly adverb -> adjective for ``words`` ("neat" -> "neatly", "generous" -> "generously")."""
    out: dict[str, str] = {}
    for word in words:
        if "-" in word:
            continue
        for form in adjective_forms(word):
            if form.endswith("ly") and form != word:
                out[form] = word
        if word.endswith("ble"):
            out[word[:-1] + "y"] = word
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Rebuild the vocabulary file from the lexicon XML named on the command line."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m specllint.evaluative_lexicon path/to/en-sentiment.xml", file=sys.stderr)
        return 2
    words, strong = select(Path(args[0]).read_text(encoding="utf-8"))
    output_path().write_text(render(words, strong), encoding="utf-8")
    print(f"{len(words)} adjectives ({len(strong)} strong) -> {output_path()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
