"""The evaluative lexicon: the committed data file's format, the generator (on a small
synthetic XML, never the source file) and the frames where a lexicon word is flagged."""

from __future__ import annotations

import re

import pytest

import specllint
from specllint import evaluative_lexicon as lex
from specllint.vocabulary import load

CONFIG = specllint.Config(select=["SPL101", "SPL108", "SPL109"], plugins=False, sections_profile="none")
WORD = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


def vague(text: str) -> list[str]:
    return [f.text for f in specllint.lint(text, config=CONFIG).findings if f.category == "vague-term"]


# -- the committed file --------------------------------------------------------------------


def test_committed_file_names_its_source_licence_and_rebuild_command():
    head = lex.output_path().read_text(encoding="utf-8").split("\nadjectives:")[0]
    assert "De Smedt" in head and "Daelemans" in head
    assert "PDDL" in head
    assert "python -m specllint.evaluative_lexicon" in head
    assert f"subjectivity >= {lex.MIN_SUBJECTIVITY}" in head


def test_committed_lists_are_sorted_lower_case_words_without_stopwords():
    data = load("evaluative")
    words, strong = data["adjectives"], data["strong"]
    assert len(words) > 500 and len(strong) > 200
    assert words == sorted(set(words)) and strong == sorted(set(strong))
    assert all(WORD.match(w) for w in words)
    assert set(strong) <= set(words)
    assert not set(words) & lex.stopwords()
    assert {"impeccable", "dainty", "gorgeous"} <= set(words)
    assert {"black", "solid", "plain", "clear", "round", "able", "due"}.isdisjoint(words)


# -- the generator -------------------------------------------------------------------------

XML = """<?xml version="1.0" encoding="utf-8"?>
<sentiment language="en">
<word form="dainty" pos="JJ" polarity="0.9" subjectivity="1.0" />
<word form="dainty" pos="JJ" polarity="0.5" subjectivity="0.9" />
<word form="stiff" pos="JJ" polarity="-0.5" subjectivity="0.5" />
<word form="stiff" pos="JJ" polarity="0.0" subjectivity="0.0" />
<word form="black" pos="JJ" polarity="-0.4" subjectivity="1.0" />
<word form="tepid" pos="JJ" polarity="0.1" subjectivity="0.9" />
<word form="wow" pos="UH" polarity="0.9" subjectivity="1.0" />
<word form="in good taste" pos="JJ" polarity="0.7" subjectivity="0.6" />
</sentiment>
"""


def test_generator_applies_thresholds_stoplist_and_strength():
    words, strong = lex.select(XML)
    assert words == ["dainty", "stiff"]  # black: stoplist, tepid: not polar, wow: no adjective
    assert strong == ["dainty"]  # stiff has an objective sense
    text = lex.render(words, strong)
    assert "PDDL" in text and text.endswith("  - dainty\n") and "  - stiff\n" in text


def test_adverbs_are_derived():
    adverbs = lex.adverbs(["neat", "generous", "gentle", "tidy", "rock-steady"])
    assert adverbs["neatly"] == "neat" and adverbs["generously"] == "generous"
    assert adverbs["gently"] == "gentle" and adverbs["tidily"] == "tidy"
    assert not any("-" in a for a in adverbs)


# -- frames -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Finish: impeccable.", "impeccable"),  # the value of a label
        ("Doll clothes with dainty details.", "dainty details"),  # before a property noun
        ("Brackets stiff enough for the shelf load.", "stiff enough"),  # before "enough"
        ("Housing torsion-stiff.", "torsion-stiff"),  # compound
        ("Corners crisply mitred.", "crisply mitred"),  # adverb before a participle
        ("Reflector highly polished.", "highly polished"),  # intensifier before a participle
        ("Forged for unmatched toughness.", "unmatched toughness"),  # before a judgement noun
        ("Sheet with lovely print.", "lovely"),  # a strong word before any noun
        ("Bag reassuringly thick.", "reassuringly thick"),  # an -ingly adverb
        ("Tote bag, handle grippy.", "grippy"),  # a sensory -y word as a terse predicate
        ("Cushion generously filled with feather.", "generously filled"),
        ("Quilt with a cloud-like loft.", "cloud-like"),
    ],
)
def test_lexicon_words_are_flagged_where_they_judge(text, expected):
    assert expected in vague(text)


@pytest.mark.parametrize(
    "text",
    [
        "Colour black, round corners, solid oak.",
        "Supplier is responsible for the packing.",
        "Pre-shipment inspection by a reputable inspection company.",
        "Cosmetic marks are acceptable if they do not look bad.",
        "Stainless steel 304, dead-soft annealed, hardness ≤ 85 HRB per ASTM A240.",
        "Pressure-sensitive label, peel adhesion ≥ 12 N/25 mm per FINAT FTM 1.",
        "Payment is due 30 days after the bill of lading date.",
        "Pleasant Valley collection, SKU PV-220.",  # a product-line name
        "Lovely Lamb brand plush, licence LL-2026-04.",
        "Bath towel in 100 % cotton terry, 500 gsm ± 5 %.",  # a noun ending in -y
        "Inspection by SGS, inspection company.",
        "Colours correspondingly matched to lab dip LD-4.",
    ],
)
def test_lexicon_words_that_describe_stay_quiet(text):
    assert vague(text) == []


def test_lexicon_word_is_exempt_when_the_clause_measures_it():
    assert vague("Panels with superb gloss.") == ["superb gloss"]
    assert vague("Panels with superb gloss ≥ 90 GU at 60° per ISO 2813.") == []
    assert vague("Finish: impeccable, AQL 1.0 major per ISO 2859-1.") == []
