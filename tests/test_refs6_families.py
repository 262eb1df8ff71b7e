"""Sixth-round reference, acceptance and escape families: how findings of several rules meet."""

from __future__ import annotations

import pytest

import specllint

LANGUAGE = ["SPL101", "SPL103", "SPL105", "SPL106", "SPL107"]


def _found(text: str, select: list[str] | None = None) -> list[tuple[str, str]]:
    config = specllint.Config(select=select or LANGUAGE, plugins=False)
    return [(f.code, f.text) for f in specllint.lint(text, config=config).findings]


def test_label_colon_and_final_full_stop_are_not_flagged() -> None:
    assert _found("Shipping marks: usual.", ["SPL105"]) == [("SPL105", "usual")]


def test_abbreviation_keeps_its_full_stop() -> None:
    assert _found("Zips: YKK or equiv.", ["SPL106"]) == [("SPL106", "or equiv.")]


def test_reference_inside_an_acceptance_finding_is_reported_once() -> None:
    found = _found("Final gloss level per client's gut feel at the press check.")
    assert [code for code, _ in found] == ["SPL107"]


def test_hedge_inside_a_vague_time_is_reported_once() -> None:
    assert _found("Vessel ETD tentatively mid-next month.") == [("SPL103", "tentatively mid-next month")]


def test_catch_all_is_dropped_when_the_excuse_itself_is_reported() -> None:
    text = ("If the goods are delayed by power cuts or other reasons beyond the supplier's control, "
            "the delivery date will be extended as appropriate.")
    assert _found(text, ["SPL106"]) == [("SPL106", "extended as appropriate")]
    assert _found("Seller is excused for delays beyond its control.", ["SPL106"]) == [("SPL106", "beyond its control")]


@pytest.mark.parametrize("text", [
    "Hex keys from a tier-one steel source: Baosteel or Nippon Steel, mill certificate 3.1 per EN 10204.",
    "The usual forwarder, Kuehne+Nagel Ningbo, books the container.",
    "Any documents that the buyer may request shall be provided within 3 days.",
    "The wardrobe's internal depth shall be not less than 550 mm.",
])
def test_identified_or_measured_references_stay_clean(text: str) -> None:
    assert _found(text, ["SPL105"]) == []


@pytest.mark.parametrize("text", [
    "Seam straightness: deviation ≤ 3 mm over 1 m, judged by the buyer's QC with a straightedge.",
    "Pilling grade ≥ 3-4 per ISO 12945-2, judged by a trained assessor against the EMPA photographs.",
    "The arbitrator's decision shall be final and binding on both parties.",
])
def test_measured_or_legal_verdicts_are_not_acceptance(text: str) -> None:
    assert _found(text, ["SPL107"]) == []
