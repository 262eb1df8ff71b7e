"""Escape-clause (SPL106) and subjective-acceptance (SPL107) frames: the evaluative-lexicon
class, fallback conditions reported once, and hard negatives that use the same words."""

from __future__ import annotations

import pytest

import specllint
from specllint.engine import get_linter
from specllint.evaluative_lexicon import adjectives

CONFIG = specllint.Config(select=["SPL106", "SPL107"], plugins=False, sections_profile="none")


def found(text: str) -> list[tuple[str, str]]:
    """(code, flagged text) of every SPL106/SPL107 finding."""
    return [(f.code, f.text) for f in specllint.lint(text, config=CONFIG).findings]


def test_lexicon_rules_see_the_evaluative_lexicon_as_a_class():
    linter = get_linter(CONFIG)
    kind = next(r.kind for r in linter.runners if r.rule.code == "SPL107")
    assert "gorgeous" in adjectives()
    assert kind.terms.triggers() is not None
    # "gorgeous" is in no listed class, only in the lexicon; a describing word is in neither
    assert found("Gift tin graphics must appear gorgeous.") == [("SPL107", "must appear gorgeous")]
    assert "rectangular" not in adjectives()
    assert found("Gift tin must appear rectangular from above.") == []


def test_a_supply_condition_is_reported_alone_only_without_a_substitution():
    # the condition is the only escape: reported
    assert found("Main label damask; satin label should the looms be fully booked.") == [
        ("SPL106", "should the looms be fully booked")
    ]
    # next to a substitution the rule reports, it is not a second finding
    assert found("Should the resin be unavailable, a similar grade will be used.") == [
        ("SPL106", "a similar grade will be used")
    ]


@pytest.mark.parametrize(
    ("text", "code", "span"),
    [
        ("Paint brand is a matter for the factory.", "SPL106", "a matter for the factory"),
        ("Zinc pullers should brass prices spike.", "SPL106", "should brass prices spike"),
        ("Drape must satisfy the sensibilities of our design director.", "SPL107",
         "satisfy the sensibilities of our design director"),
        ("Make it feel like the Apple one.", "SPL107", "feel like the Apple one"),
    ],
)
def test_frames_flag_unseen_wording(text: str, code: str, span: str):
    assert (code, span) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "In case of shortage, the supplier ships the balance within 14 days.",
        "If brass prices rise above USD 9,000/t, the price follows the formula in Annex P.",
        "Any panel found defective in the cycle test per EN 15570 shall be replaced.",
        "Lab dip approval signed by the buyer's colourist on 2026-03-01, ref. LD-882.",
        "Fragrance matches standard F-220 in a triangle test (no significant difference at α = 0.05).",
        "Fabric should feel silky and be squat-proof.",
        "The warning label reads as follows: keep away from fire.",
    ],
)
def test_hard_negatives_stay_clean(text: str):
    assert found(text) == []
