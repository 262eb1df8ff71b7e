"""Vague-term families of the sixth round: graded nuisances, -y comparatives, passive
participles, intensifiers, glossed terms and identified documents with a revision."""

from __future__ import annotations

import pytest

import specllint
from specllint.evidence import ClauseFacts
from specllint.morphology import default_morphology

CONFIG = specllint.Config(select=["SPL101", "SPL108"], sections_profile="none", plugins=False)


def _flagged(text: str) -> list[str]:
    return [text[f.start : f.end] for f in specllint.lint(text, config=CONFIG).findings]


def test_judging_y_words_inflect_as_adjectives() -> None:
    forms = default_morphology().forms("squishy")
    assert {"squishier", "squishiest"} <= forms
    assert "squishies" not in forms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Slider with no play.", ["no play"]),
        ("Keys with minimal travel noise.", ["minimal travel noise"]),
        ("Response lag-less.", ["lag-less"]),
        ("Children play less than adults.", []),
        ("Slider: no axial play above 0.05 mm.", []),
    ],
)
def test_graded_nuisances(text: str, expected: list[str]) -> None:
    assert _flagged(text) == expected


def test_participle_used_as_passive_verb_is_not_a_judgement() -> None:
    assert _flagged("The solvent is absorbed by the carbon filter.") == []


def test_intensifier_grades_any_adjective_but_not_a_position() -> None:
    assert _flagged("The balm is very cooling.") == ["very cooling"]
    assert _flagged("At the very beginning of production.") == []


def test_first_of_two_coordinated_adjectives_before_a_property() -> None:
    assert "sound" in _flagged("Castings of sound and uniform quality.")


def test_glossed_term_is_measurable_by_its_gloss() -> None:
    assert _flagged("Marine-grade steel, meaning EN 1.4401 per EN 10088-3.") == []
    assert _flagged("Marine-grade steel for the railings.") == ["Marine-grade"]


def test_document_with_code_and_revision_is_evidence() -> None:
    facts = ClauseFacts("Hand feel per the spec sheet SP-22 rev B.")
    assert facts.measured(0, len(facts.text))
    assert not ClauseFacts("Hand feel per the spec sheet.").measured(0, 30)
