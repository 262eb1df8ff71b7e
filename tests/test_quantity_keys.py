"""Labels that name a measured property without being in SPL202's word list."""

import pytest

from specllint.quantity_keys import declares_unit, has_unitless_word, is_measured_noun


@pytest.mark.parametrize("word", ["stiffness", "permeability", "inductance", "amperage", "latency", "clearance"])
def test_nouns_of_measure_by_formation(word):
    assert is_measured_noun(word)


@pytest.mark.parametrize("word", ["quality", "reference", "package", "fastness", "whiteness", "agency", "length"])
def test_other_nouns_are_not_measured(word):
    assert not is_measured_noun(word)


def test_unitless_words_in_a_label():
    assert has_unitless_word("weight class")
    assert has_unitless_word("Thread count")
    assert not has_unitless_word("overall seat height")


@pytest.mark.parametrize(
    "text",
    ["Measurements in inches: body length 28", "All dimensions in mm: 600 x 400", "Size chart (cm): chest 110"],
)
def test_unit_declared_for_the_clause(text):
    assert declares_unit(text)


@pytest.mark.parametrize("text", ["Sizes in stock: 42, 44", "Thickness 2, packed in cartons", "Weight (approx.): 12"])
def test_no_unit_declared(text):
    assert not declares_unit(text)
