"""What the language rules count as evidence in a clause (specllint/evidence.py)."""

from __future__ import annotations

import pytest

from specllint.evidence import ClauseFacts


def _referenced_after(text: str, phrase: str) -> bool:
    end = text.index(phrase) + len(phrase)
    return ClauseFacts(text).referenced(end, len(text))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Colour as per sample approved 2026-02-11.", "as per sample"),
        ("Unless otherwise specified on drawing D-1021 rev B, ISO 2768-m applies.", "Unless otherwise specified"),
        ("Samples by the usual courier, DHL Express account 12345.", "the usual courier"),
        ("Firmware same as the previous lot, build 1142.", "the previous lot"),
    ],
)
def test_identifiers_and_dates_name_what_is_referred_to(text, phrase):
    assert _referenced_after(text, phrase)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The Seller will endeavour to ship on or before 2026-06-30.", "endeavour to"),
        ("Delivery as agreed, no later than 2026-03-15.", "as agreed"),
        ("Packing as discussed, deliver by 12.05.2026.", "as discussed"),
    ],
)
def test_a_deadline_date_identifies_nothing(text, phrase):
    assert not _referenced_after(text, phrase)


@pytest.mark.parametrize(
    ("text", "claim", "tested"),
    [
        ("Shatter-resistant lens, passing a 1.2 m drop onto steel.", "Shatter-resistant", True),
        ("Break-resistant tumbler, survives 10 drops from 1.2 m.", "Break-resistant", True),
        ("Leak-proof lid: no leakage after 24 h inverted.", "Leak-proof", True),
        ("Shatter-resistant lens for outdoor use.", "Shatter-resistant", False),
        ("Soft lining, passing a 1.2 m drop.", "Soft", False),  # not a resistance claim
        ("Leak-proof lid. Carton passes a 0.8 m drop.", "Leak-proof", False),  # another sentence
    ],
)
def test_a_passed_test_makes_a_resistance_claim_checkable(text, claim, tested):
    start = text.index(claim)
    assert ClauseFacts(text).claim_tested(start, start + len(claim)) is tested


def test_a_range_with_units_on_both_ends_is_a_constraint():
    text = "Smooth dimming from 100 % to 1 %"
    assert ClauseFacts(text).measured(0, len(text))
    assert not ClauseFacts("Smooth dimming on all channels").measured(0, 30)


@pytest.mark.parametrize(
    ("text", "word", "measured"),
    [
        ("Hard-wearing flooring, class 33 per EN ISO 10874.", "Hard-wearing", True),
        ("Zipper puller durable, zipper length 18 cm ± 0.5 cm.", "durable", False),  # another property
        ("Durable bag for the beach, class 2 per EN 13432.", "Durable", False),  # opening part too long
    ],
)
def test_a_short_heading_is_measured_by_a_rating_after_it(text, word, measured):
    assert ClauseFacts(text).heading_measured(text.index(word)) is measured


def test_a_short_label_of_coordinated_words_is_defined_by_its_value():
    text = "Warm, cosy light: 2700 K ± 100 K, CRI ≥ 90."
    assert ClauseFacts(text).defined(text.index("cosy"))
    long_label = "Soft, breathable and light summer fabric: 100 % cotton."
    assert not ClauseFacts(long_label).defined(long_label.index("Soft"))


@pytest.mark.parametrize(
    ("text", "word", "quoted"),
    [
        ('Print the claim "Stays Fresh Longer" on the back panel.', "Fresh", True),
        ('Hangtag text "super soft" in 8 pt type.', "soft", True),  # announced as text
        ('Finish must look "premium".', "premium", False),  # scare quotes
        ('Fabric should be "super soft".', "soft", False),
        ('Monitor arm for 17" to 32" screens, sturdy.', "sturdy", False),  # inch marks
    ],
)
def test_quoted_names_and_texts_to_print_are_not_claims(text, word, quoted):
    start = text.index(word)
    assert ClauseFacts(text).quoted_text(start, start + len(word)) is quoted
