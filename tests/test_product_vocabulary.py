"""The product-quality vocabulary (rules/vocabulary/product-judgements.yaml): its format, and
the frames where its words are flagged as vague terms or left alone as descriptions."""

from __future__ import annotations

import re

import pytest

import specllint
from specllint import evaluative_lexicon as lex
from specllint.vocabulary import VocabularyError, load

CONFIG = specllint.Config(select=["SPL101", "SPL108"], plugins=False, sections_profile="none")
WORD = re.compile(r"^[a-z]+$")


def vague(text: str) -> list[str]:
    return [f.text for f in specllint.lint(text, config=CONFIG).findings if f.category == "vague-term"]


# -- the data file -------------------------------------------------------------------------


def test_file_says_it_was_written_for_the_project_and_has_every_tier():
    data = load(lex.PRODUCT)
    head = (lex.vocabulary.vocabulary_dir() / f"{lex.PRODUCT}.yaml").read_text(encoding="utf-8").split("\nanywhere:")[0]
    assert "Written for specllint" in head
    assert set(lex.PRODUCT_TIERS) <= set(data) and "nouns" in data
    for tier in lex.PRODUCT_TIERS:
        assert isinstance(data[tier], dict) and all(data[tier].values())


def test_words_are_single_lower_case_words_in_exactly_one_tier():
    seen: dict[str, str] = {}
    for tier in lex.PRODUCT_TIERS:
        for word in lex.product_words(tier):
            assert WORD.match(word), word  # one token: compounds belong to SPL101's terms
            assert word not in seen, f"{word} in {seen.get(word)} and {tier}"
            seen[word] = tier
    assert len(seen) > 250
    assert {"supple", "lofty", "snappy"} <= lex.product_words("anywhere")
    assert {"fluid", "positive", "compact"} <= lex.product_words("predicate")
    assert all(WORD.match(w) for w in lex.product_nouns())


def test_unknown_tier_is_an_error():
    with pytest.raises(ValueError):
        lex.product_words("everywhere")


def test_a_malformed_tier_names_the_file(monkeypatch):
    monkeypatch.setattr(lex.vocabulary, "load", lambda name: {"frames": ["plush"]})
    lex.product_words.cache_clear()
    try:
        with pytest.raises(VocabularyError, match=r"product-judgements\.yaml"):
            lex.product_words("frames")
    finally:
        lex.product_words.cache_clear()


# -- where the words judge ------------------------------------------------------------------

FLAGGED = [
    # an "anywhere" word before any noun, and one coordinated with it by a comma
    ("Rain jacket with a featherweight shell.", ["featherweight"]),
    ("Speakers with a lush, spacious soundstage.", ["lush", "spacious"]),
    # predicates: terse, after a copula, the second of a coordinated pair, after a result verb
    ("Leather supple, edges burnished.", ["supple"]),
    ("Seat foam must be springy.", ["springy"]),
    ("Dining chairs solid and substantial.", ["solid", "substantial"]),
    ("Balm leaves skin supple and nourished.", ["supple", "nourished"]),
    ("Serum left the skin plumped.", ["plumped"]),
    # a label's value, also for words that only judge as predicates
    ("Drape: fluid; lustre: subtle.", ["fluid", "subtle"]),
    ("Ratchet action positive and precise.", ["positive", "precise"]),
    # before a property noun, and adjectives before a judgement noun
    ("Serum leaves a luminous finish.", ["luminous finish"]),
    ("Watch case of considerable heft.", ["considerable heft"]),
    # derived adverbs and compounds
    ("Halves mate snugly with a satisfying click.", ["snugly", "satisfying"]),
    ("Housing creak-free and reassuringly rigid.", ["creak-free", "reassuringly rigid"]),
    ("Bamboo boards knife-kind.", ["knife-kind"]),
    ("Hoodie for a cocooning, cloud-soft feel.", ["cocooning", "soft"]),
    ("Ride-on car zippy and stable.", ["zippy", "stable"]),
    # comparatives of product words, and the second of two predicates after a copula
    ("Foam springier than the old grade.", ["springier"]),
    ("Finished goods shall be tidy and serviceable.", ["tidy", "serviceable"]),
]

CLEAN = [
    # words that name a kind of thing before a noun, or are nouns
    "Bottle holds 8 fluid ounces ± 0.2 fl oz.",
    "Positive locking by spring pin, pull-out ≥ 200 N.",
    "Compact powder 10 g ± 0.5 g, mirror in lid.",
    "Relaxed fit per size chart SC-2026-04 rev B.",
    "Detailed drawing D-12 rev C attached.",
    "Power supply 12 V DC, 2 A.",
    "Towelling yarn, terry loops 6 mm ± 1 mm.",
    "Plush toy, seam strength ≥ 70 N per EN 71-1.",
    "Luminous flux 806 lm ± 10 %.",
    "Sparkling wine flutes, brimful capacity 210 ml ± 5 ml.",
    # fixed technical terms
    "Soft enamel lapel pins, gold-plated.",
    "Care: gentle cycle 30 °C, spin ≤ 800 rpm.",
    "Perfect-bound catalogue, 64 pages plus cover.",
    "Light-duty shelving: 80 kg per shelf uniformly distributed load per EN 15629.",
    "Slick tyres for the toy car, Ø 40 mm ± 0.5 mm.",
    "Non-stick coating per EN 12983-1, release test 5 eggs.",
    # made measurable in the clause, or defined
    "Rugged tablet certified to MIL-STD-810H Method 516.6.",
    "Springy foam, rebound ≥ 45 % per ISO 8307.",
    "Adequate insurance defined as 110 % of CIF value.",
    # not a result predicate, a name, or an absence
    "Leave the carton flaps open.",
    "Keen Industries Ltd, Ningbo.",
    "Free of disturbing streaks under D65.",
    "Fill loftier than 20 cm³/g per JIS L 1095.",
    "Rain slicker, PU coating 0.2 mm ± 0.02 mm.",
    "Boxes must be stacked and palletised.",
]


@pytest.mark.parametrize(("text", "expected"), FLAGGED)
def test_product_words_are_flagged_where_they_judge(text, expected):
    assert vague(text) == expected


@pytest.mark.parametrize("text", CLEAN)
def test_product_words_that_describe_or_are_measured_stay_quiet(text):
    assert vague(text) == []
