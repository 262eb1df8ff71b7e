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
