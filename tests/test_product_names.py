"""Title-case product-line and company names are not judgements (specllint/evaluative_frames.py)."""

from __future__ import annotations

import pytest
import spacy

from specllint.evaluative_frames import is_proper_name

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text",
    [
        "Luxury Linen Edition style LL-208, colourway 12 sage.",
        "Sturdy Oak Range sideboard, SKU SO-1802.",
        "Premium Cotton Collection style PC-114.",
        "Ultra Soft Comfort Pillow, item no. 77-210.",
        "Strong Box Ltd is the carton supplier.",
        "Pleasant Valley collection in four colours.",
    ],
)
def test_a_name_that_opens_the_clause_is_recognised(text):
    assert is_proper_name(NLP(text), 0)


@pytest.mark.parametrize(
    "text",
    [
        "Super Soft Cotton Towels for the spa.",  # a title-case heading, no line noun or code
        "Soft lining in the sleeves.",
        "Durable Luggage Shell For Travel.",
    ],
)
def test_title_case_praise_is_not_a_name(text):
    assert not is_proper_name(NLP(text), 0)
