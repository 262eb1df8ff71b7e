"""Values of approximation findings: a hedged number too large for a float still lints."""

from __future__ import annotations

import specllint


def test_hedged_number_beyond_float_range_is_flagged_without_a_computed_tolerance():
    text = "Quantity approx. " + "9" * 400 + " pcs."
    report = specllint.lint(text, config=specllint.Config(select=["SPL102"]))
    [finding] = report.findings
    assert finding.code == "SPL102"
    assert finding.text.startswith("approx. 999")
